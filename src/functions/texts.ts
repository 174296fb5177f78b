/**
 * What each custom function and each of its parameters is for, in English and
 * German: the help Sheets shows (the stubs' JSDoc, English), the reference
 * dialog and the docs. definitions.ts declares the functions and their
 * parameters; a text for a function or parameter it does not declare, or a
 * missing German text, fails `tsc`.
 */
import type { Translations } from "../core/i18n";
import type { DeclaredTexts } from "./definitions";

// Parameters several functions share, described once per language. Plain constants, not an object:
// a property read would keep every text in the server bundle, which needs none.
const enQuota = "Sales quota for the period: the total revenue sales must close.";
const enMarketingShare = "Share of revenue that comes from marketing-generated leads.";
const enAvgDealSize = "Average revenue of one closed deal.";
const enExact = "TRUE gives the unrounded value; by default the result is rounded up to whole people.";
const enMonthlyGoal = "The month's goal, e.g. leads needed.";
const enMonth = "Any date in the month, or the number of days.";
const enHandedOff = "When the lead was handed to sales (a date and time per row).";
const enFirstFollowUp = "When sales first followed up on the lead; blank while it has not.";
const enBusinessHours =
  'Working hours that count, e.g. "Mon-Fri 09:00-17:00"; blank counts every hour. Hours are read on the spreadsheet\'s clock, with or without business hours and holidays: 20:00 to 08:00 is 12 hours also the night clocks change, as in the workbook.';
const enHolidays = "A range of dates that are not working days.";

const deQuota = "Verkaufsziel des Zeitraums: der Gesamtumsatz, den der Vertrieb abschließen muss.";
const deMarketingShare = "Anteil des Umsatzes aus Leads, die das Marketing erzeugt.";
const deAvgDealSize = "Durchschnittlicher Umsatz eines abgeschlossenen Geschäfts.";
const deExact = "WAHR liefert den ungerundeten Wert; sonst wird auf ganze Personen aufgerundet.";
const deMonthlyGoal = "Das Monatsziel, z. B. benötigte Leads.";
const deMonth = "Ein beliebiges Datum im Monat oder die Anzahl Tage.";
const deHandedOff = "Wann der Lead an den Vertrieb übergeben wurde (Datum und Uhrzeit je Zeile).";
const deFirstFollowUp = "Wann der Vertrieb den Lead zuerst kontaktiert hat; leer, solange nicht.";
const deBusinessHours =
  'Arbeitszeit, die zählt, z. B. "Mo-Fr 09:00-17:00"; leer zählt jede Stunde. Gezählt wird nach der Uhr der Tabelle, mit oder ohne Arbeitszeiten und Feiertage: 20:00 bis 08:00 sind 12 Stunden, auch in der Nacht der Zeitumstellung, wie in der Arbeitsmappe.';
const deHolidays = "Ein Bereich mit Daten, die keine Arbeitstage sind.";

