/**
 * Reads a documentation example such as `=SLA_LEADS_NEEDED(5000, 100%, 100, 50%)`
 * into the function name and the arguments Sheets would pass a custom
 * function: numbers (`50%` is 0.5), text, TRUE/FALSE, `DATE(y, m, d)` as a
 * `Date` (midnight UTC, the test context's zone) and array literals as 2-D
 * arrays (`,` next column, `;` next row).
 *
 * Formulas that reference cells, ranges or named ranges (`A2:A20`,
 * `Holidays!A2:A20`, `Leads_HandedOff`), or call other functions, cannot be
 * evaluated without a sheet: for those the parser returns `undefined`.
 * Anything that is not a well-formed formula throws.
 */
import { sheetDate } from "./context";

export type LiteralValue = number | string | boolean | Date;
export type LiteralArgument = LiteralValue | LiteralValue[][];

export interface ParsedFormula {
  readonly name: string;
  readonly args: LiteralArgument[];
}

/** Thrown inside the parser when the formula needs a sheet to evaluate. */
class NeedsSheet extends Error {}

class Parser {
  private position = 0;

  constructor(private readonly text: string) {}

  formula(): ParsedFormula {
    this.skipSpace();
    this.expect("=");
    this.skipSpace();
    const name = this.identifier();
    if (name === undefined) this.fail("a function name");
    this.skipSpace();
    this.expect("(");
    const args: LiteralArgument[] = [];
    this.skipSpace();
    if (!this.accept(")")) {
      do {
        args.push(this.argument());
      } while (this.accept(","));
      this.expect(")");
    }
    this.skipSpace();
    if (this.position < this.text.length) this.fail("the end of the formula");
    return { name, args };
  }

  private argument(): LiteralArgument {
    this.skipSpace();
    const value = this.peek() === "{" ? this.array() : this.scalar();
    this.skipSpace();
    return value;
  }

  private array(): LiteralValue[][] {
    this.expect("{");
    const rows: LiteralValue[][] = [];
    let row: LiteralValue[] = [];
    for (;;) {
      this.skipSpace();
      if (this.peek() === "{") throw new Error(`${this.where()}: nested array literals are not supported`);
      row.push(this.scalar());
      this.skipSpace();
      if (this.accept(",")) continue;
      if (this.accept(";")) {
        rows.push(row);
        row = [];
        continue;
      }
      this.expect("}");
      rows.push(row);
      break;
    }
    const width = rows[0]?.length ?? 0;
    if (rows.some((line) => line.length !== width))
      throw new Error(`${this.where()}: array literal rows differ in length`);
    return rows;
  }

  private scalar(): LiteralValue {
    this.skipSpace();
    const next = this.peek();
    if (next === '"') return this.string();
    if (next === "-" || next === "+") {
      this.position++;
      const value = this.scalar();
      if (typeof value !== "number") this.fail("a number after the sign");
      return next === "-" ? -value : value;
    }
    if (next !== undefined && /[\d.]/.test(next)) return this.number();
    if (next === "'" || next === "$") throw new NeedsSheet();
    const word = this.identifier();
    if (word === undefined) this.fail("a value");
    const upper = word.toUpperCase();
    this.skipSpace();
    if (this.peek() === "(") {
      if (upper !== "DATE") throw new NeedsSheet();
      return this.date();
    }
    if (upper === "TRUE") return true;
    if (upper === "FALSE") return false;
    // A cell, a range, a sheet reference or a named range.
    throw new NeedsSheet();
  }

  private date(): Date {
    this.expect("(");
    const parts: number[] = [];
    do {
      const part = this.scalar();
      if (typeof part !== "number" || !Number.isInteger(part)) this.fail("a whole number in DATE");
      parts.push(part);
      this.skipSpace();
    } while (this.accept(","));
    this.expect(")");
    const [year, month, day] = parts;
    if (parts.length !== 3 || year === undefined || month === undefined || day === undefined) {
      throw new Error(`${this.where()}: DATE takes year, month and day`);
    }
    return sheetDate("UTC", year, month, day);
  }

  private number(): number {
    const match = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.position));
    if (!match) this.fail("a number");
    this.position += match[0].length;
    if (this.peek() === ":") throw new NeedsSheet(); // a row range such as 2:2
    let value = Number(match[0]);
    while (this.accept("%")) value = Number((value / 100).toPrecision(15));
    return value;
  }

  private string(): string {
    this.expect('"');
    let value = "";
    for (;;) {
      const next = this.text.indexOf('"', this.position);
      if (next < 0) throw new Error(`${this.where()}: unterminated text`);
      value += this.text.slice(this.position, next);
      this.position = next + 1;
      if (this.peek() !== '"') return value;
      value += '"';
      this.position++;
    }
  }

  private identifier(): string | undefined {
    const match = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(this.text.slice(this.position));
    if (!match) return undefined;
    this.position += match[0].length;
    return match[0];
  }

  private skipSpace(): void {
    while (this.position < this.text.length && /\s/.test(this.text.charAt(this.position))) this.position++;
  }

  private peek(): string | undefined {
    return this.position < this.text.length ? this.text.charAt(this.position) : undefined;
  }

  private accept(char: string): boolean {
    this.skipSpace();
    if (this.peek() !== char) return false;
    this.position++;
    return true;
  }

  private expect(char: string): void {
    if (!this.accept(char)) this.fail(`"${char}"`);
  }

  private where(): string {
    return `${JSON.stringify(this.text)} at ${this.position}`;
  }

  private fail(expected: string): never {
    const found = this.peek();
    throw new Error(
      `${this.where()}: expected ${expected}, found ${found === undefined ? "the end" : JSON.stringify(found)}`,
    );
  }
}

/**
 * `{ name, args }` for a formula made of literals only, or `undefined` when it
 * references cells or names (an illustrative example). Throws on bad syntax.
 */
export function parseFormula(formula: string): ParsedFormula | undefined {
  try {
    return new Parser(formula).formula();
  } catch (error) {
    if (error instanceof NeedsSheet) return undefined;
    throw error;
  }
}
