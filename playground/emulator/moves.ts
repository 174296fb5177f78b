/**
 * Sheet.moveRows/moveColumns and Range.sort: operations that reorder cells
 * rather than insert or delete them. HyperFormula moves contents and rewrites
 * the references to them; the model carries everything else (formats, notes,
 * sizes, merges, stored ranges, developer metadata) the same way.
 */
import { lastColOf, lastRowOf, type Rect } from "./a1";
import { reopenRanges } from "./formulaText";
import type { SheetModel, WorkbookModel } from "./model";
import type { CellMeta, StoredRange } from "./specs";
import type { Axis } from "./structure";
import type { AppsScriptValue, CellInput } from "./values";

/**
 * Where index i (1-based) lands when `count` rows (columns) from `start` move before `destination`
 * (counted before the move, as Apps Script's destinationIndex is).
 */
export function movedIndex(start: number, count: number, destination: number): (i: number) => number {
  const end = start + count - 1;
  return (i) => {
    if (destination > end) {
      if (i >= start && i <= end) return i + destination - end - 1;
      if (i > end && i < destination) return i - count;
      return i;
    }
    if (i >= start && i <= end) return i - (start - destination);
    if (i >= destination && i < start) return i + count;
    return i;
  };
}

function permuteSparse<T>(items: (T | undefined)[], newIndex: (i: number) => number): (T | undefined)[] {
  const out: (T | undefined)[] = [];
  items.forEach((item, k) => {
    if (item !== undefined) out[newIndex(k + 1) - 1] = item;
  });
  return out;
}

function permuteMap(map: Map<number, number>, newIndex: (i: number) => number): Map<number, number> {
  return new Map([...map].map(([i, v]) => [newIndex(i), v]));
}

/**
 * A stored range after a move: its first and last row (column) where they went. A range holding the whole
 * block, or none of it, stays one piece; one holding part of it is approximated by its moved ends.
 */
function movedRect(rect: Rect, axis: Axis, newIndex: (i: number) => number): Rect {
  if (axis === "rows") {
    const [a, b] = [newIndex(rect.row), newIndex(lastRowOf(rect))];
    return { ...rect, row: Math.min(a, b), numRows: Math.abs(b - a) + 1 };
  }
  const [a, b] = [newIndex(rect.col), newIndex(lastColOf(rect))];
  return { ...rect, col: Math.min(a, b), numCols: Math.abs(b - a) + 1 };
}

/**
 * HyperFormula 3.5 keeps an array formula registered after its cell was emptied (its vertex leaves the graph,
 * its entry in the array mapping stays), and then refuses to move the rows or columns it covered.
 */
function forgetRemovedArrays(model: WorkbookModel): void {
  const graph = model.text.dependencyGraph;
  for (const [key, vertex] of [...graph.arrayMapping.arrayMapping])
    if (!graph.graph.hasNode(vertex)) graph.arrayMapping.removeArray(key);
}

const WRAP_START = "=INDEX(";
const WRAP_END = ",1,1)";

/**
 * Sheet.moveRows(rowSpec, destinationIndex) and moveColumns: the rows (columns) the spec spans move before
 * `destination`, counted before the move. A destination at either edge of the block leaves it where it is.
 */
