/**
 * The built import dialog (dist/Import.html) in chromium, offline, with a
 * stand-in for google.script.run: German words throughout for a German SLA,
 * the German Excel file read with its BOM and `;`, the log's own leads
 * counted as duplicates, the request JSON-safe with dates as wall-clock
 * text, the server's answer rendered as text (also hostile text), a
 * spreadsheet without a lead log, and nothing wider than the dialog.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import type { ImportRequest, ImportResult, ImportState } from "../../src/gas/importLeads";
import { IMPORT_FILE, launchBrowser, openSurface, overflow, type ServerHandler, type Surface } from "./support";

jest.setTimeout(120_000);

const WIDTH = 720;
const HEIGHT = 600;
const GERMAN = join(process.cwd(), "examples", "import-hubspot-de-excel.csv");
const HOSTILE = "<img src=x onerror=alert(1)>";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function state(overrides: Partial<ImportState> = {}): ServerHandler {
  const value: ImportState = {
    language: "de",
    hasLog: true,
    timeZone: "Europe/Berlin",
    tiers: ["CEO", "Director", "Manager"],
    ids: ["61000003"],
    emails: [],
    ...overrides,
  };
  return () => value;
}

async function open(answers: Record<string, ServerHandler>): Promise<Surface> {
  return openSurface(browser, { file: IMPORT_FILE, language: "de", width: WIDTH, height: HEIGHT, answers });
}

describe("the import dialog for a German SLA", () => {
  it("reads the German Excel file, counts a lead the log has as a duplicate, and words everything in German", async () => {
    let received: ImportRequest | undefined;
    const answer: ImportResult = {
      ok: false,
      message: `Der Tab „Leads“ ${HOSTILE}`,
      added: 0,
      firstRow: 0,
      lastRow: 0,
      duplicates: [],
      rejected: [{ row: 2, text: HOSTILE }],
    };
    const surface = await open({
      getImportState: state(),
      importLeads: (request) => {
        received = request as ImportRequest;
        return answer;
      },
    });
    const { page } = surface;
    expect(await page.textContent("label[for=import-file]")).toBe("CSV-Datei");
    await page.setInputFiles("#import-file", GERMAN);
    await page.waitForSelector("#import-mapping");
    expect(await page.textContent("#import-file-info")).toBe(
      "import-hubspot-de-excel.csv: 6 Zeilen, Felder getrennt durch „;“.",
    );
    expect(await page.$$eval("#import-mapping tbody th", (cells) => cells.map((cell) => cell.textContent))).toEqual([
      "Datensatz-ID",
      "Vorname",
      "Nachname",
      "E-Mail",
      "Name des Unternehmens",
      "Stufe",
      "Erstellungsdatum",
      "Wurde zu Sales Qualified Lead am",
      "Kontaktinhaber",
    ]);
    expect(await page.textContent("#import-counts")).toBe("4 neu · 1 Duplikate übersprungen · 1 abgelehnt");
    expect(await page.textContent("#import-rejected li")).toBe(
      'Zeile 6"Erstellt" ist kein lesbares Datum: "31.11.2026 10:00". Erlaubt: 2026-12-01 14:30, 01.12.2026 14:30, 12/01/2026 oder Epoch-Millisekunden.',
    );
    await page.click("#import-duplicates summary");
    expect(await page.textContent("#import-duplicates li")).toBe(
      "Zeile 4Lead-ID 61000003 steht schon im Lead-Protokoll.",
    );
    expect(await page.textContent("#import-submit")).toBe("4 Leads importieren");
    const { scrollWidth, offenders } = await overflow(page, WIDTH);
    expect({ fits: scrollWidth <= WIDTH, offenders }).toEqual({ fits: true, offenders: [] });

    await page.click("#import-submit");
    await page.waitForSelector(".im-result-failure");
    expect(surface.calls.find((call) => call.name === "importLeads")?.jsonSafe).toBe(true);
    expect(
      received?.leads.map((lead) => [
        lead.row,
        lead.lead,
        lead.company,
        lead.created,
        lead.handedOff,
        lead.email,
        lead.crmId,
      ]),
    ).toEqual([
      [
        2,
        "Jürgen Köhler",
        "Beispiel GmbH",
        "2026-12-01 08:15",
        "2026-12-01 09:05",
        "juergen.koehler@beispiel-gmbh.example",
        "61000001",
      ],
      [
        3,
        "Anna Schäfer",
        "Muster & Söhne; Zweigwerk Süd",
        "2026-12-02 14:30",
        "2026-12-02 16:45",
        "anna.schaefer@muster.example",
        "61000002",
      ],
      [5, "Sophie Braun", "Braun KG", "2026-12-04 10:00", "", "", "61000004"],
      [
        7,
        "Marie Becker",
        "@Becker Holding",
        "2026-12-05 11:11",
        "2026-12-05 11:41",
        "marie.becker@becker.example",
        "61000006",
      ],
    ]);
    // The server's words go in as text.
    expect(await page.textContent("#import-message")).toBe(`Der Tab „Leads“ ${HOSTILE}`);
    expect(await page.textContent("#import-server-rejected li")).toBe(`Zeile 2: ${HOSTILE}`);
    expect(await page.$("#import-result img")).toBeNull();
    expect(surface.dialogs).toEqual([]);
    expect(surface.errors).toEqual([]);
    await surface.close();
  });

  it("says when the spreadsheet has no lead log yet, and takes no file", async () => {
    const surface = await open({ getImportState: state({ hasLog: false }) });
    expect(await surface.page.textContent("#import-notice")).toMatch(/^Diese Tabelle hat noch kein Lead-Protokoll/);
    expect(await surface.page.isDisabled("#import-file")).toBe(true);
    expect(await surface.page.isDisabled("#import-submit")).toBe(true);
    await surface.close();
  });

  it("asks for a name and a key column when the mapping has neither, and keeps Import disabled", async () => {
    const surface = await open({ getImportState: state() });
    const { page } = surface;
    await page.setInputFiles("#import-file", GERMAN);
    await page.waitForSelector("#import-mapping");
    for (const column of [0, 1, 2, 3]) await page.selectOption(`#import-map-${column}`, "");
    expect(await page.$$eval("#import-mapping-problems li", (items) => items.map((item) => item.textContent))).toEqual([
      "Wählen Sie die Spalte mit dem Namen des Leads (Lead).",
      "Wählen Sie eine Spalte E-Mail oder Lead-ID: Daran erkennt der Import, welche Leads das Protokoll schon hat.",
    ]);
    expect(await page.$("#import-counts")).toBeNull();
    expect(await page.isDisabled("#import-submit")).toBe(true);
    await surface.close();
  });
});
