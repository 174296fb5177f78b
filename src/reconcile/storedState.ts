/**
 * What the add-on remembers about a workbook, as zod schemas: the types are
 * inferred from them and every read is checked. Stored state is a cache: a
 * value that fails its schema is treated as absent, and the document itself
 * (the tabs' developer metadata) is read instead.
 */
import * as z from "zod/mini";

const monthKey = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/));

/** How a month tab's inputs were set: the agreed ones, or recalculated from a closed month. */
export const monthInputsSchema = z.union([
  z.object({ mode: z.literal("agreed") }),
  z.object({
    mode: z.literal("recalculated"),
    from: monthKey,
    marketingShare: z.optional(z.number()),
    avgDealSize: z.optional(z.number()),
    closeRate: z.optional(z.number()),
  }),
]);

export const monthStateSchema = z.object({ month: monthKey, inputs: monthInputsSchema });

const address = z.string().check(z.regex(/^[A-Z]{1,3}[1-9]\d*$/));
const area = z.string().check(z.regex(/^[A-Z]{1,3}[1-9]\d*(:[A-Z]{1,3}[1-9]\d*)?$/));

/** What the last build wrote on one tab. */
export const storedSheetSchema = z.object({
  name: z.string(),
  /** Where users' cells are, by key. */
  inputs: z.record(z.string(), address),
  /** The tab's sheet id. */
  id: z.optional(z.number()),
  /** Fingerprint of the tab's plan: an unchanged, intact tab is not written again. */
  hash: z.optional(z.string()),
  /** Column widths and frozen panes the build set (frameOf): set again only when the plan changes them. */
  frame: z.optional(z.string()),
  /** Charts the build put on the tab. */
  charts: z.optional(z.number()),
  /**
   * The rectangle the build wrote (`A1:O24`) and the one its validations
   * cover: a rebuild blanks only what of them the new layout no longer uses,
   * so whatever users keep elsewhere on the tab stays.
   */
  area: z.optional(area),
  validated: z.optional(area),
  /**
   * Exactly the cells the build wrote content into, as rectangles
   * (`A1:C1,A3:J3`): other cells may hold users' notes, which a rebuild
   * keeps. Absent on the lead log, whose rows are users'.
   */
  cells: z.optional(
    z
      .string()
      .check(z.regex(/^([A-Z]{1,3}[1-9]\d*(:[A-Z]{1,3}[1-9]\d*)?)(,[A-Z]{1,3}[1-9]\d*(:[A-Z]{1,3}[1-9]\d*)?)*$/)),
  ),
  /**
   * The cells above include those formulas fill (CellSpec.filled). A record
   * without it may leave out cells that formulas filled, whose results then
   * read like typed values.
   */
  spills: z.optional(z.literal(true)),
  /** Fingerprint of the fixed looks the build wrote as cell formats (looksHash): written again only when they change. */
  looks: z.optional(z.string()),
});

/** Where the last build put things. */
export const storedLayoutSchema = z.object({
  version: z.literal(1),
  sheets: z.record(z.string(), storedSheetSchema),
  /** Where each named range the add-on made pointed after the build: `'Leads'!E2:E`. */
  namedRanges: z.optional(z.record(z.string(), z.string())),
  /** How many named ranges the document held after the build (ours and users'). */
  namedRangeCount: z.optional(z.number()),
});

export const workbookStateSchema = z.object({
  /** Goes up with every build or new month: the wizard sends the revision it started from. */
  revision: z.int().check(z.gte(0)),
  months: z.array(monthStateSchema),
  layout: z.optional(storedLayoutSchema),
});

/**
 * What a tab of the add-on carries in its developer metadata (key `sla.tab`):
 * which planned tab it is, what the last build wrote there and, on a month
 * tab, how its inputs were set. The document keeps this even when the stored
 * state is lost.
 */
export const tabRecordSchema = z.object({
  key: z.string().check(z.minLength(1)),
  sheet: z.optional(z.omit(storedSheetSchema, { name: true, id: true })),
  month: z.optional(monthStateSchema),
});

export type MonthInputs = z.infer<typeof monthInputsSchema>;
export type MonthState = z.infer<typeof monthStateSchema>;
export type StoredSheet = z.infer<typeof storedSheetSchema>;
export type StoredLayout = z.infer<typeof storedLayoutSchema>;
export type WorkbookState = z.infer<typeof workbookStateSchema>;
export type TabRecord = z.infer<typeof tabRecordSchema>;

/** A value checked against a schema; undefined when it doesn't fit. */
export function readChecked<T>(schema: z.ZodMiniType<T>, value: unknown): T | undefined {
  const result = z.safeParse(schema, value);
  return result.success ? result.data : undefined;
}

/** A tab record from its metadata value (JSON); undefined when unreadable. */
export function parseTabRecord(text: string): TabRecord | undefined {
  try {
    return readChecked(tabRecordSchema, JSON.parse(text));
  } catch {
    return undefined;
  }
}
