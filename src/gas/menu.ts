/**
 * The add-on menu and the lifecycle triggers. onOpen runs in AuthMode.NONE
 * when the add-on is installed but not enabled in the document: there it may
 * only build the menu (platform facts §5), so it touches nothing else, and an
 * error anywhere still leaves a menu to click.
 */
import { languageOf, type Language, type Translations } from "../core/i18n";

const en = {
  wizard: "New or edit SLA",
  nextMonth: "Start next month",
  share: "Share with sales",
  import: "Import leads",
  reference: "Function reference",
  selfTest: "Run self-test",
  about: "About",
};

const de: typeof en = {
  wizard: "SLA anlegen oder bearbeiten",
  nextMonth: "Nächsten Monat starten",
  share: "Mit dem Vertrieb teilen",
  import: "Leads importieren",
  reference: "Funktionsübersicht",
  selfTest: "Selbsttest ausführen",
  about: "Über",
};

const MENU: Translations<typeof en> = { en, de };

/** Names of the server functions the menu items call; each is a top-level stub in dist/Code.js. */
export const MENU_ACTIONS = [
  "showWizard",
  "showNextMonth",
  "showShareDialog",
  "showImportDialog",
  "showFunctionReference",
  "showSelfTest",
  "showAbout",
] as const;

function menuLanguage(): Language {
  try {
    // The user's locale is the one piece of user data every auth mode allows.
    return languageOf(Session.getActiveUserLocale());
  } catch {
    return "en";
  }
}

export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const words = MENU[menuLanguage()];
  try {
    SpreadsheetApp.getUi()
      .createAddonMenu()
      .addItem(words.wizard, "showWizard")
      .addItem(words.nextMonth, "showNextMonth")
      .addItem(words.share, "showShareDialog")
      .addItem(words.import, "showImportDialog")
      .addSeparator()
      .addItem(words.reference, "showFunctionReference")
      .addItem(words.selfTest, "showSelfTest")
      .addItem(words.about, "showAbout")
      .addToUi();
  } catch {
    // Keep at least the way into the add-on, in the same language.
    SpreadsheetApp.getUi().createAddonMenu().addItem(words.wizard, "showWizard").addToUi();
  }
}

/** Runs in FULL auth after installation: show the menu right away, without a reload. */
export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}
