/**
 * The share dialog's words, in English and German. The server words its own
 * answers (report details, explanation); these are the page's. A missing
 * translation fails `tsc`.
 */
import type { Language, Translations } from "../../src/core/i18n";
import type { AddressOutcome } from "../../src/gas/shareWithSales";

const en = {
  title: "Share with sales",
  intro:
    "Adds the sales team as editors of this spreadsheet and protects the cells each team owns, so goals and formulas stay as agreed.",
  loading: "Checking this spreadsheet…",
  noSla:
    "This spreadsheet has no SLA yet. Build it first (Extensions ▸ Marketing & Sales SLA ▸ New or edit SLA), then share it.",
  addressesLabel: "E-mail addresses of the sales team",
  addressesHint:
    "One per line, or separated by commas or semicolons. Names like Kendra Miles <kendra@example.com> work too.",
  insertContacts: (count: number): string =>
    `Insert the SLA's ${count === 1 ? "sales contact" : `${count} sales contacts`}`,
  ready: (count: number): string => `Ready to share with ${count} ${count === 1 ? "address" : "addresses"}.`,
  invalidTitle: (count: number): string =>
    `${count === 1 ? "This is not an e-mail address" : "These are not e-mail addresses"} and will be skipped:`,
  duplicatesTitle: "Listed more than once, shared once:",
  needOne: "Enter at least one e-mail address, such as name@example.com.",
  modeLegend: "Protection",
  strict: "Strict (recommended)",
  strictHint:
    "Each team can edit only its own cells. Sheets refuses any other edit, so goals, headers and formulas stay intact.",
  warning: "Warning only",
  warningHint:
    "Everyone can still edit every cell, but Sheets asks for confirmation before an edit outside their own cells. For teams you trust and a first try.",
  share: "Share",
  shareAgain: "Share again",
  sharing: "Sharing…",
  sharingStatus: "Adding editors and setting protections…",
  close: "Close",
  shared: "Shared",
  notShared: "Not shared",
  reportLabel: "What happened to each address",
  outcome: {
    added: "Added",
    alreadyEditor: "Already an editor",
    invalid: "Invalid",
    failed: "Failed",
  } as Record<AddressOutcome, string>,
  explanationTitle: "What sales can and cannot edit",
  serverUnreachable: (message: string): string =>
    `Sharing did not finish: ${message}. Some addresses may already have been added; sharing again is safe.`,
};

export type Strings = typeof en;

const de: Strings = {
  title: "Mit dem Vertrieb teilen",
  intro:
    "Fügt das Vertriebsteam als Bearbeiter dieser Tabelle hinzu und schützt die Zellen, die jedem Team gehören, damit Ziele und Formeln wie vereinbart bleiben.",
  loading: "Tabelle wird geprüft…",
  noSla:
    "Diese Tabelle hat noch kein SLA. Erstellen Sie es zuerst (Erweiterungen ▸ Marketing & Sales SLA ▸ SLA anlegen oder bearbeiten) und teilen Sie es dann.",
  addressesLabel: "E-Mail-Adressen des Vertriebsteams",
  addressesHint:
    "Eine je Zeile oder durch Komma oder Semikolon getrennt. Namen wie Kendra Miles <kendra@example.com> gehen auch.",
  insertContacts: (count) => `${count === 1 ? "Vertriebskontakt" : `${count} Vertriebskontakte`} aus dem SLA einfügen`,
  ready: (count) => `Bereit zum Teilen mit ${count} ${count === 1 ? "Adresse" : "Adressen"}.`,
  invalidTitle: (count) =>
    `${count === 1 ? "Das ist keine E-Mail-Adresse" : "Das sind keine E-Mail-Adressen"} und wird übersprungen:`,
  duplicatesTitle: "Mehrfach eingetragen, einmal geteilt:",
  needOne: "Geben Sie mindestens eine E-Mail-Adresse ein, etwa name@example.com.",
  modeLegend: "Schutz",
  strict: "Streng (empfohlen)",
  strictHint:
    "Jedes Team kann nur seine eigenen Zellen bearbeiten. Sheets lehnt jede andere Änderung ab, sodass Ziele, Überschriften und Formeln erhalten bleiben.",
  warning: "Nur warnen",
  warningHint:
    "Alle können weiterhin jede Zelle bearbeiten, aber Sheets fragt vor einer Änderung außerhalb der eigenen Zellen nach. Für Teams, denen Sie vertrauen, und für den Anfang.",
  share: "Teilen",
  shareAgain: "Erneut teilen",
  sharing: "Wird geteilt…",
  sharingStatus: "Bearbeiter werden hinzugefügt und Schutz wird eingerichtet…",
  close: "Schließen",
  shared: "Geteilt",
  notShared: "Nicht geteilt",
  reportLabel: "Was mit jeder Adresse geschah",
  outcome: {
    added: "Hinzugefügt",
    alreadyEditor: "Bereits Bearbeiter",
    invalid: "Ungültig",
    failed: "Fehlgeschlagen",
  },
  explanationTitle: "Was der Vertrieb bearbeiten kann und was nicht",
  serverUnreachable: (message) =>
    `Das Teilen wurde nicht abgeschlossen: ${message}. Einige Adressen wurden eventuell schon hinzugefügt; erneutes Teilen ist gefahrlos.`,
};

const STRINGS: Translations<Strings> = { en, de };

export function stringsFor(language: Language): Strings {
  return STRINGS[language];
}
