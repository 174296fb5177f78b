/**
 * Issue 16, parts 2–4 on the emulator: the Follow-up tab's speed-to-lead
 * bands agree with SLA_SPEED_BANDS (its twin), each lead's status and the
 * share within the goal use the lead's own goal (its tier's, else the
 * SLA's), and the table by source agrees with SLA_FOLLOWUP_SPEED over each
 * source's leads. Random lead logs, one build per goal setting.
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import type { SlaConfig } from "../../src/config/schema";
import { validateConfig } from "../../src/config/validate";
import { buildSla } from "../../src/gas/buildSla";
import { followUpRows, speedBands } from "../../src/workbook/followUp";
import { NEW_LEAD_COLUMNS } from "../../src/workbook/leadColumns";
import { call as callIn, testContext } from "../support/context";
import { exampleInput, sheet, spreadsheetPerTest, typeLeads } from "./support";

const call = (name: string, args: readonly unknown[]) => callIn(name, args, testContext("Europe/Berlin"));
const HOURS = "Mon-Fri 09:00-17:00";
const HOLIDAYS = [[new Date(2026, 11, 24)], [new Date(2026, 11, 25)], [new Date(2027, 0, 1)]];
const spreadsheet = spreadsheetPerTest();
/** Leads each run may type; the rows after a run's leads are blank. */
const MAX_LEADS = 30;

interface Lead {
  readonly tier: string;
  readonly source: string;
  /** Day in December and minute of the day of the hand-off. */
  readonly day: number;
  readonly minute: number;
  /** Minutes from hand-off to the first follow-up, or none yet. */
  readonly delay: number | undefined;
}

const SOURCES = ["Website", "Event", "Paid", "Referral", "Partner", "Other"];
const lead: fc.Arbitrary<Lead> = fc.record({
  tier: fc.constantFrom("CEO", "Director", "Manager", ""),
  source: fc.constantFrom(...SOURCES, "", "Podcast"),
  day: fc.integer({ min: 1, max: 22 }),
  minute: fc.integer({ min: 0, max: 1439 }),
  // Minutes to days, with the band edges themselves (5 min, 1 h, 4 h, 8 h, 24 h of elapsed time) likely.
  delay: fc.option(fc.oneof(fc.constantFrom(0, 5, 60, 240, 480, 1440), fc.integer({ min: 0, max: 8000 })), {
    nil: undefined,
  }),
});

const stamp = (ms: number): string => new Date(ms).toISOString().slice(0, 16).replace("T", " ");

/** The lead log's twelve input columns and the source, as people type them. */
function rows(leads: readonly Lead[]): { inputs: unknown[][]; sources: unknown[][] } {
  const inputs = leads.map((item) => {
    const handed = Date.UTC(2026, 11, item.day, 0, item.minute);
    const followed = item.delay === undefined ? "" : stamp(handed + item.delay * 60_000);
    return ["Lead", "Co", item.tier, stamp(handed), stamp(handed), "", followed, "", false, false, "", ""];
  });
  return { inputs, sources: leads.map((item) => [item.source]) };
}

function typeRun(leads: readonly Lead[]): void {
  // Blank what the run before typed, then type this run's leads and their sources.
  typeLeads(Array.from({ length: MAX_LEADS }, () => ["", "", "", "", "", "", "", "", "", "", "", ""]));
  sheet("Leads")
    .getRange(2, NEW_LEAD_COLUMNS.source, MAX_LEADS, 1)
    .setValues(Array.from({ length: MAX_LEADS }, () => [""]));
  const { inputs, sources } = rows(leads);
  if (leads.length === 0) return;
  typeLeads(inputs);
  sheet("Leads").getRange(2, NEW_LEAD_COLUMNS.source, leads.length, 1).setValues(sources);
}

function build(input: Record<string, unknown>): SlaConfig {
  const result = buildSla(input);
  if (!result.ok) throw new Error(result.message);
  const checked = validateConfig(input, "en");
  if (!checked.ok) throw new Error("invalid example");
  return checked.config;
}

/** Each lead's goal as the SLA sets it: its tier's own, else the SLA's. */
function goalOf(config: SlaConfig, tier: string): number {
  return config.marketing.tiers.find((item) => item.name === tier)?.followUpHours ?? config.sales.followUpHours;
}

/** The Follow-up tab's band table: the December row, from the leads column to later or not at all, and the chart's block. */
function bandTable(config: SlaConfig): { december: unknown[]; bands: unknown[]; chart: unknown[][] } {
  const title = followUpRows(config).bandTitle;
  const n = speedBands(config).length;
  const december = sheet("Follow-up")
    .getRange(title + 3, 2, 1, 2 * n + 3)
    .getValues()[0]!;
  const chart = sheet("Follow-up")
    .getRange(title + 3, 2 * n + 6, config.months, n + 2)
    .getValues();
  return { december: december.slice(0, n + 2), bands: december.slice(n + 2), chart };
}

