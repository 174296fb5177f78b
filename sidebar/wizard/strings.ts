/**
 * Every word the wizard shows, in English and German: one typed dictionary of
 * `[english, german]` pairs (or functions answering both), so a missing
 * translation fails `tsc` and each translation sits next to its original.
 * Validation messages come from src/config/validate.ts.
 */
import type { Language } from "../../src/core/i18n";

type Pair = readonly [unknown, unknown] | ((...args: never[]) => readonly [string, string]);

const DICTIONARY = {
  languageGroup: ["Language of this panel", "Sprache dieses Bereichs"],
  languageNames: [
    { en: "English", de: "Deutsch" },
    { en: "English", de: "Deutsch" },
  ],
  loading: ["Loading your SLA…", "SLA wird geladen…"],
  loadFailed: (message: string) => [
    `The SLA could not be loaded from the spreadsheet: ${message}`,
    `Das SLA konnte nicht aus der Tabelle geladen werden: ${message}`,
  ],
  retry: ["Try again", "Erneut versuchen"],
  stepOf: (step: number, total: number) => [`Step ${step} of ${total}`, `Schritt ${step} von ${total}`],
  progressLabel: ["Progress", "Fortschritt"],
  stepTitles: [
    ["Agreement", "Marketing goal", "Lead tiers", "Sales follow-up", "Terms", "Review and build"],
    ["Vereinbarung", "Marketingziel", "Lead-Stufen", "Nachverfolgung", "Bedingungen", "Prüfen und erstellen"],
  ],
  stepIntros: [
    [
      "Who agrees with whom, who the contacts are, and when the SLA runs.",
      "How many leads marketing must deliver so that sales reaches its quota.",
      "Optional: give lead tiers a value per lead for a value goal.",
      "How fast and how persistently sales follows up on every marketing lead.",
      "What each party needs from the other, and what happens when goals are missed.",
      "Check the agreement, then build. Building again keeps every value typed into the sheets.",
    ],
    [
      "Wer mit wem vereinbart, wer die Ansprechpartner sind und wann das SLA gilt.",
      "Wie viele Leads das Marketing liefern muss, damit der Vertrieb sein Verkaufsziel erreicht.",
      "Optional: Geben Sie Lead-Stufen einen Wert pro Lead für ein Wertziel.",
      "Wie schnell und wie beharrlich der Vertrieb jeden Marketing-Lead kontaktiert.",
      "Was jede Partei von der anderen braucht und was bei verfehlten Zielen geschieht.",
      "Prüfen Sie die Vereinbarung und erstellen Sie sie. Erneutes Erstellen behält alle eingetragenen Werte.",
    ],
  ],
  back: ["Back", "Zurück"],
  next: ["Next", "Weiter"],
  build: ["Build SLA", "SLA erstellen"],
  buildAgain: ["Build again", "Erneut erstellen"],
  building: ["Building…", "Wird erstellt…"],
  optional: (label: string) => [`${label} (optional)`, `${label} (optional)`],
  remove: ["Remove", "Entfernen"],
  none: ["None", "Keine"],

  kindLegend: ["Kind of SLA", "Art des SLA"],
  kindInternal: ["Internal: marketing and sales", "Intern: Marketing und Vertrieb"],
  kindInternalHint: ["Two teams set goals for each other.", "Zwei Teams legen Ziele füreinander fest."],
  kindMulti: ["Multi-level: with a third party", "Mehrstufig: mit einer dritten Partei"],
  kindMultiHint: [
    "Adds a third party such as customer service.",
    "Fügt eine dritte Partei wie den Kundenservice hinzu.",
  ],
  partiesLegend: ["Parties", "Parteien"],
  partyLabel: [
    { marketing: "Marketing team", sales: "Sales team", service: "Third party" },
    { marketing: "Marketing-Team", sales: "Vertriebsteam", service: "Dritte Partei" },
  ],
  serviceDefault: ["Customer Service", "Kundenservice"],
  serviceHint: ["For example customer service.", "Zum Beispiel der Kundenservice."],
  contactsLegend: ["Contacts", "Ansprechpartner"],
  contactsHint: [
    "Who is responsible for what, and whom to report to.",
    "Wer wofür verantwortlich ist und an wen berichtet wird.",
  ],
  contactHeading: (n: number) => [`Contact ${n}`, `Kontakt ${n}`],
  contactName: ["Name", "Name"],
  contactEmail: ["E-mail", "E-Mail"],
  contactRole: ["Role", "Funktion"],
  contactParty: ["Party", "Partei"],
  addContact: ["Add contact", "Kontakt hinzufügen"],
  removeContact: (n: number) => [`Remove contact ${n}`, `Kontakt ${n} entfernen`],
  noContacts: ["No contacts yet: add at least one.", "Noch keine Kontakte: Fügen Sie mindestens einen hinzu."],
  detailsLegend: ["Title and term", "Titel und Laufzeit"],
  title: ["Title", "Titel"],
  summary: ["Summary", "Zusammenfassung"],
  summaryHint: [
    "What the SLA is for and how success is measured.",
    "Wofür das SLA da ist und wie Erfolg gemessen wird.",
  ],
  startMonth: ["Start month", "Startmonat"],
  startMonthHint: [
    "The first month the goals apply, e.g. 2026-03.",
    "Der erste Monat, in dem die Ziele gelten, z. B. 2026-03.",
  ],
  months: ["Length in months", "Laufzeit in Monaten"],
  language: ["Workbook language", "Sprache der Tabelle"],
  currency: ["Currency", "Währung"],
  currencyHint: ["Three-letter code such as USD or EUR.", "Dreistelliger Code wie EUR oder USD."],

  quota: ["Sales quota per month", "Verkaufsziel pro Monat"],
  quotaHint: [
    "The revenue sales must close in a month.",
    "Der Umsatz, den der Vertrieb in einem Monat abschließen muss.",
  ],
  share: ["Share of revenue from marketing leads", "Umsatzanteil aus Marketing-Leads"],
  shareHint: ["Write 100 % or 1 for all of it.", "Schreiben Sie 100 % oder 1 für den ganzen Umsatz."],
  dealSize: ["Average deal size", "Durchschnittliche Auftragsgröße"],
  closeRate: ["Close rate of leads", "Abschlussquote der Leads"],
  closeRateHint: [
    "Share of marketing leads that become customers: 50 % or 0.5.",
    "Anteil der Marketing-Leads, die Kunden werden: 50 % oder 0,5.",
  ],
  paceTolerance: ["Pace tolerance: at risk from", "Toleranz beim Tempo: gefährdet ab"],
  paceToleranceHint: [
    'A month\'s pace from this share of the goal to date up to 100 % shows "at risk", below it "behind": 90 % or 0.9.',
    "Ein Monatstempo ab diesem Anteil des bisherigen Ziels bis 100 % zeigt „gefährdet“, darunter „im Rückstand“: 90 % oder 0,9.",
  ],
  previewHeading: ["Marketing's monthly goal", "Monatsziel des Marketings"],
  revenueGoal: ["Revenue goal", "Umsatzziel"],
  customersNeeded: ["Customers needed", "Benötigte Kunden"],
  leadsNeeded: ["Leads needed", "Benötigte Leads"],
  dailyTarget: (month: string, days: number) => [
    `Daily target in ${month} (${days} days)`,
    `Tagesziel im ${month} (${days} Tage)`,
  ],
  perDay: (value: string) => [`${value} leads a day`, `${value} Leads pro Tag`],
  previewIncomplete: [
    "Fill in valid values above to see the goal.",
    "Geben Sie oben gültige Werte ein, um das Ziel zu sehen.",
  ],

  tierHeading: (n: number) => [`Tier ${n}`, `Stufe ${n}`],
  tierName: ["Name", "Name"],
  tierNameHint: [
    "For example CEO, director or manager.",
    "Zum Beispiel Geschäftsführung, Bereichsleitung oder Management.",
  ],
  valuePerLead: ["Value per lead", "Wert pro Lead"],
  ownInputs: ["Own inputs for this tier", "Eigene Werte für diese Stufe"],
  ownInputsHint: [
    "Left empty, the SLA's inputs from the previous step apply.",
    "Leer gelassen gelten die Werte des SLA aus dem vorigen Schritt.",
  ],
  tierShare: ["Share of revenue", "Umsatzanteil"],
  tierShareHint: [
    "The part of the quota this tier's leads bring: tier shares split the marketing share, and tiers left empty share evenly what the others leave of it.",
    "Der Teil des Verkaufsziels, den die Leads dieser Stufe bringen: Die Stufenanteile teilen den Marketinganteil auf, leer gelassene Stufen teilen sich gleichmäßig, was die anderen übrig lassen.",
  ],
  tierDeal: ["Average deal size", "Durchschnittliche Auftragsgröße"],
  tierClose: ["Close rate", "Abschlussquote"],
  tierSpeed: ["Speed goal (hours)", "Ziel Reaktionszeit (Stunden)"],
  sources: ["Lead sources", "Lead-Quellen"],
  sourcesHint: [
    "Comma-separated; the lead log's Source column offers these.",
    "Durch Kommas getrennt; die Spalte Quelle im Lead-Log bietet sie an.",
  ],
  addTier: ["Add tier", "Stufe hinzufügen"],
  removeTier: (n: number) => [`Remove tier ${n}`, `Stufe ${n} entfernen`],
  noTiers: ["No tiers: every lead counts the same.", "Keine Stufen: Jeder Lead zählt gleich."],
  tierLeads: ["Leads needed", "Benötigte Leads"],
  tierValue: ["Value goal", "Wertziel"],
  valueGoal: ["Total value goal", "Wertziel gesamt"],
  valueGoalNone: [
    "Give a tier a value per lead to see a value goal.",
    "Geben Sie einer Stufe einen Wert pro Lead, um ein Wertziel zu sehen.",
  ],

  speedLegend: ["Follow-up goals", "Ziele der Nachverfolgung"],
  speed: ["Speed goal (hours)", "Ziel Reaktionszeit (Stunden)"],
  bands: ["Speed-to-lead bands (minutes)", "Reaktionszeit-Stufen (Minuten)"],
  bandsHint: [
    "Ascending, e.g. 5, 60, 1440; each lead's goal is a band of its own.",
    "Aufsteigend, z. B. 5, 60, 1440; das Ziel jedes Leads ist eine eigene Stufe.",
  ],
  speedHint: [
    "Longest time from hand-off to the first follow-up.",
    "Längste Zeit von der Übergabe bis zum ersten Kontaktversuch.",
  ],
  depth: ["Depth goal (attempts)", "Ziel Kontaktversuche"],
  depthHint: [
    "Attempts on a lead that is not yet connected.",
    "Versuche bei einem Lead, der noch nicht erreicht wurde.",
  ],
  businessHoursToggle: ["Count only business hours", "Nur Geschäftszeiten zählen"],
  businessHours: ["Business hours", "Geschäftszeiten"],
  businessHoursHint: ["Speed is measured in working time.", "Die Reaktionszeit wird in Arbeitszeit gemessen."],
  daysLegend: ["Working days", "Arbeitstage"],
  dayNames: [
    ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
    ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"],
  ],
  dayShort: [
    ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
    ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"],
  ],
  opensAt: ["Start", "Beginn"],
  closesAt: ["End", "Ende"],
  holidaysLegend: ["Holidays", "Feiertage"],
  holidaysHint: [
    "Days without follow-up, e.g. public holidays.",
    "Tage ohne Nachverfolgung, z. B. gesetzliche Feiertage.",
  ],
  holiday: (n: number) => [`Holiday ${n}`, `Feiertag ${n}`],
  addHoliday: ["Add holiday", "Feiertag hinzufügen"],
  removeHoliday: (n: number) => [`Remove holiday ${n}`, `Feiertag ${n} entfernen`],
  noHolidays: ["No holidays.", "Keine Feiertage."],
  capacityLegend: ["Capacity", "Kapazität"],
  reps: ["Sales reps", "Vertriebsmitarbeiter"],
  repsHint: [
    "One name a row: the lead log's Owner column offers them and the Follow-up tab has a row for each.",
    "Ein Name pro Zeile: Die Spalte Verantwortlich im Lead-Log bietet sie an, die Nachverfolgung zeigt je eine Zeile.",
  ],
  rep: (n: number) => [`Sales rep ${n}`, `Vertriebsmitarbeiter ${n}`],
  addRep: ["Add rep", "Mitarbeiter hinzufügen"],
  removeRep: (n: number) => [`Remove sales rep ${n}`, `Vertriebsmitarbeiter ${n} entfernen`],
  noReps: ["No reps yet: add at least one.", "Noch keine Mitarbeiter: mindestens einen hinzufügen."],
  minutesPerAttempt: ["Minutes per attempt", "Minuten pro Versuch"],
  hoursPerRep: ["Hours per rep and month for marketing leads", "Stunden pro Mitarbeiter und Monat für Marketing-Leads"],
  leadsPerRep: ["Leads per rep", "Leads pro Mitarbeiter"],
  hoursNeeded: ["Hours needed per rep", "Benötigte Stunden pro Mitarbeiter"],
  load: ["Load", "Auslastung"],
  capacityFits: [
    "The depth goal fits the reps' hours.",
    "Das Ziel für Kontaktversuche passt in die Stunden der Mitarbeiter.",
  ],
  capacityShort: (needed: string, available: string) => [
    `Reps lack time: the goal needs ${needed} h per rep, they have ${available} h. Lower attempts or minutes, add reps or automate follow-up e-mails.`,
    `Zu wenig Zeit: Das Ziel braucht ${needed} Std. pro Mitarbeiter, verfügbar sind ${available} Std. Weniger Versuche oder Minuten, mehr Mitarbeiter oder automatische Folge-E-Mails.`,
  ],
  capacityIncomplete: [
    "Fill in valid values to check the capacity.",
    "Geben Sie gültige Werte ein, um die Kapazität zu prüfen.",
  ],

  requirementsLegend: ["Requirements of each party", "Anforderungen der Parteien"],
  requirementsHint: [
    "What each party delivers to the other, e.g. weekly status reports.",
    "Was jede Partei der anderen liefert, z. B. wöchentliche Statusberichte.",
  ],
  requirementHeading: (n: number) => [`Requirement ${n}`, `Anforderung ${n}`],
  requirementFrom: ["From", "Von"],
  requirementTo: ["To", "An"],
  requirementText: ["What is delivered", "Was geliefert wird"],
  requirementTimes: ["Times per month", "Anzahl pro Monat"],
  addRequirement: ["Add requirement", "Anforderung hinzufügen"],
  removeRequirement: (n: number) => [`Remove requirement ${n}`, `Anforderung ${n} entfernen`],
  noRequirements: ["No requirements.", "Keine Anforderungen."],
  missedLegend: ["Plan when goals are missed", "Plan bei verfehlten Zielen"],
  strikes: ["Strikes before escalation", "Verwarnungen bis zur Eskalation"],
  strikesHint: ["Missed months before the owners step in.", "Verfehlte Monate, bevor die Verantwortlichen eingreifen."],
  steps: ["Steps", "Schritte"],
  serviceCredits: ["Service credits", "Servicegutschriften"],
  serviceCreditsHint: ["Compensation, mostly for SLAs with customers.", "Ausgleich, meist bei SLAs mit Kunden."],
  cancellationLegend: ["Cancellation", "Kündigung"],
  missedMonths: ["Missed months in a row that end the SLA", "Verfehlte Monate in Folge bis zur Kündigung"],
  terms: ["Other terms", "Weitere Bedingungen"],
  reviewLegend: ["Review", "Überprüfung"],
  cadence: ["Review cadence", "Überprüfungsrhythmus"],
  cadences: [
    { monthly: "Every month", quarterly: "Every quarter", halfYearly: "Every six months", yearly: "Every year" },
    { monthly: "Jeden Monat", quarterly: "Jedes Quartal", halfYearly: "Jedes halbe Jahr", yearly: "Jedes Jahr" },
  ],
  clauses: ["Clauses for the unexpected", "Klauseln für Unvorhergesehenes"],
  clausesHint: ["Force majeure, outages, staff shortages.", "Höhere Gewalt, Ausfälle, Personalengpässe."],

  edit: ["Edit", "Bearbeiten"],
  editSection: (section: string) => [`Edit ${section}`, `${section} bearbeiten`],
  runs: (start: string, months: number) => [
    `From ${start}, ${months} ${months === 1 ? "month" : "months"}`,
    `Ab ${start}, ${months} ${months === 1 ? "Monat" : "Monate"}`,
  ],
  runsLabel: ["Runs", "Laufzeit"],
  timesPerMonth: (n: string) => [`${n}× a month`, `${n}× pro Monat`],
  hoursValue: (n: string) => [`${n} hours`, `${n} Stunden`],
  attemptsValue: (n: string) => [`${n} attempts`, `${n} Versuche`],
  allHours: ["Around the clock", "Rund um die Uhr"],

  buildingStatus: [
    "Building the SLA workbook… This can take up to a minute.",
    "Die SLA-Tabelle wird erstellt… Das kann bis zu einer Minute dauern.",
  ],
  built: ["Done", "Fertig"],
  close: ["Close", "Schließen"],
  openDashboard: ["Open the Dashboard", "Übersicht öffnen"],
  openingDashboard: ["Opening the Dashboard…", "Übersicht wird geöffnet…"],
  notes: ["Notes", "Hinweise"],
  buildFailed: (count: number) => [
    `Not built: the spreadsheet found ${count === 1 ? "1 problem" : `${count} problems`}. Correct the marked fields, then build again:`,
    `Nicht erstellt: Die Tabelle hat ${count === 1 ? "1 Problem" : `${count} Probleme`} gefunden. Korrigieren Sie die markierten Felder und erstellen Sie erneut:`,
  ],
  notBuilt: ["Not built", "Nicht erstellt"],
  serverUnreachable: (message: string) => [
    `The spreadsheet could not be reached (${message}). Nothing was changed; try again.`,
    `Die Tabelle war nicht erreichbar (${message}). Es wurde nichts geändert; versuchen Sie es erneut.`,
  ],
  problemsOnStep: (count: number) => [
    `${count} ${count === 1 ? "field needs" : "fields need"} attention:`,
    `${count} ${count === 1 ? "Feld muss" : "Felder müssen"} korrigiert werden:`,
  ],
  problemsBeforeBuild: (count: number) => [
    `${count} ${count === 1 ? "field needs" : "fields need"} attention before building:`,
    `${count} ${count === 1 ? "Feld muss" : "Felder müssen"} vor dem Erstellen korrigiert werden:`,
  ],
} satisfies Record<string, Pair>;

type Dictionary = typeof DICTIONARY;

/** The dictionary in one language: plain values, and functions answering a string. */
export type Strings = {
  readonly [K in keyof Dictionary]: Dictionary[K] extends (...args: infer A) => readonly [string, string]
    ? (...args: A) => string
    : Dictionary[K] extends readonly [infer E, unknown]
      ? E
      : never;
};

const cache: Partial<Record<Language, Strings>> = {};

export function stringsFor(language: Language): Strings {
  const cached = cache[language];
  if (cached) return cached;
  const index = language === "de" ? 1 : 0;
  const strings: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(DICTIONARY) as [string, Pair][]) {
    strings[key] = typeof entry === "function" ? (...args: never[]) => entry(...args)[index] : entry[index];
  }
  cache[language] = strings as Strings;
  return cache[language];
}
