/**
 * `npm start [-- --today YYYY-MM-DD] [--reset] [--locale de_DE] [--time-zone Europe/Berlin] [--data FILE]`
 *
 * Serves the playground (npm start builds dist/ first): the add-on running
 * on the local Sheets emulator, in a page like a spreadsheet window. The
 * port comes from PORT (default 8080); the workbook is saved in
 * playground/.data/workbook.json between runs.
 */
import { parseArgs } from "node:util";
import { DEFAULT_DATA_FILE, DEFAULT_PORT, PortInUseError, startPlayground } from "../playground/server";

const USAGE =
  "usage: npm start [-- --today YYYY-MM-DD] [--reset] [--locale en_US|de_DE] [--time-zone ZONE] [--data FILE]   (port: PORT=8081 npm start)";

function fail(message: string): never {
  console.error(`playground: ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  const started = Date.now();
  let values: { today?: string; reset?: boolean; locale?: string; "time-zone"?: string; data?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        today: { type: "string" },
        reset: { type: "boolean" },
        locale: { type: "string" },
        "time-zone": { type: "string" },
        data: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today))
    fail(`--today must look like 2026-12-15 (got ${values.today})\n${USAGE}`);
  const portText = process.env.PORT;
  const port = portText === undefined || portText === "" ? DEFAULT_PORT : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`PORT must be a port number such as 8081 (got ${portText})`);

  try {
    const playground = await startPlayground({
      port,
      dataFile: values.data ?? DEFAULT_DATA_FILE,
      ...(values.today ? { today: values.today } : {}),
      ...(values.reset ? { reset: true } : {}),
      ...(values.locale ? { locale: values.locale } : {}),
      ...(values["time-zone"] ? { timeZone: values["time-zone"] } : {}),
    });
    if (playground.notice) console.warn(`playground: ${playground.notice}`);
    const today = values.today
      ? `today is ${values.today} (--today)`
      : "today is the real date (--today YYYY-MM-DD to pretend another)";
    console.log(`Marketing & Sales SLA playground: ${playground.url}  (ready in ${Date.now() - started} ms)`);
    console.log(`  workbook: ${playground.session.dataFile}${values.reset ? " (reset)" : ""}; ${today}`);
    console.log("  Extensions ▸ Marketing & Sales SLA ▸ New or edit SLA to start; Ctrl+C stops.");
    const stop = () => {
      void playground.close().then(() => process.exit(0));
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  } catch (error) {
    if (error instanceof PortInUseError) fail(error.message);
    fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
}

void main();
