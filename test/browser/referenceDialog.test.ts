/**
 * The built function reference (dist/Reference.html) in chromium, offline:
 * every registered function with its summary, signature, parameters and
 * examples, in English and German, filtered by name, without horizontal
 * overflow in the 640 px dialog, and without any server call.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import type { Browser, Page } from "playwright-core";
import { referenceData } from "../../scripts/lib/referenceHtml";
import { matches } from "../../sidebar/reference/reference";
import { FUNCTIONS } from "../../src/functions/definitions";
import type { Language } from "../../src/core/i18n";
import { launchBrowser, openSurface, overflow, REFERENCE_FILE, screenshotAt, type Surface } from "./support";

jest.setTimeout(120_000);

const WIDTH = 640;
const HEIGHT = 560;
const DATA = referenceData(FUNCTIONS);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function open(language: Language): Promise<Surface> {
  return openSurface(browser, { file: REFERENCE_FILE, language, width: WIDTH, height: HEIGHT });
}

async function visibleNames(page: Page): Promise<string[]> {
  return page.$$eval("article.rf-fn", (articles) =>
    articles
      .filter((article) => !(article as HTMLElement).hidden)
      .map((article) => article.getAttribute("data-name") ?? ""),
  );
}

async function expectNoOverflow(page: Page, where: string): Promise<void> {
  const { scrollWidth, offenders } = await overflow(page, WIDTH);
  expect({ where, fits: scrollWidth <= WIDTH, offenders }).toEqual({ where, fits: true, offenders: [] });
}

describe("the function reference", () => {
  it("lists every function with summary, signature, parameters and examples with results, without calling the server", async () => {
    expect(FUNCTIONS.length).toBeGreaterThanOrEqual(16);
    const surface = await open("en");
    const { page } = surface;
    expect(await visibleNames(page)).toEqual(FUNCTIONS.map((fn) => fn.name));
    expect(await page.textContent("#rf-count")).toBe(`${FUNCTIONS.length} functions`);
    for (const fn of DATA.functions) {
      const shown = await page.$eval(`#fn-${fn.name}`, (article) => ({
        signature: article.querySelector(".rf-signature")?.textContent,
        summary: article.querySelector(".rf-summary")?.textContent,
        params: Array.from(article.querySelectorAll(".rf-params dt code"), (code) => code.textContent),
        descriptions: Array.from(article.querySelectorAll(".rf-params .rf-description"), (item) => item.textContent),
        allowed: Array.from(article.querySelectorAll(".rf-params .rf-allowed"), (item) => item.textContent),
        formulas: Array.from(article.querySelectorAll(".rf-formula"), (item) => item.textContent),
        results: Array.from(
          article.querySelectorAll(".rf-examples li"),
          (item) => item.querySelector(".rf-result")?.textContent ?? null,
        ),
        returns: article.querySelector(".rf-returns")?.textContent,
      }));
      expect(shown).toEqual({
        signature: fn.signature,
        summary: fn.summary.en,
        params: fn.params.map((param) => param.name),
        descriptions: fn.params.map((param) => param.description.en),
        allowed: fn.params.map((param) => `Allowed: ${param.allowed.en}`),
        formulas: fn.examples.map((example) => example.formula),
        results: fn.examples.map((example) => (example.result === undefined ? null : ` →  shows ${example.result.en}`)),
        returns: `Returns: ${fn.returns.en}`,
      });
    }
    // The guide's worked example, as a reader sees it.
    expect(await page.textContent("#fn-SLA_LEADS_NEEDED .rf-examples li")).toContain(
      "=SLA_LEADS_NEEDED(5000, 100%, 100, 50%) →  shows 100",
    );
    expect(await page.textContent("#fn-SLA_GOAL_LINE .rf-examples li:nth-child(2)")).toContain(
      "spills 1, 2, 3, 4 down the column",
    );
    expect(surface.calls).toEqual([]);
    expect(surface.errors).toEqual([]);
    await expectNoOverflow(page, "en");
    await screenshotAt(page, "reference-en.png", WIDTH, HEIGHT);
    await surface.close();
  });

  it("filters by name as the user types, and says when nothing matches", async () => {
    const surface = await open("en");
    const { page } = surface;
    for (const query of ["leads", "close rate", "sla_follow", "Deal-Size", "  pace "]) {
      await page.fill("#rf-search", query);
      const expected = FUNCTIONS.filter((fn) => matches(fn, query)).map((fn) => fn.name);
      expect({ query, shown: await visibleNames(page) }).toEqual({ query, shown: expected });
      expect(expected.length).toBeGreaterThan(0);
      expect(await page.textContent("#rf-count")).toBe(`${expected.length} of ${FUNCTIONS.length} functions`);
      const chips = await page.$$eval(".rf-contents li", (items) =>
        items.filter((item) => !(item as HTMLElement).hidden).map((item) => item.getAttribute("data-name")),
      );
      expect(chips).toEqual(expected);
    }
    await page.fill("#rf-search", "close rate");
    expect(await visibleNames(page)).toEqual(["SLA_CLOSE_RATE"]);
    await page.fill("#rf-search", "follow");
    expect(await visibleNames(page)).toEqual(["SLA_FOLLOWUP_SPEED", "SLA_FOLLOWUP_DEPTH"]);
    await screenshotAt(page, "reference-en-search.png", WIDTH, HEIGHT);

    await page.fill("#rf-search", "<b>nothing</b>");
    expect(await visibleNames(page)).toEqual([]);
    expect(await page.textContent("#rf-empty")).toBe("No function name contains “<b>nothing</b>”.");
    expect(await page.isVisible("#rf-empty")).toBe(true);
    expect(await page.$$eval("main b", (found) => found.length)).toBe(0);

    await page.fill("#rf-search", "");
    expect(await visibleNames(page)).toHaveLength(FUNCTIONS.length);
    expect(await page.isVisible("#rf-empty")).toBe(false);
    await surface.close();
  });

  it("jumps to a function from its chip", async () => {
    const surface = await open("en");
    const { page } = surface;
    await page.click('button[data-jump="SLA_REP_CAPACITY"]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("fn-SLA_REP_CAPACITY-title");
    await surface.close();
  });

  it("switches to German and back, keeping the search", async () => {
    const surface = await open("en");
    const { page } = surface;
    await page.fill("#rf-search", "leads needed");
    await page.click("#rf-lang-de");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("de");
    expect(await page.getAttribute("#rf-lang-de", "aria-pressed")).toBe("true");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("rf-lang-de");
    const fn = DATA.functions.find((item) => item.name === "SLA_LEADS_NEEDED");
    expect(await page.textContent("#fn-SLA_LEADS_NEEDED .rf-summary")).toBe(fn?.summary.de);
    expect(await page.textContent("#fn-SLA_LEADS_NEEDED .rf-returns")).toBe(`Ergebnis: ${fn?.returns.de}`);
    expect(await page.inputValue("#rf-search")).toBe("leads needed");
    expect(await visibleNames(page)).toEqual(["SLA_LEADS_NEEDED"]);
    expect(await page.textContent("#rf-count")).toBe(`1 von ${FUNCTIONS.length} Funktionen`);
    await page.click("#rf-lang-en");
    expect(await page.textContent("#fn-SLA_LEADS_NEEDED .rf-summary")).toBe(fn?.summary.en);
    await surface.close();
  });

  it("opens in German for a German browser, fits 640 px, and saves a screenshot", async () => {
    const surface = await open("de");
    const { page } = surface;
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("de");
    expect(await page.textContent("label[for=rf-search]")).toBe("Nach Namen suchen");
    for (const fn of DATA.functions) {
      expect(await page.textContent(`#fn-${fn.name} .rf-summary`)).toBe(fn.summary.de);
      const results = await page.$$eval(`#fn-${fn.name} .rf-result`, (items) =>
        items.map((item) => item.textContent ?? ""),
      );
      expect(results).toEqual(
        fn.examples.flatMap((example) => (example.result === undefined ? [] : [` →  ergibt ${example.result.de}`])),
      );
    }
    // German number format in results: 100/28 ≈ 3,571.
    expect(await page.textContent("#fn-SLA_DAILY_TARGET .rf-result")).toContain("≈ 3,571");
    await expectNoOverflow(page, "de");
    await screenshotAt(page, "reference-de.png", WIDTH, HEIGHT);
    expect(surface.errors).toEqual([]);
    await surface.close();
  });
});
