/**
 * `npm run bench`: runs every benchmark module and prints a table of figures.
 *
 *   npm run bench                                  # all modules
 *   npm run bench -- --only customFunctions        # some modules (repeatable)
 *   npm run bench -- --json bench/results.json     # also write the results as JSON
 *
 * Benchmarks report; they do not fail. A missed target is shown in the table
 * and the exit code stays 0. A module that throws (including a failed sanity
 * check) is reported as crashed and makes the exit code 1.
 *
 * To add a benchmark, write bench/<name>.ts exporting
 * `async function run(): Promise<BenchResult[]>` (see bench/lib/types.ts) and
 * add it to MODULES below.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { meetsTarget, type BenchModule, type BenchResult, type BenchTarget } from "./lib/types";

interface ModuleEntry {
  readonly name: string;
  readonly load: () => Promise<BenchModule>;
}

/** Every benchmark module, in the order they run. Imported lazily so one that fails to load is reported like any crash. */
const MODULES: readonly ModuleEntry[] = [
  { name: "customFunctions", load: () => import("./customFunctions") },
  { name: "workbook", load: () => import("./workbook") },
  { name: "import", load: () => import("./import") },
  { name: "surfaces", load: () => import("./surfaces") },
  { name: "playground", load: () => import("./playground") },
];

interface ModuleOutcome {
  readonly module: string;
  readonly seconds: number;
  readonly results: readonly BenchResult[];
  readonly error?: string;
}

interface Options {
  readonly json?: string;
  readonly only: readonly string[];
}

function usage(message: string): never {
  console.error(
    `bench: ${message}\nusage: tsx bench/run.ts [--json FILE] [--only MODULE]...\nmodules: ${MODULES.map((entry) => entry.name).join(", ")}`,
  );
  process.exit(2);
}

function parseOptions(argv: readonly string[]): Options {
  let json: string | undefined;
  const only: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string;
    const [flag, inline] = arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg, undefined];
    const value = (): string => {
      const next = inline ?? argv[++index];
      if (next === undefined || next === "") usage(`${flag} needs a value`);
      return next;
    };
    if (flag === "--json") json = value();
    else if (flag === "--only") only.push(value());
    else usage(`unknown argument ${arg}`);
  }
  const unknown = only.filter((name) => !MODULES.some((entry) => entry.name === name));
  if (unknown.length > 0) usage(`no benchmark module ${unknown.join(", ")}`);
  return json === undefined ? { only } : { json, only };
}

function checkResults(results: unknown): BenchResult[] {
  if (!Array.isArray(results)) throw new Error("run() did not return an array of results");
  const seen = new Set<string>();
  for (const result of results as BenchResult[]) {
    if (typeof result?.name !== "string" || result.name === "") throw new Error("a result has no name");
    if (seen.has(result.name)) throw new Error(`two results are named ${result.name}`);
    seen.add(result.name);
    if (typeof result.value !== "number" || !Number.isFinite(result.value))
      throw new Error(`${result.name}: value ${String(result.value)} is not a finite number`);
  }
  return results as BenchResult[];
}

async function runModule(entry: ModuleEntry): Promise<ModuleOutcome> {
  const start = performance.now();
  process.stdout.write(`running ${entry.name} ... `);
  try {
    const module = await entry.load();
    if (typeof module.run !== "function") throw new Error("the module exports no run()");
    const results = checkResults(await module.run());
    const seconds = (performance.now() - start) / 1000;
    console.log(`done in ${seconds.toFixed(1)} s`);
    return { module: entry.name, seconds, results };
  } catch (error) {
    const seconds = (performance.now() - start) / 1000;
    console.log(`CRASHED after ${seconds.toFixed(1)} s`);
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return { module: entry.name, seconds, results: [], error: error instanceof Error ? error.message : String(error) };
  }
}

// ---------------------------------------------------------------------------
// The table

function formatValue(value: number): string {
  if (Number.isInteger(value) || Math.abs(value) >= 1000) return Math.round(value).toLocaleString("en-US");
  if (Math.abs(value) >= 100) return value.toFixed(1);
  if (Math.abs(value) >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

function formatTarget(target: BenchTarget | undefined): string {
  if (!target) return "";
  const parts: string[] = [];
  if (target.min !== undefined) parts.push(`≥ ${formatValue(target.min)}`);
  if (target.max !== undefined) parts.push(`≤ ${formatValue(target.max)}`);
  return parts.join(", ");
}

function status(result: BenchResult): string {
  const met = meetsTarget(result);
  return met === undefined ? "info" : met ? "met" : "MISSED";
}

function printTable(outcomes: readonly ModuleOutcome[]): void {
  const header = ["benchmark", "value", "unit", "target", "status"];
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const outcome of outcomes) {
    if (outcome.error !== undefined) {
      rows.push([`${outcome.module}: CRASHED`, "", "", "", "crash"]);
      notes.push(`${outcome.module}: ${outcome.error}`);
      continue;
    }
    for (const result of outcome.results) {
      const index = result.note === undefined ? "" : ` [${notes.push(`${result.name}: ${result.note}`)}]`;
      rows.push([
        `${result.name}${index}`,
        formatValue(result.value),
        result.unit,
        formatTarget(result.target),
        status(result),
      ]);
    }
  }
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const rightAligned = new Set([1]);
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) =>
        rightAligned.has(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join("  ")
      .trimEnd();
  console.log("");
  console.log(line(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const row of rows) console.log(line(row));
  if (notes.length > 0) {
    console.log("");
    notes.forEach((note, index) => console.log(`[${index + 1}] ${note}`));
  }
}

// ---------------------------------------------------------------------------

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const selected = options.only.length === 0 ? MODULES : MODULES.filter((entry) => options.only.includes(entry.name));
  console.log(`node ${process.version}, ${process.platform} ${process.arch}`);
  const outcomes: ModuleOutcome[] = [];
  for (const entry of selected) outcomes.push(await runModule(entry));
  printTable(outcomes);

  const all = outcomes.flatMap((outcome) => outcome.results);
  const missed = all.filter((result) => meetsTarget(result) === false);
  const crashed = outcomes.filter((outcome) => outcome.error !== undefined);
  console.log(
    `\n${all.length} figures, ${all.filter((result) => meetsTarget(result) !== undefined).length} with targets, ${missed.length} missed; ${crashed.length} of ${outcomes.length} modules crashed`,
  );

  if (options.json !== undefined) {
    const file = resolve(options.json);
    const report = {
      date: new Date().toISOString(),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      modules: outcomes.map((outcome) => ({
        module: outcome.module,
        seconds: Number(outcome.seconds.toFixed(3)),
        ...(outcome.error === undefined ? {} : { error: outcome.error }),
        results: outcome.results.map((result) => ({ ...result, met: meetsTarget(result) ?? null })),
      })),
    };
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`wrote ${file}`);
  }
  process.exitCode = crashed.length > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
