/**
 * The reconciler's decisions, in plain data: which tab is the add-on's,
 * where the lead log's columns are, which named ranges it may move, and what
 * stored state it can trust.
 */
import { describe, expect, it } from "@jest/globals";
import { matchTabs, monthsOf } from "../../src/reconcile/tabs";
import { checkHeaderRow, resolveLeadColumns } from "../../src/reconcile/leadColumns";
import { decideNamedRanges, sameCells } from "../../src/reconcile/namedRanges";
import { parseTabRecord, readChecked, workbookStateSchema } from "../../src/reconcile/storedState";
import type { DocumentSnapshot, TabSnapshot } from "../../src/reconcile/snapshot";
import { NEW_LEAD_COLUMNS, LEAD_COLUMN_KEYS, columnRuns } from "../../src/workbook/leadColumns";
import { labelsFor } from "../../src/workbook/labels";

const sheet = { inputs: { "note|2026-12-01": "H14" }, area: "A1:H44" };
const tab = (id: number, name: string, key?: string): TabSnapshot =>
  key ? { id, name, record: { key, sheet } } : { id, name };
const snapshot = (tabs: TabSnapshot[], state?: DocumentSnapshot["state"]): DocumentSnapshot => ({
  tabs,
  columnTags: [],
  rowTags: [],
  state,
});
const planned = [
  { key: "agreement", name: "Agreement" },
  { key: "leads", name: "Leads" },
];

describe("matchTabs", () => {
  it("finds the add-on's tabs by their metadata, whatever they are called now", () => {
    const { matches, refusals } = matchTabs(
      planned,
      snapshot([tab(7, "Our deal", "agreement"), tab(9, "Leads", "leads")]),
      undefined,
    );
    expect(refusals).toEqual([]);
    expect(matches.map((match) => [match.key, match.tab?.id])).toEqual([
      ["agreement", 7],
      ["leads", 9],
    ]);
    expect(matches[0]?.stored?.inputs).toEqual(sheet.inputs);
  });

  it("refuses a user's tab holding one of the add-on's names, in any letter case", () => {
    for (const name of ["Agreement", "agreement", "AGREEMENT"]) {
      const { refusals } = matchTabs(planned, snapshot([tab(3, name)]), undefined);
      expect(refusals).toEqual([{ kind: "tabNameTaken", holder: name, planned: "Agreement" }]);
    }
  });

  it("refuses to rename its tab back over a user's tab of that name", () => {
    const { refusals } = matchTabs(planned, snapshot([tab(7, "Renamed", "agreement"), tab(8, "agreement")]), undefined);
    expect(refusals).toEqual([{ kind: "tabNameTaken", holder: "agreement", planned: "Agreement" }]);
  });

  it("takes a tab of a build before metadata by the stored id, and tags it", () => {
    const layout = {
      version: 1 as const,
      sheets: { agreement: { name: "Agreement", id: 5, inputs: {}, area: "A1:B2" } },
    };
    const { matches, refusals } = matchTabs(
      planned,
      snapshot([tab(5, "Agreement")], { revision: 3, months: [], layout }),
      layout,
    );
    expect(refusals).toEqual([]);
    expect(matches[0]).toMatchObject({ tab: { id: 5 }, needsTag: true });
  });

  it("refuses a tab of its own whose record is lost everywhere, rather than guess where users' cells are", () => {
    const bare: TabSnapshot = { id: 7, name: "Agreement", record: { key: "agreement" } };
    expect(matchTabs(planned, snapshot([bare]), undefined).refusals).toEqual([
      { kind: "unknownLayout", tab: "Agreement" },
    ]);
  });

  it("prefers the stored id, then the planned name, when a key is on several tabs (a copy)", () => {
    const copies = [tab(11, "Copy of Agreement", "agreement"), tab(7, "Agreement", "agreement")];
    expect(matchTabs(planned, snapshot(copies), undefined).matches[0]?.tab?.id).toBe(7);
  });

  it("reads the months from the tabs' records when the stored state is lost", () => {
    const month: TabSnapshot = {
      id: 4,
      name: "2026-12",
      record: { key: "month:2026-12", month: { month: "2026-12", inputs: { mode: "agreed" } } },
    };
    expect(monthsOf(snapshot([month]))).toEqual([{ month: "2026-12", inputs: { mode: "agreed" } }]);
  });
});

