/**
 * Drives the playground page in Debian's chromium through playwright-core,
 * as a person would: the menu, the wizard in the sidebar, sample data, tabs.
 * Shared by the browser tests (test/playground) and `npm run screenshots`.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser, type Frame, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

export interface OpenPage {
  readonly page: Page;
  /** Errors the page threw (uncaught), for tests to assert none. */
  readonly errors: string[];
  close(): Promise<void>;
}

export async function openPlaygroundPage(browser: Browser, url: string, viewport = { width: 1440, height: 900 }): Promise<OpenPage> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: "en-US" });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForSelector("body[data-ready]", { state: "attached" });
  return { page, errors, close: () => context.close() };
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
  readonly contact: { readonly name: string; readonly email: string; readonly role: string; readonly party: "marketing" | "sales" };
}

/** Fills step 1 (the one required contact, the start month). */
export async function fillFirstStep(frame: Frame, answers: WizardAnswers): Promise<void> {
  await frame.fill("#f-contacts-0-name", answers.contact.name);
  await frame.fill("#f-contacts-0-email", answers.contact.email);
  await frame.fill("#f-contacts-0-role", answers.contact.role);
  await frame.selectOption("#f-contacts-0-party", answers.contact.party);
  if (answers.startMonth) await frame.fill("#f-startMonth", answers.startMonth);
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
  await page.waitForFunction((count) => document.querySelectorAll(".pg-toast").length > count, before, { timeout: 120_000 });
  return (await page.$$eval(".pg-toast", (toasts) => toasts.map((toast) => toast.textContent ?? ""))).pop() ?? "";
}

export async function showSheet(page: Page, name: string): Promise<void> {
  await page.click(`.pg-tab[data-sheet="${name}"]`);
  await page.waitForFunction((sheet) => document.querySelector("table.pg-table")?.getAttribute("data-sheet") === sheet, name);
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
