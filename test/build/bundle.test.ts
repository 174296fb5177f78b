/**
 * dist/Code.js as Apps Script sees it: one plain script evaluated in an empty
 * global scope, whose top-level functions with @customfunction JSDoc become
 * the functions users can type. `npm test` builds before it runs the tests.
 */
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { FUNCTIONS } from "../../src/functions/definitions";
import { missingStubs, renderStub } from "../../scripts/lib/stubs";
import { createEmulator } from "../../playground/emulator";

const code = readFileSync(join(process.cwd(), "dist/Code.js"), "utf8");
const operationsSource = readFileSync(join(process.cwd(), "dist/Operations.html"), "utf8");
const selfTestSource = readFileSync(join(process.cwd(), "dist/SelfTestExpected.html"), "utf8");

function freshRuntime(): Record<string, unknown> {
  const sandbox: Record<string, unknown> = {};
  vm.createContext(sandbox);
  new vm.Script(code, { filename: "Code.gs" }).runInContext(sandbox);
  return sandbox;
}

describe("dist/Code.js", () => {
  it("defines every registered custom function as a top-level global with its JSDoc directly above", () => {
    const runtime = freshRuntime();
    for (const fn of FUNCTIONS) {
      expect(typeof runtime[fn.name]).toBe("function");
      const pattern = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*\\nfunction ${fn.name}\\(([^)]*)\\)`);
      const match = pattern.exec(code);
      expect(match).not.toBeNull();
      const jsdoc = match?.[1] ?? "";
      expect(jsdoc).toContain("@customfunction");
      expect(jsdoc).toContain("@return {");
      for (const param of fn.params) expect(jsdoc).toMatch(new RegExp(`@param \\{[^}]+\\} ${param.name} `));
      expect(match?.[2]).toBe(fn.params.map((param) => param.name).join(", "));
    }
    expect(missingStubs(code, FUNCTIONS)).toEqual([]);
  });

  it("answers a call of every function through its stub, as Sheets would call it", () => {
    const runtime = freshRuntime();
    const callStub = (name: string, ...args: unknown[]): unknown =>
      (runtime[name] as (...a: unknown[]) => unknown)(...args);
    // Dates made in this (outer) realm, as Sheets makes them outside the script.
    const dec = (day: number, hour = 0): Date => new Date(Date.UTC(2026, 11, day, hour));
    expect(callStub("SLA_REVENUE_GOAL", 5000, 1)).toBe(5000);
    expect(callStub("SLA_CUSTOMERS_NEEDED", 5000, 1, 100)).toBe(50);
    expect(callStub("SLA_LEADS_NEEDED", 5000, 1, 100, 0.5)).toBe(100);
    expect(callStub("SLA_DAILY_TARGET", 62, dec(15))).toBe(2);
    expect(callStub("SLA_CUMULATIVE_GOAL", 62, dec(15))).toBe(30);
    expect((callStub("SLA_GOAL_LINE", 31, dec(1)) as unknown[]).length).toBe(31);
    expect(callStub("SLA_CLOSE_RATE", 45, 120)).toBe(0.375);
    expect(callStub("SLA_DEAL_SIZE", 5400, 45)).toBe(120);
    expect(callStub("SLA_MARKETING_SHARE", 5400, 7200)).toBe(0.75);
    expect(callStub("SLA_RESPONSE_HOURS", [[dec(4, 16)], [""]], [[dec(7, 10)], [""]], "Mon-Fri 09:00-17:00")).toEqual([
      [2],
      [""],
    ]);
    expect(callStub("SLA_FOLLOWUP_SPEED", [[dec(1, 9)], [dec(1, 9)]], [[dec(1, 10)], [dec(1, 12)]], "median")).toBe(2);
    expect(callStub("SLA_FOLLOWUP_DEPTH", [[3], [6]], [[false], [""]])).toBe(4.5);
    expect(callStub("SLA_PACE", 60, 100, new Date(Date.UTC(2026, 3, 15)))).toBe(1.2);
    expect(
      callStub(
        "SLA_LEAD_VALUE",
        [["CEO"], ["Manager"]],
        [
          ["CEO", 100],
          ["Manager", 40],
        ],
      ),
    ).toBe(140);
    expect(callStub("SLA_ALLOWED_DOWNTIME", 0.999, "day")).toBeCloseTo(1.44, 9);
    expect(callStub("SLA_REP_CAPACITY", 100, 6, 10, 160)).toBe(0.625);
  });

  it("throws an Error naming the function and argument, as Sheets shows on the cell", () => {
    const runtime = freshRuntime();
    const stub = runtime.SLA_LEADS_NEEDED as (...args: unknown[]) => unknown;
    expect(() => stub(5000, 1, 100, 0)).toThrow(
      "SLA_LEADS_NEEDED: close_rate must be more than 0 and at most 100% (got 0)",
    );
  });

  it("follows the user's locale and the spreadsheet's time zone when Apps Script offers them", () => {
    const sandbox: Record<string, unknown> = {
      Session: { getActiveUserLocale: () => "de_DE", getScriptTimeZone: () => "UTC" },
      SpreadsheetApp: { getActiveSpreadsheet: () => ({ getSpreadsheetTimeZone: () => "America/New_York" }) },
    };
    vm.createContext(sandbox);
    new vm.Script(code).runInContext(sandbox);
    const stub = sandbox.SLA_DAILY_TARGET as (...args: unknown[]) => unknown;
    expect(() => stub(100, "soon")).toThrow("SLA_DAILY_TARGET: month muss ein Datum im Monat");
    // 1 March 03:00 UTC is still 28 February in New York: 28 days.
    expect(stub(28, new Date(Date.UTC(2026, 2, 1, 3)))).toBe(1);
  });

  it("is one plain script with no module syntax, no require, no eval, and one loader of the project's own operations file", () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\brequire\(/);
    expect(code).not.toMatch(/\beval\(/);
    expect(code.match(/new Function\(/g)).toHaveLength(1);
    expect(operationsSource).not.toMatch(/^\s*(import|export)\s/m);
    expect(operationsSource).not.toMatch(/\brequire\(|\beval\(|new Function\(/);
  });

  it("leaves the workbook planner, its labels and the config schema to Operations.html", () => {
    // Strings only the planner and the schema have.
    for (const marker of ["Leads_ResponseHours", "FollowUpGoalAttempts", "$ZodObject"]) {
      expect(code).not.toContain(marker);
      expect(operationsSource).toContain(marker);
    }
  });

  it("carries the functions' help only in the stubs' English JSDoc, not in the bundle", () => {
    const bundle = code.split("\n").filter((line) => !line.startsWith(" *"));
    for (const fn of FUNCTIONS) {
      const texts = [fn.summary.en, fn.summary.de, fn.returns.de, ...fn.params.map((param) => param.description.de)];
      for (const text of texts) expect(bundle.filter((line) => line.includes(text))).toEqual([]);
    }
  });
});

describe("dist/Operations.html, loaded by Code.js when an operation runs", () => {
  const input = readFileSync(join(process.cwd(), "examples/internal-en.json"), "utf8");

  /** A fresh Apps Script runtime on the emulator, whose HtmlService serves `operations` as the Operations file. */
  function runtimeOnEmulator(
    operations: string,
    { today = "2026-11-28", files = {} }: { today?: string; files?: Record<string, string> } = {},
  ): { sandbox: Record<string, unknown>; opened: string[]; emulator: ReturnType<typeof createEmulator> } {
    const emulator = createEmulator({ today });
    const opened: string[] = [];
    const sandbox: Record<string, unknown> = {
      HtmlService: {
        createHtmlOutputFromFile(name: string) {
          opened.push(name);
          const content = name === "Operations" ? operations : files[name];
          if (content === undefined) throw new Error(`No HTML file named ${name} was found.`);
          return { getContent: () => content };
        },
      },
    };
    vm.createContext(sandbox);
    emulator.install(sandbox);
    new vm.Script(code, { filename: "Code.gs" }).runInContext(sandbox);
    return { sandbox, opened, emulator };
  }

  it("builds an SLA through the buildSla stub, evaluating the operations once per execution", () => {
    const { sandbox, opened, emulator } = runtimeOnEmulator(operationsSource);
    // google.script.run hands the server objects made in the script's own realm.
    const config = vm.runInContext(`(${input})`, sandbox) as unknown;
    const built = (sandbox.buildSla as (config: unknown) => { ok: boolean; message: string })(config);
    expect(built.ok).toBe(true);
    const state = (sandbox.getWizardState as () => { hasSla: boolean; config: { title?: string } })();
    expect(state.hasSla).toBe(true);
    expect(state.config.title).toBe("Marketing & Sales SLA 2027");
    expect(opened).toEqual(["Operations"]);
    const sheets = emulator.snapshot().sheets.map((sheet) => sheet.name);
    expect(sheets).toEqual(expect.arrayContaining(["Leads", "2026-12"]));
  });

  it("runs the self-test through its stub with the expected values of the same build, reading that file only then", () => {
    const { sandbox, opened } = runtimeOnEmulator(operationsSource, {
      today: "2027-02-10",
      files: { SelfTestExpected: selfTestSource },
    });
    type Report = {
      differenceCount: number;
      cellsChecked: number;
      skippedNotSettled: number;
      namedRangesChecked: number;
      chartsChecked: number;
    };
    const result = (sandbox.runSelfTest as () => { ok: boolean; report: Report; text: string })();
    expect(result.ok).toBe(true);
    expect(result.report.differenceCount).toBe(0);
    // The bundle reads the real clock: before 2027 the cells settled after the example's month are skipped, not compared.
    expect(result.report.cellsChecked).toBeGreaterThan(100);
    expect(result.report.cellsChecked + result.report.skippedNotSettled).toBeGreaterThan(1000);
    const file = JSON.parse(selfTestSource.slice(selfTestSource.indexOf("\n") + 1)) as {
      namedRanges: unknown[];
      charts: unknown[];
    };
    expect(result.report).toEqual(
      expect.objectContaining({ namedRangesChecked: file.namedRanges.length, chartsChecked: file.charts.length }),
    );
    expect(result.text).toContain(`Build: ${/sla-self-test:([0-9a-f]+)/.exec(selfTestSource)?.[1]}`);
    expect(opened).toEqual(["Operations", "SelfTestExpected"]);
  });

  it("refuses expected values from another build or none at all, before writing anything", () => {
    const stale = selfTestSource.replace(/sla-self-test:[0-9a-f]+/, "sla-self-test:0000000000000000");
    for (const files of [{ SelfTestExpected: stale }, {}] as Record<string, string>[]) {
      const { sandbox, emulator } = runtimeOnEmulator(operationsSource, { today: "2027-02-10", files });
      const result = (sandbox.runSelfTest as () => { ok: boolean; message: string })();
      expect(result.ok).toBe(false);
      expect(result.message).toMatch(
        files.SelfTestExpected ? /from another build.*npm run push/ : /missing or unreadable.*npm run push/,
      );
      expect(emulator.snapshot().sheets.map((sheet) => sheet.name)).toEqual(["Sheet1"]);
    }
  });

  it("refuses an Operations file from another build, telling the user to push the project again", () => {
    const stale = operationsSource.replace(/sla-operations-build:[0-9a-f]+/, "sla-operations-build:0000000000000000");
    const { sandbox } = runtimeOnEmulator(stale);
    expect(() => (sandbox.getWizardState as () => unknown)()).toThrow(/different builds.*npm run push/);
  });

  it("refuses a file that is not the operations code at all, before evaluating anything", () => {
    const { sandbox } = runtimeOnEmulator("<!DOCTYPE html><p>Hello</p>");
    expect(() => (sandbox.buildSla as (config: unknown) => unknown)({})).toThrow(
      /Operations\.html is not the add-on's operations code.*npm run push/,
    );
  });
});

describe("stub checks of the build", () => {
  const [first, second] = FUNCTIONS;
  if (!first || !second) throw new Error("registry is empty");

  it("accept generated stubs", () => {
    expect(missingStubs(`${renderStub(first)}\n${renderStub(second)}`, [first, second])).toEqual([]);
  });

  it("report a missing stub, a missing JSDoc and a missing @customfunction tag", () => {
    expect(missingStubs(renderStub(first), [first, second])).toEqual([
      `${second.name}: no top-level function declaration`,
    ]);
    const bare = renderStub(first).replace(/\/\*\*[\s\S]*?\*\/\n/, "");
    expect(missingStubs(bare, [first])).toEqual([`${first.name}: no JSDoc block directly above the declaration`]);
    const untagged = renderStub(first).replace(" * @customfunction\n", "");
    expect(missingStubs(untagged, [first])).toEqual([`${first.name}: JSDoc lacks @customfunction`]);
  });
});
