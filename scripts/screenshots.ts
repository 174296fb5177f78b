/**
 * `npm run screenshots`: starts the playground on a free port with a fresh
 * workbook in a temporary file, drives it in Debian's chromium (headless) as
 * a person would, and writes the pictures the README shows into
 * docs/screenshots/. The example is a realistic one: quota 250,000 €,
 * marketing share 40 %, deal size 5,000 €, close rate 20 %, two sales reps,
 * the SLA starting 2026-12 and today 2026-12-15 (the month half done, sample
 * leads filled in), so the pictures only change when the product does.
 *
 * Every picture is 1440×900 (the sidebar closed after the wizard's). On each
 * tab the grid is scrolled, to whole columns and rows, just far enough that
 * all of the tab's charts show whole; the picture ends at the last column
 * shown whole, and a tab with columns not in that picture gets more
 * pictures for them (`leads-2.png`). The script fails, after writing what it could, when a tab is
 * missing, a chart is empty, or a chart does not fit on screen.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import {
  addContact,
  buildFromWizard,
  chartInk,
  drawnCharts,
  fillFirstStep,
  fillSampleData,
  fillWizardFields,
  gridViewport,
  launchChromium,
  openPlaygroundPage,
  openWizard,
  outside,
  rectText,
  showSheet,
  tabNames,
  type Rect,
} from "../playground/server/browserDriver";
import { startPlayground } from "../playground/server";
import { DASHBOARD_NAMES } from "../src/gas/openDashboard";
import { labelsFor } from "../src/workbook/labels";

const OUT = join(process.cwd(), "docs/screenshots");
const TODAY = "2026-12-15";
const MONTH = "2026-12";
const SCREEN = { width: 1440, height: 900 };

/** The example SLA, by the wizard's field paths. */
const EXAMPLE = {
  currency: "EUR",
  "marketing.quota": "250000",
  "marketing.marketingShare": "40%",
  "marketing.avgDealSize": "5000",
  "marketing.closeRate": "20%",
};

const problems: string[] = [];

async function shoot(page: Page, name: string, clip?: Rect): Promise<void> {
  // Toasts fade by themselves; a picture should not wait for them.
  await page.$$eval(".pg-toast", (toasts) => toasts.forEach((toast) => toast.remove()));
  const file = join(OUT, `${name}.png`);
  await page.screenshot({
    path: file,
    ...(clip
      ? { clip: { x: clip.left, y: clip.top, width: clip.right - clip.left, height: clip.bottom - clip.top } }
      : {}),
  });
  console.log(`wrote docs/screenshots/${name}.png`);
}

/** Edges of the drawn columns and rows, in page pixels at scroll 0. */
async function gridLines(page: Page): Promise<{ columns: number[]; rows: number[] }> {
  return page.evaluate(() => {
    const grid = document.getElementById("pg-grid")!;
    const origin = grid.getBoundingClientRect();
    const row = document.querySelector("table.pg-table tbody tr");
    const columns = Array.from(
      document.querySelectorAll("table.pg-table thead th:not(.pg-corner)"),
      (th) => th.getBoundingClientRect().left - origin.left + grid.scrollLeft,
    );
    const rows = Array.from(
      document.querySelectorAll("table.pg-table tbody tr"),
      (tr) => tr.getBoundingClientRect().top - origin.top + grid.scrollTop,
    );
    return { columns: row ? columns : [], rows };
  });
}

/**
 * Scrolls the grid, by whole columns and rows, the least that brings every
 * chart on the tab inside the visible area; records a problem when they
 * can't all show at once.
 */
