/**
 * What dist/Code.js has in place of src/operations.ts: the same functions,
 * loaded from the project's Operations file the first time one is called.
 *
 * Apps Script evaluates every script file of the project for every
 * custom-function call, but an HTML file only when asked for it. So the build
 * writes the operations (schema, planner, labels: most of the server code) to
 * dist/Operations.html as a plain script, and this module reads it with
 * HtmlService and evaluates it once per execution. The build swaps this
 * module in for src/operations.ts when it bundles Code.js; from source (tests,
 * playground) the real module is imported directly.
 */
import type { Operations } from "../operations";

/** The HtmlService name of the file (dist/Operations.html). */
export const OPERATIONS_FILE = "Operations";

/** Global the operations bundle assigns its exports to. */
export const OPERATIONS_GLOBAL = "SlaOperations";

/** Written by the build into both files, so a Code.js never runs operations from another build. */
declare const SLA_OPERATIONS_BUILD: string;

export function operationsBuildMarker(build: string): string {
  return `/*sla-operations-build:${build}*/`;
}

let loaded: Operations | undefined;

/**
 * Evaluates the operations source once per execution. `new Function` keeps its
 * top-level names out of the global scope and returns the namespace.
 */
export function evaluateOperations(source: string, expectedBuild: string): Operations {
  const marker = /^\/\*sla-operations-build:([0-9a-f]+)\*\//.exec(source);
  if (!marker) {
    throw new Error(
      `${OPERATIONS_FILE}.html is not the add-on's operations code. Push the whole project again with \`npm run push\`.`,
    );
  }
  if (marker[1] !== expectedBuild) {
    throw new Error(
      `The add-on's files are from different builds (${OPERATIONS_FILE}.html does not match Code.js). ` +
        "Push the whole project again with `npm run push`.",
    );
  }
  // Our own file from this project, never user input.
  const namespace = new Function(`${source}\nreturn ${OPERATIONS_GLOBAL};`)() as
    | { OPERATIONS?: Operations }
    | undefined;
  if (!namespace?.OPERATIONS)
    throw new Error(
      `${OPERATIONS_FILE}.html defines no operations. Push the whole project again with \`npm run push\`.`,
    );
  return namespace.OPERATIONS;
}

function operations(): Operations {
  if (!loaded) {
    const source = HtmlService.createHtmlOutputFromFile(OPERATIONS_FILE).getContent();
    loaded = evaluateOperations(source, SLA_OPERATIONS_BUILD);
  }
  return loaded;
}

type Lazy<F> = F extends (...args: infer A) => infer R ? (...args: A) => R : never;

function lazy<K extends keyof Operations>(name: K): Lazy<Operations[K]> {
  return ((...args: unknown[]) => (operations()[name] as (...a: unknown[]) => unknown)(...args)) as Lazy<Operations[K]>;
}

export const OPERATIONS: Operations = {
  getWizardState: lazy("getWizardState"),
  buildSla: lazy("buildSla"),
  startNextMonth: lazy("startNextMonth"),
  shareWithSales: lazy("shareWithSales"),
  openDashboard: lazy("openDashboard"),
  getImportState: lazy("getImportState"),
  importLeads: lazy("importLeads"),
  runSelfTest: lazy("runSelfTest"),
};
