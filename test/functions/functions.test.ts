import { describe, expect, it } from "@jest/globals";
import { call, sheetDate, testContext } from "../support/context";

const berlin = testContext("Europe/Berlin");
const german = testContext("Europe/Berlin", "de");
const d = (month: number, day: number, hour = 0, minute = 0): Date =>
  sheetDate("Europe/Berlin", 2026, month, day, hour, minute);

describe("lead goal functions", () => {
  it("give the guide's worked example", () => {
    expect(call("SLA_REVENUE_GOAL", [5000, 1])).toBe(5000);
    expect(call("SLA_CUSTOMERS_NEEDED", [5000, 1, 100])).toBe(50);
    expect(call("SLA_LEADS_NEEDED", [5000, 1, 100, 0.5])).toBe(100);
  });

  it("round whole customers first, then whole leads; exact gives the unrounded value", () => {
    // 5000 / 300 = 16.67 → 17 customers → 17 / 0.5 = 34 leads.
    expect(call("SLA_CUSTOMERS_NEEDED", [5000, 1, 300])).toBe(17);
    expect(call("SLA_LEADS_NEEDED", [5000, 1, 300, 0.5])).toBe(34);
    expect(call("SLA_LEADS_NEEDED", [5000, 1, 300, 0.5, true])).toBeCloseTo(33.3333333, 6);
    expect(call("SLA_CUSTOMERS_NEEDED", [5000, 1, 300, "WAHR"])).toBeCloseTo(16.6666667, 6);
    // 10,000 × 60 % / 250 = 24 customers, ÷ 7 % = 342.86 → 343 leads.
    expect(call("SLA_LEADS_NEEDED", [10000, "60 %", 250, "7%"])).toBe(343);
  });

  it("accept percentages as fractions, percent text and German decimal commas", () => {
    expect(call("SLA_REVENUE_GOAL", [20000, "60 %"])).toBe(12000);
    expect(call("SLA_REVENUE_GOAL", [20000, "12,5 %"])).toBe(2500);
    expect(call("SLA_REVENUE_GOAL", [20000, 0.125])).toBe(2500);
  });

  it("refuse a bare 50 for a rate with a hint, never a silent 100× result", () => {
    expect(() => call("SLA_LEADS_NEEDED", [5000, 1, 100, 50])).toThrow(
      "SLA_LEADS_NEEDED: close_rate is above 100 %: it must be more than 0 and at most 100 %; a number is a fraction (1 is 100 %), so for fifty percent write 50% or 0.5 (got 50)",
    );
  });

  it("refuse every rate and share above 100 %, as text or as a number, saying the allowed range", () => {
    const above = "is above 100 %: it must be more than 0 and at most 100 %";
    expect(() => call("SLA_LEADS_NEEDED", [5000, "150%", 100, "50%"])).toThrow(
      `SLA_LEADS_NEEDED: marketing_share ${above} (got "150%")`,
    );
    expect(() => call("SLA_LEADS_NEEDED", [5000, 1, 100, "250 %"])).toThrow(
      `SLA_LEADS_NEEDED: close_rate ${above} (got "250 %")`,
    );
    expect(() => call("SLA_REVENUE_GOAL", [5000, 1.2])).toThrow(
      `SLA_REVENUE_GOAL: marketing_share ${above}; a number is a fraction`,
    );
    expect(() => call("SLA_LEADS_NEEDED", [5000, 1, 100, 1.5])).toThrow(
      `SLA_LEADS_NEEDED: close_rate ${above}; a number is a fraction`,
    );
    expect(() => call("SLA_REVENUE_GOAL", [5000, 150])).toThrow(`SLA_REVENUE_GOAL: marketing_share ${above} (got 150)`);
    expect(() => call("SLA_ALLOWED_DOWNTIME", ["150%"])).toThrow(
      'SLA_ALLOWED_DOWNTIME: availability is above 100 %: it must be from 0 % to 100 % (got "150%")',
    );
    expect(() => call("SLA_ALLOWED_DOWNTIME", ["150%"], german)).toThrow(
      'SLA_ALLOWED_DOWNTIME: availability liegt über 100 %: erlaubt ist 0 % bis 100 % (erhalten: "150%")',
    );
    expect(() => call("SLA_LEADS_NEEDED", [5000, 1, 100, 1.2], german)).toThrow(
      "SLA_LEADS_NEEDED: close_rate liegt über 100 %: erlaubt ist mehr als 0 und höchstens 100 %; eine Zahl ist ein Anteil (1 ist 100 %), für fünfzig Prozent schreiben Sie also 50 % oder 0,5 (erhalten: 1.2)",
    );
    // 100 % itself is a rate.
    expect(call("SLA_LEADS_NEEDED", [5000, "100 %", 100, "100%"])).toBe(50);
    expect(call("SLA_ALLOWED_DOWNTIME", ["100%"])).toBe(0);
  });

  it("name the function, argument and what is allowed, in English and German", () => {
    expect(() => call("SLA_LEADS_NEEDED", [5000, 1, 100, 0])).toThrow(
      "SLA_LEADS_NEEDED: close_rate must be more than 0 and at most 100% (got 0)",
    );
    expect(() => call("SLA_LEADS_NEEDED", [5000, 1, 100, 0], german)).toThrow(
      "SLA_LEADS_NEEDED: close_rate muss größer als 0 und höchstens 100 % sein (erhalten: 0)",
    );
    expect(() => call("SLA_LEADS_NEEDED", [5000, 1, 0, 0.5])).toThrow(
      "SLA_LEADS_NEEDED: avg_deal_size must be more than 0 (got 0)",
    );
    expect(() => call("SLA_REVENUE_GOAL", [-1, 1])).toThrow("SLA_REVENUE_GOAL: quota must be 0 or more (got -1)");
    expect(() => call("SLA_REVENUE_GOAL", ["", 1])).toThrow("SLA_REVENUE_GOAL: quota is required (got blank)");
    expect(() => call("SLA_REVENUE_GOAL", [5000])).toThrow("SLA_REVENUE_GOAL: marketing_share is required (got blank)");
    expect(() => call("SLA_REVENUE_GOAL", [5000, 1, 3])).toThrow("SLA_REVENUE_GOAL: takes at most 2 arguments (got 3)");
    expect(() => call("SLA_CUSTOMERS_NEEDED", [5000, 1, 100, "maybe"])).toThrow(
      "SLA_CUSTOMERS_NEEDED: exact must be TRUE or FALSE",
    );
    expect(() => call("SLA_REVENUE_GOAL", ['=IMPORTXML("http://x","//a")', 1])).toThrow(
      'SLA_REVENUE_GOAL: quota must be a number (got "=IMPORTXML(\\"http://x\\",\\"//a\\")")',
    );
  });

  it("work row by row on ranges, broadcast single values, and leave blank rows blank", () => {
    const quotas = [[5000], [""], [10000], [7500]];
    expect(call("SLA_LEADS_NEEDED", [quotas, 1, 100, 0.5])).toEqual([[100], [""], [200], [150]]);
    expect(call("SLA_LEADS_NEEDED", [quotas, [[1], [1], [0.5], [1]], 100, [[0.5], [0.5], [0.5], [0.25]]])).toEqual([
      [100],
      [""],
      [100],
      [300],
    ]);
  });

  it("show a bad value inside a range in its own cell, so the other rows still work", () => {
    const result = call("SLA_LEADS_NEEDED", [[[5000], [5000]], [[1], [50]], 100, 0.5]);
    expect(result).toEqual([
      [100],
      [
        "SLA_LEADS_NEEDED: marketing_share is above 100 %: it must be more than 0 and at most 100 %; a number is a fraction (1 is 100 %), so for fifty percent write 50% or 0.5 (row 2, got 50)",
      ],
    ]);
  });

  it("refuse ranges of different shapes, naming both", () => {
    expect(() =>
      call("SLA_REVENUE_GOAL", [
        [[1], [2], [3]],
        [[0.5], [0.5]],
      ]),
    ).toThrow("SLA_REVENUE_GOAL: marketing_share must have the same number of rows and columns as quota (2×1 vs 3×1)");
  });

  it("treat a blank single-cell argument as missing, but a blank cell inside a range as a blank row", () => {
    expect(() => call("SLA_DEAL_SIZE", [5400, ""])).toThrow("SLA_DEAL_SIZE: customers is required");
    expect(call("SLA_DEAL_SIZE", [[[5400]], [[""]]])).toEqual([[""]]);
  });
});

