/**
 * What the menu items open. The wizard is a sidebar (300 px, decision 10);
 * the function reference, sharing and the self-test are dialogs; starting the next month
 * asks one question with the built-in dialog (and a second before the month
 * has ended) and reports the outcome.
 */
import { languageOf, type Language, type Translations } from "../core/i18n";
import { OPERATIONS } from "../operations";

const en = {
  title: "Marketing & Sales SLA",
  reference: "Custom functions",
  share: "Share with sales",
  import: "Import leads",
  selfTest: "Self-test",
  nextTitle: "Start next month",
  nextQuestion:
    "Set the new month's goal from the last complete month's actuals (recalculated close rate, deal size and marketing share)?\n\nYes: recalculated from actuals. No: the inputs agreed in the SLA.",
  startEarly: "Yes: start it now. No: wait until the month has ended.",
  about:
    "Marketing & Sales SLA turns the marketing–sales service level agreement into a living workbook: the agreement, monthly lead pace, the lead log, follow-up reports and a misses ledger. Generated sheets use only native formulas, so they work for everyone you share them with. Custom functions such as =SLA_LEADS_NEEDED(5000, 100%, 100, 50%) work in any cell.",
};

const de: typeof en = {
  title: "Marketing & Sales SLA",
  reference: "Benutzerdefinierte Funktionen",
  share: "Mit dem Vertrieb teilen",
  import: "Leads importieren",
  selfTest: "Selbsttest",
  nextTitle: "Nächsten Monat starten",
  nextQuestion:
    "Soll das Ziel des neuen Monats aus den Ist-Werten des letzten vollständigen Monats berechnet werden (neue Abschlussquote, Auftragsgröße und Marketinganteil)?\n\nJa: aus den Ist-Werten. Nein: die im SLA vereinbarten Werte.",
  startEarly: "Ja: jetzt starten. Nein: warten, bis der Monat zu Ende ist.",
  about:
    "Marketing & Sales SLA macht aus der Vereinbarung zwischen Marketing und Vertrieb eine lebendige Tabelle: die Vereinbarung, das monatliche Lead-Tempo, das Lead-Protokoll, Berichte zur Nachverfolgung und ein Protokoll verfehlter Ziele. Erzeugte Tabellen nutzen nur eingebaute Formeln und funktionieren so für alle, mit denen Sie sie teilen. Benutzerdefinierte Funktionen wie =SLA_LEADS_NEEDED(5000; 100%; 100; 50%) funktionieren in jeder Zelle.",
};

const WORDS: Translations<typeof en> = { en, de };

function language(): Language {
  try {
    return languageOf(Session.getActiveUserLocale());
  } catch {
    return "en";
  }
}

export function showWizard(): void {
  const html = HtmlService.createHtmlOutputFromFile("Wizard").setTitle(WORDS[language()].title);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function showShareDialog(): void {
  const html = HtmlService.createHtmlOutputFromFile("Share").setWidth(460).setHeight(560);
  SpreadsheetApp.getUi().showModalDialog(html, WORDS[language()].share);
}

export function showImportDialog(): void {
  const html = HtmlService.createHtmlOutputFromFile("Import").setWidth(720).setHeight(600);
  SpreadsheetApp.getUi().showModalDialog(html, WORDS[language()].import);
}

export function showFunctionReference(): void {
  const html = HtmlService.createHtmlOutputFromFile("Reference").setWidth(640).setHeight(560);
  SpreadsheetApp.getUi().showModalDialog(html, WORDS[language()].reference);
}

/** The self-test's report dialog: it runs the test (runSelfTest) itself and shows what came back. */
export function showSelfTest(): void {
  const html = HtmlService.createHtmlOutputFromFile("SelfTest").setWidth(640).setHeight(560);
  SpreadsheetApp.getUi().showModalDialog(html, WORDS[language()].selfTest);
}

export function showAbout(): void {
  const words = WORDS[language()];
  const ui = SpreadsheetApp.getUi();
  ui.alert(words.title, words.about, ui.ButtonSet.OK);
}

export function showNextMonth(): void {
  const words = WORDS[language()];
  const ui = SpreadsheetApp.getUi();
  const answer = ui.alert(words.nextTitle, words.nextQuestion, ui.ButtonSet.YES_NO_CANCEL);
  if (answer === ui.Button.CANCEL || answer === ui.Button.CLOSE) return;
  const use = answer === ui.Button.YES ? "recalculated" : "agreed";
  let result = OPERATIONS.startNextMonth({ use });
  if (!result.ok && result.reason === "monthRunning") {
    // The month has not ended: say so and ask again; only a Yes starts the next one now.
    if (ui.alert(words.nextTitle, `${result.message}\n\n${words.startEarly}`, ui.ButtonSet.YES_NO) !== ui.Button.YES)
      return;
    result = OPERATIONS.startNextMonth({ use, early: true });
  }
  const details = result.ok
    ? [result.message, ...result.notes]
    : [result.message, ...result.problems.map((problem) => problem.text)];
  ui.alert(words.nextTitle, details.join("\n"), ui.ButtonSet.OK);
}
