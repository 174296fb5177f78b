/**
 * The playground server without a browser: the bridge to the add-on's server
 * functions (what it accepts and what it refuses), typing into cells,
 * custom functions through the registry, sample data, the saved workbook
 * across restarts, a corrupt saved file, reset, and a port in use.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { PortInUseError, startPlayground, type Playground } from "../../playground/server";
import type { WorkbookView } from "../../playground/page/types";
import { errorOf, get, post, slaConfig, tempFolder, TODAY, type TempFolder, view } from "./support";

jest.setTimeout(120_000);

function tabs(view: WorkbookView): string[] {
  return view.tabs.map((tab) => tab.name);
}

async function setCell(playground: Playground, sheet: string, cell: string, input: string): Promise<WorkbookView> {
  const answer = await post(playground.url, "/api/cell", { sheet, cell, input });
  expect(answer.status).toBe(200);
  return answer.body as WorkbookView;
}

async function build(playground: Playground): Promise<void> {
  const answer = await post(playground.url, "/api/run/buildSla", [slaConfig()]);
  expect(answer.status).toBe(200);
  expect((answer.body as { value: { ok: boolean; message: string } }).value).toMatchObject({ ok: true });
}

describe("the bridge", () => {
  let folder: TempFolder;
  let playground: Playground;
  beforeAll(async () => {
    folder = tempFolder();
    playground = await startPlayground({
      port: 0,
      dataFile: folder.file("workbook.json"),
      today: TODAY,
      timeZone: "Europe/Berlin",
      maxBodyBytes: 64 * 1024,
    });
  });
  afterAll(async () => {
    await playground?.close();
    folder?.remove();
  });

  it("serves on localhost at the port it prints", async () => {
    expect(playground.url).toBe(`http://localhost:${playground.port}/`);
    const page = await fetch(playground.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Marketing &amp; Sales SLA");
    const script = await fetch(new URL("/app.js", playground.url));
    expect(script.status).toBe(200);
    // Chart.js comes bundled from node_modules, never from a CDN.
    expect(await script.text()).not.toMatch(/https?:\/\/cdn/i);
  });

  it("runs a server function with the installed globals and answers its value", async () => {
    const answer = await post(playground.url, "/api/run/getWizardState", []);
    expect(answer.status).toBe(200);
    const state = (answer.body as { value: { hasSla: boolean; today: string; language: string } }).value;
    expect(state).toMatchObject({ hasSla: false, today: TODAY, language: "en" });
    // The globals are installed for the call only.
    expect((globalThis as { SpreadsheetApp?: unknown }).SpreadsheetApp).toBeUndefined();
  });

  it.each([
    ["not JSON", "{", /not valid JSON/],
    ["an object", "{}", /must be a JSON array/],
    ["a string", '"buildSla"', /must be a JSON array/],
    ["null", "null", /must be a JSON array.*null/],
    ["empty", "", /empty/],
  ])("refuses a body that is %s with 400 and a clear message", async (_what, body, message) => {
    const answer = await post(playground.url, "/api/run/getWizardState", body);
    expect(answer.status).toBe(400);
    expect(errorOf(answer)).toMatch(message);
  });

  it("refuses a body over the size limit with 413, and one that is not JSON by type with 415", async () => {
    const big = await post(playground.url, "/api/run/buildSla", JSON.stringify([{ title: "x".repeat(70 * 1024) }]));
    expect(big.status).toBe(413);
    expect(errorOf(big)).toMatch(/limit of 65536 bytes|limit is 65536 bytes/);
    const form = await post(playground.url, "/api/run/getWizardState", "[]", "application/x-www-form-urlencoded");
    expect(form.status).toBe(415);
    expect(errorOf(form)).toMatch(/Content-Type: application\/json/);
  });

  it.each(["noSuchFunction", "__proto__", "constructor", "toString", "hasOwnProperty", "runCustomFunction"])(
    "answers 404 for %s, which is not in SERVER_API",
    async (name) => {
      const answer = await post(playground.url, `/api/run/${encodeURIComponent(name)}`, []);
      expect(answer.status).toBe(404);
      expect(errorOf(answer)).toContain("is not a server function");
      expect(errorOf(answer)).toContain("buildSla");
    },
  );

  it("answers what a server function throws as a failure (500 with its message)", async () => {
    // HtmlService is Apps Script's alone: the page opens the sidebar itself.
    const answer = await post(playground.url, "/api/run/showWizard", []);
    expect(answer.status).toBe(500);
    expect(errorOf(answer)).toMatch(/HtmlService/);
  });

  it("validates arguments on the server too: a bad config builds nothing", async () => {
    const answer = await post(playground.url, "/api/run/buildSla", [{ version: 1, language: "en" }]);
    expect(answer.status).toBe(200);
    const result = (answer.body as { value: { ok: boolean; reason: string } }).value;
    expect(result).toMatchObject({ ok: false, reason: "invalid" });
    expect(tabs(await view(playground))).toEqual(["Sheet1"]);
  });

  it("refuses hosts other than localhost and other methods", async () => {
    // A page elsewhere that resolves its own name to 127.0.0.1 (DNS rebinding) gets nothing.
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(
        {
          host: "127.0.0.1",
          port: playground.port,
          path: "/api/view",
          headers: { Host: `evil.example:${playground.port}` },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on("error", reject);
      request.end();
    });
    expect(status).toBe(403);
    const put = await fetch(new URL("/api/run/getWizardState", playground.url), { method: "PUT", body: "[]" });
    expect(put.status).toBe(405);
    const unknown = await get(playground.url, "/api/nothing");
    expect(unknown.status).toBe(404);
  });

  it("serves the built sidebar with google.script.run in front of its own script", async () => {
    const response = await fetch(new URL("/addon/Wizard.html", playground.url));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html.indexOf("__slaServerFunctions")).toBeLessThan(html.indexOf("wz-"));
    expect(html).toContain('"buildSla"');
    expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect((await fetch(new URL("/addon/Code.js", playground.url))).status).toBe(404);
  });
});

describe("the workbook in the playground", () => {
  let folder: TempFolder;
  let playground: Playground;
  beforeAll(async () => {
    folder = tempFolder();
    playground = await startPlayground({
      port: 0,
      dataFile: folder.file("workbook.json"),
      today: TODAY,
      timeZone: "Europe/Berlin",
    });
  });
  afterAll(async () => {
    await playground?.close();
    folder?.remove();
  });

  it("asks for an SLA before filling sample data", async () => {
    const answer = await post(playground.url, "/api/playground/sample", {});
    expect(answer.status).toBe(400);
    expect(errorOf(answer)).toMatch(/Build the SLA first/);
  });

  it("evaluates custom functions typed into a cell through the add-on's registry", async () => {
    let shown = await setCell(playground, "Sheet1", "A1", "=SLA_LEADS_NEEDED(5000, 100%, 100, 50%)");
    expect(shown.sheet.cells.A1).toMatchObject({ v: "100", f: "=SLA_LEADS_NEEDED(5000, 100%, 100, 50%)" });
    shown = await setCell(playground, "Sheet1", "A2", "=SLA_ALLOWED_DOWNTIME(99.9%)");
    expect(Number(shown.sheet.cells.A2?.v)).toBeCloseTo(525.6, 6);
    // A spilling function fills the cells below.
    shown = await setCell(playground, "Sheet1", "B1", "=SLA_GOAL_LINE(4, 4)");
    expect(["B1", "B2", "B3", "B4"].map((cell) => shown.sheet.cells[cell]?.v)).toEqual(["1", "2", "3", "4"]);
    // Date arguments arrive as Sheets passes them.
    shown = await setCell(playground, "Sheet1", "C1", "=SLA_DAILY_TARGET(100, DATE(2026, 2, 14))");
    expect(Number(shown.sheet.cells.C1?.v)).toBeCloseTo(3.571, 3);
    // A bad argument shows #ERROR! with the registry's message.
    shown = await setCell(playground, "Sheet1", "D1", "=SLA_LEADS_NEEDED(5000, 100%, 100, 0)");
    expect(shown.sheet.cells.D1?.v).toBe("#ERROR!");
    expect(shown.sheet.cells.D1?.err).toMatch(/SLA_LEADS_NEEDED: close_rate must be more than 0/);
    // Plain values and Sheets' own functions behave as typed in Sheets.
    shown = await setCell(playground, "Sheet1", "E1", "50%");
    expect(shown.sheet.cells.E1).toMatchObject({ v: "50%", e: "50%" });
    shown = await setCell(playground, "Sheet1", "E2", "=E1*2");
    expect(shown.sheet.cells.E2?.v).toBe("1");
    shown = await setCell(playground, "Sheet1", "E2", "");
    expect(shown.sheet.cells.E2).toBeUndefined();
  });

  it("refuses a cell that is not an A1 address", async () => {
    const answer = await post(playground.url, "/api/cell", { sheet: "Sheet1", cell: "A1:B2", input: "1" });
    expect(answer.status).toBe(400);
    const missing = await post(playground.url, "/api/cell", { sheet: "Sheet1", cell: "A1" });
    expect(missing.status).toBe(400);
    expect(errorOf(missing)).toMatch(/"input" must be a string/);
  });

  it("builds the SLA, fills sample leads for its months, and the reports and charts follow the lead log", async () => {
    await build(playground);
    expect(tabs(await view(playground))).toEqual(
      expect.arrayContaining(["Agreement", "2026-12", "Leads", "Follow-up"]),
    );
    const filled = await post(playground.url, "/api/playground/sample", {});
    expect(filled.status).toBe(200);
    const { added, message } = filled.body as { added: number; message: string };
    expect(added).toBeGreaterThan(20);
    expect(message).toContain("2026-12");
    // Again: the month has leads now, so nothing is added twice.
    expect((await post(playground.url, "/api/playground/sample", {})).body).toMatchObject({ added: 0 });

    const month = await view(playground, "2026-12");
    expect(month.sheet.cells.F3?.v).toBe(String(added));
    // The daily table's header: its fixed colours are the cells' own formats.
    expect(month.sheet.cells.A31).toMatchObject({ bg: "#202124", fc: "#ffffff", b: true });
    const pace = month.sheet.charts[0]!;
    expect(pace.type).toBe("COMBO");
    expect(pace.labels).toHaveLength(31);
    expect(pace.datasets.map((set) => set.kind)).toEqual(["line", "line", "bar"]);
    expect(pace.datasets[0]?.dash).toEqual([6, 4]);
    const actual = pace.datasets[1]!.data;
    expect(actual[14]).toBe(added);
    // Days after today are gaps, not zeros.
    expect(actual[15]).toBeNull();
    const followUp = await view(playground, "Follow-up");
    expect(followUp.sheet.charts).toHaveLength(3);
    expect(followUp.sheet.charts[1]?.axes).toHaveLength(2);
    // Speed to lead: stacked shares per band, one bar per month up to today (the months ahead are left out).
    const bands = followUp.sheet.charts[2]!;
    expect(bands.stacked).toBe(true);
    expect(bands.labels).toHaveLength(1);
    expect(bands.datasets).toHaveLength(5);
    expect(bands.datasets.reduce((sum, set) => sum + (set.data[0] ?? 0), 0)).toBeCloseTo(1, 12);

    // Sales types a lead into the log: the month tab counts it.
    const leads = await view(playground, "Leads");
    const firstEmpty = Array.from({ length: leads.sheet.rows }, (_, i) => i + 2).find(
      (row) => !leads.sheet.cells[`A${row}`]?.v,
    );
    await setCell(playground, "Leads", `A${firstEmpty}`, "Typed Lead");
    await setCell(playground, "Leads", `E${firstEmpty}`, "2026-12-15 10:30");
    const after = await view(playground, "2026-12");
    expect(after.sheet.cells.F3?.v).toBe(String(added + 1));
    expect(after.sheet.charts[0]?.datasets[1]?.data[14]).toBe(added + 1);

    // Custom functions read the workbook's named ranges.
    const speed = await setCell(
      playground,
      "Sheet1",
      "G1",
      '=SLA_FOLLOWUP_SPEED(Leads_HandedOff, Leads_FirstFollowUp, "median")',
    );
    expect(Number(speed.sheet.cells.G1?.v)).toBeGreaterThan(0);
    const perRow = await setCell(
      playground,
      "Sheet1",
      "H1",
      "=SLA_RESPONSE_HOURS(Leads_HandedOff, Leads_FirstFollowUp)",
    );
    expect(perRow.sheet.cells.H1?.err).toBeUndefined();
    expect(Number(perRow.sheet.cells.H1?.v)).toBeGreaterThan(0);
  });

  it("starts next month and shares with sales through the bridge (recorded, not sent)", async () => {
    // December has not ended on the 15th: asked first, then started early.
    const asked = await post(playground.url, "/api/run/startNextMonth", [{ use: "agreed" }]);
    expect((asked.body as { value: { ok: boolean; reason: string } }).value).toMatchObject({
      ok: false,
      reason: "monthRunning",
    });
    const next = await post(playground.url, "/api/run/startNextMonth", [{ use: "agreed", early: true }]);
    expect((next.body as { value: { ok: boolean } }).value.ok).toBe(true);
    expect(tabs(await view(playground))).toContain("2027-01");
    const shared = await post(playground.url, "/api/run/shareWithSales", [
      { emails: ["rep@example.com", "not an address"], mode: "warning" },
    ]);
    const report = (shared.body as { value: { ok: boolean; addresses: { email: string; outcome: string }[] } }).value;
    expect(report.ok).toBe(true);
    expect(report.addresses).toEqual(
      expect.arrayContaining([expect.objectContaining({ email: "rep@example.com", outcome: "added" })]),
    );
    expect((await view(playground)).editors).toContain("rep@example.com");
  });

  it("makes a clicked tab the active sheet, so an add-on activating another tab moves the page", async () => {
    const clicked = await post(playground.url, "/api/activate", { sheet: "Agreement" });
    expect(clicked.status).toBe(200);
    expect(clicked.body).toMatchObject({ active: "Agreement", sheet: { name: "Agreement" } });
    expect((await get(playground.url, "/api/view")).body).toMatchObject({ active: "Agreement" });

    const opened = await post(playground.url, "/api/run/openDashboard", ["en"]);
    expect(opened.body).toEqual({ value: { ok: true, sheet: "Dashboard", message: 'Opened the tab "Dashboard".' } });
    expect((await get(playground.url, "/api/view")).body).toMatchObject({ active: "Dashboard" });

    const missing = await post(playground.url, "/api/activate", { sheet: "Nowhere" });
    expect(missing.status).toBe(400);
    expect(errorOf(missing)).toBe('There is no sheet named "Nowhere".');
  });

  it("persists across a restart, and today is the real date unless given", async () => {
    // Sheet1 was typed into before the build, so the build kept it.
    await setCell(playground, "Sheet1", "J2", "=SLA_LEADS_NEEDED(5000, 100%, 300, 50%)");
    await playground.close();
    const dataFile = folder.file("workbook.json");
    const kept = folder.file("kept.json");
    copyFileSync(dataFile, kept);
    playground = await startPlayground({ port: 0, dataFile });
    const shown = await view(playground, "Sheet1");
    expect(tabs(shown)).toEqual(expect.arrayContaining(["Agreement", "2026-12", "Leads", "2027-01"]));
    expect(shown.sheet.cells.J2).toMatchObject({ v: "34", f: "=SLA_LEADS_NEEDED(5000, 100%, 300, 50%)" });
    expect(shown.realToday).toBe(true);
    expect(shown.today).not.toBe(TODAY);
    const state = (await post(playground.url, "/api/run/getWizardState", [])).body as {
      value: { hasSla: boolean; config: { startMonth: string } };
    };
    expect(state.value).toMatchObject({ hasSla: true, config: { startMonth: "2026-12" } });
    // Started with reset, the saved workbook is replaced by an empty one.
    const emptied = await startPlayground({ port: 0, dataFile: kept, reset: true });
    try {
      expect(tabs(await view(emptied))).toEqual(["Sheet1"]);
    } finally {
      await emptied.close();
    }
  });

  it("resets to an empty workbook", async () => {
    const answer = await post(playground.url, "/api/playground/reset", {});
    expect(answer.status).toBe(200);
    expect(tabs(await view(playground))).toEqual(["Sheet1"]);
    const saved = JSON.parse(readFileSync(folder.file("workbook.json"), "utf8")) as { sheets: { name: string }[] };
    expect(saved.sheets.map((sheet) => sheet.name)).toEqual(["Sheet1"]);
  });
});

describe("the saved workbook", () => {
  let folder: TempFolder;
  beforeAll(() => {
    folder = tempFolder();
  });
  afterAll(() => folder?.remove());

  it("moves a corrupt file aside (never deletes it) and starts empty, saying so", async () => {
    const dataFile = folder.file("corrupt.json");
    writeFileSync(dataFile, '{"version": 1, "sheets": [tru');
    const playground = await startPlayground({ port: 0, dataFile });
    try {
      expect(playground.notice).toMatch(/could not be read/);
      expect(playground.notice).toContain("moved aside");
      const aside = readdirSync(folder.path).filter((name) => name.startsWith("corrupt.json.corrupt-"));
      expect(aside).toHaveLength(1);
      expect(readFileSync(join(folder.path, aside[0]!), "utf8")).toBe('{"version": 1, "sheets": [tru');
      expect(playground.notice).toContain(aside[0]);
      expect(tabs(await view(playground))).toEqual(["Sheet1"]);
      const info = (await get(playground.url, "/api/info")).body as { notice?: string };
      expect(info.notice).toBe(playground.notice);
      // The new empty workbook is saved in the file's place.
      expect(existsSync(dataFile)).toBe(true);
    } finally {
      await playground.close();
    }
  });

  it("treats valid JSON that is not a workbook as corrupt too", async () => {
    const dataFile = folder.file("other.json");
    writeFileSync(dataFile, JSON.stringify({ hello: "world" }));
    const playground = await startPlayground({ port: 0, dataFile });
    try {
      expect(playground.notice).toMatch(/unknown version/);
      expect(readdirSync(folder.path).some((name) => name.startsWith("other.json.corrupt-"))).toBe(true);
    } finally {
      await playground.close();
    }
  });
});

describe("a port in use", () => {
  let folder: TempFolder;
  let first: Playground;
  beforeAll(async () => {
    folder = tempFolder();
    first = await startPlayground({ port: 0, dataFile: folder.file("a.json") });
  });
  afterAll(async () => {
    await first?.close();
    folder?.remove();
  });

  it("is refused with a message naming the port and how to choose another", async () => {
    const attempt = startPlayground({ port: first.port, dataFile: folder.file("b.json") });
    await expect(attempt).rejects.toBeInstanceOf(PortInUseError);
    await expect(attempt).rejects.toThrow(`Port ${first.port} is already in use`);
    await expect(attempt).rejects.toThrow(/PORT=\d+ npm start/);
  });

  it("makes npm start's script exit with that message", () => {
    const result = spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/start.ts", "--data", folder.file("c.json")],
      {
        env: { ...process.env, PORT: String(first.port) },
        encoding: "utf8",
        timeout: 60_000,
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Port ${first.port} is already in use`);
    expect(result.stderr).toMatch(/PORT=\d+ npm start/);
  });
});
