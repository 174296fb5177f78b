/**
 * The Dashboard tab on the emulator: first and active after Build, every
 * figure the same as on the tab that computes it, the pace chart reading its
 * own tab with nothing plotted after today, and a new spreadsheet's empty
 * "Sheet1" replaced by the first build (a tab with anything in it stays).
 */
import { describe, expect, it } from "@jest/globals";
import { buildSla } from "../../src/gas/buildSla";
import { startNextMonth } from "../../src/gas/startNextMonth";
import { DASHBOARD_LAYOUT } from "../../src/workbook/dashboard";
import { exampleInput, exampleLeads, sheet, spreadsheetPerTest, typeLeads, value } from "./support";

const spreadsheet = spreadsheetPerTest();

function build(input: Record<string, unknown> = exampleInput("internal-en.json")): void {
  const result = buildSla(input);
  if (!result.ok) throw new Error(result.message);
}

const tabNames = (): string[] =>
  SpreadsheetApp.getActiveSpreadsheet()
    .getSheets()
    .map((tab) => tab.getName());

describe("the Dashboard", () => {
  it("comes first, is active after Build, shows what the month tab, Follow-up and the ledger say, and charts its own tab", () => {
    spreadsheet.openBuilt("2026-12-15");
    typeLeads(exampleLeads());
    expect(tabNames()).toEqual(["Dashboard", "Agreement", "2026-12", "Leads", "Follow-up"]);
    expect(SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getName()).toBe("Dashboard");

    // Lead pace: delivered, goal and status as the month tab has them.
    expect(value("Dashboard", "B6")).toBe(value("2026-12", "F3"));
    expect(value("Dashboard", "C6")).toBe(value("2026-12", "B9"));
    expect(value("Dashboard", "D6")).toBe(value("2026-12", "B10"));
    // Expected by today: 14 of 31 days have passed on 15 December.
    expect(value("Dashboard", "B7") as number).toBeCloseTo((100 * 14) / 31, 9);
    expect(value("Dashboard", "B8") as number).toBeCloseTo((value("2026-12", "F3") as number) / ((100 * 14) / 31), 9);

    // Follow-up: the month's row of the Follow-up tab, and the leads overdue now.
    expect(value("Dashboard", "B12")).toBe(value("Follow-up", "F5"));
    expect(value("Dashboard", "B13")).toBe(value("Follow-up", "G5"));
    expect(value("Dashboard", "B14")).toBe(value("Follow-up", "I5"));
    expect(value("Dashboard", "D12")).toBe(value("Follow-up", "N5"));
    expect(value("Dashboard", "B16")).toBe(value("Follow-up", "J5"));
    expect(value("Dashboard", "D16")).toBe(value("Follow-up", "O5"));
    expect(value("Dashboard", "B15")).toBe(value("Follow-up", "E3"));
    expect(value("Dashboard", "B15") as number).toBeGreaterThan(0);

    // Strikes: none yet, two misses to escalation.
    expect(value("Dashboard", "A20")).toBe("Marketing");
    expect(value("Dashboard", "B20")).toBe(0);
    expect(value("Dashboard", "D20")).toBe("2 more misses");

    // The last months: only December so far, no row for a month not yet begun.
    expect(value("Dashboard", "A24")).toBe("Month");
    expect(value("Dashboard", "B25")).toBe(value("2026-12", "F3"));
    expect(value("Dashboard", "D25")).toBe("open");
    expect(value("Dashboard", "A26")).toBe("");

    // The pace chart reads its own tab, fits a 1366 px wide screen and plots nothing after today.
    const dashboard = sheet("Dashboard");
    const [chart] = dashboard.getCharts();
    expect(chart).toBeDefined();
    for (const range of chart!.getRanges()) expect(range.getSheet().getName()).toBe("Dashboard");
    // Row header (46 px) plus the columns left of the chart plus its width fit in 1366 px.
    let left = 46;
    for (let column = 1; column < DASHBOARD_LAYOUT.chart.column; column++) left += dashboard.getColumnWidth(column);
    expect(left + DASHBOARD_LAYOUT.chart.width).toBeLessThanOrEqual(1366);

    const [domain, goal, actual, daily] = chart!.getRanges().map((range) =>
      range
        .getValues()
        .slice(1)
        .map((row) => row[0]),
    );
    expect(domain).toHaveLength(31);
    expect(goal?.[30]).toBeCloseTo(100, 9);
    // 15 December is the last day with a point; the actual line and the bars stop there.
    expect(actual?.slice(0, 15).every((point) => typeof point === "number")).toBe(true);
    expect(actual?.slice(15).every((point) => point === "#N/A")).toBe(true);
    expect(daily?.slice(15).every((point) => point === "")).toBe(true);
  });

  it("follows Start next month to the newest month and lists both months", () => {
    // The example SLA starts in December 2026; built on 5 January it has December's and January's tabs.
    expect(exampleInput("internal-en.json").startMonth).toBe("2026-12");
    spreadsheet.openBuilt("2027-01-05");
    expect(value("Dashboard", "A1")).toBe("SLA dashboard: 2027-01");
    expect(startNextMonth({ use: "agreed", early: true }).ok).toBe(true);
    // The SLA started in December; a build on 5 January made January's tab, Start next month February's.
    expect(String(sheet("Dashboard").getCharts()[0]?.getOptions().get("title"))).toMatch(/^2027-02/);
    expect(value("Dashboard", "D6")).toBe("Not started");
    const months = sheet("Dashboard")
      .getRange("A25:A27")
      .getDisplayValues()
      .map((row) => row[0]);
    expect(months.filter((month) => month !== "")).toHaveLength(3);
  });

  it("speaks German in a German SLA (a first tab users named themselves stays)", () => {
    spreadsheet.open("2026-12-15");
    sheet("Sheet1").setName("Budget");
    build({ ...exampleInput("internal-en.json"), language: "de" });
    expect(tabNames()[0]).toBe("Übersicht");
    expect(tabNames()).toContain("Budget");
    expect(value("Übersicht", "A1")).toBe("SLA-Übersicht: 2026-12");
    expect(value("Übersicht", "D20")).toBe("noch 2 Verfehlungen");
  });
});

describe("a new spreadsheet's first tab", () => {
  it("is removed by the first build while empty, and a tab added later is not removed by a later build", () => {
    spreadsheet.open();
    expect(tabNames()).toEqual(["Sheet1"]);
    build();
    expect(tabNames()).not.toContain("Sheet1");
    SpreadsheetApp.getActiveSpreadsheet().insertSheet("Sheet2");
    build();
    expect(tabNames()).toContain("Sheet2");
  });

  it("stays when it holds anything (users naming it themselves: the German SLA above)", () => {
    spreadsheet.open();
    sheet("Sheet1").getRange("C3").setValue("my notes");
    build();
    expect(tabNames()).toContain("Sheet1");
    expect(value("Sheet1", "C3")).toBe("my notes");
  });
});
