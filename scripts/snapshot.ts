/**
 * `npm run snapshot -- --config FILE.json [--leads FILE.csv] [--today YYYY-MM-DD] --out FILE.json`
 *
 * Runs the real add-on code (src/gas) on the local Sheets emulator: builds the
 * SLA from the config, types the leads into the lead log as sales would, and
 * writes a JSON snapshot of every sheet, chart, named range and service call.
 */
import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { parse } from "csv-parse/sync";
import { createEmulator } from "../playground/emulator";
import { buildSla } from "../src/gas/buildSla";
import { clock, fixedDay } from "../src/gas/today";
import { labelsFor } from "../src/workbook/labels";

const USAGE =
  "usage: npm run snapshot -- --config FILE.json [--leads FILE.csv] [--today YYYY-MM-DD] [--time-zone Europe/Berlin] --out FILE.json";

function fail(message: string): never {
  console.error(`snapshot: ${message}\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      config: { type: "string" },
      leads: { type: "string" },
      today: { type: "string" },
      out: { type: "string" },
      "time-zone": { type: "string" },
    },
    strict: true,
  });
  if (!values.config) fail("--config is required");
  if (!values.out) fail("--out is required");
  if (values.today && !/^\d{4}-\d{2}-\d{2}$/.test(values.today))
    fail(`--today must look like 2026-12-15 (got ${values.today})`);

  let config: unknown;
  try {
    config = JSON.parse(await readFile(values.config, "utf8"));
  } catch (error) {
    fail(`cannot read ${values.config}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const language = (config as { language?: string }).language === "de" ? "de" : "en";
  const emulator = createEmulator({
    timeZone: values["time-zone"] ?? "Europe/Berlin",
    locale: language === "de" ? "de_DE" : "en_US",
    ...(values.today ? { today: values.today } : {}),
  });
  const uninstall = emulator.install();
  if (values.today) clock.now = fixedDay(values.today);
  try {
    const result = buildSla(config);
    if (!result.ok) fail(`the SLA was not built:\n  ${result.message.split("\n").join("\n  ")}`);
    const buildCalls = {
      total: emulator.calls.total,
      documentCalls: emulator.calls.documentCalls,
      byMethod: { ...emulator.calls.byMethod },
    };
    if (values.leads) {
      const rows = parse(await readFile(values.leads, "utf8"), {
        columns: false,
        from_line: 2,
        skip_empty_lines: true,
      }) as string[][];
      if (rows.length > 0) {
        const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(labelsFor(language).sheets.leads);
        if (!sheet) fail("the lead log is missing after the build");
        if (sheet.getMaxRows() < rows.length + 1)
          sheet.insertRowsAfter(sheet.getMaxRows(), rows.length + 1 - sheet.getMaxRows());
        const typed = rows.map((row) =>
          row.slice(0, 12).map((cell) => (cell === "TRUE" ? true : cell === "FALSE" ? false : cell)),
        );
        sheet.getRange(2, 1, typed.length, 12).setValues(typed);
      }
    }
    const snapshot = { ...emulator.snapshot(), calls: buildCalls };
    await writeFile(values.out, `${JSON.stringify(snapshot, null, 2)}\n`);
    console.log(
      `snapshot: ${snapshot.sheets.length} sheets, ${Object.keys(snapshot.namedRanges).length} named ranges, ${buildCalls.documentCalls} document calls for the build → ${values.out}`,
    );
  } finally {
    uninstall();
  }
}

main().catch((error: unknown) => {
  console.error(`snapshot failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
