/**
 * The wizard in a 300 px sidebar: no horizontal overflow on any step (also
 * with problems shown), screenshots of every step in English and German under
 * test-artifacts/, keyboard-only use of step 1, how fast the first step
 * becomes usable, and the result box after Build whole above the sticky buttons.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import type { Browser, Page } from "playwright-core";
import type { Language } from "../../src/core/i18n";
import { outside, rectText, resultBoxInWizard } from "../../playground/server/browserDriver";
import {
  activeId,
  addTwoTiers,
  artifact,
  fillContact,
  heading,
  launchBrowser,
  next,
  openWizard,
  overflow,
} from "./support";

jest.setTimeout(120_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A screenshot of the whole step: the viewport grows to the page, so the sticky bar sits at the bottom. */
async function screenshot(page: Page, name: string): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 300, height });
  await page.screenshot({ path: artifact(name), fullPage: true });
  await page.setViewportSize({ width: 300, height: 720 });
}

/** The overflow seen at one place of the walk over the steps. */
interface OverflowSeen {
  readonly where: string;
  readonly fits: boolean;
  readonly offenders: string[];
}

async function overflowAt(page: Page, where: string): Promise<OverflowSeen> {
  const { scrollWidth, offenders } = await overflow(page);
  return { where, fits: scrollWidth <= 300, offenders };
}

/** Walks every step with long entries in `language`, builds, then shows problems; notes the overflow and saves a screenshot at each. */
async function walkSteps(language: Language): Promise<{ seen: OverflowSeen[]; errors: string[] }> {
  const wizard = await openWizard(browser, language);
  const { page } = wizard;
  const seen: OverflowSeen[] = [];
  await page.check("#f-kind-multiLevel");
  await fillContact(page, 0, {
    name: "Ada Lovelace-Byron of Ockham",
    email: "ada.lovelace.byron@analytical-engine.example.com",
    role: "Head of Demand Generation EMEA",
  });
  seen.push(await overflowAt(page, "step 1"));
  await screenshot(page, `wizard-${language}-1-agreement.png`);
  await next(page);

  await page.fill("#f-marketing-closeRate", language === "de" ? "50 %" : "50%");
  seen.push(await overflowAt(page, "step 2"));
  await screenshot(page, `wizard-${language}-2-goal.png`);
  await next(page);

  await addTwoTiers(page);
  seen.push(await overflowAt(page, "step 3"));
  await screenshot(page, `wizard-${language}-3-tiers.png`);
  await next(page);

  await page.click("#add-holiday");
  await page.fill("#f-sales-holidays-0", "2026-12-24");
  // The longest rep name the schema takes, in the reps list.
  await page.fill(
    "#f-sales-reps-0",
    "Maximiliane Hohenzollern-Sigmaringen von und zu Wittelsbach-Oberammergau".padEnd(100, "x"),
  );
  await page.click("#add-rep");
  await page.fill("#f-sales-reps-1", "Sam Ortiz");
  seen.push(await overflowAt(page, "step 4"));
  await screenshot(page, `wizard-${language}-4-follow-up.png`);
  await next(page);

  seen.push(await overflowAt(page, "step 5"));
  await screenshot(page, `wizard-${language}-5-terms.png`);
  await next(page);

  seen.push(await overflowAt(page, "step 6"));
  await screenshot(page, `wizard-${language}-6-review.png`);
  await page.click("#wz-build");
  await page.waitForSelector(".wz-result-success");
  seen.push(await overflowAt(page, "built"));
  await screenshot(page, `wizard-${language}-7-built.png`);

  // Problems shown next to fields and in the summary must fit too.
  await page.click("#edit-step-0");
  await page.fill("#f-contacts-0-email", "not-an-address-but-a-very-long-word-without-any-spaces-at-all");
  await page.fill("#f-currency", "US");
  await next(page);
  seen.push(await overflowAt(page, "step 1 with problems"));
  await screenshot(page, `wizard-${language}-8-problems.png`);
  const errors = [...wizard.errors];
  await wizard.close();
  return { seen, errors };
}

/**
 * Both languages walk their steps at once, each in its own tab (the
 * browser's language differs, so the tabs do): the tests check what they saw.
 */
const walks = new Map<Language, Promise<{ seen: OverflowSeen[]; errors: string[] }>>();
beforeAll(() => {
  for (const language of ["en", "de"] as const) {
    const walk = walkSteps(language);
    walk.catch(() => undefined);
    walks.set(language, walk);
  }
});

describe.each(["en", "de"] as const)("the sidebar at 300 px in %s", (language: Language) => {
  it("has no horizontal overflow on any step, and saves a screenshot of each", async () => {
    const walk = walks.get(language);
    if (!walk) throw new Error(`no walk in ${language}`);
    const { seen, errors } = await walk;
    expect(seen.map((step) => step.where)).toEqual([
      "step 1",
      "step 2",
      "step 3",
      "step 4",
      "step 5",
      "step 6",
      "built",
      "step 1 with problems",
    ]);
    for (const step of seen) expect(step).toEqual({ where: step.where, fits: true, offenders: [] });
    expect(errors).toEqual([]);
  });
});

