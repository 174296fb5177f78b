/**
 * applyPlan: turns a workbook plan into Sheets calls, batched (design decision
 * 5): per rectangle one call for values and formulas, one for number formats,
 * one for text styles, one for backgrounds; validations of a sheet in one
 * call; conditional formats once per sheet. The number of calls depends on the
 * plan's structure, never on how many days, months of data or leads there are.
 *
 * Cells users type into are read before anything is written and put back
 * where the new layout has them, so a rebuild loses nothing (design decision 7).
 */
import { COLORS } from "../workbook/context";
import { parseA1 } from "../workbook/sheetBuilder";
import type {
  BlockPlan,
  CellSpec,
  ChartPlan,
  ConditionalFormatPlan,
  SheetPlan,
  ValidationPlan,
  ValidationRule,
  WorkbookPlan,
} from "../workbook/types";
import { blockRect, clampRect, contains, parseRect, rectA1, subtract, union, type Rect } from "./rects";
import {
  hasContent,
  inputsOf,
  layoutOf,
  looksHash,
  namedRangeTarget,
  parseRects,
  planHash,
  validatedArea,
  writtenArea,
  type AppliedDocument,
  type StoredLayout,
  type StoredSheet,
} from "./layout";
import { columnLetter } from "../workbook/sheetBuilder";
import { matchTabs, type TabRefusal } from "../reconcile/tabs";
import { decideNamedRanges, sameCells, type NamedRangeRefusal } from "../reconcile/namedRanges";
import type { ResolvedLeadColumns } from "../reconcile/leadColumns";
import { COLUMN_METADATA_KEY, HEADER_METADATA_KEY, TAB_METADATA_KEY } from "../reconcile/snapshot";
import type { MonthState, TabRecord } from "../reconcile/storedState";
import { namedRangeSnapshot, type DocumentSheets, type Found } from "./find";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type TextStyle = GoogleAppsScript.Spreadsheet.TextStyle;

/** Why an operation stops before its first write: each reason names the tab, cells or named range. */
export type Refusal =
  | TabRefusal
  | NamedRangeRefusal
  | { readonly kind: "layoutCoversUserCells"; readonly tab: string; readonly cells: readonly string[] }
  | { readonly kind: "leadHeaderMoved"; readonly tab: string; readonly row: number }
  | { readonly kind: "leadHeaderMissing"; readonly tab: string };

/** Thrown before the first write, so nothing is changed. */
export class Refused extends Error {
  constructor(readonly refusals: readonly Refusal[]) {
    super(refusals.map((refusal) => refusal.kind).join(", "));
  }
}

/**
 * A rebuild's new layout would write over cells users filled on one of the
 * add-on's tabs, outside everything the last build wrote there (e.g. notes
 * beside a table that now grows); thrown before the first write, so nothing
 * is lost and users can move their cells first.
 */
export class LayoutCoversUserCells extends Error {
  constructor(
    readonly tab: string,
    readonly cells: readonly string[],
  ) {
    super(
      `The new layout of "${tab}" needs ${cells.join(", ")}, which hold what users typed. Move those cells, then build again.`,
    );
  }
}

/** A value as users left it: their formula if they wrote one, else the value. */
interface Kept {
  readonly value: unknown;
  readonly formula: string;
}

const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLUMNS = 26;
const DEFAULT_FORMAT = "0.###############";

/**
 * How a value is written with setValues: formulas with "=", every string as
 * literal text behind an apostrophe, so a name such as `=IMPORTXML(…)`, `+49…`
 * or `2026-12` stays exactly what was typed (design decision 8).
 */
export function cellInput(cell: CellSpec | undefined, kept?: Kept): unknown {
  if (kept) {
    if (kept.formula) return kept.formula;
    return typeof kept.value === "string" && kept.value !== "" ? `'${kept.value}` : kept.value;
  }
  if (!cell) return "";
  if (cell.formula !== undefined) return `=${cell.formula}`;
  if (cell.text !== undefined) return cell.text === "" ? "" : `'${cell.text}`;
  if (typeof cell.value === "string") return cell.value === "" ? "" : `'${cell.value}`;
  return cell.value ?? "";
}

function rangeOf(sheet: Sheet, rect: Rect): GoogleAppsScript.Spreadsheet.Range {
  return sheet.getRange(rect.top, rect.left, rect.bottom - rect.top + 1, rect.right - rect.left + 1);
}

/** What a tab holds now, read with one getValues and one getFormulas over everything the old and new plans place. */
interface Contents {
  readonly rect: Rect;
  readonly values: unknown[][];
  readonly formulas: string[][];
}

/**
 * Reads a rectangle of a tab. When the tab is smaller (users removed rows or
 * columns) what is left is read, and `fits` says the rectangle didn't fit.
 */
function readContents(
  sheet: Sheet,
  rect: Rect,
  size: () => { rows: number; columns: number },
): { contents: Contents | undefined; fits: boolean } {
  let clamped: Rect | undefined = rect;
  let range: GoogleAppsScript.Spreadsheet.Range;
  try {
    range = rangeOf(sheet, rect);
  } catch {
    clamped = clampRect(rect, size());
    if (!clamped) return { contents: undefined, fits: false };
    range = rangeOf(sheet, clamped);
  }
  return {
    contents: { rect: clamped, values: range.getValues(), formulas: range.getFormulas() },
    fits: clamped === rect,
  };
}

/**
 * What of the last build's cells and validations the new layout no longer
 * covers: blanked with one RangeList.clear(), so the rest of the tab, where
 * users may keep their own notes, is never touched. Undefined when the stored
 * layout has no written area (`area`), so what it wrote is unknown.
 */
export function leftovers(
  stored: StoredSheet | undefined,
  plan: SheetPlan,
): { content: Rect[]; looks: Rect[]; validations: Rect[] } | undefined {
  if (stored?.area === undefined) return undefined;
  const pieces = (before: string | undefined, after: Rect | undefined): Rect[] => {
    if (before === undefined) return [];
    const old = parseRect(before);
    return after ? subtract(old, after) : [old];
  };
  const validated = pieces(stored.validated, validatedArea(plan));
  if (stored.cells === undefined)
    return { content: [...pieces(stored.area, writtenArea(plan)), ...validated], looks: [], validations: [] };
  // Only the cells the last build wrote, less the new blocks (which write every cell they cover again);
  // the validations' rectangle may hold users' notes between them, so there only validations go.
  const blocks = plan.blocks.map(blockRect).filter((rect): rect is Rect => rect !== undefined);
  const content = parseRects(stored.cells).flatMap((rect) =>
    blocks.reduce<Rect[]>((rest, block) => rest.flatMap((piece) => subtract(piece, block)), [rect]),
  );
  // Where the old layout reached and the new one doesn't, its colours go; values there stay.
  return { content, looks: pieces(stored.area, writtenArea(plan)), validations: validated };
}