const en: DeclaredTexts = {
  SLA_REVENUE_GOAL: {
    summary: "Revenue marketing must source: quota × marketing share.",
    returns: "the marketing revenue goal",
    params: {
      quota: enQuota,
      marketing_share: enMarketingShare,
    },
  },
  SLA_CUSTOMERS_NEEDED: {
    summary: "Customers marketing's leads must turn into: revenue goal ÷ average deal size, rounded up.",
    returns: "customers needed (whole customers unless exact is TRUE)",
    params: {
      quota: enQuota,
      marketing_share: enMarketingShare,
      avg_deal_size: enAvgDealSize,
      exact: enExact,
    },
  },
  SLA_LEADS_NEEDED: {
    summary: "Leads marketing must deliver: whole customers needed ÷ close rate, rounded up.",
    returns: "leads needed (whole customers first, then whole leads; exact gives the unrounded value)",
    params: {
      quota: enQuota,
      marketing_share: enMarketingShare,
      avg_deal_size: enAvgDealSize,
      close_rate: "Share of leads that become customers.",
      exact: enExact,
    },
  },
  SLA_DAILY_TARGET: {
    summary: "The daily pace of a monthly goal: goal ÷ days in the month.",
    returns: "the daily target",
    params: {
      monthly_goal: enMonthlyGoal,
      month: enMonth,
    },
  },
  SLA_CUMULATIVE_GOAL: {
    summary: "The goal to date on a day of the month: day × goal ÷ days in the month.",
    returns: "the cumulative goal on that day",
    params: {
      monthly_goal: enMonthlyGoal,
      date: "The day to measure at.",
    },
  },
  SLA_GOAL_LINE: {
    summary: "The month's goal line: one cumulative goal per day, spilling down a column.",
    returns: "a column of cumulative goals for days 1 to n",
    params: {
      monthly_goal: enMonthlyGoal,
      month: enMonth,
    },
  },
  SLA_CLOSE_RATE: {
    summary: "Lead-to-customer close rate from actuals: customers ÷ leads.",
    returns: "the close rate (format the cell as %)",
    params: {
      customers: "Leads of the period that became customers.",
      leads: "Marketing-generated leads of the period.",
    },
  },
  SLA_DEAL_SIZE: {
    summary: "Average deal size from actuals: revenue ÷ customers.",
    returns: "the average deal size",
    params: {
      revenue: "Revenue from the customers won from marketing leads.",
      customers: "Number of those customers.",
    },
  },
  SLA_MARKETING_SHARE: {
    summary: "Share of revenue from marketing-generated leads: marketing revenue ÷ total revenue.",
    returns: "the marketing share (format the cell as %)",
    params: {
      marketing_revenue: "Revenue closed from marketing-generated leads.",
      total_revenue: "All revenue closed in the period.",
    },
  },
  SLA_RESPONSE_HOURS: {
    summary: "Hours from hand-off to first follow-up, per row; with business hours only working time counts.",
    returns: "response hours per row (blank until followed up; a row whose follow-up is before its hand-off shows why)",
    params: {
      handed_off: enHandedOff,
      first_follow_up: enFirstFollowUp,
      business_hours: enBusinessHours,
      holidays: enHolidays,
    },
  },
  SLA_FOLLOWUP_SPEED: {
    summary: "Follow-up speed over leads that were followed up: average (or median, p90) response hours.",
    returns:
      'response hours; blank when no lead has been followed up yet. A row whose follow-up is before its hand-off, or that has no hand-off, is left out, as on the Follow-up tab (SLA_RESPONSE_HOURS flags it); "count" gives the leads measured, "skipped" the rows left out',
    params: {
      handed_off: enHandedOff,
      first_follow_up: enFirstFollowUp,
      statistic: "Which statistic to report.",
      business_hours: enBusinessHours,
      holidays: enHolidays,
    },
  },
  SLA_SPEED_BANDS: {
    summary:
      "Speed to lead in bands: how many leads were first followed up within each band (cumulative), and how many later or not at all.",
    returns:
      "a row: per band edge, the leads followed up within it, then the leads followed up later than every edge or not yet. Rows without a hand-off, and rows whose follow-up is before their hand-off, are left out, as on the Follow-up tab",
    params: {
      handed_off: enHandedOff,
      first_follow_up: enFirstFollowUp,
      bands: "The band edges in hours, e.g. {5/60, 1, 4, 24} for 5 minutes, 1 hour, a 4-hour goal and a day.",
      business_hours: enBusinessHours,
      holidays: enHolidays,
    },
  },
  SLA_FOLLOWUP_DEPTH: {
    summary: "Follow-up depth: average attempts over leads not yet connected.",
    returns:
      "average attempts; blank when every lead is connected or none was worked. With handed_off, every lead handed off and not connected counts, a blank attempts cell as 0 attempts, as on the Follow-up tab; without it, rows with blank attempts are left out",
    params: {
      attempts: "Follow-up attempts per lead.",
      connected: "Whether the lead is connected (TRUE, yes, x or a date); blank means not yet.",
      handed_off: "Optional: when each lead was handed to sales; rows without a hand-off are no lead yet.",
    },
  },
  SLA_PACE: {
    summary: "Pace against the goal to date: actual ÷ cumulative goal (1 = exactly on pace).",
    returns: "the pace (format as %; 100% or more is on track)",
    params: {
      actual_to_date: "Leads delivered so far this month.",
      monthly_goal: enMonthlyGoal,
      date: "The day to measure at (usually today).",
    },
  },
  SLA_LEAD_VALUE: {
    summary: "Total value of leads: each lead's tier looked up in a table of value per lead.",
    returns: "the total lead value",
    params: {
      tiers: "The tier of each lead; blank rows are skipped.",
      tier_table: "Two columns: tier name and value per lead.",
    },
  },
  SLA_ALLOWED_DOWNTIME: {
    summary: "Downtime an availability promise allows, in minutes per year, month, week or day.",
    returns: "allowed downtime in minutes (a month is a twelfth of a 365-day year)",
    params: {
      availability: "The promised availability, e.g. 99.9%.",
      period: "The period the downtime is measured over.",
    },
  },
  SLA_REP_CAPACITY: {
    summary: "Whether reps have the hours for the depth goal: hours the goal needs ÷ hours available.",
    returns: "the load (1 or less: the goal fits; above 1: reps lack the time)",
    params: {
      leads_per_rep: "Marketing leads each rep receives in the period.",
      attempts_goal: "Follow-up attempts per lead the SLA asks for.",
      minutes_per_attempt: "Minutes one attempt takes.",
      hours_available: "Hours a rep has for marketing leads in the period.",
    },
  },
};

