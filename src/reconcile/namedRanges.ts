/**
 * Which named ranges the add-on may create or move. It makes some (Quota,
 * Leads_HandedOff…); a user may own one with the same name. A name that
 * points at one of the add-on's tabs, or that the add-on itself made, is the
 * add-on's; any other is a user's, and a build that needs it refuses and
 * names it rather than repoint it.
 */
import type { NamedRangeSnapshot } from "./snapshot";

export interface NamedRangeDecision {
  readonly name: string;
  /** `'Leads'!E2:E` */
  readonly target: string;
  readonly action: "create" | "move" | "keep";
}

export interface NamedRangeRefusal {
  readonly kind: "namedRangeTaken";
  readonly name: string;
  /** Where the user's name points now, e.g. `'Plan'!B2`, or "#REF!" when its tab is gone. */
  readonly target: string;
}

/** The cells after the sheet name: a tab keeps its identity through renames. */
function cellsOf(target: string): string {
  return target.slice(target.lastIndexOf("!") + 1).replace(/\$/g, "");
}

/**
 * Whether a name's cells are the planned ones. An open range (`E2:E`) may
 * read back bounded (`E2:E1000`): the same column from the same row is the same.
 */
export function sameCells(now: string, planned: string): boolean {
  const a = cellsOf(now);
  const b = cellsOf(planned);
  if (a === b) return true;
  return /:[A-Z]+$/.test(b) && a.replace(/\d+$/, "") === b;
}

/**
 * @param planned each name with the tab key and the target it should have
 * @param existing the document's named ranges, read now
 * @param ourTabs sheet ids of the add-on's tabs, by key
 * @param madeByUs names the add-on made, as the stored state remembers them (empty when lost)
 * @param tabName the name of a tab by id, for messages
 */
export function decideNamedRanges(
  planned: readonly { readonly name: string; readonly sheetKey: string; readonly target: string }[],
  existing: readonly NamedRangeSnapshot[],
  ourTabs: ReadonlyMap<string, number>,
  madeByUs: ReadonlySet<string>,
  tabName: (id: number) => string | undefined,
): { decisions: NamedRangeDecision[]; refusals: NamedRangeRefusal[] } {
  const ours = new Set(ourTabs.values());
  const byName = new Map(existing.map((named) => [named.name, named]));
  const decisions: NamedRangeDecision[] = [];
  const refusals: NamedRangeRefusal[] = [];
  for (const { name, sheetKey, target } of planned) {
    const found = byName.get(name);
    if (!found) {
      decisions.push({ name, target, action: "create" });
      continue;
    }
    const onOurTab = found.sheetId !== undefined && ours.has(found.sheetId);
    if (!onOurTab && !(found.sheetId === undefined && madeByUs.has(name))) {
      const where = found.sheetId === undefined ? "#REF!" : `'${tabName(found.sheetId) ?? "?"}'!${found.a1}`;
      refusals.push({ kind: "namedRangeTaken", name, target: where });
      continue;
    }
    const same = found.sheetId === ourTabs.get(sheetKey) && sameCells(found.a1, target);
    decisions.push({ name, target, action: same ? "keep" : "move" });
  }
  return { decisions, refusals };
}
