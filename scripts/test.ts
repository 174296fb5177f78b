/**
 * `npm test` after the lint and the chromium check: the type check runs
 * beside the build and jest, since neither needs it and on two cores it
 * would otherwise hold one of them alone for ten seconds. Its report is
 * printed after jest's; a failing type check, build or test fails the run.
 * Arguments go to jest (`npm test -- test/core`).
 */
import { spawn } from "node:child_process";

interface Finished {
  readonly code: number;
  readonly output: string;
}

function run(command: string, args: readonly string[], capture: boolean): Promise<Finished> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: capture ? ["ignore", "pipe", "pipe"] : "inherit" });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("error", (error) => resolve({ code: 1, output: `${output}${error.message}\n` }));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

/** One of package.json's scripts, as `npm run` runs it. */
function npmRun(script: string, capture: boolean): Promise<Finished> {
  return run("npm", ["run", "--silent", script], capture);
}

async function main(): Promise<number> {
  const typecheck = npmRun("typecheck", true);
  const build = await npmRun("build", false);
  const tests =
    build.code === 0
      ? await run(
          process.execPath,
          ["--max-semi-space-size=64", "node_modules/jest/bin/jest.js", ...process.argv.slice(2)],
          false,
        )
      : undefined;
  const types = await typecheck;
  if (types.code !== 0) console.error(`\nThe type check (npm run typecheck) failed:\n${types.output}`);
  if (build.code !== 0) console.error("\nThe build failed, so no test ran.");
  return types.code === 0 && build.code === 0 && tests?.code === 0 ? 0 : 1;
}

process.exitCode = await main();
