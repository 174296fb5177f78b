import { SlaInputError } from "./problems";

/** Tier names match ignoring case and surrounding spaces: "CEO " is "ceo". */
export function tierKey(name: string): string {
  return name.trim().toLocaleLowerCase();
}

/**
 * Builds the lookup of value per lead by tier, refusing a tier listed twice.
 * @example tierValues([["CEO", 100], ["Director", 50]], "tier_table").get("ceo") // 100
 */
export function tierValues(rows: readonly (readonly [string, number])[], field: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const [name, value] of rows) {
    const key = tierKey(name);
    if (values.has(key)) throw new SlaInputError("duplicateTier", field, name, { tier: name });
    values.set(key, value);
  }
  return values;
}

/**
 * Total value of leads, each worth its tier's value per lead (method §2, lead tiers).
 * @example leadValue(["CEO", "Manager", "ceo"], tierValues([["CEO", 100], ["Manager", 40]], "t")) // 240
 */
export function leadValue(tiers: readonly string[], values: ReadonlyMap<string, number>, field = "tiers"): number {
  let total = 0;
  for (const tier of tiers) {
    const value = values.get(tierKey(tier));
    if (value === undefined) throw new SlaInputError("unknownTier", field, tier, { tier });
    total += value;
  }
  return total;
}
