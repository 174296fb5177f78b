/**
 * The self-test dialog's words, in English and German. The server words its
 * refusals and the plain-text report; these are the page's. A missing
 * translation fails `tsc`.
 */
import type { Language, Translations } from "../../src/core/i18n";

const en = {
  title: "Self-test",
  intro:
    "Builds the example SLA in this spreadsheet with the add-on's own code, then compares every calculated cell, named range and chart range with what the add-on's test emulator calculated for the same example. Send us the report if it finds a difference.",
  running: "Building the example and comparing… This takes about a minute.",
  refused: "Not run",
  unreachable: (message: string) => `The self-test could not be run: ${message}`,
  passed: "No differences",
  passedDetail: "Sheets calculated every checked value as the emulator did.",
  failed: (count: number) => `${count} ${count === 1 ? "difference" : "differences"}`,
  failedDetail: "Sheets calculated these values differently. Copy the report and send it to us.",
  countsLabel: "What was compared",
  cells: "Calculated cells checked",
  settled: "of them reading TODAY() or NOW(), settled since the example's month ended",
  namedRanges: "Named ranges checked",
  charts: "Charts checked (every range they draw)",
  skippedMoving: "Skipped: depend on today",
  skippedMovingHint: "their value changes from day to day (e.g. working hours since hand-off of leads still waiting)",
  skippedNotSettled: "Skipped: the example's month has not ended",
  skippedNotSettledHint: (from: string) => `they read TODAY() or NOW() and are compared from ${from} on`,
  differencesLabel: "Differences",
  where: "Cell",
  expected: "Expected",
  got: "Got",
  more: (count: number) => `… and ${count} more (only the first 200 are listed).`,
  copy: "Copy report",
  copied: "Report copied. Paste it into an e-mail to us.",
  copyFailed: "Could not copy by itself: the report is selected below; press Ctrl+C (⌘C on a Mac).",
  reportLabel: "Report as text",
  close: "Close",
  afterwards: "The example stays in this spreadsheet; delete the spreadsheet when you no longer need it.",
};

export type Strings = typeof en;

const de: Strings = {
  title: "Selbsttest",
  intro:
    "Erstellt das Beispiel-SLA in dieser Tabelle mit dem Code des Add-ons und vergleicht dann jede berechnete Zelle, jeden benannten Bereich und jeden Diagrammbereich mit dem, was der Test-Emulator des Add-ons für dasselbe Beispiel berechnet hat. Schicken Sie uns den Bericht, wenn er eine Abweichung findet.",
  running: "Das Beispiel wird erstellt und verglichen … Das dauert etwa eine Minute.",
  refused: "Nicht ausgeführt",
  unreachable: (message: string) => `Der Selbsttest konnte nicht ausgeführt werden: ${message}`,
  passed: "Keine Abweichungen",
  passedDetail: "Sheets hat jeden geprüften Wert wie der Emulator berechnet.",
  failed: (count: number) => `${count} ${count === 1 ? "Abweichung" : "Abweichungen"}`,
  failedDetail: "Sheets hat diese Werte anders berechnet. Kopieren Sie den Bericht und schicken Sie ihn uns.",
  countsLabel: "Was verglichen wurde",
  cells: "Geprüfte berechnete Zellen",
  settled: "davon lesen HEUTE() oder JETZT(), fest seit dem Ende des Beispielmonats",
  namedRanges: "Geprüfte benannte Bereiche",
  charts: "Geprüfte Diagramme (jeder gezeichnete Bereich)",
  skippedMoving: "Übersprungen: vom heutigen Tag abhängig",
  skippedMovingHint: "ihr Wert ändert sich von Tag zu Tag (z. B. Arbeitsstunden seit Übergabe noch wartender Leads)",
  skippedNotSettled: "Übersprungen: Beispielmonat noch nicht zu Ende",
  skippedNotSettledHint: (from: string) => `sie lesen HEUTE() oder JETZT() und werden ab ${from} verglichen`,
  differencesLabel: "Abweichungen",
  where: "Zelle",
  expected: "Erwartet",
  got: "Erhalten",
  more: (count: number) => `… und ${count} weitere (nur die ersten 200 sind aufgeführt).`,
  copy: "Bericht kopieren",
  copied: "Bericht kopiert. Fügen Sie ihn in eine E-Mail an uns ein.",
  copyFailed: "Kopieren ging nicht automatisch: Der Bericht ist unten markiert; drücken Sie Strg+C (⌘C auf dem Mac).",
  reportLabel: "Bericht als Text",
  close: "Schließen",
  afterwards: "Das Beispiel bleibt in dieser Tabelle; löschen Sie die Tabelle, wenn Sie sie nicht mehr brauchen.",
};

const STRINGS: Translations<Strings> = { en, de };

export function stringsFor(language: Language): Strings {
  return STRINGS[language];
}
