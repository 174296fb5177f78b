/**
 * Monthly recalculation from actuals (method §3).
 */

/**
 * Lead-to-customer close rate c = W ÷ M.
 * @example closeRate(45, 120) // 0.375
 */
export function closeRate(customers: number, leads: number): number {
  return customers / leads;
}

/**
 * Average deal size d = V ÷ W.
 * @example dealSize(5400, 45) // 120
 */
export function dealSize(revenue: number, customers: number): number {
  return revenue / customers;
}

/**
 * Share of revenue from marketing-generated leads s = T_m ÷ T.
 * @example marketingShare(5400, 7200) // 0.75
 */
export function marketingShare(marketingRevenue: number, totalRevenue: number): number {
  return marketingRevenue / totalRevenue;
}
