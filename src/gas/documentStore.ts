/**
 * JSON values in document properties, split into parts: a property value may
 * hold 9 KB at most (platform facts §3), and a long SLA or a big layout can
 * exceed that. Reads and writes all keys in one call each.
 */
type Properties = GoogleAppsScript.Properties.Properties;

const PART_SIZE = 8000;

export function readJson(all: Record<string, string>, key: string): unknown {
  const parts = Number(all[`${key}.parts`] ?? 0);
  if (!Number.isInteger(parts) || parts <= 0) return undefined;
  let text = "";
  for (let index = 0; index < parts; index++) {
    const part = all[`${key}.${index}`];
    if (part === undefined) return undefined;
    text += part;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The properties that store `value` under `key`, and the stale parts of an older, longer value to delete. */
export function jsonProperties(
  all: Record<string, string>,
  key: string,
  value: unknown,
): { set: Record<string, string>; remove: string[] } {
  const text = JSON.stringify(value);
  const set: Record<string, string> = {};
  const count = Math.max(1, Math.ceil(text.length / PART_SIZE));
  for (let index = 0; index < count; index++)
    set[`${key}.${index}`] = text.slice(index * PART_SIZE, (index + 1) * PART_SIZE);
  set[`${key}.parts`] = String(count);
  const remove: string[] = [];
  for (let index = count; index < Number(all[`${key}.parts`] ?? 0); index++) remove.push(`${key}.${index}`);
  return { set, remove };
}

export function writeJson(properties: Properties, all: Record<string, string>, values: Record<string, unknown>): void {
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    const change = jsonProperties(all, key, value);
    Object.assign(set, change.set);
    remove.push(...change.remove);
  }
  properties.setProperties(set);
  for (const key of remove) properties.deleteProperty(key);
}
