/**
 * Runs dist/Code.js in a worker thread, evaluated as a plain script in the
 * worker's own global scope, and times calls to its stubs there.
 *
 * Why not only node:vm: in Node 20 every global lookup inside a vm context
 * (`Math`, `Date`, `Number`, `Array`, …) goes through the context's property
 * interceptor, a C++ callback of roughly 0.2 µs, where a normal V8 global costs
 * next to nothing once the lookup is cached. Code that looks up builtins per
 * row is many times slower in a vm context than in a normal global, which
 * measures Node's sandbox rather than the add-on. A worker has an ordinary
 * global object, like a fresh script runtime. (Node 22's
 * `vm.constants.DONT_CONTEXTIFY` would allow the same without a worker.)
 */
import { Worker } from "node:worker_threads";

/** One stub called `warmup` times untimed, then `runs` times timed. */
export interface CallJob {
  readonly stub: string;
  /** Arguments as Sheets passes them; `Date`s arrive as the worker's own. */
  readonly args: readonly unknown[];
  readonly warmup: number;
  readonly runs: number;
}

export interface CallOutcome {
  /** Milliseconds per timed call. */
  readonly samplesMs: readonly number[];
  /** Result of the first call (warm-up or timed) and of the last one. */
  readonly first: unknown;
  readonly last: unknown;
}

// Plain JavaScript: the worker runs without the TypeScript loader.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { runInThisContext } = require("node:vm");
const { performance } = require("node:perf_hooks");
const zone = workerData.timeZone;
globalThis.SpreadsheetApp = { getActiveSpreadsheet: () => ({ getSpreadsheetTimeZone: () => zone }) };
globalThis.Session = { getActiveUserLocale: () => "en", getScriptTimeZone: () => zone };
runInThisContext(workerData.code, { filename: "Code.js" });
const outcomes = [];
for (const job of workerData.jobs) {
  const stub = globalThis[job.stub];
  if (typeof stub !== "function") throw new Error("dist/Code.js defines no top-level function " + job.stub);
  const samplesMs = [];
  let first;
  let last;
  for (let index = 0; index < job.warmup + job.runs; index++) {
    const start = performance.now();
    last = stub.apply(undefined, job.args);
    const elapsed = performance.now() - start;
    if (index === 0) first = last;
    if (index >= job.warmup) samplesMs.push(elapsed);
  }
  outcomes.push({ samplesMs, first, last });
}
parentPort.postMessage(outcomes);
`;

/**
 * Loads `code` in a new worker (a fresh V8 isolate), runs the jobs in order,
 * and returns one outcome per job. Arguments and results are copied by
 * structured clone.
 */
export function runInPlainGlobal(code: string, timeZone: string, jobs: readonly CallJob[]): Promise<CallOutcome[]> {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { code, timeZone, jobs } });
    let settled = false;
    worker.once("message", (outcomes: CallOutcome[]) => {
      settled = true;
      resolvePromise(outcomes);
      void worker.terminate();
    });
    worker.once("error", (error) => {
      settled = true;
      reject(error);
    });
    worker.once("exit", (exitCode) => {
      if (!settled) reject(new Error(`benchmark worker exited with code ${exitCode} before reporting`));
    });
  });
}
