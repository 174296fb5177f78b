/**
 * The wizard's form: what the person typed, kept as typed (text), and turned
 * into the SlaConfig input the schema checks. Amounts and rates go to the
 * schema as the text typed ("50 %", "5.000,50"), so the sidebar and the server
 * read them with the same parser; whole numbers go as numbers when they are.
 */
import { CONFIG_VERSION, type PartyId, type SlaConfigInput } from "../../src/config/schema";
import type { Language } from "../../src/core/i18n";
import type { Json } from "./serverClient";

export type Kind = "internal" | "multiLevel";
export type Cadence = "monthly" | "quarterly" | "halfYearly" | "yearly";
export const CADENCES: readonly Cadence[] = ["monthly", "quarterly", "halfYearly", "yearly"];

export interface ContactRow {
  name: string;
  email: string;
  role: string;
  party: PartyId;
}
export interface TierRow {
  name: string;
  valuePerLead: string;
  marketingShare: string;
  avgDealSize: string;
  closeRate: string;
  followUpHours: string;
}
export interface RequirementRow {
  from: PartyId;
  to: PartyId;
  text: string;
  perMonth: string;
}

export interface FormState {
  kind: Kind;
  partyNames: Record<PartyId, string>;
  contacts: ContactRow[];
  title: string;
  summary: string;
  startMonth: string;
  months: string;
  language: Language;
  currency: string;
  quota: string;
  marketingShare: string;
  avgDealSize: string;
  closeRate: string;
  paceTolerance: string;
  tiers: TierRow[];
  /** Lead sources, comma-separated as typed. */
  sources: string;
  followUpHours: string;
  /** Speed-to-lead band edges in minutes, comma-separated as typed. */
  speedBandMinutes: string;
  followUpAttempts: string;
  useBusinessHours: boolean;
  days: number[];
  start: string;
  end: string;
  holidays: string[];
  /** The sales reps by name, one a row. */
  reps: string[];
  /** A new SLA's reps are its sales contacts until the person edits the list (see syncReps). */
  repsFollowContacts: boolean;
  minutesPerAttempt: string;
  hoursPerRep: string;
  requirements: RequirementRow[];
  strikesBeforeEscalation: string;
  steps: string;
  serviceCredits: string;
  missedMonthsInARow: string;
  terms: string;
  cadence: Cadence;
  clauses: string;
}

export const STEP_COUNT = 6;

/** The step (0-based) whose fields hold a config path such as `contacts.1.email`. */
export function stepOfPath(path: string): number {
  if (path === "marketing.tiers" || path.startsWith("marketing.tiers.")) return 2;
  const head = path.split(".")[0] ?? "";
  if (head === "marketing") return 1;
  if (head === "sales") return 3;
  if (["requirements", "missedGoals", "cancellation", "review"].includes(head)) return 4;
  return 0;
}

// ---- config values → text in the form

function trimNumber(value: number): string {
  // Three decimals would read as a thousands separator ("1.125"), so add a fourth.
  const text = String(Number(value.toPrecision(12)));
  return /^-?\d+\.\d{3}$/.test(text) ? `${text}0` : text;
}

export function amountText(value: unknown, language: Language): string {
  if (typeof value === "string") return value;
  if (typeof value !== "number" || !Number.isFinite(value)) return "";
  const text = trimNumber(value);
  return language === "de" ? text.replace(".", ",") : text;
}

export function rateText(value: unknown, language: Language): string {
  if (typeof value === "string") return value;
  if (typeof value !== "number" || !Number.isFinite(value)) return "";
  const percent = trimNumber(Number((value * 100).toPrecision(12)));
  return language === "de" ? `${percent.replace(".", ",")} %` : `${percent}%`;
}

function wholeText(value: unknown): string {
  return typeof value === "number" || typeof value === "string" ? String(value) : "";
}

function isParty(value: unknown): value is PartyId {
  return value === "marketing" || value === "sales" || value === "service";
}

