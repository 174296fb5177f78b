/**
 * The import dialog's words, in English and German. Reasons for rejected
 * rows and duplicates come from src/import/plan.ts, which the server words
 * the same way. A missing translation fails `tsc`.
 */
import type { Language, Translations } from "../../src/core/i18n";

const en = {
  title: "Import leads",
  intro:
    "Adds leads from a CSV export of your CRM (HubSpot, Salesforce or any file with a header row) to the lead log. Only new leads are added below the last row; rows already in the log are never changed.",
  loading: "Checking this spreadsheet…",
  noLog:
    "This spreadsheet has no lead log yet. Build the SLA first (Extensions ▸ Marketing & Sales SLA ▸ New or edit SLA), then import.",
  fileLabel: "CSV file",
  fileHint: "UTF-8, with , or ; between fields (as Excel saves it).",
  fileInfo: (rows: number, delimiter: string, name: string): string =>
    `${name}: ${rows} ${rows === 1 ? "row" : "rows"}, fields separated by “${delimiter}”.`,
  notUtf8: "Some characters could not be read: the file is not UTF-8. In Excel, save it as “CSV UTF-8”.",
  tooMany: (rows: number, max: number): string =>
    `The file has ${rows} rows; one import takes at most ${max}. Split the export into parts and import them one after the other.`,
  unreadable: (detail: string): string => `This file can't be read as CSV: ${detail}`,
  empty: "The file has no rows below its header.",
  mappingTitle: "Columns",
  mappingHint: "Which column of the log each column of the file goes to. First and last name may both go to Lead.",
  fileColumn: "Column in the file",
  sample: "First value",
  logColumn: "Goes to",
  skip: "(not imported)",
  noLead: "Choose the column with the lead's name (Lead).",
  noKey: "Choose an E-mail or Lead ID column: they tell which leads the log already has.",
  twice: (field: string): string => `Only one column can go to ${field}.`,
  orderTitle: (header: string): string => `How are the dates in “${header}” written?`,
  orderHint: (sample: string): string =>
    `No value tells, e.g. ${sample}. Choose, or the rows are rejected rather than guessed.`,
  dayFirst: "Day first (31/12/2026)",
  monthFirst: "Month first (12/31/2026)",
  previewTitle: "Preview: the first new leads as they will land",
  noneNew: "No new leads in this file.",
  countNew: "new",
  countDuplicates: "duplicates skipped",
  countRejected: "rejected",
  rejectedTitle: "Rejected rows",
  duplicatesTitle: "Duplicates skipped",
  row: "Row",
  reason: "Reason",
  more: (count: number): string => `… and ${count} more in the download.`,
  download: "Download rejected rows (CSV)",
  importButton: (count: number): string => `Import ${count} ${count === 1 ? "lead" : "leads"}`,
  importing: "Importing…",
  importingStatus: "Adding the leads to the log…",
  close: "Close",
  imported: "Imported",
  notImported: "Not imported",
  serverUnreachable: (message: string): string =>
    `The add-on could not be reached: ${message}. Nothing was imported; try again.`,
  serverRejected: "Rejected by the spreadsheet",
};

export type Strings = typeof en;

const de: Strings = {
  title: "Leads importieren",
  intro:
    "Fügt Leads aus einem CSV-Export Ihres CRM (HubSpot, Salesforce oder jede Datei mit Kopfzeile) dem Lead-Protokoll hinzu. Nur neue Leads kommen unter die letzte Zeile; Zeilen im Protokoll werden nie geändert.",
  loading: "Tabelle wird geprüft…",
  noLog:
    "Diese Tabelle hat noch kein Lead-Protokoll. Erstellen Sie zuerst das SLA (Erweiterungen ▸ Marketing & Sales SLA ▸ SLA anlegen oder bearbeiten), dann importieren Sie.",
  fileLabel: "CSV-Datei",
  fileHint: "UTF-8, Felder getrennt durch , oder ; (wie Excel speichert).",
  fileInfo: (rows, delimiter, name) =>
    `${name}: ${rows} ${rows === 1 ? "Zeile" : "Zeilen"}, Felder getrennt durch „${delimiter}“.`,
  notUtf8: "Einige Zeichen sind nicht lesbar: Die Datei ist nicht UTF-8. Speichern Sie sie in Excel als „CSV UTF-8“.",
  tooMany: (rows, max) =>
    `Die Datei hat ${rows} Zeilen; ein Import nimmt höchstens ${max}. Teilen Sie den Export und importieren Sie die Teile nacheinander.`,
  unreadable: (detail) => `Diese Datei lässt sich nicht als CSV lesen: ${detail}`,
  empty: "Die Datei hat unter der Kopfzeile keine Zeilen.",
  mappingTitle: "Spalten",
  mappingHint: "In welche Spalte des Protokolls jede Spalte der Datei kommt. Vor- und Nachname dürfen beide zu Lead.",
  fileColumn: "Spalte in der Datei",
  sample: "Erster Wert",
  logColumn: "Kommt nach",
  skip: "(nicht importiert)",
  noLead: "Wählen Sie die Spalte mit dem Namen des Leads (Lead).",
  noKey: "Wählen Sie eine Spalte E-Mail oder Lead-ID: Daran erkennt der Import, welche Leads das Protokoll schon hat.",
  twice: (field) => `Nur eine Spalte kann nach ${field}.`,
  orderTitle: (header) => `Wie sind die Daten in „${header}“ geschrieben?`,
  orderHint: (sample) =>
    `Kein Wert verrät es, z. B. ${sample}. Wählen Sie; sonst werden die Zeilen abgelehnt statt geraten.`,
  dayFirst: "Tag zuerst (31/12/2026)",
  monthFirst: "Monat zuerst (12/31/2026)",
  previewTitle: "Vorschau: die ersten neuen Leads, wie sie eingetragen werden",
  noneNew: "Keine neuen Leads in dieser Datei.",
  countNew: "neu",
  countDuplicates: "Duplikate übersprungen",
  countRejected: "abgelehnt",
  rejectedTitle: "Abgelehnte Zeilen",
  duplicatesTitle: "Übersprungene Duplikate",
  row: "Zeile",
  reason: "Grund",
  more: (count) => `… und ${count} weitere im Download.`,
  download: "Abgelehnte Zeilen herunterladen (CSV)",
  importButton: (count) => `${count} ${count === 1 ? "Lead" : "Leads"} importieren`,
  importing: "Wird importiert…",
  importingStatus: "Die Leads werden ins Protokoll eingetragen…",
  close: "Schließen",
  imported: "Importiert",
  notImported: "Nicht importiert",
  serverUnreachable: (message) =>
    `Das Add-on ist nicht erreichbar: ${message}. Es wurde nichts importiert; versuchen Sie es erneut.`,
  serverRejected: "Von der Tabelle abgelehnt",
};

const STRINGS: Translations<Strings> = { en, de };

export function stringsFor(language: Language): Strings {
  return STRINGS[language];
}
