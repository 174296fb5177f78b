/**
 * The built workbook as a person sees it in the playground (issue #14), in
 * English and German, on a 1366×768 and a 1920×1080 screen, with December
 * 2026 half done (today 2026-12-15, sample leads filled in):
 * - the page opens on an empty spreadsheet with the add-on's menu, and a
 *   first tab with something typed in it stays after Build;
 * - after Build the Dashboard is the active tab, and the wizard's result box
 *   shows whole in the sidebar, with its buttons above the sticky footer;
 *   its "Open the Dashboard" shows the Dashboard;
 * - the Dashboard's pace chart lies inside the grid's visible area, no
 *   scrolling (the sidebar open beside it, as after Build);
 * - on every tab no cell's text is cut off at its edge, and no wrapping
 *   cell breaks a word (widths measured in the page, with the cell's font);
 * - no chart draws a point for time not yet reached.
 * Then the English page is used on, in order: the charts draw, a custom
 * function typed into a cell evaluates, a lead typed into the log moves the
 * month's report, the log's empty rows draw as they are reached, and Start
 * next month asks before December has ended.
 * Failures name the sheet, the cell or chart, the text and the pixels.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import type { Browser, Page } from "playwright-core";
import {
  buildFromWizard,
  chartInk,
  type ClippedCell,
  clippedCells,
  clippedText,
  domainKind,
  drawnCharts,
  fillFirstStep,
  fillSampleData,
  futurePoints,
  gridViewport,
  launchChromium,
  menu,
  newPlaygroundTab,
  openWizard,
  outside,
  rectText,
  resultBoxPlace,
  shownSheet,
  showSheet,
  tabNames,
  typeIntoCell,
  type ResultBoxPlace,
  type Rect,
} from "../../playground/server/browserDriver";
import { type Playground, startPlayground } from "../../playground/server";
import type { DrawnChart } from "../../playground/page/types";
import type { Language } from "../../src/core/i18n";
import { DASHBOARD_NAMES } from "../../src/gas/openDashboard";
import { labelsFor } from "../../src/workbook/labels";
import { tempFolder, TODAY, view } from "./support";

jest.setTimeout(300_000);

const SCREENS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** One tab as a walk over the tabs saw it. */
interface TabSeen {
  readonly tab: string;
  readonly clipped: ClippedCell[];
  readonly charts: DrawnChart[];
}

const CONTACT = {
  en: { name: "Kendra Miles", role: "Head of Sales" },
  de: { name: "Katrin Müller", role: "Vertriebsleitung" },
} as const;

/** The pace chart on the Dashboard at one screen size, and the grid's visible area it must lie in. */
interface PaceSeen {
  readonly charts: DrawnChart[];
  readonly visible: Rect;
}

/** What one walk over the tabs saw: per screen size, each tab's clipped cells and drawn charts. */
interface Walk {
  readonly tabs: string[];
  readonly clipped: Map<string, TabSeen[]>;
  readonly pace: Map<string, PaceSeen>;
}

/** The page and its playground, left open after the look for the tests that go on using it. */
interface Live {
  readonly page: Page;
  readonly playground: Playground;
  /** Errors the page threw (uncaught). */
  readonly errors: readonly string[];
}

/**
 * What a person saw in one language, in order: the empty spreadsheet and its menus, right after Build, then with
 * sample leads, then after "Open the Dashboard".
 */
interface Seen {
  readonly before: {
    readonly tabs: string[];
    readonly menu: (string | null)[];
    readonly playgroundMenu: (string | null)[];
    readonly typed: string;
  };
  readonly afterBuild: { readonly shown: string; readonly active: string | undefined; readonly tabs: string[] };
  readonly resultBox: ResultBoxPlace;
  readonly openLabel: string;
  readonly sampled: string;
  readonly walk: Walk;
  /** The tab on screen before the result box's "Open the Dashboard" was pressed, and what showed after. */
  readonly opened: { readonly before: string; readonly shown: string; readonly problem: string | null };
  readonly live: Live;
}