function cellOf(contents: Contents, row: number, column: number): Kept | undefined {
  if (!contains(contents.rect, row, column)) return undefined;
  const value = contents.values[row - contents.rect.top]?.[column - contents.rect.left];
  const formula = contents.formulas[row - contents.rect.top]?.[column - contents.rect.left] ?? "";
  return value === undefined ? undefined : { value, formula };
}

/**
 * The values users typed into the previous layout's input cells, by key. A
 * cell's value stays under its fallback key only while no other key of that
 * cell is planned again: a requirement that moved takes its counts along,
 * and only a reworded one finds them by its place.
 */
function keptInputs(
  contents: Contents | undefined,
  inputs: Readonly<Record<string, string>>,
  plannedKeys?: ReadonlySet<string>,
): Map<string, Kept> {
  const kept = new Map<string, Kept>();
  if (!contents) return kept;
  const stillPlanned = new Set(
    Object.entries(inputs)
      .filter(([key]) => plannedKeys?.has(key))
      .map(([, address]) => address),
  );
  for (const [key, address] of Object.entries(inputs)) {
    if (plannedKeys && !plannedKeys.has(key) && stillPlanned.has(address)) continue;
    const { row, column } = parseA1(address);
    const cell = cellOf(contents, row, column);
    if (!cell || (cell.value === "" && cell.formula === "")) continue;
    kept.set(key, cell);
  }
  return kept;
}

/** A fallback key names a place in a family of cells: `req#2|2026-12` is place 2 of `req#|2026-12`. */
function familyOf(key: string): { family: string; place: number } | undefined {
  const match = /^(.*)#(\d+)(.*)$/.exec(key);
  return match ? { family: `${match[1]}#${match[3]}`, place: Number(match[2]) } : undefined;
}

/**
 * Cells whose key is new (a reworded requirement) take the values that old
 * keys of the same family left without a planned cell, in order of place:
 * a requirement reworded and moved in one build keeps its counts too.
 */
function pairReworded(plan: SheetPlan, kept: Map<string, Kept>): Map<string, Kept> {
  const newcomers = new Map<string, { key: string; place: number }[]>();
  for (const block of plan.blocks) {
    for (const line of block.cells) {
      for (const cell of line) {
        const fallback = cell?.input?.fallbackKey;
        if (!cell?.input || !fallback || kept.has(cell.input.key)) continue;
        const family = familyOf(fallback);
        if (family)
          newcomers.set(family.family, [
            ...(newcomers.get(family.family) ?? []),
            { key: cell.input.key, place: family.place },
          ]);
      }
    }
  }
  if (newcomers.size === 0) return kept;
  const orphans = new Map<string, { value: Kept; place: number }[]>();
  for (const [key, value] of kept) {
    const family = familyOf(key);
    if (family && newcomers.has(family.family))
      orphans.set(family.family, [...(orphans.get(family.family) ?? []), { value, place: family.place }]);
  }
  const paired = new Map(kept);
  for (const [family, cells] of newcomers) {
    const left = (orphans.get(family) ?? []).sort((a, b) => a.place - b.place);
    cells
      .sort((a, b) => a.place - b.place)
      .forEach((cell, index) => {
        const orphan = left[index];
        if (orphan) paired.set(cell.key, orphan.value);
      });
  }
  return paired;
}

/** The input keys a tab's plan places, fallback keys left out. */
function primaryKeys(plan: SheetPlan): Set<string> {
  const keys = new Set<string>();
  for (const block of plan.blocks)
    for (const line of block.cells) for (const cell of line) if (cell?.input) keys.add(cell.input.key);
  return keys;
}

/** What a formula shows when a name it uses (a named range) is gone. */
const NAME_ERROR = "#NAME?";

/** Whether any formula on the tab shows a missing name. */
function showsNameError(contents: Contents | undefined): boolean {
  return (
    contents?.values.some((line, row) =>
      line.some((value, column) => value === NAME_ERROR && contents.formulas[row]?.[column] !== ""),
    ) ?? false
  );
}

