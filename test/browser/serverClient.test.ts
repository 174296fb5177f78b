/**
 * The sidebar's typed wrapper around google.script.run, without a browser:
 * names, arguments and results come from the server's types (checked by tsc
 * through the @ts-expect-error lines below), values that cannot cross are
 * refused before the call, and failures reject.
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { defaultConfig } from "../../src/config/defaults";
import { assertJsonSafe, call, type ScriptRunner } from "../../sidebar/wizard/serverClient";

type Answer = { value?: unknown; error?: Error };

function installRun(answer: (name: string, args: unknown[]) => Answer): { name: string; args: unknown[] }[] {
  const calls: { name: string; args: unknown[] }[] = [];
  const make = (
    success?: (value: unknown) => void,
    failure?: (error: unknown) => void,
  ): ScriptRunner & Record<string, unknown> => {
    const runner: ScriptRunner & Record<string, unknown> = {
      withSuccessHandler: (handler) => make(handler, failure),
      withFailureHandler: (handler) => make(success, handler),
    };
    for (const name of ["getWizardState", "buildSla", "startNextMonth"]) {
      runner[name] = (...args: unknown[]) => {
        calls.push({ name, args });
        const result = answer(name, args);
        setTimeout(() => (result.error ? failure?.(result.error) : success?.(result.value)), 0);
      };
    }
    return runner;
  };
  (globalThis as { google?: unknown }).google = { script: { run: make() } };
  return calls;
}

afterEach(() => {
  delete (globalThis as { google?: unknown }).google;
});

describe("call", () => {
  it("resolves with the server's answer and passes the arguments through", async () => {
    const calls = installRun((name) => ({
      value: name === "buildSla" ? { ok: true, message: "built", revision: 2, sheets: [], notes: [] } : undefined,
    }));
    const config = defaultConfig("en", "2026-03");
    const result = await call("buildSla", config, { expectedRevision: 1 });
    expect(result.ok).toBe(true);
    expect(calls).toEqual([{ name: "buildSla", args: [config, { expectedRevision: 1 }] }]);
  });

  it("rejects with the failure handler's error", async () => {
    installRun(() => ({ error: new Error("Exception: timed out") }));
    await expect(call("getWizardState")).rejects.toThrow("Exception: timed out");
  });

  it("refuses values that google.script.run cannot carry, before calling", async () => {
    const calls = installRun(() => ({ value: null }));
    const dated = { when: new Date() } as unknown as { [key: string]: string };
    await expect(call("buildSla", dated)).rejects.toThrow("Not JSON-safe: buildSla argument 1.when");
    expect(calls).toEqual([]);
  });

  it("rejects when there is no google.script.run (the page opened outside Apps Script)", async () => {
    await expect(call("getWizardState")).rejects.toThrow("google.script.run is not available");
  });
});

describe("assertJsonSafe", () => {
  it("accepts plain data and refuses the rest", () => {
    expect(() => assertJsonSafe({ a: [1, "x", null, true, { b: undefined }] })).not.toThrow();
    expect(() => assertJsonSafe([new Date()])).toThrow("argument[0]");
    expect(() => assertJsonSafe({ f: () => 1 })).toThrow("argument.f");
    expect(() => assertJsonSafe(Number.NaN)).toThrow();
    expect(() => assertJsonSafe([undefined])).toThrow("argument[0]");
  });
});

/** Never called: tsc checks that the wrapper's types follow the server module. */
// biome-ignore lint/suspicious/noExportsInTest: exported so tsc does not report it unused
export function typeChecks(): void {
  // @ts-expect-error: not a server function
  void call("deleteEverything");
  // @ts-expect-error: a Date cannot cross to the server
  void call("buildSla", { startMonth: new Date() });
  // @ts-expect-error: expectedRevision is a number
  void call("buildSla", {}, { expectedRevision: "3" });
  void call("getWizardState").then((state) => state.config.startMonth.slice(0, 4));
}