function sizeOf(screen: (typeof SCREENS)[number]): string {
  return `${screen.width}×${screen.height}`;
}

/** What to close after the file: each language's server, data folder and browser tab. */
const cleanups: (() => Promise<void> | void)[] = [];

/**
 * Every tab shown once, and looked at on each screen by resizing the window
 * (column widths and chart places are the sheet's, in pixels; a resize
 * changes only how much of the grid shows). Drawing a tab is what costs here.
 */
async function walkTabs(page: Page, language: Language): Promise<Walk> {
  const dashboard = DASHBOARD_NAMES[language];
  const leadLog = labelsFor(language).sheets.leads;
  const seen: Walk = { tabs: await tabNames(page), clipped: new Map(), pace: new Map() };
  for (const screen of SCREENS) seen.clipped.set(sizeOf(screen), []);
  for (const tab of seen.tabs) {
    await page.setViewportSize(SCREENS[0]);
    await showSheet(page, tab);
    const charts = await drawnCharts(page);
    for (const screen of SCREENS) {
      await page.setViewportSize(screen);
      const clipped = await clippedCells(page, { headerRowsOnly: tab === leadLog });
      seen.clipped.get(sizeOf(screen))?.push({ tab, clipped, charts });
      if (tab === dashboard)
        seen.pace.set(sizeOf(screen), { charts: await drawnCharts(page), visible: await gridViewport(page) });
    }
  }
  await page.setViewportSize(SCREENS[0]);
  return seen;
}

/** Builds the SLA with the wizard in a playground of its own, fills sample leads, walks the tabs, opens the Dashboard. */
async function observe(browser: Browser, language: Language): Promise<Seen> {
  const dashboard = DASHBOARD_NAMES[language];
  const folder = tempFolder();
  cleanups.push(() => folder.remove());
  const [playground, open] = await Promise.all([
    startPlayground({
      port: 0,
      dataFile: folder.file("workbook.json"),
      today: TODAY,
      timeZone: "Europe/Berlin",
      locale: language === "de" ? "de_DE" : "en_US",
    }).then((started) => {
      cleanups.push(() => started.close());
      return started;
    }),
    newPlaygroundTab(browser, SCREENS[0], language === "de" ? "de-DE" : "en-US").then((tab) => {
      cleanups.push(() => tab.close());
      return tab;
    }),
  ]);
  await open.load(playground.url);
  const page = open.page;
  const before = await beforeBuild(page);
  const wizard = await openWizard(page);
  await fillFirstStep(wizard, {
    startMonth: "2026-12",
    contact: { ...CONTACT[language], email: "sales@example.com", party: "sales" },
  });
  const result = await buildFromWizard(wizard);
  if (!/SLA (built|erstellt)/.test(result)) throw new Error(`the wizard did not build: ${result}`);
  // The page draws the new workbook once the build's answer reaches it.
  await page.waitForFunction(() => document.querySelectorAll(".pg-tab").length > 1);
  const afterBuild = {
    shown: await shownSheet(page),
    active: await page.evaluate(
      () => (window as unknown as { slaPlayground: { activeTab?: string } }).slaPlayground.activeTab,
    ),
    tabs: await tabNames(page),
  };
  const resultBox = await resultBoxPlace(page, wizard);
  const openLabel = (await wizard.textContent("#wz-open-dashboard")) ?? "";

  // December half done, with sample leads.
  const sampled = await fillSampleData(page);
  const walk = await walkTabs(page, language);

  // After the walk another tab shows (the last one); if it were the Dashboard, another is shown first.
  if ((await shownSheet(page)) === dashboard) {
    const elsewhere = (await tabNames(page)).find((name) => name !== dashboard);
    if (elsewhere) await showSheet(page, elsewhere);
  }
  const shownBefore = await shownSheet(page);
  await wizard.click("#wz-open-dashboard");
  await page.waitForFunction(
    ({ sheet }) => {
      const frame = document.getElementById("pg-sidebar-frame") as HTMLIFrameElement | null;
      const problem = frame?.contentDocument?.getElementById("wz-dashboard-problem");
      return (
        document.querySelector("table.pg-table")?.getAttribute("data-sheet") === sheet ||
        (problem !== null && problem !== undefined)
      );
    },
    { sheet: dashboard },
  );
  const problem = (await wizard.$("#wz-dashboard-problem")) ? await wizard.textContent("#wz-dashboard-problem") : null;
  return {
    before,
    afterBuild,
    resultBox,
    openLabel,
    sampled,
    walk,
    opened: { before: shownBefore, shown: await shownSheet(page), problem },
    live: { page, playground, errors: open.errors },
  };
}

