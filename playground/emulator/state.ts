/**
 * The whole document as JSON (contents incl. formulas, formats, named
 * ranges, charts, validations, protections, properties), so a later
 * createEmulator({ state }) continues exactly where this one stopped.
 */
import { cellA1, type Rect } from "./a1";
import type { DeveloperMetadataSpec } from "./developerMetadata";
import type { PropertyStore, WorkbookModel } from "./model";
import { cloneJson, type CellMeta, type ChartSpec, type ConditionalRuleSpec, type ProtectionSpec } from "./specs";
import type { CellInput } from "./values";

export interface CellState {
  /** Formula as Sheets shows it. */
  f?: string;
  /** Literal value (text stays text, whatever it looks like). */
  v?: number | string | boolean;
  /** Formats, note, validation. */
  m?: Omit<CellMeta, "formula">;
}

export interface SheetState {
  id: number;
  name: string;
  maxRows: number;
  maxColumns: number;
  hidden: boolean;
  frozenRows: number;
  frozenColumns: number;
  tabColor: string | null;
  columnWidths: [number, number][];
  rowHeights: [number, number][];
  cells: Record<string, CellState>;
  merges: Rect[];
  charts: ChartSpec[];
  conditionalFormats: ConditionalRuleSpec[];
  protections: ProtectionSpec[];
}

export type NamedRangeState =
  | { name: string; sheetId: number; rect: Rect; openRows: boolean; openCols: boolean }
  | { name: string; expression: string };

export interface EmulatorState {
  version: 1;
  spreadsheet: {
    id: string;
    name: string;
    timeZone: string;
    locale: string;
    owner: string;
    currentUser: string;
    editors: string[];
    activeSheetId: number;
    today?: string;
    /** Left out while it is the default, ON_CHANGE. */
    recalculationInterval?: "MINUTE" | "HOUR";
  };
  sheets: SheetState[];
  namedRanges: NamedRangeState[];
  properties: Record<PropertyStore, Record<string, string>>;
  /** Absent in states saved before the emulator kept developer metadata. */
  developerMetadata?: DeveloperMetadataSpec[];
  counters: { sheetSeed: number; nextChartId: number; nextProtectionId: number; metadataSeed?: number };
}

export function toState(model: WorkbookModel): EmulatorState {
  const sheets = model.sheets.map((sheet): SheetState => {
    const cells: Record<string, CellState> = {};
    const cell = (row: number, col: number): CellState => (cells[cellA1(row, col)] ??= {});
    model.reader.getSheetValues(sheet.hfId).forEach((values, r) =>
      values.forEach((value, c) => {
        const row = r + 1;
        const col = c + 1;
        if (value === null || sheet.cellMeta(row, col)?.formula) return;
        // Cells filled by an array formula's result belong to the formula, not to the state.
        if (model.reader.isCellPartOfArray(model.address(sheet, row, col))) return;
        if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
          cell(row, col).v = value;
      }),
    );
    sheet.forEachMeta((meta, row, col) => {
      const { formula, ...rest } = meta;
      if (formula) cell(row, col).f = model.formulaText(sheet, row, col);
      if (Object.keys(rest).length > 0) cell(row, col).m = cloneJson(rest);
    });
    return {
      id: sheet.id,
      name: sheet.name,
      maxRows: sheet.maxRows,
      maxColumns: sheet.maxColumns,
      hidden: sheet.hidden,
      frozenRows: sheet.frozenRows,
      frozenColumns: sheet.frozenColumns,
      tabColor: sheet.tabColor,
      columnWidths: [...sheet.columnWidths],
      rowHeights: [...sheet.rowHeights],
      cells,
      merges: cloneJson(sheet.merges),
      charts: cloneJson(sheet.charts),
      conditionalFormats: cloneJson(sheet.conditionalFormats),
      protections: cloneJson(sheet.protections),
    };
  });
  const namedRanges = model.names.list().map((entry): NamedRangeState => {
    const target = model.names.target(entry.name);
    if (target)
      return {
        name: entry.name,
        sheetId: target.sheet.id,
        rect: target.rect,
        openRows: entry.openRows,
        openCols: entry.openCols,
      };
    return { name: entry.name, expression: model.names.expression(entry.name) ?? "=#REF!" };
  });
  const store = (kind: PropertyStore) => Object.fromEntries(model.properties[kind]);
  const spreadsheet: EmulatorState["spreadsheet"] = {
    id: model.id,
    name: model.name,
    timeZone: model.timeZone,
    locale: model.locale,
    owner: model.owner,
    currentUser: model.currentUser,
    editors: [...model.editors],
    activeSheetId: model.activeSheetId,
  };
  if (model.context.today !== undefined) spreadsheet.today = model.context.today;
  if (model.recalculationInterval !== "ON_CHANGE") spreadsheet.recalculationInterval = model.recalculationInterval;
  return {
    version: 1,
    spreadsheet,
    sheets,
    namedRanges,
    properties: { document: store("document"), user: store("user"), script: store("script") },
    developerMetadata: cloneJson(model.developerMetadata.items),
    counters: {
      sheetSeed: model.sheetSeed,
      nextChartId: model.nextChartId,
      nextProtectionId: model.nextProtectionId,
      metadataSeed: model.developerMetadata.seed,
    },
  };
}

