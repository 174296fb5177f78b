/**
 * The whole wizard, in English and in German, as a person fills it: every
 * step, the live previews (the guide's example: 5,000 quota, 100 % share,
 * deal size 100, 50 % close rate → 5,000 revenue, 50 customers, 100 leads),
 * Build with its busy state, and what reached the server.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import type { Browser, Page } from "playwright-core";
import { CONFIG_VERSION } from "../../src/config/schema";
import { validateConfig } from "../../src/config/validate";
import type { Language } from "../../src/core/i18n";
import { messagesFor } from "../../src/gas/messages";
import {
  activeId,
  addTwoTiers,
  fillContact,
  heading,
  launchBrowser,
  liveText,
  next,
  openWizard,
  REVISION,
  type Wizard,
} from "./support";

jest.setTimeout(90_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Expected {
  readonly titles: readonly string[];
  readonly next: string;
  readonly stepOf: string;
  readonly revenue: string;
  readonly daily: string;
  readonly valueGoal: string;
  readonly capacityShort: string;
  readonly capacityFits: string;
  readonly building: string;
  readonly built: string;
}

const EXPECTED: Record<Language, Expected> = {
  en: {
    titles: ["Agreement", "Marketing goal", "Lead tiers", "Sales follow-up", "Terms", "Review and build"],
    next: "Next",
    stepOf: "Step 2 of 6",
    revenue: "€5,000",
    daily: "3.2 leads a day",
    valueGoal: "€10,000",
    capacityShort: "Reps lack time",
    capacityFits: "The depth goal fits",
    building: "Building the SLA workbook",
    built: messagesFor("en").built(9),
  },
  de: {
    titles: ["Vereinbarung", "Marketingziel", "Lead-Stufen", "Nachverfolgung", "Bedingungen", "Prüfen und erstellen"],
    next: "Weiter",
    stepOf: "Schritt 2 von 6",
    revenue: "5.000 €",
    daily: "3,2 Leads pro Tag",
    valueGoal: "10.000 €",
    capacityShort: "Zu wenig Zeit",
    capacityFits: "passt in die Stunden",
    building: "Die SLA-Tabelle wird erstellt",
    built: messagesFor("de").built(9),
  },
};

async function text(page: Page, selector: string): Promise<string> {
  return ((await page.textContent(selector)) ?? "").replace(/\u00a0|\u202f/g, " ");
}

async function expectStep(page: Page, language: Language, step: number): Promise<void> {
  expect(await heading(page)).toBe(EXPECTED[language].titles[step]);
  expect(await activeId(page)).toBe("wz-heading");
  const current = await page.$$eval("ol.wz-dots li", (items) => items.map((item) => item.getAttribute("aria-current")));
  expect(current).toEqual(current.map((_, index) => (index === step ? "step" : null)));
}

/** Fills every step; answers the values typed, for comparing with what the server received. */
async function fillEverything(wizard: Wizard, language: Language): Promise<void> {
  const { page } = wizard;
  const want = EXPECTED[language];
  expect(await heading(page)).toBe(want.titles[0]);
  expect(await page.getAttribute("html", "lang")).toBe(language);
  expect(await page.textContent("#wz-next")).toBe(want.next);

  // 1. Agreement: a multi-level SLA with a third party, two contacts.
  await page.check("#f-kind-multiLevel");
  await page.fill("#f-parties-0-name", "Demand Gen");
  await page.fill("#f-parties-1-name", "Inside Sales");
  await page.fill("#f-parties-2-name", "Customer Care");
  await fillContact(page, 0, {
    name: "Ada Lovelace",
    email: "ada@example.com",
    role: "Head of Demand Gen",
    party: "marketing",
  });
  await page.click("#add-contact");
  expect(await activeId(page)).toBe("f-contacts-1-name");
  await fillContact(page, 1, { name: "Grace Hopper", email: "grace@example.com", role: "VP Sales", party: "sales" });
  await page.click("#add-contact");
  await page.click("#remove-contact-2");
  expect(await page.$("#f-contacts-2-name")).toBeNull();
  await page.fill("#f-title", "Q2 Lead SLA");
  await page.fill("#f-startMonth", "2026-03");
  await page.fill("#f-months", "6");
  await page.fill("#f-currency", "EUR");
  await next(page);
  await expectStep(page, language, 1);
  expect(await text(page, "#wz-step-of")).toBe(want.stepOf);

  // 2. Marketing goal with the guide's worked example.
  await page.fill("#f-marketing-quota", "5000");
  await page.fill("#f-marketing-marketingShare", "100 %");
  await page.fill("#f-marketing-avgDealSize", "100");
  await page.fill("#f-marketing-closeRate", "50 %");
  // The pace tolerance starts at the method's 90 %.
  expect(await page.inputValue("#f-marketing-paceTolerance")).toBe(language === "de" ? "90 %" : "90%");
  await page.fill("#f-marketing-paceTolerance", "85 %");
  expect(await text(page, "#preview-revenue")).toBe(want.revenue);
  expect(await text(page, "#preview-customers")).toBe("50");
  expect(await text(page, "#preview-leads")).toBe("100");
  expect(await text(page, "#preview-daily")).toBe(want.daily);
  // The preview follows every keystroke: half the deal size, twice the customers and leads.
  await page.fill("#f-marketing-avgDealSize", "50");
  expect(await text(page, "#preview-customers")).toBe("100");
  expect(await text(page, "#preview-leads")).toBe("200");
  await page.fill("#f-marketing-avgDealSize", "100");
  expect(await text(page, "#preview-leads")).toBe("100");
  await next(page);
  await expectStep(page, language, 2);

  // 3. Lead tiers: without own shares each brings half of the quota. CEO worth 100 with the SLA's deal size and
  // close rate (50 leads), Director worth 50 at a 25 % close rate (100 leads): a value goal of 5,000 + 5,000.
  await addTwoTiers(page);
  // The Director tier's own follow-up goal, and the lead sources the Source column offers.
  await page.fill("#f-marketing-tiers-1-followUpHours", "8");
  await page.fill("#f-marketing-sources", "Website, Webinar;  Partner ,");
  expect(await text(page, "#preview-value-goal")).toBe(want.valueGoal);
  expect(await text(page, "#tier-result-0")).toMatch(/^\D*50\D/);
  expect(await text(page, "#tier-result-1")).toMatch(/^\D*100\D/);
  await next(page);
  await expectStep(page, language, 3);

  // 4. Follow-up: business hours, a holiday, and capacity that first does not fit, then does.
  await page.fill("#f-sales-followUpHours", "2");
  await page.fill("#f-sales-followUpAttempts", "6");
  await page.fill("#f-sales-speedBandMinutes", "10, 60, 480");
  expect(await page.isChecked("#f-use-business-hours")).toBe(true);
  await page.uncheck("#f-day-5");
  await page.check("#f-day-6");
  await page.fill("#f-sales-businessHours-start", "08:00");
  await page.fill("#f-sales-businessHours-end", "18:00");
  await page.click("#add-holiday");
  expect(await activeId(page)).toBe("f-sales-holidays-0");
  await page.fill("#f-sales-holidays-0", "2026-12-24");
  // The reps start as the sales contacts; one more is added, and a row added by mistake removed again.
  expect(await page.inputValue("#f-sales-reps-0")).toBe("Grace Hopper");
  expect(await page.locator("#f-sales-reps-1").count()).toBe(0);
  await page.click("#add-rep");
  expect(await activeId(page)).toBe("f-sales-reps-1");
  await page.fill("#f-sales-reps-1", "Alan Turing");
  await page.click("#add-rep");
  await page.fill("#f-sales-reps-2", "Temp");
  await page.click("#remove-rep-2");
  expect(await page.locator("#f-sales-reps-2").count()).toBe(0);
  expect(await page.inputValue("#f-sales-reps-1")).toBe("Alan Turing");
  await page.fill("#f-sales-minutesPerAttempt", "10");
  await page.fill("#f-sales-hoursPerRep", "20");
  // 100 leads ÷ 2 reps × 6 attempts × 10 minutes ÷ 60 = 50 hours a rep, more than 20.
  expect(await page.getAttribute("#capacity-status", "class")).toBe("wz-warning");
  expect(await text(page, "#capacity-status")).toContain(want.capacityShort);
  await page.fill("#f-sales-hoursPerRep", "60");
  expect(await page.getAttribute("#capacity-status", "class")).toBe("wz-ok");
  expect(await text(page, "#capacity-status")).toContain(want.capacityFits);
  await next(page);
  await expectStep(page, language, 4);

  // 5. Terms: a third requirement for the third party, the plan, cancellation and review.
  await page.click("#add-requirement");
  expect(await activeId(page)).toBe("f-requirements-2-text");
  await page.selectOption("#f-requirements-2-from", "sales");
  await page.selectOption("#f-requirements-2-to", "service");
  expect(await text(page, "#f-requirements-2-to option:checked")).toBe("Customer Care");
  await page.fill("#f-requirements-2-text", "Monthly customer friction report");
  await page.fill("#f-requirements-2-perMonth", "1");
  await page.fill("#f-missedGoals-strikesBeforeEscalation", "3");
  await page.fill("#f-missedGoals-serviceCredits", "10 % credit per missed month");
  await page.fill("#f-cancellation-missedMonthsInARow", "4");
  await page.selectOption("#f-review-cadence", "monthly");
  await next(page);
  await expectStep(page, language, 5);
}

