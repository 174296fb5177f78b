/**
 * A validation problem at each step: shown next to its field (from the same
 * validateConfig as the server), announced in the live region, focus moved to
 * the field, Next blocked. And user text stays text: a contact named like an
 * HTML tag is shown as typed, never parsed.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import type { Browser, Page } from "playwright-core";
import { activeId, fillContact, heading, launchBrowser, liveText, next, openWizard, type Wizard } from "./support";

jest.setTimeout(90_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Next is refused: the heading stays, the field shows the problem, focus is on it, the live region says it. */
async function expectBlocked(
  page: Page,
  field: string,
  title: string,
  nextToField: RegExp,
  announced: string,
): Promise<void> {
  await next(page);
  expect(await heading(page)).toBe(title);
  expect(await activeId(page)).toBe(field);
  expect(await page.getAttribute(`#${field}`, "aria-invalid")).toBe("true");
  const error = page.locator(`#${field}-error`);
  expect(await error.isVisible()).toBe(true);
  expect(await error.textContent()).toMatch(nextToField);
  // The message is tied to the field for screen readers.
  expect((await page.getAttribute(`#${field}`, "aria-describedby"))?.split(" ")).toContain(`${field}-error`);
  expect(await liveText(page)).toContain(announced);
}

describe("validation at every step", () => {
  let wizard: Wizard;
  beforeAll(async () => {
    wizard = await openWizard(browser, "en");
  });
  afterAll(async () => {
    await wizard?.close();
  });

  it("step 1: a bad e-mail address", async () => {
    const { page } = wizard;
    await fillContact(page, 0, { name: "Bob", email: "bob" });
    await expectBlocked(
      page,
      "f-contacts-0-email",
      "Agreement",
      /^⚠?\s*Must be an e-mail address like name@example\.com \(got "bob"\)$/,
      'Contact 1: e-mail must be an e-mail address like name@example.com (got "bob")',
    );
  });

  it("words the problem again when the panel switches to German", async () => {
    const { page } = wizard;
    await page.click("#wz-lang-de");
    expect(await page.textContent("#f-contacts-0-email-error")).toContain(
      "Muss eine E-Mail-Adresse wie name@example.com sein",
    );
    await page.click("#wz-lang-en");
    expect(await page.textContent("#f-contacts-0-email-error")).toContain("Must be an e-mail address");
  });

  it("clears the problem as soon as it is fixed", async () => {
    const { page } = wizard;
    await page.fill("#f-contacts-0-email", "bob@example.com");
    expect(await page.locator("#f-contacts-0-email-error").isVisible()).toBe(false);
    expect(await page.getAttribute("#f-contacts-0-email", "aria-invalid")).toBeNull();
    await next(page);
    expect(await heading(page)).toBe("Marketing goal");
  });

  it("step 2: a close rate above 100 %, then a bare 50, which is refused rather than guessed", async () => {
    const { page } = wizard;
    await page.fill("#f-marketing-closeRate", "150%");
    await expectBlocked(
      page,
      "f-marketing-closeRate",
      "Marketing goal",
      /Is above 100 %: it must be more than 0 and at most 100 %/,
      'Close rate is above 100 %: it must be more than 0 and at most 100 % (got "150%")',
    );
    await page.fill("#f-marketing-closeRate", "50");
    // The preview does not guess either.
    expect(await page.$("#preview-leads")).toBeNull();
    expect(await page.textContent(".wz-preview")).toContain("Fill in valid values above to see the goal.");
    await expectBlocked(
      page,
      "f-marketing-closeRate",
      "Marketing goal",
      /so for fifty percent write 50% or 0\.5/,
      'Close rate is above 100 %: it must be more than 0 and at most 100 %; a number is a fraction (1 is 100 %), so for fifty percent write 50% or 0.5 (got "50")',
    );
    await page.fill("#f-marketing-closeRate", "50 %");
    expect(await page.textContent("#preview-leads")).toBe("100");
    await next(page);
    expect(await heading(page)).toBe("Lead tiers");
  });

  it("step 3: a lead tier without a name", async () => {
    const { page } = wizard;
    await page.click("#add-tier");
    await page.fill("#f-marketing-tiers-0-valuePerLead", "100");
    await expectBlocked(page, "f-marketing-tiers-0-name", "Lead tiers", /Is required/, "Lead tier 1: name is required");
    await page.fill("#f-marketing-tiers-0-name", "CEO");
    await next(page);
    expect(await heading(page)).toBe("Sales follow-up");
  });

  it("step 3: tier shares adding up to more than the marketing share, naming the tiers", async () => {
    const { page } = wizard;
    await page.click("#wz-back");
    expect(await heading(page)).toBe("Lead tiers");
    await page.click("#add-tier");
    await page.fill("#f-marketing-tiers-1-name", "Director");
    for (const [index, share] of [
      [0, "60 %"],
      [1, "50 %"],
    ] as const) {
      await page.locator("details.wz-details summary").nth(index).click();
      await page.fill(`#f-marketing-tiers-${index}-marketingShare`, share);
    }
    await next(page);
    expect(await heading(page)).toBe("Lead tiers");
    const problem =
      'Lead tiers "CEO", "Director": their own shares add up to 110 %, more than the marketing share of 100 %; tier shares split the marketing share, so together they can be at most 100 %';
    expect(await page.textContent("#f-marketing-tiers-error")).toBe(problem);
    expect(await liveText(page)).toContain(problem);
    // The preview sizes no tier while the shares don't fit; once they do, each by its share.
    expect((await page.textContent("#tier-result-0").catch(() => "")) ?? "").toBe("");
    await page.fill("#f-marketing-tiers-1-marketingShare", "");
    expect(await page.textContent("#tier-result-1")).toBe("Leads needed: 40");
    await page.click("#remove-tier-1");
    await page.fill("#f-marketing-tiers-0-marketingShare", "");
    await next(page);
    expect(await heading(page)).toBe("Sales follow-up");
  });

  it("step 4: no rep, a rep twice, a speed goal of 0 hours, then business hours that end before they start", async () => {
    const { page } = wizard;
    // Without a sales contact to start from, the reps list is one empty row to fill in.
    await expectBlocked(page, "f-sales-reps-0", "Sales follow-up", /Is required/, "Sales rep 1 is required");
    await page.fill("#f-sales-reps-0", "Bob Lee");
    await page.click("#add-rep");
    await page.fill("#f-sales-reps-1", "bob lee ");
    await expectBlocked(
      page,
      "f-sales-reps-1",
      "Sales follow-up",
      /"bob lee" is listed twice/,
      'Sales rep 2 "bob lee" is listed twice',
    );
    await page.click("#remove-rep-1");
    await page.fill("#f-sales-followUpHours", "0");
    await expectBlocked(
      page,
      "f-sales-followUpHours",
      "Sales follow-up",
      /Must be more than 0/,
      "Follow-up speed goal (hours) must be more than 0",
    );
    await page.fill("#f-sales-followUpHours", "4");
    // Band edges out of order: the problem sits at the bands field, naming the band and the one before.
    await page.fill("#f-sales-speedBandMinutes", "5, 60, 30");
    await expectBlocked(
      page,
      "f-sales-speedBandMinutes",
      "Sales follow-up",
      /Speed-to-lead band 3 \(minutes\) must be longer than the band before it \(60 minutes\)/,
      "Speed-to-lead band 3 (minutes) must be longer",
    );
    await page.fill("#f-sales-speedBandMinutes", "5, 60, 1440");
    await page.fill("#f-sales-businessHours-start", "17:00");
    await page.fill("#f-sales-businessHours-end", "09:00");
    await expectBlocked(
      page,
      "f-sales-businessHours-end",
      "Sales follow-up",
      /Must be later than the start/,
      "Business hours: end must be later than the start",
    );
    await page.fill("#f-sales-businessHours-start", "09:00");
    await page.fill("#f-sales-businessHours-end", "17:00");
    // No working day at all is a problem of the group of checkboxes.
    for (const day of [1, 2, 3, 4, 5]) await page.uncheck(`#f-day-${day}`);
    await next(page);
    expect(await activeId(page)).toBe("f-day-1");
    expect(await page.textContent("#f-sales-businessHours-days-error")).toContain(
      "Business days needs at least one entry",
    );
    await page.check("#f-day-1");
    await next(page);
    expect(await heading(page)).toBe("Terms");
  });

  it("step 5: a requirement without text, then one delivered to its own party", async () => {
    const { page } = wizard;
    await page.click("#add-requirement");
    await expectBlocked(
      page,
      "f-requirements-2-text",
      "Terms",
      /Is required/,
      "Requirement 3: description is required",
    );
    await page.fill("#f-requirements-2-text", "Weekly win/loss notes");
    await page.selectOption("#f-requirements-2-from", "sales");
    await page.selectOption("#f-requirements-2-to", "sales");
    await expectBlocked(
      page,
      "f-requirements-2-to",
      "Terms",
      /another party/,
      "Requirement 3: delivered to must be delivered to another party than the one delivering it",
    );
    await page.selectOption("#f-requirements-2-to", "marketing");
    await next(page);
    expect(await heading(page)).toBe("Review and build");
  });

  it("Back keeps what was typed and Edit jumps to a step", async () => {
    const { page } = wizard;
    await page.click("#wz-back");
    expect(await page.inputValue("#f-requirements-2-text")).toBe("Weekly win/loss notes");
    await next(page);
    await page.click("#edit-step-1");
    expect(await heading(page)).toBe("Marketing goal");
    expect(await activeId(page)).toBe("wz-heading");
    expect(await page.inputValue("#f-marketing-closeRate")).toBe("50 %");
  });
});