export function moveDimension(
  model: WorkbookModel,
  sheet: SheetModel,
  axis: Axis,
  start: number,
  count: number,
  destination: number,
): void {
  model.requireLive(sheet);
  const rows = axis === "rows";
  const word = rows ? "rows" : "columns";
  const size = rows ? sheet.maxRows : sheet.maxColumns;
  if (!Number.isInteger(destination) || destination < 1 || destination > size + 1)
    throw new Error(`The destination index ${String(destination)} is out of bounds: the sheet has ${size} ${word}.`);
  const end = start + count - 1;
  if (destination === start || destination === end + 1) return;
  // UNVERIFIED: the message; a block can't be moved into itself.
  if (destination > start && destination <= end)
    throw new Error(`The ${word} can't be moved to a position inside themselves.`);
  for (const m of sheet.merges) {
    const [first, last] = rows ? [m.row, lastRowOf(m)] : [m.col, lastColOf(m)];
    const whollyInside = first >= start && last <= end;
    const whollyOutside = last < start || first > end;
    const splitAtDestination = first < destination && destination <= last;
    if (!whollyInside && (!whollyOutside || splitAtDestination))
      throw new Error(`You can't move ${word} that hold only part of a merged cell.`);
  }
  const newIndex = movedIndex(start, count, destination);

  model.materializeFormulas();
  // HyperFormula refuses to move rows or columns holding an array formula's cells; the formulas are moved as
  // one-cell formulas, wrapped in INDEX(…,1,1), and unwrapped afterwards.
  const wrapped: CellMeta[] = [];
  sheet.forEachMeta((meta, row, col) => {
    if (!meta.formula) return;
    const address = model.address(sheet, row, col);
    if (!model.reader.isCellPartOfArray(address)) return;
    const text = model.text.getCellFormula(address) ?? "";
    // Emptied first: a formula written over an array's anchor leaves the array registered in HyperFormula.
    model.writer.setCellContents(address, [[null]]);
    model.writer.setCellContents(address, [[`${WRAP_START}${text.slice(1)}${WRAP_END}`]]);
    wrapped.push(meta);
  });

  forgetRemovedArrays(model);
  if (rows) model.writer.moveRows(sheet.hfId, start - 1, count, destination - 1);
  else model.writer.moveColumns(sheet.hfId, start - 1, count, destination - 1);

  if (rows) {
    sheet.meta = permuteSparse(sheet.meta, newIndex) as (CellMeta | undefined)[][];
    sheet.rowHeights = permuteMap(sheet.rowHeights, newIndex);
  } else {
    sheet.meta = sheet.meta.map((cells) => (cells ? permuteSparse(cells, newIndex) : cells));
    sheet.columnWidths = permuteMap(sheet.columnWidths, newIndex);
  }
  const moveRect = (rect: Rect) => movedRect(rect, axis, newIndex);
  const moveStored = (r: StoredRange): StoredRange =>
    r.sheetId === sheet.id ? { sheetId: r.sheetId, rect: moveRect(r.rect) } : r;
  sheet.merges = sheet.merges.map(moveRect);
  for (const p of sheet.protections) {
    if (p.rect) p.rect = moveRect(p.rect);
    p.unprotected = p.unprotected.map(moveRect);
  }
  for (const chart of sheet.charts) {
    const key = rows ? "row" : "column";
    chart.position[key] = newIndex(chart.position[key]);
  }
  for (const other of model.sheets) {
    for (const chart of other.charts) chart.ranges = chart.ranges.map(moveStored);
    for (const rule of other.conditionalFormats) rule.ranges = rule.ranges.map(moveStored);
  }
  model.developerMetadata.applyMove(sheet, axis, newIndex);

  const lastRow = model.lastRowResolver(sheet);
  sheet.forEachMeta((meta, row, col) => {
    if (!wrapped.includes(meta)) return;
    const current = model.text.getCellFormula(model.address(sheet, row, col)) ?? "";
    if (!current.startsWith(WRAP_START) || !current.endsWith(WRAP_END))
      throw new Error(`Emulator: lost the array formula at row ${row}, column ${col}.`);
    const inner = `=${current.slice(WRAP_START.length, -WRAP_END.length)}`;
    const text = meta.formula!.open ? reopenRanges(inner, (name, endRow) => endRow === lastRow(name)) : inner;
    model.writeInputs(sheet, { row, col, numRows: 1, numCols: 1 }, [[{ kind: "formula", text }]]);
  });
  model.refreshOpenReferences();
}

export interface SortKey {
  column: number;
  ascending: boolean;
}

/** Range.sort's argument: a column number, {column, ascending}, or an array of them. */
export function parseSortSpec(spec: unknown, rect: Rect): SortKey[] {
  const list = Array.isArray(spec) ? spec : [spec];
  if (list.length === 0)
    throw new Error("The parameters don't match the method signature for SpreadsheetApp.Range.sort.");
  return list.map((item): SortKey => {
    const key =
      typeof item === "number"
        ? { column: item, ascending: true }
        : item !== null && typeof item === "object" && typeof (item as { column?: unknown }).column === "number"
          ? {
              column: (item as { column: number }).column,
              ascending: (item as { ascending?: unknown }).ascending !== false,
            }
          : undefined;
    if (!key || !Number.isInteger(key.column))
      throw new Error("The parameters don't match the method signature for SpreadsheetApp.Range.sort.");
    // UNVERIFIED: the message; Apps Script sorts by sheet columns, which must lie in the range.
    if (key.column < rect.col || key.column > lastColOf(rect))
      throw new Error(
        `The column to sort by (${key.column}) is outside the range: columns ${rect.col} to ${lastColOf(rect)}.`,
      );
    return key;
  });
}

/** Numbers (and dates) first, then text (case-insensitive), then booleans; empty cells last in either direction. */
function rank(value: AppsScriptValue): number {
  if (value === "") return 3;
  if (typeof value === "number" || value instanceof Date) return 0;
  if (typeof value === "string") return 1;
  return 2;
}

