/**
 * find: reads what the document holds before anything is written, into a
 * plain snapshot (src/reconcile/snapshot.ts) plus the handles the executor
 * needs. Decisions about it are made in src/reconcile, in pure code.
 */
import { COLUMN_METADATA_KEY, TAB_METADATA_KEY, type ColumnTag, type DocumentSnapshot, type NamedRangeSnapshot, type TabSnapshot } from "../reconcile/snapshot";
import { parseTabRecord } from "../reconcile/storedState";
import type { LeadLogView } from "../reconcile/leadColumns";
import { DocumentSheets } from "./applyPlan";
import { loadDocumentState, type DocumentState } from "./documentState";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type DeveloperMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

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
  for (const metadata of spreadsheet.createDeveloperMetadataFinder().withKey(TAB_METADATA_KEY).find()) {
    const sheet = metadata.getLocation().getSheet();
    if (!sheet) continue;
    const id = sheet.getSheetId();
    if (tabMetadata.has(id)) continue;
    tabMetadata.set(id, { metadata, value: metadata.getValue() ?? "" });
  }
  const tabs: TabSnapshot[] = sheets.all.map((sheet) => {
    const id = sheet.getSheetId();
    const name = sheets.nameOf(sheet);
    const text = tabMetadata.get(id)?.value;
    if (text === undefined) return { id, name };
    const record = parseTabRecord(text);
    return record ? { id, name, record } : { id, name, unreadableRecord: true };
  });
  const columnTags: ColumnTag[] = [];
  for (const metadata of spreadsheet.createDeveloperMetadataFinder().withKey(COLUMN_METADATA_KEY).find()) {
    const column = metadata.getLocation().getColumn();
    if (!column) continue;
    columnTags.push({ sheetId: column.getSheet().getSheetId(), key: metadata.getValue() ?? "", column: column.getColumn() });
  }
  return {
    snapshot: { tabs, columnTags, state: document.stateReadable ? document.state : undefined, stateUnreadable: document.stateUnreadable },
    document,
    sheets,
    tabMetadata,
  };
}

/** Every named range with where it points: one read for the list, one per name. */
export function readNamedRanges(spreadsheet: Spreadsheet): NamedRangeSnapshot[] {
  return spreadsheet.getNamedRanges().map((named) => {
    try {
      const range = named.getRange();
      return { name: named.getName(), sheetId: range.getSheet().getSheetId(), a1: range.getA1Notation() };
    } catch {
      // Its tab is gone (#REF!).
      return { name: named.getName(), sheetId: undefined, a1: "#REF!" };
    }
  });
}

/** The lead log as planning needs it: its size, header row and last row with anything in users' columns. */
export interface LeadLogRead {
  readonly view: LeadLogView;
  readonly rows: number;
  /** Last row with anything outside the add-on's calculated columns (1: only the header). */
  readonly lastUsedRow: number;
}

/**
 * Reads the whole log once: its size (two calls), then every cell (one call).
 * The calculated columns hold formulas' results on every row and would make
 * the log look longer at every build, so they don't count for the last row.
 */
export function readLeadLog(sheets: DocumentSheets, sheet: Sheet, calculatedColumns: (view: LeadLogView) => ReadonlySet<number>): LeadLogRead {
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
  const empty = (line: readonly unknown[]): boolean => line.every((cell, index) => calculated.has(index + 1) || cell === "" || cell === null);
  while (last > 1 && empty(values[last - 1] ?? [])) last--;
  return { view, rows: size.rows, lastUsedRow: Math.max(1, last) };
}
