/**
 * Drives the playground page in Debian's chromium through playwright-core,
 * as a person would: the menu, the wizard in the sidebar, sample data, tabs.
 * Shared by the browser tests (test/playground) and `npm run screenshots`.
 */
import type { Browser, Frame, Page } from "playwright-core";
import type { DrawnChart } from "../page/types";

export { CHROMIUM, launchChromium } from "./chromium";

export interface OpenPage {
  readonly page: Page;
  /** Errors the page threw (uncaught), for tests to assert none. */
  readonly errors: string[];
  close(): Promise<void>;
}

/** A tab for the playground page, before it loads a page. */
export interface PlaygroundTab extends OpenPage {
  /** Loads the playground page at `url` and waits until it is ready. */
  load(url: string): Promise<void>;
}

/**
 * A new tab with its own context, not yet showing anything: a tab costs
 * chromium a renderer, which can start while the server is still getting
 * ready. The browser's language: "de-DE" for a German user (the wizard follows it).
 */
export async function newPlaygroundTab(
  browser: Browser,
  viewport = { width: 1440, height: 900 },
  locale = "en-US",
): Promise<PlaygroundTab> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return {
    page,
    errors,
    close: () => context.close(),
    load: async (url) => {
      await page.goto(url);
      await page.waitForSelector("body[data-ready]", { state: "attached" });
    },
  };
}

/** A new tab showing the playground page at `url` (see newPlaygroundTab). */
export async function openPlaygroundPage(
  browser: Browser,
  url: string,
  viewport = { width: 1440, height: 900 },
  locale = "en-US",
): Promise<OpenPage> {
  const tab = await newPlaygroundTab(browser, viewport, locale);
  await tab.load(url);
  return tab;
}

export async function menu(page: Page, menuId: "menu-extensions" | "menu-playground", action: string): Promise<void> {
  await page.click(`#${menuId}`);
  await page.click(`[data-action="${action}"]`);
}

/** Opens New or edit SLA and waits for the wizard in the sidebar frame. */
export async function openWizard(page: Page): Promise<Frame> {
  await menu(page, "menu-extensions", "wizard");
  const handle = await page.waitForSelector("#pg-sidebar-frame");
  let frame: Frame | null = null;
  for (let i = 0; i < 100 && !frame; i++) {
    frame = await handle.contentFrame();
    if (frame && !frame.url().includes("/addon/Wizard.html")) frame = null;
    if (!frame) await page.waitForTimeout(100);
  }
  if (!frame) throw new Error("the wizard frame did not load");
  await frame.waitForSelector("body[data-ready]", { state: "attached" });
  return frame;
}

export interface WizardAnswers {
  readonly startMonth?: string;
  readonly contact: {
    readonly name: string;
    readonly email: string;
    readonly role: string;
    readonly party: "marketing" | "sales";
  };
}

/** Fills step 1 (the one required contact, the start month). */
export async function fillFirstStep(frame: Frame, answers: WizardAnswers): Promise<void> {
  await frame.fill("#f-contacts-0-name", answers.contact.name);
  await frame.fill("#f-contacts-0-email", answers.contact.email);
  await frame.fill("#f-contacts-0-role", answers.contact.role);
  await frame.selectOption("#f-contacts-0-party", answers.contact.party);
  if (answers.startMonth) await frame.fill("#f-startMonth", answers.startMonth);
}

/** Adds a contact on step 1 (the wizard's "Add contact") and fills it in. */
export async function addContact(frame: Frame, contact: WizardAnswers["contact"]): Promise<void> {
  const index = (await frame.$$("[id^='f-contacts-'][id$='-name']")).length;
  await frame.click("#add-contact");
  await frame.fill(`#f-contacts-${index}-name`, contact.name);
  await frame.fill(`#f-contacts-${index}-email`, contact.email);
  await frame.fill(`#f-contacts-${index}-role`, contact.role);
  await frame.selectOption(`#f-contacts-${index}-party`, contact.party);
}

/**
 * Fills wizard fields by their config path (`marketing.quota`: "250000"),
 * each on the step that has it, walking forward with Next up to the last
 * step; throws naming the fields no step had.
 */
