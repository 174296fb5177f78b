/**
 * The playground page in Debian's chromium, as a person uses it: the wizard
 * in the sidebar (with the one contact a build needs) builds the SLA on the
 * emulator, sample data fills the lead log, the workbook's tabs and its three
 * charts show (canvases with ink), a custom function typed into a cell
 * evaluates, and typing into the lead log moves the month's report.
 */
import { beforeAll, describe, expect, it, jest } from "@jest/globals";
import type { Page } from "playwright-core";
import {
  buildFromWizard,
  chartInk,
  fillFirstStep,
  fillSampleData,
  menu,
  openWizard,
  showSheet,
  tabNames,
  typeIntoCell,
} from "../../playground/server/browserDriver";
import { playgroundInBrowser, TODAY, view } from "./support";

jest.setTimeout(240_000);

const session = playgroundInBrowser({ locale: "en_US" });
let page: Page;
beforeAll(() => {
  page = session.page;
});

async function cellText(cell: string): Promise<string> {
  return (await page.textContent(`td[data-cell="${cell}"]`)) ?? "";
}

describe("the playground page", () => {
  it("opens on an empty spreadsheet with the add-on's menu", async () => {
    expect(await tabNames(page)).toEqual(["Sheet1"]);
    await page.click("#menu-extensions");
    const items = await page.$$eval("#menu-extensions-list [data-action]", (buttons) =>
      buttons.map((button) => button.textContent),
    );
    expect(items).toEqual([
      "New or edit SLA",
      "Start next month",
      "Share with sales",
      "Import leads",
      "Function reference",
      "Run self-test",
      "About",
    ]);
    await page.click("#menu-playground");
    const playgroundItems = await page.$$eval("#menu-playground-list [data-action]", (buttons) =>
      buttons.map((button) => button.textContent),
    );
    expect(playgroundItems).toEqual(["Fill with sample data", "Reset workbook…"]);
    await page.keyboard.press("Escape");
  });

  it("builds the SLA from the real wizard in the sidebar", async () => {
    // A first tab with something in it stays after the build (an empty one would be replaced).
    await showSheet(page, "Sheet1");
    expect(await typeIntoCell(page, "A1", "Scratch")).toBe("Scratch");
    const wizard = await openWizard(page);
    // The sidebar gets Apps Script's 300 px.
    const panel = await page.$eval(
      "#pg-sidebar-frame",
      (frame) => (frame as HTMLIFrameElement).getBoundingClientRect().width,
    );
    expect(Math.round(panel)).toBe(300);
    await fillFirstStep(wizard, {
      startMonth: "2026-12",
      contact: { name: "Kendra Miles", email: "kendra@example.com", role: "Head of Sales", party: "sales" },
    });
    const result = await buildFromWizard(wizard);
    expect(result).toMatch(/SLA built/);
    // The page draws the new workbook as soon as the build answers.
    await page.waitForFunction(() => document.querySelectorAll(".pg-tab").length > 1);
    expect(await tabNames(page)).toEqual(["Dashboard", "Agreement", "2026-12", "Leads", "Follow-up", "Sheet1"]);
    await showSheet(page, "Agreement");
    expect(await cellText("B19")).toBe("100");
  });

  it("fills the lead log with sample data, and the pace, speed and depth charts draw", async () => {
    expect(await fillSampleData(page)).toMatch(/Added \d+ sample leads for 2026-12/);
    await showSheet(page, "2026-12");
    await page.waitForSelector(".pg-chart canvas");
    const pace = await chartInk(page);
    expect(pace).toHaveLength(1);
    expect(pace[0]?.title).toContain("cumulative leads against the goal");
    expect(pace[0]?.pixels).toBeGreaterThan(2000);

    await showSheet(page, "Follow-up");
    await page.waitForSelector(".pg-chart canvas");
    const followUp = await chartInk(page);
    expect(followUp.map((chart) => chart.title)).toEqual([
      "Follow-up speed by month (hours)",
      "Follow-up depth by month",
      "Speed to lead by month: share of leads per band",
    ]);
    for (const chart of followUp) expect(chart.pixels).toBeGreaterThan(2000);
  });

  it("evaluates a custom function typed into a cell and shows its formula in the formula bar", async () => {
    await showSheet(page, "Sheet1");
    expect(await typeIntoCell(page, "B2", "=SLA_LEADS_NEEDED(5000, 100%, 100, 50%)")).toBe("100");
    await page.click('td[data-cell="B2"]');
    expect(await page.inputValue("#pg-formula")).toBe("=SLA_LEADS_NEEDED(5000, 100%, 100, 50%)");
    expect(await page.inputValue("#pg-namebox")).toBe("B2");
    // A range argument, as in the README.
    expect(
      Number(await typeIntoCell(page, "B4", '=SLA_FOLLOWUP_SPEED(Leads_HandedOff, Leads_FirstFollowUp, "median")')),
    ).toBeGreaterThan(0);
    // An error shows #ERROR! and its message on hover.
    expect(await typeIntoCell(page, "B6", "=SLA_LEADS_NEEDED(5000, 100%, 100, 0)")).toBe("#ERROR!");
    await page.hover('td[data-cell="B6"]');
    expect(await page.textContent(".pg-tip")).toContain("close_rate must be more than 0");
  });

  it("moves the month's report when a lead is typed into the lead log", async () => {
    // The count before, as the server has it; the page shows the count after.
    const before = Number((await view(session.playground, "2026-12")).sheet.cells.F3?.v);
    expect(before).toBeGreaterThan(0);
    await showSheet(page, "Leads");
    const row = await page.$$eval("td[data-cell^='A']", (cells) => {
      const empty = cells.find(
        (cell) => Number((cell as HTMLElement).dataset.cell!.slice(1)) > 1 && (cell.textContent ?? "") === "",
      );
      return Number((empty as HTMLElement).dataset.cell!.slice(1));
    });
    await typeIntoCell(page, `A${row}`, "Typed Lead");
    expect(await typeIntoCell(page, `E${row}`, `${TODAY} 10:30`)).toBe(`${TODAY} 10:30`);
    await showSheet(page, "2026-12");
    expect(Number(await cellText("F3"))).toBe(before + 1);
    expect(session.errors).toEqual([]);
  });

  it("draws the lead log's rows with leads at once, and its empty formatted rows as scrolling or the keyboard reach them", async () => {
    await showSheet(page, "Leads");
    const sheetRows = (await view(session.playground, "Leads")).sheet.rows;
    const drawn = async () => Number(await page.getAttribute("table.pg-table", "data-rows-drawn"));
    const first = await drawn();
    // Every lead and a few empty rows, not the whole formatted log.
    expect(first).toBeLessThan(sheetRows);
    expect(await page.textContent(`td[data-cell="A${first - 20}"]`)).not.toBe("");
    expect(await page.$(`td[data-cell="A${first + 1}"]`)).toBeNull();
    // The canvas is as tall as the whole sheet: the scrollbar shows all of it.
    const heights = await page.$eval("#pg-grid", (grid) => ({
      canvas: (grid.firstElementChild as HTMLElement).offsetHeight,
      table: (grid.querySelector("table.pg-table") as HTMLElement).offsetHeight,
    }));
    expect(heights.canvas).toBeGreaterThan(heights.table + (sheetRows - first - 1) * 21);
    // Scrolled to the end, the last row shows, with its unticked box.
    await page.$eval("#pg-grid", (grid) => grid.scrollTo(0, grid.scrollHeight));
    await page.waitForSelector(`td[data-cell="D${sheetRows}"]`);
    expect(await drawn()).toBe(sheetRows);
    // The frozen header keeps its own row number over the rows scrolling under it.
    const frozenNumber = await page.evaluate(() => {
      const head = document.querySelector("table.pg-table tr.pg-frozen th.pg-rowhead") as HTMLElement;
      const box = head.getBoundingClientRect();
      return document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)?.textContent;
    });
    expect(frozenNumber).toBe("1");
    // No sliver of a scrolling row shows between the column letters and the frozen header.
    const aboveFrozen = await page.evaluate(() => {
      const cell = document.querySelector('table.pg-table td[data-cell="A1"]') as HTMLElement;
      const box = cell.getBoundingClientRect();
      return document.elementFromPoint(box.left + box.width / 2, box.top - 0.5)?.closest("thead") !== null;
    });
    expect(aboveFrozen).toBe(true);
    await page.$eval("#pg-grid", (grid) => grid.scrollTo(0, 0));
    // Arrow keys walk past the drawn rows in a freshly drawn tab, too.
    await showSheet(page, "2026-12");
    await showSheet(page, "Leads");
    const start = await drawn();
    await page.click(`td[data-cell="B${start}"]`);
    await page.keyboard.press("ArrowDown");
    expect(await page.inputValue("#pg-namebox")).toBe(`B${start + 1}`);
    expect(await page.getAttribute(`td[data-cell="B${start + 1}"]`, "class")).toContain("pg-selected");
  });

  it("starts the next month after asking recalculated or agreed, and before December has ended whether to start it now", async () => {
    await menu(page, "menu-extensions", "nextMonth");
    await page.click("#next-month-agreed");
    await page.waitForSelector("#next-month-early");
    expect(await page.textContent(".pg-dialog")).toMatch(/2026-12 has not ended yet/);
    expect(await tabNames(page)).not.toContain("2027-01");
    await page.click("#next-month-early");
    await page.waitForSelector(".pg-dialog .pg-ok");
    expect(await page.textContent(".pg-dialog")).toMatch(/2027-01/);
    await page.click(".pg-dialog .pg-primary");
    expect(await tabNames(page)).toContain("2027-01");
  });
});
