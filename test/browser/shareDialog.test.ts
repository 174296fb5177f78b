/**
 * The built share dialog (dist/Share.html) in chromium, offline, with a
 * stand-in for google.script.run: addresses are checked in the page by the
 * server's own parser, the busy state shows while sharing, the server's report
 * and explanation are rendered as text (also hostile text), the language
 * follows the browser until the server says, and nothing overflows 460 px.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import type { Browser, Page } from "playwright-core";
import { parseAddresses } from "../../src/config/addresses";
import { defaultConfig } from "../../src/config/defaults";
import type { Language } from "../../src/core/i18n";
import { shareWords, type ShareRequest, type ShareResult } from "../../src/gas/shareWithSales";
import { exampleInput } from "../integration/support";
import {
  gate,
  launchBrowser,
  openSurface,
  overflow,
  screenshotAt,
  SHARE_FILE,
  type Surface,
  type ServerHandler,
} from "./support";

jest.setTimeout(120_000);

const WIDTH = 460;
const HEIGHT = 560;
const HOSTILE = "<img src=x onerror=alert(1)>@x.de";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function wizardState(language: Language, hasSla = true): ServerHandler {
  const config = hasSla ? { ...exampleInput("internal-en.json"), language } : defaultConfig(language, "2027-01");
  return () => ({
    config,
    hasSla,
    revision: hasSla ? 3 : 0,
    language,
    today: "2026-12-15",
    months: hasSla ? ["2026-12"] : [],
  });
}

/** What shareWithSales answers, worked out from the request as the server would word it. */
function serverAnswer(
  language: Language,
  alreadyEditors: readonly string[] = [],
  failing: Record<string, string> = {},
): ServerHandler {
  return (request: unknown) => {
    const { emails, mode } = request as ShareRequest;
    const words = shareWords(language);
    const { valid, invalid } = parseAddresses(emails);
    const addresses: ShareResult["addresses"][number][] = invalid.map((email) => ({
      email,
      outcome: "invalid" as const,
      detail: words.invalid,
    }));
    for (const email of valid) {
      if (alreadyEditors.includes(email)) addresses.push({ email, outcome: "alreadyEditor", detail: words.already });
      else if (failing[email] !== undefined)
        addresses.push({ email, outcome: "failed", detail: `${words.failed}: ${failing[email]}` });
      else addresses.push({ email, outcome: "added", detail: words.added });
    }
    const shared = addresses.filter((entry) => entry.outcome === "added" || entry.outcome === "alreadyEditor").length;
    const result: ShareResult = {
      ok: shared > 0,
      message: words.done(shared),
      addresses,
      explanation: [...words.explain(mode)],
    };
    return result;
  };
}

async function open(
  language: Language,
  answers: Record<string, ServerHandler> = {},
  options: { waitReady?: boolean } = {},
): Promise<Surface> {
  return openSurface(browser, {
    file: SHARE_FILE,
    language,
    width: WIDTH,
    height: HEIGHT,
    answers: { getWizardState: wizardState(language), shareWithSales: serverAnswer(language), ...answers },
    ...options,
  });
}

async function texts(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (elements) => elements.map((element) => element.textContent ?? ""));
}

async function expectNoOverflow(page: Page, where: string): Promise<void> {
  const { scrollWidth, offenders } = await overflow(page, WIDTH);
  expect({ where, fits: scrollWidth <= WIDTH, offenders }).toEqual({ where, fits: true, offenders: [] });
}

