import type { Language, Translations } from "../core/i18n";

/** Cells as a short list: the first five, then how many more. */
function listed(cells: readonly string[]): string {
  const shown = cells.slice(0, 5).join(", ");
  return cells.length > 5 ? `${shown} (+${cells.length - 5})` : shown;
}

/** What the server tells the person who clicked, in their language. */
const en = {
  busy: "Another build of this SLA is running right now. Wait a moment, then click again: nothing was changed.",
  conflict:
    "Someone else changed this SLA since you opened the wizard. Close the wizard and open it again to see their changes: nothing was changed.",
  noSla: "This spreadsheet has no SLA yet. Open Extensions ▸ Marketing & Sales SLA ▸ New or edit SLA first.",
  invalidSaved:
    "The SLA saved in this spreadsheet is not valid any more. Open the wizard, correct the fields it shows, and build again.",
  slaEnded: (last: string) =>
    `The SLA ends with ${last}, and that month's tab exists. To track further months, lengthen the SLA in the wizard and build again.`,
  monthMissing: (month: string) =>
    `The tab of ${month} is missing, so its actuals cannot be read. Build the SLA again to restore it.`,
  built: (sheets: number) => `SLA built: ${sheets} tabs up to date.`,
  tabNameTaken: (from: string, to: string) =>
    `The tab "${from}" should now be called "${to}", but another tab has that name. Rename or remove that tab, then build again: nothing was changed.`,
  tabTakenByUser: (holder: string, planned: string) =>
    `The add-on needs a tab called "${planned}", but the tab "${holder}" is not one the add-on made. Rename that tab (or move what it holds elsewhere), then build again: nothing was changed.`,
  unknownLayout: (tab: string) =>
    `The add-on can't tell where your entries are on the tab "${tab}": its record of that tab was lost. Rename the tab to keep it as yours, then build again to get a fresh one: nothing was changed.`,
  leadHeaderMoved: (tab: string, row: number) =>
    `The header row of the tab "${tab}" is now row ${row}: rows were inserted above it. Move what is above it elsewhere and delete those rows, so the header is row 1 again, then try again: nothing was changed.`,
  leadHeaderMissing: (tab: string) =>
    `The header row of the tab "${tab}" was deleted, so row 1 now holds a lead. Insert an empty row at the top (Insert ▸ Row above), then try again: nothing was changed.`,
  namedRangeTaken: (name: string, target: string) =>
    `The named range "${name}" points at ${target}, which the add-on did not make. Rename or delete that named range (Data ▸ Named ranges), then build again: nothing was changed.`,
  layoutCoversUserCells: (tab: string, cells: readonly string[]) =>
    `The new layout of the tab "${tab}" needs ${listed(cells)}, where you typed something. Move it elsewhere, then build again: nothing was changed.`,
  nextMonth: (month: string) => `Tab ${month} created.`,
  carriedFrom: (tab: string) =>
    `The misses ledger now closes the Agreement tab, with the notes typed on the tab "${tab}". That tab was left as it was: delete it once nothing refers to it. If sales already have the workbook, share it again (Extensions ▸ Marketing & Sales SLA ▸ Share with sales) so they can write the ledger's notes there.`,
  keptAgreed: (field: string) => `${field}: kept the agreed value (no actuals to recalculate from).`,
  monthRunning: (month: string, next: string) =>
    `${month} has not ended yet, so its actuals are not complete. Start ${next} now anyway? A recalculated goal then uses the last complete month before ${month}: nothing was changed yet.`,
  noCompleteMonth: "No month has ended yet: every input kept the agreed value (actuals of complete months only).",
  goalFarOff: (goal: number, agreed: number) =>
    `⚠ The recalculated goal of ${goal} leads is ${goal > agreed ? "more than twice" : "less than half"} the agreed ${agreed}: check that month's actuals (lead log, total revenue) before relying on it.`,
  fields: { closeRate: "Close rate", avgDealSize: "Average deal size", marketingShare: "Marketing share" },
  selfTestNotEmpty: (reasons: readonly string[]) =>
    `The self-test builds the example SLA and needs an empty spreadsheet, but this one is not empty: ${reasons.join("; ")}. Create a new spreadsheet (File ▸ New ▸ Spreadsheet) and run Extensions ▸ Marketing & Sales SLA ▸ Run self-test there: nothing was changed.`,
  selfTestTabs: (count: number) => `it has ${count} tabs (an empty one has 1)`,
  selfTestValues: (tab: string) => `the tab "${tab}" holds values`,
  selfTestNamedRanges: (count: number) => `it has ${count} named range${count === 1 ? "" : "s"}`,
  selfTestMetadata: "it carries developer metadata (an add-on wrote here)",
  selfTestSavedSla: "it holds a saved SLA",
  selfTestNotBuilt: (message: string) => `The self-test could not build the example SLA: ${message}`,
  selfTestFileMissing:
    "The self-test's expected values (SelfTestExpected.html) are missing or unreadable. Push the whole project again with `npm run push`: nothing was changed.",
  selfTestFileStale:
    "The self-test's expected values (SelfTestExpected.html) are from another build than the add-on's code. Push the whole project again with `npm run push`: nothing was changed.",
};

