/**
 * Live previews, computed with src/core: the same code as the custom
 * functions and the same rounding as the workbook's native formulas.
 */
import { repCapacity } from "../../src/core/capacity";
import type { Language } from "../../src/core/i18n";
import { customersNeeded, leadsNeeded, revenueGoal, tierShares, tierSharesOverflow } from "../../src/core/leadGoal";
import { parseAmount, parseRate } from "../../src/core/numbers";
import { dailyTarget } from "../../src/core/pace";
import { daysInMonthOf } from "../../src/core/time";
import type { FormState, TierRow } from "./form";

function readAmount(text: string, positive: boolean): number | undefined {
  try {
    const value = parseAmount(text.trim(), "value");
    return positive ? (value > 0 ? value : undefined) : value >= 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

function readRate(text: string): number | undefined {
  try {
    const value = parseRate(text.trim(), "rate");
    return value > 0 && value <= 1 ? value : undefined;
  } catch {
    return undefined;
  }
}

function readWhole(text: string): number | undefined {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) && Number(trimmed) > 0 ? Number(trimmed) : undefined;
}

export interface GoalInputs {
  quota: number;
  share: number;
  deal: number;
  close: number;
}

export function goalInputs(form: FormState): GoalInputs | undefined {
  const quota = readAmount(form.quota, false);
  const share = readRate(form.marketingShare);
  const deal = readAmount(form.avgDealSize, true);
  const close = readRate(form.closeRate);
  if (quota === undefined || share === undefined || deal === undefined || close === undefined) return undefined;
  return { quota, share, deal, close };
}

export interface GoalPreview {
  readonly revenue: number;
  readonly customers: number;
  readonly leads: number;
  /** Absent when the start month is not valid yet. */
  readonly daily?: { readonly perDay: number; readonly days: number; readonly month: string };
}

export function monthName(startMonth: string, language: Language): { name: string; days: number } | undefined {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(startMonth.trim());
  if (!match) return undefined;
  const wall = Date.UTC(Number(match[1]), Number(match[2]) - 1, 1);
  const name = new Intl.DateTimeFormat(language === "de" ? "de-DE" : "en-US", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(wall));
  return { name, days: daysInMonthOf(wall) };
}

export function goalPreview(form: FormState, language: Language): GoalPreview | undefined {
  const inputs = goalInputs(form);
  if (!inputs) return undefined;
  const { quota, share, deal, close } = inputs;
  const leads = leadsNeeded(quota, share, deal, close);
  const month = monthName(form.startMonth, language);
  return {
    revenue: revenueGoal(quota, share),
    customers: customersNeeded(quota, share, deal),
    leads,
    ...(month ? { daily: { perDay: dailyTarget(leads, month.days), days: month.days, month: month.name } } : {}),
  };
}

export interface TierPreview {
  /** Per tier, in order; undefined where the tier's inputs are not valid. */
  readonly tiers: readonly ({ leads: number; value?: number } | undefined)[];
  /** Sum of value × leads over the tiers that have a value; undefined if none has, or one is not valid. */
  readonly valueGoal: number | undefined;
}

function tierLeads(tier: TierRow, share: number | undefined, base: GoalInputs): number | undefined {
  const deal = tier.avgDealSize.trim() === "" ? base.deal : readAmount(tier.avgDealSize, true);
  const close = tier.closeRate.trim() === "" ? base.close : readRate(tier.closeRate);
  if (share === undefined || deal === undefined || close === undefined) return undefined;
  return leadsNeeded(base.quota, share, deal, close);
}

/**
 * Each tier's share as the workbook sizes it (tierShares: own shares kept,
 * the rest of the marketing share split evenly); none while a share is not
 * valid or the own shares add up to more than the marketing share.
 */
function sharesOf(form: FormState, base: GoalInputs): readonly (number | undefined)[] {
  const own = form.tiers.map((tier) => (tier.marketingShare.trim() === "" ? undefined : readRate(tier.marketingShare)));
  const invalid = form.tiers.some((tier, index) => tier.marketingShare.trim() !== "" && own[index] === undefined);
  if (invalid || tierSharesOverflow(base.share, own) !== undefined) return form.tiers.map(() => undefined);
  return tierShares(base.share, own);
}

export function tierPreview(form: FormState): TierPreview {
  const base = goalInputs(form);
  const shares = base ? sharesOf(form, base) : [];
  let total = 0;
  let anyValue = false;
  let complete = true;
  const tiers = form.tiers.map((tier, index) => {
    const leads = base ? tierLeads(tier, shares[index], base) : undefined;
    const hasValue = tier.valuePerLead.trim() !== "";
    const perLead = hasValue ? readAmount(tier.valuePerLead, false) : undefined;
    if (hasValue) {
      anyValue = true;
      if (leads === undefined || perLead === undefined) complete = false;
      else total += perLead * leads;
    }
    if (leads === undefined) return undefined;
    return perLead === undefined ? { leads } : { leads, value: perLead * leads };
  });
  return { tiers, valueGoal: anyValue && complete ? total : undefined };
}

export interface CapacityPreview {
  readonly leadsPerRep: number;
  readonly hoursNeeded: number;
  readonly hoursAvailable: number;
  /** Needed ÷ available: above 1, reps lack the time. */
  readonly load: number;
}

export function capacityPreview(form: FormState): CapacityPreview | undefined {
  const inputs = goalInputs(form);
  const reps = form.reps.filter((name) => name.trim() !== "").length || undefined;
  const attempts = readWhole(form.followUpAttempts);
  const minutes = readAmount(form.minutesPerAttempt, true);
  const hours = readAmount(form.hoursPerRep, true);
  if (!inputs || reps === undefined || attempts === undefined || minutes === undefined || hours === undefined)
    return undefined;
  const leadsPerRep = leadsNeeded(inputs.quota, inputs.share, inputs.deal, inputs.close) / reps;
  return {
    leadsPerRep,
    hoursNeeded: (leadsPerRep * attempts * minutes) / 60,
    hoursAvailable: hours,
    load: repCapacity(leadsPerRep, attempts, minutes, hours),
  };
}

// ---- numbers as people read them

function locale(language: Language): string {
  return language === "de" ? "de-DE" : "en-US";
}

export function formatNumber(value: number, language: Language, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(locale(language), { maximumFractionDigits }).format(value);
}

export function formatMoney(value: number, currency: string, language: Language): string {
  const code = currency.trim().toUpperCase();
  if (/^[A-Z]{3}$/.test(code)) {
    try {
      return new Intl.NumberFormat(locale(language), {
        style: "currency",
        currency: code,
        minimumFractionDigits: 0,
        maximumFractionDigits: 2,
      }).format(value);
    } catch {
      // An unknown code: show the number and the code as typed.
    }
  }
  return `${formatNumber(value, language)}${code ? ` ${code}` : ""}`;
}

export function formatPercent(value: number, language: Language): string {
  return new Intl.NumberFormat(locale(language), { style: "percent", maximumFractionDigits: 0 }).format(value);
}
