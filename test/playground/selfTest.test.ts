/**
 * The self-test in the playground, as a person runs it: Extensions ▸ Run
 * self-test in an empty workbook opens the real dialog (dist/SelfTest.html),
 * which builds the example on the emulator and compares it with the values
 * the build computed (dist/SelfTestExpected.html): no difference. Run again,
 * the workbook is no longer empty and the dialog says so.
 */
import { beforeAll, describe, expect, it, jest } from "@jest/globals";
import type { FrameLocator, Page } from "playwright-core";
import { menu } from "../../playground/server/browserDriver";
import { playgroundInBrowser } from "./support";

jest.setTimeout(240_000);

// A day after the example's month, so the cells that settle once December 2026 has ended are compared too.
const session = playgroundInBrowser({ today: "2027-02-10" });
let page: Page;
beforeAll(() => {
  page = session.page;
});

function dialog(): FrameLocator {
  return page.frameLocator("#pg-dialog-body iframe");
}

describe("Run self-test in the playground", () => {
  it("builds the example in the empty workbook and finds no difference from the build's values", async () => {
    await menu(page, "menu-extensions", "selfTest");
    await dialog().locator("#selftest-headline").waitFor({ timeout: 180_000 });
    expect(await dialog().locator("#selftest-headline").textContent()).toBe("No differences");
    const cells = Number((await dialog().locator("#selftest-cells dd").textContent())?.replace(/,/g, ""));
    expect(cells).toBeGreaterThan(1000);
    expect(Number(await dialog().locator("#selftest-named dd").textContent())).toBeGreaterThanOrEqual(18);
    expect(Number(await dialog().locator("#selftest-charts dd").textContent())).toBeGreaterThanOrEqual(3);
    expect(await dialog().locator("#selftest-copy").isVisible()).toBe(true);
    await page.click("#pg-dialog-close");
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll(".pg-tab"), (tab) => tab.textContent).includes("Follow-up"),
    );
  });

  it("refuses to run again in the workbook it built", async () => {
    await menu(page, "menu-extensions", "selfTest");
    const message = dialog().locator("#selftest-message");
    await message.waitFor({ timeout: 60_000 });
    expect(await message.textContent()).toMatch(
      /^The self-test builds the example SLA and needs an empty spreadsheet, but this one is not empty: it has \d+ tabs/,
    );
    await page.click("#pg-dialog-close");
  });
});
