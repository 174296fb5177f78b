/**
 * SlaConfig: the one schema for an SLA. Types are inferred from it; the
 * sidebar validates a form with it, the server validates again, and the
 * document stores it as JSON (versioned; see migrate.ts).
 */
import * as z from "zod/mini";
import { parseAmount, parseRate } from "../core/numbers";
import { SlaInputError } from "../core/problems";

export const CONFIG_VERSION = 4;
/** Sales reps an SLA can name, and the length of a name. */
export const MAX_REPS = 100;
export const MAX_REP_NAME = 100;
/** The speed-to-lead band edges an SLA gets unless it sets its own: 5 minutes, 1 hour, 24 hours. */
export const DEFAULT_SPEED_BAND_MINUTES: readonly number[] = [5, 60, 24 * 60];
export const PARTY_IDS = ["marketing", "sales", "service"] as const;
export type PartyId = (typeof PARTY_IDS)[number];

/** Issue messages are problem codes; validate.ts words them in the user's language. */
function problemIssue(ctx: { value: unknown; issues: unknown[] }, error: unknown): void {
  if (!(error instanceof SlaInputError)) throw error;
  (ctx.issues as object[]).push({
    code: "custom",
    message: `sla:${error.problem}`,
    input: ctx.value,
    params: error.params,
  });
}

const numberLike = z.union([z.number(), z.string()]);

/** A share parsed by parseRate and checked by `inRange`; anything else is a problem worded by validate.ts. */
function fraction(inRange: (value: number) => boolean) {
  return z.pipe(
    numberLike,
    z.transform((value, ctx) => {
      try {
        const parsed = parseRate(value, "rate");
        if (!inRange(parsed)) throw new SlaInputError("rateRange", "rate", value);
        return parsed;
      } catch (error) {
        problemIssue(ctx, error);
        return z.NEVER;
      }
    }),
  );
}

/** A rate or share: 0.5, "50%", "50 %" or "12,5 %"; a bare 50 is refused as ambiguous. */
function rate() {
  return fraction((value) => value > 0);
}

/**
 * The pace tolerance: a month's pace from it up to 100 % is "at risk", below
 * it "behind" (method §4). More than 0 and at most 100 %.
 */
function tolerance() {
  return fraction((value) => value > 0 && value <= 1);
}

function amount(bound: "nonNegative" | "positive", max = 1e12) {
  return z.pipe(
    numberLike,
    z.transform((value, ctx) => {
      try {
        const number = parseAmount(value, "amount");
        if (bound === "nonNegative" && number < 0) throw new SlaInputError("nonNegative", "amount", value);
        if (bound === "positive" && number <= 0) throw new SlaInputError("positive", "amount", value);
        if (number > max) throw new SlaInputError("tooLarge", "amount", value, { max });
        return number;
      } catch (error) {
        problemIssue(ctx, error);
        return z.NEVER;
      }
    }),
  );
}

function wholeNumber(min: number, max: number) {
  return z.int().check(z.gte(min), z.lte(max));
}

/** Free text a person typed: trimmed, not empty, bounded. Stored as data, never as a formula. */
function text(max: number) {
  return z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
}

function optionalText(max: number) {
  return z._default(z.string().check(z.trim(), z.maxLength(max)), "");
}

function partiesSchema() {
  const Party = z.object({ id: z.enum(PARTY_IDS), name: text(60) });
  return z.array(Party).check(z.minLength(2), z.maxLength(3));
}

function contactsSchema() {
  const Contact = z.object({
    name: text(80),
    email: z.email(),
    role: optionalText(80),
    party: z.enum(PARTY_IDS),
  });
  return z.array(Contact).check(z.minLength(1), z.maxLength(40));
}

function leadTierSchema() {
  return z.object({
    name: text(40),
    /** Value of one lead of this tier, for value goals (e.g. CEO 100, director 50). */
    valuePerLead: z.optional(amount("nonNegative")),
    /** Optional per-tier inputs; the SLA's own apply when left out. */
    marketingShare: z.optional(rate()),
    avgDealSize: z.optional(amount("positive")),
    closeRate: z.optional(rate()),
    /** Hours within which a lead of this tier must first be followed up; the SLA's goal applies when left out. */
    followUpHours: z.optional(amount("positive", 24 * 31)),
  });
}

