/**
 * Every custom function the add-on offers. Names are product surface: users
 * type them into cells, so they never change.
 */
import { closeRate, dealSize, marketingShare } from "../core/actuals";
import { createWorkCounter, type WorkCounter } from "../core/businessHours";
import { repCapacity } from "../core/capacity";
import { followUpDepth, responseHours, summarizeHours } from "../core/followUp";
import { DEFAULT_BAND_HOURS, speedBandCounts } from "../core/speedBands";
import { customersNeeded, leadsNeeded, revenueGoal } from "../core/leadGoal";
import { leadValue, tierValues } from "../core/leadValue";
import { cumulativeGoal, dailyTarget, goalLine, pace } from "../core/pace";
import { atRow, SlaInputError } from "../core/problems";
import { allowedDowntimeMinutes } from "../core/uptime";
import {
  amount,
  businessHours,
  connectedFlag,
  date,
  dayInMonth,
  flag,
  holidays,
  hourEdges,
  label,
  monthLength,
  period,
  rate,
  statistic,
  tierTable,
  workSchedule,
} from "./params";
import { aggregate, elementwise, spill, type CustomFunction } from "./registry";

const quota = amount("quota", "nonNegative", {
  description: {
    en: "Sales quota for the period: the total revenue sales must close.",
    de: "Verkaufsziel des Zeitraums: der Gesamtumsatz, den der Vertrieb abschließen muss.",
  },
});
const share = rate("marketing_share", {
  description: {
    en: "Share of revenue that comes from marketing-generated leads.",
    de: "Anteil des Umsatzes aus Leads, die das Marketing erzeugt.",
  },
});
const dealSizeParam = amount("avg_deal_size", "positive", {
  description: {
    en: "Average revenue of one closed deal.",
    de: "Durchschnittlicher Umsatz eines abgeschlossenen Geschäfts.",
  },
});
const closeRateParam = rate("close_rate", {
  description: { en: "Share of leads that become customers.", de: "Anteil der Leads, die zu Kunden werden." },
});
const exact = flag("exact", {
  description: {
    en: "TRUE gives the unrounded value; by default the result is rounded up to whole people.",
    de: "WAHR liefert den ungerundeten Wert; sonst wird auf ganze Personen aufgerundet.",
  },
});
const monthlyGoal = amount("monthly_goal", "nonNegative", {
  description: { en: "The month's goal, e.g. leads needed.", de: "Das Monatsziel, z. B. benötigte Leads." },
});
const positiveMonthlyGoal = amount("monthly_goal", "positive", monthlyGoal);
const handedOff = date("handed_off", {
  description: {
    en: "When the lead was handed to sales (a date and time per row).",
    de: "Wann der Lead an den Vertrieb übergeben wurde (Datum und Uhrzeit je Zeile).",
  },
});
const firstFollowUp = date("first_follow_up", {
  description: {
    en: "When sales first followed up on the lead; blank while it has not.",
    de: "Wann der Vertrieb den Lead zuerst kontaktiert hat; leer, solange nicht.",
  },
});
const hours = businessHours("business_hours", {
  description: {
    en: 'Working hours that count, e.g. "Mon-Fri 09:00-17:00"; blank counts every hour. Hours are read on the spreadsheet\'s clock, with or without business hours and holidays: 20:00 to 08:00 is 12 hours also the night clocks change, as in the workbook.',
    de: 'Arbeitszeit, die zählt, z. B. "Mo-Fr 09:00-17:00"; leer zählt jede Stunde. Gezählt wird nach der Uhr der Tabelle, mit oder ohne Arbeitszeiten und Feiertage: 20:00 bis 08:00 sind 12 Stunden, auch in der Nacht der Zeitumstellung, wie in der Arbeitsmappe.',
  },
});
const holidayDates = holidays("holidays", {
  description: {
    en: "A range of dates that are not working days.",
    de: "Ein Bereich mit Daten, die keine Arbeitstage sind.",
  },
});

