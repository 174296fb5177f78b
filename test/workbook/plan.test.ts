import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SlaConfig } from "../../src/config/schema";
import { validateConfig } from "../../src/config/validate";
import { EMPTY_WORKBOOK, monthsToHave, planWorkbook } from "../../src/workbook/plan";
import type { CellSpec, SheetPlan } from "../../src/workbook/types";

function exampleConfig(name: string): SlaConfig {
  const result = validateConfig(JSON.parse(readFileSync(join(process.cwd(), "examples", name), "utf8")), "en");
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.text).join("\n"));
  return result.config;
}

function cells(sheet: SheetPlan): CellSpec[] {
  return sheet.blocks.flatMap((block) =>
    block.cells.flatMap((line) => line.filter((cell): cell is CellSpec => cell !== undefined)),
  );
}

const PRODUCT_NAMES = [
  "Quota",
  "MarketingShare",
  "AvgDealSize",
  "CloseRate",
  "RevenueGoal",
  "CustomersNeeded",
  "LeadsNeeded",
  "FollowUpGoalHours",
  "FollowUpGoalAttempts",
  "Leads_Tier",
  "Leads_HandedOff",
  "Leads_FirstFollowUp",
  "Leads_Attempts",
  "Leads_Connected",
  "Leads_Customer",
  "Leads_Revenue",
  "Leads_ResponseHours",
];