export type Messages = typeof en;

const de: Messages = {
  busy: "Gerade läuft eine andere Erstellung dieses SLA. Warten Sie kurz und klicken Sie dann erneut: Es wurde nichts geändert.",
  conflict:
    "Jemand anderes hat dieses SLA geändert, seit Sie den Assistenten geöffnet haben. Schließen und öffnen Sie den Assistenten, um die Änderungen zu sehen: Es wurde nichts geändert.",
  noSla:
    "Diese Tabelle hat noch kein SLA. Öffnen Sie zuerst Erweiterungen ▸ Marketing & Sales SLA ▸ SLA anlegen oder bearbeiten.",
  invalidSaved:
    "Das gespeicherte SLA ist nicht mehr gültig. Öffnen Sie den Assistenten, korrigieren Sie die angezeigten Felder und erstellen Sie es erneut.",
  slaEnded: (last: string) =>
    `Das SLA endet mit ${last}, und der Tab dieses Monats existiert. Für weitere Monate verlängern Sie das SLA im Assistenten und erstellen es erneut.`,
  monthMissing: (month: string) =>
    `Der Tab ${month} fehlt, daher können seine Ist-Werte nicht gelesen werden. Erstellen Sie das SLA erneut, um ihn wiederherzustellen.`,
  built: (sheets: number) => `SLA erstellt: ${sheets} Tabs aktuell.`,
  tabNameTaken: (from: string, to: string) =>
    `Der Tab „${from}“ soll jetzt „${to}“ heißen, aber ein anderer Tab trägt diesen Namen. Benennen Sie diesen Tab um oder entfernen Sie ihn und erstellen Sie das SLA erneut: Es wurde nichts geändert.`,
  tabTakenByUser: (holder: string, planned: string) =>
    `Das Add-on braucht einen Tab namens „${planned}“, aber der Tab „${holder}“ stammt nicht vom Add-on. Benennen Sie diesen Tab um (oder verschieben Sie seinen Inhalt) und erstellen Sie das SLA erneut: Es wurde nichts geändert.`,
  unknownLayout: (tab: string) =>
    `Das Add-on kann nicht erkennen, wo Ihre Einträge im Tab „${tab}“ stehen: Seine Aufzeichnung dieses Tabs ging verloren. Benennen Sie den Tab um, um ihn als Ihren zu behalten, und erstellen Sie das SLA erneut: Es wurde nichts geändert.`,
  leadHeaderMoved: (tab: string, row: number) =>
    `Die Kopfzeile des Tabs „${tab}“ ist jetzt Zeile ${row}: Darüber wurden Zeilen eingefügt. Verschieben Sie, was darüber steht, und löschen Sie diese Zeilen, damit die Kopfzeile wieder Zeile 1 ist; dann erneut versuchen: Es wurde nichts geändert.`,
  leadHeaderMissing: (tab: string) =>
    `Die Kopfzeile des Tabs „${tab}“ wurde gelöscht, Zeile 1 enthält jetzt einen Lead. Fügen Sie oben eine leere Zeile ein (Einfügen ▸ Zeile darüber) und versuchen Sie es erneut: Es wurde nichts geändert.`,
  namedRangeTaken: (name: string, target: string) =>
    `Der benannte Bereich „${name}“ verweist auf ${target}, was nicht vom Add-on stammt. Benennen Sie ihn um oder löschen Sie ihn (Daten ▸ Benannte Bereiche) und erstellen Sie das SLA erneut: Es wurde nichts geändert.`,
  layoutCoversUserCells: (tab: string, cells: readonly string[]) =>
    `Das neue Layout des Tabs „${tab}“ braucht ${listed(cells)}, wo Sie etwas eingetragen haben. Verschieben Sie es und erstellen Sie das SLA erneut: Es wurde nichts geändert.`,
  nextMonth: (month: string) => `Tab ${month} angelegt.`,
  carriedFrom: (tab: string) =>
    `Das Protokoll steht jetzt am Ende des Tabs Vereinbarung, mit den Notizen aus dem Tab „${tab}“. Dieser Tab blieb, wie er war: Löschen Sie ihn, sobald nichts mehr auf ihn verweist. Hat der Vertrieb die Tabelle schon, teilen Sie sie erneut (Erweiterungen ▸ Marketing & Sales SLA ▸ Mit dem Vertrieb teilen), damit er die Notizen dort schreiben kann.`,
  keptAgreed: (field: string) => `${field}: vereinbarter Wert beibehalten (keine Ist-Werte zum Neuberechnen).`,
  monthRunning: (month: string, next: string) =>
    `${month} ist noch nicht zu Ende, seine Ist-Werte sind also unvollständig. ${next} trotzdem schon starten? Ein neu berechnetes Ziel nutzt dann den letzten vollständigen Monat vor ${month}: Es wurde noch nichts geändert.`,
  noCompleteMonth:
    "Noch kein Monat ist zu Ende: Alle Eingaben behalten den vereinbarten Wert (nur Ist-Werte vollständiger Monate zählen).",
  goalFarOff: (goal: number, agreed: number) =>
    `⚠ Das neu berechnete Ziel von ${goal} Leads ist ${goal > agreed ? "mehr als doppelt so hoch wie" : "weniger als halb so hoch wie"} das vereinbarte von ${agreed}: Prüfen Sie die Ist-Werte dieses Monats (Lead-Protokoll, Gesamtumsatz), bevor Sie sich darauf verlassen.`,
  fields: {
    closeRate: "Abschlussquote",
    avgDealSize: "Durchschnittliche Auftragsgröße",
    marketingShare: "Marketinganteil",
  },
  selfTestNotEmpty: (reasons: readonly string[]) =>
    `Der Selbsttest erstellt das Beispiel-SLA und braucht eine leere Tabelle, aber diese ist nicht leer: ${reasons.join("; ")}. Legen Sie eine neue Tabelle an (Datei ▸ Neu ▸ Tabelle) und starten Sie dort Erweiterungen ▸ Marketing & Sales SLA ▸ Selbsttest ausführen: Es wurde nichts geändert.`,
  selfTestTabs: (count: number) => `sie hat ${count} Tabs (eine leere hat 1)`,
  selfTestValues: (tab: string) => `der Tab „${tab}“ enthält Werte`,
  selfTestNamedRanges: (count: number) => `sie hat ${count} benannte${count === 1 ? "n Bereich" : " Bereiche"}`,
  selfTestMetadata: "sie trägt Entwickler-Metadaten (ein Add-on hat hier geschrieben)",
  selfTestSavedSla: "sie enthält ein gespeichertes SLA",
  selfTestNotBuilt: (message: string) => `Der Selbsttest konnte das Beispiel-SLA nicht erstellen: ${message}`,
  selfTestFileMissing:
    "Die erwarteten Werte des Selbsttests (SelfTestExpected.html) fehlen oder sind nicht lesbar. Übertragen Sie das ganze Projekt erneut mit `npm run push`: Es wurde nichts geändert.",
  selfTestFileStale:
    "Die erwarteten Werte des Selbsttests (SelfTestExpected.html) stammen aus einem anderen Build als der Code des Add-ons. Übertragen Sie das ganze Projekt erneut mit `npm run push`: Es wurde nichts geändert.",
};

const MESSAGES: Translations<Messages> = { en, de };

export function messagesFor(language: Language): Messages {
  return MESSAGES[language];
}
