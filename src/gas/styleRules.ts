/**
 * A tab's fixed colours and text styles (headers, party colours, calculated
 * cells) written as conditional-format rules that always hold, in the one
 * setConditionalFormatRules call the tab makes anyway for its status colours,
 * instead of one setBackgrounds and one setTextStyles call per tab: a first
 * build spares two calls per tab (design decision 5).
 *
 * Sheets applies only the first rule that holds for a cell, so the status
 * rules come first and each carries the fixed style of the cells it covers
 * (a bold status stays bold when it turns red). Where one status rule covers
 * cells of different fixed styles that it doesn't override alike, no
 * rules can say both: `styleRules` answers undefined and the tab's styles are
 * written as cell formats, as before.
 */
import type { BlockPlan, CellSpec, ConditionalFormatPlan } from "../workbook/types";
import { contains, parseRect, rectA1, type Rect } from "./rects";

/** The formula of a rule that holds for every cell. */
export const ALWAYS = "=TRUE";

/** What of a cell's look a rule sets. */
type Look = Pick<ConditionalFormatPlan, "background" | "color" | "bold" | "italic">;

function lookOf(cell: CellSpec | undefined): Look {
  const look: { -readonly [K in keyof Look]: Look[K] } = {};
  if (cell?.background) look.background = cell.background;
  if (cell?.color) look.color = cell.color;
  if (cell?.bold) look.bold = true;
  if (cell?.italic) look.italic = true;
  return look;
}

function keyOf(look: Look): string {
  return JSON.stringify([look.background ?? "", look.color ?? "", look.bold ?? false, look.italic ?? false]);
}

const PLAIN = keyOf({});

/** The look of each styled cell of the blocks, by "row:column". */
function styledCells(blocks: readonly BlockPlan[]): Map<string, Look> {
  const looks = new Map<string, Look>();
  for (const block of blocks) {
    block.cells.forEach((line, r) =>
      line.forEach((cell, c) => {
        const look = lookOf(cell);
        if (keyOf(look) !== PLAIN) looks.set(`${block.row + r}:${block.column + c}`, look);
      }),
    );
  }
  return looks;
}

/** Cells of one look as few rectangles: runs along each row, stacked where equal runs meet. */
function rectangles(cells: readonly { row: number; column: number }[]): Rect[] {
  type Growing = { -readonly [K in keyof Rect]: Rect[K] };
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.column - b.column);
  const runs: Growing[] = [];
  for (const { row, column } of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.top === row && last.right === column - 1) last.right = column;
    else runs.push({ top: row, left: column, bottom: row, right: column });
  }
  const stacked: Growing[] = [];
  // The newest rectangle of each column span: a run stacks onto it when it ends on the row above.
  const newest = new Map<string, Growing>();
  for (const run of runs) {
    const span = `${run.left}:${run.right}`;
    const above = newest.get(span);
    if (above && above.bottom === run.top - 1) above.bottom = run.bottom;
    else {
      stacked.push(run);
      newest.set(span, run);
    }
  }
  return stacked;
}

/** An A1 range that runs to the sheet's last row (`A2:P`) has no bottom: it reaches past every planned cell. */
function rectOfRange(range: string): Rect {
  return /^[A-Z]+\d+:[A-Z]+$/.test(range) ? parseRect(`${range}${Number.MAX_SAFE_INTEGER}`) : parseRect(range);
}

/** The rules worked out per plan (null: none can say the looks), so asking again costs nothing. */
const remembered = new WeakMap<readonly BlockPlan[], WeakMap<readonly ConditionalFormatPlan[], ConditionalFormatPlan[] | null>>();

/**
 * The tab's rules: its status rules, each carrying the fixed style of the
 * cells it covers, then one always-true rule per fixed style. Undefined when
 * a status rule covers cells whose fixed styles it would need to carry differently.
 * @example styleRules([{ row: 1, column: 1, cells: [[{ value: "Month", bold: true }]] }], []) // [{ ranges: ["A1"], formula: "=TRUE", bold: true }]
 */
export function styleRules(blocks: readonly BlockPlan[], statusRules: readonly ConditionalFormatPlan[]): ConditionalFormatPlan[] | undefined {
  // A build asks for one tab's rules up to four times (writing it, its fingerprint, its stored layout); a lead log holds tens of thousands of cells.
  const known = remembered.get(blocks)?.get(statusRules);
  if (known !== undefined) return known ?? undefined;
  const rules = rulesFor(blocks, statusRules);
  const byStatus = remembered.get(blocks) ?? new WeakMap<readonly ConditionalFormatPlan[], ConditionalFormatPlan[] | null>();
  byStatus.set(statusRules, rules ?? null);
  remembered.set(blocks, byStatus);
  return rules;
}

function rulesFor(blocks: readonly BlockPlan[], statusRules: readonly ConditionalFormatPlan[]): ConditionalFormatPlan[] | undefined {
  const looks = styledCells(blocks);
  const carried: ConditionalFormatPlan[] = [];
  for (const rule of statusRules) {
    const own: Look = { ...(rule.background ? { background: rule.background } : {}), ...(rule.color ? { color: rule.color } : {}), ...(rule.bold ? { bold: true } : {}), ...(rule.italic ? { italic: true } : {}) };
    const results = new Map<string, Look>();
    for (const range of rule.ranges) {
      const rect = rectOfRange(range);
      let styledInside = 0;
      for (const [position, look] of looks) {
        const [row, column] = position.split(":").map(Number) as [number, number];
        if (!contains(rect, row, column)) continue;
        styledInside += 1;
        const result = { ...look, ...own };
        results.set(keyOf(result), result);
      }
      const size = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
      // Cells of the range with no fixed style show the rule's own look.
      if (styledInside < size) results.set(keyOf(own), own);
    }
    if (results.size > 1) return undefined;
    const [look] = [...results.values()];
    carried.push({ ...rule, ...(look ?? own) });
  }
  const byLook = new Map<string, { look: Look; cells: { row: number; column: number }[] }>();
  for (const [position, look] of looks) {
    const [row, column] = position.split(":").map(Number) as [number, number];
    const key = keyOf(look);
    const group = byLook.get(key) ?? { look, cells: [] };
    group.cells.push({ row, column });
    byLook.set(key, group);
  }
  const fixed = [...byLook.values()].map(({ look, cells }): ConditionalFormatPlan => ({ ranges: rectangles(cells).map(rectA1), formula: ALWAYS, ...look }));
  return [...carried, ...fixed];
}
