/**
 * Runs the built sidebar (dist/Wizard.html) in Debian's chromium through
 * playwright-core, offline: every request except the page itself is aborted,
 * so Google's add-on stylesheet fails as it would without network. A stand-in
 * for `google.script.run` answers from Node: getWizardState with the guide's
 * defaults, buildSla with the real validateConfig.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../../playground/server/browserDriver";
import { defaultConfig } from "../../src/config/defaults";
import { validateConfig } from "../../src/config/validate";
import type { Language } from "../../src/core/i18n";
import { messagesFor } from "../../src/gas/messages";
import type { OperationResult } from "../../src/gas/operationResult";
import type { OpenDashboardResult } from "../../src/gas/openDashboard";

export const WIZARD_FILE = join(process.cwd(), "dist/Wizard.html");
export const ARTIFACTS = join(process.cwd(), "test-artifacts");
const WIZARD_URL = "https://sidebar.invalid/Wizard.html";
export const START_MONTH = "2026-03";
export const REVISION = 7;

/** The playground's chromium (playground/server/browserDriver.ts), once the built sidebar is there. */
export function launchBrowser(): Promise<Browser> {
  if (!existsSync(WIZARD_FILE)) throw new Error(`${WIZARD_FILE} is missing: run npm run build first`);
  return launchChromium();
}

export interface ServerCall {
  readonly name: string;
  readonly args: unknown[];
  /** False when an argument was not JSON-safe (a Date, a function, undefined in an array…). */
  readonly jsonSafe: boolean;
}

/** What a test may change about the sidebar's server while the page runs. */
export interface WizardAnswers {
  /** Replaces the server's answer to buildSla. */
  buildAnswer: ((config: unknown, options: unknown) => OperationResult) | undefined;
  /** While set, buildSla waits for this promise before answering (to see the busy state). */
  holdBuild: Promise<void> | undefined;
  /** The server's answer to openDashboard (default: the Dashboard opened). */
  dashboardAnswer: ((language: unknown) => OpenDashboardResult) | undefined;
}

export type Wizard = OfflinePage & WizardAnswers;

/** The server's own answer to buildSla: validate with the real schema, then "build". */
export function realBuild(config: unknown): OperationResult {
  const language: Language = (config as { language?: unknown })?.language === "de" ? "de" : "en";
  const checked = validateConfig(config, language);
  if (!checked.ok)
    return {
      ok: false,
      reason: "invalid",
      message: checked.problems.map((problem) => problem.text).join("\n"),
      problems: checked.problems,
    };
  return { ok: true, message: messagesFor(language).built(9), revision: REVISION + 1, sheets: [], notes: [] };
}

/**
 * The page-side stand-in for `google.script.run`, offering the named server
 * functions: installed before any of the page's scripts, it records calls and
 * forwards them to Node. Plain JavaScript text, so no transpiler helper leaks
 * into the page.
 */
function standIn(names: readonly string[]): string {
  return STAND_IN_TEMPLATE.replace("__NAMES__", JSON.stringify(names));
}

const STAND_IN_TEMPLATE = `(() => {
  const plain = (value) => {
    if (value === null || typeof value === "string" || typeof value === "boolean") return true;
    if (typeof value === "number") return Number.isFinite(value);
    if (Array.isArray(value)) return value.every((item) => item !== undefined && plain(item));
    if (typeof value === "object") {
      const proto = Object.getPrototypeOf(value);
      return (proto === Object.prototype || proto === null) && Object.values(value).every((item) => item === undefined || plain(item));
    }
    return false;
  };
  const make = (success, failure) => {
    const runner = {
      withSuccessHandler: (fn) => make(fn, failure),
      withFailureHandler: (fn) => make(success, fn),
      withUserObject: () => runner,
    };
    for (const name of __NAMES__) {
      runner[name] = (...args) => {
        const jsonSafe = args.every((arg) => arg !== undefined && plain(arg));
        window.__slaServer(name, JSON.stringify(args), jsonSafe).then((answer) => {
          const parsed = JSON.parse(answer);
          if (parsed.error !== undefined) { if (failure) failure(new Error(parsed.error)); }
          else if (success) success(parsed.value);
        });
      };
    }
    return runner;
  };
  window.google = { script: { run: make(undefined, undefined), host: { close: () => { window.__closed = true; } } } };
})();`;

const WIZARD_SERVER_FUNCTIONS = ["getWizardState", "buildSla", "startNextMonth", "openDashboard"];

export async function openWizard(
  browser: Browser,
  language: Language,
  options: { width?: number; height?: number } = {},
): Promise<Wizard> {
  const answers: WizardAnswers = { buildAnswer: undefined, holdBuild: undefined, dashboardAnswer: undefined };
  const opened = await openOffline(browser, {
    file: WIZARD_FILE,
    url: WIZARD_URL,
    language,
    width: options.width ?? 300,
    height: options.height ?? 720,
    names: WIZARD_SERVER_FUNCTIONS,
    serve: (name, args) => wizardAnswer(answers, language, name, args),
  });
  return Object.assign(answers, opened);
}

