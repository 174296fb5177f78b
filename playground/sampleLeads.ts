/**
 * A realistic, deterministic month of leads: hand-offs on working days,
 * follow-ups mostly within hours (some late, some still waiting), attempts,
 * connections and closed deals. Used by the snapshot command, the playground's
 * "Fill with sample data", tests and benchmarks. Same seed, same leads.
 */
import type { SlaConfig } from "../src/config/schema";
import { seededRandom } from "./seededRandom";

export type LeadRow = [
  lead: string,
  company: string,
  tier: string,
  created: string,
  handedOff: string,
  owner: string,
  firstFollowUp: string,
  attempts: number | "",
  connected: boolean,
  customer: boolean,
  revenue: number | "",
  closedOn: string,
];

/** Moves forward by working minutes: reps follow up in working hours, not at 2 a.m. */
function addWorkingMinutes(
  from: number,
  minutes: number,
  workdays: readonly number[],
  dayStart: number,
  dayEnd: number,
): number {
  let at = from;
  let left = minutes;
  for (let guard = 0; guard < 400 && left > 0; guard++) {
    const date = new Date(at);
    const minuteOfDay = date.getUTCHours() * 60 + date.getUTCMinutes();
    const midnight = at - minuteOfDay * 60_000;
    if (!workdays.includes(date.getUTCDay()) || minuteOfDay >= dayEnd) {
      at = midnight + 86_400_000 + dayStart * 60_000;
      continue;
    }
    if (minuteOfDay < dayStart) {
      at = midnight + dayStart * 60_000;
      continue;
    }
    const step = Math.min(left, dayEnd - minuteOfDay);
    at += step * 60_000;
    left -= step;
  }
  return at;
}

export const LEAD_CSV_HEADER = [
  "lead",
  "company",
  "tier",
  "created",
  "handed_off",
  "owner",
  "first_follow_up",
  "attempts",
  "connected",
  "customer",
  "revenue",
  "closed_on",
] as const;

const FIRST = [
  "Alex",
  "Maria",
  "Jonas",
  "Sofia",
  "Liam",
  "Emma",
  "Noah",
  "Mia",
  "Lukas",
  "Hannah",
  "Elias",
  "Lea",
  "Ben",
  "Anna",
  "Paul",
  "Laura",
];
const LAST = [
  "Becker",
  "Nguyen",
  "Schmidt",
  "Garcia",
  "Müller",
  "Smith",
  "Kowalski",
  "Rossi",
  "Jansen",
  "Okafor",
  "Fischer",
  "Dubois",
];
const COMPANIES = [
  "Northwind",
  "Contoso",
  "Fabrikam",
  "Tailspin",
  "Adventure Works",
  "Wide World Importers",
  "Litware",
  "Proseware",
  "Lamna",
  "Trey Research",
];

function stamp(year: number, month: number, day: number, minutes: number): string {
  const date = new Date(Date.UTC(year, month - 1, day, 0, Math.round(minutes)));
  return date.toISOString().slice(0, 16).replace("T", " ");
}

export interface SampleOptions {
  readonly month: string;
  readonly count: number;
  readonly seed?: number;
  /** Leave follow-ups after this day blank ("YYYY-MM-DD"), as in a month still running. */
  readonly today?: string;
  /**
   * The current wall-clock time in the spreadsheet's zone ("YYYY-MM-DD" for
   * its midnight, or "YYYY-MM-DDTHH:MM[:SS]"), what NOW() gives: nothing is
   * handed off, followed up or closed after it. Without it, the end of `today`.
   */
  readonly now?: string;
}

/** Milliseconds of a wall-clock time read as UTC, as the stamps here are written. */
function wallMs(text: string): number {
  return Date.parse(`${text.length === 10 ? `${text}T00:00` : text.replace(" ", "T")}Z`);
}

export function sampleLeads(config: SlaConfig, options: SampleOptions): LeadRow[] {
  const next = seededRandom(options.seed ?? 20261201);
  const [year, month] = options.month.split("-").map(Number) as [number, number];
  const monthDays = new Date(Date.UTC(year, month, 0)).getUTCDate();
  // In a month still running, leads arrive only up to today.
  const days = options.today?.startsWith(options.month)
    ? Math.min(monthDays, Number(options.today.slice(8, 10)))
    : monthDays;
  const workdays = config.sales.businessHours?.days ?? [1, 2, 3, 4, 5];
  const clock = (text: string | undefined, fallback: number): number =>
    text ? Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5)) : fallback;
  const dayStart = clock(config.sales.businessHours?.start, 9 * 60);
  const dayEnd = clock(config.sales.businessHours?.end, 17 * 60);
  const reps = config.sales.reps;
  const tiers = config.marketing.tiers.map((tier) => tier.name);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const todayLimit = options.now
    ? wallMs(options.now)
    : options.today
      ? Date.parse(`${options.today}T23:59:00Z`)
      : Number.POSITIVE_INFINITY;
  const rows: LeadRow[] = [];
  for (let index = 0; index < options.count; index++) {
    let day = 1 + Math.floor(next() * days);
    for (let tries = 0; tries < 20 && !workdays.includes(new Date(Date.UTC(year, month - 1, day)).getUTCDay()); tries++)
      day = 1 + Math.floor(next() * days);
    const createdMinutes = dayStart - 60 + next() * (dayEnd - dayStart);
    const handedMinutes = createdMinutes + 5 + next() * 120;
    // Never handed off after now: a lead of later today moves to the working day before (none before: left out).
    while (day >= 1 && Date.UTC(year, month - 1, day, 0, Math.round(handedMinutes)) > todayLimit) {
      day -= 1;
      while (day >= 1 && !workdays.includes(new Date(Date.UTC(year, month - 1, day)).getUTCDay())) day -= 1;
    }
    if (day < 1) continue;
    const handedAt = Date.UTC(year, month - 1, day, 0, Math.round(handedMinutes));
    const roll = next();
    const responseMinutes = roll < 0.55 ? 5 + next() * 180 : roll < 0.85 ? 180 + next() * 600 : 600 + next() * 3000;
    const followAt = addWorkingMinutes(handedAt, responseMinutes, workdays, dayStart, dayEnd);
    const followedUp = followAt <= todayLimit && next() > 0.06;
    const attempts = followedUp ? 1 + Math.floor(next() * 8) : 0;
    const connected = followedUp && next() < 0.55;
    const customer = connected && next() < 0.62;
    const closeAt = followAt + (3 + next() * 20) * 86_400_000;
    const closed = customer && closeAt <= todayLimit;
    const deal = Math.round(config.marketing.avgDealSize * (0.6 + next() * 0.8));
    rows.push([
      `${pick(FIRST)} ${pick(LAST)}`,
      pick(COMPANIES),
      tiers.length > 0 ? pick(tiers) : "",
      stamp(year, month, day, createdMinutes),
      stamp(year, month, day, handedMinutes),
      reps.length > 0 ? pick(reps) : "",
      followedUp ? new Date(followAt).toISOString().slice(0, 16).replace("T", " ") : "",
      followedUp ? attempts : "",
      connected,
      closed,
      closed ? deal : "",
      closed ? new Date(closeAt).toISOString().slice(0, 10) : "",
    ]);
  }
  return rows.sort((a, b) => (a[4] < b[4] ? -1 : a[4] > b[4] ? 1 : 0));
}
