/**
 * Sales reps are named once (config version 4): the schema's checks on the list, worded in English and German, and
 * the migration from version 3, which counted them.
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { migrateConfig } from "../../src/config/migrate";
import { CONFIG_VERSION, MAX_REPS } from "../../src/config/schema";
import { validateConfig } from "../../src/config/validate";

const example = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(process.cwd(), "examples", name), "utf8")) as Record<string, unknown>;

const internal = example("internal-en.json");
const sales = internal.sales as Record<string, unknown>;
const withReps = (reps: unknown): Record<string, unknown> => ({ ...internal, sales: { ...sales, reps } });

/** The example as version 3 saved it: the reps a count, these contacts. */
function version3(reps: number, contacts: readonly { name: string; party: string }[], language = "en") {
  return {
    ...internal,
    version: 3,
    language,
    contacts: contacts.map((contact, index) => ({
      name: contact.name,
      email: `person${index}@example.com`,
      role: "",
      party: contact.party,
    })),
    sales: { ...sales, reps },
  };
}

function problems(input: unknown, language: "en" | "de"): string[] {
  const result = validateConfig(input, language);
  return result.ok ? [] : result.problems.map((problem) => `${problem.path}: ${problem.text}`);
}

describe("the sales reps list", () => {
  it("is a list of trimmed names", () => {
    const result = validateConfig(withReps(["  Anna Berg ", "Tom Kurz"]), "en");
    expect(result.ok && result.config.sales.reps).toEqual(["Anna Berg", "Tom Kurz"]);
  });

  it("takes names that look like formulas, as text", () => {
    const result = validateConfig(withReps(["=Anna", "+49 team", "-", "@tom"]), "en");
    expect(result.ok && result.config.sales.reps).toEqual(["=Anna", "+49 team", "-", "@tom"]);
  });

  it("refuses an empty list, naming the field, in English and German", () => {
    expect(problems(withReps([]), "en")).toEqual(["sales.reps: Sales reps needs at least one entry"]);
    expect(problems(withReps([]), "de")).toEqual(["sales.reps: Vertriebsmitarbeiter braucht mindestens einen Eintrag"]);
  });

  it("refuses an empty or too long name, naming the rep", () => {
    const long = "x".repeat(101);
    expect(problems(withReps(["Anna", "  ", long]), "en")).toEqual([
      "sales.reps.1: Sales rep 2 is required",
      "sales.reps.2: Sales rep 3 must have at most 100 characters",
    ]);
    expect(problems(withReps(["Anna", long]), "de")).toEqual([
      "sales.reps.1: Vertriebsmitarbeiter 2 darf höchstens 100 Zeichen haben",
    ]);
    expect(problems(withReps(["x".repeat(100)]), "en")).toEqual([]);
  });

  it("refuses more than 100 reps", () => {
    const many = Array.from({ length: MAX_REPS + 1 }, (_, index) => `Rep ${index + 1}`);
    expect(problems(withReps(many), "en")).toEqual(["sales.reps: Sales reps can have at most 100 entries"]);
    expect(problems(withReps(many.slice(0, MAX_REPS)), "en")).toEqual([]);
  });

  it("refuses a name listed twice, also when only its capitals differ, in English and German", () => {
    expect(problems(withReps(["Anna Berg", "Tom", "anna berg "]), "en")).toEqual([
      'sales.reps.2: Sales rep 3 "anna berg" is listed twice (names that differ only in capitals are the same in Sheets)',
    ]);
    expect(problems(withReps(["Tom", "TOM"]), "de")).toEqual([
      "sales.reps.1: Vertriebsmitarbeiter 2 „TOM“ steht doppelt in der Liste (Namen, die sich nur in Groß- und Kleinschreibung unterscheiden, sind für Sheets gleich)",
    ]);
  });

  it("is not a number any more", () => {
    expect(problems({ ...withReps(2), version: CONFIG_VERSION }, "en")).toEqual([
      "sales.reps: Sales reps must be a list",
    ]);
  });
});

describe("the migration from version 3", () => {
  it("takes the first sales contacts when there are enough", () => {
    const old = version3(2, [
      { name: "Amir", party: "marketing" },
      { name: "Kendra Miles", party: "sales" },
      { name: "Sam Ortiz", party: "sales" },
      { name: "Priya Nair", party: "sales" },
    ]);
    const result = validateConfig(old, "en");
    if (!result.ok) throw new Error(result.problems.map((problem) => problem.text).join("\n"));
    expect(result.config.version).toBe(4);
    expect(result.config.sales.reps).toEqual(["Kendra Miles", "Sam Ortiz"]);
  });

  it("adds placeholders numbered by their place when there are fewer, in the SLA's language", () => {
    const contacts = [{ name: "Anna Berg", party: "sales" }];
    expect((migrateConfig(version3(3, contacts)) as { sales: { reps: string[] } }).sales.reps).toEqual([
      "Anna Berg",
      "Rep 2",
      "Rep 3",
    ]);
    expect((migrateConfig(version3(2, contacts, "de")) as { sales: { reps: string[] } }).sales.reps).toEqual([
      "Anna Berg",
      "Mitarbeiter 2",
    ]);
  });

  it("takes a name once when two contacts share it, and skips a placeholder a contact already has", () => {
    const contacts = [
      { name: "Rep 2", party: "sales" },
      { name: "rep 2", party: "sales" },
    ];
    expect((migrateConfig(version3(3, contacts)) as { sales: { reps: string[] } }).sales.reps).toEqual([
      "Rep 2",
      "Rep 3",
      "Rep 4",
    ]);
  });

  it("brings versions 1 and 2 all the way", () => {
    const { sources: _sources, ...marketing } = internal.marketing as Record<string, unknown>;
    const { speedBandMinutes: _bands, ...oldSales } = sales;
    const result = validateConfig({ ...internal, version: 2, marketing, sales: { ...oldSales, reps: 2 } }, "en");
    if (!result.ok) throw new Error(result.problems.map((problem) => problem.text).join("\n"));
    expect(result.config.sales.reps).toEqual(["Kendra Miles", "Sam Ortiz"]);
  });

  it("gives a valid version 4 whose reps count the old number, for random version 3 configs", () => {
    const name = fc
      .string({ minLength: 1, maxLength: 80 })
      .filter((text) => text.trim() !== "")
      .map((text) => text.trim());
    const contact = fc.record({ name, party: fc.constantFrom("marketing", "sales") });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_REPS }),
        fc.array(contact, { minLength: 1, maxLength: 40 }),
        fc.constantFrom("en", "de"),
        (reps, contacts, language) => {
          const result = validateConfig(version3(reps, contacts, language), "en");
          if (!result.ok) throw new Error(result.problems.map((problem) => problem.text).join("\n"));
          expect(result.config.sales.reps).toHaveLength(reps);
          // The sales contacts come first, in their order, each name once.
          const seen = new Set<string>();
          const sales = contacts
            .filter((contact) => contact.party === "sales")
            .map((contact) => contact.name)
            .filter((contactName) => !seen.has(contactName.toLowerCase()) && seen.add(contactName.toLowerCase()));
          expect(result.config.sales.reps.slice(0, Math.min(reps, sales.length))).toEqual(sales.slice(0, reps));
        },
      ),
      { numRuns: 300, seed: 14 },
    );
  });
});