async function bringChartsIntoView(page: Page, tab: string): Promise<void> {
  const charts = await drawnCharts(page);
  if (charts.length === 0) return;
  // Charts show whole in the grid's visible area beside the row numbers and below the column letters.
  const grid = await gridViewport(page);
  const headerWidth = await page.$eval("th.pg-rowhead", (th) => th.getBoundingClientRect().width);
  const headerHeight = await page.$eval("table.pg-table thead th", (th) => th.getBoundingClientRect().height);
  const visible = { ...grid, left: grid.left + headerWidth, top: grid.top + headerHeight };
  const all = {
    left: Math.min(...charts.map((chart) => chart.box.left)),
    top: Math.min(...charts.map((chart) => chart.box.top)),
    right: Math.max(...charts.map((chart) => chart.box.right)),
    bottom: Math.max(...charts.map((chart) => chart.box.bottom)),
  };
  const lines = await gridLines(page);
  // The least scroll to a column (row) edge that brings the charts' far edge in; a chart cut at the near edge is reported below.
  const shift = (edges: number[], needed: number): number => {
    if (needed <= 0) return 0;
    const first = edges[0] ?? 0;
    return (edges.find((edge) => edge - first >= needed) ?? needed + first) - first;
  };
  const dx = shift(lines.columns, all.right - visible.right);
  const dy = shift(lines.rows, all.bottom - visible.bottom);
  if (dx !== 0 || dy !== 0) {
    await page.$eval(
      "#pg-grid",
      (element, by) => {
        element.scrollLeft = by.dx;
        element.scrollTop = by.dy;
      },
      { dx, dy },
    );
    await page.waitForTimeout(100);
  }
  for (const chart of await drawnCharts(page)) {
    const out = outside(chart.box, visible);
    if (out)
      problems.push(
        `${tab}: the chart "${chart.title}" ${rectText(chart.box)} does not fit the grid's visible area ${rectText(visible)} at ${SCREEN.width}×${SCREEN.height}: ${out}`,
      );
  }
  for (const chart of await chartInk(page))
    if (chart.pixels === 0) problems.push(`${tab}: the chart "${chart.title}" is empty`);
}

/** The page up to the right edge of the last column shown whole (the picture shows no half column). */
async function wholeColumns(page: Page): Promise<Rect> {
  const visible = await gridViewport(page);
  const right = await page.evaluate((limit) => {
    let last = 0;
    for (const th of Array.from(document.querySelectorAll("table.pg-table thead th:not(.pg-corner)"))) {
      const box = th.getBoundingClientRect();
      if (box.right <= limit + 0.5) last = Math.max(last, box.right);
    }
    return last;
  }, visible.right);
  const charts = await drawnCharts(page);
  const edge = Math.max(right, ...charts.map((chart) => Math.min(chart.box.right + 8, visible.right)));
  const size = page.viewportSize() ?? SCREEN;
  return { left: 0, top: 0, right: Math.min(size.width, Math.ceil(edge)), bottom: size.height };
}

/**
 * The columns with anything in them (1-based), and the first and last column
 * the grid shows whole left of `right`.
 */
async function columnsShown(page: Page, right: number): Promise<{ used: number[]; first: number; last: number }> {
  return page.evaluate((limit) => {
    const used = new Set<number>();
    for (const td of Array.from(document.querySelectorAll<HTMLTableCellElement>("table.pg-table td[data-cell]"))) {
      if ((td.textContent ?? "").trim() === "" && !td.querySelector("input")) continue;
      const letters = /^[A-Z]+/.exec(td.dataset.cell ?? "")?.[0] ?? "";
      let column = 0;
      for (const char of letters) column = column * 26 + char.charCodeAt(0) - 64;
      for (let span = 0; span < td.colSpan; span++) used.add(column + span);
    }
    const grid = document.getElementById("pg-grid")!;
    const left =
      grid.getBoundingClientRect().left + (document.querySelector("th.pg-rowhead")?.getBoundingClientRect().width ?? 0);
    const heads = Array.from(document.querySelectorAll("table.pg-table thead th:not(.pg-corner)"));
    let first = 0;
    let last = 0;
    heads.forEach((th, index) => {
      const box = th.getBoundingClientRect();
      if (box.left >= left - 0.5 && box.right <= limit + 0.5) {
        if (first === 0) first = index + 1;
        last = index + 1;
      }
    });
    return { used: Array.from(used).sort((a, b) => a - b), first, last };
  }, right);
}

/**
 * One picture of the tab with its charts whole; when some of its columns
 * are not in it (further right, or left of where the charts made it
 * scroll), more pictures (`NAME-2`, …), each starting at the first column
 * not shown yet.
 */