/** Formula text as compared: Sheets may drop quotes around sheet names, change spacing or letter case. */
function normalFormula(formula: string): string {
  return formula.replace(/[\s']/g, "").toUpperCase();
}

/**
 * Whether a tab still shows what its plan wrote: every formula and every
 * label in place. Cells users type into are theirs and not compared.
 */
function intact(plan: SheetPlan, contents: Contents | undefined): boolean {
  for (const block of plan.blocks) {
    for (let r = 0; r < block.cells.length; r++) {
      const line = block.cells[r] ?? [];
      for (let c = 0; c < line.length; c++) {
        const cell = line[c];
        if (!cell || cell.input) continue;
        const expected = cell.formula !== undefined ? `=${cell.formula}` : (cell.text ?? cell.value);
        if (expected === undefined) continue;
        const now = contents && cellOf(contents, block.row + r, block.column + c);
        if (!now) return false;
        if (cell.formula !== undefined) {
          if (normalFormula(now.formula) !== normalFormula(expected as string) || now.value === NAME_ERROR)
            return false;
        } else if (now.formula !== "" || (now.value !== expected && String(now.value) !== String(expected)))
          return false;
      }
    }
  }
  return true;
}

export interface ApplyResult extends AppliedDocument {
  readonly sheetsCreated: number;
  readonly sheetsUpdated: number;
  /** Tabs an earlier build made and this plan no longer has, whose users' cells were written where the plan has them now. */
  readonly carriedFrom: readonly string[];
  /** Tabs whose plan was unchanged and found intact, so nothing on them was written. */
  readonly sheetsKept: number;
  /** What the build wrote where, as its tabs' records say it and the stored state keeps it. */
  readonly layout: StoredLayout;
}

interface Target {
  readonly sheetPlan: SheetPlan;
  readonly stored: StoredSheet | undefined;
  readonly existing: Sheet | null;
  /** The tab's name now, when it exists. */
  readonly name: string | undefined;
}

export interface ApplyOptions {
  /** Where the lead log's columns are, and which of them get their metadata now. */
  readonly leadColumns?: ResolvedLeadColumns;
  /** The lead log's header row gets its metadata now (a new log, or one built before metadata). */
  readonly tagHeader?: boolean;
  /** The month tabs' states, recorded on each month tab. */
  readonly months?: readonly MonthState[];
  /** The key of the tab to show when the plan is written. */
  readonly activate?: string;
  /** A users' tab found empty before the first write, removed once the plan's tabs exist (defaultTabToRemove). */
  readonly removeTab?: Sheet;
}

/** Whether a cell as read holds anything: a formula or a value. */
function holdsSomething(cell: Kept | undefined): cell is Kept {
  return cell !== undefined && (cell.formula !== "" || (cell.value !== "" && cell.value !== null));
}

/**
 * What users put into cells a plan gives no content (blanks between its
 * blocks, empty cells of its tables) where the last build wrote nothing:
 * written back as it is, so a rebuild keeps it.
 */
function usersBlanks(plan: SheetPlan, ours: readonly Rect[], contents: Contents | undefined): Map<string, Kept> {
  const kept = new Map<string, Kept>();
  if (!contents) return kept;
  for (const block of plan.blocks) {
    block.cells.forEach((line, rowOffset) => {
      for (let columnOffset = 0; columnOffset < line.length; columnOffset++) {
        if (hasContent(line[columnOffset])) continue;
        const row = block.row + rowOffset;
        const column = block.column + columnOffset;
        if (ours.some((area) => contains(area, row, column))) continue;
        const cell = cellOf(contents, row, column);
        if (holdsSomething(cell)) kept.set(`${row}:${column}`, cell);
      }
    });
  }
  return kept;
}

/**
 * The cells a rewrite of an existing tab would write (every cell of each
 * block but users' input cells) that lie outside `ours`, what the last build
 * wrote there, and are not empty: users' own.
 */
function userCellsInTheWay(
  plan: SheetPlan,
  ours: readonly Rect[],
  contents: Contents | undefined,
  precise: boolean,
  knowsSpills: boolean,
): string[] {
  if (!contents) return [];
  const found: string[] = [];
  for (const block of plan.blocks) {
    const rect = blockRect(block);
    if (!rect) continue;
    for (let row = rect.top; row <= rect.bottom; row++) {
      for (let column = rect.left; column <= rect.right; column++) {
        const planned = block.cells[row - block.row]?.[column - block.column];
        // Users' input cells are read and put back; a blank between blocks keeps what users put there.
        if (planned?.input || (precise && !hasContent(planned))) continue;
        // A record without `spills` may leave out cells formulas filled, whose results read like typing: a cell the
        // new layout fills is taken as such a result.
        if (planned?.filled && !knowsSpills) continue;
        if (ours.some((area) => contains(area, row, column))) continue;
        const cell = cellOf(contents, row, column);
        if (holdsSomething(cell)) found.push(rectA1({ top: row, left: column, bottom: row, right: column }));
      }
    }
  }
  return found;
}

/** A tab an earlier build made that this plan no longer has, with what users typed on it. */
interface RetiredTab {
  readonly name: string;
  readonly kept: Map<string, Kept>;
}

/**
 * Tabs an earlier build made whose input cells this plan places on another
 * tab (a Ledger tab holding the misses ledger, which the plan places at the
 * end of the Agreement tab): what users typed there is read, to be put back where
 * the plan has it now. Only read when the plan has such keys, so an ordinary
 * rebuild spares the calls. The tab itself stays as it is: users' own
 * formulas may refer to it, and deleting it would turn them into #REF!.
 */
function retiredTabs(sheets: DocumentSheets, plan: WorkbookPlan, previous: StoredLayout | undefined): RetiredTab[] {
  const planned = new Set(plan.sheets.map((sheet) => sheet.key));
  const gone = Object.entries(previous?.sheets ?? {}).filter(([key]) => !planned.has(key));
  // Every rebuild comes here: the plan's input cells (the lead log's alone run to tens of thousands) are only collected when a tab is gone.
  if (gone.length === 0) return [];
  const plannedInputs = new Set(plan.sheets.flatMap((sheet) => Object.keys(inputsOf(sheet))));
  const retired: RetiredTab[] = [];
  for (const [, stored] of gone) {
    if (!Object.keys(stored.inputs).some((input) => plannedInputs.has(input))) continue;
    const sheet = sheets.byId(stored.id);
    const whole = union(Object.values(stored.inputs).map(parseRect));
    if (!sheet || !whole) continue;
    const { contents } = readContents(sheet, whole, () => sheets.size(sheet));
    retired.push({ name: sheet.getName(), kept: keptInputs(contents, stored.inputs) });
  }
  return retired;
}

/** A tab of the plan with what was read of it before the first write. */
interface ReadTarget extends Target {
  /** Whether the tab is written: false when its plan is unchanged and it is found intact. */
  readonly rewrite: boolean;
  /** What users typed into the plan's input cells, by key, to be put back. */
  readonly kept: Map<string, Kept>;
  /** What users put into cells the plan leaves blank, by "row:column", to be put back. */
  readonly blanks: Map<string, Kept>;
  /** The tab's charts, removed before it is rewritten. */
  readonly charts: GoogleAppsScript.Spreadsheet.EmbeddedChart[];
  /** Whether the read of everything the plan needs fitted the tab, so its size need not be asked. */
  readonly fits: boolean;
}

/** Everything read and decided before the first write. */
interface Reading {
  readonly targets: readonly ReadTarget[];
  readonly retired: readonly RetiredTab[];
  /** Input keys whose values come from a retired tab. */
  readonly carriedKeys: ReadonlySet<string>;
  /** A formula shows #NAME?: a named range is gone. */
  readonly missingName: boolean;
}

/** What the writes placed: each planned tab by key, with its id. */
interface Written {
  readonly placed: Map<string, Sheet>;
  readonly sheetIds: Record<string, number>;
  readonly created: number;
  readonly kept: number;
  /** The lead log's row count after the write, when its size was read. */
  readonly leadRows: number | undefined;
}

/**
 * Applies a plan. Everything is read and decided before the first write:
 * which tabs exist, what users typed, which tabs are unchanged and intact,
 * which named ranges must be created or moved.
 */
export function applyPlan(
  plan: WorkbookPlan,
  found: Found,
  previous: StoredLayout | undefined,
  options: ApplyOptions = {},
): ApplyResult {
  const spreadsheet = found.sheets.spreadsheet;
  const reading = readTargets(plan, found, previous);
  const namedRanges = namedRangeWork(plan, found, previous, reading);
  // First write.
  const written = writeTargets(found.sheets, reading.targets);
  const namedRangeCount = applyNamedRanges(spreadsheet, namedRanges, written.leadRows);
  const layout = layoutOf(plan, { sheetIds: written.sheetIds, namedRangeCount });
  finishTabs(found, reading.targets, written.placed, layout, options);
  const carriedFrom = reading.retired
    .filter((tab) => [...tab.kept.keys()].some((key) => reading.carriedKeys.has(key)))
    .map((tab) => tab.name);
  return {
    sheetsCreated: written.created,
    sheetsUpdated: plan.sheets.length - written.created - written.kept,
    sheetsKept: written.kept,
    sheetIds: written.sheetIds,
    namedRangeCount,
    carriedFrom,
    layout,
  };
}

/** Each planned tab matched to the document's tab it is written to, if any; refuses when the tabs can't be told apart. */
function matchedTargets(plan: WorkbookPlan, found: Found, previous: StoredLayout | undefined): Target[] {
  const matched = matchTabs(plan.sheets, found.snapshot, previous);
  if (matched.refusals.length > 0) throw new Refused(matched.refusals);
  const matchOf = new Map(matched.matches.map((match) => [match.key, match]));
  return plan.sheets.map((sheetPlan) => {
    const match = matchOf.get(sheetPlan.key);
    const existing = match?.tab ? (found.sheets.byId(match.tab.id) ?? null) : null;
    return { sheetPlan, stored: match?.stored, existing, name: match?.tab?.name };
  });
}

/** Reads every planned tab that exists; refuses when a rewrite would cover users' cells. */
function readTargets(plan: WorkbookPlan, found: Found, previous: StoredLayout | undefined): Reading {
  const planned = matchedTargets(plan, found, previous);
  const retired = retiredTabs(found.sheets, plan, previous);
  // What users typed on a retired tab, for the tab that has those cells now; a tab's own inputs come first.
  const moved = new Map(retired.flatMap((tab) => [...tab.kept]));
  const carriedKeys = new Set<string>();
  const inTheWay: Refusal[] = [];
  let missingName = false;
  const targets = planned.map((target): ReadTarget => {
    const { existing } = target;
    if (!existing) {
      return { ...target, rewrite: true, kept: new Map(moved), blanks: new Map(), charts: [], fits: true };
    }
    // The lead log keeps its rows and only gets its frame (header, calculated columns, formats, rules) rewritten; its size was read with it.
    if (target.sheetPlan.rowsOfUsers) {
      return { ...target, rewrite: true, kept: new Map(), blanks: new Map(), charts: [], fits: false };
    }
    const read = readExistingTab(target, existing, found.sheets, moved);
    for (const key of read.receiving) carriedKeys.add(key);
    if (read.showsNameError) missingName = true;
    if (read.inTheWay) inTheWay.push(read.inTheWay);
    return read.target;
  });
  if (inTheWay.length > 0) throw new Refused(inTheWay);
  return { targets, retired, carriedKeys, missingName };
}

/**
 * Reads an existing tab (not the lead log) with one getValues and one getFormulas over
 * what the old and new plans place, and its charts when it may have any; decides whether
 * it is rewritten, what users typed is put back, and whether users' cells are in the way.
 */
function readExistingTab(
  target: Target,
  existing: Sheet,
  sheets: DocumentSheets,
  moved: ReadonlyMap<string, Kept>,
): { target: ReadTarget; receiving: string[]; showsNameError: boolean; inTheWay: Refusal | undefined } {
  const { sheetPlan, stored } = target;
  const inputs = stored?.inputs ?? {};
  const inputRects = Object.values(inputs).map(parseRect);
  const planned = writtenArea(sheetPlan);
  // Up to the rows and columns the plan needs and the last build wrote: when that read fits, the tab is
  // known to hold all of them without asking its size.
  const needed: Rect = { top: 1, left: 1, bottom: sheetPlan.minRows, right: sheetPlan.minColumns };
  const written = [stored?.area, stored?.validated].filter((area): area is string => area !== undefined).map(parseRect);
  // Exactly the cells the last build wrote, where its record says: blanks between them may be users'.
  const exact = stored?.cells === undefined ? undefined : parseRects(stored.cells);
  const { contents, fits } = readContents(
    existing,
    union([...(planned ? [planned] : []), ...inputRects, ...written, needed]) ?? needed,
    () => sheets.size(existing),
  );
  const hadCharts = stored?.charts === undefined || stored.charts > 0 || sheetPlan.charts.length > 0;
  const charts = hadCharts ? existing.getCharts() : [];
  // Carried once: a key this tab's last build already placed is the tab's own from then on.
  const carried = new Map([...moved].filter(([key]) => stored?.inputs[key] === undefined));
  const receiving = carried.size === 0 ? [] : Object.keys(inputsOf(sheetPlan)).filter((key) => carried.has(key));
  const unchanged =
    receiving.length === 0 &&
    stored?.hash !== undefined &&
    stored.hash === planHash(sheetPlan) &&
    charts.length === sheetPlan.charts.length &&
    intact(sheetPlan, contents);
  let inTheWay: Refusal | undefined;
  // A layout stored without its written area can't tell users' cells from the add-on's.
  if (!unchanged && stored?.area !== undefined) {
    const cells = userCellsInTheWay(
      sheetPlan,
      exact ?? written,
      contents,
      exact !== undefined,
      stored?.spills === true,
    );
    if (cells.length > 0) inTheWay = { kind: "layoutCoversUserCells", tab: target.name ?? sheetPlan.name, cells };
  }
  return {
    target: {
      ...target,
      rewrite: !unchanged,
      kept: pairReworded(sheetPlan, new Map([...carried, ...keptInputs(contents, inputs, primaryKeys(sheetPlan))])),
      blanks: exact ? usersBlanks(sheetPlan, exact, contents) : new Map<string, Kept>(),
      charts,
      fits,
    },
    receiving,
    showsNameError: showsNameError(contents),
    inTheWay,
  };
}

/** Which named ranges to create or move. A formula showing #NAME? means a named range is gone: then every name is read, not taken from the layout. */
function namedRangeWork(
  plan: WorkbookPlan,
  found: Found,
  previous: StoredLayout | undefined,
  reading: Reading,
): NamedRangeWork {
  const ourTabs = new Map(
    reading.targets
      .filter((target) => target.existing)
      .map((target) => [target.sheetPlan.key, target.existing!.getSheetId()]),
  );
  return planNamedRanges(
    found.sheets.spreadsheet,
    plan,
    previous,
    !reading.missingName,
    ourTabs,
    (id) => found.snapshot.tabs.find((tab) => tab.id === id)?.name,
  );
}

/** Creates or renames each planned tab in plan order, and rewrites those that changed. */
function writeTargets(sheets: DocumentSheets, targets: readonly ReadTarget[]): Written {
  const styles = new Map<string, TextStyle>();
  let sheetCount = sheets.all.length;
  const sheetIds: Record<string, number> = {};
  const placed = new Map<string, Sheet>();
  let created = 0;
  let kept = 0;
  let leadRows: number | undefined;
  targets.forEach((target, index) => {
    const { sheetPlan, existing, name } = target;
    let sheet: Sheet;
    if (existing) {
      sheet = existing;
      if (name !== sheetPlan.name) sheet.setName(sheetPlan.name);
    } else {
      sheet = sheets.spreadsheet.insertSheet(sheetPlan.name, Math.min(index, sheetCount));
      sheetCount += 1;
      created += 1;
    }
    sheetIds[sheetPlan.key] = sheet.getSheetId();
    placed.set(sheetPlan.key, sheet);
    if (!target.rewrite) {
      kept += 1;
      return;
    }
    leadRows = rewriteTab(sheet, target, sheets, styles) ?? leadRows;
  });
  return { placed, sheetIds, created, kept, leadRows };
}

/**
 * Rewrites one tab: clears what the last build wrote and the plan no longer covers, grows
 * the tab to the plan's size and writes the plan. Answers the lead log's row count after
 * the write when its size was read.
 */
function rewriteTab(
  sheet: Sheet,
  target: ReadTarget,
  sheets: DocumentSheets,
  styles: Map<string, TextStyle>,
): number | undefined {
  const { sheetPlan, existing, stored } = target;
  // Undefined when the tab is known to be big enough: the read of what the plan needs fitted.
  const size = !existing
    ? { rows: NEW_SHEET_ROWS, columns: NEW_SHEET_COLUMNS }
    : target.fits
      ? undefined
      : sheets.size(sheet);
  // Nothing cleared the cells the plan writes again: every property is written over them.
  const complete = existing !== null && !sheetPlan.rowsOfUsers;
  if (complete) {
    clearLeftovers(sheet, leftovers(stored, sheetPlan), size);
    for (const chart of target.charts) sheet.removeChart(chart);
  }
  if (size && size.rows < sheetPlan.minRows) sheet.insertRowsAfter(size.rows, sheetPlan.minRows - size.rows);
  if (size && size.columns < sheetPlan.minColumns)
    sheet.insertColumnsAfter(size.columns, sheetPlan.minColumns - size.columns);
  writeSheet(
    sheet,
    sheetPlan,
    target.kept,
    target.blanks,
    styles,
    existing ? stored : undefined,
    existing !== null,
    complete,
  );
  return sheetPlan.rowsOfUsers && size ? Math.max(size.rows, sheetPlan.minRows) : undefined;
}

/**
 * Clears what the last build wrote and the plan no longer covers: its cells, validations and
 * colours, one RangeList each. A record that doesn't say what the last build wrote (`left`
 * undefined) clears nothing: the cells beside the plan may be users'.
 */
function clearLeftovers(
  sheet: Sheet,
  left: ReturnType<typeof leftovers>,
  size: { rows: number; columns: number } | undefined,
): void {
  if (!left) return;
  // Rows or columns users removed are gone already; only what is left of them is cleared.
  const present = (rects: Rect[]): Rect[] =>
    size ? rects.map((rect) => clampRect(rect, size)).filter((rect): rect is Rect => rect !== undefined) : rects;
  const content = present(left.content);
  const validations = present(left.validations);
  if (content.length > 0) sheet.getRangeList(content.map(rectA1)).clear();
  if (validations.length > 0) sheet.getRangeList(validations.map(rectA1)).clear({ validationsOnly: true });
  const looks = present(left.looks);
  if (looks.length > 0) sheet.getRangeList(looks.map(rectA1)).clear({ formatOnly: true });
}

/** Records each tab, tags the lead log's columns and header, shows the tab asked for and removes the empty default tab. */
function finishTabs(
  found: Found,
  targets: readonly ReadTarget[],
  placed: ReadonlyMap<string, Sheet>,
  layout: StoredLayout,
  options: ApplyOptions,
): void {
  for (const target of targets)
    recordTab(found, placed.get(target.sheetPlan.key)!, target, layout.sheets[target.sheetPlan.key], options.months);
  const leadLog = placed.get("leads");
  if (leadLog && options.leadColumns) tagLeadColumns(leadLog, options.leadColumns);
  if (leadLog && options.tagHeader) leadLog.getRange("1:1").addDeveloperMetadata(HEADER_METADATA_KEY);
  if (options.activate) placed.get(options.activate)?.activate();
  if (options.removeTab && placed.size > 0) found.sheets.spreadsheet.deleteSheet(options.removeTab);
}

/** Metadata values stay well below what Sheets keeps per location; a longer record lives in the stored state only. */
const RECORD_LIMIT = 20_000;

/** The tab's record as its `sla.tab` metadata holds it: written on a new tab, updated when it changed. */
function recordTab(
  found: Found,
  sheet: Sheet,
  target: Pick<Target, "sheetPlan">,
  stored: StoredSheet | undefined,
  months: readonly MonthState[] | undefined,
): void {
  const key = target.sheetPlan.key;
  const month = key.startsWith("month:") ? months?.find((state) => `month:${state.month}` === key) : undefined;
  const { name: _name, id: _id, ...sheetRecord } = stored ?? { name: "", inputs: {} };
  let record: TabRecord = { key, ...(stored ? { sheet: sheetRecord } : {}), ...(month ? { month } : {}) };
  if (JSON.stringify(record).length > RECORD_LIMIT) record = { key, ...(month ? { month } : {}) };
  const value = JSON.stringify(record);
  const existing = found.tabMetadata.get(sheet.getSheetId());
  if (!existing) sheet.addDeveloperMetadata(TAB_METADATA_KEY, value);
  else if (existing.value !== value) existing.metadata.setValue(value);
}

/** Each of the add-on's lead-log columns carries its key as metadata, which moves with the column. */
function tagLeadColumns(sheet: Sheet, resolved: ResolvedLeadColumns): void {
  for (const key of resolved.untagged) {
    const letter = columnLetter(resolved.columns[key]);
    sheet.getRange(`${letter}:${letter}`).addDeveloperMetadata(COLUMN_METADATA_KEY, key);
  }
}

function sameWidths(a: SheetPlan["columnWidths"], b: SheetPlan["columnWidths"]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Number formats of a tab in one call when its blocks and input area tile one rectangle. */
function writeFormats(sheet: Sheet, plan: SheetPlan): void {
  const areas: { rect: Rect; format: (row: number, column: number) => string }[] = [];
  for (const block of plan.blocks) {
    const rect = blockRect(block);
    if (rect)
      areas.push({
        rect,
        format: (row, column) => block.cells[row - block.row]?.[column - block.column]?.format ?? DEFAULT_FORMAT,
      });
  }
  for (const input of plan.inputFormats ?? []) {
    if (input.rows <= 0 || input.cells.length === 0) continue;
    areas.push({
      rect: {
        top: input.row,
        left: input.column,
        bottom: input.row + input.rows - 1,
        right: input.column + input.cells.length - 1,
      },
      format: (_row, column) => input.cells[column - input.column]?.format ?? DEFAULT_FORMAT,
    });
  }
  const whole = union(areas.map((area) => area.rect));
  if (!whole) return;
  const cellCount = (rect: Rect): number => (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
  const tiles = areas.reduce((sum, area) => sum + cellCount(area.rect), 0) === cellCount(whole);
  const write = (rect: Rect, format: (row: number, column: number) => string): void => {
    const grid: string[][] = [];
    for (let row = rect.top; row <= rect.bottom; row++) {
      const line: string[] = [];
      for (let column = rect.left; column <= rect.right; column++) line.push(format(row, column));
      grid.push(line);
    }
    rangeOf(sheet, rect).setNumberFormats(grid);
  };
  if (!tiles || areas.length === 1) {
    for (const area of areas) write(area.rect, area.format);
    return;
  }
  // Areas don't overlap (the planner refuses two things in one cell), so equal cell counts mean they tile the rectangle.
  write(
    whole,
    (row, column) => areas.find((area) => contains(area.rect, row, column))?.format(row, column) ?? DEFAULT_FORMAT,
  );
}

/**
 * A plan's blocks as one rectangle, the cells between them blank: on a new
 * tab there is nothing between them to keep, and one rectangle costs one
 * call per property instead of one per block.
 */
export function mergedBlock(blocks: readonly BlockPlan[]): BlockPlan | undefined {
  const placed = blocks
    .map((block) => ({ block, rect: blockRect(block) }))
    .filter((item): item is { block: BlockPlan; rect: Rect } => item.rect !== undefined);
  const whole = union(placed.map((item) => item.rect));
  if (!whole) return undefined;
  const cells: (CellSpec | undefined)[][] = [];
  for (let row = whole.top; row <= whole.bottom; row++) {
    const line: (CellSpec | undefined)[] = [];
    for (let column = whole.left; column <= whole.right; column++) {
      const item = placed.find(({ rect }) => contains(rect, row, column));
      line.push(item?.block.cells[row - item.block.row]?.[column - item.block.column]);
    }
    cells.push(line);
  }
  return { row: whole.top, column: whole.left, cells };
}

/** Whether two rectangles share a cell. */
function overlaps(a: Rect, b: Rect): boolean {
  return !(a.right < b.left || b.right < a.left || a.bottom < b.top || b.bottom < a.top);
}

/**
 * Conditional-format rules users made on one of the add-on's tabs: those with
 * a range wholly outside the add-on's cells (its columns, on a log).
 */
function usersRules(
  sheet: Sheet,
  plan: SheetPlan,
  stored: StoredSheet | undefined,
): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
  const blocks = plan.blocks.map(blockRect).filter((rect): rect is Rect => rect !== undefined);
  const ours = plan.rowsOfUsers
    ? blocks.map((rect) => ({ ...rect, top: 1, bottom: Number.MAX_SAFE_INTEGER }))
    : [
        ...blocks,
        ...[stored?.area, stored?.validated].filter((area): area is string => area !== undefined).map(parseRect),
        ...[validatedArea(plan)].filter((rect): rect is Rect => rect !== undefined),
      ];
  return sheet.getConditionalFormatRules().filter((rule) =>
    rule.getRanges().some((range) => {
      const rect = {
        top: range.getRow(),
        left: range.getColumn(),
        bottom: range.getRow() + range.getNumRows() - 1,
        right: range.getColumn() + range.getNumColumns() - 1,
      };
      return !ours.some((area) => overlaps(area, rect));
    }),
  );
}

function writeSheet(
  sheet: Sheet,
  plan: SheetPlan,
  kept: ReadonlyMap<string, Kept>,
  blanks: ReadonlyMap<string, Kept>,
  styles: Map<string, TextStyle>,
  stored: StoredSheet | undefined,
  existed: boolean,
  complete: boolean,
): void {
  // On a tab that existed, the cells between blocks may be users' (the lead log's rows): each block is written alone.
  const merged =
    existed || plan.blocks.length < 2
      ? plan.blocks
      : [mergedBlock(plan.blocks)].filter((block): block is BlockPlan => block !== undefined);
  // Fixed looks are cell formats, written where the plan's looks changed since the last build (looksHash):
  // a header users restyled keeps their style while its place and look in the plan stay the same.
  const looks: Looks = existed && stored?.looks === looksHash(plan) ? "kept" : "cells";
  for (const block of merged) writeBlock(sheet, block, kept, blanks, styles, complete, looks);
  writeFormats(sheet, plan);
  // Widths and frozen panes survive clear(): set on a new tab, or where the plan changed them since the last
  // build, so widths users adjusted stay. A layout stored without a frame: widths set again, panes kept.
  const before = frameFrom(stored?.frame);
  const frozenRows = existed ? before !== undefined && before[1] !== plan.frozenRows : plan.frozenRows > 0;
  const frozenColumns = existed ? before !== undefined && before[2] !== plan.frozenColumns : plan.frozenColumns > 0;
  if (frozenRows) sheet.setFrozenRows(plan.frozenRows);
  if (frozenColumns) sheet.setFrozenColumns(plan.frozenColumns);
  if (!existed || !before || !sameWidths(before[0], plan.columnWidths)) {
    for (const width of plan.columnWidths) sheet.setColumnWidths(width.column, width.count, width.width);
  }
  writeValidations(sheet, plan.validations);
  // The call replaces every rule of the tab: users' own rules go back in after the add-on's.
  const theirs = existed ? usersRules(sheet, plan, stored) : [];
  if (plan.conditionalFormats.length > 0 || existed)
    sheet.setConditionalFormatRules([
      ...plan.conditionalFormats.map((rule) => conditionalRule(sheet, rule)),
      ...theirs,
    ]);
  for (const chart of plan.charts) sheet.insertChart(buildChart(sheet, chart));
}

/** Column widths and frozen panes as the last build recorded them; undefined when the record can't be read. */
function frameFrom(text: string | undefined): [SheetPlan["columnWidths"], number, number] | undefined {
  if (text === undefined) return undefined;
  try {
    const frame = JSON.parse(text) as unknown;
    if (
      Array.isArray(frame) &&
      frame.length === 3 &&
      Array.isArray(frame[0]) &&
      typeof frame[1] === "number" &&
      typeof frame[2] === "number"
    ) {
      return frame as [SheetPlan["columnWidths"], number, number];
    }
  } catch {
    // A record edited by hand: the frame is set again.
  }
  return undefined;
}

/** A block's colours, text styles and wraps: written as cell formats, or kept as the tab has them. */
type Looks = "cells" | "kept";

/** `complete`: write text styles, backgrounds and wraps even where the block sets none, over what an earlier build left. */
function writeBlock(
  sheet: Sheet,
  block: BlockPlan,
  kept: ReadonlyMap<string, Kept>,
  blanks: ReadonlyMap<string, Kept>,
  styles: Map<string, TextStyle>,
  complete: boolean,
  looks: Looks,
): void {
  const rows = block.cells.length;
  const columns = block.cells[0]?.length ?? 0;
  if (rows === 0 || columns === 0) return;
  const range = sheet.getRange(block.row, block.column, rows, columns);
  let anyBackground = complete;
  let anyStyle = complete;
  let anyWrap = complete;
  const values = block.cells.map((line, rowOffset) =>
    line.map((cell, columnOffset) => {
      if (cell?.background) anyBackground = true;
      if (cell?.bold || cell?.italic || cell?.color) anyStyle = true;
      if (cell?.wrap) anyWrap = true;
      const previous = cell?.input
        ? kept.get(cell.input.key)
        : !hasContent(cell)
          ? blanks.get(`${block.row + rowOffset}:${block.column + columnOffset}`)
          : undefined;
      return cellInput(cell, previous);
    }),
  );
  range.setValues(values);
  if (looks === "kept") return;
  if (anyStyle) range.setTextStyles(block.cells.map((line) => line.map((cell) => textStyle(styles, cell))));
  if (anyBackground) range.setBackgrounds(block.cells.map((line) => line.map((cell) => cell?.background ?? "#ffffff")));
  if (anyWrap) range.setWraps(block.cells.map((line) => line.map((cell) => cell?.wrap ?? false)));
}

function textStyle(styles: Map<string, TextStyle>, cell: CellSpec | undefined): TextStyle {
  const bold = cell?.bold ?? false;
  const italic = cell?.italic ?? false;
  const color = cell?.color ?? "#000000";
  const key = `${bold}|${italic}|${color}`;
  let style = styles.get(key);
  if (!style) {
    style = SpreadsheetApp.newTextStyle().setBold(bold).setItalic(italic).setForegroundColor(color).build();
    styles.set(key, style);
  }
  return style;
}

function validationRule(rule: ValidationRule, helpText: string): GoogleAppsScript.Spreadsheet.DataValidation {
  const builder = SpreadsheetApp.newDataValidation();
  switch (rule.kind) {
    case "list":
      builder.requireValueInList([...rule.values], true).setAllowInvalid(!rule.strict);
      break;
    case "date":
      builder.requireDate().setAllowInvalid(false);
      break;
    case "numberAtLeast":
      builder.requireNumberGreaterThanOrEqualTo(rule.min).setAllowInvalid(false);
      break;
    case "numberBetween":
      builder.requireNumberBetween(rule.min, rule.max).setAllowInvalid(false);
      break;
    case "checkbox":
      builder.requireCheckbox();
      break;
  }
  return builder.setHelpText(helpText).build();
}

/** All validations of a sheet in one call over their bounding rectangle. */
function writeValidations(sheet: Sheet, validations: readonly ValidationPlan[]): void {
  const areas = validations.map((validation) => ({
    rect: parseRect(validation.range),
    rule: validationRule(validation.rule, validation.helpText),
  }));
  // The same rectangle the layout stores as what the validations cover (validatedArea).
  const whole = union(areas.map((area) => area.rect));
  if (!whole) return;
  const grid: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] = Array.from(
    { length: whole.bottom - whole.top + 1 },
    () => new Array(whole.right - whole.left + 1).fill(null),
  );
  for (const { rect, rule } of areas) {
    for (let row = rect.top; row <= rect.bottom; row++) {
      const line = grid[row - whole.top] as (GoogleAppsScript.Spreadsheet.DataValidation | null)[];
      for (let column = rect.left; column <= rect.right; column++) line[column - whole.left] = rule;
    }
  }
  rangeOf(sheet, whole).setDataValidations(grid);
}

function conditionalRule(
  sheet: Sheet,
  rule: ConditionalFormatPlan,
): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  const builder = SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied(rule.formula)
    .setRanges(rule.ranges.map((range) => sheet.getRange(range)));
  if (rule.background) builder.setBackground(rule.background);
  if (rule.color) builder.setFontColor(rule.color);
  if (rule.bold) builder.setBold(true);
  if (rule.italic) builder.setItalic(true);
  return builder.build();
}

function buildChart(sheet: Sheet, chart: ChartPlan): GoogleAppsScript.Spreadsheet.EmbeddedChart {
  const builder = sheet.newChart();
  const typed =
    chart.kind === "combo"
      ? builder.asComboChart()
      : chart.kind === "line"
        ? builder.asLineChart()
        : builder.asColumnChart();
  typed.addRange(sheet.getRange(chart.domain));
  for (const series of chart.series) typed.addRange(sheet.getRange(series.range));
  const series: Record<number, Record<string, unknown>> = {};
  chart.series.forEach((item, index) => {
    series[index] = {
      type: item.type,
      color: item.color,
      targetAxisIndex: item.targetAxis ?? 0,
      ...(item.dashed ? { lineDashStyle: [6, 4] } : {}),
      ...(item.type === "line" ? { lineWidth: 3, pointSize: item.points ? 6 : 0 } : {}),
    };
  });
  const vAxes: Record<number, Record<string, unknown>> = { 0: { title: chart.vAxisTitle, minValue: 0 } };
  if (chart.vAxisTitleRight) vAxes[1] = { title: chart.vAxisTitleRight, minValue: 0 };
  // A count axis reads in whole numbers: Google Charts' "0" axis format, and gridlines only at multiples of 1
  // (gridlines.multiple; whether Sheets' embedded charts honour it is UNVERIFIED, the format alone already avoids 0.2 labels).
  for (const index of chart.countAxes ?? [])
    vAxes[index] = { ...vAxes[index], format: "0", gridlines: { multiple: 1 } };
  const drawn = typed
    .setNumHeaders(1)
    .setPosition(chart.anchor.row, chart.anchor.column, 0, 0)
    .setOption("title", chart.title)
    .setOption("width", chart.width)
    .setOption("height", chart.height)
    .setOption("legend", { position: "bottom" })
    .setOption("series", series)
    .setOption("vAxes", vAxes)
    .setOption(
      "colors",
      chart.series.map((item) => item.color),
    )
    .setOption("backgroundColor", "#ffffff")
    .setOption("titleTextStyle", { color: COLORS.header, bold: true });
  return (chart.stacked ? drawn.setOption("isStacked", true) : drawn).build();
}

type NamedRange = GoogleAppsScript.Spreadsheet.NamedRange;

/** A name to point at a target: moved when the document has it (`existing`), else created. */
interface Placement {
  readonly name: string;
  readonly target: string;
  readonly existing?: NamedRange;
}

interface NamedRangeWork {
  readonly place: Placement[];
  /** Named ranges in the document before the build. */
  readonly count: number;
  /** Lead-log names left as they were: checked to still cover the whole log. */
  readonly leadNames: Placement[];
  readonly objects: () => Map<string, NamedRange>;
}

function placeNamedRange(spreadsheet: Spreadsheet, { name, target, existing }: Placement): void {
  const range = spreadsheet.getRange(target);
  if (existing) existing.setRange(range);
  else spreadsheet.setNamedRange(name, range);
}

/**
 * Decides, before any write, which named ranges to create or move. The stored
 * layout says where the last build put each name; as long as the document
 * holds as many named ranges as that build left, they are taken to be there,
 * and only names whose target changed are looked up. Otherwise (a user added
 * or removed names) every name is read once.
 */
function planNamedRanges(
  spreadsheet: Spreadsheet,
  plan: WorkbookPlan,
  previous: StoredLayout | undefined,
  trustCount: boolean,
  ourTabs: ReadonlyMap<string, number>,
  tabName: (id: number) => string | undefined,
): NamedRangeWork {
  const list = spreadsheet.getNamedRanges();
  let byName: Map<string, NamedRange> | undefined;
  const objects = (): Map<string, NamedRange> => (byName ??= new Map(list.map((named) => [named.getName(), named])));
  const stored = previous?.namedRanges ?? {};
  const trusted = trustCount && previous?.namedRangeCount !== undefined && previous.namedRangeCount === list.length;
  const sheetNames = new Map(plan.sheets.map((sheet) => [sheet.key, sheet.name]));
  const work: NamedRangeWork = { place: [], count: list.length, leadNames: [], objects };
  const planned = plan.namedRanges.map((named) => {
    const sheetName = sheetNames.get(named.sheetKey);
    if (!sheetName) throw new Error(`named range ${named.name} refers to an unplanned sheet ${named.sheetKey}`);
    return { name: named.name, sheetKey: named.sheetKey, target: namedRangeTarget(sheetName, named.range) };
  });
  if (trusted) {
    // The document holds as many names as the last build left: they are taken to be where it put them.
    const ours = new Set(ourTabs.values());
    const refusals: NamedRangeRefusal[] = [];
    for (const { name, sheetKey, target } of planned) {
      const storedTarget = stored[name];
      if (storedTarget === undefined) work.place.push({ name, target });
      else if (!sameCells(storedTarget, target)) {
        // Moved only while it still points at one of the add-on's tabs: users may have replaced it with their own.
        const existing = objects().get(name);
        const now = existing ? namedRangeSnapshot(existing) : undefined;
        if (now && (now.sheetId === undefined || !ours.has(now.sheetId))) {
          refusals.push({
            kind: "namedRangeTaken",
            name,
            target: now.sheetId === undefined ? "#REF!" : `'${tabName(now.sheetId) ?? "?"}'!${now.a1}`,
          });
        } else work.place.push({ name, target, existing });
      } else if (sheetKey === "leads") work.leadNames.push({ name, target });
    }
    if (refusals.length > 0) throw new Refused(refusals);
    return work;
  }
  // Names were added or removed since: every name is read, and only the add-on's are moved.
  const existing = list.map(namedRangeSnapshot);
  const { decisions, refusals } = decideNamedRanges(planned, existing, ourTabs, new Set(Object.keys(stored)), tabName);
  if (refusals.length > 0) throw new Refused(refusals);
  for (const decision of decisions) {
    if (decision.action === "create") work.place.push({ name: decision.name, target: decision.target });
    else if (decision.action === "move")
      work.place.push({ name: decision.name, target: decision.target, existing: objects().get(decision.name) });
  }
  return work;
}

/** An open range such as `E2:E`: it reaches the last row of its sheet. */
function openRows(target: string): boolean {
  return /![A-Z]+\d+:[A-Z]+$/.test(target);
}

/**
 * Creates or moves the named ranges decided before. The lead-log names are
 * open ranges (`E2:E`) that grow with the log; whether a named range made from
 * one stays open in Sheets is not documented, so one lookup checks that the
 * first of them still reaches the last row, and they are moved if not.
 * Returns how many named ranges the document holds now.
 */
function applyNamedRanges(spreadsheet: Spreadsheet, work: NamedRangeWork, leadRows: number | undefined): number {
  for (const placement of work.place) placeNamedRange(spreadsheet, placement);
  const unchanged = work.leadNames.filter((named) => openRows(named.target));
  const probe = unchanged[0];
  if (probe && leadRows !== undefined) {
    const range = spreadsheet.getRangeByName(probe.name);
    if (!range || range.getRow() + range.getNumRows() - 1 < leadRows) {
      const objects = work.objects();
      for (const { name, target } of unchanged)
        placeNamedRange(spreadsheet, { name, target, existing: objects.get(name) });
    }
  }
  return work.count + work.place.filter((placement) => !placement.existing).length;
}
