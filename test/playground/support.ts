/**
 * Helpers for the playground tests: a temporary folder for the saved
 * workbook, raw HTTP calls to the bridge, and the guide's default SLA with
 * the one contact a build needs.
 */
import { afterAll, beforeAll, expect } from "@jest/globals";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultConfig } from "../../src/config/defaults";
import type { SlaConfigInput } from "../../src/config/schema";
import type { Browser, Page } from "playwright-core";
import { launchChromium, newPlaygroundTab, type OpenPage } from "../../playground/server/browserDriver";
import { startPlayground, type Playground } from "../../playground/server";
import type { WorkbookView } from "../../playground/page/types";

export const TODAY = "2026-12-15";

export interface TempFolder {
  readonly path: string;
  file(name: string): string;
  remove(): void;
}

export function tempFolder(): TempFolder {
  const path = mkdtempSync(join(tmpdir(), "sla-playground-test-"));
  return { path, file: (name) => join(path, name), remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface Answer {
  readonly status: number;
  readonly body: unknown;
}

/** POSTs `body` as it is (a string is sent verbatim, anything else as JSON). */
export async function post(
  base: string,
  path: string,
  body: unknown,
  contentType = "application/json",
): Promise<Answer> {
  const response = await fetch(new URL(path, base), {
    method: "POST",
    headers: contentType === "" ? {} : { "Content-Type": contentType },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: keep the text.
  }
  return { status: response.status, body: parsed };
}

export async function get(base: string, path: string): Promise<Answer> {
  const response = await fetch(new URL(path, base));
  return { status: response.status, body: (await response.json()) as unknown };
}

/** The workbook as the playground page gets it, showing `sheet` (the active tab without one). */
export async function view(playground: Playground, sheet?: string): Promise<WorkbookView> {
  const answer = await get(
    playground.url,
    sheet === undefined ? "/api/view" : `/api/view?sheet=${encodeURIComponent(sheet)}`,
  );
  expect(answer.status).toBe(200);
  return answer.body as WorkbookView;
}

/** The wizard's defaults for a December 2026 start, with a sales contact who is the rep (a build needs both). */
export function slaConfig(): SlaConfigInput {
  const defaults = defaultConfig("en", "2026-12");
  return {
    ...defaults,
    contacts: [{ name: "Kendra Miles", email: "kendra@example.com", role: "Head of Sales", party: "sales" }],
    sales: { ...defaults.sales, reps: ["Kendra Miles"] },
  };
}

export function errorOf(answer: Answer): string {
  const body = answer.body as { error?: unknown };
  return typeof body?.error === "string" ? body.error : "";
}

/** A playground served from a temporary folder and its page in Debian's chromium, for one test file. */
export interface PlaygroundPage {
  readonly playground: Playground;
  readonly page: Page;
  /** Errors the page threw (uncaught). */
  readonly errors: readonly string[];
}

/**
 * Starts the playground and opens its page before the file's tests, and
 * closes both after them. `prepare` runs against the server before the page
 * opens (e.g. a build through the bridge).
 */
export function playgroundInBrowser(
  options: { locale?: string; today?: string; prepare?: (playground: Playground) => Promise<void> } = {},
): PlaygroundPage {
  let folder: TempFolder | undefined;
  let playground: Playground | undefined;
  let browser: Browser | undefined;
  let open: OpenPage | undefined;
  beforeAll(async () => {
    folder = tempFolder();
    // Chromium and its tab start while the server starts and prepares; the page loads once both are ready.
    const tab = launchChromium().then((launched) => {
      browser = launched;
      return newPlaygroundTab(launched);
    });
    tab.catch(() => undefined);
    playground = await startPlayground({
      port: 0,
      dataFile: folder.file("workbook.json"),
      today: options.today ?? TODAY,
      timeZone: "Europe/Berlin",
      locale: options.locale ?? "en_US",
    });
    await options.prepare?.(playground);
    const ready = await tab;
    open = ready;
    await ready.load(playground.url);
  });
  afterAll(async () => {
    await open?.close();
    await browser?.close();
    await playground?.close();
    folder?.remove();
  });
  return {
    get playground() {
      if (!playground) throw new Error("the playground starts in beforeAll");
      return playground;
    },
    get page() {
      if (!open) throw new Error("the page opens in beforeAll");
      return open.page;
    },
    get errors() {
      return open?.errors ?? [];
    },
  };
}
