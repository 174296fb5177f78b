/**
 * A lint over every formula the planner writes (cells, conditional formats;
 * both languages, tiers, business hours, many holidays): only functions
 * docs/sheets-functions.md lists, and only the idioms Google documents
 * (see that note). Each rule is shown failing on a formula that breaks it.
 */
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SlaConfig } from "../../src/config/schema";
import { validateConfig } from "../../src/config/validate";
import { EMPTY_WORKBOOK, planWorkbook } from "../../src/workbook/plan";
import { parseA1 } from "../../src/workbook/sheetBuilder";
import type { SheetPlan, WorkbookPlan } from "../../src/workbook/types";

// ------------------------------------------------------------------ parsing

type Node =
  | { readonly kind: "call"; readonly name: string; readonly args: Node[][] }
  | { readonly kind: "group"; readonly items: Node[] }
  | { readonly kind: "array"; readonly items: Node[] }
  | {
      readonly kind: "ref";
      readonly sheet: string | undefined;
      readonly text: string;
      readonly firstRow: number;
      readonly lastRow: number | "open";
    }
  | { readonly kind: "name"; readonly name: string }
  | { readonly kind: "number"; readonly text: string }
  | { readonly kind: "string" }
  | { readonly kind: "op"; readonly text: string };

const TOKEN =
  /\s+|("(?:[^"]|"")*")|(?:('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?[A-Z]{1,3}\$?\d+)(?::(\$?[A-Z]{1,3})(\$?\d+)?)?(?![A-Za-z0-9_(])|([A-Za-z_][A-Za-z0-9_.]*)\(|([A-Za-z_][A-Za-z0-9_.]*)|(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(<=|>=|<>|[-+*/^&=<>%])|([(),{};])/y;

/** A formula (with or without its "=") as a tree: calls with their arguments, each argument a sequence of items. */
function parse(formula: string): Node[] {
  const text = formula.startsWith("=") ? formula.slice(1) : formula;
  const tokens: ({ node: Node } | { open: string } | { punct: string })[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match || match.index !== at)
      throw new Error(`cannot read ${JSON.stringify(text.slice(at, at + 20))} in ${formula}`);
    const [, string, sheet, start, endColumn, endRow, call, name, number, op, punct] = match;
    if (string !== undefined) tokens.push({ node: { kind: "string" } });
    else if (start !== undefined) {
      const firstRow = parseA1(start.replace(/\$/g, "")).row;
      const lastRow =
        endColumn === undefined ? firstRow : endRow === undefined ? "open" : Number(endRow.replace("$", ""));
      const sheetName =
        sheet === undefined ? undefined : sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
      tokens.push({ node: { kind: "ref", sheet: sheetName, text: match[0], firstRow, lastRow } });
    } else if (call !== undefined) tokens.push({ open: call.toUpperCase() });
    else if (name !== undefined) tokens.push({ node: { kind: "name", name } });
    else if (number !== undefined) tokens.push({ node: { kind: "number", text: number } });
    else if (op !== undefined) tokens.push({ node: { kind: "op", text: op } });
    else if (punct !== undefined) tokens.push({ punct });
  }
  let position = 0;
  const sequence = (closers: readonly string[]): Node[] => {
    const items: Node[] = [];
    while (position < tokens.length) {
      const token = tokens[position]!;
      if ("punct" in token && closers.includes(token.punct)) return items;
      position++;
      if ("node" in token) items.push(token.node);
      else if ("open" in token) {
        const args: Node[][] = [];
        if ("punct" in (tokens[position] ?? {}) && (tokens[position] as { punct: string }).punct === ")") position++;
        else {
          for (;;) {
            args.push(sequence([",", ")"]));
            const closer = tokens[position++] as { punct?: string } | undefined;
            if (closer?.punct === ")") break;
            if (closer?.punct !== ",") throw new Error(`unclosed ${token.open}( in ${formula}`);
          }
        }
        items.push({ kind: "call", name: token.open, args });
      } else if (token.punct === "(") {
        items.push({ kind: "group", items: sequence([")"]) });
        position++;
      } else if (token.punct === "{") {
        items.push({ kind: "array", items: sequence(["}"]) });
        position++;
      } else throw new Error(`unexpected ${token.punct} in ${formula}`);
    }
    return items;
  };
  const items = sequence([]);
  if (position !== tokens.length) throw new Error(`unbalanced ${formula}`);
  return items;
}

