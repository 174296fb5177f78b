/**
 * find: reads what the document holds before anything is written, into a
 * plain snapshot (src/reconcile/snapshot.ts) plus the handles the executor
 * needs. Decisions about it are made in src/reconcile, in pure code.
 */
import {
  COLUMN_METADATA_KEY,
  HEADER_METADATA_KEY,
  TAB_METADATA_KEY,
  type ColumnTag,
  type RowTag,
  type DocumentSnapshot,
  type NamedRangeSnapshot,
  type TabSnapshot,
} from "../reconcile/snapshot";
import { parseTabRecord } from "../reconcile/storedState";
import type { LeadLogView } from "../reconcile/leadColumns";
import { columnLetter } from "../workbook/sheetBuilder";
import { loadDocumentState, type DocumentState } from "./documentState";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type DeveloperMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

/** The spreadsheet's tabs, listed with one call, with their names read once each. */
export class DocumentSheets {
  readonly all: Sheet[];
  private readonly byIdMap: Map<number, Sheet>;

  constructor(readonly spreadsheet: Spreadsheet) {
    this.all = spreadsheet.getSheets();
    this.byIdMap = new Map(this.all.map((sheet) => [sheet.getSheetId(), sheet]));
  }

  private readonly sizes = new Map<Sheet, { rows: number; columns: number }>();

  /** A tab's size, read once. */
  size(sheet: Sheet): { rows: number; columns: number } {
    let size = this.sizes.get(sheet);
    if (!size) {
      size = { rows: sheet.getMaxRows(), columns: sheet.getMaxColumns() };
      this.sizes.set(sheet, size);
    }
    return size;
  }

  private readonly names = new Map<Sheet, string>();

  /** A tab's name, read once. */
  nameOf(sheet: Sheet): string {
    let name = this.names.get(sheet);
    if (name === undefined) {
      name = sheet.getName();
      this.names.set(sheet, name);
    }
    return name;
  }

  byId(id: number | undefined): Sheet | undefined {
    return id === undefined ? undefined : this.byIdMap.get(id);
  }
}

export interface Found {
  readonly snapshot: DocumentSnapshot;
  readonly document: DocumentState;
  readonly sheets: DocumentSheets;
  /** The `sla.tab` metadata of each tab carrying it, by sheet id: a rebuild updates its value. */
  readonly tabMetadata: ReadonlyMap<number, { readonly metadata: DeveloperMetadata; readonly value: string }>;
}

/** The spreadsheet's tabs, their metadata, the lead-log column tags and the stored state. */
export function findDocument(spreadsheet: Spreadsheet, document: DocumentState = loadDocumentState()): Found {
  const sheets = new DocumentSheets(spreadsheet);
  const tabMetadata = new Map<number, { metadata: DeveloperMetadata; value: string }>();
  const columnTags: ColumnTag[] = [];
  const rowTags: RowTag[] = [];
  // One search for every key: the add-on's are few, and users' own metadata is passed over.
  for (const metadata of spreadsheet.createDeveloperMetadataFinder().find()) {
    const key = metadata.getKey();
    const location = metadata.getLocation();
    if (key === TAB_METADATA_KEY) {
      const id = location.getSheet()?.getSheetId();
      if (id !== undefined && !tabMetadata.has(id)) tabMetadata.set(id, { metadata, value: metadata.getValue() ?? "" });
    } else if (key === COLUMN_METADATA_KEY) {
      const column = location.getColumn();
      if (column)
        columnTags.push({
          sheetId: column.getSheet().getSheetId(),
          key: metadata.getValue() ?? "",
          column: column.getColumn(),
        });
    } else if (key === HEADER_METADATA_KEY) {
      const row = location.getRow();
      if (row) rowTags.push({ sheetId: row.getSheet().getSheetId(), key, row: row.getRow() });
    }
  }
  const tabs: TabSnapshot[] = sheets.all.map((sheet) => {
    const id = sheet.getSheetId();
    const name = sheets.nameOf(sheet);
    const text = tabMetadata.get(id)?.value;
    if (text === undefined) return { id, name };
    const record = parseTabRecord(text);
    return record ? { id, name, record } : { id, name, unreadableRecord: true };
  });
  return {
    snapshot: { tabs, columnTags, rowTags, state: document.stateReadable ? document.state : undefined },
    document,
    sheets,
    tabMetadata,
  };
}

