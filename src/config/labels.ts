import type { Language } from "../core/i18n";

/** Names of config fields as people see them in the wizard, for error messages. */
const FIELD_LABELS: Record<string, Readonly<Record<Language, string>>> = {
  version: { en: "Version", de: "Version" },
  language: { en: "Language", de: "Sprache" },
  currency: { en: "Currency", de: "Währung" },
  title: { en: "Title", de: "Titel" },
  summary: { en: "Summary", de: "Zusammenfassung" },
  startMonth: { en: "Start month", de: "Startmonat" },
  months: { en: "Length in months", de: "Laufzeit in Monaten" },
  kind: { en: "Kind of SLA", de: "Art des SLA" },
  parties: { en: "Parties", de: "Parteien" },
  "parties.*": { en: "Party {n}", de: "Partei {n}" },
  "parties.*.id": { en: "Party {n}: role", de: "Partei {n}: Rolle" },
  "parties.*.name": { en: "Party {n}: name", de: "Partei {n}: Name" },
  contacts: { en: "Contacts", de: "Kontakte" },
  "contacts.*": { en: "Contact {n}", de: "Kontakt {n}" },
  "contacts.*.name": { en: "Contact {n}: name", de: "Kontakt {n}: Name" },
  "contacts.*.email": { en: "Contact {n}: e-mail", de: "Kontakt {n}: E-Mail" },
  "contacts.*.role": { en: "Contact {n}: role", de: "Kontakt {n}: Funktion" },
  "contacts.*.party": { en: "Contact {n}: party", de: "Kontakt {n}: Partei" },
  marketing: { en: "Marketing goal", de: "Marketingziel" },
  "marketing.quota": { en: "Sales quota", de: "Verkaufsziel" },
  "marketing.marketingShare": { en: "Marketing share of revenue", de: "Marketinganteil am Umsatz" },
  "marketing.avgDealSize": { en: "Average deal size", de: "Durchschnittliche Auftragsgröße" },
  "marketing.closeRate": { en: "Close rate", de: "Abschlussquote" },
  "marketing.paceTolerance": { en: "Pace tolerance (at risk from)", de: "Toleranz beim Tempo (gefährdet ab)" },
  "marketing.tiers": { en: "Lead tiers", de: "Lead-Stufen" },
  "marketing.tiers.*": { en: "Lead tier {n}", de: "Lead-Stufe {n}" },
  "marketing.tiers.*.name": { en: "Lead tier {n}: name", de: "Lead-Stufe {n}: Name" },
  "marketing.tiers.*.valuePerLead": { en: "Lead tier {n}: value per lead", de: "Lead-Stufe {n}: Wert pro Lead" },
  "marketing.tiers.*.marketingShare": { en: "Lead tier {n}: marketing share", de: "Lead-Stufe {n}: Marketinganteil" },
  "marketing.tiers.*.avgDealSize": { en: "Lead tier {n}: average deal size", de: "Lead-Stufe {n}: Auftragsgröße" },
  "marketing.tiers.*.closeRate": { en: "Lead tier {n}: close rate", de: "Lead-Stufe {n}: Abschlussquote" },
  "marketing.tiers.*.followUpHours": {
    en: "Lead tier {n}: follow-up goal (hours)",
    de: "Lead-Stufe {n}: Ziel Reaktionszeit (Stunden)",
  },
  "marketing.sources": { en: "Lead sources", de: "Lead-Quellen" },
  "marketing.sources.*": { en: "Lead source {n}", de: "Lead-Quelle {n}" },
  sales: { en: "Sales follow-up", de: "Nachverfolgung durch den Vertrieb" },
  "sales.followUpHours": { en: "Follow-up speed goal (hours)", de: "Ziel Reaktionszeit (Stunden)" },
  "sales.followUpAttempts": { en: "Follow-up depth goal (attempts)", de: "Ziel Kontaktversuche" },
  "sales.businessHours": { en: "Business hours", de: "Geschäftszeiten" },
  "sales.businessHours.days": { en: "Business days", de: "Arbeitstage" },
  "sales.businessHours.days.*": { en: "Business day {n}", de: "Arbeitstag {n}" },
  "sales.businessHours.start": { en: "Business hours: start", de: "Geschäftszeiten: Beginn" },
  "sales.businessHours.end": { en: "Business hours: end", de: "Geschäftszeiten: Ende" },
  "sales.holidays": { en: "Holidays", de: "Feiertage" },
  "sales.holidays.*": { en: "Holiday {n}", de: "Feiertag {n}" },
  "sales.speedBandMinutes": { en: "Speed-to-lead bands", de: "Reaktionszeit-Stufen" },
  "sales.speedBandMinutes.*": { en: "Speed-to-lead band {n} (minutes)", de: "Reaktionszeit-Stufe {n} (Minuten)" },
  "sales.reps": { en: "Sales reps", de: "Vertriebsmitarbeiter" },
  "sales.reps.*": { en: "Sales rep {n}", de: "Vertriebsmitarbeiter {n}" },
  "sales.minutesPerAttempt": { en: "Minutes per attempt", de: "Minuten pro Versuch" },
  "sales.hoursPerRep": {
    en: "Hours per rep and month for marketing leads",
    de: "Stunden pro Mitarbeiter und Monat für Marketing-Leads",
  },
  requirements: { en: "Requirements", de: "Anforderungen" },
  "requirements.*": { en: "Requirement {n}", de: "Anforderung {n}" },
  "requirements.*.from": { en: "Requirement {n}: delivered by", de: "Anforderung {n}: geliefert von" },
  "requirements.*.to": { en: "Requirement {n}: delivered to", de: "Anforderung {n}: geliefert an" },
  "requirements.*.text": { en: "Requirement {n}: description", de: "Anforderung {n}: Beschreibung" },
  "requirements.*.perMonth": { en: "Requirement {n}: times per month", de: "Anforderung {n}: Anzahl pro Monat" },
  missedGoals: { en: "Plan when goals are missed", de: "Plan bei verfehlten Zielen" },
  "missedGoals.strikesBeforeEscalation": { en: "Strikes before escalation", de: "Verwarnungen bis zur Eskalation" },
  "missedGoals.steps": { en: "Steps when goals are missed", de: "Schritte bei verfehlten Zielen" },
  "missedGoals.serviceCredits": { en: "Service credits", de: "Servicegutschriften" },
  cancellation: { en: "Cancellation terms", de: "Kündigungsbedingungen" },
  "cancellation.missedMonthsInARow": {
    en: "Missed months in a row that end the SLA",
    de: "Verfehlte Monate in Folge bis zur Kündigung",
  },
  "cancellation.terms": { en: "Other cancellation terms", de: "Weitere Kündigungsbedingungen" },
  review: { en: "Review", de: "Überprüfung" },
  "review.cadence": { en: "Review cadence", de: "Überprüfungsrhythmus" },
  "review.clauses": { en: "Clauses for the unexpected", de: "Klauseln für Unvorhergesehenes" },
};

/**
 * The label of a config path such as `["contacts", 1, "email"]`: "Contact 2: e-mail".
 * @example fieldLabel(["marketing", "closeRate"], "de") // "Abschlussquote"
 */
export function fieldLabel(path: readonly PropertyKey[], language: Language): string {
  const pattern = path.map((part) => (typeof part === "number" ? "*" : String(part))).join(".");
  const index = path.find((part): part is number => typeof part === "number");
  const label = FIELD_LABELS[pattern]?.[language];
  if (label) return label.replace("{n}", String((index ?? 0) + 1));
  return pattern === "" ? (language === "de" ? "Konfiguration" : "Configuration") : path.join(".");
}

/** Dotted path for forms: `contacts.1.email`. */
export function pathKey(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}