async function shootTab(page: Page, tab: string, name: string): Promise<void> {
  if (!(await tabNames(page)).includes(tab)) {
    problems.push(`there is no tab "${tab}" to show (tabs: ${(await tabNames(page)).join(", ")})`);
    return;
  }
  await showSheet(page, tab);
  await bringChartsIntoView(page, tab);
  const shown = new Set<number>();
  for (let part = 1; part <= 4; part++) {
    const clip = await wholeColumns(page);
    const picture = part === 1 ? name : `${name}-${part}`;
    if (part > 1) {
      const visible = await gridViewport(page);
      for (const chart of await drawnCharts(page)) {
        const overlaps =
          chart.box.right > visible.left &&
          chart.box.left < visible.right &&
          chart.box.bottom > visible.top &&
          chart.box.top < visible.bottom;
        if (overlaps && outside(chart.box, visible))
          problems.push(
            `${tab}: ${picture}.png shows part of the chart "${chart.title}" (${outside(chart.box, visible)})`,
          );
      }
    }
    await shoot(page, picture, clip);
    const columns = await columnsShown(page, clip.right);
    for (let column = columns.first; column > 0 && column <= columns.last; column++) shown.add(column);
    const next = columns.used.find((column) => !shown.has(column));
    if (next === undefined) return;
    await page.$eval(
      "#pg-grid",
      (grid, column) => {
        const heads = Array.from(grid.querySelectorAll<HTMLElement>("table.pg-table thead th:not(.pg-corner)"));
        grid.scrollLeft = (heads[column - 1]?.offsetLeft ?? 0) - (heads[0]?.offsetLeft ?? 0);
      },
      next,
    );
    await page.waitForTimeout(100);
  }
  problems.push(`${tab}: its columns do not fit in four pictures at ${SCREEN.width}×${SCREEN.height}`);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const folder = mkdtempSync(join(tmpdir(), "sla-screenshots-"));
  const playground = await startPlayground({
    port: 0,
    dataFile: join(folder, "workbook.json"),
    today: TODAY,
    timeZone: "Europe/Berlin",
    locale: "en_US",
  });
  const browser = await launchChromium();
  const labels = labelsFor("en");
  try {
    const { page, errors, close } = await openPlaygroundPage(browser, playground.url, SCREEN);

    // 1. The wizard in the sidebar, first step filled in: a marketing lead and two sales reps, who become the SLA's reps.
    const wizard = await openWizard(page);
    await fillFirstStep(wizard, {
      startMonth: MONTH,
      contact: { name: "Kendra Miles", email: "kendra@example.com", role: "Head of Sales", party: "sales" },
    });
    await addContact(wizard, {
      name: "Sam Ortiz",
      email: "sam@example.com",
      role: "Account Executive",
      party: "sales",
    });
    await addContact(wizard, {
      name: "Priya Shah",
      email: "priya@example.com",
      role: "Marketing Lead",
      party: "marketing",
    });
    await wizard.fill("#f-currency", EXAMPLE.currency);
    await wizard.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      for (const element of Array.from(document.querySelectorAll("*")))
        if (element.scrollTop > 0) element.scrollTop = 0;
    });
    await shoot(page, "wizard");

    // 2. The example's goals, Build, and sample leads up to today.
    await fillWizardFields(wizard, EXAMPLE);
    const result = await buildFromWizard(wizard);
    if (!/built/i.test(result)) throw new Error(`the wizard did not build: ${result}`);
    await page.waitForFunction(() => document.querySelectorAll(".pg-tab").length > 1);
    console.log(await fillSampleData(page));
    await page.click("#pg-sidebar-close");

    // 3. Every tab a reader opens.
    await shootTab(page, DASHBOARD_NAMES.en, "dashboard");
    await shootTab(page, labels.sheets.agreement, "agreement");
    await shootTab(page, MONTH, "month");
    await shootTab(page, labels.sheets.leads, "leads");
    await shootTab(page, labels.sheets.followUp, "follow-up");

    if (errors.length > 0) problems.push(`the page threw: ${errors.join("; ")}`);
    await close();
  } finally {
    await browser.close();
    await playground.close();
    rmSync(folder, { recursive: true, force: true });
  }
  if (problems.length > 0) throw new Error(`the pictures are not right:\n- ${problems.join("\n- ")}`);
}

main().catch((error: unknown) => {
  console.error(`screenshots failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
