import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultConfig } from "../../src/config/defaults";
import { validateConfig } from "../../src/config/validate";
import { CONFIG_VERSION } from "../../src/config/schema";

const example = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(process.cwd(), "examples", name), "utf8")) as Record<string, unknown>;

describe("validateConfig", () => {
  it.each(["internal-en.json", "multilevel-de.json"])(
    "accepts the example %s and normalizes percentages and amounts",
    (name) => {
      const result = validateConfig(example(name), "en");
      if (!result.ok) throw new Error(result.problems.map((problem) => problem.text).join("\n"));
      expect(result.config.marketing.closeRate).toBeGreaterThan(0);
      expect(result.config.marketing.closeRate).toBeLessThanOrEqual(1);
    },
  );

  it("reads German amounts and percent text", () => {
    const result = validateConfig(example("multilevel-de.json"), "de");
    expect(result.ok && result.config.marketing).toEqual(
      expect.objectContaining({ quota: 120000, marketingShare: 0.6, closeRate: 0.125 }),
    );
  });

  it("accepts the wizard's defaults once a contact and a rep are added", () => {
    const defaults = defaultConfig("de", "2027-01", "multiLevel");
    const config = {
      ...defaults,
      contacts: [{ name: "A", email: "a@example.com", role: "", party: "marketing" }],
      sales: { ...defaults.sales, reps: ["B"] },
    };
    expect(validateConfig(config, "de").ok).toBe(true);
  });

  it("reports every problem at once, each naming its field, in English", () => {
    const config = example("internal-en.json");
    const broken = {
      ...config,
      currency: "euro",
      startMonth: "2026-13",
      contacts: [{ name: "", email: "bob", role: "", party: "sales" }],
      marketing: { quota: -5, marketingShare: 50, avgDealSize: 0, closeRate: "12,5 %", tiers: [] },
    };
    const result = validateConfig(broken, "en");
    expect(result.ok).toBe(false);
    const texts = result.ok ? [] : result.problems.map((problem) => problem.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Currency must be a three-letter currency code like EUR or USD (got "euro")',
        'Start month must be a month like 2026-12 (got "2026-13")',
        "Contact 1: name is required",
        'Contact 1: e-mail must be an e-mail address like name@example.com (got "bob")',
        "Sales quota must be 0 or more (got -5)",
        "Marketing share of revenue is above 100 %: it must be more than 0 and at most 100 %; a number is a fraction (1 is 100 %), so for fifty percent write 50% or 0.5 (got 50)",
        "Average deal size must be more than 0 (got 0)",
      ]),
    );
    const paths = result.ok ? [] : result.problems.map((problem) => problem.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "currency",
        "startMonth",
        "contacts.0.name",
        "contacts.0.email",
        "marketing.quota",
        "marketing.marketingShare",
        "marketing.avgDealSize",
      ]),
    );
  });

  it("refuses rates and shares above 100 %, typed as text or as numbers, in both languages", () => {
    const config = example("internal-en.json");
    const tiers = [
      { name: "CEO", marketingShare: "120%" },
      { name: "Manager", closeRate: 1.5 },
    ];
    const result = validateConfig(
      { ...config, marketing: { ...(config.marketing as object), closeRate: "150%", marketingShare: "250 %", tiers } },
      "en",
    );
    const texts = result.ok ? [] : result.problems.map((problem) => problem.text);
    expect(texts).toEqual([
      'Marketing share of revenue is above 100 %: it must be more than 0 and at most 100 % (got "250 %")',
      'Close rate is above 100 %: it must be more than 0 and at most 100 % (got "150%")',
      'Lead tier 1: marketing share is above 100 %: it must be more than 0 and at most 100 % (got "120%")',
      "Lead tier 2: close rate is above 100 %: it must be more than 0 and at most 100 %; a number is a fraction (1 is 100 %), so for fifty percent write 50% or 0.5 (got 1.5)",
    ]);
    const german = validateConfig({ ...config, marketing: { ...(config.marketing as object), closeRate: 1.2 } }, "de");
    expect(german.ok ? [] : german.problems.map((problem) => problem.text)).toEqual([
      "Abschlussquote liegt über 100 %: erlaubt ist mehr als 0 und höchstens 100 %; eine Zahl ist ein Anteil (1 ist 100 %), für fünfzig Prozent schreiben Sie also 50 % oder 0,5 (erhalten: 1.2)",
    ]);
  });

  it("refuses tier shares adding up to more than the marketing share, naming the tiers, in both languages", () => {
    const config = example("internal-en.json");
    const tiers = [
      { name: "CEO", marketingShare: "40 %" },
      { name: "Director" },
      { name: "Manager", marketingShare: 0.25 },
    ];
    const marketing = { ...(config.marketing as object), marketingShare: "60%", tiers };
    const english = validateConfig({ ...config, marketing }, "en");
    expect(english.ok ? [] : english.problems.map((problem) => [problem.path, problem.text])).toEqual([
      [
        "marketing.tiers",
        'Lead tiers "CEO", "Manager": their own shares add up to 65 %, more than the marketing share of 60 %; tier shares split the marketing share, so together they can be at most 60 %',
      ],
    ]);
    const german = validateConfig(
      {
        ...config,
        marketing: { ...marketing, marketingShare: "12,5 %", tiers: [{ name: "CEO", marketingShare: "12,6 %" }] },
      },
      "de",
    );
    expect(german.ok ? [] : german.problems.map((problem) => problem.text)).toEqual([
      "Lead-Stufen „CEO“: ihre eigenen Anteile ergeben zusammen 12,6 %, mehr als der Marketinganteil von 12,5 %; die Stufenanteile teilen den Marketinganteil auf, zusammen dürfen sie also höchstens 12,5 % sein",
    ]);
    // Up to the marketing share, with or without tiers that split the rest, they fit.
    expect(
      validateConfig(
        {
          ...config,
          marketing: {
            ...marketing,
            tiers: [
              { name: "CEO", marketingShare: "40 %" },
              { name: "Manager", marketingShare: 0.2 },
            ],
          },
        },
        "en",
      ).ok,
    ).toBe(true);
    expect(
      validateConfig(
        { ...config, marketing: { ...marketing, tiers: [{ name: "CEO", marketingShare: 0.1 }, { name: "Director" }] } },
        "en",
      ).ok,
    ).toBe(true);
  });

  it("words problems in German", () => {
    const result = validateConfig(
      {
        ...example("multilevel-de.json"),
        months: 0,
        sales: { ...(example("multilevel-de.json").sales as object), followUpHours: "vier" },
      },
      "de",
    );
    const texts = result.ok ? [] : result.problems.map((problem) => problem.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        "Laufzeit in Monaten muss mindestens 1 sein (erhalten: 0)",
        'Ziel Reaktionszeit (Stunden) muss eine Zahl sein (erhalten: "vier")',
      ]),
    );
  });

  it("checks fields against each other once each is valid", () => {
    const config = example("internal-en.json");
    const result = validateConfig(
      {
        ...config,
        kind: "multiLevel",
        contacts: [{ name: "Tom", email: "tom@example.com", role: "", party: "service" }],
        requirements: [{ from: "sales", to: "sales", text: "Report", perMonth: 1 }],
        sales: { ...(config.sales as object), businessHours: { days: [1], start: "17:00", end: "09:00" } },
        marketing: { ...(config.marketing as object), tiers: [{ name: "CEO" }, { name: " ceo" }] },
      },
      "en",
    );
    const texts = result.ok ? [] : result.problems.map((problem) => problem.text);
    expect(texts).toEqual([
      "Parties a multi-level SLA has marketing, sales and a third party",
      'Contact 1: party names the party "service", which is not one of this SLA\'s parties',
      "Requirement 1: delivered to must be delivered to another party than the one delivering it",
      "Business hours: end must be later than the start",
      'Lead tier 2: name "ceo" is used by another tier',
    ]);
  });

  it("keeps names that look like formulas as plain text", () => {
    const config = example("internal-en.json");
    const result = validateConfig(
      {
        ...config,
        contacts: [
          { name: '=IMPORTXML("http://x","//a")', email: "x@example.com", role: "+49 30 123", party: "sales" },
        ],
      },
      "en",
    );
    expect(result.ok && result.config.contacts[0]).toEqual(
      expect.objectContaining({ name: '=IMPORTXML("http://x","//a")', role: "+49 30 123" }),
    );
  });

  it("refuses what is not a config at all", () => {
    for (const input of [undefined, null]) {
      const result = validateConfig(input, "en");
      expect(result.ok ? "" : result.problems[0]?.text).toBe("Configuration is required");
    }
    for (const input of [42, "config", []]) {
      const result = validateConfig(input, "en");
      expect(result.ok ? "" : result.problems[0]?.text).toBe("Configuration is missing or not valid");
    }
  });
});