/**
 * The add-on's tab planned under `key` (its `sla.tab` record says so), found
 * with one metadata search, wherever it is and whatever it is called now.
 */
export function findTabByKey(spreadsheet: Spreadsheet, key: string): Sheet | undefined {
  for (const metadata of spreadsheet.createDeveloperMetadataFinder().withKey(TAB_METADATA_KEY).find()) {
    if (parseTabRecord(metadata.getValue() ?? "")?.key !== key) continue;
    const sheet = metadata.getLocation().getSheet();
    if (sheet) return sheet;
  }
  return undefined;
}

/** Every named range with where it points: one read for the list, one per name. */
export function readNamedRanges(spreadsheet: Spreadsheet): NamedRangeSnapshot[] {
  return spreadsheet.getNamedRanges().map(namedRangeSnapshot);
}

/** Where a named range points now; a name whose tab is gone points nowhere (#REF!). */
export function namedRangeSnapshot(named: GoogleAppsScript.Spreadsheet.NamedRange): NamedRangeSnapshot {
  try {
    const range = named.getRange();
    return { name: named.getName(), sheetId: range.getSheet().getSheetId(), a1: range.getA1Notation() };
  } catch {
    return { name: named.getName(), sheetId: undefined, a1: "#REF!" };
  }
}

/** The lead log as planning needs it: its size, header row and last row with anything in users' columns. */
export interface LeadLogRead {
  readonly view: LeadLogView;
  readonly rows: number;
  /** Last row with anything outside the add-on's calculated columns (1: only the header). */
  readonly lastUsedRow: number;
  /**
   * Cells users typed into a calculated column, below a header formula that
   * can't fill its column because of them (it shows an error): a build would
   * write over them.
   */
  readonly typedInCalculated: readonly string[];
}

/**
 * Reads the whole log once: its size (two calls), then every cell (one call).
 * The calculated columns hold formulas' results on every row and would make
 * the log look longer at every build, so they don't count for the last row.
 */
export function readLeadLog(
  sheets: DocumentSheets,
  sheet: Sheet,
  calculatedColumns: (view: LeadLogView) => ReadonlySet<number>,
): LeadLogRead {
  const size = sheets.size(sheet);
  const values = sheet.getRange(1, 1, size.rows, size.columns).getValues();
  const header = values[0] ?? [];
  let lastUsedColumn = 0;
  for (const line of values) {
    for (let column = line.length; column > lastUsedColumn; column--) {
      if (line[column - 1] !== "" && line[column - 1] !== null) {
        lastUsedColumn = column;
        break;
      }
    }
  }
  const view: LeadLogView = { sheetId: sheet.getSheetId(), header, columns: size.columns, lastUsedColumn };
  const calculated = calculatedColumns(view);
  let last = values.length;
  const empty = (line: readonly unknown[]): boolean =>
    line.every((cell, index) => calculated.has(index + 1) || cell === "" || cell === null);
  while (last > 1 && empty(values[last - 1] ?? [])) last--;
  const typedInCalculated: string[] = [];
  for (const column of calculated) {
    if (!/^#/.test(String(header[column - 1] ?? ""))) continue;
    values.forEach((line, index) => {
      const cell = line[column - 1];
      if (index > 0 && cell !== "" && cell !== null && cell !== undefined)
        typedInCalculated.push(`${columnLetter(column)}${index + 1}`);
    });
  }
  return { view, rows: size.rows, lastUsedRow: Math.max(1, last), typedInCalculated };
}
