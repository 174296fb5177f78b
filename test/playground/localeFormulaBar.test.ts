/**
 * A German-locale playground in Debian's chromium: the formula bar and the
 * cell editor take formulas as German Sheets does (`;` between arguments,
 * decimal commas) and show them back that way, so the formula the German
 * function reference gives works as written.
 */
import { beforeAll, describe, expect, it, jest } from "@jest/globals";
import type { Page } from "playwright-core";
import { typeIntoCell } from "../../playground/server/browserDriver";
import { playgroundInBrowser } from "./support";

jest.setTimeout(240_000);

const session = playgroundInBrowser({ locale: "de_DE" });
let page: Page;
beforeAll(() => {
  page = session.page;
});

/** Types into the formula bar with `cell` selected, as a person would, and answers what the cell then shows. */
async function typeIntoFormulaBar(cell: string, text: string): Promise<string> {
  await page.click(`td[data-cell="${cell}"]`);
  await page.fill("#pg-formula", text);
  const drawn = Number(await page.evaluate(() => document.body.dataset.drawn ?? "0"));
  await page.press("#pg-formula", "Enter");
  await page.waitForFunction((count) => Number(document.body.dataset.drawn ?? "0") > count, drawn);
  return (await page.textContent(`td[data-cell="${cell}"]`)) ?? "";
}

/** What the formula bar shows for `cell`. */
async function formulaBar(cell: string): Promise<string> {
  await page.click(`td[data-cell="${cell}"]`);
  return page.inputValue("#pg-formula");
}

describe("the formula bar of a German-locale playground", () => {
  it("evaluates the formula the German reference gives, and shows it back as typed", async () => {
    const typed = "=SLA_LEADS_NEEDED(250000; 40%; 5000; 20%)";
    expect(await typeIntoFormulaBar("A1", typed)).toBe("100");
    expect(await formulaBar("A1")).toBe(typed);
  });

  it("reads decimal commas, in the formula bar and in the cell", async () => {
    expect(await typeIntoFormulaBar("A2", "=SLA_LEADS_NEEDED(250000; 0,4; 5000; 0,2)")).toBe("100");
    expect(await formulaBar("A2")).toBe("=SLA_LEADS_NEEDED(250000; 0,4; 5000; 0,2)");
    expect(await typeIntoCell(page, "A3", "=ROUND(2,25*2; 1)")).toBe("4,5");
    expect(await formulaBar("A3")).toBe("=ROUND(2,25*2; 1)");
    // Text in quotes is left as typed.
    expect(await typeIntoCell(page, "A4", '=LEN("1,5; 2")')).toBe("6");
    expect(session.errors).toEqual([]);
  });
});