async function checkBuild(wizard: Wizard, language: Language): Promise<void> {
  const { page } = wizard;
  const want = EXPECTED[language];
  // The review shows what was typed, as text.
  const review = await text(page, "#wz-main");
  for (const typed of [
    "Ada Lovelace",
    "grace@example.com",
    "Demand Gen → Inside Sales",
    "Customer Care",
    "Q2 Lead SLA",
    "Director",
    "Monthly customer friction report",
    "2026-12-24",
    "08:00–18:00",
    "Grace Hopper, Alan Turing",
  ]) {
    expect(review).toContain(typed);
  }
  expect(await text(page, "#review-leads")).toBe("100");

  // Build, holding the server's answer to see the busy state.
  let release: () => void = () => undefined;
  wizard.holdBuild = new Promise<void>((resolve) => (release = resolve));
  await page.click("#wz-build");
  await page.waitForSelector("#wz-build[disabled]");
  expect(await page.getAttribute("#wz-main", "aria-busy")).toBe("true");
  expect(await text(page, "#wz-status")).toContain(want.building);
  expect(await liveText(page)).toContain(want.building);
  release();
  wizard.holdBuild = undefined;
  await page.waitForSelector(".wz-result-success");
  expect(await text(page, "#wz-result-message")).toBe(want.built);
  expect(await activeId(page)).toBe("wz-result");
  expect(await page.getAttribute("#wz-main", "aria-busy")).toBe("false");
  expect(await page.isDisabled("#wz-build")).toBe(false);
  await page.waitForFunction((message) => document.getElementById("wz-live")?.textContent === message, want.built);

  // What reached the server: JSON-safe, valid for the same schema, and what was typed.
  const calls = wizard.calls.filter((call) => call.name === "buildSla");
  expect(calls).toHaveLength(1);
  const [call] = calls;
  expect(call?.jsonSafe).toBe(true);
  const [config, options] = call?.args ?? [];
  expect(options).toEqual({ expectedRevision: REVISION });
  const checked = validateConfig(config, language);
  expect(checked.ok).toBe(true);
  expect(config).toMatchObject({
    version: CONFIG_VERSION,
    language,
    currency: "EUR",
    title: "Q2 Lead SLA",
    startMonth: "2026-03",
    months: 6,
    kind: "multiLevel",
    parties: [
      { id: "marketing", name: "Demand Gen" },
      { id: "sales", name: "Inside Sales" },
      { id: "service", name: "Customer Care" },
    ],
    contacts: [
      { name: "Ada Lovelace", email: "ada@example.com", role: "Head of Demand Gen", party: "marketing" },
      { name: "Grace Hopper", email: "grace@example.com", role: "VP Sales", party: "sales" },
    ],
    marketing: {
      quota: "5000",
      marketingShare: "100 %",
      avgDealSize: "100",
      closeRate: "50 %",
      paceTolerance: "85 %",
      tiers: [
        { name: "CEO", valuePerLead: "100" },
        { name: "Director", valuePerLead: "50", closeRate: "25 %", followUpHours: "8" },
      ],
      sources: ["Website", "Webinar", "Partner"],
    },
    sales: {
      followUpHours: "2",
      followUpAttempts: 6,
      businessHours: { days: [1, 2, 3, 4, 6], start: "08:00", end: "18:00" },
      holidays: ["2026-12-24"],
      speedBandMinutes: [10, 60, 480],
      reps: ["Grace Hopper", "Alan Turing"],
      minutesPerAttempt: "10",
      hoursPerRep: "60",
    },
    missedGoals: { strikesBeforeEscalation: 3, serviceCredits: "10 % credit per missed month" },
    cancellation: { missedMonthsInARow: 4 },
    review: { cadence: "monthly" },
  });
  const requirements = (config as { requirements: unknown[] }).requirements;
  expect(requirements).toHaveLength(3);
  expect(requirements[2]).toEqual({
    from: "sales",
    to: "service",
    text: "Monthly customer friction report",
    perMonth: 1,
  });
  if (checked.ok) {
    expect(checked.config.marketing.closeRate).toBe(0.5);
    expect(checked.config.marketing.paceTolerance).toBe(0.85);
    expect(checked.config.marketing.marketingShare).toBe(1);
    expect(checked.config.marketing.tiers[1]?.closeRate).toBe(0.25);
    expect(checked.config.marketing.tiers[1]?.followUpHours).toBe(8);
  }
}

