/**
 * What the wizard opens with: the saved SLA when there is one (to edit), else
 * the guide's defaults in the user's language, starting next month.
 */
import { defaultConfig, nextMonthOf } from "../config/defaults";
import type { SlaConfigInput } from "../config/schema";
import type { Language } from "../core/i18n";
import { loadDocumentState } from "./documentState";
import { answerLanguage } from "./operationResult";
import { spreadsheetToday } from "./today";

export interface WizardState {
  readonly config: SlaConfigInput;
  readonly hasSla: boolean;
  /** Send back with Build, so a build over someone else's newer one is refused. */
  readonly revision: number;
  readonly language: Language;
  /** Today in the spreadsheet's zone, "YYYY-MM-DD": the wizard's live preview uses it. */
  readonly today: string;
  /** Month tabs that exist, newest first. */
  readonly months: readonly string[];
}

export function getWizardState(): WizardState {
  const document = loadDocumentState();
  const today = spreadsheetToday(SpreadsheetApp.getActiveSpreadsheet());
  const hasSla = typeof document.config === "object" && document.config !== null;
  const language = hasSla ? answerLanguage(document.config) : answerLanguage(undefined);
  const config = hasSla
    ? (document.config as SlaConfigInput)
    : defaultConfig(language, nextMonthOf(new Date(`${today}T00:00:00Z`)));
  const months = document.state.months
    .map((state) => state.month)
    .sort()
    .reverse();
  return { config, hasSla, revision: document.state.revision, language, today, months };
}
