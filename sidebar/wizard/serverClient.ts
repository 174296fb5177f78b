/**
 * A typed promise wrapper around `google.script.run` (design decision 10).
 * Names, arguments and results all come from the server module's own types,
 * so renaming a server function or changing its signature breaks the sidebar's
 * type check, not the user's click. Only JSON-safe values cross: no Date, no
 * functions, no class instances (platform facts §4).
 */
import type { ServerApi } from "../../src/server";

/** What `google.script.run` can carry: no Date, no function, no class instance (platform facts §4). */
export type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json | undefined };

export type ServerFunctionName = keyof ServerApi;
/** The server function's own parameters, each also JSON-safe: passing a Date does not type-check. */
export type ServerArgs<K extends ServerFunctionName> = JsonArgs<Parameters<ServerApi[K]>>;
type JsonArgs<P extends readonly unknown[]> = { [I in keyof P]: P[I] & Json };
export type ServerResult<K extends ServerFunctionName> = ReturnType<ServerApi[K]>;

/** The slice of Apps Script's client API the wrapper needs. */
export interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
}

interface GoogleClient {
  readonly script?: { readonly run?: ScriptRunner; readonly host?: { close(): void } };
}

function googleClient(): GoogleClient | undefined {
  return (globalThis as { google?: GoogleClient }).google;
}

/** Checks at run time what the types promise: strings, finite numbers, booleans, null, plain arrays and objects. */
export function assertJsonSafe(value: unknown, where = "argument"): void {
  const plain =
    value === null ||
    typeof value === "string" ||
    typeof value === "boolean" ||
    (typeof value === "number" && Number.isFinite(value));
  if (plain) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => assertJsonSafe(item, `${where}[${index}]`));
    return;
  }
  const prototype: unknown = typeof value === "object" ? Object.getPrototypeOf(value) : undefined;
  if (prototype !== Object.prototype && prototype !== null) throw new Error(`Not JSON-safe: ${where}`);
  // Properties left undefined are dropped on the way, as JSON.stringify drops them.
  for (const [key, item] of Object.entries(value as object))
    if (item !== undefined) assertJsonSafe(item, `${where}.${key}`);
}

/** Whether the page runs inside Apps Script (or a stand-in that provides `google.script.run`). */
export function hasServer(): boolean {
  return googleClient()?.script?.run !== undefined;
}

/**
 * Calls a server function and resolves with its answer.
 * @example const state = await call("getWizardState");
 * @example const result = await call("buildSla", form, { expectedRevision: 3 });
 */
export function call<K extends ServerFunctionName>(name: K, ...args: ServerArgs<K>): Promise<ServerResult<K>> {
  return new Promise((resolve, reject) => {
    const run = googleClient()?.script?.run;
    if (!run) {
      reject(new Error("google.script.run is not available"));
      return;
    }
    try {
      args.forEach((arg, index) => assertJsonSafe(arg, `${name} argument ${index + 1}`));
    } catch (error) {
      reject(error);
      return;
    }
    const runner = run
      .withSuccessHandler((value) => resolve(value as ServerResult<K>))
      .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String(error))));
    const fn = (runner as unknown as Record<string, ((...values: unknown[]) => void) | undefined>)[name];
    if (typeof fn !== "function") {
      reject(new Error(`The server has no function ${name}`));
      return;
    }
    fn.apply(runner, args);
  });
}

/** Closes the sidebar (Apps Script's `google.script.host.close`); does nothing outside Apps Script. */
export function closeSidebar(): void {
  googleClient()?.script?.host?.close();
}
