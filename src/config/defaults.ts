/**
 * A sensible starting SLA from the guide, in English or German, which the
 * wizard prefills and users edit: the guide's worked example (5,000 quota,
 * deal size 100, 50 % close rate → 100 leads) and its good practice.
 */
import type { Language, Translations } from "../core/i18n";
import { DEFAULT_PACE_TOLERANCE, DEFAULT_SOURCES } from "./migrate";
import { CONFIG_VERSION, DEFAULT_SPEED_BAND_MINUTES, type SlaConfigInput } from "./schema";

type Requirement = NonNullable<SlaConfigInput["requirements"]>[number];

/** The texts of a starting SLA in one language. */
interface DefaultTexts {
  readonly title: string;
  readonly summary: string;
  readonly marketing: string;
  readonly sales: string;
  readonly service: string;
  readonly requirements: readonly Requirement[];
  readonly serviceRequirement: Requirement;
  readonly steps: string;
  readonly terms: string;
  readonly clauses: string;
  readonly roleMarketing: string;
  readonly roleSales: string;
}

const en: DefaultTexts = {
  title: "Marketing & Sales SLA",
  summary:
    "Marketing delivers enough qualified leads each month for sales to reach its quota; sales follows up on every lead quickly and persistently. Success is measured monthly by leads delivered against the goal, and by follow-up speed and depth against the goals below.",
  marketing: "Marketing",
  sales: "Sales",
  service: "Customer Service",
  requirements: [
    { from: "sales", to: "marketing", text: "Weekly pipeline status report on marketing leads", perMonth: 4 },
    { from: "marketing", to: "sales", text: "Monthly lead report with source and tier of every lead", perMonth: 1 },
  ],
  serviceRequirement: { from: "sales", to: "service", text: "Monthly customer friction report", perMonth: 1 },
  steps:
    "1. A missed goal is a strike for that party. 2. The owners meet within a week to find the cause (lead quality, follow-up, capacity). 3. They agree on corrective actions and record them in the ledger.",
  terms: "Either party may end the SLA with one month's notice when the parties no longer agree on its goals.",
  clauses:
    "Goals are suspended for force majeure, outages of the CRM or marketing systems, and staff shortages of more than 20 % of a team.",
  roleMarketing: "Head of Marketing",
  roleSales: "Head of Sales",
};

const de: DefaultTexts = {
  title: "SLA Marketing & Vertrieb",
  summary:
    "Das Marketing liefert jeden Monat genug qualifizierte Leads, damit der Vertrieb sein Verkaufsziel erreicht; der Vertrieb kontaktiert jeden Lead schnell und beharrlich. Erfolg wird monatlich gemessen: gelieferte Leads gegen das Ziel, Reaktionszeit und Kontaktversuche gegen die Ziele unten.",
  marketing: "Marketing",
  sales: "Vertrieb",
  service: "Kundenservice",
  requirements: [
    {
      from: "sales",
      to: "marketing",
      text: "Wöchentlicher Statusbericht zur Pipeline der Marketing-Leads",
      perMonth: 4,
    },
    {
      from: "marketing",
      to: "sales",
      text: "Monatlicher Lead-Bericht mit Quelle und Stufe jedes Leads",
      perMonth: 1,
    },
  ],
  serviceRequirement: {
    from: "sales",
    to: "service",
    text: "Monatlicher Bericht zu Reibungspunkten bei Kunden",
    perMonth: 1,
  },
  steps:
    "1. Ein verfehltes Ziel ist eine Verwarnung für die Partei. 2. Die Verantwortlichen suchen innerhalb einer Woche die Ursache (Lead-Qualität, Nachverfolgung, Kapazität). 3. Sie vereinbaren Korrekturen und halten sie im Protokoll fest.",
  terms:
    "Jede Partei kann das SLA mit einem Monat Frist beenden, wenn sich die Parteien nicht mehr über die Ziele einig sind.",
  clauses:
    "Ziele ruhen bei höherer Gewalt, Ausfällen von CRM- oder Marketingsystemen und Personalengpässen von mehr als 20 % eines Teams.",
  roleMarketing: "Leitung Marketing",
  roleSales: "Leitung Vertrieb",
};

const TEXT: Translations<DefaultTexts> = { en, de };

/** The month after a given date, as "YYYY-MM". */
export function nextMonthOf(today: Date): string {
  const year = today.getUTCFullYear() + (today.getUTCMonth() === 11 ? 1 : 0);
  const month = (today.getUTCMonth() + 1) % 12;
  return `${year}-${String(month + 1).padStart(2, "0")}`;
}

export function defaultConfig(
  language: Language,
  startMonth: string,
  kind: "internal" | "multiLevel" = "internal",
): SlaConfigInput {
  const text = TEXT[language];
  const parties: { id: "marketing" | "sales" | "service"; name: string }[] = [
    { id: "marketing", name: text.marketing },
    { id: "sales", name: text.sales },
  ];
  const requirements: SlaConfigInput["requirements"] = text.requirements.map((requirement) => ({ ...requirement }));
  if (kind === "multiLevel") {
    parties.push({ id: "service", name: text.service });
    requirements?.push({ ...text.serviceRequirement });
  }
  return {
    version: CONFIG_VERSION,
    language,
    currency: language === "de" ? "EUR" : "USD",
    title: text.title,
    summary: text.summary,
    startMonth,
    months: 12,
    kind,
    parties,
    contacts: [],
    marketing: {
      quota: 5000,
      marketingShare: 1,
      avgDealSize: 100,
      closeRate: 0.5,
      paceTolerance: DEFAULT_PACE_TOLERANCE,
      tiers: [],
      sources: [...DEFAULT_SOURCES[language]],
    },
    sales: {
      followUpHours: 4,
      followUpAttempts: 6,
      businessHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" },
      holidays: [],
      speedBandMinutes: [...DEFAULT_SPEED_BAND_MINUTES],
      // The wizard fills these in from the sales contacts until the user edits the list.
      reps: [],
      minutesPerAttempt: 10,
      hoursPerRep: 60,
    },
    requirements,
    missedGoals: { strikesBeforeEscalation: 2, steps: text.steps, serviceCredits: "" },
    cancellation: { missedMonthsInARow: 3, terms: text.terms },
    review: { cadence: "quarterly", clauses: text.clauses },
  };
}
