import { ceilWhole } from "./numbers";

/**
 * Marketing's share of the quota: R = Q × s (method §2).
 * @param quota Q, the sales quota (≥ 0)
 * @param marketingShare s, fraction of revenue from marketing leads (0 < s ≤ 1)
 * @example revenueGoal(5000, 1) // 5000
 */
export function revenueGoal(quota: number, marketingShare: number): number {
  return quota * marketingShare;
}

/**
 * Customers marketing's leads must turn into: K = R ÷ d, rounded up to whole
 * customers unless `exact`.
 * @example customersNeeded(5000, 1, 100) // 50
 * @example customersNeeded(5000, 1, 300, true) // 16.666…
 */
export function customersNeeded(quota: number, marketingShare: number, avgDealSize: number, exact = false): number {
  const customers = revenueGoal(quota, marketingShare) / avgDealSize;
  return exact ? customers : ceilWhole(customers);
}

/**
 * Leads marketing must deliver: L = K ÷ c. By default whole customers first,
 * then whole leads, each rounded up (a goal counts people, not fractions);
 * `exact` gives R ÷ d ÷ c unrounded.
 * @example leadsNeeded(5000, 1, 100, 0.5) // 100 (the guide's worked example)
 * @example leadsNeeded(5000, 1, 300, 0.5) // 34: 17 customers ÷ 50 %
 */
export function leadsNeeded(
  quota: number,
  marketingShare: number,
  avgDealSize: number,
  closeRate: number,
  exact = false,
): number {
  if (exact) return customersNeeded(quota, marketingShare, avgDealSize, true) / closeRate;
  return ceilWhole(customersNeeded(quota, marketingShare, avgDealSize) / closeRate);
}

/**
 * Each lead tier's share of the quota (method §2, lead tiers): a tier's share
 * is the part of the quota its leads bring, so tier shares split the
 * marketing share. Tiers with their own share keep it; the others split
 * evenly what those leave of the marketing share. Whether the own shares fit
 * is tierSharesOverflow's question.
 *
 * @example tierShares(0.6, [0.2, undefined, undefined]) // [0.2, 0.2, 0.2]
 */
export function tierShares(marketingShare: number, own: readonly (number | undefined)[]): number[] {
  const given = own.reduce<number>((sum, share) => sum + (share ?? 0), 0);
  const without = own.filter((share) => share === undefined).length;
  const rest = without === 0 ? 0 : Math.max(0, marketingShare - given) / without;
  return own.map((share) => share ?? rest);
}

/**
 * The sum of the tiers' own shares when it is more than the marketing share
 * (beyond rounding noise), else undefined.
 * @example tierSharesOverflow(0.5, [0.3, 0.3]) // 0.6
 */
export function tierSharesOverflow(marketingShare: number, own: readonly (number | undefined)[]): number | undefined {
  const given = own.reduce<number>((sum, share) => sum + (share ?? 0), 0);
  return given > marketingShare * (1 + 1e-12) ? given : undefined;
}