function compareValues(a: AppsScriptValue, b: AppsScriptValue, ascending: boolean): number {
  const [ra, rb] = [rank(a), rank(b)];
  if (ra === 3 || rb === 3) return ra === rb ? 0 : ra === 3 ? 1 : -1;
  let order: number;
  if (ra !== rb) order = ra - rb;
  else if (ra === 0) order = Number(a instanceof Date ? a.getTime() : a) - Number(b instanceof Date ? b.getTime() : b);
  else if (ra === 1) order = String(a).localeCompare(String(b), undefined, { sensitivity: "base" });
  else order = Number(a) - Number(b);
  return ascending ? order : -order;
}

/**
 * Range.sort: reorders the range's rows by the keys, stably. Each row's cells move whole (content, formats,
 * notes, validations); a formula's relative references move with its row, as copying it would move them.
 * Cells filled by an array formula stay: they are the formula's result, not content.
 */
export function sortRange(model: WorkbookModel, sheet: SheetModel, rect: Rect, keys: SortKey[]): void {
  model.requireLive(sheet);
  const values = model.readValues(sheet, rect);
  const order = values.map((_, i) => i);
  order.sort((x, y) => {
    for (const key of keys) {
      const j = key.column - rect.col;
      const c = compareValues(values[x]![j]!, values[y]![j]!, key.ascending);
      if (c !== 0) return c;
    }
    return x - y;
  });
  if (order.every((from, to) => from === to)) return;

  const reader = model.reader;
  const lastRow = model.lastRowResolver(sheet);
  const spilled = (row: number, col: number) =>
    !sheet.cellMeta(row, col)?.formula && reader.isCellPartOfArray(model.address(sheet, row, col));
  type Cell = { input: CellInput; meta: CellMeta | undefined } | "stay";
  const source: Cell[][] = [];
  for (let i = 0; i < rect.numRows; i++) {
    const row = rect.row + i;
    const cells: Cell[] = [];
    for (let j = 0; j < rect.numCols; j++) {
      const col = rect.col + j;
      if (spilled(row, col)) {
        cells.push("stay");
        continue;
      }
      const meta = sheet.cellMeta(row, col);
      const { formula, ...rest } = meta ?? {};
      const kept = Object.keys(rest).length > 0 ? structuredClone(rest) : undefined;
      let input: CellInput;
      if (formula) input = { kind: "formula", text: model.formulaText(sheet, row, col) };
      else {
        const raw = reader.getCellValue(model.address(sheet, row, col));
        input = raw === null || typeof raw === "object" ? { kind: "empty" } : { kind: "value", value: raw };
      }
      cells.push({ input, meta: kept });
    }
    source.push(cells);
  }

  // Formulas get their relative references moved by the rows they travel, as HyperFormula fills them.
  const moved = (input: CellInput, fromRow: number, toRow: number, col: number): CellInput => {
    if (input.kind !== "formula" || fromRow === toRow) return input;
    const from = model.hfRange(sheet, { row: fromRow, col, numRows: 1, numCols: 1 });
    const to = model.hfRange(sheet, { row: toRow, col, numRows: 1, numCols: 1 });
    const text = String(reader.getFillRangeData(from, to)[0]![0]);
    const open = sheet.cellMeta(fromRow, col)?.formula?.open;
    const delta = toRow - fromRow;
    return {
      kind: "formula",
      text: open
        ? reopenRanges(text, (name, endRow) => endRow === lastRow(name) || endRow === lastRow(name) + delta)
        : text,
    };
  };

  const target: { input: CellInput; meta: CellMeta | undefined }[][] = order.map((from, to) =>
    source[from]!.map((cell, j) => {
      if (cell === "stay") return { input: { kind: "empty" }, meta: undefined };
      return { input: moved(cell.input, rect.row + from, rect.row + to, rect.col + j), meta: cell.meta };
    }),
  );
  for (let j = 0; j < rect.numCols; j++) {
    const col = rect.col + j;
    // Runs of rows whose cell at this column is content (not an array's result).
    let runStart = -1;
    const flush = (endExclusive: number) => {
      if (runStart < 0) return;
      const inputs = target.slice(runStart, endExclusive).map((row) => [row[j]!.input]);
      model.writeInputs(sheet, { row: rect.row + runStart, col, numRows: endExclusive - runStart, numCols: 1 }, inputs);
      runStart = -1;
    };
    for (let i = 0; i <= rect.numRows; i++) {
      const stays = i === rect.numRows || source[i]![j] === "stay";
      if (stays) flush(i);
      else if (runStart < 0) runStart = i;
    }
    for (let i = 0; i < rect.numRows; i++) {
      if (source[i]![j] === "stay") continue;
      const row = rect.row + i;
      const formula = sheet.cellMeta(row, col)?.formula;
      const meta = target[i]![j]!.meta;
      sheet.meta[row - 1] ??= [];
      const cells = sheet.meta[row - 1]!;
      cells[col - 1] =
        meta || formula ? { ...(meta ? structuredClone(meta) : {}), ...(formula ? { formula } : {}) } : undefined;
    }
  }
}