/** The form for a saved or default config (`SlaConfigInput` from getWizardState). */
export function formFromConfig(config: SlaConfigInput, uiLanguage: Language, serviceName: string): FormState {
  const language: Language = config.language === "de" ? "de" : "en";
  // The third party's name is offered even when the SLA has two parties, for switching to multi-level.
  const names: Record<PartyId, string> = { marketing: "", sales: "", service: serviceName };
  for (const party of config.parties ?? []) if (isParty(party.id)) names[party.id] = party.name;
  const hours = config.sales?.businessHours;
  const contacts: ContactRow[] = (config.contacts ?? []).map((contact) => ({
    name: contact.name ?? "",
    email: contact.email ?? "",
    role: contact.role ?? "",
    party: isParty(contact.party) ? contact.party : "marketing",
  }));
  // A new SLA starts with one empty contact row to fill in.
  if (contacts.length === 0) contacts.push({ name: "", email: "", role: "", party: "marketing" });
  return {
    kind: config.kind === "multiLevel" ? "multiLevel" : "internal",
    partyNames: names,
    contacts,
    title: config.title ?? "",
    summary: config.summary ?? "",
    startMonth: config.startMonth ?? "",
    months: wholeText(config.months),
    language,
    currency: config.currency ?? "",
    quota: amountText(config.marketing?.quota, uiLanguage),
    marketingShare: rateText(config.marketing?.marketingShare, uiLanguage),
    avgDealSize: amountText(config.marketing?.avgDealSize, uiLanguage),
    closeRate: rateText(config.marketing?.closeRate, uiLanguage),
    paceTolerance: rateText(config.marketing?.paceTolerance, uiLanguage),
    tiers: (config.marketing?.tiers ?? []).map((tier) => ({
      name: tier.name ?? "",
      valuePerLead: amountText(tier.valuePerLead, uiLanguage),
      marketingShare: rateText(tier.marketingShare, uiLanguage),
      avgDealSize: amountText(tier.avgDealSize, uiLanguage),
      closeRate: rateText(tier.closeRate, uiLanguage),
      followUpHours: amountText(tier.followUpHours, uiLanguage),
    })),
    sources: (config.marketing?.sources ?? []).join(", "),
    followUpHours: amountText(config.sales?.followUpHours, uiLanguage),
    speedBandMinutes: (config.sales?.speedBandMinutes ?? []).join(", "),
    followUpAttempts: wholeText(config.sales?.followUpAttempts),
    useBusinessHours: hours !== undefined,
    days: hours?.days ? [...hours.days] : [1, 2, 3, 4, 5],
    start: hours?.start ?? "09:00",
    end: hours?.end ?? "17:00",
    holidays: [...(config.sales?.holidays ?? [])],
    reps: Array.isArray(config.sales?.reps) ? config.sales.reps.map(String) : [],
    repsFollowContacts: !Array.isArray(config.sales?.reps) || config.sales.reps.length === 0,
    minutesPerAttempt: amountText(config.sales?.minutesPerAttempt, uiLanguage),
    hoursPerRep: amountText(config.sales?.hoursPerRep, uiLanguage),
    requirements: (config.requirements ?? []).map((requirement) => ({
      from: isParty(requirement.from) ? requirement.from : "sales",
      to: isParty(requirement.to) ? requirement.to : "marketing",
      text: requirement.text ?? "",
      perMonth: wholeText(requirement.perMonth),
    })),
    strikesBeforeEscalation: wholeText(config.missedGoals?.strikesBeforeEscalation),
    steps: config.missedGoals?.steps ?? "",
    serviceCredits: config.missedGoals?.serviceCredits ?? "",
    missedMonthsInARow: wholeText(config.cancellation?.missedMonthsInARow),
    terms: config.cancellation?.terms ?? "",
    cadence: CADENCES.includes(config.review?.cadence as Cadence) ? (config.review?.cadence as Cadence) : "quarterly",
    clauses: config.review?.clauses ?? "",
  };
}

// ---- form → config input

/** A whole number field: a number when the text is one, else the text (so the error can quote it). */
function whole(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  if (/^[+-]?\d+([.,]\d+)?$/.test(trimmed)) return Number(trimmed.replace(",", "."));
  return trimmed;
}

function optionalAmount(text: string): string | undefined {
  return text.trim() === "" ? undefined : text.trim();
}

export function partiesOf(kind: Kind): PartyId[] {
  return kind === "multiLevel" ? ["marketing", "sales", "service"] : ["marketing", "sales"];
}

export type ConfigInput = { [key: string]: Json };

/**
 * The reps list, brought up to date: while the person has not edited it, it is the sales contacts' names (the people
 * a new SLA names for sales), or one empty row to fill in when there are none.
 */
export function syncReps(form: FormState): string[] {
  if (form.repsFollowContacts) {
    const names = form.contacts.filter((contact) => contact.party === "sales").map((contact) => contact.name.trim());
    const unique = names.filter((name, index) => name !== "" && names.indexOf(name) === index);
    form.reps = unique.length > 0 ? unique : [""];
  }
  return form.reps;
}

