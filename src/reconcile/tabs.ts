/**
 * Which tab is which: the add-on's tabs are the ones carrying its `sla.tab`
 * developer metadata, whatever they are called now. Every other tab is a
 * user's and is never written; a user's tab holding one of the add-on's
 * names (in any letter case) stops the operation before it writes.
 */
import type { DocumentSnapshot, TabSnapshot } from "./snapshot";
import type { MonthState, StoredLayout, StoredSheet } from "./storedState";

export interface PlannedTab {
  readonly key: string;
  readonly name: string;
  /** A log whose rows are users' (SheetPlan.rowsOfUsers): it keeps nothing by key, so no record is needed to find users' cells. */
  readonly rowsOfUsers?: true;
}

export interface TabMatch {
  readonly key: string;
  readonly plannedName: string;
  /** The add-on's tab for this key, when the document has it. */
  readonly tab?: TabSnapshot;
  /** What the last build wrote there: from the tab's metadata, else from the stored state. */
  readonly stored?: StoredSheet;
  /** The tab is the add-on's by the stored state alone (a build before metadata): it gets its metadata now. */
  readonly needsTag: boolean;
}

export type TabRefusal =
  /** A tab that isn't the add-on's holds a name the add-on needs. */
  | { readonly kind: "tabNameTaken"; readonly holder: string; readonly planned: string }
  /** One of the add-on's tabs, but nothing says where users' cells are on it. */
  | { readonly kind: "unknownLayout"; readonly tab: string };

/** Sheets compares tab names without regard to letter case. */
export function sameTabName(a: string, b: string): boolean {
  return a.toLocaleLowerCase() === b.toLocaleLowerCase();
}

/** The add-on's tabs by key, from their metadata; where a key is on several tabs (a copy), the stored id or the planned name decides. */
function taggedTabs(
  snapshot: DocumentSnapshot,
  layout: StoredLayout | undefined,
  planned: readonly PlannedTab[],
): Map<string, TabSnapshot> {
  const byKey = new Map<string, TabSnapshot[]>();
  for (const tab of snapshot.tabs) {
    if (!tab.record) continue;
    const list = byKey.get(tab.record.key) ?? [];
    list.push(tab);
    byKey.set(tab.record.key, list);
  }
  const chosen = new Map<string, TabSnapshot>();
  for (const [key, tabs] of byKey) {
    const storedId = layout?.sheets[key]?.id;
    const name = planned.find((tab) => tab.key === key)?.name;
    const pick =
      tabs.find((tab) => tab.id === storedId) ??
      (name === undefined ? undefined : tabs.find((tab) => sameTabName(tab.name, name))) ??
      tabs[0];
    if (pick) chosen.set(key, pick);
  }
  return chosen;
}

function storedFor(key: string, tab: TabSnapshot, layout: StoredLayout | undefined): StoredSheet | undefined {
  const recorded = tab.record?.key === key ? tab.record.sheet : undefined;
  if (recorded) return { ...recorded, name: tab.name, id: tab.id };
  const cached = layout?.sheets[key];
  if (cached && (cached.id === undefined || cached.id === tab.id)) return { ...cached, id: tab.id };
  return undefined;
}

/**
 * Matches planned tabs (and tabs an earlier build made that the plan no
 * longer has, `alsoKnown`) with the document's tabs.
 */
export function matchTabs(
  planned: readonly PlannedTab[],
  snapshot: DocumentSnapshot,
  layout: StoredLayout | undefined,
): { matches: TabMatch[]; refusals: TabRefusal[] } {
  const tagged = taggedTabs(snapshot, layout, planned);
  const ours = new Set<number>([...tagged.values()].map((tab) => tab.id));
  const logs = new Set(planned.filter((tab) => tab.rowsOfUsers).map((tab) => tab.key));
  const matches: TabMatch[] = planned.map(({ key, name }) => {
    const byTag = tagged.get(key);
    if (byTag) return { key, plannedName: name, tab: byTag, stored: storedFor(key, byTag, layout), needsTag: false };
    // A tab without metadata: the stored state names it by id, or (the first stored layouts) by name.
    const cached = layout?.sheets[key];
    const untagged = (tab: TabSnapshot): boolean => !tab.record && !tab.unreadableRecord && !ours.has(tab.id);
    const legacy = cached
      ? (snapshot.tabs.find((tab) => tab.id === cached.id && untagged(tab)) ??
        (cached.id === undefined ? snapshot.tabs.find((tab) => tab.name === cached.name && untagged(tab)) : undefined))
      : undefined;
    if (legacy) {
      ours.add(legacy.id);
      return { key, plannedName: name, tab: legacy, stored: { ...cached!, id: legacy.id }, needsTag: true };
    }
    return { key, plannedName: name, needsTag: false };
  });

  const refusals: TabRefusal[] = [];
  for (const match of matches) {
    if (match.tab && !match.stored && !logs.has(match.key))
      refusals.push({ kind: "unknownLayout", tab: match.tab.name });
    if (match.tab && match.tab.name === match.plannedName) continue;
    const holder = snapshot.tabs.find((tab) => tab !== match.tab && sameTabName(tab.name, match.plannedName));
    if (holder) refusals.push({ kind: "tabNameTaken", holder: holder.name, planned: match.plannedName });
  }
  return { matches, refusals };
}

/** The month tabs the document has, with how their inputs were set: from the stored state, else from the tabs' metadata. */
export function monthsOf(snapshot: DocumentSnapshot): MonthState[] {
  if (snapshot.state) return [...snapshot.state.months];
  const months = new Map<string, MonthState>();
  for (const tab of snapshot.tabs) {
    const month = tab.record?.month;
    if (month && tab.record?.key === `month:${month.month}`) months.set(month.month, month);
  }
  return [...months.values()];
}

/**
 * The name a new spreadsheet gives its first tab, in the languages the
 * add-on speaks and those of its neighbours ("Sheet1", "Tabellenblatt1").
 */
const DEFAULT_TAB_NAME = /^(Sheet|Tabellenblatt|Blatt|Feuille|Hoja|Foglio|Página|Blad|Arkusz)\s?\d+$/i;

/**
 * The tab a first build may remove: the one tab of a spreadsheet that holds
 * nothing of the add-on yet, still under its default name. Whether it is
 * empty is for the caller to read; a tab with anything in it stays.
 * @example defaultTabToRemove({ tabs: [{ id: 0, name: "Sheet1" }], columnTags: [], rowTags: [], state: undefined }) // 0
 */
export function defaultTabToRemove(snapshot: DocumentSnapshot): number | undefined {
  if (snapshot.state !== undefined || snapshot.tabs.length !== 1) return undefined;
  const [only] = snapshot.tabs;
  if (!only || only.record !== undefined || only.unreadableRecord) return undefined;
  return DEFAULT_TAB_NAME.test(only.name) ? only.id : undefined;
}