describe("keyboard only", () => {
  it("reaches every control of step 1 in order with Tab, advances with Enter on Next, and lands on the step heading", async () => {
    const wizard = await openWizard(browser, "en");
    const { page } = wizard;
    // The tab stops the page offers, in document order; a radio group is one stop (its checked radio).
    const expected = await page.evaluate(() =>
      Array.from(
        document.querySelectorAll<HTMLElement>("a[href], button, input, select, textarea, summary, [tabindex]"),
      )
        .filter((element) => {
          if (element.tabIndex < 0 || (element as HTMLButtonElement).disabled) return false;
          const box = element.getBoundingClientRect();
          if (box.width === 0 && box.height === 0) return false;
          return !(element instanceof HTMLInputElement && element.type === "radio" && !element.checked);
        })
        .map((element) => element.id || `${element.tagName.toLowerCase()} without id`),
    );
    expect(expected[0]).toBe("wz-lang-en");
    expect(expected[expected.length - 1]).toBe("wz-next");
    for (const id of [
      "f-kind-internal",
      "f-parties-0-name",
      "f-contacts-0-name",
      "f-contacts-0-email",
      "f-contacts-0-role",
      "f-contacts-0-party",
      "remove-contact-0",
      "add-contact",
      "f-title",
      "f-summary",
      "f-startMonth",
      "f-months",
      "f-language",
      "f-currency",
    ]) {
      expect(expected).toContain(id);
    }
    // Every control has a visible label tied to it.
    const unlabelled = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLInputElement>("input, select, textarea"))
        .filter((control) => !document.querySelector(`label[for="${control.id}"]`)?.textContent?.trim())
        .map((control) => control.id),
    );
    expect(unlabelled).toEqual([]);

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const visited: string[] = [];
    for (let press = 0; press < 80 && visited[visited.length - 1] !== "wz-next"; press += 1) {
      await page.keyboard.press("Tab");
      const id = await activeId(page);
      // A month field takes a Tab per part (month, year): it is one control.
      if (visited[visited.length - 1] !== id) visited.push(id);
      if (id === "f-contacts-0-name" && !visited.slice(0, -1).includes(id)) await page.keyboard.type("Kay Board");
      if (id === "f-contacts-0-email" && !visited.slice(0, -1).includes(id))
        await page.keyboard.type("kay@example.com");
    }
    expect(visited).toEqual(expected);

    await page.keyboard.press("Enter");
    expect(await heading(page)).toBe("Marketing goal");
    expect(await activeId(page)).toBe("wz-heading");
    expect(
      await page.$eval("ol.wz-dots li[aria-current=step]", (item) =>
        Array.from(item.parentElement?.children ?? []).indexOf(item),
      ),
    ).toBe(1);
    // Shift+Tab from the heading goes back up to the page's controls; Tab goes on to the first field.
    await page.keyboard.press("Tab");
    expect(await activeId(page)).toBe("f-marketing-quota");
    await wizard.close();
  });
});

/** Everything in the result box that lies outside the sidebar's visible area above the sticky buttons. */
async function hiddenParts(page: Page): Promise<string[]> {
  const place = await resultBoxInWizard(page);
  const problems: string[] = [];
  const boxOut = outside(place.box, place.room);
  if (boxOut) problems.push(`the result box ${rectText(place.box)} is not inside ${rectText(place.room)}: ${boxOut}`);
  for (const button of place.buttons) {
    const out = outside(button.rect, place.room);
    if (out) problems.push(`#${button.id} "${button.text}" ${rectText(button.rect)}: ${out}`);
  }
  return problems;
}

describe.each(["en", "de"] as const)(
  "the result box after Build, in a sidebar 300×560 (a 1366×768 screen), in %s",
  (language: Language) => {
    it("shows whole above the sticky buttons, and its Open the Dashboard asks the server in the wizard's language", async () => {
      const wizard = await openWizard(browser, language, { height: 560 });
      const { page } = wizard;
      await fillContact(page, 0, { name: "Kendra Miles", email: "kendra@example.com", party: "sales" });
      for (let step = 0; step < 10 && (await page.$("#wz-build")) === null; step++) await next(page);
      await page.click("#wz-build");
      await page.waitForSelector(".wz-result-success");
      expect(await hiddenParts(page)).toEqual([]);
      const labels = await page.$$eval("#wz-result button", (buttons) => buttons.map((button) => button.textContent));
      expect(labels).toEqual(language === "de" ? ["Übersicht öffnen", "Schließen"] : ["Open the Dashboard", "Close"]);

      // When the server cannot find the Dashboard, its words show in the box, which stays whole.
      wizard.dashboardAnswer = () => ({ ok: false, message: "No Dashboard here." });
      await page.click("#wz-open-dashboard");
      await page.waitForSelector("#wz-dashboard-problem");
      expect(await page.textContent("#wz-dashboard-problem")).toBe("No Dashboard here.");
      expect(await hiddenParts(page)).toEqual([]);

      wizard.dashboardAnswer = undefined;
      await page.click("#wz-open-dashboard");
      await page.waitForSelector("#wz-dashboard-problem", { state: "detached" });
      expect(wizard.calls.filter((call) => call.name === "openDashboard")).toEqual([
        { name: "openDashboard", args: [language], jsonSafe: true },
        { name: "openDashboard", args: [language], jsonSafe: true },
      ]);
      expect(wizard.errors).toEqual([]);
      await wizard.close();
    });
  },
);
