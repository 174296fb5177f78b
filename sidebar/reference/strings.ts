/**
 * The reference dialog's own words, in English and German (the functions'
 * texts come from the registry). A missing translation fails `tsc`.
 */
import type { Language, Translations } from "../../src/core/i18n";
import type { FunctionKind } from "../../scripts/lib/referenceHtml";

const en = {
  title: "Custom functions",
  languageGroup: "Language of this page",
  languageNames: { en: "English", de: "Deutsch" } as Record<Language, string>,
  searchLabel: "Search by name",
  searchPlaceholder: "e.g. leads needed",
  count: (shown: number, total: number): string =>
    shown === total ? `${total} functions` : `${shown} of ${total} functions`,
  none: (query: string): string => `No function name contains “${query}”.`,
  intro:
    "Type these functions into any cell, for example =SLA_LEADS_NEEDED(5000, 100%, 100, 50%). The tabs the add-on builds use native formulas instead, so they work for everyone you share them with.",
  separators:
    "The examples separate arguments with commas. In a spreadsheet whose locale writes decimals with a comma (German, for example), separate them with semicolons: =SLA_LEADS_NEEDED(5000; 100%; 100; 50%).",
  contents: "Functions",
  howTitle: "How all functions treat their arguments",
  how: [
    'Percentages: rates and shares accept 0.5, 50% or the text "50 %". A bare 50 for a rate is refused rather than guessed.',
    "Ranges: functions that work row by row accept a range wherever a parameter takes one value per row, and return one result per row.",
    "Blank cells: a blank cell in a range gives a blank result, so one formula can cover rows that are not filled in yet.",
    "Errors: a bad value in one row shows its message in that row's result; a problem with the call as a whole shows #ERROR! with a message naming the function and the argument.",
    "Speed: one formula over a whole column, such as B2:B500, is much faster than one formula per cell copied down.",
  ],
  kind: {
    elementwise: "Works row by row: a range gives one result per row.",
    aggregate: "Reads whole columns and returns one value.",
    aggregateRow: "Reads whole columns and returns a row of values.",
    spill: "Returns a column that spills into the cells below.",
  } as Record<FunctionKind, string>,
  parameters: "Parameters",
  optional: "optional",
  allowed: "Allowed:",
  returns: "Returns:",
  examples: (count: number): string => (count === 1 ? "Example" : "Examples"),
  showsResult: "shows",
};

export type Strings = typeof en;

const de: Strings = {
  title: "Benutzerdefinierte Funktionen",
  languageGroup: "Sprache dieser Seite",
  languageNames: { en: "English", de: "Deutsch" },
  searchLabel: "Nach Namen suchen",
  searchPlaceholder: "z. B. leads needed",
  count: (shown, total) => (shown === total ? `${total} Funktionen` : `${shown} von ${total} Funktionen`),
  none: (query) => `Kein Funktionsname enthält „${query}“.`,
  intro:
    "Diese Funktionen können Sie in jede Zelle schreiben, zum Beispiel =SLA_LEADS_NEEDED(5000; 100%; 100; 50%). Die Tabs, die das Add-on erstellt, nutzen stattdessen eingebaute Formeln und funktionieren so für alle, mit denen Sie sie teilen.",
  separators:
    "Die Beispiele trennen Argumente mit Komma, wie in Tabellen mit Gebietsschema Vereinigte Staaten. Bei deutschem Gebietsschema trennen Sie Argumente mit Semikolon, schreiben Dezimalzahlen mit Komma und trennen in Array-Literalen {…} die Spalten mit \\ statt Komma.",
  contents: "Funktionen",
  howTitle: "Wie alle Funktionen ihre Argumente behandeln",
  how: [
    'Prozentangaben: Quoten und Anteile akzeptieren 0,5, 50 % oder den Text "50 %". Eine bloße 50 für eine Quote wird abgelehnt statt geraten.',
    "Bereiche: Funktionen, die zeilenweise arbeiten, akzeptieren einen Bereich überall dort, wo ein Parameter einen Wert je Zeile nimmt, und liefern ein Ergebnis je Zeile.",
    "Leere Zellen: Eine leere Zelle in einem Bereich ergibt ein leeres Ergebnis, sodass eine Formel auch noch nicht ausgefüllte Zeilen abdecken kann.",
    "Fehler: Ein ungültiger Wert in einer Zeile zeigt seine Meldung im Ergebnis dieser Zeile; ein Problem mit dem Aufruf als Ganzes erscheint als #ERROR! mit einer Meldung, die Funktion und Argument nennt.",
    "Geschwindigkeit: Eine Formel über eine ganze Spalte, etwa B2:B500, ist viel schneller als eine Formel je Zelle nach unten kopiert.",
  ],
  kind: {
    elementwise: "Arbeitet zeilenweise: Ein Bereich ergibt ein Ergebnis je Zeile.",
    aggregate: "Liest ganze Spalten und liefert einen Wert.",
    aggregateRow: "Liest ganze Spalten und liefert eine Zeile von Werten.",
    spill: "Liefert eine Spalte, die in die Zellen darunter überläuft.",
  },
  parameters: "Parameter",
  optional: "optional",
  allowed: "Zulässig:",
  returns: "Ergebnis:",
  examples: (count) => (count === 1 ? "Beispiel" : "Beispiele"),
  showsResult: "ergibt",
};

const STRINGS: Translations<Strings> = { en, de };

export function stringsFor(language: Language): Strings {
  return STRINGS[language];
}