export async function fillWizardFields(frame: Frame, values: Readonly<Record<string, string>>): Promise<void> {
  const pending = new Map(
    Object.entries(values).map(([path, value]) => [`#f-${path.replace(/[^A-Za-z0-9]+/g, "-")}`, { path, value }]),
  );
  for (let step = 0; step < 10; step++) {
    for (const [selector, { value }] of Array.from(pending)) {
      const control = await frame.$(selector);
      if (!control) continue;
      if ((await control.evaluate((element) => element.tagName)) === "SELECT") await control.selectOption(value);
      else await control.fill(value);
      pending.delete(selector);
    }
    if ((await frame.$("#wz-build")) !== null) break;
    await frame.click("#wz-next");
    const refused = await frame.$$eval(".wz-error", (errors) =>
      errors
        .filter((error) => !(error as HTMLElement).hidden && (error.textContent ?? "").trim() !== "")
        .map((error) => error.textContent ?? ""),
    );
    if (refused.length > 0) throw new Error(`the wizard refused a step: ${refused.join("; ")}`);
  }
  if (pending.size > 0)
    throw new Error(`no wizard step has the fields ${Array.from(pending.values(), (field) => field.path).join(", ")}`);
}

/** Walks the remaining steps with the guide's defaults and presses Build; answers the result message. */
export async function buildFromWizard(frame: Frame): Promise<string> {
  for (let step = 0; step < 10 && (await frame.$("#wz-build")) === null; step++) await frame.click("#wz-next");
  await frame.click("#wz-build");
  await frame.waitForSelector(".wz-result-success, .wz-result-failure", { timeout: 120_000 });
  return (await frame.textContent("#wz-result")) ?? "";
}

export async function fillSampleData(page: Page): Promise<string> {
  const before = await page.$$eval(".pg-toast", (toasts) => toasts.length);
  await menu(page, "menu-playground", "sample");
  await page.waitForFunction((count) => document.querySelectorAll(".pg-toast").length > count, before, {
    timeout: 120_000,
  });
  return (await page.$$eval(".pg-toast", (toasts) => toasts.map((toast) => toast.textContent ?? ""))).pop() ?? "";
}

export async function showSheet(page: Page, name: string): Promise<void> {
  await page.click(`.pg-tab[data-sheet="${name}"]`);
  await page.waitForFunction(
    (sheet) => document.querySelector("table.pg-table")?.getAttribute("data-sheet") === sheet,
    name,
  );
}

/** Non-transparent pixels of each chart canvas on the sheet on screen. */
export async function chartInk(page: Page): Promise<{ title: string; pixels: number }[]> {
  return page.$$eval(".pg-chart", (boxes) =>
    boxes.map((box) => {
      const canvas = box.querySelector("canvas") as HTMLCanvasElement;
      const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
      let pixels = 0;
      for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) pixels++;
      return { title: box.getAttribute("aria-label") ?? "", pixels };
    }),
  );
}

/** How many times the page has drawn a sheet (body[data-drawn]). */
async function drawCount(page: Page): Promise<number> {
  return Number((await page.getAttribute("body", "data-drawn")) ?? "0");
}

/** Clicks a cell, types into it as a user would (Enter, text, Enter), and answers what the cell then shows. */
export async function typeIntoCell(page: Page, cell: string, text: string): Promise<string> {
  await page.click(`td[data-cell="${cell}"]`);
  await page.keyboard.press("Enter");
  const editor = await page.waitForSelector(".pg-editor");
  await editor.fill(text);
  const drawn = await drawCount(page);
  await page.keyboard.press("Enter");
  await page.waitForFunction((count) => Number(document.body.dataset.drawn ?? "0") > count, drawn);
  return (await page.textContent(`td[data-cell="${cell}"]`)) ?? "";
}

/** The tab the grid shows now. */
export async function shownSheet(page: Page): Promise<string> {
  return (await page.getAttribute("table.pg-table", "data-sheet")) ?? "";
}

/** The visible tabs, in order. */
export async function tabNames(page: Page): Promise<string[]> {
  return page.$$eval(".pg-tab", (tabs) => tabs.map((tab) => tab.textContent ?? ""));
}

/** The charts of the sheet on screen as the page drew them: Chart.js's data, the domain's values, the boxes. */
export async function drawnCharts(page: Page): Promise<DrawnChart[]> {
  return page.evaluate(() =>
    (window as unknown as { slaPlayground: { drawnCharts(): DrawnChart[] } }).slaPlayground.drawnCharts(),
  );
}

