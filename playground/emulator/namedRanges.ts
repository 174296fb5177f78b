/**
 * Named ranges live as HyperFormula named expressions, so formulas like
 * =Quota*MarketingShare evaluate, and HyperFormula moves them with inserted
 * rows and renamed sheets. This keeps what HyperFormula can't: the name as
 * written, the order of creation and whether the range was open ("A2:A").
 */
import { parseRangeRef, quoteSheetName, rectToA1, splitSheetPrefix, type OpenEnds, type Rect } from "./a1";
import { BUILT_IN_NAMES } from "./hyperformulaSetup";
import type { WorkbookModel } from "./model";
import type { SheetModel } from "./sheetModel";

export interface NamedRangeEntry {
  name: string;
  openRows: boolean;
  openCols: boolean;
}

export type NamedRangeTarget = { sheet: SheetModel; rect: Rect } & OpenEnds;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * Sheets refuses names that read as a cell (A1, AB12). HyperFormula also
 * refuses longer letter runs before digits (Quota2026), which Sheets may
 * accept; the emulator refuses them all, so a name that works here works in Sheets.
 */
const A1_LIKE = /^[A-Za-z]+\d+$/;
const R1C1_LIKE = /^R\d*C\d*$/i;

function expressionFor(sheet: SheetModel, rect: Rect): string {
  const absolute = rectToA1(rect).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  return `=${quoteSheetName(sheet.name, true)}!${absolute}`;
}

export class NamedRanges {
  private readonly entries = new Map<string, NamedRangeEntry>();

  constructor(private readonly model: WorkbookModel) {}

  /** In order of creation, as getNamedRanges lists them. */
  list(): NamedRangeEntry[] {
    return [...this.entries.values()];
  }

  get(name: unknown): NamedRangeEntry | undefined {
    return typeof name === "string" ? this.entries.get(name.toLowerCase()) : undefined;
  }

  validateName(name: unknown): asserts name is string {
    if (
      typeof name !== "string" ||
      name.length === 0 ||
      name.length > 250 ||
      !NAME.test(name) ||
      A1_LIKE.test(name) ||
      R1C1_LIKE.test(name) ||
      /^(true|false)$/i.test(name)
    )
      throw new Error(
        `The name "${String(name)}" is not valid for a named range: use letters, numbers and underscores, ` +
          "don't start with a number, and don't use a cell reference (like A1) or TRUE/FALSE.",
      );
  }

  add(name: string, sheet: SheetModel, rect: Rect, open: OpenEnds): void {
    this.validateName(name);
    this.model.requireLive(sheet);
    if (this.entries.has(name.toLowerCase()) || BUILT_IN_NAMES.has(name.toUpperCase()))
      throw new Error(`A named range called "${name}" already exists. Use a different name.`);
    this.model.writer.addNamedExpression(name, expressionFor(sheet, rect));
    this.entries.set(name.toLowerCase(), { name, openRows: open.openRows, openCols: open.openCols });
  }

  /** A name whose range no longer resolves (its sheet was deleted), restored as it was. */
  addExpression(name: string, expression: string): void {
    this.model.writer.addNamedExpression(name, expression);
    this.entries.set(name.toLowerCase(), { name, openRows: false, openCols: false });
  }

  /** Where a named range points now, or undefined when its sheet is gone. */
  target(name: string): NamedRangeTarget | undefined {
    const entry = this.get(name);
    const expression = entry && this.model.text.getNamedExpressionFormula(entry.name);
    if (!entry || !expression) return undefined;
    try {
      const { sheetName, ref } = splitSheetPrefix(expression.replace(/^=/, ""));
      const sheet = sheetName === undefined ? undefined : this.model.sheetByName(sheetName);
      if (!sheet) return undefined;
      const { rect } = parseRangeRef(ref.replace(/\$/g, ""), sheet.maxRows, sheet.maxColumns);
      return { sheet, rect, openRows: entry.openRows, openCols: entry.openCols };
    } catch {
      return undefined;
    }
  }

  expression(name: string): string | undefined {
    const entry = this.get(name);
    return entry && this.model.text.getNamedExpressionFormula(entry.name);
  }

  setTarget(name: string, sheet: SheetModel, rect: Rect, open: OpenEnds): void {
    const entry = this.require(name);
    this.model.requireLive(sheet);
    this.model.writer.changeNamedExpression(entry.name, expressionFor(sheet, rect));
    entry.openRows = open.openRows;
    entry.openCols = open.openCols;
  }

  remove(name: string): void {
    const entry = this.require(name);
    this.model.writer.removeNamedExpression(entry.name);
    this.entries.delete(entry.name.toLowerCase());
  }

  /** "'Sheet'!A1:B2" with open ends kept ("'Leads'!A2:A"). */
  a1(name: string): string | null {
    const target = this.target(name);
    return target ? `${quoteSheetName(target.sheet.name, true)}!${rectToA1(target.rect, target)}` : null;
  }

  /** Open ranges reach the last row (column) of their sheet, which moves when rows are added at the end. */
  refreshOpen(): void {
    for (const entry of this.entries.values()) {
      if (!entry.openRows && !entry.openCols) continue;
      const target = this.target(entry.name);
      if (!target) continue;
      const rect = {
        ...target.rect,
        numRows: entry.openRows ? target.sheet.maxRows - target.rect.row + 1 : target.rect.numRows,
        numCols: entry.openCols ? target.sheet.maxColumns - target.rect.col + 1 : target.rect.numCols,
      };
      this.model.writer.changeNamedExpression(entry.name, expressionFor(target.sheet, rect));
    }
  }

  private require(name: string): NamedRangeEntry {
    const entry = this.get(name);
    if (!entry) throw new Error(`Named range "${name}" not found.`);
    return entry;
  }
}
