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
import type { BlockPlan, CellSpec, ConditionalFormatPlan, SheetPlan } from "../workbook/types";
import { contains, parseRect, rectA1, type Rect } from "./rects";

/** The formula of a rule that holds for every cell. */
export const ALWAYS = "=TRUE";

/** What of a cell's look a rule sets. */
type Look = Pick<ConditionalFormatPlan, "background" | "color" | "bold" | "italic">;

/** The look a cell or a rule sets, without the properties it leaves alone. */
function lookOf(styled: Look | CellSpec | undefined): Look {
  const look: { -readonly [K in keyof Look]: Look[K] } = {};
  if (styled?.background) look.background = styled.background;
  if (styled?.color) look.color = styled.color;
  if (styled?.bold) look.bold = true;
  if (styled?.italic) look.italic = true;
  return look;
}

function keyOf(look: Look): string {
  return JSON.stringify([look.background ?? "", look.color ?? "", look.bold ?? false, look.italic ?? false]);
}

const PLAIN = keyOf({});

interface StyledCell {
  readonly row: number;
  readonly column: number;
  readonly look: Look;
}

/** The cells of the blocks that have a look of their own. */
function styledCells(blocks: readonly BlockPlan[]): StyledCell[] {
  const styled: StyledCell[] = [];
  for (const block of blocks) {
    block.cells.forEach((line, r) =>
      line.forEach((cell, c) => {
        const look = lookOf(cell);
        if (keyOf(look) !== PLAIN) styled.push({ row: block.row + r, column: block.column + c, look });
      }),
    );
  }
  return styled;
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

/** A tab's plan as far as its rules go. */
type StyledPlan = Pick<SheetPlan, "blocks" | "conditionalFormats">;

/** The rules worked out per plan (null: none can say the looks), so asking again costs nothing. */
const remembered = new WeakMap<StyledPlan, ConditionalFormatPlan[] | null>();

/**
 * The tab's rules: its status rules, each carrying the fixed style of the
 * cells it covers, then one always-true rule per fixed style. Undefined when
 * a status rule covers cells whose fixed styles it would need to carry differently.
 * @example styleRules({ blocks: [{ row: 1, column: 1, cells: [[{ value: "Month", bold: true }]] }], conditionalFormats: [] }) // [{ ranges: ["A1"], formula: "=TRUE", bold: true }]
 */
export function styleRules(plan: StyledPlan): ConditionalFormatPlan[] | undefined {
  // A build asks for one tab's rules up to four times (writing it, its fingerprint, its stored layout); a lead log holds tens of thousands of cells.
  let rules = remembered.get(plan);
  if (rules === undefined) {
    rules = rulesFor(plan.blocks, plan.conditionalFormats) ?? null;
    remembered.set(plan, rules);
  }
  return rules ?? undefined;
}

function rulesFor(blocks: readonly BlockPlan[], statusRules: readonly ConditionalFormatPlan[]): ConditionalFormatPlan[] | undefined {
  const styled = styledCells(blocks);
  const carried: ConditionalFormatPlan[] = [];
  for (const rule of statusRules) {
    const own = lookOf(rule);
    const results = new Map<string, Look>();
    for (const range of rule.ranges) {
      const rect = rectOfRange(range);
      let styledInside = 0;
      for (const { row, column, look } of styled) {
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
  const byLook = new Map<string, { look: Look; cells: StyledCell[] }>();
  for (const cell of styled) {
    const key = keyOf(cell.look);
    const group = byLook.get(key) ?? { look: cell.look, cells: [] };
    group.cells.push(cell);
    byLook.set(key, group);
  }
  const fixed = [...byLook.values()].map(({ look, cells }): ConditionalFormatPlan => ({ ranges: rectangles(cells).map(rectA1), formula: ALWAYS, ...look }));
  return [...carried, ...fixed];
}
