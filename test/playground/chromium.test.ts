/**
 * The chromium the browser tests and the playground's driver use: it keeps
 * Playwright's own disabled features and adds ours (chromium honours only the
 * last --disable-features), and no unseen omnibox popup draws while a page
 * is idle.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Browser } from "playwright-core";
import { featuresOff, IDLE_FEATURES_OFF, launchChromium } from "../../playground/server/chromium";

describe("featuresOff", () => {
  it("reads the last --disable-features switch, as chromium does", () => {
    expect(featuresOff(["--headless", "--disable-features=A,B", "--no-sandbox", "--disable-features=C"])).toEqual([
      "C",
    ]);
    expect(featuresOff(["--disable-features=A,,B"])).toEqual(["A", "B"]);
    expect(featuresOff(["--enable-features=A"])).toEqual([]);
  });
});

describe("the browser tests' chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("has one --disable-features switch with Playwright's features and ours, and no omnibox popup", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("chrome://version");
    const commandLine = ((await page.textContent("#command_line")) ?? "").split(/\s+/);
    const switches = commandLine.filter((arg) => arg.startsWith("--disable-features="));
    expect(switches.length).toBeGreaterThanOrEqual(2);
    const applied = featuresOff(commandLine);
    // Every feature Playwright turns off stays off.
    expect(applied).toEqual(expect.arrayContaining(featuresOff([switches[0]!])));
    expect(applied).toEqual(expect.arrayContaining([...IDLE_FEATURES_OFF]));
    await page.goto("about:blank");
    await page.setContent("<p>idle</p>");
    const session = await browser.newBrowserCDPSession();
    const { targetInfos } = (await session.send("Target.getTargets")) as { targetInfos: { url: string }[] };
    expect(targetInfos.map((target) => target.url).filter((url) => url.includes("omnibox"))).toEqual([]);
    await context.close();
  });
});
