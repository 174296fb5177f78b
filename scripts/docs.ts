/**
 * `npm run docs`: writes the function reference from the registry into
 * README.md (between the function-reference markers, leaving the rest alone)
 * and the German reference to docs/functions.de.md.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { FUNCTIONS } from "../src/functions/definitions";
import { README_MARKERS, renderGermanDocument, renderReference, replaceBetweenMarkers } from "./lib/reference";

const root = process.cwd();
const readmePath = join(root, "README.md");
const germanPath = join(root, "docs", "functions.de.md");

const MINIMAL_README = [
  "# Marketing & Sales SLA for Google Sheets",
  "",
  "## Function reference",
  "",
  README_MARKERS.start,
  README_MARKERS.end,
  "",
].join("\n");

async function writeIfChanged(path: string, text: string): Promise<boolean> {
  const before = existsSync(path) ? await readFile(path, "utf8") : undefined;
  if (before === text) return false;
  await writeFile(path, text);
  return true;
}

async function main(): Promise<void> {
  const readme = existsSync(readmePath) ? await readFile(readmePath, "utf8") : MINIMAL_README;
  const readmeChanged = await writeIfChanged(readmePath, replaceBetweenMarkers(readme, renderReference(FUNCTIONS)));
  await mkdir(join(root, "docs"), { recursive: true });
  const germanChanged = await writeIfChanged(germanPath, renderGermanDocument(FUNCTIONS));
  const state = (changed: boolean): string => (changed ? "updated" : "up to date");
  console.log(
    `README.md ${state(readmeChanged)}, docs/functions.de.md ${state(germanChanged)} (${FUNCTIONS.length} functions)`,
  );
}

main().catch((error: unknown) => {
  console.error(`docs failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
