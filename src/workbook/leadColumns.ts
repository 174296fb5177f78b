/**
 * The lead log's column table: every column the add-on makes, in the order a
 * new log has them, and who fills it in. Where a column is now comes from
 * the document (its developer metadata moves with it when people insert,
 * delete or move columns), so planners address columns by key, never by a
 * fixed letter.
 */
export const LEAD_COLUMN_TABLE = [
  { key: "lead", side: "marketing" },
  { key: "company", side: "marketing" },
  { key: "tier", side: "marketing" },
  { key: "created", side: "marketing" },
  { key: "handedOff", side: "marketing" },
  { key: "owner", side: "sales" },
  { key: "firstFollowUp", side: "sales" },
  { key: "attempts", side: "sales" },
  { key: "connected", side: "sales" },
  { key: "customer", side: "sales" },
  { key: "revenue", side: "sales" },
  { key: "closedOn", side: "sales" },
  { key: "responseHours", side: "calculated" },
  { key: "status", side: "calculated" },
  /** Helper for the reports: the hand-off month (its first day) of leads with response hours, else blank. */
  { key: "followedUpMonth", side: "calculated" },
  /** Working hours from the hand-off to the first follow-up, or to now while the lead waits. */
  { key: "hoursSoFar", side: "calculated" },
  /** The lead's e-mail and its record ID in the CRM: an import skips leads the log already has by them. */
  { key: "email", side: "marketing" },
  { key: "crmId", side: "marketing" },
  /**
   * Where the lead came from, from the config's list. At the end, not beside the other marketing columns: a log
   * built before it gets it where the rebuild adds any missing column, so new and older logs have it in one place.
   */
  { key: "source", side: "marketing" },
  /** The lead's own follow-up goal in hours: its tier's goal, else the SLA's. */
  { key: "goalHours", side: "calculated" },
] as const;

export type LeadColumnKey = (typeof LEAD_COLUMN_TABLE)[number]["key"];
export type LeadSide = (typeof LEAD_COLUMN_TABLE)[number]["side"];

/** Where each of the add-on's lead-log columns is (1-based). */
export type LeadColumns = Readonly<Record<LeadColumnKey, number>>;

export const LEAD_COLUMN_KEYS: readonly LeadColumnKey[] = LEAD_COLUMN_TABLE.map((column) => column.key);

/** The columns of a new log: A to R in table order. */
export const NEW_LEAD_COLUMNS: LeadColumns = Object.fromEntries(
  LEAD_COLUMN_KEYS.map((key, index) => [key, index + 1]),
) as Record<LeadColumnKey, number>;

export function sideOf(key: LeadColumnKey): LeadSide {
  return LEAD_COLUMN_TABLE.find((column) => column.key === key)!.side;
}

/** Keys of one side, in table order. */
export function keysOfSide(side: LeadSide): LeadColumnKey[] {
  return LEAD_COLUMN_TABLE.filter((column) => column.side === side).map((column) => column.key);
}

export function isLeadColumnKey(value: string): value is LeadColumnKey {
  return (LEAD_COLUMN_KEYS as readonly string[]).includes(value);
}

/**
 * Sorted column numbers grouped into runs of neighbours, so each run is
 * written with one call per property.
 * @example columnRuns([1, 2, 3, 5]) // [{ first: 1, count: 3 }, { first: 5, count: 1 }]
 */
export function columnRuns(columns: readonly number[]): { first: number; count: number }[] {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const runs: { first: number; count: number }[] = [];
  for (const column of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.first + last.count === column) last.count += 1;
    else runs.push({ first: column, count: 1 });
  }
  return runs;
}

/** The rightmost of the add-on's columns. */
export function lastLeadColumn(columns: LeadColumns): number {
  return Math.max(...Object.values(columns));
}
