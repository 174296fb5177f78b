/**
 * The built workbook as a person sees it in the playground (issue #14), in
 * English and German, on a 1366×768 and a 1920×1080 screen, with December
 * 2026 half done (today 2026-12-15, sample leads filled in):
 * - after Build the Dashboard is the active tab, and the wizard's result box
 *   shows whole in the sidebar, with its buttons above the sticky footer;
 *   its "Open the Dashboard" shows the Dashboard;
 * - the Dashboard's pace chart lies inside the grid's visible area, no
 *   scrolling (the sidebar open beside it, as after Build);
 * - on every tab no cell's text is cut off at its edge, and no wrapping
 *   cell breaks a word (widths measured in the page, with the cell's font);
 * - no chart draws a point for time not yet reached.
 * Failures name the sheet, the cell or chart, the text and the pixels.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import type { Browser, Frame, Page } from "playwright-core";
import {
  buildFromWizard,
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
  newPlaygroundTab,
  openWizard,
  outside,
  rectText,
  resultBoxPlace,
  shownSheet,
  showSheet,
  tabNames,
  type OpenPage,
  type Rect,
} from "../../playground/server/browserDriver";
import { startPlayground, type Playground } from "../../playground/server";
import type { DrawnChart } from "../../playground/page/types";
import type { Language } from "../../src/core/i18n";
import { DASHBOARD_NAMES } from "../../src/gas/openDashboard";
import { labelsFor } from "../../src/workbook/labels";
import { tempFolder, TODAY, type TempFolder } from "./support";

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

/** A playground whose SLA the wizard in its sidebar has just built, in one language. */
interface Built {
  readonly folder: TempFolder;
  readonly playground: Playground;
  readonly open: OpenPage;
  readonly page: Page;
  readonly wizard: Frame;
}

async function buildInPlayground(browser: Browser, language: Language): Promise<Built> {
  const folder = tempFolder();
  const [playground, open] = await Promise.all([
    startPlayground({
      port: 0,
      dataFile: folder.file("workbook.json"),
      today: TODAY,
      timeZone: "Europe/Berlin",
      locale: language === "de" ? "de_DE" : "en_US",
    }),
    newPlaygroundTab(browser, SCREENS[0], language === "de" ? "de-DE" : "en-US"),
  ]);
  await open.load(playground.url);
  const page = open.page;
  const wizard = await openWizard(page);
  await fillFirstStep(wizard, {
    startMonth: "2026-12",
    contact: { ...CONTACT[language], email: "sales@example.com", party: "sales" },
  });
  const result = await buildFromWizard(wizard);
  if (!/SLA (built|erstellt)/.test(result)) throw new Error(`the wizard did not build: ${result}`);
  // The page draws the new workbook once the build's answer reaches it.
  await page.waitForFunction(() => document.querySelectorAll(".pg-tab").length > 1);
  return { folder, playground, open, page, wizard };
}

let browser: Browser;
/**
 * Both languages' builds start with the file, one chromium for both: the
 * German one goes on while the English tests look at theirs. Each playground
 * has its own server, data file and browser context.
 */
const builds = new Map<Language, Promise<Built>>();
beforeAll(async () => {
  browser = await launchChromium();
  for (const language of ["en", "de"] as const) {
    const build = buildInPlayground(browser, language);
    // Awaited by the language's tests; this only keeps a failure from going unhandled before then.
    build.catch(() => undefined);
    builds.set(language, build);
  }
});
afterAll(async () => {
  for (const build of builds.values()) {
    const built = await build.catch(() => undefined);
    await built?.open.close();
    await built?.playground.close();
    built?.folder.remove();
  }
  await browser?.close();
});

/** The pace chart on the Dashboard at one screen size, and the grid's visible area it must lie in. */
interface PaceSeen {
  readonly charts: DrawnChart[];
  readonly visible: Rect;
}

