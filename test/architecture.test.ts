/**
 * Design: nothing in config/, core/, functions/, workbook/, reconcile/ or import/ may use an Apps
 * Script global or import from gas/, so all logic runs and is tested in Node.
 */
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sourceFiles } from "../scripts/lib/functionLengths";

const APPS_SCRIPT_GLOBALS = [
  "SpreadsheetApp",
  "HtmlService",
  "PropertiesService",
  "LockService",
  "ScriptApp",
  "Session",
  "Utilities",
  "CacheService",
  "MailApp",
  "DriveApp",
  "Charts",
  "Logger",
  "UrlFetchApp",
  "google.script",
];

/** Absolute paths of the `.ts` files under a folder of the repository. */
function sourceFilesIn(folder: string): string[] {
  return sourceFiles(process.cwd(), folder).map((file) => join(process.cwd(), file));
}

describe("pure layers", () => {
  const folders = ["src/config", "src/core", "src/functions", "src/workbook", "src/reconcile", "src/import"];
  const files = folders.flatMap(sourceFilesIn);

  it("has files to check in every pure folder", () => {
    for (const folder of folders) expect(files.some((file) => file.includes(`/${folder}/`))).toBe(true);
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files)("%s uses no Apps Script global and imports nothing from gas/", (file) => {
    const code = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    for (const name of APPS_SCRIPT_GLOBALS) expect(code).not.toMatch(new RegExp(`\\b${name.replace(".", "\\.")}\\b`));
    expect(code).not.toMatch(/from\s+["'][^"']*\/gas\//);
  });
});