/** The empty spreadsheet's tabs and menus, then text typed into its first tab (a tab with something in it stays after Build). */
async function beforeBuild(page: Page): Promise<Seen["before"]> {
  const tabs = await tabNames(page);
  const items = async (list: string) =>
    page.$$eval(`${list} [data-action]`, (buttons) => buttons.map((button) => button.textContent));
  await page.click("#menu-extensions");
  const extensions = await items("#menu-extensions-list");
  await page.click("#menu-playground");
  const playgroundMenu = await items("#menu-playground-list");
  await page.keyboard.press("Escape");
  const typed = await typeIntoCell(page, "A1", "Scratch");
  return { tabs, menu: extensions, playgroundMenu, typed };
}

let browser: Browser;
/**
 * Both languages start with the file, one chromium for both, each with its
 * own server, data file and browser context: what a person would see is
 * gathered in order, and the tests below check it.
 */
const seen = new Map<Language, Promise<Seen>>();
beforeAll(async () => {
  browser = await launchChromium();
  for (const language of ["en", "de"] as const) {
    const observed = observe(browser, language);
    // Awaited by the language's tests; this only keeps a failure from going unhandled before then.
    observed.catch(() => undefined);
    seen.set(language, observed);
  }
});
afterAll(async () => {
  await Promise.allSettled(seen.values());
  for (const cleanup of cleanups.reverse()) await cleanup();
  await browser?.close();
});

/** What was seen in `language`, once its look has finished. */
function lookedIn(language: Language): Promise<Seen> {
  const observed = seen.get(language);
  if (!observed) throw new Error(`nothing was observed in ${language}`);
  return observed;
}

