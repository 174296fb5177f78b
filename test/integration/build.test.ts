/**
 * The real add-on code (src/gas) building and maintaining the SLA workbook on
 * the local Sheets emulator, where every formula is evaluated.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { buildSla } from "../../src/gas/buildSla";
import { loadDocumentState, saveDocumentState } from "../../src/gas/documentState";
import { parseRect } from "../../src/gas/rects";
import { startNextMonth } from "../../src/gas/startNextMonth";
import { clock, fixedDay } from "../../src/gas/today";
import { LEAD_HEADROOM } from "../../src/workbook/leads";
import { call as callIn, testContext } from "../support/context";
import {
  exampleInput,
  exampleLeads,
  fixedLook,
  ledgerA1,
  namedValue,
  openBuiltSpreadsheet,
  openSpreadsheet,
  sheet,
  typeLeads,
  value,
} from "./support";

/** Custom functions as a spreadsheet in Berlin would call them, the emulator's zone. */
const call = (name: string, args: readonly unknown[]) => callIn(name, args, testContext("Europe/Berlin"));

/** The budgets: a first build reads the document and tags its tabs and log columns; a rebuild writes what changed. */
/**
 * A first build writes five tabs (the Dashboard among them) with their fixed looks as cell formats: about
 * ten calls per tab, plus one per named range and log-column tag. The budget guards against calls per row
 * or per day, which would grow with the log or the month.
 */
const BUILD_CALLS = 120;
const REBUILD_CALLS = 50;

/** A workbook of a build before tabs and log columns carried the add-on's developer metadata: only the stored state knows them. */
function asBuiltBeforeMetadata(): void {
  const book = SpreadsheetApp.getActiveSpreadsheet();
  for (const key of ["sla.tab", "sla.column"])
    for (const metadata of book.createDeveloperMetadataFinder().withKey(key).find()) metadata.remove();
}

let close: (() => void) | undefined;
afterEach(() => {
  close?.();
  close = undefined;
});

function open(today: string, locale = "en_US") {
  const opened = openSpreadsheet(today, { locale });
  close = opened.done;
  return opened.emulator;
}

/** A spreadsheet with the example SLA built on `today`, restored from one build per day for this file. */
function openBuilt(today: string) {
  const opened = openBuiltSpreadsheet(today);
  close = opened.done;
  return opened.emulator;
}

/** The Agreement tab's stored layout without the misses ledger on it: no ledger notes among its inputs. */
function withoutLedgerInputs<T extends { inputs: Readonly<Record<string, string>> }>(stored: T): T {
  return {
    ...stored,
    inputs: Object.fromEntries(Object.entries(stored.inputs).filter(([key]) => !key.startsWith("ledger|"))),
  };
}

/** The lead tiers' rows on the Agreement tab: name, value per lead, share, …, leads needed. */
function tierRows(): unknown[][] {
  const values = sheet("Agreement").getRange("A1:G80").getValues();
  const first = values.findIndex((row) => row[0] === "CEO");
  return values.slice(first, first + 3);
}

function build(input: unknown = exampleInput("internal-en.json"), options = {}) {
  const result = buildSla(input, options);
  if (!result.ok) throw new Error(`build failed: ${result.message}`);
  return result;
}

/**
 * The built example with the example leads typed into its log, shared by the tests of a describe block: they read
 * it, and only the last one changes a lead.
 */