function marketingSchema() {
  return z.object({
    quota: amount("nonNegative"),
    marketingShare: rate(),
    avgDealSize: amount("positive"),
    closeRate: rate(),
    /** Pace from this share of the goal to date up to 100 % is "at risk", below it "behind". */
    paceTolerance: tolerance(),
    tiers: z._default(z.array(leadTierSchema()).check(z.maxLength(12)), []),
    /** Where leads come from (the lead log's Source column offers these); none means the column takes any text. */
    sources: z._default(z.array(text(40)).check(z.maxLength(30)), []),
  });
}

function businessHoursSchema() {
  const clockTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/));
  return z.object({
    /** Working weekdays, 0 = Sunday … 6 = Saturday. */
    days: z.array(wholeNumber(0, 6)).check(z.minLength(1), z.maxLength(7)),
    start: clockTime,
    end: clockTime,
  });
}

function salesSchema() {
  return z.object({
    followUpHours: amount("positive", 24 * 31),
    followUpAttempts: wholeNumber(1, 50),
    businessHours: z.optional(businessHoursSchema()),
    holidays: z._default(z.array(z.iso.date()).check(z.maxLength(120)), []),
    /**
     * Edges of the speed-to-lead bands in minutes, ascending (5 min, 1 h, 24 h): the Follow-up tab counts the
     * first follow-ups within each, and within each lead's own goal, per month.
     */
    speedBandMinutes: z._default(z.array(wholeNumber(1, 31 * 24 * 60)).check(z.minLength(1), z.maxLength(4)), [
      ...DEFAULT_SPEED_BAND_MINUTES,
    ]),
    /**
     * The sales reps by name: the lead log's Owner column offers them, the Follow-up tab has a row for each and
     * the capacity check counts them. Unique regardless of case, as Sheets compares text regardless of case.
     */
    reps: z.array(text(MAX_REP_NAME)).check(z.minLength(1), z.maxLength(MAX_REPS)),
    minutesPerAttempt: amount("positive", 480),
    /** Hours a rep has each month for marketing-generated leads. */
    hoursPerRep: amount("positive", 744),
  });
}

function requirementsSchema() {
  const Requirement = z.object({
    from: z.enum(PARTY_IDS),
    to: z.enum(PARTY_IDS),
    text: text(200),
    /** How many deliveries a month, e.g. 4 weekly status reports. */
    perMonth: wholeNumber(1, 31),
  });
  return z._default(z.array(Requirement).check(z.maxLength(20)), []);
}

function termsSchemas() {
  return {
    missedGoals: z.object({
      /** Months missed before the plan escalates to the owners. */
      strikesBeforeEscalation: wholeNumber(1, 12),
      steps: optionalText(1000),
      serviceCredits: optionalText(500),
    }),
    cancellation: z.object({
      missedMonthsInARow: wholeNumber(1, 12),
      terms: optionalText(1000),
    }),
    review: z.object({
      cadence: z.enum(["monthly", "quarterly", "halfYearly", "yearly"]),
      clauses: optionalText(1000),
    }),
  };
}

function buildSlaConfigSchema() {
  return z.object({
    version: z.literal(CONFIG_VERSION),
    language: z.enum(["en", "de"]),
    currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
    title: text(120),
    summary: optionalText(1000),
    /** First month of the SLA, "YYYY-MM". */
    startMonth: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/)),
    months: wholeNumber(1, 36),
    kind: z.enum(["internal", "multiLevel"]),
    parties: partiesSchema(),
    contacts: contactsSchema(),
    marketing: marketingSchema(),
    sales: salesSchema(),
    requirements: requirementsSchema(),
    ...termsSchemas(),
  });
}

let built: ReturnType<typeof buildSlaConfigSchema> | undefined;

/**
 * The schema, built on first use. Building it costs about 10 ms, and Apps
 * Script evaluates the whole bundle for every custom-function call, which
 * never needs it (design decision 4).
 */
export function slaConfigSchema(): ReturnType<typeof buildSlaConfigSchema> {
  built ??= buildSlaConfigSchema();
  return built;
}

export type SlaConfig = z.output<ReturnType<typeof buildSlaConfigSchema>>;
export type SlaConfigInput = z.input<ReturnType<typeof buildSlaConfigSchema>>;
export type LeadTierConfig = SlaConfig["marketing"]["tiers"][number];
export type BusinessHoursConfig = NonNullable<SlaConfig["sales"]["businessHours"]>;