/** Loads a state into a model that has no sheets yet. */
export function restoreState(model: WorkbookModel, state: EmulatorState): void {
  if (state.version !== 1) throw new Error(`Unknown emulator state version: ${String(state.version)}`);
  const s = state.spreadsheet;
  model.editors = [...s.editors];
  model.currentUser = s.currentUser;
  model.recalculationInterval = s.recalculationInterval ?? "ON_CHANGE";
  for (const sheetState of state.sheets) {
    const sheet = model.addSheet(sheetState.name, model.sheets.length, sheetState.id);
    sheet.maxRows = sheetState.maxRows;
    sheet.maxColumns = sheetState.maxColumns;
    sheet.hidden = sheetState.hidden;
    sheet.frozenRows = sheetState.frozenRows;
    sheet.frozenColumns = sheetState.frozenColumns;
    sheet.tabColor = sheetState.tabColor;
    sheet.columnWidths = new Map(sheetState.columnWidths);
    sheet.rowHeights = new Map(sheetState.rowHeights);
    sheet.merges = cloneJson(sheetState.merges);
    sheet.charts = cloneJson(sheetState.charts);
    sheet.conditionalFormats = cloneJson(sheetState.conditionalFormats);
    sheet.protections = cloneJson(sheetState.protections);
  }
  // Names before cells, so formulas using them evaluate on first write.
  for (const named of state.namedRanges) {
    if ("expression" in named) {
      model.names.addExpression(named.name, named.expression);
      continue;
    }
    const sheet = model.sheetById(named.sheetId);
    if (sheet) model.names.add(named.name, sheet, named.rect, named);
  }
  for (const sheetState of state.sheets) {
    const sheet = model.sheetById(sheetState.id)!;
    const entries = Object.entries(sheetState.cells).map(([a1, cell]) => ({ ...cellPosition(a1), cell }));
    // Only runs of cells with content are written: the sheet is new, so a cell
    // that has formats alone is empty already, and HyperFormula spends most of
    // a restore clearing cells it is told to clear.
    for (const run of contentRuns(entries)) model.writeInputs(sheet, run.rect, [run.inputs]);
    for (const { row, col, cell } of entries) if (cell.m) copyMeta(cell.m, sheet.ensureMeta(row, col));
  }
  model.activeSheetId = s.activeSheetId;
  for (const kind of ["document", "user", "script"] as const)
    for (const [key, value] of Object.entries(state.properties[kind] ?? {})) model.properties[kind].set(key, value);
  model.sheetSeed = state.counters.sheetSeed;
  model.nextChartId = state.counters.nextChartId;
  model.nextProtectionId = state.counters.nextProtectionId;
  model.developerMetadata.items = cloneJson(state.developerMetadata ?? []);
  model.developerMetadata.seed = state.counters.metadataSeed ?? 0;
}

/**
 * A saved cell's formats, note and validation onto the restored cell. Most
 * members are text or numbers; only borders and validations are objects, and
 * those are copied, as the emulator changes a cell's borders in place.
 */
function copyMeta(saved: NonNullable<CellState["m"]>, meta: CellMeta): void {
  const target = meta as Record<string, unknown>;
  for (const [key, value] of Object.entries(saved)) {
    // A hand-edited file's "__proto__" would set the cell's prototype; it is no member of a cell.
    if (value === undefined || key === "__proto__") continue;
    target[key] = typeof value === "object" && value !== null ? cloneJson(value) : value;
  }
}

/** Cells with a formula or a value, as runs of neighbours in one row, in row order. */
function contentRuns(
  entries: readonly { row: number; col: number; cell: CellState }[],
): { rect: Rect; inputs: CellInput[] }[] {
  const input = (cell: CellState): CellInput | undefined =>
    cell.f !== undefined
      ? { kind: "formula", text: cell.f }
      : cell.v !== undefined
        ? { kind: "value", value: cell.v }
        : undefined;
  const cells = entries
    .map((entry) => ({ row: entry.row, col: entry.col, input: input(entry.cell) }))
    .filter((entry): entry is { row: number; col: number; input: CellInput } => entry.input !== undefined)
    .sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: { row: number; col: number; inputs: CellInput[] }[] = [];
  for (const { row, col, input: cellInput } of cells) {
    const last = runs[runs.length - 1];
    if (last && last.row === row && last.col + last.inputs.length === col) last.inputs.push(cellInput);
    else runs.push({ row, col, inputs: [cellInput] });
  }
  return runs.map(({ row, col, inputs }) => ({ rect: { row, col, numRows: 1, numCols: inputs.length }, inputs }));
}

/** Row and column of a state's cell key ("AB12"); a restore reads tens of thousands of them. */
function cellPosition(a1: string): { row: number; col: number } {
  let col = 0;
  let i = 0;
  for (; i < a1.length; i++) {
    const code = a1.charCodeAt(i);
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
  }
  const row = Number(a1.slice(i));
  if (col === 0 || !Number.isInteger(row) || row < 1) throw new Error(`Not a cell in the saved state: ${a1}`);
  return { row, col };
}