describe("the built example with the example leads typed in", () => {
  const leads = exampleLeads();
  let done: (() => void) | undefined;
  beforeAll(() => {
    done = openBuiltSpreadsheet("2026-12-15").done;
    typeLeads(leads);
  });
  afterAll(() => done?.());

  it("builds the agreement with the guide's worked example and every product named range", () => {
    expect(namedValue("RevenueGoal")).toBe(5000);
    expect(namedValue("CustomersNeeded")).toBe(50);
    expect(namedValue("LeadsNeeded")).toBe(100);
    expect(namedValue("LeadsNeeded")).toBe(call("SLA_LEADS_NEEDED", [5000, "100%", 100, "50%"]));
    expect(namedValue("FollowUpGoalHours")).toBe(4);
    expect(namedValue("FollowUpGoalAttempts")).toBe(6);
    for (const name of [
      "Leads_Tier",
      "Leads_HandedOff",
      "Leads_FirstFollowUp",
      "Leads_Attempts",
      "Leads_Connected",
      "Leads_Customer",
      "Leads_Revenue",
      "Leads_ResponseHours",
    ]) {
      expect(SpreadsheetApp.getActiveSpreadsheet().getRangeByName(name)?.getSheet().getName()).toBe("Leads");
    }
    // Long texts break into lines instead of being cut off: the parties' goals, table headers.
    const wraps = (tab: string, a1: string): string =>
      String(sheet(tab).getRange(a1).getWrapStrategies()[0]?.[0] ?? "");
    expect(String(value("Agreement", "B10"))).toMatch(/^Deliver 100 qualified leads/);
    expect(wraps("Agreement", "B10")).toBe("WRAP");
    expect(wraps("Follow-up", "D4")).toBe("WRAP");
    expect(wraps("2026-12", "A31")).toBe("WRAP");
    expect(wraps("Agreement", "A6")).toBe("WRAP"); // the summary, a paragraph in the wide first column
    expect(wraps("Agreement", "A5")).toBe("OVERFLOW");
    // The example's three tiers without own shares split 100 % evenly.
    for (const [, , share, , , leads] of tierRows()) {
      expect(share as number).toBeCloseTo(1 / 3, 12);
      expect(leads).toBe(call("SLA_LEADS_NEEDED", [5000, 1 / 3, 100, 0.5]));
    }
  });

  it("tracks leads typed into the log: pace, status, metrics, follow-up and ledger", () => {
    // Month tab: every lead counted once, cumulative actual stops at today.
    expect(value("2026-12", "F3")).toBe(leads.length);
    const daily = sheet("2026-12").getRange("D32:E62").getValues();
    expect(daily.reduce((sum, row) => sum + Number(row[0]), 0)).toBe(leads.length);
    expect(daily[14]?.[1]).toBe(leads.length); // 15 December: all leads so far
    expect(daily[15]).toEqual(["", ""]); // 16 December: after today, blank, not zero
    expect(value("2026-12", "B10")).toBe(leads.length >= (15 * 100) / 31 ? "On track" : "Behind");

    // Response hours per row agree with SLA_RESPONSE_HOURS (business hours, holidays).
    const log = sheet("Leads").getRange(2, 1, leads.length, 14).getValues();
    const handed = log.map((row) => [row[4]]);
    const followed = log.map((row) => [row[6]]);
    const twin = call("SLA_RESPONSE_HOURS", [
      handed,
      followed,
      "Mon-Fri 09:00-17:00",
      [[new Date(2026, 11, 24)], [new Date(2026, 11, 25)]],
    ]) as unknown[][];
    log.forEach((row, index) => {
      const expected = twin[index]?.[0];
      if (expected === "") expect(row[12]).toBe("");
      else expect(row[12] as number).toBeCloseTo(expected as number, 9);
    });

    // Status per row: from the response hours, or from the working hours waited until now (column P).
    const nowCell = sheet("Agreement").getRange("Z1");
    nowCell.setFormula("=NOW()");
    const now = nowCell.getValue();
    const calculated = sheet("Leads").getRange(2, 13, leads.length, 4).getValues();
    const statuses = new Set<unknown>();
    log.forEach((row, index) => {
      const [hours, status, , soFar] = calculated[index] ?? [];
      statuses.add(status);
      if (row[4] === "") return expect(status).toBe("");
      if (row[6] === "") {
        const waited = (
          call("SLA_RESPONSE_HOURS", [
            [[row[4]]],
            [[now]],
            "Mon-Fri 09:00-17:00",
            [[new Date(2026, 11, 24)], [new Date(2026, 11, 25)]],
          ]) as unknown[][]
        )[0]?.[0];
        // Handed off after now (typed ahead): waiting.
        if (typeof waited !== "number") return expect(status).toBe("Waiting");
        expect(soFar as number).toBeCloseTo(waited, 9);
        return expect(status).toBe(waited > 4 ? "Overdue" : "Waiting");
      }
      if (typeof hours === "number") expect(soFar as number).toBeCloseTo(hours, 9);
      expect(status).toBe(typeof hours === "number" ? (hours <= 4 ? "On time" : "Late") : "");
    });
    expect(statuses.has("On time") && statuses.has("Late")).toBe(true);

    // Follow-up report agrees with SLA_FOLLOWUP_SPEED and SLA_FOLLOWUP_DEPTH.
    const speed = call("SLA_FOLLOWUP_SPEED", [handed, followed, "average", "Mon-Fri 09:00-17:00"]) as number;
    expect(value("Follow-up", "E5") as number).toBeCloseTo(speed, 9);
    expect(value("Follow-up", "F5") as number).toBeCloseTo(
      call("SLA_FOLLOWUP_SPEED", [handed, followed, "median", "Mon-Fri 09:00-17:00"]) as number,
      9,
    );
    expect(value("Follow-up", "G5") as number).toBeCloseTo(
      call("SLA_FOLLOWUP_SPEED", [handed, followed, "p90", "Mon-Fri 09:00-17:00"]) as number,
      9,
    );
    const attempts = log.map((row) => [row[7]]);
    const connected = log.map((row) => [row[8]]);
    expect(value("Follow-up", "J5") as number).toBeCloseTo(
      call("SLA_FOLLOWUP_DEPTH", [attempts, connected, handed]) as number,
      9,
    );
    expect(value("Follow-up", "B5")).toBe(leads.length);
    expect((value("Follow-up", "C5") as number) + (value("Follow-up", "D5") as number)).toBe(leads.length);
    // January has not begun: no counts, and #N/A (shown as blank) in the columns the charts draw as lines.
    expect(sheet("Follow-up").getRange("B6:M6").getValues()[0]).toEqual([
      "",
      "",
      "",
      "",
      "",
      "",
      "#N/A",
      "",
      "",
      "#N/A",
      "",
      "#N/A",
    ]);
    // By rep (the picked month is December): each rep's row agrees with the twins over that rep's leads.
    const repRows = sheet("Follow-up").getRange("A21:G23").getValues();
    expect(repRows.map((row) => row[0])).toEqual(["Kendra Miles", "Sam Ortiz", "Priya Nair"]);
    expect(repRows.filter((row) => typeof row[5] === "number").length).toBeGreaterThan(0);
    for (const rep of repRows) {
      const mine = log.filter((row) => row[5] === rep[0]);
      expect(rep[1]).toBe(mine.length);
      const answered = mine.filter((row) => typeof row[12] === "number");
      expect(rep[2]).toBe(answered.length);
      if (answered.length === 0) continue;
      const args = (stat: string): unknown[] => [
        mine.map((row) => [row[4]]),
        mine.map((row) => [row[6]]),
        stat,
        "Mon-Fri 09:00-17:00",
      ];
      expect(rep[4] as number).toBeCloseTo(call("SLA_FOLLOWUP_SPEED", args("average")) as number, 9);
      expect(rep[5] as number).toBeCloseTo(call("SLA_FOLLOWUP_SPEED", args("median")) as number, 9);
      expect(rep[6] as number).toBeCloseTo(call("SLA_FOLLOWUP_SPEED", args("p90")) as number, 9);
    }

    // Ledger: the month is still running.
    expect(value("Agreement", ledgerA1("E"))).toBe("open");
    expect(value("Agreement", ledgerA1("D"))).toBe(leads.length);
  });

  it("shows the totals behind each follow-up table next to it, and every figure follows from them", () => {
    const followUp = sheet("Follow-up");
    const headers = [
      "Leads",
      "Followed up",
      "Awaiting",
      "Response hours (total)",
      "Within goal",
      "Attempts (not connected)",
      "Worked (not connected)",
      "Not connected",
      "Overdue now",
    ];
    // By month: one blank column after the status columns (O), then the block in Q:Y with a title and a header.
    expect(value("Follow-up", "Q3")).toBe("Totals behind the figures");
    expect(followUp.getRange("Q4:Y4").getValues()[0]).toEqual(headers);
    expect(
      followUp
        .getRange("P3:P16")
        .getValues()
        .flat()
        .every((cell) => cell === ""),
    ).toBe(true);
    // By rep: the same block beside the rep table.
    expect(value("Follow-up", "Q19")).toBe("Totals behind the figures");
    expect(followUp.getRange("Q20:Y20").getValues()[0]).toEqual(headers);
    // Styled as calculated cells under a muted header.
    expect(["Q5", "T5", "X5"].map((cell) => fixedLook("Follow-up", cell).background)).toEqual([
      "#f1f3f4",
      "#f1f3f4",
      "#f1f3f4",
    ]);
    expect(fixedLook("Follow-up", "Q4")).toMatchObject({ background: "#5f6368", color: "#ffffff", bold: true });

    // December's totals are the lead log's own sums.
    const log = sheet("Leads").getRange(2, 1, leads.length, 14).getValues();
    const hours = log.map((row) => row[12]).filter((hours): hours is number => typeof hours === "number");
    const notConnected = log.filter((row) => row[8] !== true);
    const attempts = (row: unknown[]): number => (typeof row[7] === "number" ? row[7] : 0);
    const [count, followed, awaiting, hoursTotal, within, openAttempts, worked, openWorked, overdue] = followUp
      .getRange("Q5:Y5")
      .getValues()[0] as number[];
    expect(count).toBe(leads.length);
    expect(followed).toBe(hours.length);
    expect(awaiting).toBe(log.filter((row) => row[6] === "").length);
    expect(hoursTotal).toBeCloseTo(
      hours.reduce((sum, each) => sum + each, 0),
      9,
    );
    expect(within).toBe(hours.filter((each) => each <= 4).length);
    expect(openAttempts).toBe(notConnected.reduce((sum, row) => sum + attempts(row), 0));
    expect(worked).toBe(notConnected.filter((row) => attempts(row) > 0).length);
    expect(openWorked).toBe(notConnected.length);
    expect(openWorked).toBeGreaterThan(0);
    expect(overdue).toBe(log.filter((row) => row[13] === "Overdue").length);
    expect(overdue).toBeGreaterThan(0);

    // Every visible figure follows from its row's totals: counts copied, averages and shares divided, blank where nothing to divide.
    const ratio = (top: number, bottom: number): number | "" => (bottom > 0 ? top / bottom : "");
    const check = (
      figures: unknown[],
      totals: number[],
      columns: { within: number; depth: number; attempts: number; worked: number },
    ): void => {
      const [leadsIn, followedIn, awaitingIn, hoursIn, withinIn, attemptsIn, workedIn, openIn, overdueIn] = totals as [
        number,
        number,
        number,
        number,
        number,
        number,
        number,
        number,
        number,
      ];
      // A month not yet begun shows no counts (its totals are 0).
      const begun = figures[0] instanceof Date ? figures[0].getTime() <= Date.parse("2026-12-15") : true;
      if (!begun) {
        expect(figures.slice(1, 4)).toEqual(["", "", ""]);
        return;
      }
      expect(figures.slice(1, 4)).toEqual([leadsIn, followedIn, awaitingIn]);
      const same = (figure: unknown, expected: number | ""): void => {
        if (expected === "") expect(figure).toBe("");
        else expect(figure as number).toBeCloseTo(expected, 9);
      };
      same(figures[4], ratio(hoursIn, followedIn));
      // Leads waiting past the goal are outside it: the share is of the followed-up and the overdue leads.
      same(figures[columns.within], ratio(withinIn, followedIn + overdueIn));
      same(figures[columns.depth], ratio(attemptsIn, openIn));
      expect([figures[columns.attempts], figures[columns.worked]]).toEqual([attemptsIn, workedIn]);
    };
    const monthFigures = followUp.getRange("A5:M16").getValues();
    const monthTotals = followUp.getRange("Q5:Y16").getValues() as number[][];
    monthFigures.forEach((figures, index) =>
      check(figures, monthTotals[index]!, { within: 8, depth: 9, attempts: 11, worked: 12 }),
    );
    const repFigures = followUp.getRange("A21:K24").getValues();
    const repTotals = followUp.getRange("Q21:Y24").getValues() as number[][];
    repFigures.forEach((figures, index) =>
      check(figures, repTotals[index]!, { within: 7, depth: 8, attempts: 9, worked: 10 }),
    );
    // The picked month is December: the reps' rows (and the row without an owner) add up to the month's.
    expect(
      repTotals.reduce((sum, row) => sum.map((each, column) => each + row[column]!), [0, 0, 0, 0, 0, 0, 0, 0, 0]),
    ).toEqual(monthTotals[0]!.map((each, column) => (column === 3 ? expect.closeTo(each, 9) : each)));
  });

  // Last: it changes a lead's created date.
  it("leaves a lead whose created date is text out of the month's sales cycle instead of blanking it", () => {
    const log = sheet("Leads").getRange(2, 1, leads.length, 12).getValues();
    const day = (value: unknown) => (value as Date).getTime() / 86_400_000;
    const closed = log
      .map((row, index) => ({ index, row }))
      .filter(
        ({ row }) =>
          row[9] === true && row[11] instanceof Date && row[3] instanceof Date && (row[11] as Date).getMonth() === 11,
      );
    expect(closed.length).toBeGreaterThan(1);
    const [spoiled, ...rest] = closed;
    sheet("Leads")
      .getRange(spoiled!.index + 2, 4)
      .setValue("last week");
    const expected = rest.reduce((sum, { row }) => sum + day(row[11]) - day(row[3]), 0) / rest.length;
    expect(value("2026-12", "F8") as number).toBeCloseTo(expected, 6);
  });
});