/** What the form sends to validateConfig and to the server: JSON-safe, no Date. */
export function configFromForm(form: FormState): ConfigInput {
  const tiers = form.tiers.map((tier) => {
    const row: Record<string, unknown> = { name: tier.name };
    const value = optionalAmount(tier.valuePerLead);
    if (value !== undefined) row.valuePerLead = value;
    const share = optionalAmount(tier.marketingShare);
    if (share !== undefined) row.marketingShare = share;
    const deal = optionalAmount(tier.avgDealSize);
    if (deal !== undefined) row.avgDealSize = deal;
    const close = optionalAmount(tier.closeRate);
    if (close !== undefined) row.closeRate = close;
    const goal = optionalAmount(tier.followUpHours);
    if (goal !== undefined) row.followUpHours = goal;
    return row;
  });
  const sales: Record<string, unknown> = {
    followUpHours: form.followUpHours.trim(),
    followUpAttempts: whole(form.followUpAttempts),
    holidays: form.holidays.map((day) => day.trim()),
    speedBandMinutes: listOf(form.speedBandMinutes).map(whole),
    reps: syncReps(form).map((name) => name.trim()),
    minutesPerAttempt: form.minutesPerAttempt.trim(),
    hoursPerRep: form.hoursPerRep.trim(),
  };
  if (form.useBusinessHours)
    sales.businessHours = { days: [...form.days].sort((a, b) => a - b), start: form.start, end: form.end };
  const config = {
    version: CONFIG_VERSION,
    language: form.language,
    currency: form.currency.trim().toUpperCase(),
    title: form.title,
    summary: form.summary,
    startMonth: form.startMonth.trim(),
    months: whole(form.months),
    kind: form.kind,
    parties: partiesOf(form.kind).map((id) => ({ id, name: form.partyNames[id] })),
    contacts: form.contacts.map((contact) => ({
      name: contact.name,
      email: contact.email.trim(),
      role: contact.role,
      party: contact.party,
    })),
    marketing: {
      quota: form.quota.trim(),
      marketingShare: form.marketingShare.trim(),
      avgDealSize: form.avgDealSize.trim(),
      closeRate: form.closeRate.trim(),
      paceTolerance: form.paceTolerance.trim(),
      tiers,
      sources: listOf(form.sources),
    },
    sales,
    requirements: form.requirements.map((requirement) => ({
      from: requirement.from,
      to: requirement.to,
      text: requirement.text,
      perMonth: whole(requirement.perMonth),
    })),
    missedGoals: {
      strikesBeforeEscalation: whole(form.strikesBeforeEscalation),
      steps: form.steps,
      serviceCredits: form.serviceCredits,
    },
    cancellation: { missedMonthsInARow: whole(form.missedMonthsInARow), terms: form.terms },
    review: { cadence: form.cadence, clauses: form.clauses },
  };
  return dropUndefined(config) as ConfigInput;
}

/** The entries of a comma- or semicolon-separated list, trimmed, blanks left out. */
function listOf(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** Leaves out undefined properties, so what crosses to the server is exactly what JSON keeps. */
function dropUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropUndefined);
  if (value !== null && typeof value === "object") {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) result[key] = dropUndefined(item);
    return result;
  }
  return value;
}

/**
 * The config to check the fields of one step: the form up to that step, and
 * valid stand-ins for the steps after it, so their fields cannot hide a
 * problem that involves two fields (cross-field checks run only on otherwise
 * valid configs).
 */
export function configForStep(form: FormState, step: number): ConfigInput {
  const config = configFromForm(form);
  const marketing = config.marketing as ConfigInput;
  if (step < 1)
    Object.assign(marketing, { quota: 1, marketingShare: 1, avgDealSize: 1, closeRate: 1, paceTolerance: 1 });
  if (step < 2) Object.assign(marketing, { tiers: [], sources: [] });
  if (step < 3)
    config.sales = { followUpHours: 1, followUpAttempts: 1, reps: ["-"], minutesPerAttempt: 1, hoursPerRep: 1 };
  if (step < 4) {
    config.requirements = [];
    config.missedGoals = { strikesBeforeEscalation: 1 };
    config.cancellation = { missedMonthsInARow: 1 };
    config.review = { cadence: "monthly" };
  }
  return config;
}
