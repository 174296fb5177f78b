/**
 * Run by `npm test` before jest: makes sure the browser tests have chromium.
 * As root (CI, a fresh container) a missing chromium is installed with apt;
 * anyone else is told the command and the run stops before any test starts.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromiumAction, chromiumPath } from "./lib/chromium";

function main(): number {
  const path = chromiumPath();
  const situation = () => ({ path, exists: existsSync(path), isRoot: process.getuid?.() === 0 });
  const action = chromiumAction(situation());
  if (action.kind === "ready") return 0;
  if (action.kind === "stop") {
    console.error(action.message);
    return 1;
  }
  console.log(`${path} is missing: installing Debian's chromium for the browser tests.`);
  for (const command of action.commands) {
    const [program = "", ...args] = command.split(" ");
    const result = spawnSync(program, args, {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (result.status !== 0) {
      console.error(`\`${command}\` failed (${result.error?.message ?? `exit code ${result.status}`}).`);
      return 1;
    }
  }
  if (chromiumAction(situation()).kind === "ready") return 0;
  console.error(`apt-get installed chromium, but ${path} is still missing.`);
  return 1;
}

process.exitCode = main();