describe.each(["en", "de"] as const)("the built workbook in the playground (%s)", (language: Language) => {
  const dashboard = DASHBOARD_NAMES[language];
  const looked = (): Promise<Seen> => lookedIn(language);

  it("opens on one empty tab, and that tab, once something is typed into it, stays after Build", async () => {
    const { before, afterBuild } = await looked();
    expect(before.tabs).toHaveLength(1);
    expect(before.typed).toBe("Scratch");
    expect(afterBuild.tabs).toContain(before.tabs[0]);
  });

  it(`after Build shows the ${dashboard} tab, the one the add-on activated`, async () => {
    expect((await looked()).afterBuild).toEqual({
      shown: dashboard,
      active: dashboard,
      tabs: expect.arrayContaining([dashboard]),
    });
  });

  it("at 1366×768 the result box lies whole in the sidebar, its buttons above the sticky footer", async () => {
    const { resultBox: place, openLabel } = await looked();
    const problems: string[] = [];
    const frameOut = outside(place.frame, place.viewport);
    if (frameOut)
      problems.push(
        `the sidebar frame ${rectText(place.frame)} sticks out of the page ${rectText(place.viewport)}: ${frameOut}`,
      );
    const boxOut = outside(place.box, place.room);
    if (boxOut)
      problems.push(
        `the result box ${rectText(place.box)} is not inside the sidebar's visible area ${rectText(place.room)}: ${boxOut}`,
      );
    for (const button of place.buttons) {
      const out = outside(button.rect, place.room);
      if (out) problems.push(`the button #${button.id} "${button.text}" ${rectText(button.rect)} is hidden: ${out}`);
    }
    const ids = place.buttons.map((button) => button.id);
    if (!ids.includes("wz-open-dashboard"))
      problems.push(`the result box has no "Open the Dashboard" button (buttons: ${ids.join(", ") || "none"})`);
    if (!ids.includes("wz-close"))
      problems.push(`the result box has no Close button (buttons: ${ids.join(", ") || "none"})`);
    expect(problems).toEqual([]);
    expect(openLabel).toBe(language === "de" ? "Übersicht öffnen" : "Open the Dashboard");
  });

  describe("with December half done and sample leads", () => {
    it("has the sample leads", async () => {
      expect((await looked()).sampled).toMatch(/Added \d+ sample leads/);
    });

    for (const screen of SCREENS) {
      const size = sizeOf(screen);

      it(`${size}: the ${dashboard}'s pace chart lies inside the grid's visible area`, async () => {
        const { tabs, pace: paces } = (await looked()).walk;
        const paceSeen = paces.get(size);
        if (!paceSeen) throw new Error(`there is no tab "${dashboard}" to look at; the tabs are ${tabs.join(", ")}`);
        const { charts, visible } = paceSeen;
        // The pace chart runs over the days of the month.
        const pace = charts.find((chart) => domainKind(chart) === "days");
        if (!pace)
          throw new Error(
            `the ${dashboard} tab has no pace chart over the days of the month; its charts: ${charts.map((chart) => `"${chart.title}" (${domainKind(chart)})`).join(", ") || "none"}`,
          );
        const out = outside(pace.box, visible);
        expect(
          out === ""
            ? ""
            : `at ${size} the chart "${pace.title}" ${rectText(pace.box)} is not inside the grid's visible area ${rectText(visible)}: ${out}`,
        ).toBe("");
      });

      it(`${size}: no cell's text is clipped or broken mid-word on any tab`, async () => {
        const { tabs, clipped } = (await looked()).walk;
        const tabsSeen = clipped.get(size) ?? [];
        expect(tabsSeen.map(({ tab }) => tab)).toEqual(tabs);
        expect(tabs).toContain(dashboard);
        const offenders = tabsSeen.flatMap(({ tab, clipped }) => clippedText(tab, clipped));
        expect(offenders).toEqual([]);
      });
    }

    it("no chart draws a point for a month (or, on a month's pace, a day) after today", async () => {
      const offenders: string[] = [];
      let dated = 0;
      // A chart's points follow the data, not the screen: the first screen's look has them all.
      for (const { tab, charts } of (await looked()).walk.clipped.get(sizeOf(SCREENS[0])) ?? []) {
        for (const chart of charts) {
          if (domainKind(chart) !== "other") dated++;
          const points = futurePoints(chart, TODAY);
          if (points.length === 0) continue;
          const bySeries = new Map<string, string[]>();
          for (const point of points)
            bySeries.set(point.series, [
              ...(bySeries.get(point.series) ?? []),
              `${point.at}=${Math.round(point.value * 100) / 100}`,
            ]);
          for (const [series, at] of bySeries) {
            const shown = at.length > 4 ? `${at.slice(0, 4).join(", ")} … (${at.length} points)` : at.join(", ");
            offenders.push(`${tab}: chart "${chart.title}", series "${series}" draws after ${TODAY}: ${shown}`);
          }
        }
      }
      // The check reads dates and months: a workbook whose charts have neither would pass it unseen.
      expect(dated).toBeGreaterThan(0);
      expect(offenders).toEqual([]);
    });

    it(`the result box's button opens the ${dashboard}`, async () => {
      const { opened } = await looked();
      expect(opened.before).not.toBe(dashboard);
      expect({ shown: opened.shown, problem: opened.problem }).toEqual({ shown: dashboard, problem: null });
    });
  });
});