describe("buildSla on the emulator", () => {
  it("flags a lead whose dates are text in its own row and keeps every other lead's hours", () => {
    openBuilt("2026-12-15");
    const leads = exampleLeads()
      .slice(0, 12)
      .map((row) => [...row]);
    const followedUp = (row: unknown[]) => row[4] !== "" && row[6] !== "";
    const good = leads.filter(followedUp).length;
    // Pasted text: a follow-up "soon", a hand-off "tomorrow" (waiting, then followed up).
    leads[0]![6] = "soon";
    leads[1]![4] = "tomorrow";
    leads[1]![6] = "";
    leads[2]![4] = "tomorrow";
    leads[2]![6] = leads[3]![6] || "2026-12-03 10:00";
    typeLeads(leads);
    const rows = sheet("Leads").getRange(2, 13, leads.length, 2).getValues();
    expect(rows[0]).toEqual(["⚠ not a date", ""]);
    expect(rows[1]).toEqual(["", ""]);
    expect(rows[2]).toEqual(["⚠ not a date", ""]);
    // One bad row must not turn the whole column into #VALUE! (as one MMULT over all leads' holidays would).
    const hours = rows.slice(3).filter((row) => typeof row[0] === "number").length;
    expect(hours).toBe(leads.slice(3).filter(followedUp).length);
    expect(hours).toBeGreaterThan(0);
    expect(good).toBeGreaterThan(hours);
    expect(typeof value("Follow-up", "E5")).toBe("number");
  });

  it("agrees with SLA_FOLLOWUP_SPEED and SLA_FOLLOWUP_DEPTH on a follow-up before its hand-off and on leads without attempts", () => {
    openBuilt("2026-12-15");
    const leads = exampleLeads()
      .slice(0, 20)
      .map((row) => [...row]);
    // A follow-up typed before its hand-off: flagged in the log, left out of speed.
    leads[1]![6] = "2026-12-01 08:00";
    // Leads handed off and not connected with no attempts recorded: 0 attempts each, not left out.
    const untouched = [4, 7, 11];
    for (const index of untouched) {
      leads[index]![7] = "";
      leads[index]![8] = false;
    }
    typeLeads(leads);
    const log = sheet("Leads").getRange(2, 1, leads.length, 13).getValues();
    expect(log[1]![12]).toBe("⚠ before hand-off");
    const handed = log.map((row) => [row[4]]);
    const followed = log.map((row) => [row[6]]);
    const hours = "Mon-Fri 09:00-17:00";
    const holidays = [[new Date(2026, 11, 24)], [new Date(2026, 11, 25)]];
    expect(value("Follow-up", "E5") as number).toBeCloseTo(
      call("SLA_FOLLOWUP_SPEED", [handed, followed, "average", hours, holidays]) as number,
      9,
    );
    expect(value("Follow-up", "G5") as number).toBeCloseTo(
      call("SLA_FOLLOWUP_SPEED", [handed, followed, "p90", hours, holidays]) as number,
      9,
    );
    // The counts: followed up is the leads measured; handed off less followed up and awaiting is the flagged row.
    expect(value("Follow-up", "C5")).toBe(call("SLA_FOLLOWUP_SPEED", [handed, followed, "count", hours, holidays]));
    const [handedOff, followedUp, awaiting] = sheet("Follow-up").getRange("B5:D5").getValues()[0] as number[];
    expect(handedOff! - followedUp! - awaiting!).toBe(
      call("SLA_FOLLOWUP_SPEED", [handed, followed, "skipped", hours, holidays]),
    );
    expect(call("SLA_FOLLOWUP_SPEED", [handed, followed, "skipped", hours, holidays])).toBe(1);

    const attempts = log.map((row) => [row[7]]);
    const connected = log.map((row) => [row[8]]);
    const depth = call("SLA_FOLLOWUP_DEPTH", [attempts, connected, handed]) as number;
    expect(value("Follow-up", "J5") as number).toBeCloseTo(depth, 9);
    // By hand: attempts over every lead not connected, the untouched ones as 0.
    const notConnected = log.filter((row) => row[8] !== true);
    expect(notConnected.length).toBeGreaterThan(untouched.length);
    const sum = notConnected.reduce((total, row) => total + (typeof row[7] === "number" ? row[7] : 0), 0);
    expect(depth).toBeCloseTo(sum / notConnected.length, 12);
    expect(value("Follow-up", "X5")).toBe(notConnected.length);
  });

  it("judges a finished month in the ledger, flags escalation and cancellation, and keeps a formula-like contact as text", () => {
    open("2027-04-10");
    const input = exampleInput("internal-en.json");
    const hostile = '=IMPORTXML("http://x","//a")';
    build({
      ...input,
      missedGoals: { ...(input.missedGoals as object), strikesBeforeEscalation: 2 },
      cancellation: { ...(input.cancellation as object), missedMonthsInARow: 3 },
      contacts: [
        { name: hostile, email: "x@example.com", role: "+49 30 1234", party: "sales" },
        ...(input.contacts as object[]),
      ],
    });
    // A contact named like a formula stays literal text.
    const contacts = sheet("Agreement").getRange("A1:A120").getValues().flat();
    const row = contacts.indexOf(hostile) + 1;
    expect(row).toBeGreaterThan(0);
    expect(sheet("Agreement").getRange(row, 1).getFormula()).toBe("");
    expect(sheet("Agreement").getRange(row, 3).getValue()).toBe("+49 30 1234");
    // No leads at all: marketing misses December, January, February and March.
    const marketing = sheet("Agreement")
      .getRange(`${ledgerA1("A")}:${ledgerA1("I", 9)}`)
      .getValues()
      .filter((_, index) => index % 2 === 0);
    expect(marketing.map((row) => row[4])).toEqual(["missed", "missed", "missed", "missed", "open"]);
    expect(marketing.map((row) => row[5])).toEqual([1, 2, 3, 4, 4]);
    expect(marketing.map((row) => row[6])).toEqual([1, 2, 3, 4, 0]);
    expect(marketing.map((row) => row[7])).toEqual([
      "",
      "escalate to owners",
      "escalate to owners",
      "escalate to owners",
      "",
    ]);
    expect(marketing.map((row) => row[8])).toEqual([
      "",
      "",
      "⚠ cancellation rule triggered",
      "⚠ cancellation rule triggered",
      "",
    ]);
    // Sales had nothing to follow up and delivered no weekly reports: requirements missed.
    expect(value("Agreement", ledgerA1("E", 1))).toBe("missed");
    // Month tabs exist for every month up to today.
    expect(
      SpreadsheetApp.getActiveSpreadsheet()
        .getSheets()
        .map((found) => found.getName()),
    ).toEqual(expect.arrayContaining(["2026-12", "2027-01", "2027-02", "2027-03", "2027-04"]));
  });

  it("rebuilds with a changed goal and keeps 500 typed leads, ticks, notes and totals, the log's formulas in its header row", () => {
    openBuilt("2026-12-15");
    const examples = exampleLeads();
    const leads = Array.from({ length: 500 }, (_, index) => examples[index % examples.length]!).map((row, index) => [
      `Lead ${index + 1}`,
      ...row.slice(1),
    ]);
    typeLeads(leads);
    // The lead log's formulas sit in its frozen header row, so sorting the leads moves no formula.
    const log = sheet("Leads");
    expect(log.getFrozenRows()).toBe(1);
    expect(log.getRange("M1:P1").getValues()[0]).toEqual([
      "Response hours",
      "Follow-up status",
      "Month followed up (hand-off)",
      "Working hours since hand-off",
    ]);
    expect(
      log
        .getRange("M1:P1")
        .getFormulas()[0]!
        .every((formula) => formula.startsWith("=VSTACK(")),
    ).toBe(true);
    expect(
      log
        .getRange("M2:P1000")
        .getFormulas()
        .flat()
        .every((formula) => formula === ""),
    ).toBe(true);
    const hours = log.getRange("M2:M6").getValues().flat();
    expect(hours.some((value) => typeof value === "number")).toBe(true);
    // A log with a calculated column's title in row 1 and its formula in row 2 gets the formula into the header row,
    // filling again.
    log.getRange("M1").setValue("Response hours");
    log.getRange("M2").setFormula('=ARRAYFORMULA(IF(E2:E1000="","",1))');
    sheet("Agreement").getRange("B51").setValue(3); // 3 weekly reports delivered in December
    sheet("2026-12").getRange("H38").setValue("Webinar leads arrived late");
    sheet("2026-12").getRange("F7").setValue(12000);
    const note = ledgerA1("J");
    sheet("Agreement").getRange(note).setValue('="ok"');
    const before = log.getRange(2, 1, 500, 12).getValues();

    const input = exampleInput("internal-en.json");
    build({ ...input, marketing: { ...(input.marketing as object), quota: 8000 } });

    expect(log.getRange("M2").getFormula()).toBe("");
    expect(log.getRange("M2:M6").getValues().flat()).toEqual(hours);
    expect(log.getRange(2, 1, 500, 12).getValues()).toEqual(before);
    expect(namedValue("LeadsNeeded")).toBe(160);
    expect(value("Agreement", "B51")).toBe(3);
    expect(value("2026-12", "H38")).toBe("Webinar leads arrived late");
    expect(value("2026-12", "F7")).toBe(12000);
    expect(sheet("Agreement").getRange(ledgerA1("J")).getFormula()).toBe('="ok"');
    expect(value("2026-12", "F3")).toBe(500);
  });

  it("keeps users' cells when the layout moves: a requirement added above, the language switched", () => {
    open("2026-12-15", "de_DE");
    build();
    sheet("Agreement").getRange("C51").setValue(1); // the monthly lead report, delivered in December
    typeLeads(exampleLeads().slice(0, 5));
    const input = exampleInput("internal-en.json");
    const requirements = [
      { from: "sales", to: "marketing", text: "Quarterly win/loss review", perMonth: 1 },
      ...(input.requirements as object[]),
    ];
    build({ ...input, language: "de", requirements });
    expect(
      SpreadsheetApp.getActiveSpreadsheet()
        .getSheets()
        .map((found) => found.getName()),
    ).toEqual(expect.arrayContaining(["Vereinbarung", "Leads", "Nachverfolgung"]));
    const checklistRow =
      sheet("Vereinbarung")
        .getRange("A1:A120")
        .getValues()
        .findIndex((row) => row[0] instanceof Date) + 1;
    expect(sheet("Vereinbarung").getRange(checklistRow, 4).getValue()).toBe(1);
    expect(sheet("Leads").getRange(2, 1, 5, 1).getValues().flat()).toEqual(
      exampleLeads()
        .slice(0, 5)
        .map((row) => row[0]),
    );
  });

  it("blanks only what a shrunk layout no longer uses and leaves users' own cells on the tab", () => {
    openBuilt("2026-12-15");
    const input = exampleInput("internal-en.json");
    const stored = () => loadDocumentState().state.layout!.sheets.agreement!;
    const before = parseRect(stored().area!);
    sheet("Agreement").getRange("K3").setValue("Our own reminder");
    sheet("Agreement")
      .getRange(before.bottom + 3, 1)
      .setValue("Signed 2026-12-01");

    build({
      ...input,
      requirements: (input.requirements as object[]).slice(1),
      marketing: { ...(input.marketing as object), quota: 8000 },
    });

    const after = parseRect(stored().area!);
    expect(after.bottom).toBeLessThan(before.bottom);
    expect(value("Agreement", "K3")).toBe("Our own reminder");
    expect(
      sheet("Agreement")
        .getRange(before.bottom + 3, 1)
        .getValue(),
    ).toBe("Signed 2026-12-01");
    // The rows the old layout wrote below the new one are blank, unformatted and without validations.
    const gone = sheet("Agreement").getRange(
      after.bottom + 1,
      before.left,
      before.bottom - after.bottom,
      before.right - before.left + 1,
    );
    expect(
      gone
        .getValues()
        .flat()
        .every((cell) => cell === ""),
    ).toBe(true);
    expect(
      gone
        .getBackgrounds()
        .flat()
        .every((color) => color === "#ffffff"),
    ).toBe(true);
    expect(
      [`A${after.bottom + 1}`, `B${before.bottom}`].map((cell) => fixedLook("Agreement", cell).background),
    ).toEqual(["#ffffff", "#ffffff"]);
    expect(
      gone
        .getDataValidations()
        .flat()
        .every((rule) => rule === null),
    ).toBe(true);
    expect(namedValue("LeadsNeeded")).toBe(160);
  });

  it("rebuilds a shrunk layout over a tab users cut short, clearing only rows that are left", () => {
    openBuilt("2026-12-15");
    const input = exampleInput("internal-en.json");
    const before = parseRect(loadDocumentState().state.layout!.sheets.agreement!.area!);
    const agreement = sheet("Agreement");
    // Users removed the last rows of the old layout and everything below it.
    agreement.deleteRows(before.bottom - 1, agreement.getMaxRows() - before.bottom + 2);

    const result = buildSla({ ...input, requirements: (input.requirements as object[]).slice(1) });

    expect(result.ok).toBe(true);
    expect(value("Agreement", "A1")).toMatch(/^Marketing & Sales SLA/);
    expect(namedValue("LeadsNeeded")).toBe(100);
    const after = parseRect(loadDocumentState().state.layout!.sheets.agreement!.area!);
    expect(sheet("Agreement").getMaxRows()).toBeGreaterThanOrEqual(after.bottom);
  });

  it("writes nothing for a bad config and names every problem", () => {
    const emulator = open("2026-12-15");
    const before = JSON.stringify(emulator.snapshot().sheets);
    emulator.calls.reset();
    const result = buildSla({
      ...exampleInput("internal-en.json"),
      marketing: { quota: 5000, marketingShare: 50, avgDealSize: 0, closeRate: "50%" },
    });
    expect(result.ok).toBe(false);
    // The marketing block given without a pace tolerance: that is named too.
    expect(result.ok ? [] : result.problems.map((problem) => problem.path)).toEqual([
      "marketing.marketingShare",
      "marketing.avgDealSize",
      "marketing.paceTolerance",
    ]);
    expect(emulator.calls.byKind.write ?? 0).toBe(0);
    expect(JSON.stringify(emulator.snapshot().sheets)).toBe(before);
  });

  it("refuses a build while another holds the lock or over a newer revision; the next restores a named range, sizes tiers", () => {
    const emulator = openBuilt("2026-12-15");
    // Users deleted a named range and added one of their own.
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    spreadsheet.removeNamedRange("Quota");
    spreadsheet.setNamedRange("MyTarget", sheet("Agreement").getRange("D1"));
    expect(value("2026-12", "B3")).toBe("#NAME?");
    const first = loadDocumentState().state;
    const release = emulator.holdDocumentLockElsewhere();
    const busy = buildSla(exampleInput("internal-en.json"));
    expect(busy).toEqual(expect.objectContaining({ ok: false, reason: "busy" }));
    release();
    const stale = buildSla(exampleInput("internal-en.json"), { expectedRevision: first.revision - 1 });
    expect(stale).toEqual(expect.objectContaining({ ok: false, reason: "conflict" }));
    // The build that goes through: CEO brings 20 % of the quota; Director and Manager split what it leaves of a
    // 60 % marketing share.
    const input = exampleInput("internal-en.json");
    const tiers = [
      { name: "CEO", valuePerLead: 100, marketingShare: "20%", closeRate: "25%" },
      { name: "Director", valuePerLead: 50 },
      { name: "Manager", valuePerLead: 40, avgDealSize: 50 },
    ];
    const tiered = { ...input, marketing: { ...(input.marketing as object), marketingShare: "60%", tiers } };
    expect(buildSla(tiered, { expectedRevision: first.revision })).toEqual(expect.objectContaining({ ok: true }));
    // It restores the deleted named range and leaves the users' own.
    expect(namedValue("Quota")).toBe(5000);
    expect(value("2026-12", "B3")).toBe(5000);
    expect(spreadsheet.getRangeByName("MyTarget")?.getA1Notation()).toBe("D1");
    // Each lead tier is sized by its part of the marketing share, as SLA_LEADS_NEEDED does with that share.
    const rows = tierRows();
    expect(rows.map((row) => row[0])).toEqual(["CEO", "Director", "Manager"]);
    const shares = rows.map((row) => row[2] as number);
    expect(shares[0]).toBe(0.2);
    expect(shares[1]).toBeCloseTo(0.2, 12);
    expect(shares[2]).toBeCloseTo(0.2, 12);
    const expected = [
      call("SLA_LEADS_NEEDED", [5000, "20%", 100, "25%"]),
      call("SLA_LEADS_NEEDED", [5000, "20%", 100, "50%"]),
      call("SLA_LEADS_NEEDED", [5000, "20%", 50, "50%"]),
    ];
    expect(rows.map((row) => row[5])).toEqual(expected);
    expect(expected).toEqual([40, 20, 40]);
    // The value goal adds up the tiers' values.
    const values = sheet("Agreement").getRange("A1:G80").getValues();
    const goal = values.find((row) => row[0] === "Lead value goal per month");
    expect(goal?.[6]).toBe(100 * 40 + 50 * 20 + 40 * 40);
  });

  it("uses a constant number of document calls: 28 or 31 days, no leads or more than a new log holds", () => {
    const counts: Record<string, number> = {};
    const methods: Record<string, Record<string, number>> = {};
    const record = (label: string, emulator: ReturnType<typeof open>): void => {
      counts[label] = emulator.calls.documentCalls;
      methods[label] = Object.fromEntries(
        emulator.calls.entries
          .filter((entry) => entry.kind !== "handle" && entry.kind !== "builder")
          .map((entry) => [entry.method, 0]),
      );
      for (const entry of emulator.calls.entries)
        if (entry.kind !== "handle" && entry.kind !== "builder")
          (methods[label] as Record<string, number>)[entry.method]! += 1;
    };
    for (const [label, startMonth] of [
      ["february", "2027-02"],
      ["december", "2026-12"],
    ] as const) {
      const emulator = open("2026-11-28");
      emulator.calls.reset();
      const result = build({ ...exampleInput("internal-en.json"), startMonth });
      record(label, emulator);
      expect(result.sheets).toEqual(["Dashboard", "Agreement", startMonth, "Leads", "Follow-up"]);
      close?.();
      close = undefined;
    }
    expect(counts.february).toBe(counts.december);
    // 17 named ranges, 4 new tabs, their 4 records, 16 log-column tags and 3 charts take one call each.
    expect(counts.december).toBeLessThanOrEqual(BUILD_CALLS);

    // More leads than a new log's rows: typing them grows the tab, as users adding rows do. A call made per lead
    // (or per row) would show as hundreds more calls.
    // Both rebuilds on one workbook: the first, with no leads, changes nothing the second depends on.
    const examples = exampleLeads();
    const emulator = openBuilt("2026-12-15");
    for (const [label, leads] of [
      ["none", 0],
      ["many", LEAD_HEADROOM + 200],
    ] as const) {
      if (leads > 0) typeLeads(Array.from({ length: leads }, (_, index) => examples[index % examples.length]!));
      emulator.calls.reset();
      build();
      record(label, emulator);
    }
    expect(counts.none).toBeLessThanOrEqual(REBUILD_CALLS);
    expect(counts.many).toBeLessThanOrEqual(REBUILD_CALLS);
    // The same calls, except that a full log is given its 999 free rows back with one insertRowsAfter, the log's
    // record (what the build wrote there) changes with it, and the calculated columns' looks reach the new rows
    // (two runs of them: M–P, and the goal column R after the Source column).
    const grown = {
      "Sheet.insertRowsAfter": 1,
      "DeveloperMetadata.setValue": 1,
      "Range.setBackgrounds": 3,
      "Range.setTextStyles": 1,
      "Range.setWraps": 1,
    };
    expect(methods.many).toEqual({ ...methods.none, ...grown });
  });

  it("leaves unchanged, intact tabs alone on a rebuild, repairs a damaged one, and rebuilds over an old layout", () => {
    openBuilt("2026-12-15");
    sheet("Agreement").setColumnWidth(1, 420); // a width users adjusted
    sheet("2026-12").getRange("B9").setValue(7); // a goal formula typed over
    sheet("2026-12").getRange("H38").setValue("Trade fair");
    const followUp = sheet("Follow-up");
    for (const chart of followUp.getCharts()) followUp.removeChart(chart);
    const rows = sheet("Leads").getMaxRows();
    const columns = sheet("Leads").getMaxColumns();

    const result = buildSla(exampleInput("internal-en.json"));
    expect(result.ok).toBe(true);
    expect(sheet("Agreement").getColumnWidth(1)).toBe(420);
    expect(sheet("2026-12").getRange("B9").getFormula()).not.toBe("");
    expect(value("2026-12", "B9")).toBe(100);
    expect(value("2026-12", "H38")).toBe("Trade fair");
    expect(sheet("Follow-up").getCharts()).toHaveLength(3);
    // The log keeps its size: the calculated columns are no reason to add rows.
    expect(sheet("Leads").getMaxRows()).toBe(rows);
    expect(sheet("Leads").getMaxColumns()).toBe(columns);

    // A stored layout without sheet ids or fingerprints (an older version's): the rebuild keeps typed values and
    // stores ids and fingerprints again.
    sheet("2026-12").getRange("F7").setValue(4000);
    const document = loadDocumentState();
    const layout = document.state.layout!;
    const older = {
      version: 1,
      namedRanges: layout.namedRanges,
      sheets: Object.fromEntries(
        Object.entries(layout.sheets).map(([key, stored]) => [key, { name: stored.name, inputs: stored.inputs }]),
      ),
    };
    saveDocumentState(document, document.config, { ...document.state, layout: older as typeof layout });
    build();
    expect(value("2026-12", "F7")).toBe(4000);
    // Agreement, 2026-12, Leads, Follow-up and the new spreadsheet's Sheet1.
    expect(SpreadsheetApp.getActiveSpreadsheet().getSheets()).toHaveLength(5);
    expect(
      Object.values(loadDocumentState().state.layout!.sheets).every(
        (stored) => stored.id !== undefined && stored.hash !== undefined,
      ),
    ).toBe(true);
  });

  it("moves a separate Ledger tab's notes to the Agreement tab; writes fixed looks as cell formats, not always-true rules", () => {
    const emulator = openBuilt("2026-12-15");
    // A Ledger tab and its layout entry: the misses ledger on its own tab, notes in J from row 4.
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const ledger = spreadsheet.insertSheet("Ledger");
    ledger.getRange("J4:J5").setValues([["Webinar came late"], ['="two reps ill"']]);
    // A user's own formula elsewhere refers to the old tab: it must keep working.
    sheet("Follow-up").getRange("Z1").setFormula("=Ledger!J4");
    const document = loadDocumentState();
    const layout = document.state.layout!;
    const inputs = { "ledger|2026-12|marketing": "J4", "ledger|2026-12|sales": "J5", "ledger|2027-01|marketing": "J6" };
    const older = {
      ...layout,
      sheets: {
        ...layout.sheets,
        agreement: withoutLedgerInputs(layout.sheets.agreement!),
        ledger: { name: "Ledger", id: ledger.getSheetId(), inputs, area: "A1:J27" },
      },
    };
    asBuiltBeforeMetadata();
    saveDocumentState(document, document.config, { ...document.state, layout: older });
    const result = build();
    expect(value("Agreement", ledgerA1("J"))).toBe("Webinar came late");
    expect(sheet("Agreement").getRange(ledgerA1("J", 1)).getFormula()).toBe('="two reps ill"');
    expect(value("Agreement", ledgerA1("J", 2))).toBe("");
    // The old tab stays as it was, and the person who built is told.
    expect(value("Ledger", "J4")).toBe("Webinar came late");
    expect(value("Follow-up", "Z1")).toBe("Webinar came late");
    expect(result.notes).toEqual([
      expect.stringMatching(
        /^The misses ledger now closes the Agreement tab, with the notes typed on the tab "Ledger".*Share with sales/,
      ),
    ]);
    // Once: the layout no longer knows the tab, so the next build reads nothing there and says nothing.
    expect(loadDocumentState().state.layout!.sheets.ledger).toBeUndefined();
    expect(build().notes).toEqual([]);

    // On the same workbook (the Ledger tab is the users' now): fixed looks are cell formats, a header users
    // restyled survives, and always-true colouring rules are replaced.
    // The lead log's header: marketing blue, sales green, white bold text, as cell formats.
    expect(fixedLook("Leads", "A1")).toEqual({ background: "#1a73e8", color: "#ffffff", bold: true, italic: false });
    expect(fixedLook("Leads", "G1")).toMatchObject({ background: "#188038", bold: true });
    for (const tab of SpreadsheetApp.getActiveSpreadsheet()
      .getSheets()
      .map((each) => each.getName())) {
      const always = sheet(tab)
        .getConditionalFormatRules()
        .filter((rule) => /^=TRUE$/i.test(String(rule.getBooleanCondition()?.getCriteriaValues()[0] ?? "")));
      expect({ tab, always: always.length }).toEqual({ tab, always: 0 });
    }

    // A header users restyled survives a rebuild that changes the tab's content but not its looks.
    sheet("Agreement").getRange("A5").setBackground("#ff00ff");
    sheet("Leads").getRange("A1").setFontColor("#ffff00");
    build({ ...exampleInput("internal-en.json"), summary: "Changed summary" });
    expect(value("Agreement", "A6")).toBe("Changed summary");
    expect(sheet("Agreement").getRange("A5").getBackground()).toBe("#ff00ff");
    expect(sheet("Leads").getRange("A1").getFontColor()).toBe("#ffff00");

    // A workbook coloured with always-true rules (layouts stored with looks "rules"): its cells get their looks,
    // the rules go.
    const ruled = loadDocumentState();
    const ruledLayout = {
      ...ruled.state.layout!,
      sheets: Object.fromEntries(
        Object.entries(ruled.state.layout!.sheets).map(([key, stored]) => [
          key,
          { ...stored, looks: "rules", hash: "older" },
        ]),
      ),
    };
    asBuiltBeforeMetadata();
    saveDocumentState(ruled, ruled.config, { ...ruled.state, layout: ruledLayout });
    const agreement = sheet("Agreement");
    agreement.getRange("A5").setBackground("#ffffff");
    agreement.setConditionalFormatRules([
      SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied("=TRUE")
        .setBackground("#202124")
        .setRanges([agreement.getRange("A5:C5")])
        .build(),
    ]);
    emulator.calls.reset();
    build();
    expect(
      agreement
        .getConditionalFormatRules()
        .some((rule) => rule.getBooleanCondition()?.getCriteriaValues()[0] === "=TRUE"),
    ).toBe(false);
    expect(fixedLook("Agreement", "A5")).toMatchObject({ background: "#202124", bold: true });
    expect(emulator.calls.byMethod["Range.setBackgrounds"] ?? 0).toBeGreaterThan(0);
    // Once: the next rebuild knows the looks and writes no cell colours.
    emulator.calls.reset();
    build({ ...exampleInput("internal-en.json"), summary: "Changed again" });
    expect(emulator.calls.byMethod["Range.setBackgrounds"]).toBeUndefined();
    expect(emulator.calls.byMethod["Range.setTextStyles"]).toBeUndefined();
  });

  it("refuses, before writing anything, a layout over users' cells and a rename onto a user's tab; finds renamed tabs", () => {
    const emulator = openBuilt("2026-12-15");
    const noOwnerRow =
      sheet("Follow-up")
        .getRange("A1:A60")
        .getValues()
        .findIndex((row) => row[0] === "(no owner)") + 1;
    expect(noOwnerRow).toBeGreaterThan(0);
    // A note right below the rep table, outside everything the build wrote, and a user's tab named like the German
    // Agreement tab.
    sheet("Follow-up")
      .getRange(noOwnerRow + 1, 2)
      .setValue("ask Priya about the Q1 leads");
    SpreadsheetApp.getActiveSpreadsheet().insertSheet("Vereinbarung");
    const input = exampleInput("internal-en.json");
    // One more rep: the table grows by a row, onto the note.
    const sales = input.sales as { reps: string[] };
    const grown = { ...input, sales: { ...sales, reps: [...sales.reps, "Lee Park"] } };
    const before = JSON.stringify(emulator.snapshot().sheets);
    emulator.calls.reset();
    const result = buildSla(grown);
    expect(result).toMatchObject({ ok: false, reason: "layoutCoversUserCells" });
    expect(result.ok ? "" : result.message).toContain(`"Follow-up" needs B${noOwnerRow + 1}`);
    // Switched to German, the Agreement tab would take the user's tab's name.
    const renamed = buildSla({ ...input, language: "de" });
    expect(renamed).toMatchObject({ ok: false, reason: "tabNameTaken" });
    // In the language of the build, naming both tabs.
    expect(renamed.ok ? "" : renamed.message).toMatch(/„Vereinbarung“.*stammt nicht vom Add-on.*nichts geändert/);
    expect(emulator.calls.byKind.write ?? 0).toBe(0);
    expect(JSON.stringify(emulator.snapshot().sheets)).toBe(before);
    // Moved away, the same build goes through and the table has its new row.
    sheet("Follow-up")
      .getRange(noOwnerRow + 1, 2)
      .clearContent();
    sheet("Follow-up")
      .getRange(noOwnerRow + 1, 26)
      .setValue("ask Priya about the Q1 leads");
    expect(buildSla(grown).ok).toBe(true);
    expect(
      sheet("Follow-up")
        .getRange(noOwnerRow - 1, 1)
        .getValue(),
    ).toBe("Lee Park");
    expect(
      sheet("Follow-up")
        .getRange(noOwnerRow + 1, 1)
        .getValue(),
    ).toBe("(no owner)");
    expect(
      sheet("Follow-up")
        .getRange(noOwnerRow + 1, 26)
        .getValue(),
    ).toBe("ask Priya about the Q1 leads");

    // Users rename tabs: the add-on finds its tabs again and names them back.
    sheet("2026-12").getRange("F7").setValue(9000);
    sheet("2026-12").setName("December");
    sheet("Follow-up").setName("My follow-up");
    build(grown);
    const names = SpreadsheetApp.getActiveSpreadsheet()
      .getSheets()
      .map((found) => found.getName());
    expect(names).toEqual(expect.arrayContaining(["2026-12", "Follow-up"]));
    expect(names).not.toContain("December");
    expect(names).not.toContain("My follow-up");
    expect(value("2026-12", "F7")).toBe(9000);
    expect(value("Agreement", ledgerA1("C"))).toBe(100);
  });
});