describe("pace functions", () => {
  it("divide the goal by the days of the month the date is in, in the spreadsheet's zone", () => {
    expect(call("SLA_DAILY_TARGET", [93, d(12, 15)], berlin)).toBe(3);
    expect(call("SLA_DAILY_TARGET", [100, d(2, 1)], berlin)).toBeCloseTo(100 / 28, 12);
    // Midnight on 1 March in Berlin is still 28 February in UTC: the spreadsheet's zone decides.
    expect(call("SLA_DAILY_TARGET", [31, d(3, 1)], berlin)).toBe(1);
    expect(call("SLA_DAILY_TARGET", [90, 30])).toBe(3);
    expect(call("SLA_DAILY_TARGET", [100, "2028-02-10"])).toBeCloseTo(100 / 29, 12);
  });

  it("refuse a month that is neither a date nor 1 to 31 days", () => {
    expect(() => call("SLA_DAILY_TARGET", [100, 0])).toThrow(
      "SLA_DAILY_TARGET: month must be a date in the month or a number of days from 1 to 31 (got 0)",
    );
    expect(() => call("SLA_DAILY_TARGET", [100, 30.5])).toThrow(
      "SLA_DAILY_TARGET: month must be a whole number (got 30.5)",
    );
    expect(() => call("SLA_DAILY_TARGET", [100, "next month"])).toThrow(
      "SLA_DAILY_TARGET: month must be a date in the month",
    );
  });

  it("give the cumulative goal k × g ÷ n, reaching g on the last day", () => {
    expect(call("SLA_CUMULATIVE_GOAL", [100, d(4, 15)], berlin)).toBe(50);
    expect(call("SLA_CUMULATIVE_GOAL", [100, d(4, 30, 23, 59)], berlin)).toBe(100);
    expect(call("SLA_CUMULATIVE_GOAL", [62, d(12, 1)], berlin)).toBe(2);
  });

  it("spill the goal line, one value per day", () => {
    const line = call("SLA_GOAL_LINE", [100, d(2, 14)], berlin) as number[][];
    expect(line).toHaveLength(28);
    expect(line[0]?.[0]).toBeCloseTo(100 / 28, 12);
    expect(line[27]?.[0]).toBe(100);
    expect(call("SLA_GOAL_LINE", [4, 4])).toEqual([[1], [2], [3], [4]]);
    expect(() => call("SLA_GOAL_LINE", [[[1], [2]], 30])).toThrow(
      "SLA_GOAL_LINE: monthly_goal must be a single value, not a range",
    );
  });

  it("measure pace as actual ÷ goal to date", () => {
    expect(call("SLA_PACE", [60, 100, d(4, 15)], berlin)).toBe(1.2);
    expect(call("SLA_PACE", [[[25], [50], [""]], 100, d(4, 15)], berlin)).toEqual([[0.5], [1], [""]]);
    expect(() => call("SLA_PACE", [60, 0, d(4, 15)])).toThrow("SLA_PACE: monthly_goal must be more than 0 (got 0)");
  });
});