const de: DeclaredTexts = {
  SLA_REVENUE_GOAL: {
    summary: "Umsatz, den das Marketing beisteuern muss: Verkaufsziel × Marketinganteil.",
    returns: "das Umsatzziel des Marketings",
    params: {
      quota: deQuota,
      marketing_share: deMarketingShare,
    },
  },
  SLA_CUSTOMERS_NEEDED: {
    summary:
      "Kunden, zu denen Marketing-Leads werden müssen: Umsatzziel ÷ durchschnittliche Auftragsgröße, aufgerundet.",
    returns: "benötigte Kunden (ganze Kunden, außer exact ist WAHR)",
    params: {
      quota: deQuota,
      marketing_share: deMarketingShare,
      avg_deal_size: deAvgDealSize,
      exact: deExact,
    },
  },
  SLA_LEADS_NEEDED: {
    summary: "Leads, die das Marketing liefern muss: ganze benötigte Kunden ÷ Abschlussquote, aufgerundet.",
    returns: "benötigte Leads (erst ganze Kunden, dann ganze Leads; exact liefert den ungerundeten Wert)",
    params: {
      quota: deQuota,
      marketing_share: deMarketingShare,
      avg_deal_size: deAvgDealSize,
      close_rate: "Anteil der Leads, die zu Kunden werden.",
      exact: deExact,
    },
  },
  SLA_DAILY_TARGET: {
    summary: "Das Tagessoll eines Monatsziels: Ziel ÷ Tage im Monat.",
    returns: "das Tagessoll",
    params: {
      monthly_goal: deMonthlyGoal,
      month: deMonth,
    },
  },
  SLA_CUMULATIVE_GOAL: {
    summary: "Das Ziel bis zu einem Tag des Monats: Tag × Ziel ÷ Tage im Monat.",
    returns: "das kumulierte Ziel an diesem Tag",
    params: {
      monthly_goal: deMonthlyGoal,
      date: "Der Tag, für den gemessen wird.",
    },
  },
  SLA_GOAL_LINE: {
    summary: "Die Ziellinie des Monats: ein kumuliertes Ziel je Tag, als Spalte nach unten.",
    returns: "eine Spalte kumulierter Ziele für die Tage 1 bis n",
    params: {
      monthly_goal: deMonthlyGoal,
      month: deMonth,
    },
  },
  SLA_CLOSE_RATE: {
    summary: "Abschlussquote aus Ist-Werten: Kunden ÷ Leads.",
    returns: "die Abschlussquote (Zelle als % formatieren)",
    params: {
      customers: "Leads des Zeitraums, die Kunden wurden.",
      leads: "Vom Marketing erzeugte Leads des Zeitraums.",
    },
  },
  SLA_DEAL_SIZE: {
    summary: "Durchschnittliche Auftragsgröße aus Ist-Werten: Umsatz ÷ Kunden.",
    returns: "die durchschnittliche Auftragsgröße",
    params: {
      revenue: "Umsatz der aus Marketing-Leads gewonnenen Kunden.",
      customers: "Anzahl dieser Kunden.",
    },
  },
  SLA_MARKETING_SHARE: {
    summary: "Umsatzanteil aus Marketing-Leads: Marketingumsatz ÷ Gesamtumsatz.",
    returns: "der Marketinganteil (Zelle als % formatieren)",
    params: {
      marketing_revenue: "Umsatz aus Marketing-Leads.",
      total_revenue: "Gesamter Umsatz des Zeitraums.",
    },
  },
  SLA_RESPONSE_HOURS: {
    summary: "Stunden von der Übergabe bis zum ersten Kontakt, je Zeile; mit Arbeitszeiten zählt nur Arbeitszeit.",
    returns:
      "Reaktionszeit in Stunden je Zeile (leer bis zum Kontakt; liegt der Kontakt vor der Übergabe, steht der Grund in der Zelle)",
    params: {
      handed_off: deHandedOff,
      first_follow_up: deFirstFollowUp,
      business_hours: deBusinessHours,
      holidays: deHolidays,
    },
  },
  SLA_FOLLOWUP_SPEED: {
    summary:
      "Reaktionsgeschwindigkeit über kontaktierte Leads: durchschnittliche (oder Median-, p90-) Reaktionszeit in Stunden.",
    returns:
      'Reaktionszeit in Stunden; leer, solange kein Lead kontaktiert wurde. Eine Zeile, deren Kontakt vor der Übergabe liegt oder die keine Übergabe hat, zählt nicht, wie im Blatt Nachverfolgung (SLA_RESPONSE_HOURS markiert sie); "count" (Anzahl) liefert die gemessenen Leads, "skipped" (übersprungen) die ausgelassenen Zeilen',
    params: {
      handed_off: deHandedOff,
      first_follow_up: deFirstFollowUp,
      statistic: "Welche Kennzahl berichtet wird.",
      business_hours: deBusinessHours,
      holidays: deHolidays,
    },
  },
  SLA_SPEED_BANDS: {
    summary:
      "Reaktionszeit in Stufen: wie viele Leads innerhalb jeder Stufe zuerst kontaktiert wurden (kumuliert) und wie viele später oder gar nicht.",
    returns:
      "eine Zeile: je Stufengrenze die Leads, die innerhalb davon kontaktiert wurden, dann die später als jede Grenze oder noch gar nicht kontaktierten. Zeilen ohne Übergabe und Zeilen, deren Kontakt vor der Übergabe liegt, zählen nicht, wie im Blatt Nachverfolgung",
    params: {
      handed_off: deHandedOff,
      first_follow_up: deFirstFollowUp,
      bands:
        "Die Stufengrenzen in Stunden, z. B. {5/60; 1; 4; 24} für 5 Minuten, 1 Stunde, ein Ziel von 4 Stunden und einen Tag.",
      business_hours: deBusinessHours,
      holidays: deHolidays,
    },
  },
  SLA_FOLLOWUP_DEPTH: {
    summary: "Kontakttiefe: durchschnittliche Versuche bei noch nicht erreichten Leads.",
    returns:
      "durchschnittliche Versuche; leer, wenn alle Leads erreicht sind oder keiner bearbeitet wurde. Mit handed_off zählt jeder übergebene, nicht erreichte Lead, eine leere Zelle bei den Versuchen als 0 Versuche, wie im Blatt Nachverfolgung; ohne handed_off zählen Zeilen ohne Versuche nicht",
    params: {
      attempts: "Kontaktversuche je Lead.",
      connected: "Ob der Lead erreicht wurde (WAHR, ja, x oder ein Datum); leer heißt noch nicht.",
      handed_off:
        "Optional: wann jeder Lead an den Vertrieb übergeben wurde; Zeilen ohne Übergabe sind noch kein Lead.",
    },
  },
  SLA_PACE: {
    summary: "Tempo gegenüber dem Ziel bis heute: Ist ÷ kumuliertes Ziel (1 = genau im Plan).",
    returns: "das Tempo (als % formatieren; ab 100 % im Plan)",
    params: {
      actual_to_date: "Bisher in diesem Monat gelieferte Leads.",
      monthly_goal: deMonthlyGoal,
      date: "Der Tag, für den gemessen wird (meist heute).",
    },
  },
  SLA_LEAD_VALUE: {
    summary: "Gesamtwert der Leads: die Stufe jedes Leads wird in einer Tabelle mit Wert pro Lead nachgeschlagen.",
    returns: "der Gesamtwert der Leads",
    params: {
      tiers: "Die Stufe jedes Leads; leere Zeilen zählen nicht.",
      tier_table: "Zwei Spalten: Stufenname und Wert pro Lead.",
    },
  },
  SLA_ALLOWED_DOWNTIME: {
    summary: "Ausfallzeit, die eine Verfügbarkeitszusage erlaubt, in Minuten pro Jahr, Monat, Woche oder Tag.",
    returns: "erlaubte Ausfallzeit in Minuten (ein Monat ist ein Zwölftel eines Jahres mit 365 Tagen)",
    params: {
      availability: "Die zugesagte Verfügbarkeit, z. B. 99,9 %.",
      period: "Der Zeitraum, über den die Ausfallzeit gemessen wird.",
    },
  },
  SLA_REP_CAPACITY: {
    summary: "Ob der Vertrieb die Zeit für das Tiefenziel hat: benötigte Stunden ÷ verfügbare Stunden.",
    returns: "die Auslastung (bis 1: das Ziel passt; über 1: die Zeit reicht nicht)",
    params: {
      leads_per_rep: "Marketing-Leads, die jeder Vertriebsmitarbeiter im Zeitraum erhält.",
      attempts_goal: "Kontaktversuche je Lead laut SLA.",
      minutes_per_attempt: "Minuten pro Versuch.",
      hours_available: "Stunden, die ein Mitarbeiter im Zeitraum für Marketing-Leads hat.",
    },
  },
};

export const FUNCTION_TEXTS: Translations<DeclaredTexts> = { en, de };