function checkRun(config: SlaConfig, leads: readonly Lead[]): void {
  const { inputs } = rows(leads);
  const log =
    leads.length === 0 ? [] : sheet("Leads").getRange(2, 1, leads.length, NEW_LEAD_COLUMNS.goalHours).getValues();
  const hoursOf = (index: number): unknown => log[index]?.[NEW_LEAD_COLUMNS.responseHours - 1];
  const statusOf = (index: number): unknown => log[index]?.[NEW_LEAD_COLUMNS.status - 1];

  // Each lead's goal column and status: its own goal.
  leads.forEach((item, index) => {
    const goal = goalOf(config, item.tier);
    expect(log[index]?.[NEW_LEAD_COLUMNS.goalHours - 1]).toBe(goal);
    const hours = hoursOf(index);
    if (item.delay === undefined) expect(statusOf(index)).toBe("Overdue");
    else expect(statusOf(index)).toBe((hours as number) <= goal ? "On time" : "Late");
  });

  // The bands: per tier, SLA_SPEED_BANDS with the tier's goal among the edges; the workbook's row is their sum.
  const edges = speedBands(config);
  const expected = new Array<number>(edges.length + 1).fill(0);
  for (const tier of new Set(leads.map((item) => item.tier))) {
    const mine = inputs.filter((_, index) => leads[index]!.tier === tier);
    const bands = edges.map((band) => [band.kind === "goal" ? goalOf(config, tier) : band.minutes / 60]);
    const counts = call("SLA_SPEED_BANDS", [
      mine.map((row) => [row[4]]),
      mine.map((row) => [row[6]]),
      bands,
      HOURS,
      HOLIDAYS,
    ]) as number[][];
    counts[0]!.forEach((count, index) => (expected[index] = expected[index]! + count));
  }
  const { december, bands, chart } = bandTable(config);
  expect(december).toEqual([leads.length, ...expected]);
  // Each lead in the first band it falls into: they add up to the leads; the chart shows their shares.
  expect((bands as number[]).reduce((sum, count) => sum + count, 0)).toBe(leads.length);
  expect(bands[bands.length - 1]).toBe(expected[expected.length - 1]);
  expect(chart[0]![0]).not.toBe("");
  chart[0]!
    .slice(1)
    .forEach((share, index) =>
      expect(share as number).toBeCloseTo(leads.length === 0 ? 0 : (bands[index] as number) / leads.length, 12),
    );
  // Months still ahead (February on) are blank, so the chart leaves them out.
  for (const row of chart.slice(2)) expect(row.every((cell) => cell === "")).toBe(true);

  // Share within the goal for December: within each lead's own goal, of the leads followed up and those overdue.
  const followed = leads.filter((item) => item.delay !== undefined).length;
  const within = leads.filter(
    (item, index) => item.delay !== undefined && (hoursOf(index) as number) <= goalOf(config, item.tier),
  ).length;
  const overdue = leads.filter((item) => item.delay === undefined).length;
  const share = sheet("Follow-up").getRange("I5").getValue();
  if (followed + overdue === 0) expect(share).toBe("");
  else expect(share as number).toBeCloseTo(within / (followed + overdue), 12);

  // By source: a row per listed source and one for the rest, with the speed twins over each row's leads.
  const sourceTitle = followUpRows(config).sourceTitle!;
  const table = sheet("Follow-up")
    .getRange(sourceTitle + 2, 1, SOURCES.length + 1, 8)
    .getValues();
  table.forEach((row, index) => {
    const mine = inputs.filter((_, at) =>
      index < SOURCES.length ? leads[at]!.source === SOURCES[index] : !SOURCES.includes(leads[at]!.source),
    );
    expect(row[1]).toBe(mine.length);
    const answered = mine.filter((item) => item[6] !== "");
    expect(row[2]).toBe(answered.length);
    if (answered.length === 0) return expect(row[5]).toBe("");
    const args = (stat: string): unknown[] => [
      mine.map((item) => [item[4]]),
      mine.map((item) => [item[6]]),
      stat,
      HOURS,
      HOLIDAYS,
    ];
    expect(row[5] as number).toBeCloseTo(call("SLA_FOLLOWUP_SPEED", args("median")) as number, 9);
    expect(row[6] as number).toBeCloseTo(call("SLA_FOLLOWUP_SPEED", args("p90")) as number, 9);
  });
}

describe.each([
  ["the SLA's goal for every lead", (input: Record<string, unknown>) => input],
  [
    "a goal per tier (CEO 1 h, Manager 8 h, Director the SLA's 4 h)",
    (input: Record<string, unknown>) => {
      const marketing = input.marketing as { tiers: Record<string, unknown>[] };
      const tiers = marketing.tiers.map((tier) =>
        tier.name === "CEO"
          ? { ...tier, followUpHours: 1 }
          : tier.name === "Manager"
            ? { ...tier, followUpHours: 8 }
            : tier,
      );
      return { ...input, marketing: { ...marketing, tiers } };
    },
  ],
])("speed to lead with %s", (_name, goals) => {
  it("agrees with SLA_SPEED_BANDS, SLA_FOLLOWUP_SPEED and each lead's own goal on random lead logs", () => {
    spreadsheet.open("2027-01-05");
    const config = build(goals(exampleInput("internal-en.json")));
    fc.assert(
      fc.property(fc.array(lead, { maxLength: MAX_LEADS }), (leads) => {
        typeRun(leads);
        checkRun(config, leads);
      }),
      { numRuns: 12 },
    );
  });
});
