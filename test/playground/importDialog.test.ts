/**
 * The import dialog end to end in the playground, in Debian's chromium: an
 * SLA is built, Extensions ▸ Import leads opens dist/Import.html in the
 * dialog frame, a HubSpot-like export is picked (playwright setInputFiles),
 * one mapping is corrected, the preview and counts follow, rejected rows can
 * be downloaded, Import appends the leads, and the lead log and the month's
 * report change. Opening the file again finds nothing new. A file whose
 * slashed dates read two ways makes the dialog ask.
 */
import { beforeAll, describe, expect, it, jest } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { menu, showSheet } from "../../playground/server/browserDriver";
import type { Playground } from "../../playground/server";
import { exampleInput } from "../integration/support";
import { playgroundInBrowser, post, tempFolder, view } from "./support";

jest.setTimeout(240_000);

const HUBSPOT = join(process.cwd(), "examples", "import-hubspot-contacts.csv");
const AMBIGUOUS = join(process.cwd(), "examples", "import-generic-ambiguous.csv");

const session = playgroundInBrowser({
  prepare: async (served: Playground) => {
    const built = await post(served.url, "/api/run/buildSla", [exampleInput("internal-en.json")]);
    expect((built.body as { value?: { ok?: boolean } }).value?.ok).toBe(true);
  },
});
let page: Page;
beforeAll(() => {
  page = session.page;
});

async function openImport(): Promise<Frame> {
  await menu(page, "menu-extensions", "import");
  const handle = await page.waitForSelector(".pg-dialog iframe");
  let frame: Frame | null = null;
  for (let i = 0; i < 100 && !frame; i++) {
    frame = await handle.contentFrame();
    if (frame && !frame.url().includes("/addon/Import.html")) frame = null;
    if (!frame) await page.waitForTimeout(100);
  }
  if (!frame) throw new Error("the import frame did not load");
  await frame.waitForSelector("body[data-ready]", { state: "attached" });
  return frame;
}

async function counts(frame: Frame): Promise<string> {
  return (await frame.textContent("#import-counts")) ?? "";
}

async function cell(a1: string): Promise<string> {
  return (await page.textContent(`td[data-cell="${a1}"]`)) ?? "";
}

describe("Import leads in the playground", () => {
  it("imports a HubSpot export after a corrected mapping; the log and the reports change", async () => {
    // The count before, as the server has it; the page shows the count after.
    const deliveredBefore = Number((await view(session.playground, "2026-12")).sheet.cells.F3?.v);
    expect(Number.isFinite(deliveredBefore)).toBe(true);
    const frame = await openImport();
    await frame.setInputFiles("#import-file", HUBSPOT);
    await frame.waitForSelector("#import-mapping");
    expect(await frame.textContent("#import-file-info")).toBe(
      "import-hubspot-contacts.csv: 10 rows, fields separated by “,”.",
    );
    // Mapped by header: Record ID, first and last name, e-mail, company, tier and both dates.
    const mapped = await frame.$$eval("#import-mapping select", (selects) =>
      selects.map((select) => (select as HTMLSelectElement).value),
    );
    expect(mapped).toEqual(["crmId", "lead", "lead", "email", "company", "tier", "", "created", "handedOff", "", ""]);
    expect(await counts(frame)).toBe("5 new · 2 duplicates skipped · 3 rejected");
    expect(await frame.$$eval("#import-rejected li", (items) => items.map((item) => item.textContent))).toEqual([
      'Row 7No name: "Lead" is blank.',
      'Row 8"Tier" "Intern" is not one of the SLA\'s tiers. Allowed: CEO, Director, Manager.',
      'Row 9"Handed to sales" is not a date: "soon". Allowed: 2026-12-01 14:30, 01.12.2026 14:30, 12/01/2026 or epoch milliseconds.',
    ]);
    // The rejected rows download as CSV: row, reason, then the row as the file had it.
    const [download] = await Promise.all([page.waitForEvent("download"), frame.click("#import-download")]);
    // saveAs, not path(): the browser may run in another process (the test run's shared chromium).
    const folder = tempFolder();
    await download.saveAs(folder.file("rejected.csv"));
    const saved = readFileSync(folder.file("rejected.csv"), "utf8");
    folder.remove();
    expect(saved.split("\r\n")[0]).toBe(
      '\uFEFF"Row","Reason","Record ID","First Name","Last Name","Email","Company Name","Lead Tier","Lifecycle Stage","Create Date","Became a Sales Qualified Lead Date","Contact owner","Notes"',
    );
    expect(saved).toContain(
      '"8","""Tier"" ""Intern"" is not one of the SLA\'s tiers. Allowed: CEO, Director, Manager.","51234007","Nora"',
    );

    // The tier column of this file isn't the SLA's tiers: leave it out, and Nora is accepted.
    await frame.selectOption("#import-map-5", "");
    expect(await counts(frame)).toBe("6 new · 2 duplicates skipped · 2 rejected");
    const preview = await frame.$$eval("#import-preview tbody tr", (rows) =>
      rows.map((row) => Array.from(row.children, (cell) => cell.textContent)),
    );
    expect(preview[0]).toEqual([
      "2",
      "Jonas Fischer",
      "Litware",
      "",
      "2026-12-01 08:56",
      "2026-12-01 09:52",
      "jonas.fischer@litware.example",
      "51234001",
    ]);
    expect(preview[3]?.[2]).toBe('=HYPERLINK("http://evil.example","Trey")');

    await frame.click("#import-submit");
    await frame.waitForSelector(".im-result-success");
    expect(await frame.textContent("#import-message")).toBe(
      'Added 6 leads to "Leads" (rows 2–7); 0 duplicates skipped; 0 rejected.',
    );
    // After the import the dialog reads the log as it is: the same file holds nothing new.
    expect(await counts(frame)).toBe("0 new · 8 duplicates skipped · 2 rejected");
    expect(await frame.isDisabled("#import-submit")).toBe(true);
    await frame.click("#import-close");

    await showSheet(page, "Leads");
    expect(await cell("A2")).toBe("Jonas Fischer");
    expect(await cell("B5")).toBe('=HYPERLINK("http://evil.example","Trey")');
    expect(await cell("A7")).toBe("Nora Weiss");
    expect(await cell("N2")).not.toBe("");
    await showSheet(page, "2026-12");
    expect(Number(await cell("F3"))).toBe(deliveredBefore + 6);
    expect(session.errors).toEqual([]);
  });

  it("asks how slashed dates are written when no value tells, and reads them as answered", async () => {
    const frame = await openImport();
    await frame.setInputFiles("#import-file", AMBIGUOUS);
    await frame.waitForSelector("#import-questions");
    expect(await frame.textContent("#import-questions legend")).toBe("How are the dates in “Created” written?");
    expect(await counts(frame)).toBe("0 new · 0 duplicates skipped · 2 rejected");
    await frame.check("#import-order-3-dayFirst");
    expect(await counts(frame)).toBe("2 new · 0 duplicates skipped · 0 rejected");
    expect(await frame.textContent("#import-preview tbody tr td:nth-child(5)")).toBe("2026-04-03 09:00");
    await frame.check("#import-order-3-monthFirst");
    expect(await frame.textContent("#import-preview tbody tr td:nth-child(5)")).toBe("2026-03-04 09:00");
    await frame.click("#import-close");
  });
});