describe("planWorkbook", () => {
  const config = exampleConfig("internal-en.json");
  const plan = planWorkbook(config, EMPTY_WORKBOOK, "2026-11-28");

  it("plans the agreement with its misses ledger, the first month, the lead log and the follow-up report", () => {
    expect(plan.sheets.map((sheet) => sheet.key)).toEqual([
      "dashboard",
      "agreement",
      "month:2026-12",
      "leads",
      "followUp",
    ]);
    expect(plan.sheets.map((sheet) => sheet.name)).toEqual(["Dashboard", "Agreement", "2026-12", "Leads", "Follow-up"]);
  });

  it("defines every product named range exactly once", () => {
    const names = plan.namedRanges.map((named) => named.name);
    for (const name of PRODUCT_NAMES) expect(names.filter((found) => found === name)).toHaveLength(1);
    expect(plan.namedRanges.find((named) => named.name === "Leads_HandedOff")).toEqual({
      name: "Leads_HandedOff",
      sheetKey: "leads",
      range: "E2:E",
    });
  });

  it("colours with cell formats: every conditional-format rule tests something, none always holds", () => {
    for (const language of ["en", "de"] as const) {
      const sheets = planWorkbook({ ...config, language }, EMPTY_WORKBOOK, "2026-12-15").sheets;
      const rules = sheets.flatMap((sheet) =>
        sheet.conditionalFormats.map((rule) => ({ sheet: sheet.key, formula: rule.formula })),
      );
      expect(rules.length).toBeGreaterThan(10);
      for (const rule of rules)
        expect({
          ...rule,
          constant: /^=\s*(TRUE|1|TRUE\(\))\s*$/i.test(rule.formula) || !/[A-Z]+\$?\d|TODAY\(\)/.test(rule.formula),
        }).toEqual({ ...rule, constant: false });
      // The fixed looks are the cells' own: headers carry their colours.
      const header = sheets
        .find((sheet) => sheet.key === "leads")
        ?.blocks.flatMap((block) => (block.row === 1 ? (block.cells[0] ?? []) : []));
      expect(header?.[0]).toMatchObject({ bold: true, background: expect.any(String) });
    }
  });

  it("writes user text as text, never as a formula", () => {
    const hostile = {
      ...config,
      title: '=IMPORTXML("http://x","//a")',
      contacts: [{ name: "@mention", email: "a@example.com", role: "+49 30 1234", party: "sales" as const }],
    };
    const agreement = planWorkbook(hostile, EMPTY_WORKBOOK, "2026-11-28").sheets.find(
      (sheet) => sheet.key === "agreement",
    ) as SheetPlan;
    const texts = cells(agreement)
      .map((cell) => cell.text)
      .filter(Boolean);
    expect(texts).toEqual(expect.arrayContaining(['=IMPORTXML("http://x","//a")', "@mention", "+49 30 1234"]));
    expect(cells(agreement).some((cell) => cell.formula?.includes("IMPORTXML"))).toBe(false);
  });

  it("writes locale-proof formulas: no decimal literals, no semicolons", () => {
    for (const sheet of plan.sheets) {
      for (const cell of cells(sheet)) {
        if (!cell.formula) continue;
        const outsideStrings = cell.formula.replace(/"(?:[^"]|"")*"/g, '""');
        expect(outsideStrings).not.toMatch(/\d\.\d/);
        expect(outsideStrings).not.toContain(";");
      }
    }
  });

  it("lays out a 28-day and a 31-day month with the same structure", () => {
    const february = planWorkbook({ ...config, startMonth: "2027-02" }, EMPTY_WORKBOOK, "2026-11-28")
      .sheets[2] as SheetPlan;
    const december = plan.sheets[2] as SheetPlan;
    expect(february.blocks).toHaveLength(december.blocks.length);
    expect(february.charts.map((chart) => chart.series.length)).toEqual(
      december.charts.map((chart) => chart.series.length),
    );
    expect(february.charts[0]?.domain).toBe("A31:A59");
    expect(december.charts[0]?.domain).toBe("A31:A62");
  });

  it("keeps room in the lead log: 1,000 rows new, and at least 999 free rows below the last lead", () => {
    expect(plan.sheets.find((sheet) => sheet.key === "leads")?.minRows).toBe(1000);
    const busy = planWorkbook(config, { leadsLastRow: 5001, leadsMaxRows: 5100, months: [] }, "2026-11-28");
    expect(busy.sheets.find((sheet) => sheet.key === "leads")?.minRows).toBe(6000);
    // Lead-log names are open ranges: they reach the last of those rows without moving.
    expect(busy.namedRanges.find((named) => named.name === "Leads_Revenue")?.range).toBe("K2:K");
  });

  it("adds month tabs up to today for an SLA that started earlier, newest first, and keeps recalculated inputs", () => {
    const months = monthsToHave(
      config,
      [{ month: "2026-12", inputs: { mode: "recalculated", closeRate: 0.4, from: "2026-11" } }],
      "2027-02-10",
    );
    expect(months.map((state) => state.month)).toEqual(["2027-02", "2027-01", "2026-12"]);
    expect(months[2]?.inputs).toEqual({ mode: "recalculated", closeRate: 0.4, from: "2026-11" });
  });

  it("plans a German multi-level SLA with three party columns and German labels", () => {
    const german = exampleConfig("multilevel-de.json");
    const plan = planWorkbook(german, EMPTY_WORKBOOK, "2026-11-28");
    expect(plan.sheets.map((sheet) => sheet.name)).toEqual([
      "Übersicht",
      "Vereinbarung",
      "2027-01",
      "Leads",
      "Nachverfolgung",
    ]);
    // The misses ledger closes the Agreement tab: a row per month and party under its title and headers.
    const rows = (plan.sheets.find((sheet) => sheet.key === "agreement") as SheetPlan).blocks[0]?.cells ?? [];
    const title = rows.findIndex(
      (line) => line[0]?.value === "Protokoll: erreichte und verfehlte Ziele, Verwarnungen und Kündigung",
    );
    expect(rows[title + 1]?.map((cell) => cell?.value)).toEqual([
      "Monat",
      "Partei",
      "Ziel",
      "Ergebnis",
      "Ziel erreicht?",
      "Verwarnungen bisher",
      "Verfehlt in Folge",
      "Eskalation",
      "Kündigung",
      "Notizen und Maßnahmen",
    ]);
    const parties = rows.slice(title + 2).map((line) => line[1]?.text);
    expect(parties.slice(0, 3)).toEqual(["Marketing", "Vertrieb", "Kundenservice"]);
    expect(parties).toHaveLength(36);
    // The follow-up tables' totals blocks (by month, by rep, by source), titled and headed in German.
    const followUp = plan.sheets.find((sheet) => sheet.key === "followUp") as SheetPlan;
    const texts = cells(followUp).map((cell) => cell.value);
    expect(texts.filter((text) => text === "Summen hinter den Kennzahlen")).toHaveLength(3);
    expect(texts.filter((text) => text === "Reaktionszeit Std. (Summe)")).toHaveLength(3);
    // The German default sources (a config saved at version 2 gets them by the migration) and the speed bands.
    expect(texts).toContain("Nachverfolgung nach Quelle (alle Monate)");
    expect(texts).toContain("Innerhalb 5 min");
    expect(texts).toContain("Im eigenen Ziel");
  });

  it("never plans two things into one cell, even with many requirements and holidays", () => {
    const requirements = Array.from({ length: 20 }, (_, index) => ({
      from: "sales" as const,
      to: "marketing" as const,
      text: `Report ${index + 1}`,
      perMonth: 1,
    }));
    const holidays = Array.from({ length: 120 }, (_, index) =>
      new Date(Date.UTC(2027, 0, 1 + index)).toISOString().slice(0, 10),
    );
    const crowded = { ...config, months: 36, requirements, sales: { ...config.sales, holidays } };
    expect(() => planWorkbook(crowded, EMPTY_WORKBOOK, "2026-11-28")).not.toThrow();
    const agreement = planWorkbook(crowded, EMPTY_WORKBOOK, "2026-11-28").sheets.find(
      (sheet) => sheet.key === "agreement",
    ) as SheetPlan;
    // Holidays in column 23, the working days they take off in column 24.
    expect(agreement.minColumns).toBe(24);
    // However few requirements: 120 holidays run down past the tiers, the checklist and the misses ledger, beside them.
    const tiers = [{ name: "A", valuePerLead: 10 }, { name: "B" }];
    for (const count of [0, 2, 5, 7, 9]) {
      const config2 = {
        ...crowded,
        months: 12,
        requirements: requirements.slice(0, count),
        marketing: { ...config.marketing, tiers },
      };
      expect(() => planWorkbook(config2 as typeof config, EMPTY_WORKBOOK, "2026-11-28")).not.toThrow();
    }
  });

  it("marks every cell users type into with a stable key", () => {
    const inputs = plan.sheets.flatMap((sheet) =>
      cells(sheet)
        .filter((cell) => cell.input)
        .map((cell) => cell.input?.key),
    );
    expect(new Set(inputs).size).toBe(inputs.length);
    expect(inputs).toEqual(
      expect.arrayContaining([
        "totalRevenue|2026-12",
        "note|2026-12-31",
        "followUp|repMonth",
        "ledger|2026-12|marketing",
      ]),
    );
  });
});