describe("the English page, used on after the look", () => {
  let english: Seen;
  let live: Live;
  let page: Page;
  beforeAll(async () => {
    english = await lookedIn("en");
    live = english.live;
    page = live.page;
  });

  async function cellText(cell: string): Promise<string> {
    return (await page.textContent(`td[data-cell="${cell}"]`)) ?? "";
  }

  it("opened with the add-on's menu and the playground's own", async () => {
    const { before } = english;
    expect(before.menu).toEqual([
      "New or edit SLA",
      "Start next month",
      "Share with sales",
      "Import leads",
      "Function reference",
      "Run self-test",
      "About",
    ]);
    expect(before.playgroundMenu).toEqual(["Fill with sample data", "Reset workbook…"]);
  });

  it("built the workbook's tabs in order, the typed first tab last, and the agreement's worked example", async () => {
    const { afterBuild } = english;
    expect(afterBuild.tabs).toEqual(["Dashboard", "Agreement", "2026-12", "Leads", "Follow-up", "Sheet1"]);
    // The wizard's sidebar gets Apps Script's 300 px.
    const panel = await page.$eval(
      "#pg-sidebar-frame",
      (frame) => (frame as HTMLIFrameElement).getBoundingClientRect().width,
    );
    expect(Math.round(panel)).toBe(300);
    await showSheet(page, "Agreement");
    expect(await cellText("B19")).toBe("100");
  });

  it("draws the pace, speed and depth charts from the sample leads, with ink", async () => {
    await showSheet(page, "2026-12");
    await page.waitForSelector(".pg-chart canvas");
    const pace = await chartInk(page);
    expect(pace).toHaveLength(1);
    expect(pace[0]?.title).toContain("cumulative leads against the goal");
    expect(pace[0]?.pixels).toBeGreaterThan(2000);

    await showSheet(page, "Follow-up");
    await page.waitForSelector(".pg-chart canvas");
    const followUp = await chartInk(page);
    expect(followUp.map((chart) => chart.title)).toEqual([
      "Follow-up speed by month (hours)",
      "Follow-up depth by month",
      "Speed to lead by month: share of leads per band",
    ]);
    for (const chart of followUp) expect(chart.pixels).toBeGreaterThan(2000);
  });

  it("evaluates a custom function typed into a cell and shows its formula in the formula bar", async () => {
    await showSheet(page, "Sheet1");
    expect(await typeIntoCell(page, "B2", "=SLA_LEADS_NEEDED(5000, 100%, 100, 50%)")).toBe("100");
    await page.click('td[data-cell="B2"]');
    expect(await page.inputValue("#pg-formula")).toBe("=SLA_LEADS_NEEDED(5000, 100%, 100, 50%)");
    expect(await page.inputValue("#pg-namebox")).toBe("B2");
    // A range argument, as in the README.
    expect(
      Number(await typeIntoCell(page, "B4", '=SLA_FOLLOWUP_SPEED(Leads_HandedOff, Leads_FirstFollowUp, "median")')),
    ).toBeGreaterThan(0);
    // An error shows #ERROR! and its message on hover.
    expect(await typeIntoCell(page, "B6", "=SLA_LEADS_NEEDED(5000, 100%, 100, 0)")).toBe("#ERROR!");
    await page.hover('td[data-cell="B6"]');
    expect(await page.textContent(".pg-tip")).toContain("close_rate must be more than 0");
  });

  it("moves the month's report when a lead is typed into the lead log", async () => {
    // The count before, as the server has it; the page shows the count after.
    const before = Number((await view(live.playground, "2026-12")).sheet.cells.F3?.v);
    expect(before).toBeGreaterThan(0);
    await showSheet(page, "Leads");
    const row = await page.$$eval("td[data-cell^='A']", (cells) => {
      const empty = cells.find(
        (cell) => Number((cell as HTMLElement).dataset.cell!.slice(1)) > 1 && (cell.textContent ?? "") === "",
      );
      return Number((empty as HTMLElement).dataset.cell!.slice(1));
    });
    await typeIntoCell(page, `A${row}`, "Typed Lead");
    expect(await typeIntoCell(page, `E${row}`, `${TODAY} 10:30`)).toBe(`${TODAY} 10:30`);
    await showSheet(page, "2026-12");
    expect(Number(await cellText("F3"))).toBe(before + 1);
    expect(live.errors).toEqual([]);
  });

  it("draws the lead log's rows with leads at once, and its empty formatted rows as scrolling or the keyboard reach them", async () => {
    await showSheet(page, "Leads");
    const sheetRows = (await view(live.playground, "Leads")).sheet.rows;
    const drawn = async () => Number(await page.getAttribute("table.pg-table", "data-rows-drawn"));
    const first = await drawn();
    // Every lead and a few empty rows, not the whole formatted log.
    expect(first).toBeLessThan(sheetRows);
    expect(await page.textContent(`td[data-cell="A${first - 20}"]`)).not.toBe("");
    expect(await page.$(`td[data-cell="A${first + 1}"]`)).toBeNull();
    // The canvas is as tall as the whole sheet: the scrollbar shows all of it.
    const heights = await page.$eval("#pg-grid", (grid) => ({
      canvas: (grid.firstElementChild as HTMLElement).offsetHeight,
      table: (grid.querySelector("table.pg-table") as HTMLElement).offsetHeight,
    }));
    expect(heights.canvas).toBeGreaterThan(heights.table + (sheetRows - first - 1) * 21);
    // Scrolled to the end, the last row shows, with its unticked box.
    await page.$eval("#pg-grid", (grid) => grid.scrollTo(0, grid.scrollHeight));
    await page.waitForSelector(`td[data-cell="D${sheetRows}"]`);
    expect(await drawn()).toBe(sheetRows);
    // The frozen header keeps its own row number over the rows scrolling under it.
    const frozenNumber = await page.evaluate(() => {
      const head = document.querySelector("table.pg-table tr.pg-frozen th.pg-rowhead") as HTMLElement;
      const box = head.getBoundingClientRect();
      return document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)?.textContent;
    });
    expect(frozenNumber).toBe("1");
    // No sliver of a scrolling row shows between the column letters and the frozen header.
    const aboveFrozen = await page.evaluate(() => {
      const cell = document.querySelector('table.pg-table td[data-cell="A1"]') as HTMLElement;
      const box = cell.getBoundingClientRect();
      return document.elementFromPoint(box.left + box.width / 2, box.top - 0.5)?.closest("thead") !== null;
    });
    expect(aboveFrozen).toBe(true);
    await page.$eval("#pg-grid", (grid) => grid.scrollTo(0, 0));
    // Arrow keys walk past the drawn rows in a freshly drawn tab, too.
    await showSheet(page, "2026-12");
    await showSheet(page, "Leads");
    const start = await drawn();
    await page.click(`td[data-cell="B${start}"]`);
    await page.keyboard.press("ArrowDown");
    expect(await page.inputValue("#pg-namebox")).toBe(`B${start + 1}`);
    expect(await page.getAttribute(`td[data-cell="B${start + 1}"]`, "class")).toContain("pg-selected");
  });

  it("starts the next month after asking recalculated or agreed, and before December has ended whether to start it now", async () => {
    await menu(page, "menu-extensions", "nextMonth");
    await page.click("#next-month-agreed");
    await page.waitForSelector("#next-month-early");
    expect(await page.textContent(".pg-dialog")).toMatch(/2026-12 has not ended yet/);
    expect(await tabNames(page)).not.toContain("2027-01");
    await page.click("#next-month-early");
    await page.waitForSelector(".pg-dialog .pg-ok");
    expect(await page.textContent(".pg-dialog")).toMatch(/2027-01/);
    await page.click(".pg-dialog .pg-primary");
    expect(await tabNames(page)).toContain("2027-01");
  });
});