export interface Rect {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** The part of the page where the grid's cells and charts show (the grid's box minus its scroll bars). */
export async function gridViewport(page: Page): Promise<Rect> {
  return page.$eval("#pg-grid", (grid) => {
    const box = grid.getBoundingClientRect();
    return { left: box.left, top: box.top, right: box.left + grid.clientWidth, bottom: box.top + grid.clientHeight };
  });
}

/** How `inner` sticks out of `outer`, in words ("" when it lies inside). */
export function outside(inner: Rect, outer: Rect): string {
  const parts: string[] = [];
  if (inner.left < outer.left - 0.5) parts.push(`${Math.round(outer.left - inner.left)} px left of it`);
  if (inner.right > outer.right + 0.5) parts.push(`${Math.round(inner.right - outer.right)} px past its right edge`);
  if (inner.top < outer.top - 0.5) parts.push(`${Math.round(outer.top - inner.top)} px above it`);
  if (inner.bottom > outer.bottom + 0.5) parts.push(`${Math.round(inner.bottom - outer.bottom)} px below its bottom`);
  return parts.join(", ");
}

export function rectText(rect: Rect): string {
  return `[${Math.round(rect.left)}, ${Math.round(rect.top)}]–[${Math.round(rect.right)}, ${Math.round(rect.bottom)}]`;
}

/** A cell whose text does not fit the room the page gives it. */
export interface ClippedCell {
  readonly cell: string;
  readonly text: string;
  /** "clipped": the text is cut at the cell's edge; "mid-word": a wrapping cell breaks a word. */
  readonly kind: "clipped" | "mid-word";
  /** Width the text (or, mid-word, its longest word) needs, and the width it has, in px. */
  readonly needs: number;
  readonly has: number;
}

/**
 * Every drawn cell whose text does not fit: text that does not wrap must fit
 * its cell (merged cells and the empty cells it runs over included), and text
 * that wraps may make its row taller but must not break a word. Widths are
 * measured with the cell's own font; `headerRowsOnly` checks only the frozen
 * rows (the lead log, whose other rows are users' data).
 */
export async function clippedCells(page: Page, options: { headerRowsOnly?: boolean } = {}): Promise<ClippedCell[]> {
  return page.evaluate((headerRowsOnly) => {
    const context = document.createElement("canvas").getContext("2d")!;
    const measure = (text: string, style: CSSStyleDeclaration): number => {
      context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      return context.measureText(text).width;
    };
    const found: { cell: string; text: string; kind: "clipped" | "mid-word"; needs: number; has: number }[] = [];
    const cells = Array.from(document.querySelectorAll<HTMLTableCellElement>("table.pg-table td[data-cell]"));
    for (const td of cells) {
      if (headerRowsOnly && !td.parentElement?.classList.contains("pg-frozen")) continue;
      const text = td.textContent ?? "";
      if (text.trim() === "" || td.querySelector("input")) continue;
      const style = getComputedStyle(td);
      const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
      const spill = td.querySelector<HTMLElement>(".pg-spill");
      const has = spill ? spill.clientWidth : td.clientWidth - padding;
      const cell = td.dataset.cell ?? "";
      if (td.classList.contains("pg-wrap")) {
        const words = text.split(/\s+/).filter((word) => word !== "");
        const widest = words
          .map((word) => ({ word, width: measure(word, style) }))
          .sort((a, b) => b.width - a.width)[0];
        if (widest && widest.width > has + 1)
          found.push({ cell, text, kind: "mid-word", needs: Math.ceil(widest.width), has: Math.floor(has) });
        continue;
      }
      const needs = measure(text, style);
      if (needs > has + 1) found.push({ cell, text, kind: "clipped", needs: Math.ceil(needs), has: Math.floor(has) });
    }
    return found;
  }, options.headerRowsOnly ?? false);
}

/** One line per clipped cell: `Agreement!B12 "…" needs 212 px, has 180 px`. */
export function clippedText(sheet: string, cells: readonly ClippedCell[]): string[] {
  return cells.map((cell) => {
    const shown = cell.text.length > 70 ? `${cell.text.slice(0, 67)}…` : cell.text;
    const what = cell.kind === "mid-word" ? "wraps mid-word: its longest word needs" : "is clipped: needs";
    return `${sheet}!${cell.cell} "${shown}" ${what} ${cell.needs} px, has ${cell.has} px`;
  });
}

