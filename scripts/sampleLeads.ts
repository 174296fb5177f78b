/**
 * `npm run sample-leads -- --config FILE.json --month YYYY-MM [--count N] [--seed N] [--today YYYY-MM-DD] --out FILE.csv`
 * Writes a deterministic month of sample leads as CSV (the lead log's input columns).
 */
import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { stringify } from "csv-stringify/sync";
import { validateConfig } from "../src/config/validate";
import { LEAD_CSV_HEADER, sampleLeads } from "../playground/sampleLeads";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      config: { type: "string" },
      month: { type: "string" },
      count: { type: "string" },
      seed: { type: "string" },
      today: { type: "string" },
      out: { type: "string" },
    },
  });
  if (!values.config || !values.month || !values.out) throw new Error("--config, --month and --out are required");
  const checked = validateConfig(JSON.parse(await readFile(values.config, "utf8")), "en");
  if (!checked.ok) throw new Error(checked.problems.map((problem) => problem.text).join("\n"));
  const rows = sampleLeads(checked.config, {
    month: values.month,
    count: Number(values.count ?? 120),
    seed: Number(values.seed ?? 20261201),
    ...(values.today ? { today: values.today } : {}),
  });
  await writeFile(
    values.out,
    stringify([
      [...LEAD_CSV_HEADER],
      ...rows.map((row) => row.map((cell) => (typeof cell === "boolean" ? (cell ? "TRUE" : "FALSE") : cell))),
    ]),
  );
  console.log(`${rows.length} leads → ${values.out}`);
}

main().catch((error: unknown) => {
  console.error(`sample-leads: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