function children(node: Node): Node[] {
  if (node.kind === "call") return node.args.flat();
  if (node.kind === "group" || node.kind === "array") return node.items;
  return [];
}

/** Every node with the calls it sits inside (outermost first). */
function* walk(
  items: readonly Node[],
  inside: readonly string[] = [],
): Generator<{ node: Node; inside: readonly string[] }> {
  for (const node of items) {
    yield { node, inside };
    yield* walk(children(node), node.kind === "call" ? [...inside, node.name] : inside);
  }
}

// -------------------------------------------------------------------- rules

/** The workbook's named ranges: the sheet each is on, and whether it spans rows (a column, not one cell). */
type Names = ReadonlyMap<string, { readonly sheet: string; readonly column: boolean }>;

function namesOf(plan: WorkbookPlan): Names {
  const sheetName = new Map(plan.sheets.map((sheet) => [sheet.key, sheet.name]));
  return new Map(
    plan.namedRanges.map((named) => [
      named.name.toUpperCase(),
      { sheet: sheetName.get(named.sheetKey) ?? named.sheetKey, column: named.range.includes(":") },
    ]),
  );
}

const DOC = readFileSync(join(process.cwd(), "docs", "sheets-functions.md"), "utf8");
/** The allow-list: the functions docs/sheets-functions.md lists, with their Google page. */
const ALLOWED = new Map(
  [...DOC.matchAll(/^\| ([A-Z][A-Z0-9._]*) \| (https:\/\/support\.google\.com\/docs\/answer\/\d+)/gm)].map((match) => [
    match[1]!,
    match[2]!,
  ]),
);

const RANGE_ARGUMENT_SPANS = (node: Node, names: Names): boolean =>
  (node.kind === "ref" && node.lastRow !== node.firstRow) ||
  (node.kind === "name" && names.get(node.name.toUpperCase())?.column === true);

/** Whether an argument holds a column or an array anywhere inside it. */
function holdsArray(items: readonly Node[], names: Names): boolean {
  for (const { node } of walk(items)) {
    if (RANGE_ARGUMENT_SPANS(node, names) || node.kind === "array") return true;
    if (node.kind === "call" && ["HSTACK", "VSTACK", "SEQUENCE", "FILTER", "TRANSPOSE"].includes(node.name))
      return true;
  }
  return false;
}

/** The problems of one formula written on sheet `sheet`; empty when it keeps every rule. */
function lint(formula: string, sheet: string, names: Names): string[] {
  const problems: string[] = [];
  const items = parse(formula);
  for (const { node, inside } of walk(items)) {
    if (node.kind === "number" && node.text.includes("."))
      problems.push(`decimal literal ${node.text}: write a fraction (9/10), locale-proof`);
    if (node.kind !== "call") continue;
    if (!ALLOWED.has(node.name)) problems.push(`${node.name} is not in docs/sheets-functions.md`);
    if (node.name === "CHOOSE" && holdsArray(node.args[0] ?? [], names))
      problems.push("CHOOSE with an array index: Google documents a single index");
    if (node.name === "PERCENTILE" && holdsArray(node.args[1] ?? [], names))
      problems.push("PERCENTILE with several k: Google documents a single percentile");
    if (node.name === "ARRAYFORMULA") {
      const only = node.args[0]?.length === 1 ? node.args[0][0] : undefined;
      if (only?.kind === "call" && (only.name === "VSTACK" || only.name === "HSTACK"))
        problems.push(`ARRAYFORMULA(${only.name}(…)): stack ARRAYFORMULAs instead, VSTACK("title", ARRAYFORMULA(…))`);
    }
    if (node.name === "LET" && inside.includes("ARRAYFORMULA"))
      problems.push("LET inside ARRAYFORMULA: Google's examples put ARRAYFORMULA inside LET");
    problems.push(...rangeProblems(node, sheet, names));
  }
  return problems;
}