describe("startNextMonth on the emulator", () => {
  it("writes the next month from recalculated or agreed inputs, as chosen, carrying a Ledger tab's notes once", () => {
    openBuilt("2026-12-15");
    typeLeads(exampleLeads());
    sheet("2026-12").getRange("F7").setValue(2000);
    // A separate Ledger tab of an older build, with a note: Start next month is the first to run after it.
    const ledger = SpreadsheetApp.getActiveSpreadsheet().insertSheet("Ledger");
    ledger.getRange("J4").setValue("Webinar came late");
    const document = loadDocumentState();
    const layout = document.state.layout!;
    const older = {
      ...layout,
      sheets: {
        ...layout.sheets,
        agreement: withoutLedgerInputs(layout.sheets.agreement!),
        ledger: {
          name: "Ledger",
          id: ledger.getSheetId(),
          inputs: { "ledger|2026-12|marketing": "J4" },
          area: "A1:J27",
        },
      },
    };
    asBuiltBeforeMetadata();
    saveDocumentState(document, document.config, { ...document.state, layout: older });
    const december = () => sheet("2026-12").getRange("A1:H62").getValues();
    const before = december();
    const actuals = sheet("2026-12")
      .getRange("F3:F11")
      .getValues()
      .map((row) => row[0]);
    const [leads, won, wonRevenue, marketingRevenue, total] = actuals as number[];
    expect(total).toBe(2000);

    // Started once December has ended: its actuals are complete.
    clock.now = fixedDay("2027-01-02");
    const result = startNextMonth({ use: "recalculated" });
    expect(result.ok).toBe(true);
    expect(value("2027-01", "B6") as number).toBeCloseTo(won! / leads!, 12);
    expect(value("2027-01", "B5") as number).toBeCloseTo(wonRevenue! / won!, 9);
    expect(value("2027-01", "B4") as number).toBeCloseTo(marketingRevenue! / total!, 12);
    const customers = call("SLA_CUSTOMERS_NEEDED", [5000, marketingRevenue! / total!, wonRevenue! / won!]) as number;
    expect(value("2027-01", "B9")).toBe(
      call("SLA_LEADS_NEEDED", [5000, marketingRevenue! / total!, wonRevenue! / won!, won! / leads!]),
    );
    expect(value("2027-01", "B8")).toBe(customers);
    expect(december()).toEqual(before);
    // The ledger's goal for January now reads the new month tab.
    expect(value("Agreement", ledgerA1("C", 2))).toBe(value("2027-01", "B9"));
    // The Ledger tab's note moved to the misses ledger, once: the layout no longer knows the tab.
    expect(value("Agreement", ledgerA1("J"))).toBe("Webinar came late");
    expect(loadDocumentState().state.layout!.sheets.ledger).toBeUndefined();

    // January is still running: February starts only when asked to start early.
    expect(startNextMonth({ use: "agreed" })).toEqual(expect.objectContaining({ ok: false, reason: "monthRunning" }));
    const agreed = startNextMonth({ use: "agreed", early: true });
    expect(agreed.ok).toBe(true);
    expect(value("2027-02", "B9")).toBe(100);
    // Cleared on the Agreement tab, the note stays cleared: the old tab is not read again.
    sheet("Agreement").getRange(ledgerA1("J")).setValue("");
    const again = build();
    expect(value("Agreement", ledgerA1("J"))).toBe("");
    expect(again.notes).toEqual([]);
  });

  it("says so when the SLA has no month left, or there is no SLA yet", () => {
    open("2026-12-20");
    expect(startNextMonth({ use: "agreed" })).toEqual(expect.objectContaining({ ok: false, reason: "noSla" }));
    build({ ...exampleInput("internal-en.json"), months: 1 });
    expect(startNextMonth({ use: "agreed", early: true })).toEqual(
      expect.objectContaining({ ok: false, reason: "slaEnded" }),
    );
  });
});