/** Where the wizard's result box and its buttons are, against the part of the sidebar not under its sticky buttons. */
export interface ResultBoxPlace {
  /** The sidebar frame's visible area in its own pixels: its width, and the height above the sticky buttons. */
  readonly room: Rect;
  readonly box: Rect;
  readonly buttons: readonly { readonly id: string; readonly text: string; readonly rect: Rect }[];
  /** The sidebar frame's box in the page, and the page's viewport. */
  readonly frame: Rect;
  readonly viewport: Rect;
}

/** The result box and its buttons in the wizard's own document (a frame of the playground, or the page of an offline test). */
export async function resultBoxInWizard(
  wizard: Page | Frame,
): Promise<Pick<ResultBoxPlace, "room" | "box" | "buttons">> {
  return wizard.evaluate(() => {
    const plain = (rect: DOMRect) => ({ left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom });
    const box = document.getElementById("wz-result");
    if (!box) throw new Error("the wizard shows no result box (#wz-result)");
    const nav = document.querySelector(".wz-nav")?.getBoundingClientRect();
    const room = {
      left: 0,
      top: 0,
      right: document.documentElement.clientWidth,
      bottom: Math.min(window.innerHeight, nav ? nav.top : window.innerHeight),
    };
    const buttons = Array.from(box.querySelectorAll("button")).map((button) => ({
      id: button.id,
      text: button.textContent ?? "",
      rect: plain(button.getBoundingClientRect()),
    }));
    return { room, box: plain(box.getBoundingClientRect()), buttons };
  });
}

export async function resultBoxPlace(page: Page, frame: Frame): Promise<ResultBoxPlace> {
  const inFrame = await resultBoxInWizard(frame);
  const frameBox = await page.$eval("#pg-sidebar-frame", (element) => {
    const rect = element.getBoundingClientRect();
    return { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
  });
  const size = page.viewportSize() ?? { width: 0, height: 0 };
  return { ...inFrame, frame: frameBox, viewport: { left: 0, top: 0, right: size.width, bottom: size.height } };
}

/** A chart's point at a domain value after today (a month after today's month, or a day after today). */
export interface FuturePoint {
  readonly series: string;
  readonly at: string;
  readonly value: number;
}

/**
 * How a chart's domain reads: days ("YYYY-MM-DD"), months ("YYYY-MM", or
 * dates that are all the first of a month, as a report by month holds them),
 * or neither (names, numbers).
 */
export function domainKind(chart: Pick<DrawnChart, "domain">): "days" | "months" | "other" {
  const values = (chart.domain ?? []).filter((value): value is string => typeof value === "string");
  if (values.length === 0) return "other";
  if (values.every((value) => /^\d{4}-\d{2}$/.test(value))) return "months";
  if (!values.every((value) => /^\d{4}-\d{2}-\d{2}$/.test(value))) return "other";
  return values.length > 1 && values.every((value) => value.endsWith("-01")) ? "months" : "days";
}

/**
 * The points a chart draws for time not yet reached, today being `today`
 * ("YYYY-MM-DD"). Over months, no series may have a value after today's
 * month. Over the days of a month, measured series end with today; a dashed
 * series (a goal line, by the workbook's convention) may run to the end of
 * today's month, as the pace chart's goal line does, but not beyond it.
 */
export function futurePoints(chart: Pick<DrawnChart, "domain" | "datasets">, today: string): FuturePoint[] {
  const kind = domainKind(chart);
  if (kind === "other") return [];
  const month = today.slice(0, 7);
  const points: FuturePoint[] = [];
  (chart.domain ?? []).forEach((value, index) => {
    if (typeof value !== "string") return;
    const at = kind === "months" ? value.slice(0, 7) : value;
    for (const set of chart.datasets) {
      const value = set.data[index];
      if (value === null || value === undefined) continue;
      const future = kind === "months" ? at > month : set.dashed ? at.slice(0, 7) > month : at > today;
      if (future) points.push({ series: set.label, at, value });
    }
  });
  return points;
}