/**
 * Columns of one sheet read by one function (and what it contains) are all
 * named ranges or all literal ranges, the literal ones from the same first
 * to the same last row ("open" for E2:E): so they have one size however a
 * name or an open range is bounded.
 */
function rangeProblems(call: Node & { kind: "call" }, sheet: string, names: Names): string[] {
  const bySheet = new Map<string, { named: string[]; literal: Map<string, string[]> }>();
  for (const { node } of walk(call.args.flat())) {
    if (!RANGE_ARGUMENT_SPANS(node, names)) continue;
    const onSheet =
      node.kind === "ref" ? (node.sheet ?? sheet) : names.get((node as { name: string }).name.toUpperCase())!.sheet;
    const group = bySheet.get(onSheet) ?? { named: [], literal: new Map<string, string[]>() };
    bySheet.set(onSheet, group);
    if (node.kind === "name") group.named.push(node.name);
    else if (node.kind === "ref") {
      const bounds = `${node.firstRow}-${node.lastRow}`;
      group.literal.set(bounds, [...(group.literal.get(bounds) ?? []), node.text]);
    }
  }
  const problems: string[] = [];
  for (const [onSheet, group] of bySheet) {
    if (group.named.length > 0 && group.literal.size > 0)
      problems.push(
        `${call.name} mixes named (${group.named[0]}) and literal (${[...group.literal.values()][0]![0]}) columns of ${onSheet}`,
      );
    if (group.literal.size > 1)
      problems.push(
        `${call.name} reads columns of ${onSheet} with different rows: ${[...group.literal.values()].map((refs) => refs[0]).join(", ")}`,
      );
  }
  return problems;
}

/** Every cell formula of a sheet by position, and its conditional-format formulas. */
function formulasOf(sheet: SheetPlan): { row: number; column: number; formula: string }[] {
  const found: { row: number; column: number; formula: string }[] = [];
  for (const block of sheet.blocks) {
    block.cells.forEach((line, r) =>
      line.forEach((cell, c) => {
        if (cell?.formula) found.push({ row: block.row + r, column: block.column + c, formula: cell.formula });
      }),
    );
  }
  return found;
}

/** Line series must stop at today by #N/A, not by "": no formula inside a line series' range can give "". */
function chartProblems(sheet: SheetPlan): string[] {
  const problems: string[] = [];
  const formulas = formulasOf(sheet);
  for (const chart of sheet.charts) {
    for (const series of chart.series) {
      if (series.type !== "line") continue;
      const [start, end] = series.range.replace(/\$/g, "").split(":") as [string, string];
      const from = parseA1(start);
      const to = parseA1(end);
      for (const cell of formulas) {
        // The header row is the series' name.
        if (cell.column < from.column || cell.column > to.column || cell.row <= from.row || cell.row > to.row) continue;
        if (cell.formula.replace(/"(?:[^"]|"")+"/g, "x").includes('""'))
          problems.push(
            `${sheet.name} chart "${chart.title}": line series ${series.range} has "" in ${cell.formula.slice(0, 60)}; use NA() in a chart-only series`,
          );
      }
    }
  }
  return problems;
}

function lintPlan(plan: WorkbookPlan): { formulas: number; problems: string[] } {
  const names = namesOf(plan);
  let formulas = 0;
  const problems: string[] = [];
  for (const sheet of plan.sheets) {
    const all = [
      ...formulasOf(sheet).map((cell) => cell.formula),
      ...sheet.conditionalFormats.map((rule) => rule.formula),
    ];
    for (const formula of all) {
      formulas++;
      problems.push(...lint(formula, sheet.name, names).map((problem) => `${sheet.name}: ${problem}\n    ${formula}`));
    }
    problems.push(...chartProblems(sheet));
  }
  return { formulas, problems };
}

