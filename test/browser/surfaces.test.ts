/**
 * The dialogs as files (no browser needed): the build writes one
 * self-contained HTML file per surface within the size budget, loading
 * nothing but Google's add-on stylesheet; the reference's build-time data
 * covers every registered function and cannot break out of its <script>.
 */
import { describe, expect, it } from "@jest/globals";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { ADDON_STYLESHEET, externalReferences, MAX_HTML_BYTES, scriptJson, SURFACES } from "../../scripts/lib/html";
import { referenceData, resultText } from "../../scripts/lib/referenceHtml";
import { FUNCTIONS } from "../../src/functions/definitions";

const dist = (file: string): string => join(process.cwd(), "dist", file);

describe("built surfaces", () => {
  it("lists the wizard, the share and import dialogs, the function reference and the self-test's report", () => {
    expect(SURFACES.map((surface) => surface.output)).toEqual([
      "Wizard.html",
      "Share.html",
      "Import.html",
      "Reference.html",
      "SelfTest.html",
    ]);
  });

  it.each(SURFACES.map((surface) => surface.output))(
    "%s is built, within the size budget, and self-contained",
    (file) => {
      const html = readFileSync(dist(file), "utf8");
      const surface = SURFACES.find((candidate) => candidate.output === file);
      expect(statSync(dist(file)).size).toBeLessThanOrEqual(surface?.maxBytes ?? MAX_HTML_BYTES);
      expect(externalReferences(html)).toEqual([]);
      expect(html).toContain(ADDON_STYLESHEET);
      expect(html).not.toMatch(/\/\*@(inline|json) /);
      // Exactly the scripts the template has, each closed where it should be.
      expect((html.match(/<script\b/g) ?? []).length).toBe((html.match(/<\/script>/g) ?? []).length);
    },
  );

  it("keeps the import dialog within the 100 KB its issue allows", () => {
    expect(SURFACES.find((surface) => surface.output === "Import.html")?.maxBytes).toBe(100 * 1024);
  });

  it("puts every registered function into the reference, parsable from its script element", () => {
    const html = readFileSync(dist("Reference.html"), "utf8");
    const match = /<script type="application\/json" id="rf-data">([\s\S]*?)<\/script>/.exec(html);
    expect(match).not.toBeNull();
    const data = JSON.parse(match?.[1] ?? "null") as ReturnType<typeof referenceData>;
    expect(data).toEqual(JSON.parse(JSON.stringify(referenceData(FUNCTIONS))));
    expect(data.functions.map((fn) => fn.name)).toEqual(FUNCTIONS.map((fn) => fn.name));
    expect(data.functions).toHaveLength(FUNCTIONS.length);
  });

  it("keeps the share dialog small: no schema library inside", () => {
    const html = readFileSync(dist("Share.html"), "utf8");
    expect(Buffer.byteLength(html)).toBeLessThan(40 * 1024);
  });
});

describe("scriptJson", () => {
  it("escapes what could end the script element or open a comment, and round-trips", () => {
    const value = { text: "</script><!-- & \u2028 -->", nested: ["<b>", ">"] };
    const text = scriptJson(value);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe("referenceData", () => {
  it("words every summary and result as a sentence in both languages", () => {
    for (const fn of referenceData(FUNCTIONS).functions) {
      for (const language of ["en", "de"] as const) {
        expect(fn.summary[language]).toMatch(/^\S.*[.!?]$/);
        expect(fn.returns[language]).toMatch(/^[A-ZÄÖÜ]/);
        for (const param of fn.params) expect(param.description[language].length).toBeGreaterThan(0);
      }
    }
  });

  it("formats results in each language's number format", () => {
    expect(resultText(100 / 28, "en")).toBe("≈ 3.571");
    expect(resultText(100 / 28, "de")).toBe("≈ 3,571");
    expect(resultText(5000, "de")).toBe("5.000");
    expect(resultText([[1], [2]], "en")).toBe("spills 1, 2 down the column");
    expect(resultText([[1], [2]], "de")).toBe("ergibt untereinander 1; 2");
  });
});
