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
  openPlaygroundPage,
  openWizard,
  outside,
  rectText,
  resultBoxPlace,
  shownSheet,
  showSheet,
  tabNames,
  type OpenPage,
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

describe.each(["en", "de"] as const)("the built workbook in the playground (%s)", (language: Language) => {
  const dashboard = DASHBOARD_NAMES[language];
  const leadLog = labelsFor(language).sheets.leads;
  let folder: TempFolder;
  let playground: Playground;
  let browser: Browser;
  let open: OpenPage;
  let page: Page;
  let wizard: Frame;

  beforeAll(async () => {
    folder = tempFolder();
    playground = await startPlayground({
      port: 0,
      dataFile: folder.file("workbook.json"),
      today: TODAY,
      timeZone: "Europe/Berlin",
      locale: language === "de" ? "de_DE" : "en_US",
    });
    browser = await launchChromium();
    open = await openPlaygroundPage(browser, playground.url, SCREENS[0], language === "de" ? "de-DE" : "en-US");
    page = open.page;
    wizard = await openWizard(page);
    await fillFirstStep(wizard, {
      startMonth: "2026-12",
      contact: { ...CONTACT[language], email: "sales@example.com", party: "sales" },
    });
    const result = await buildFromWizard(wizard);
    if (!/SLA (built|erstellt)/.test(result)) throw new Error(`the wizard did not build: ${result}`);
    // The page draws the new workbook once the build's answer reaches it.
    await page.waitForFunction(() => document.querySelectorAll(".pg-tab").length > 1);
  });

  afterAll(async () => {
    await open?.close();
    await browser?.close();
    await playground?.close();
    folder?.remove();
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

  it(`the result box's button opens the ${dashboard}`, async () => {
    const elsewhere = (await tabNames(page)).find((name) => name !== dashboard);
    if (elsewhere) await showSheet(page, elsewhere);
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

  describe("with December half done and sample leads", () => {
    beforeAll(async () => {
      const filled = await fillSampleData(page);
      if (!/Added \d+ sample leads/.test(filled)) throw new Error(`no sample data: ${filled}`);
    });

    /**
     * Every tab shown once at a screen size, with its clipped cells and its
     * drawn charts. Drawing a tab is what costs here, so the clipped-text and
     * the future-points checks read one walk instead of walking the tabs each.
     */
    const walks = new Map<string, Promise<TabSeen[]>>();
    function walkTabs(screen: (typeof SCREENS)[number]): Promise<TabSeen[]> {
      const size = `${screen.width}×${screen.height}`;
      let walk = walks.get(size);
      if (!walk) {
        walk = (async () => {
          await page.setViewportSize(screen);
          const seen: TabSeen[] = [];
          for (const tab of await tabNames(page)) {
            await showSheet(page, tab);
            const clipped = await clippedCells(page, { headerRowsOnly: tab === leadLog });
            seen.push({ tab, clipped, charts: await drawnCharts(page) });
          }
          return seen;
        })();
        walks.set(size, walk);
      }
      return walk;
    }

    for (const screen of SCREENS) {
      const size = `${screen.width}×${screen.height}`;

      it(`${size}: the ${dashboard}'s pace chart lies inside the grid's visible area`, async () => {
        await page.setViewportSize(screen);
        const tabs = await tabNames(page);
        if (!tabs.includes(dashboard))
          throw new Error(`there is no tab "${dashboard}" to look at; the tabs are ${tabs.join(", ")}`);
        await showSheet(page, dashboard);
        const charts = await drawnCharts(page);
        // The pace chart runs over the days of the month.
        const pace = charts.find((chart) => domainKind(chart) === "days");
        if (!pace)
          throw new Error(
            `the ${dashboard} tab has no pace chart over the days of the month; its charts: ${charts.map((chart) => `"${chart.title}" (${domainKind(chart)})`).join(", ") || "none"}`,
          );
        const visible = await gridViewport(page);
        const out = outside(pace.box, visible);
        expect(
          out === ""
            ? ""
            : `at ${size} the chart "${pace.title}" ${rectText(pace.box)} is not inside the grid's visible area ${rectText(visible)}: ${out}`,
        ).toBe("");
      });

      it(`${size}: no cell's text is clipped or broken mid-word on any tab`, async () => {
        const offenders = (await walkTabs(screen)).flatMap(({ tab, clipped }) => clippedText(tab, clipped));
        expect(offenders).toEqual([]);
      });
    }

    it("no chart draws a point for a month (or, on a month's pace, a day) after today", async () => {
      const offenders: string[] = [];
      let dated = 0;
      // A chart's points follow the data, not the screen: the first screen's walk has them all.
      for (const { tab, charts } of await walkTabs(SCREENS[0])) {
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
  });
});