// -------------------------------------------------------------------- plans

function exampleConfig(name: string): SlaConfig {
  const result = validateConfig(JSON.parse(readFileSync(join(process.cwd(), "examples", name), "utf8")), "en");
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.text).join("\n"));
  return result.config;
}

/** 120 holidays, one every third day from the start month on. */
function manyHolidays(startMonth: string): string[] {
  const [year, month] = startMonth.split("-").map(Number) as [number, number];
  return Array.from({ length: 120 }, (_, index) =>
    new Date(Date.UTC(year, month - 1, 1 + index * 3)).toISOString().slice(0, 10),
  );
}

function variants(): { label: string; config: SlaConfig }[] {
  const out: { label: string; config: SlaConfig }[] = [];
  for (const file of ["internal-en.json", "multilevel-de.json"]) {
    const base = exampleConfig(file);
    for (const language of ["en", "de"] as const) {
      const config = { ...base, language };
      out.push({ label: `${file} in ${language}`, config });
      out.push({
        label: `${file} in ${language} with tiers and 120 holidays`,
        config: {
          ...config,
          marketing: {
            ...config.marketing,
            tiers: [
              { name: "CEO", valuePerLead: 100, marketingShare: 1 / 5 },
              { name: "Director", valuePerLead: 50 },
              { name: "Manager", closeRate: 1 / 10, avgDealSize: 900 },
            ],
          },
          sales: { ...config.sales, holidays: manyHolidays(config.startMonth) },
        },
      });
      const { businessHours: _dropped, ...elapsed } = config.sales;
      out.push({
        label: `${file} in ${language} without business hours or holidays`,
        config: { ...config, sales: { ...elapsed, holidays: [] } },
      });
    }
  }
  return out;
}

