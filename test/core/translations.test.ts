/**
 * Every surface's words are an `en` and a `de` object of one shape. tsc checks
 * the `@ts-expect-error` lines below: a German object that lacks a text, or
 * has one without an English original, does not compile.
 */
import { describe, expect, it } from "@jest/globals";
import type { LANGUAGES, Translations } from "../../src/core/i18n";
import { messagesFor, type Messages } from "../../src/gas/messages";
import { labelsFor } from "../../src/workbook/labels";
import { stringsFor as importStrings } from "../../sidebar/import/strings";
import { stringsFor as referenceStrings } from "../../sidebar/reference/strings";
import { stringsFor as selfTestStrings } from "../../sidebar/selftest/strings";
import { stringsFor as shareStrings, type Strings as ShareStrings } from "../../sidebar/share/strings";
import { stringsFor as wizardStrings, type Strings as WizardStrings } from "../../sidebar/wizard/strings";

const { back: _back, ...wizardWithoutBack } = wizardStrings("de");
// @ts-expect-error the German wizard lacks `back`
const wizardMissing: WizardStrings = wizardWithoutBack;
// @ts-expect-error `zurueck` has no English original
const wizardExtra: WizardStrings = { ...wizardStrings("de"), zurueck: "Zurück" };

const { title: _title, ...shareWithoutTitle } = shareStrings("de");
// @ts-expect-error the German share dialog lacks `title`
const shareMissing: ShareStrings = shareWithoutTitle;

const { busy: _busy, ...messagesWithoutBusy } = messagesFor("de");
// @ts-expect-error the German messages lack `busy`
const messagesMissing: Messages = messagesWithoutBusy;

// @ts-expect-error a surface needs both languages
const onlyEnglish: Translations<{ title: string }> = { en: { title: "Title" } };

/** Every key path of a language's words, functions and arrays included, without their values. */
function shape(value: unknown): unknown {
  if (typeof value === "function") return `function/${value.length}`;
  if (Array.isArray(value)) return value.map(shape);
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, inner]) => [key, shape(inner)]),
    );
  return typeof value;
}

describe("translations", () => {
  const surfaces: Record<string, (language: (typeof LANGUAGES)[number]) => unknown> = {
    wizard: wizardStrings,
    share: shareStrings,
    import: importStrings,
    reference: referenceStrings,
    selfTest: selfTestStrings,
    messages: messagesFor,
    labels: labelsFor,
  };

  it.each(Object.keys(surfaces))("%s: English and German have the same keys, lists and function arities", (name) => {
    expect([wizardMissing, wizardExtra, shareMissing, messagesMissing, onlyEnglish]).toHaveLength(5);
    const words = surfaces[name]!;
    expect(shape(words("de"))).toEqual(shape(words("en")));
    expect(words("de")).not.toEqual(words("en"));
  });
});
