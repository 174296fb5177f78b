/**
 * The built self-test dialog (dist/SelfTest.html) in chromium, offline, with a
 * stand-in for google.script.run: it runs the self-test as it opens and shows
 * the busy state meanwhile; then what was compared and skipped, and each
 * difference with its cell, expected and got, as text (also hostile text);
 * a refusal as the server words it; "Copy report" copies the server's plain
 * text (or selects it for Ctrl+C where the clipboard is blocked); nothing
 * overflows the 640 × 560 dialog and its buttons stay in view.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import type { Browser, Page } from "playwright-core";
import type { Language } from "../../src/core/i18n";
import { MAX_LISTED, reportText, type Difference, type SelfTestReport } from "../../src/core/selfTest";
import type { SelfTestResult } from "../../src/gas/selfTest";
import {
  gate,
  launchBrowser,
  openSurface,
  overflow,
  screenshotAt,
  SELF_TEST_FILE,
  type ServerHandler,
  type Surface,
} from "./support";

jest.setTimeout(120_000);

const WIDTH = 640;
const HEIGHT = 560;
const HOSTILE = "<img src=x onerror=alert(1)>";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function report(differences: readonly Difference[], more = 0, overrides: Partial<SelfTestReport> = {}): SelfTestReport {
  return {
    cellsChecked: 4302,
    settledChecked: 4121,
    namedRangesChecked: 18,
    chartsChecked: 3,
    skippedMoving: 12,
    skippedNotSettled: 0,
    settledFrom: "2027-01-01",
    today: "2027-02-10",
    differenceCount: differences.length + more,
    differences,
    ...overrides,
  };
}

function answer(
  language: Language,
  differences: readonly Difference[] = [],
  more = 0,
  overrides: Partial<SelfTestReport> = {},
): ServerHandler {
  const built = report(differences, more, overrides);
  const result: SelfTestResult = {
    ok: true,
    language,
    report: built,
    text: reportText(built, language, "0123abcd4567ef89"),
  };
  return () => result;
}

function open(language: Language, runSelfTest: ServerHandler, options: { waitReady?: boolean } = {}): Promise<Surface> {
  return openSurface(browser, {
    file: SELF_TEST_FILE,
    language,
    width: WIDTH,
    height: HEIGHT,
    answers: { runSelfTest },
    ...options,
  });
}

async function expectFits(page: Page, where: string): Promise<void> {
  const { scrollWidth, offenders } = await overflow(page, WIDTH);
  expect({ where, fits: scrollWidth <= WIDTH, offenders }).toEqual({ where, fits: true, offenders: [] });
  // The buttons stay on screen however long the report: the bar sticks to the dialog's bottom.
  const nav = await page.$eval(".dialog-nav", (element) => element.getBoundingClientRect().bottom);
  expect(nav).toBeLessThanOrEqual(HEIGHT);
}

async function counts(page: Page): Promise<string[]> {
  return page.$$eval("#selftest-counts .st-count", (rows) =>
    rows.map((row) => `${row.querySelector("dt")?.textContent} = ${row.querySelector("dd")?.textContent}`),
  );
}

describe("the self-test dialog", () => {
  it("runs the self-test as it opens, busy until the answer comes, then shows a clean result with what was compared and skipped", async () => {
    const held = gate();
    const surface = await open(
      "en",
      async () => {
        await held.promise;
        return answer("en")();
      },
      { waitReady: false },
    );
    const { page } = surface;
    await page.waitForSelector("#selftest-result.st-busy");
    expect(await page.textContent("#selftest-result")).toBe(
      "Building the example and comparing… This takes about a minute.",
    );
    expect(await page.getAttribute("#selftest-main", "aria-busy")).toBe("true");
    expect(await page.$("#selftest-copy")).toBeNull();
    held.open();
    await page.waitForSelector("body[data-ready]", { state: "attached" });
    expect(surface.calls).toEqual([{ name: "runSelfTest", args: [], jsonSafe: true }]);
    expect(await page.textContent("#selftest-headline")).toBe("No differences");
    expect(await counts(page)).toEqual([
      "Calculated cells checked = 4,302",
      "of them reading TODAY() or NOW(), settled since the example's month ended = 4,121",
      "Named ranges checked = 18",
      "Charts checked (every range they draw) = 3",
      "Skipped: depend on todaytheir value changes from day to day (e.g. working hours since hand-off of leads still waiting) = 12",
    ]);
    expect(await page.$("#selftest-differences")).toBeNull();
    expect(await page.isVisible("#selftest-text")).toBe(false);
    await expectFits(page, "clean");
    expect(surface.errors).toEqual([]);
    expect(surface.blocked.filter((url) => !url.startsWith("https://ssl.gstatic.com/"))).toEqual([]);
    await screenshotAt(page, "selftest-clean.png", WIDTH, HEIGHT);
    await surface.context.close();
  });

  it("copies the server's plain-text report", async () => {
    const surface = await open("en", answer("en"));
    const { page, context } = surface;
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: "https://dialog.invalid" });
    await page.click("#selftest-copy");
    await page.waitForSelector("#selftest-copy-status");
    expect(await page.textContent("#selftest-copy-status")).toBe("Report copied. Paste it into an e-mail to us.");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(reportText(report([]), "en", "0123abcd4567ef89"));
    expect(copied).toContain("Calculated cells checked: 4302");
    expect(copied).toContain("Skipped, depend on today: 12 cells");
    await context.close();
  });

  it("selects the report for Ctrl+C where the clipboard is blocked", async () => {
    const surface = await open("de", answer("de"));
    const { page } = surface;
    await page.evaluate(() => {
      Object.defineProperty(navigator, "clipboard", {
        value: { writeText: () => Promise.reject(new Error("blocked")) },
      });
    });
    await page.click("#selftest-copy");
    await page.waitForSelector("#selftest-text", { state: "visible" });
    expect(await page.textContent("#selftest-copy-status")).toBe(
      "Kopieren ging nicht automatisch: Der Bericht ist unten markiert; drücken Sie Strg+C (⌘C auf dem Mac).",
    );
    const selection = await page.evaluate(() => {
      const area = document.getElementById("selftest-text") as HTMLTextAreaElement;
      return {
        focused: document.activeElement === area,
        selected: area.value.slice(area.selectionStart, area.selectionEnd),
      };
    });
    expect(selection).toEqual({ focused: true, selected: reportText(report([]), "de", "0123abcd4567ef89") });
    await expectFits(page, "copy failed");
    await surface.context.close();
  });

  it("lists each difference with its cell, expected and got as text, counts those not listed, and fits in German", async () => {
    const differences: Difference[] = [
      { where: "'Follow-up'!E5", expected: "2.25", got: "2.5" },
      { where: "Leads_ResponseHours: Leads!M3", expected: "„⚠ before hand-off“", got: "Fehler #VALUE!" },
      { where: HOSTILE, expected: `„${HOSTILE}${"x".repeat(300)}“`, got: "(leer)" },
      ...Array.from(
        { length: MAX_LISTED - 3 },
        (_, i): Difference => ({ where: `'2026-12'!E${14 + (i % 31)}`, expected: String(i), got: "(leer)" }),
      ),
    ];
    const surface = await open(
      "de",
      answer("de", differences, 57, {
        skippedNotSettled: 4121,
        settledChecked: 0,
        cellsChecked: 181,
        today: "2026-12-15",
      }),
    );
    const { page } = surface;
    expect(await page.textContent("#selftest-headline")).toBe("257 Abweichungen");
    expect(await counts(page)).toContain(
      "Übersprungen: Beispielmonat noch nicht zu Endesie lesen HEUTE() oder JETZT() und werden ab 2027-01-01 verglichen = 4.121",
    );
    const rows = await page.$$eval("#selftest-differences tbody tr", (trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent)),
    );
    expect(rows).toHaveLength(MAX_LISTED);
    expect(rows.slice(0, 2)).toEqual([
      ["'Follow-up'!E5", "2.25", "2.5"],
      ["Leads_ResponseHours: Leads!M3", "„⚠ before hand-off“", "Fehler #VALUE!"],
    ]);
    expect(rows[2]?.[0]).toBe(HOSTILE);
    expect(await page.$("img")).toBeNull();
    expect(surface.dialogs).toEqual([]);
    expect(await page.textContent("#selftest-more")).toBe("… und 57 weitere (nur die ersten 200 sind aufgeführt).");
    expect(await page.$eval("html", (element) => element.lang)).toBe("de");
    await expectFits(page, "differences");
    await screenshotAt(page, "selftest-differences-de.png", WIDTH, HEIGHT);
    await surface.context.close();
  });

  it("shows a refusal as the server words it, in the server's language, with nothing to copy", async () => {
    const refusal: SelfTestResult = {
      ok: false,
      language: "de",
      reason: "notEmpty",
      message: "Der Selbsttest … braucht eine leere Tabelle: Es wurde nichts geändert.",
    };
    const surface = await open("en", () => refusal);
    const { page } = surface;
    expect(await page.textContent("#selftest-result .st-title")).toBe("Nicht ausgeführt");
    expect(await page.textContent("#selftest-message")).toBe(refusal.message);
    expect(await page.$("#selftest-copy")).toBeNull();
    await expectFits(page, "refused");
    await surface.context.close();
  });

  it("says so when the server cannot be reached", async () => {
    const surface = await open("en", () => {
      throw new Error("Exceeded maximum execution time");
    });
    expect(await surface.page.textContent("#selftest-message")).toBe(
      "The self-test could not be run: Exceeded maximum execution time",
    );
    await surface.context.close();
  });
});