describe.each(["en", "de"] as const)("the wizard in %s", (language) => {
  let wizard: Wizard;
  beforeAll(async () => {
    wizard = await openWizard(browser, language);
  });
  afterAll(async () => {
    await wizard?.close();
  });

  it("opens in the language getWizardState answers, offline", async () => {
    expect(wizard.calls.map((call) => call.name)).toEqual(["getWizardState"]);
    expect(wizard.blocked).toEqual(["https://ssl.gstatic.com/docs/script/css/add-ons1.css"]);
    expect(await wizard.page.getAttribute(`#wz-lang-${language}`, "aria-pressed")).toBe("true");
    // The fallback stylesheet gives the add-on look: Google's blue action button.
    const color = await wizard.page.$eval("#wz-next", (element) => getComputedStyle(element).color);
    expect(color).toBe("rgb(255, 255, 255)");
  });

  it("fills every step with live previews, builds, and sends what was typed", async () => {
    await fillEverything(wizard, language);
    await checkBuild(wizard, language);
    expect(wizard.errors).toEqual([]);
  });

  it("shows the server's busy and conflict messages and keeps the form", async () => {
    const { page } = wizard;
    const messages = messagesFor(language);
    wizard.buildAnswer = () => ({ ok: false, reason: "busy", message: messages.busy, problems: [] });
    await page.click("#wz-build");
    await page.waitForSelector(".wz-result-failure");
    expect(await page.textContent("#wz-result-message")).toBe(messages.busy);
    expect(await activeId(page)).toBe("wz-result");
    expect(await liveText(page)).toBe(messages.busy);
    wizard.buildAnswer = () => ({ ok: false, reason: "conflict", message: messages.conflict, problems: [] });
    await page.click("#wz-build");
    await page.waitForFunction(
      (message) => document.getElementById("wz-result-message")?.textContent === message,
      messages.conflict,
    );
    expect(await page.isDisabled("#wz-build")).toBe(false);
    expect(await heading(page)).toBe(EXPECTED[language].titles[5]);
    // A server exception reaches the failure handler: said plainly, nothing changed.
    wizard.buildAnswer = () => {
      throw new Error("Exception: Service Spreadsheets timed out");
    };
    await page.click("#wz-build");
    await page.waitForFunction(() =>
      (document.getElementById("wz-result-message")?.textContent ?? "").includes("timed out"),
    );
    expect(await page.textContent("#wz-result-message")).toContain(
      language === "en" ? "could not be reached" : "nicht erreichbar",
    );
    // After the successful build, later builds send the new revision.
    const revisions = wizard.calls
      .filter((call) => call.name === "buildSla")
      .map((call) => (call.args[1] as { expectedRevision?: number }).expectedRevision);
    expect(revisions).toEqual([REVISION, REVISION + 1, REVISION + 1, REVISION + 1]);
  });

  it("lists the server's problems, next to their fields, on the first step with one", async () => {
    const { page } = wizard;
    wizard.buildAnswer = (config) => {
      const broken = structuredClone(config) as { contacts: { email: string }[] };
      if (broken.contacts[1]) broken.contacts[1].email = "grace-at-example";
      const checked = validateConfig(broken, language);
      if (checked.ok) throw new Error("expected a problem");
      return {
        ok: false,
        reason: "invalid",
        message: checked.problems.map((problem) => problem.text).join("\n"),
        problems: checked.problems,
      };
    };
    await page.click("#wz-build");
    await page.waitForFunction(
      () =>
        document.getElementById("wz-heading")?.textContent !== null && !document.getElementById("wz-summary")?.hidden,
    );
    expect(await heading(page)).toBe(EXPECTED[language].titles[0]);
    expect(await activeId(page)).toBe("f-contacts-1-email");
    expect(await page.getAttribute("#f-contacts-1-email", "aria-invalid")).toBe("true");
    const nextToField = await page.textContent("#f-contacts-1-email-error");
    expect(nextToField).toMatch(language === "en" ? /e-mail address/ : /E-Mail-Adresse/);
    const summary = await page.textContent("#wz-summary");
    expect(summary).toContain(language === "en" ? "Contact 2: e-mail" : "Kontakt 2: E-Mail");
    expect(await liveText(page)).toContain(language === "en" ? "Contact 2: e-mail" : "Kontakt 2: E-Mail");
    wizard.buildAnswer = undefined;
  });

  it("switches the panel's language and back", async () => {
    const { page } = wizard;
    const other: Language = language === "en" ? "de" : "en";
    await page.click(`#wz-lang-${other}`);
    expect(await page.getAttribute("html", "lang")).toBe(other);
    expect(await heading(page)).toBe(EXPECTED[other].titles[0]);
    expect(await page.getAttribute(`#wz-lang-${other}`, "aria-pressed")).toBe("true");
    expect(await activeId(page)).toBe(`wz-lang-${other}`);
    await page.click(`#wz-lang-${language}`);
    expect(await heading(page)).toBe(EXPECTED[language].titles[0]);
  });
});
