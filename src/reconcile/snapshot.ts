/**
 * The document as the find step reads it before anything is written: plain
 * data, so every decision about it is pure and tested in Node.
 */
import type { TabRecord, WorkbookState } from "./storedState";

/** The developer-metadata key on every tab the add-on made; its value is a TabRecord as JSON. */
export const TAB_METADATA_KEY = "sla.tab";
/** The developer-metadata key on each lead-log column the add-on made; its value is the column's key. */
export const COLUMN_METADATA_KEY = "sla.column";

/** The developer-metadata key on the lead log's header row: the log's rows below it are users'. */
export const HEADER_METADATA_KEY = "sla.header";

export interface TabSnapshot {
  readonly id: number;
  readonly name: string;
  /** What the tab's `sla.tab` metadata says; absent on users' tabs (and on tabs of builds before metadata). */
  readonly record?: TabRecord;
  /** The tab carries `sla.tab` metadata that could not be read. */
  readonly unreadableRecord?: boolean;
}

export interface ColumnTag {
  readonly sheetId: number;
  readonly key: string;
  /** 1-based, where the column is now. */
  readonly column: number;
}

export interface RowTag {
  readonly sheetId: number;
  readonly key: string;
  /** 1-based, where the row is now. */
  readonly row: number;
}

export interface NamedRangeSnapshot {
  readonly name: string;
  /** The tab it points at; undefined when that tab is gone. */
  readonly sheetId: number | undefined;
  /** A1 notation without the sheet name, e.g. `E2:E1000`. */
  readonly a1: string;
}

export interface DocumentSnapshot {
  readonly tabs: readonly TabSnapshot[];
  readonly columnTags: readonly ColumnTag[];
  readonly rowTags: readonly RowTag[];
  /** The stored state when it was there and readable. */
  readonly state: WorkbookState | undefined;
}