// One call computes every row with the same schedule; build its counter once, not per row.
let lastCounter:
  | { hours: string | undefined; holidays: ReadonlySet<number>; counter: WorkCounter | undefined }
  | undefined;
function counterFor(businessHoursText: string | undefined, holidaySet: ReadonlySet<number>): WorkCounter | undefined {
  if (lastCounter && lastCounter.hours === businessHoursText && lastCounter.holidays === holidaySet)
    return lastCounter.counter;
  const schedule = workSchedule(businessHoursText, holidaySet, "business_hours");
  const counter = schedule && createWorkCounter(schedule);
  lastCounter = { hours: businessHoursText, holidays: holidaySet, counter };
  return counter;
}

function atMost(value: number, field: string, limit: number, other: string): void {
  if (value > limit) throw new SlaInputError("atMost", field, value, { other });
}

export const FUNCTIONS: readonly CustomFunction[] = [
  elementwise({
    name: "SLA_REVENUE_GOAL",
    summary: {
      en: "Revenue marketing must source: quota × marketing share.",
      de: "Umsatz, den das Marketing beisteuern muss: Verkaufsziel × Marketinganteil.",
    },
    returns: { en: "the marketing revenue goal", de: "das Umsatzziel des Marketings" },
    examples: [
      { formula: "=SLA_REVENUE_GOAL(5000, 100%)", result: 5000 },
      { formula: '=SLA_REVENUE_GOAL(20000, "60 %")', result: 12000 },
    ],
    params: [quota, share],
    evaluate: ([q, s]) => revenueGoal(q, s),
  }),
  elementwise({
    name: "SLA_CUSTOMERS_NEEDED",
    summary: {
      en: "Customers marketing's leads must turn into: revenue goal ÷ average deal size, rounded up.",
      de: "Kunden, zu denen Marketing-Leads werden müssen: Umsatzziel ÷ durchschnittliche Auftragsgröße, aufgerundet.",
    },
    returns: {
      en: "customers needed (whole customers unless exact is TRUE)",
      de: "benötigte Kunden (ganze Kunden, außer exact ist WAHR)",
    },
    examples: [
      { formula: "=SLA_CUSTOMERS_NEEDED(5000, 100%, 100)", result: 50 },
      { formula: "=SLA_CUSTOMERS_NEEDED(5000, 100%, 300)", result: 17 },
    ],
    params: [quota, share, dealSizeParam, exact],
    evaluate: ([q, s, d, e]) => customersNeeded(q, s, d, e),
  }),
  elementwise({
    name: "SLA_LEADS_NEEDED",
    summary: {
      en: "Leads marketing must deliver: whole customers needed ÷ close rate, rounded up.",
      de: "Leads, die das Marketing liefern muss: ganze benötigte Kunden ÷ Abschlussquote, aufgerundet.",
    },
    returns: {
      en: "leads needed (whole customers first, then whole leads; exact gives the unrounded value)",
      de: "benötigte Leads (erst ganze Kunden, dann ganze Leads; exact liefert den ungerundeten Wert)",
    },
    examples: [
      { formula: "=SLA_LEADS_NEEDED(5000, 100%, 100, 50%)", result: 100 },
      { formula: "=SLA_LEADS_NEEDED(5000, 100%, 300, 50%)", result: 34 },
    ],
    params: [quota, share, dealSizeParam, closeRateParam, exact],
    evaluate: ([q, s, d, c, e]) => leadsNeeded(q, s, d, c, e),
  }),
  elementwise({
    name: "SLA_DAILY_TARGET",
    summary: {
      en: "The daily pace of a monthly goal: goal ÷ days in the month.",
      de: "Das Tagessoll eines Monatsziels: Ziel ÷ Tage im Monat.",
    },
    returns: { en: "the daily target", de: "das Tagessoll" },
    examples: [
      { formula: "=SLA_DAILY_TARGET(100, DATE(2026, 2, 14))", result: 100 / 28 },
      { formula: "=SLA_DAILY_TARGET(93, 31)", result: 3 },
    ],
    params: [
      monthlyGoal,
      monthLength("month", {
        description: {
          en: "Any date in the month, or the number of days.",
          de: "Ein beliebiges Datum im Monat oder die Anzahl Tage.",
        },
      }),
    ],
    evaluate: ([g, n]) => dailyTarget(g, n),
  }),
  elementwise({
    name: "SLA_CUMULATIVE_GOAL",
    summary: {
      en: "The goal to date on a day of the month: day × goal ÷ days in the month.",
      de: "Das Ziel bis zu einem Tag des Monats: Tag × Ziel ÷ Tage im Monat.",
    },
    returns: { en: "the cumulative goal on that day", de: "das kumulierte Ziel an diesem Tag" },
    examples: [{ formula: "=SLA_CUMULATIVE_GOAL(100, DATE(2026, 4, 15))", result: 50 }],
    params: [
      monthlyGoal,
      dayInMonth("date", { description: { en: "The day to measure at.", de: "Der Tag, für den gemessen wird." } }),
    ],
    evaluate: ([g, when]) => cumulativeGoal(g, when.day, when.daysInMonth),
  }),
  spill({
    name: "SLA_GOAL_LINE",
    summary: {
      en: "The month's goal line: one cumulative goal per day, spilling down a column.",
      de: "Die Ziellinie des Monats: ein kumuliertes Ziel je Tag, als Spalte nach unten.",
    },
    returns: {
      en: "a column of cumulative goals for days 1 to n",
      de: "eine Spalte kumulierter Ziele für die Tage 1 bis n",
    },
    examples: [
      { formula: "=SLA_GOAL_LINE(100, DATE(2026, 11, 1))" },
      { formula: "=SLA_GOAL_LINE(4, 4)", result: [[1], [2], [3], [4]] },
    ],
    params: [
      { ...monthlyGoal, takes: "scalar" as const },
      {
        ...monthLength("month", {
          description: {
            en: "Any date in the month, or the number of days.",
            de: "Ein beliebiges Datum im Monat oder die Anzahl Tage.",
          },
        }),
        takes: "scalar" as const,
      },
    ],
    evaluate: ([g, n]) => goalLine(g, n),
  }),
  elementwise({
    name: "SLA_CLOSE_RATE",
    summary: {
      en: "Lead-to-customer close rate from actuals: customers ÷ leads.",
      de: "Abschlussquote aus Ist-Werten: Kunden ÷ Leads.",
    },
    returns: { en: "the close rate (format the cell as %)", de: "die Abschlussquote (Zelle als % formatieren)" },
    examples: [{ formula: "=SLA_CLOSE_RATE(45, 120)", result: 0.375 }],
    params: [
      amount("customers", "nonNegative", {
        description: {
          en: "Leads of the period that became customers.",
          de: "Leads des Zeitraums, die Kunden wurden.",
        },
      }),
      amount("leads", "positive", {
        description: {
          en: "Marketing-generated leads of the period.",
          de: "Vom Marketing erzeugte Leads des Zeitraums.",
        },
      }),
    ],
    evaluate: ([customers, leads]) => {
      atMost(customers, "customers", leads, "leads");
      return closeRate(customers, leads);
    },
  }),
  elementwise({
    name: "SLA_DEAL_SIZE",
    summary: {
      en: "Average deal size from actuals: revenue ÷ customers.",
      de: "Durchschnittliche Auftragsgröße aus Ist-Werten: Umsatz ÷ Kunden.",
    },
    returns: { en: "the average deal size", de: "die durchschnittliche Auftragsgröße" },
    examples: [{ formula: "=SLA_DEAL_SIZE(5400, 45)", result: 120 }],
    params: [
      amount("revenue", "nonNegative", {
        description: {
          en: "Revenue from the customers won from marketing leads.",
          de: "Umsatz der aus Marketing-Leads gewonnenen Kunden.",
        },
      }),
      amount("customers", "positive", {
        description: { en: "Number of those customers.", de: "Anzahl dieser Kunden." },
      }),
    ],
    evaluate: ([revenue, customers]) => dealSize(revenue, customers),
  }),
  elementwise({
    name: "SLA_MARKETING_SHARE",
    summary: {
      en: "Share of revenue from marketing-generated leads: marketing revenue ÷ total revenue.",
      de: "Umsatzanteil aus Marketing-Leads: Marketingumsatz ÷ Gesamtumsatz.",
    },
    returns: { en: "the marketing share (format the cell as %)", de: "der Marketinganteil (Zelle als % formatieren)" },
    examples: [{ formula: "=SLA_MARKETING_SHARE(5400, 7200)", result: 0.75 }],
    params: [
      amount("marketing_revenue", "nonNegative", {
        description: { en: "Revenue closed from marketing-generated leads.", de: "Umsatz aus Marketing-Leads." },
      }),
      amount("total_revenue", "positive", {
        description: { en: "All revenue closed in the period.", de: "Gesamter Umsatz des Zeitraums." },
      }),
    ],
    evaluate: ([marketingRevenue, totalRevenue]) => {
      atMost(marketingRevenue, "marketing_revenue", totalRevenue, "total_revenue");
      return marketingShare(marketingRevenue, totalRevenue);
    },
  }),
  elementwise({
    name: "SLA_RESPONSE_HOURS",
    summary: {
      en: "Hours from hand-off to first follow-up, per row; with business hours only working time counts.",
      de: "Stunden von der Übergabe bis zum ersten Kontakt, je Zeile; mit Arbeitszeiten zählt nur Arbeitszeit.",
    },
    returns: {
      en: "response hours per row (blank until followed up; a row whose follow-up is before its hand-off shows why)",
      de: "Reaktionszeit in Stunden je Zeile (leer bis zum Kontakt; liegt der Kontakt vor der Übergabe, steht der Grund in der Zelle)",
    },
    examples: [
      { formula: '=SLA_RESPONSE_HOURS("2026-12-04 16:00", "2026-12-07 10:00", "Mon-Fri 09:00-17:00")', result: 2 },
      { formula: '=SLA_RESPONSE_HOURS(Leads_HandedOff, Leads_FirstFollowUp, "Mon-Fri 09:00-17:00", Holidays!A2:A20)' },
    ],
    params: [handedOff, firstFollowUp, hours, holidayDates],
    evaluate: ([from, to, workingHours, days], context) =>
      responseHours(from, to, context.zone(), counterFor(workingHours, days)),
  }),
  aggregate({
    name: "SLA_FOLLOWUP_SPEED",
    summary: {
      en: "Follow-up speed over leads that were followed up: average (or median, p90) response hours.",
      de: "Reaktionsgeschwindigkeit über kontaktierte Leads: durchschnittliche (oder Median-, p90-) Reaktionszeit in Stunden.",
    },
    returns: {
      en: 'response hours; blank when no lead has been followed up yet. A row whose follow-up is before its hand-off, or that has no hand-off, is left out, as on the Follow-up tab (SLA_RESPONSE_HOURS flags it); "count" gives the leads measured, "skipped" the rows left out',
      de: 'Reaktionszeit in Stunden; leer, solange kein Lead kontaktiert wurde. Eine Zeile, deren Kontakt vor der Übergabe liegt oder die keine Übergabe hat, zählt nicht, wie im Blatt Nachverfolgung (SLA_RESPONSE_HOURS markiert sie); "count" (Anzahl) liefert die gemessenen Leads, "skipped" (übersprungen) die ausgelassenen Zeilen',
    },
    examples: [
      {
        formula:
          '=SLA_FOLLOWUP_SPEED({"2026-12-01 09:00"; "2026-12-01 10:00"; "2026-12-01 11:00"}, {"2026-12-01 10:00"; "2026-12-01 13:00"; ""})',
        result: 2,
      },
      { formula: '=SLA_FOLLOWUP_SPEED(Leads_HandedOff, Leads_FirstFollowUp, "p90", "Mon-Fri 09:00-17:00")' },
      {
        formula:
          '=SLA_FOLLOWUP_SPEED({"2026-12-01 09:00"; "2026-12-01 10:00"}, {"2026-12-01 10:00"; "2026-12-01 08:00"}, "skipped")',
        result: 1,
      },
    ],
    params: [
      handedOff,
      firstFollowUp,
      statistic("statistic", {
        description: { en: "Which statistic to report.", de: "Welche Kennzahl berichtet wird." },
      }),
      hours,
      holidayDates,
    ],
    evaluate: ([from, to, stat, workingHours, days], context) => {
      const counter = counterFor(workingHours, days);
      const zone = context.zone();
      const measured: number[] = [];
      let skipped = 0;
      for (let index = 0; index < to.length; index++) {
        const followedUp = to[index];
        if (followedUp === undefined) continue;
        const handed = from[index];
        // The lead log flags these rows and its reports leave them out; so does this summary.
        if (handed === undefined || followedUp < handed) {
          skipped += 1;
          continue;
        }
        measured.push(responseHours(handed, followedUp, zone, counter));
      }
      return summarizeHours(measured, stat, skipped);
    },
  }),
  aggregate({
    name: "SLA_SPEED_BANDS",
    row: true,
    summary: {
      en: "Speed to lead in bands: how many leads were first followed up within each band (cumulative), and how many later or not at all.",
      de: "Reaktionszeit in Stufen: wie viele Leads innerhalb jeder Stufe zuerst kontaktiert wurden (kumuliert) und wie viele später oder gar nicht.",
    },
    returns: {
      en: "a row: per band edge, the leads followed up within it, then the leads followed up later than every edge or not yet. Rows without a hand-off, and rows whose follow-up is before their hand-off, are left out, as on the Follow-up tab",
      de: "eine Zeile: je Stufengrenze die Leads, die innerhalb davon kontaktiert wurden, dann die später als jede Grenze oder noch gar nicht kontaktierten. Zeilen ohne Übergabe und Zeilen, deren Kontakt vor der Übergabe liegt, zählen nicht, wie im Blatt Nachverfolgung",
    },
    examples: [
      {
        formula:
          '=SLA_SPEED_BANDS({"2026-12-01 09:00"; "2026-12-01 09:00"; "2026-12-01 09:00"}, {"2026-12-01 09:03"; "2026-12-01 12:00"; ""})',
        result: [[1, 1, 2, 1]],
      },
      { formula: '=SLA_SPEED_BANDS(Leads_HandedOff, Leads_FirstFollowUp, {5/60, 1, 4, 24}, "Mon-Fri 09:00-17:00")' },
    ],
    params: [
      handedOff,
      firstFollowUp,
      hourEdges("bands", DEFAULT_BAND_HOURS, {
        description: {
          en: "The band edges in hours, e.g. {5/60, 1, 4, 24} for 5 minutes, 1 hour, a 4-hour goal and a day.",
          de: "Die Stufengrenzen in Stunden, z. B. {5/60; 1; 4; 24} für 5 Minuten, 1 Stunde, ein Ziel von 4 Stunden und einen Tag.",
        },
      }),
      hours,
      holidayDates,
    ],
    evaluate: ([from, to, edges, workingHours, days], context) => {
      const counter = counterFor(workingHours, days);
      const zone = context.zone();
      const measured: (number | undefined)[] = [];
      for (let index = 0; index < from.length; index++) {
        const handed = from[index];
        const followedUp = to[index];
        if (handed === undefined) continue;
        if (followedUp === undefined) measured.push(undefined);
        // The lead log flags these rows and its reports leave them out; so does this count.
        else if (followedUp >= handed) measured.push(responseHours(handed, followedUp, zone, counter));
      }
      return speedBandCounts(measured, edges);
    },
  }),
  aggregate({
    name: "SLA_FOLLOWUP_DEPTH",
    summary: {
      en: "Follow-up depth: average attempts over leads not yet connected.",
      de: "Kontakttiefe: durchschnittliche Versuche bei noch nicht erreichten Leads.",
    },
    returns: {
      en: "average attempts; blank when every lead is connected or none was worked. With handed_off, every lead handed off and not connected counts, a blank attempts cell as 0 attempts, as on the Follow-up tab; without it, rows with blank attempts are left out",
      de: "durchschnittliche Versuche; leer, wenn alle Leads erreicht sind oder keiner bearbeitet wurde. Mit handed_off zählt jeder übergebene, nicht erreichte Lead, eine leere Zelle bei den Versuchen als 0 Versuche, wie im Blatt Nachverfolgung; ohne handed_off zählen Zeilen ohne Versuche nicht",
    },
    examples: [
      { formula: "=SLA_FOLLOWUP_DEPTH({3; 6; 2}, {FALSE; FALSE; TRUE})", result: 4.5 },
      {
        formula: '=SLA_FOLLOWUP_DEPTH({3; ""; 2}, {FALSE; FALSE; TRUE}, {"2026-12-01"; "2026-12-02"; "2026-12-02"})',
        result: 1.5,
      },
    ],
    params: [
      amount("attempts", "nonNegative", {
        description: { en: "Follow-up attempts per lead.", de: "Kontaktversuche je Lead." },
      }),
      connectedFlag("connected", {
        description: {
          en: "Whether the lead is connected (TRUE, yes, x or a date); blank means not yet.",
          de: "Ob der Lead erreicht wurde (WAHR, ja, x oder ein Datum); leer heißt noch nicht.",
        },
      }),
      {
        ...date("handed_off", {
          description: {
            en: "Optional: when each lead was handed to sales; rows without a hand-off are no lead yet.",
            de: "Optional: wann jeder Lead an den Vertrieb übergeben wurde; Zeilen ohne Übergabe sind noch kein Lead.",
          },
        }),
        optional: true,
      },
    ],
    evaluate: ([attempts, connected, handedOffColumn]) => {
      // An optional column that was not passed arrives as undefined, not as a column.
      const handed = handedOffColumn as (number | undefined)[] | undefined;
      const worked: number[] = [];
      const reached: boolean[] = [];
      attempts.forEach((value, index) => {
        if (handed ? handed[index] === undefined : value === undefined) return;
        // A lead handed off with no attempts recorded has had none yet.
        worked.push(value ?? 0);
        reached.push(connected[index] === true);
      });
      return followUpDepth(worked, reached);
    },
  }),
  elementwise({
    name: "SLA_PACE",
    summary: {
      en: "Pace against the goal to date: actual ÷ cumulative goal (1 = exactly on pace).",
      de: "Tempo gegenüber dem Ziel bis heute: Ist ÷ kumuliertes Ziel (1 = genau im Plan).",
    },
    returns: {
      en: "the pace (format as %; 100% or more is on track)",
      de: "das Tempo (als % formatieren; ab 100 % im Plan)",
    },
    examples: [{ formula: "=SLA_PACE(60, 100, DATE(2026, 4, 15))", result: 1.2 }],
    params: [
      amount("actual_to_date", "nonNegative", {
        description: { en: "Leads delivered so far this month.", de: "Bisher in diesem Monat gelieferte Leads." },
      }),
      positiveMonthlyGoal,
      dayInMonth("date", {
        description: {
          en: "The day to measure at (usually today).",
          de: "Der Tag, für den gemessen wird (meist heute).",
        },
      }),
    ],
    evaluate: ([actual, goal, when]) => pace(actual, goal, when.day, when.daysInMonth),
  }),
  aggregate({
    name: "SLA_LEAD_VALUE",
    summary: {
      en: "Total value of leads: each lead's tier looked up in a table of value per lead.",
      de: "Gesamtwert der Leads: die Stufe jedes Leads wird in einer Tabelle mit Wert pro Lead nachgeschlagen.",
    },
    returns: { en: "the total lead value", de: "der Gesamtwert der Leads" },
    examples: [
      {
        formula: '=SLA_LEAD_VALUE({"CEO"; "Manager"; "CEO"}, {"CEO", 100; "Director", 50; "Manager", 40})',
        result: 240,
      },
    ],
    params: [
      label("tiers", {
        description: {
          en: "The tier of each lead; blank rows are skipped.",
          de: "Die Stufe jedes Leads; leere Zeilen zählen nicht.",
        },
      }),
      tierTable("tier_table", {
        description: {
          en: "Two columns: tier name and value per lead.",
          de: "Zwei Spalten: Stufenname und Wert pro Lead.",
        },
      }),
    ],
    evaluate: ([tiers, table]) => {
      const values = tierValues(table, "tier_table");
      let total = 0;
      tiers.forEach((tier, index) => {
        if (tier === undefined) return;
        total += atRow(index + 1, () => leadValue([tier], values));
      });
      return total;
    },
  }),
  elementwise({
    name: "SLA_ALLOWED_DOWNTIME",
    summary: {
      en: "Downtime an availability promise allows, in minutes per year, month, week or day.",
      de: "Ausfallzeit, die eine Verfügbarkeitszusage erlaubt, in Minuten pro Jahr, Monat, Woche oder Tag.",
    },
    returns: {
      en: "allowed downtime in minutes (a month is a twelfth of a 365-day year)",
      de: "erlaubte Ausfallzeit in Minuten (ein Monat ist ein Zwölftel eines Jahres mit 365 Tagen)",
    },
    examples: [
      { formula: "=SLA_ALLOWED_DOWNTIME(99.9%)", result: 525.6 },
      { formula: '=SLA_ALLOWED_DOWNTIME("99,99 %", "month")', result: 4.38 },
    ],
    params: [
      rate(
        "availability",
        {
          description: {
            en: "The promised availability, e.g. 99.9%.",
            de: "Die zugesagte Verfügbarkeit, z. B. 99,9 %.",
          },
        },
        { allowZero: true },
      ),
      period("period", {
        description: {
          en: "The period the downtime is measured over.",
          de: "Der Zeitraum, über den die Ausfallzeit gemessen wird.",
        },
      }),
    ],
    evaluate: ([availability, per]) => allowedDowntimeMinutes(availability, per),
  }),
  elementwise({
    name: "SLA_REP_CAPACITY",
    summary: {
      en: "Whether reps have the hours for the depth goal: hours the goal needs ÷ hours available.",
      de: "Ob der Vertrieb die Zeit für das Tiefenziel hat: benötigte Stunden ÷ verfügbare Stunden.",
    },
    returns: {
      en: "the load (1 or less: the goal fits; above 1: reps lack the time)",
      de: "die Auslastung (bis 1: das Ziel passt; über 1: die Zeit reicht nicht)",
    },
    examples: [{ formula: "=SLA_REP_CAPACITY(100, 6, 10, 160)", result: 0.625 }],
    params: [
      amount("leads_per_rep", "nonNegative", {
        description: {
          en: "Marketing leads each rep receives in the period.",
          de: "Marketing-Leads, die jeder Vertriebsmitarbeiter im Zeitraum erhält.",
        },
      }),
      amount("attempts_goal", "nonNegative", {
        description: { en: "Follow-up attempts per lead the SLA asks for.", de: "Kontaktversuche je Lead laut SLA." },
      }),
      amount("minutes_per_attempt", "nonNegative", {
        description: { en: "Minutes one attempt takes.", de: "Minuten pro Versuch." },
      }),
      amount("hours_available", "positive", {
        description: {
          en: "Hours a rep has for marketing leads in the period.",
          de: "Stunden, die ein Mitarbeiter im Zeitraum für Marketing-Leads hat.",
        },
      }),
    ],
    evaluate: ([leads, attempts, minutes, available]) => repCapacity(leads, attempts, minutes, available),
  }),
];

export function findFunction(name: string): CustomFunction | undefined {
  return FUNCTIONS.find((fn) => fn.name === name.toUpperCase());
}