/** What one walk over the tabs saw: per tab, the clipped cells at each screen size and the drawn charts. */
interface Walk {
  readonly tabs: string[];
  readonly clipped: Map<string, TabSeen[]>;
  readonly pace: Map<string, PaceSeen>;
}

function sizeOf(screen: (typeof SCREENS)[number]): string {
  return `${screen.width}×${screen.height}`;
}

describe.each(["en", "de"] as const)("the built workbook in the playground (%s)", (language: Language) => {
  const dashboard = DASHBOARD_NAMES[language];
  const leadLog = labelsFor(language).sheets.leads;
  let page: Page;
  let wizard: Frame;

  beforeAll(async () => {
    const built = await builds.get(language);
    if (!built) throw new Error(`no build for ${language}`);
    ({ page, wizard } = built);
  });

  it(`after Build shows the ${dashboard} tab, the one the add-on activated`, async () => {
    const shown = await shownSheet(page);
    const active = await page.evaluate(
      () => (window as unknown as { slaPlayground: { activeTab?: string } }).slaPlayground.activeTab,
    );
    expect({ shown, active, tabs: await tabNames(page) }).toEqual({
      shown: dashboard,
      active: dashboard,
      tabs: expect.arrayContaining([dashboard]),
    });
  });

  it("at 1366×768 the result box lies whole in the sidebar, its buttons above the sticky footer", async () => {
    const place = await resultBoxPlace(page, wizard);
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
    expect(await wizard.textContent("#wz-open-dashboard")).toBe(
      language === "de" ? "Übersicht öffnen" : "Open the Dashboard",
    );
  });

  describe("with December half done and sample leads", () => {
    beforeAll(async () => {
      const filled = await fillSampleData(page);
      if (!/Added \d+ sample leads/.test(filled)) throw new Error(`no sample data: ${filled}`);
    });

    /**
     * Every tab shown once, and looked at on each screen by resizing the
     * window (column widths and chart places are the sheet's, in pixels; a
     * resize changes only how much of the grid shows). Drawing a tab is what
     * costs here, so all checks below read this one walk.
     */
    let walk: Promise<Walk> | undefined;
    function walkTabs(): Promise<Walk> {
      walk ??= (async () => {
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
      })();
      return walk;
    }

    for (const screen of SCREENS) {
      const size = sizeOf(screen);

      it(`${size}: the ${dashboard}'s pace chart lies inside the grid's visible area`, async () => {
        const { tabs, pace: paces } = await walkTabs();
        const seen = paces.get(size);
        if (!seen) throw new Error(`there is no tab "${dashboard}" to look at; the tabs are ${tabs.join(", ")}`);
        const { charts, visible } = seen;
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
        const seen = (await walkTabs()).clipped.get(size) ?? [];
        expect(seen.map(({ tab }) => tab)).toEqual(await tabNames(page));
        const offenders = seen.flatMap(({ tab, clipped }) => clippedText(tab, clipped));
        expect(offenders).toEqual([]);
      });
    }

    it("no chart draws a point for a month (or, on a month's pace, a day) after today", async () => {
      const offenders: string[] = [];
      let dated = 0;
      // A chart's points follow the data, not the screen: the first screen's look has them all.
      for (const { tab, charts } of (await walkTabs()).clipped.get(sizeOf(SCREENS[0])) ?? []) {
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
      // After the walk another tab shows (the last one); if it were the Dashboard, another is shown first.
      await walkTabs();
      if ((await shownSheet(page)) === dashboard) {
        const elsewhere = (await tabNames(page)).find((name) => name !== dashboard);
        if (elsewhere) await showSheet(page, elsewhere);
      }
      expect(await shownSheet(page)).not.toBe(dashboard);
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
      const problem = (await wizard.$("#wz-dashboard-problem"))
        ? await wizard.textContent("#wz-dashboard-problem")
        : null;
      expect({ shown: await shownSheet(page), problem }).toEqual({ shown: dashboard, problem: null });
    });
  });
});
