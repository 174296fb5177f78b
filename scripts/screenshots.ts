/**
 * `npm run screenshots`: starts the playground on a free port with a fresh
 * workbook in a temporary file, drives it in Debian's chromium (headless) as
 * a person would (the wizard, Build, sample data) and writes the pictures the
 * README shows into docs/screenshots/. The day is fixed (2026-12-15, SLA
 * starting 2026-12), so the pictures only change when the product does.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { buildFromWizard, chartInk, fillFirstStep, fillSampleData, launchChromium, openPlaygroundPage, openWizard, showSheet } from "../playground/server/browserDriver";
import { startPlayground } from "../playground/server";

const OUT = join(process.cwd(), "docs/screenshots");
const TODAY = "2026-12-15";

async function shoot(page: Page, name: string): Promise<void> {
  // Toasts fade by themselves; a picture should not wait for them.
  await page.$$eval(".pg-toast", (toasts) => toasts.forEach((toast) => toast.remove()));
  const file = join(OUT, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`wrote docs/screenshots/${name}.png`);
}

/** Scrolls the grid so a cell is the first column after the row numbers. */
async function scrollGridTo(page: Page, selector: string): Promise<void> {
  await page.$eval(selector, (target) => {
    const grid = document.getElementById("pg-grid")!;
    const rowHeader = grid.querySelector("th.pg-rowhead") as HTMLElement;
    grid.scrollLeft = (target as HTMLElement).offsetLeft - rowHeader.offsetWidth;
  });
  await page.waitForTimeout(100);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const folder = mkdtempSync(join(tmpdir(), "sla-screenshots-"));
  const playground = await startPlayground({ port: 0, dataFile: join(folder, "workbook.json"), today: TODAY, timeZone: "Europe/Berlin", locale: "en_US" });
  const browser = await launchChromium();
  try {
    const { page, errors, close } = await openPlaygroundPage(browser, playground.url, { width: 1440, height: 860 });

    // 1. The wizard in the sidebar, first step filled in.
    const wizard = await openWizard(page);
    await fillFirstStep(wizard, { startMonth: "2026-12", contact: { name: "Kendra Miles", email: "kendra@example.com", role: "Head of Sales", party: "sales" } });
    await wizard.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      for (const element of Array.from(document.querySelectorAll("*"))) if (element.scrollTop > 0) element.scrollTop = 0;
    });
    await shoot(page, "wizard");

    // 2. Build; the page shows the agreement the add-on wrote.
    const result = await buildFromWizard(wizard);
    if (!/built/i.test(result)) throw new Error(`the wizard did not build: ${result}`);
    await showSheet(page, "Agreement");
    await shoot(page, "agreement");

    // 3. Sample leads, then the month tab with its pace chart.
    console.log(await fillSampleData(page));
    await page.click("#pg-sidebar-close");
    // Wide enough for the table and the chart Sheets anchors to its right.
    await page.setViewportSize({ width: 1820, height: 860 });
    await showSheet(page, "2026-12");
    await page.waitForSelector(".pg-chart canvas");
    await scrollGridTo(page, 'td[data-cell="B1"]');
    await shoot(page, "month");

    // 4. The follow-up report with the speed and depth charts below its tables.
    await page.setViewportSize({ width: 1560, height: 1040 });
    await showSheet(page, "Follow-up");
    await page.waitForSelector(".pg-chart canvas");
    await shoot(page, "follow-up");

    const empty = (await chartInk(page)).filter((chart) => chart.pixels === 0);
    if (empty.length > 0) throw new Error(`empty charts: ${empty.map((chart) => chart.title).join(", ")}`);
    if (errors.length > 0) throw new Error(`the page threw: ${errors.join("; ")}`);
    await close();
  } finally {
    await browser.close();
    await playground.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`screenshots failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