describe("recalculation from actuals", () => {
  it("compute close rate, deal size and marketing share", () => {
    expect(call("SLA_CLOSE_RATE", [45, 120])).toBe(0.375);
    expect(call("SLA_DEAL_SIZE", [5400, 45])).toBe(120);
    expect(call("SLA_MARKETING_SHARE", [5400, 7200])).toBe(0.75);
  });

  it("refuse impossible actuals", () => {
    expect(() => call("SLA_CLOSE_RATE", [130, 120])).toThrow(
      "SLA_CLOSE_RATE: customers must not be more than leads (got 130)",
    );
    expect(() => call("SLA_CLOSE_RATE", [0, 0])).toThrow("SLA_CLOSE_RATE: leads must be more than 0 (got 0)");
    expect(() => call("SLA_MARKETING_SHARE", [8000, 7200])).toThrow(
      "SLA_MARKETING_SHARE: marketing_revenue must not be more than total_revenue",
    );
  });
});

describe("follow-up functions", () => {
  const handedOff = [[d(12, 4, 16)], [d(12, 7, 9)], [d(12, 7, 10)], [""], [d(12, 8, 12)]];
  const followUp = [[d(12, 7, 10)], [d(12, 7, 9, 30)], [""], [""], [d(12, 8, 11)]];

  it("give response hours per row, blank until followed up, and explain a follow-up before its hand-off in the cell", () => {
    expect(call("SLA_RESPONSE_HOURS", [handedOff, followUp], berlin)).toEqual([
      [66],
      [0.5],
      [""],
      [""],
      ["SLA_RESPONSE_HOURS: first_follow_up is before handed_off (row 5)"],
    ]);
    expect(call("SLA_RESPONSE_HOURS", [handedOff, followUp, "Mon-Fri 09:00-17:00"], berlin)).toEqual([
      [2],
      [0.5],
      [""],
      [""],
      ["SLA_RESPONSE_HOURS: first_follow_up is before handed_off (row 5)"],
    ]);
  });

  it("leave holidays out of business hours", () => {
    const result = call(
      "SLA_RESPONSE_HOURS",
      [d(12, 23, 16), d(12, 28, 10), "Mon-Fri 09:00-17:00", [[d(12, 24)], [d(12, 25)], [""]]],
      berlin,
    );
    expect(result).toBe(2);
  });

  it("summarize speed over followed-up leads only, with average, median or p90", () => {
    const from = [[d(12, 1, 9)], [d(12, 1, 9)], [d(12, 1, 9)], [d(12, 1, 9)], [d(12, 1, 9)]];
    const to = [[d(12, 1, 10)], [d(12, 1, 11)], [d(12, 1, 12)], [d(12, 1, 19)], [""]];
    expect(call("SLA_FOLLOWUP_SPEED", [from, to], berlin)).toBe(4);
    expect(call("SLA_FOLLOWUP_SPEED", [from, to, "median"], berlin)).toBe(2.5);
    // PERCENTILE-compatible: rank 0.9 × 3 = 2.7 between 3 h and 10 h → 3 + 0.7 × 7 = 7.9.
    expect(call("SLA_FOLLOWUP_SPEED", [from, to, "p90"], berlin)).toBeCloseTo(7.9, 12);
    expect(call("SLA_FOLLOWUP_SPEED", [from, to, "average", "Mon-Fri 09:00-17:00"], berlin)).toBe(3.5);
    expect(call("SLA_FOLLOWUP_SPEED", [[[d(12, 1)]], [[""]]], berlin)).toBe("");
  });

  it("leave rows whose follow-up is before the hand-off, or without a hand-off, out of speed, and count them", () => {
    // Rows 1, 2 and 4 measure 66 (2 working), 0.5 and 3 hours; row 3 awaits; row 5's follow-up is before its hand-off; row 6 has no hand-off.
    const to = [[d(12, 7, 10)], [d(12, 8, 9, 30)], [""], [d(12, 1, 12)], [d(12, 2, 8)], [d(12, 1, 10)]];
    const fromRows = [[d(12, 4, 16)], [d(12, 8, 9)], [d(12, 9, 9)], [d(12, 1, 9)], [d(12, 3, 9)], [""]];
    expect(call("SLA_FOLLOWUP_SPEED", [fromRows, to], berlin)).toBeCloseTo((66 + 0.5 + 3) / 3, 12);
    expect(call("SLA_FOLLOWUP_SPEED", [fromRows, to, "count"], berlin)).toBe(3);
    expect(call("SLA_FOLLOWUP_SPEED", [fromRows, to, "skipped"], berlin)).toBe(2);
    expect(call("SLA_FOLLOWUP_SPEED", [fromRows, to, "übersprungen"], berlin)).toBe(2);
    expect(call("SLA_FOLLOWUP_SPEED", [fromRows, to, "average", "Mon-Fri 09:00-17:00"], berlin)).toBeCloseTo(
      (2 + 0.5 + 3) / 3,
      12,
    );
    // The example of the docs: handed_off and first_follow_up as the other tests use them.
    expect(call("SLA_FOLLOWUP_SPEED", [handedOff, followUp, "skipped"], berlin)).toBe(1);
    // Nothing measured: blank, and the counts are 0 and the rows left out.
    expect(call("SLA_FOLLOWUP_SPEED", [[[d(12, 2)]], [[d(12, 1)]]], berlin)).toBe("");
    expect(call("SLA_FOLLOWUP_SPEED", [[[d(12, 2)]], [[d(12, 1)]], "count"], berlin)).toBe(0);
    expect(call("SLA_FOLLOWUP_SPEED", [[[""]], [[d(12, 1)]], "skipped"], berlin)).toBe(1);
  });

  it("refuse speed over values that are not dates or statistics, naming the argument", () => {
    expect(() => call("SLA_FOLLOWUP_SPEED", [[[d(12, 1)]], [["soon"]]], berlin)).toThrow(
      "SLA_FOLLOWUP_SPEED: first_follow_up must be a date",
    );
    expect(() => call("SLA_FOLLOWUP_SPEED", [[[d(12, 1)]], [[d(12, 2)]], "fastest"])).toThrow(
      'SLA_FOLLOWUP_SPEED: statistic must be "average", "median", a percentile such as "p90", "count" or "skipped"',
    );
  });

  it("count a lead handed off and not connected with no attempts as 0 attempts when given the hand-offs", () => {
    const attempts = [[3], [""], [2], [""], [""]];
    const connected = [[false], [""], [true], [true], [""]];
    const handed = [[d(12, 1)], [d(12, 1)], [d(12, 2)], [d(12, 2)], [""]];
    // Rows 1 and 2 are open leads (3 and 0 attempts); row 5 was never handed off.
    expect(call("SLA_FOLLOWUP_DEPTH", [attempts, connected, handed])).toBe(1.5);
    // Only untouched leads: depth 0, not blank.
    expect(call("SLA_FOLLOWUP_DEPTH", [[[""]], [[false]], [[d(12, 1)]]])).toBe(0);
    // Without hand-offs, rows with blank attempts are no lead to count.
    expect(call("SLA_FOLLOWUP_DEPTH", [attempts, connected])).toBe(3);
    expect(call("SLA_FOLLOWUP_DEPTH", [attempts, connected, ""])).toBe(3);
    expect(() => call("SLA_FOLLOWUP_DEPTH", [attempts, connected, [[d(12, 1)]]])).toThrow(
      "SLA_FOLLOWUP_DEPTH: handed_off must have the same number of rows and columns as attempts",
    );
  });

  it("average attempts over leads not yet connected", () => {
    const attempts = [[3], [6], [2], [""], [4]];
    const connected = [[false], [""], [true], [false], ["ja"]];
    expect(call("SLA_FOLLOWUP_DEPTH", [attempts, connected])).toBe(4.5);
    expect(call("SLA_FOLLOWUP_DEPTH", [[[2]], [[d(12, 3)]]])).toBe("");
  });
});