describe("addresses are checked in the page with the server's rules", () => {
  it("lists what will be shared, what is not an address and what was typed twice, exactly as parseAddresses does", async () => {
    const surface = await open("en");
    const { page } = surface;
    const typed =
      "Kendra@Example.com, not-an-address; sam@example.com\nkendra@example.com\n\nPriya Nair <priya@example.com>\nbob@localhost";
    await page.fill("#share-emails", typed);
    const expected = parseAddresses([typed]);
    expect(expected.valid).toEqual(["kendra@example.com", "sam@example.com", "priya@example.com"]);
    expect(await page.textContent("#share-ready")).toBe("Ready to share with 3 addresses.");
    expect(await texts(page, "#share-invalid li")).toEqual(expected.invalid);
    expect(expected.invalid).toEqual(["not-an-address", "bob@localhost"]);
    expect(await texts(page, "#share-duplicates li")).toEqual(["kendra@example.com"]);
    expect(await page.getAttribute("#share-emails", "aria-invalid")).toBe("true");

    await page.fill("#share-emails", "sam@example.com");
    expect(await page.$("#share-invalid")).toBeNull();
    expect(await page.getAttribute("#share-emails", "aria-invalid")).toBe("false");
    expect(surface.calls.map((call) => call.name)).toEqual(["getWizardState"]);
    await surface.close();
  });

  it("does not call the server when nothing valid was typed, and says why", async () => {
    const surface = await open("en");
    const { page } = surface;
    await page.click("#share-submit");
    expect(await page.textContent("#share-need-one")).toBe(
      "Enter at least one e-mail address, such as name@example.com.",
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("share-emails");
    await page.fill("#share-emails", "nobody, at all");
    await page.click("#share-submit");
    expect(await texts(page, "#share-invalid li")).toEqual(["nobody", "at", "all"]);
    expect(surface.calls.filter((call) => call.name === "shareWithSales")).toEqual([]);
    await surface.close();
  });

  it("fills in the SLA's sales contacts on request", async () => {
    const surface = await open("en");
    const { page } = surface;
    await page.fill("#share-emails", "sam@example.com");
    expect(await page.textContent("#share-insert")).toBe("Insert the SLA's 2 sales contacts");
    await page.click("#share-insert");
    expect(await page.inputValue("#share-emails")).toBe("sam@example.com\nkendra@example.com\npriya@example.com");
    expect(await page.$("#share-insert")).toBeNull();
    await surface.close();
  });
});

describe("sharing", () => {
  it("shows the busy state, then the per-address report and the explanation, and closes with google.script.host.close", async () => {
    const hold = gate();
    const answer = serverAnswer("en", ["kendra@example.com"], {
      "priya@example.com": "Invalid email: priya@example.com (Drive refused the address)",
    });
    const surface = await open("en", {
      shareWithSales: async (...args: unknown[]) => {
        await hold.promise;
        return answer(...args);
      },
    });
    const { page } = surface;
    await page.fill("#share-emails", "kendra@example.com\nsam@example.com; priya@example.com, oops");
    await page.check("#share-mode-warning");
    await page.click("#share-submit");

    await page.waitForSelector("#share-result.sh-result-busy");
    expect(await page.isDisabled("#share-submit")).toBe(true);
    expect((await page.textContent("#share-submit"))?.trim()).toBe("Sharing…");
    expect(await page.getAttribute("#share-main", "aria-busy")).toBe("true");
    expect(await page.isDisabled("#share-emails")).toBe(true);
    await expectNoOverflow(page, "busy");
    await screenshotAt(page, "share-en-1-busy.png", WIDTH, HEIGHT);
    hold.open();

    await page.waitForSelector("#share-result.sh-result-success");
    const call = surface.calls.find((entry) => entry.name === "shareWithSales");
    expect(call).toEqual({
      name: "shareWithSales",
      args: [{ emails: ["kendra@example.com", "sam@example.com; priya@example.com, oops"], mode: "warning" }],
      jsonSafe: true,
    });
    expect(await page.textContent("#share-message")).toBe("Shared with 2 people; protections are set.");
    const rows = await page.$$eval("#share-report li", (items) =>
      items.map((item) => ({
        outcome: item.getAttribute("data-outcome"),
        badge: item.querySelector(".sh-badge")?.textContent,
        email: item.querySelector(".sh-email")?.textContent,
        detail: item.querySelector(".sh-detail")?.textContent ?? null,
      })),
    );
    expect(rows).toEqual([
      { outcome: "invalid", badge: "Invalid", email: "oops", detail: null },
      { outcome: "alreadyEditor", badge: "Already an editor", email: "kendra@example.com", detail: null },
      { outcome: "added", badge: "Added", email: "sam@example.com", detail: null },
      {
        outcome: "failed",
        badge: "Failed",
        email: "priya@example.com",
        detail: "could not be added: Invalid email: priya@example.com (Drive refused the address)",
      },
    ]);
    expect(await texts(page, "#share-explanation li")).toEqual(shareWords("en").explain("warning"));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("share-result");
    expect((await page.textContent("#share-submit"))?.trim()).toBe("Share again");
    await expectNoOverflow(page, "report");
    await screenshotAt(page, "share-en-2-report.png", WIDTH, HEIGHT);

    await page.click("#share-close");
    expect(await page.evaluate(() => (window as unknown as { __closed?: boolean }).__closed)).toBe(true);
    expect(surface.errors).toEqual([]);
    expect(surface.blocked.every((url) => url.startsWith("https://ssl.gstatic.com/"))).toBe(true);
    await surface.close();
  });

  it("shows the server's refusal, and a failed call, as a failure", async () => {
    const surface = await open("en", {
      shareWithSales: () => ({ ok: false, message: shareWords("en").noSla, addresses: [], explanation: [] }),
    });
    const { page } = surface;
    await page.fill("#share-emails", "sam@example.com");
    await page.click("#share-submit");
    await page.waitForSelector("#share-result.sh-result-failure");
    expect(await page.textContent("#share-message")).toBe(shareWords("en").noSla);
    expect(await page.$("#share-report")).toBeNull();

    surface.answers.shareWithSales = () => {
      throw new Error("Exception: Service Spreadsheets timed out");
    };
    await page.click("#share-submit");
    await page.waitForFunction(() => document.getElementById("share-message")?.textContent?.includes("timed out"));
    expect(await page.textContent("#share-message")).toBe(
      "Sharing did not finish: Exception: Service Spreadsheets timed out. Some addresses may already have been added; sharing again is safe.",
    );
    await surface.close();
  });

  it("disables Share and says so when the spreadsheet has no SLA", async () => {
    const surface = await open("en", { getWizardState: wizardState("en", false) });
    const { page } = surface;
    expect(await page.textContent("#share-notice")).toContain("This spreadsheet has no SLA yet.");
    expect(await page.isDisabled("#share-submit")).toBe(true);
    expect(await page.$("#share-insert")).toBeNull();
    await surface.close();
  });
});

describe("text is data", () => {
  it("shows a hostile address typed in the page, and hostile text from the server, as text", async () => {
    const surface = await open("en", {
      shareWithSales: () => ({
        ok: false,
        message: "<b>Shared</b> with <i>nobody</i>",
        addresses: [
          { email: HOSTILE, outcome: "invalid", detail: "not an e-mail address" },
          { email: "evil@example.com", outcome: "failed", detail: "could not be added: <img src=y onerror=alert(2)>" },
        ],
        explanation: ["<script>alert(3)</script> can edit nothing"],
      }),
    });
    const { page } = surface;
    await page.fill("#share-emails", `${HOSTILE}\nevil@example.com`);
    const expected = parseAddresses([HOSTILE]).invalid;
    expect(await texts(page, "#share-invalid li")).toEqual(expected);
    expect(expected.join(" ")).toContain("onerror=alert(1)>@x.de");

    await page.click("#share-submit");
    await page.waitForSelector("#share-result.sh-result-failure");
    expect(await page.textContent("#share-message")).toBe("<b>Shared</b> with <i>nobody</i>");
    expect(await texts(page, "#share-report .sh-email")).toEqual([HOSTILE, "evil@example.com"]);
    expect(await texts(page, "#share-report .sh-detail")).toEqual(["could not be added: <img src=y onerror=alert(2)>"]);
    expect(await texts(page, "#share-explanation li")).toEqual(["<script>alert(3)</script> can edit nothing"]);
    expect(await page.$$eval("img, b, i, #share-result script", (found) => found.length)).toBe(0);
    await page.waitForTimeout(100);
    expect(surface.dialogs).toEqual([]);
    expect(surface.errors).toEqual([]);
    await expectNoOverflow(page, "hostile");
    await surface.close();
  });
});

describe("language", () => {
  it("follows navigator.language until the server answers, then the SLA's language", async () => {
    const hold = gate();
    const state = wizardState("en");
    const surface = await open(
      "de",
      {
        getWizardState: async () => {
          await hold.promise;
          return state();
        },
      },
      { waitReady: false },
    );
    const { page } = surface;
    await page.waitForSelector("#share-emails");
    expect(await page.textContent("label[for=share-emails]")).toBe("E-Mail-Adressen des Vertriebsteams");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("de");
    await page.fill("#share-emails", "sam@example.com, x");
    hold.open();
    await page.waitForSelector("body[data-ready]", { state: "attached" });
    expect(await page.textContent("label[for=share-emails]")).toBe("E-mail addresses of the sales team");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    // What was typed, and the focus, survive the switch.
    expect(await page.inputValue("#share-emails")).toBe("sam@example.com, x");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("share-emails");
    expect(await texts(page, "#share-invalid li")).toEqual(["x"]);
    await surface.close();
  });

  it("stays with navigator.language when the server cannot say", async () => {
    const surface = await open("de", {
      getWizardState: () => {
        throw new Error("Exception: not authorized");
      },
    });
    expect(await surface.page.textContent("#share-submit")).toBe("Teilen");
    await surface.close();
  });

  it.each(["en", "de"] as const)("fits 460 px in %s with long addresses, and saves screenshots", async (language) => {
    const surface = await open(language);
    const { page } = surface;
    await page.fill(
      "#share-emails",
      "kendra.miles-longname-of-the-sales-team@sales-department.very-long-company-domain.example.com\nsam@example.com, not-an-address-but-a-very-long-word-without-any-spaces-at-all-and-then-some",
    );
    await expectNoOverflow(page, `${language} form`);
    await screenshotAt(page, `share-${language}-form.png`, WIDTH, HEIGHT);
    await page.click("#share-submit");
    await page.waitForSelector("#share-result.sh-result-success");
    expect(await page.textContent("#share-explanation li")).toBe(shareWords(language).explain("strict")[0]);
    await expectNoOverflow(page, `${language} report`);
    await screenshotAt(page, `share-${language}-report.png`, WIDTH, HEIGHT);
    expect(surface.errors).toEqual([]);
    await surface.close();
  });
});