/** The sidebar's server, as the stand-in answers it: the guide's defaults, the real validation, or the test's answers. */
async function wizardAnswer(
  wizard: WizardAnswers,
  language: Language,
  name: string,
  args: unknown[],
): Promise<unknown> {
  if (name === "getWizardState")
    return {
      config: defaultConfig(language, START_MONTH),
      hasSla: false,
      revision: REVISION,
      language,
      today: "2026-02-16",
      months: [],
    };
  if (name === "buildSla") {
    if (wizard.holdBuild) await wizard.holdBuild;
    return (wizard.buildAnswer ?? realBuild)(args[0], args[1]);
  }
  if (name === "openDashboard")
    return (
      wizard.dashboardAnswer ?? (() => ({ ok: true, sheet: "Dashboard", message: 'Opened the tab "Dashboard".' }))
    )(args[0]);
  throw new Error(`no stand-in for ${name}`);
}

export async function heading(page: Page): Promise<string> {
  return (await page.textContent("#wz-heading")) ?? "";
}

export async function activeId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? "");
}

/** The text the live region settles on (it is emptied first, then filled). */
export async function liveText(page: Page): Promise<string> {
  await page.waitForFunction(() => (document.getElementById("wz-live")?.textContent ?? "") !== "");
  return (await page.textContent("#wz-live")) ?? "";
}

/** Fills the one contact of a new SLA, so step 1 can be left. */
export async function fillContact(
  page: Page,
  index: number,
  contact: { name: string; email: string; role?: string; party?: string },
): Promise<void> {
  await page.fill(`#f-contacts-${index}-name`, contact.name);
  await page.fill(`#f-contacts-${index}-email`, contact.email);
  if (contact.role !== undefined) await page.fill(`#f-contacts-${index}-role`, contact.role);
  if (contact.party !== undefined) await page.selectOption(`#f-contacts-${index}-party`, contact.party);
}

export async function next(page: Page): Promise<void> {
  await page.click("#wz-next");
}

/** On the tiers step: a CEO tier worth 100 a lead, and a Director tier worth 50 with its own 25 % close rate. */
export async function addTwoTiers(page: Page): Promise<void> {
  await page.click("#add-tier");
  await page.fill("#f-marketing-tiers-0-name", "CEO");
  await page.fill("#f-marketing-tiers-0-valuePerLead", "100");
  await page.click("#add-tier");
  await page.fill("#f-marketing-tiers-1-name", "Director");
  await page.fill("#f-marketing-tiers-1-valuePerLead", "50");
  await page.click('[data-row="marketing.tiers.1"] summary');
  await page.fill("#f-marketing-tiers-1-closeRate", "25 %");
}

/** Widths beyond the sidebar: the document's and every visible element's right edge. */
export async function overflow(page: Page, width = 300): Promise<{ scrollWidth: number; offenders: string[] }> {
  return page.evaluate((limit) => {
    const offenders: string[] = [];
    for (const element of Array.from(document.body.querySelectorAll("*"))) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.right > limit + 0.5)
        offenders.push(
          `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}.${String(element.className)} right=${Math.round(box.right)}`,
        );
    }
    return { scrollWidth: document.scrollingElement?.scrollWidth ?? 0, offenders };
  }, width);
}

export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

// ------------------------------------------------------------ dialogs (Share, Reference, SelfTest)

export const SHARE_FILE = join(process.cwd(), "dist/Share.html");
export const REFERENCE_FILE = join(process.cwd(), "dist/Reference.html");
export const IMPORT_FILE = join(process.cwd(), "dist/Import.html");
export const SELF_TEST_FILE = join(process.cwd(), "dist/SelfTest.html");

/** Answers one server function from Node; a throw reaches the page's failure handler. */
export type ServerHandler = (...args: unknown[]) => unknown;

export interface Surface extends OfflinePage {
  /** The stand-in's answers, by server function name; change them between steps. */
  readonly answers: Record<string, ServerHandler>;
}

export interface SurfaceOptions {
  /** A built file in dist/. */
  readonly file: string;
  readonly language: Language;
  readonly width: number;
  readonly height: number;
  readonly answers?: Record<string, ServerHandler>;
  /** Wait for `body[data-ready]` (default true). */
  readonly waitReady?: boolean;
}

/**
 * Opens a built dialog offline, as openWizard does the sidebar: the browser's
 * locale follows `language` (so `navigator.language` does), every other request
 * is aborted, and google.script.run answers from `answers`.
 */
export async function openSurface(browser: Browser, options: SurfaceOptions): Promise<Surface> {
  const answers: Record<string, ServerHandler> = { ...(options.answers ?? {}) };
  const page = await openOffline(browser, {
    ...options,
    url: `https://dialog.invalid/${options.file.split("/").pop() ?? "page.html"}`,
    names: SURFACE_SERVER_FUNCTIONS,
    serve: async (name, args) => {
      const handler = answers[name];
      if (!handler) throw new Error(`no stand-in for ${name}`);
      return handler(...args);
    },
  });
  return { ...page, answers };
}

const SURFACE_SERVER_FUNCTIONS = [
  "getWizardState",
  "buildSla",
  "startNextMonth",
  "shareWithSales",
  "getImportState",
  "importLeads",
  "runSelfTest",
];

