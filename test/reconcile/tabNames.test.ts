/**
 * Switching a workbook's language renames the add-on's tabs; a user's own tab
 * already holding one of the new names, in any letter case, is a refusal
 * (the hostile end-to-end case with a user's 'NACHVERFOLGUNG' tab is in
 * test/integration/hostile.test.ts).
 */
import { describe, expect, it } from "@jest/globals";
import type { DocumentSnapshot, TabSnapshot } from "../../src/reconcile/snapshot";
import { matchTabs } from "../../src/reconcile/tabs";
import { labelsFor } from "../../src/workbook/labels";

const ours = (id: number, name: string, key: string): TabSnapshot => ({
  id,
  name,
  record: { key, sheet: { inputs: {}, area: "A1:B2" } },
});
const snapshot = (tabs: TabSnapshot[]): DocumentSnapshot => ({ tabs, columnTags: [], rowTags: [], state: undefined });

describe("matchTabs on a switch to German", () => {
  const english = labelsFor("en").sheets;
  const german = labelsFor("de").sheets;
  const keys = ["agreement", "leads", "followUp"] as const;
  const built = keys.map((key, i) => ours(i + 1, english[key], key));
  const planned = keys.map((key) => ({ key, name: german[key] }));

  it("renames the add-on's own tabs when no user tab holds a German name", () => {
    const { matches, refusals } = matchTabs(planned, snapshot(built), undefined);
    expect(refusals).toEqual([]);
    expect(matches.map((match) => [match.key, match.tab?.id])).toEqual(keys.map((key, i) => [key, i + 1]));
  });

  it("refuses a user's tab holding a German name of the add-on's tabs, in any letter case", () => {
    for (const key of ["agreement", "followUp"] as const) {
      for (const holder of [german[key].toLowerCase(), german[key].toUpperCase()]) {
        const { refusals } = matchTabs(planned, snapshot([...built, { id: 9, name: holder }]), undefined);
        expect(refusals).toEqual([{ kind: "tabNameTaken", holder, planned: german[key] }]);
      }
    }
  });
});