describe("the pace tolerance", () => {
  it("is set in the config, as a rate", () => {
    const result = validateConfig(example("multilevel-de.json"), "de");
    expect(result.ok && result.config.marketing.paceTolerance).toBe(0.9);
    const config = example("internal-en.json");
    const set = validateConfig(
      { ...config, marketing: { ...(config.marketing as object), paceTolerance: "85 %" } },
      "en",
    );
    expect(set.ok && set.config.marketing.paceTolerance).toBe(0.85);
  });

  it("is given the method's 90 % in a config saved before it existed (version 1)", () => {
    const config = example("internal-en.json");
    const { paceTolerance, ...marketing } = config.marketing as Record<string, unknown>;
    expect(paceTolerance).toBe("90%");
    const result = validateConfig({ ...config, version: 1, marketing }, "en");
    if (!result.ok) throw new Error(result.problems.map((problem) => problem.text).join("\n"));
    expect(result.config.version).toBe(CONFIG_VERSION);
    expect(result.config.marketing.paceTolerance).toBe(0.9);
  });

  it("is required in the current version, and refused outside more than 0 to 100 %, in English and German", () => {
    const config = example("internal-en.json");
    const { paceTolerance: _dropped, ...marketing } = config.marketing as Record<string, unknown>;
    const missing = validateConfig({ ...config, marketing }, "en");
    expect(missing.ok ? [] : missing.problems.map((problem) => problem.text)).toEqual([
      "Pace tolerance (at risk from) is required",
    ]);
    for (const bad of ["150%", "0 %", 0, -0.5, 1.5]) {
      const en = validateConfig({ ...config, marketing: { ...marketing, paceTolerance: bad } }, "en");
      const de = validateConfig({ ...config, marketing: { ...marketing, paceTolerance: bad } }, "de");
      expect(en.ok ? undefined : en.problems[0]?.path).toBe("marketing.paceTolerance");
      expect(en.ok ? "" : en.problems[0]?.text).toMatch(
        /^Pace tolerance \(at risk from\) (must be more than 0 and at most 100%|is above 100 %: it must be more than 0 and at most 100 %)/,
      );
      expect(de.ok ? "" : de.problems[0]?.text).toMatch(
        /^Toleranz beim Tempo \(gefährdet ab\) (muss größer als 0 und höchstens 100 % sein|liegt über 100 %: erlaubt ist mehr als 0 und höchstens 100 %)/,
      );
    }
  });
});