describe("lead value, downtime and capacity", () => {
  const table = [
    ["CEO", 100],
    ["Director", 50],
    ["Manager", 40],
  ];

  it("add up lead value by tier, matching names loosely", () => {
    expect(call("SLA_LEAD_VALUE", [[["CEO"], ["manager "], [""], ["Director"]], table])).toBe(190);
  });

  it("refuse unknown and duplicate tiers", () => {
    expect(() => call("SLA_LEAD_VALUE", [[["CEO"], ["Intern"]], table])).toThrow(
      'SLA_LEAD_VALUE: tiers contains a tier that is not in tier_table: "Intern" (row 2, got "Intern")',
    );
    expect(() =>
      call("SLA_LEAD_VALUE", [
        [["CEO"]],
        [
          ["CEO", 1],
          ["ceo", 2],
        ],
      ]),
    ).toThrow('SLA_LEAD_VALUE: tier_table lists the tier "ceo" twice');
    expect(() => call("SLA_LEAD_VALUE", [[["CEO"]], [["CEO"]]])).toThrow(
      "SLA_LEAD_VALUE: tier_table must have two columns",
    );
  });

  it("turn availability into allowed downtime, as in the nines table", () => {
    expect(call("SLA_ALLOWED_DOWNTIME", [0.999])).toBeCloseTo(525.6, 9);
    expect(call("SLA_ALLOWED_DOWNTIME", ["99.99%"])).toBeCloseTo(52.56, 9);
    expect(call("SLA_ALLOWED_DOWNTIME", ["99,999 %", "Jahr"])).toBeCloseTo(5.256, 9);
    expect((call("SLA_ALLOWED_DOWNTIME", [0.999999, "year"]) as number) * 60).toBeCloseTo(31.536, 6);
    expect(call("SLA_ALLOWED_DOWNTIME", [0.999, "day"])).toBeCloseTo(1.44, 9);
    expect(() => call("SLA_ALLOWED_DOWNTIME", [99.9])).toThrow(
      "SLA_ALLOWED_DOWNTIME: availability is above 100 %: it must be from 0 % to 100 %; a number is a fraction",
    );
    expect(() => call("SLA_ALLOWED_DOWNTIME", [0.999, "fortnight"])).toThrow(
      'SLA_ALLOWED_DOWNTIME: period must be "year", "month", "week" or "day"',
    );
  });

  it("check rep capacity", () => {
    expect(call("SLA_REP_CAPACITY", [100, 6, 10, 160])).toBe(0.625);
    expect(call("SLA_REP_CAPACITY", [200, 6, 10, 160])).toBe(1.25);
    expect(() => call("SLA_REP_CAPACITY", [100, 6, 10, 0])).toThrow(
      "SLA_REP_CAPACITY: hours_available must be more than 0 (got 0)",
    );
  });
});
