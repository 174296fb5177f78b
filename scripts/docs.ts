/**
 * `npm run docs`: writes the function reference from the registry to
 * docs/functions.md (English) and docs/functions.de.md (German).
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { FUNCTIONS } from "../src/functions/definitions";
import { REFERENCE_FILES, renderDocument } from "./lib/reference";

const root = process.cwd();

async function writeIfChanged(path: string, text: string): Promise<boolean> {
  const before = existsSync(path) ? await readFile(path, "utf8") : undefined;
  if (before === text) return false;
  await writeFile(path, text);
  return true;
}

async function main(): Promise<void> {
  await mkdir(join(root, "docs"), { recursive: true });
  const states: string[] = [];
  for (const language of ["en", "de"] as const) {
    const file = REFERENCE_FILES[language];
    const changed = await writeIfChanged(join(root, file), renderDocument(FUNCTIONS, language));
    states.push(`${file} ${changed ? "updated" : "up to date"}`);
  }
  console.log(`${states.join(", ")} (${FUNCTIONS.length} functions)`);
}

main().catch((error: unknown) => {
  console.error(`docs failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