describe("resolveLeadColumns", () => {
  const titles = [labelsFor("en").leads.headers, labelsFor("de").leads.headers];
  const header = [...labelsFor("en").leads.headers];

  it("lays a new log out from A in table order", () => {
    expect(resolveLeadColumns(undefined, [], [], titles).columns).toEqual(NEW_LEAD_COLUMNS);
  });

  it("follows the metadata when users inserted a column", () => {
    const tags = LEAD_COLUMN_KEYS.map((key, index) => ({
      sheetId: 1,
      key,
      column: index + 1 >= 3 ? index + 2 : index + 1,
    }));
    const withRegion = [...header.slice(0, 2), "Region", ...header.slice(2)];
    const resolved = resolveLeadColumns(
      { sheetId: 1, header: withRegion, columns: 26, lastUsedColumn: 17 },
      tags,
      [],
      titles,
    );
    expect(resolved.columns.company).toBe(2);
    expect(resolved.columns.tier).toBe(4);
    expect(resolved.columns.hoursSoFar).toBe(17);
    expect(resolved.untagged).toEqual([]);
  });

  it("finds an untagged log's columns by header text in either language, and tags them", () => {
    const german = [...labelsFor("de").leads.headers];
    const resolved = resolveLeadColumns(
      { sheetId: 1, header: ["Region", ...german], columns: 20, lastUsedColumn: 17 },
      [],
      [],
      titles,
    );
    expect(resolved.columns.lead).toBe(2);
    expect(resolved.columns.closedOn).toBe(13);
    expect(resolved.untagged).toHaveLength(LEAD_COLUMN_KEYS.length);
  });

  it("uses the product's named ranges before header text", () => {
    const renamed = header.map((title, index) => (index === 4 ? "Handoff (renamed)" : title));
    const resolved = resolveLeadColumns(
      { sheetId: 1, header: renamed, columns: 20, lastUsedColumn: 16 },
      [],
      [{ name: "Leads_HandedOff", sheetId: 1, a1: "E2:E1000" }],
      titles,
    );
    expect(resolved.columns.handedOff).toBe(5);
  });

  it("puts a column it can't find at the log's right end, never between users' columns", () => {
    const withoutOwner = header.filter((_, index) => index !== 5);
    // A user's value far right in a lower row counts too.
    const resolved = resolveLeadColumns(
      { sheetId: 1, header: [...withoutOwner, "My notes"], columns: 26, lastUsedColumn: 20 },
      [],
      [],
      titles,
    );
    expect(resolved.added).toEqual(["owner"]);
    expect(resolved.columns.owner).toBe(21);
  });

  it("groups columns into runs of neighbours", () => {
    expect(columnRuns([5, 1, 2, 3])).toEqual([
      { first: 1, count: 3 },
      { first: 5, count: 1 },
    ]);
  });
});

describe("checkHeaderRow", () => {
  const columns = [{ sheetId: 1, key: "lead", column: 1 }];
  it("accepts the header where it belongs, and tags a log that has no metadata yet", () => {
    expect(checkHeaderRow(1, [{ sheetId: 1, key: "sla.header", row: 1 }], columns, false)).toEqual({
      kind: "ok",
      tag: false,
    });
    expect(checkHeaderRow(1, [], [], false)).toEqual({ kind: "ok", tag: true });
  });
  it("refuses a header that moved down or was deleted, rather than write over the rows now there", () => {
    expect(checkHeaderRow(1, [{ sheetId: 1, key: "sla.header", row: 2 }], columns, true)).toEqual({
      kind: "leadHeaderMoved",
      row: 2,
    });
    expect(checkHeaderRow(1, [], columns, false)).toEqual({ kind: "leadHeaderMissing" });
    // Deleted, then an empty row inserted for it: the header goes there again.
    expect(checkHeaderRow(1, [], columns, true)).toEqual({ kind: "ok", tag: true });
    expect(checkHeaderRow(1, [{ sheetId: 2, key: "sla.header", row: 1 }], columns, false)).toEqual({
      kind: "leadHeaderMissing",
    });
  });
});

describe("decideNamedRanges", () => {
  const ours = new Map([
    ["agreement", 7],
    ["leads", 9],
  ]);
  const names = (id: number) => ({ 3: "Plan", 7: "Agreement" })[id];
  const plan = [{ name: "Quota", sheetKey: "agreement", target: "'Agreement'!$B$5" }];

  it("creates a missing name and keeps one already in place", () => {
    expect(decideNamedRanges(plan, [], ours, new Set(), names).decisions).toEqual([
      { name: "Quota", target: "'Agreement'!$B$5", action: "create" },
    ]);
    expect(
      decideNamedRanges(plan, [{ name: "Quota", sheetId: 7, a1: "B5" }], ours, new Set(), names).decisions[0]?.action,
    ).toBe("keep");
    expect(
      decideNamedRanges(plan, [{ name: "Quota", sheetId: 7, a1: "B9" }], ours, new Set(), names).decisions[0]?.action,
    ).toBe("move");
  });

  it("refuses a user's name of the same name and says where it points", () => {
    const { decisions, refusals } = decideNamedRanges(
      plan,
      [{ name: "Quota", sheetId: 3, a1: "C2" }],
      ours,
      new Set(["Quota"]),
      names,
    );
    expect(decisions).toEqual([]);
    expect(refusals).toEqual([{ kind: "namedRangeTaken", name: "Quota", target: "'Plan'!C2" }]);
  });

  it("moves its own name whose tab is gone, but not a stranger's", () => {
    const dangling = [{ name: "Quota", sheetId: undefined, a1: "#REF!" }];
    expect(decideNamedRanges(plan, dangling, ours, new Set(["Quota"]), names).decisions[0]?.action).toBe("move");
    expect(decideNamedRanges(plan, dangling, ours, new Set(), names).refusals).toHaveLength(1);
  });

  it("takes an open range read back bounded as the same cells", () => {
    expect(sameCells("E2:E1000", "'Leads'!E2:E")).toBe(true);
    expect(sameCells("F2:F1000", "'Leads'!E2:E")).toBe(false);
  });
});

describe("stored state", () => {
  it("treats junk as unreadable instead of throwing later", () => {
    expect(
      readChecked(workbookStateSchema, { revision: 2, months: ["2026-12", 5], layout: { version: 1, sheets: {} } }),
    ).toBeUndefined();
    expect(
      readChecked(workbookStateSchema, { revision: 2, months: [{ month: "2026-13", inputs: { mode: "agreed" } }] }),
    ).toBeUndefined();
    expect(
      readChecked(workbookStateSchema, { revision: 2, months: [{ month: "2026-12", inputs: { mode: "agreed" } }] }),
    ).toBeDefined();
    expect(parseTabRecord("{not json")).toBeUndefined();
    expect(parseTabRecord(JSON.stringify({ key: "leads" }))).toEqual({ key: "leads" });
  });
});