/** A page opened by openOffline, with what it asked and met. */
export interface OfflinePage {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly calls: ServerCall[];
  /** Every request aborted: anything but the page itself. */
  readonly blocked: string[];
  /** Messages of alert/confirm dialogs, which are dismissed. */
  readonly dialogs: string[];
  /** Errors the page threw (uncaught). */
  readonly errors: string[];
  /**
   * Done with the page: the next openOffline in the same language (and with
   * the same server functions) loads its file into this tab. Closing the
   * context instead works too; the next open then starts a new one.
   */
  close(): Promise<void>;
}

interface OfflineOptions {
  /** A built file in dist/, served at `url`. */
  readonly file: string;
  readonly url: string;
  readonly language: Language;
  readonly width: number;
  readonly height: number;
  /** The server functions google.script.run offers. */
  readonly names: readonly string[];
  /** Answers a server call from Node; a throw reaches the page's failure handler. */
  readonly serve: (name: string, args: unknown[]) => Promise<unknown>;
  /** Wait for `body[data-ready]` (default true). */
  readonly waitReady?: boolean;
}

/** What the tab shows now: its file, and where its calls, requests, dialogs and errors go. */
interface Showing {
  readonly url: string;
  readonly html: string;
  readonly opened: OfflinePage;
  readonly serve: OfflineOptions["serve"];
}

/**
 * One browser tab per language and set of server functions, kept open
 * between tests: a new tab costs chromium a renderer (about a second), loading
 * a file into a kept one a fraction of that. Every open loads the file anew,
 * so each test starts on a fresh document; its records start empty.
 */
interface Tab {
  readonly context: BrowserContext;
  readonly page: Page;
  showing: Showing | undefined;
  closed: boolean;
}

const tabs = new WeakMap<Browser, Map<string, Tab>>();

async function tabFor(browser: Browser, language: Language, names: readonly string[]): Promise<Tab> {
  let byKey = tabs.get(browser);
  if (!byKey) {
    byKey = new Map();
    tabs.set(browser, byKey);
  }
  const key = `${language} ${names.join(",")}`;
  const kept = byKey.get(key);
  if (kept && !kept.closed) {
    // The document the last test left goes first, so nothing it still sends is counted for the next.
    await kept.page.goto("about:blank");
    return kept;
  }
  const context = await browser.newContext({
    locale: language === "de" ? "de-DE" : "en-US",
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const tab: Tab = { context, page, showing: undefined, closed: false };
  byKey.set(key, tab);
  context.on("close", () => {
    tab.closed = true;
  });
  page.setDefaultTimeout(10_000);
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (tab.showing && url === tab.showing.url)
      await route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: tab.showing.html });
    else {
      tab.showing?.opened.blocked.push(url);
      await route.abort();
    }
  });
  page.on("dialog", (dialog) => {
    tab.showing?.opened.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => tab.showing?.opened.errors.push(error.message));
  await page.exposeFunction("__slaServer", async (name: string, json: string, jsonSafe: boolean): Promise<string> => {
    const showing = tab.showing;
    if (!showing) return JSON.stringify({ error: "no page is open" });
    const args = JSON.parse(json) as unknown[];
    showing.opened.calls.push({ name, args, jsonSafe });
    try {
      const value = await showing.serve(name, args);
      return JSON.stringify({ value: value === undefined ? null : value });
    } catch (error) {
      return JSON.stringify({ error: error instanceof Error ? error.message : String(error) });
    }
  });
  await page.addInitScript({ content: standIn(names) });
  return tab;
}

/**
 * Opens a built page offline: the browser's locale follows `language` (so
 * `navigator.language` does), the page's own URL is answered with the file and
 * every other request is aborted (Google's add-on stylesheet fails as it would
 * without network), and google.script.run is a stand-in that records each call
 * and has Node answer it through `serve`.
 */
async function openOffline(browser: Browser, options: OfflineOptions): Promise<OfflinePage> {
  if (!existsSync(options.file)) throw new Error(`${options.file} is missing: run npm run build first`);
  const html = readFileSync(options.file, "utf8");
  const tab = await tabFor(browser, options.language, options.names);
  const { page, context } = tab;
  const opened: OfflinePage = {
    page,
    context,
    calls: [],
    blocked: [],
    dialogs: [],
    errors: [],
    close: async () => {
      if (tab.showing?.opened === opened) tab.showing = undefined;
    },
  };
  tab.showing = { url: options.url, html, opened, serve: options.serve };
  await page.setViewportSize({ width: options.width, height: options.height });
  await page.goto(options.url);
  if (options.waitReady ?? true) await page.waitForSelector("body[data-ready]", { state: "attached" });
  return opened;
}

/** A promise and the function that settles it: to hold a server answer while the page is busy. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/** A screenshot of the whole page at `width`: the viewport grows to the page, then returns to `height`. */
export async function screenshotAt(page: Page, name: string, width: number, height: number): Promise<void> {
  const full = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width, height: Math.max(height, full) });
  await page.screenshot({ path: artifact(name), fullPage: true });
  await page.setViewportSize({ width, height });
}