describe("user text is data, never markup", () => {
  it("shows a contact named like an HTML tag as text in the review, without creating an element or running it", async () => {
    const wizard = await openWizard(browser, "en");
    const { page } = wizard;
    const name = "<img src=x onerror=alert(1)>";
    const party = "<b>Growth</b>";
    await page.fill("#f-parties-0-name", party);
    await fillContact(page, 0, { name, email: "x@example.com", role: "<script>alert(2)</script>" });
    expect(await page.textContent("#f-contacts-0-party option:checked")).toBe(party);
    for (let step = 0; step < 3; step += 1) await next(page);
    const rep = "<i>Rep</i>";
    await page.fill("#f-sales-reps-0", rep);
    for (let step = 3; step < 5; step += 1) await next(page);
    expect(await heading(page)).toBe("Review and build");
    expect(await page.textContent("#wz-main")).toContain(rep);
    const contacts = await page.textContent("#review-contacts");
    expect(contacts).toContain(name);
    expect(contacts).toContain("<script>alert(2)</script>");
    expect(contacts).toContain(party);
    const elements = await page.evaluate(() => ({
      img: document.querySelectorAll("img").length,
      b: document.querySelectorAll("#wz-main b, #wz-main i").length,
      scripts: document.querySelectorAll("script").length,
    }));
    expect(elements).toEqual({ img: 0, b: 0, scripts: 1 });
    await page.click("#wz-build");
    await page.waitForSelector(".wz-result-success");
    const sent = wizard.calls.find((call) => call.name === "buildSla")?.args[0] as { contacts: { name: string }[] };
    expect(sent.contacts[0]?.name).toBe(name);
    await page.waitForTimeout(100);
    expect(wizard.dialogs).toEqual([]);
    expect(wizard.errors).toEqual([]);
    await wizard.close();
  });
});