describe("the formula lint", () => {
  it.each(variants().map((variant) => [variant.label, variant.config] as const))(
    "passes every formula the planner writes: %s",
    (_label, config) => {
      const { formulas, problems } = lintPlan(planWorkbook(config, EMPTY_WORKBOOK, "2026-11-28"));
      expect(formulas).toBeGreaterThan(100);
      expect(problems).toEqual([]);
    },
  );

  it("lists only functions some plan uses, each with its Google page", () => {
    const used = new Set<string>();
    for (const { config } of variants()) {
      const plan = planWorkbook(config, EMPTY_WORKBOOK, "2026-11-28");
      for (const sheet of plan.sheets) {
        for (const formula of [
          ...formulasOf(sheet).map((cell) => cell.formula),
          ...sheet.conditionalFormats.map((rule) => rule.formula),
        ]) {
          for (const { node } of walk(parse(formula))) if (node.kind === "call") used.add(node.name);
        }
      }
    }
    expect(ALLOWED.size).toBeGreaterThan(30);
    expect([...ALLOWED.keys()].filter((name) => !used.has(name))).toEqual([]);
  });

  describe("fails on a formula that breaks a rule", () => {
    const names: Names = new Map([
      ["LEADS_REVENUE", { sheet: "Leads", column: true }],
      ["FOLLOWUPGOALHOURS", { sheet: "Agreement", column: false }],
    ]);
    const check = (formula: string): string[] => lint(formula, "Report", names);

    it.each([
      ["a function not on the allow-list", "=INDIRECT(A1)", "INDIRECT is not in"],
      ["a decimal literal", "=A1*0.9", "decimal literal"],
      ["CHOOSE over a column", "=ARRAYFORMULA(CHOOSE(MOD(A2:A9,7)+1,1,2,3,4,5,6,7))", "CHOOSE with an array index"],
      ["PERCENTILE with several k", "=ARRAYFORMULA(PERCENTILE(A2:A9,HSTACK(1/2,9/10)))", "PERCENTILE with several k"],
      ["ARRAYFORMULA around the header's VSTACK", '=ARRAYFORMULA(VSTACK("Title",A2:A9*2))', "ARRAYFORMULA(VSTACK"],
      ["LET inside ARRAYFORMULA", "=ARRAYFORMULA(LET(x,A2:A9,x*2))", "LET inside ARRAYFORMULA"],
      [
        "a named column beside a literal one",
        "=SUMIFS(Leads_Revenue,'Leads'!$L$2:$L,\">0\")",
        "mixes named (Leads_Revenue) and literal",
      ],
      ["literal columns with different rows", "=SUMIFS('Leads'!$K$2:$K1000,'Leads'!$L$2:$L,\">0\")", "different rows"],
      [
        "literal bounded columns of different lengths",
        "=SUMIFS('Leads'!$K$2:$K999,'Leads'!$L$2:$L1000,\">0\")",
        "different rows",
      ],
    ])("%s", (_label, formula, problem) => {
      expect(check(formula).join("\n")).toContain(problem);
    });

    it.each([
      ["CHOOSE with one index", "=CHOOSE(2,1,2)"],
      ["PERCENTILE with one k", "=PERCENTILE(A2:A9,9/10)"],
      ["the header shape", '=VSTACK("Title",ARRAYFORMULA(A2:A9*2))'],
      ["LET around ARRAYFORMULA", "=LET(x,A2:A9,ARRAYFORMULA(x*2))"],
      ["open literal columns alike", "=SUMIFS('Leads'!$K$2:$K,'Leads'!$L$2:$L,\">0\")"],
      ["bounded literal columns alike", "=SUMIFS('Leads'!$K$2:$K1000,'Leads'!L2:L1000,\">0\")"],
      ["named columns, a named cell", '=SUMIFS(Leads_Revenue,Leads_Revenue,">"&FollowUpGoalHours)'],
      [
        "columns of different sheets",
        "=ARRAYFORMULA(MMULT((TRANSPOSE('Leads'!$E$2:$E)>=$A$5:$A$16)*1,SEQUENCE(ROWS('Leads'!$E$2:$E),1,1,0)))",
      ],
    ])("and passes the documented alternative: %s", (_label, formula) => {
      // CHOOSE is not on the allow-list (no plan uses it); every other rule holds.
      expect(check(formula).filter((problem) => !problem.startsWith("CHOOSE is not in"))).toEqual([]);
    });

    it('a line series that is blank ("") after today', () => {
      const sheet: SheetPlan = {
        key: "month:x",
        name: "Month",
        tabColor: "#000000",
        frozenRows: 0,
        frozenColumns: 0,
        minRows: 10,
        minColumns: 5,
        columnWidths: [],
        validations: [],
        conditionalFormats: [],
        blocks: [
          {
            row: 1,
            column: 1,
            cells: [
              [{ value: "Day" }, { value: "Actual" }],
              [{ formula: "DATE(2026,12,1)" }, { formula: 'ARRAYFORMULA(IF(A2:A4>TODAY(),"",1))' }],
            ],
          },
        ],
        charts: [
          {
            key: "c",
            kind: "combo",
            title: "Pace",
            domain: "A1:A4",
            series: [{ range: "B1:B4", type: "line", color: "#000000" }],
            anchor: { row: 1, column: 4 },
            width: 10,
            height: 10,
            vAxisTitle: "",
          },
        ],
      };
      expect(chartProblems(sheet).join("\n")).toContain("use NA() in a chart-only series");
      const gaps = {
        ...sheet,
        blocks: [
          {
            row: 1,
            column: 1,
            cells: [
              [{ value: "Day" }, { value: "Actual" }],
              [{ formula: "DATE(2026,12,1)" }, { formula: "ARRAYFORMULA(IF(A2:A4>TODAY(),NA(),1))" }],
            ],
          },
        ],
      };
      expect(chartProblems(gaps)).toEqual([]);
    });
  });
});
