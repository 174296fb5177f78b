import type { ConfigProblem } from "../config/validate";
import { languageOf, type Language } from "../core/i18n";

/** What a server operation answers the sidebar: JSON-safe, worded for the user. */
export type OperationResult =
  | {
      readonly ok: true;
      readonly message: string;
      readonly revision: number;
      readonly sheets: readonly string[];
      readonly notes: readonly string[];
    }
  | {
      readonly ok: false;
      readonly reason:
        | "invalid"
        | "busy"
        | "conflict"
        | "noSla"
        | "slaEnded"
        | "monthMissing"
        | "monthRunning"
        | "tabNameTaken"
        | "unknownLayout"
        | "namedRangeTaken"
        | "layoutCoversUserCells"
        | "leadHeaderMoved"
        | "leadHeaderMissing";
      readonly message: string;
      readonly problems: readonly ConfigProblem[];
    };

export function failure(
  reason: Exclude<OperationResult, { ok: true }>["reason"],
  message: string,
  problems: readonly ConfigProblem[] = [],
): OperationResult {
  return { ok: false, reason, message, problems };
}

/** The language to answer in: the config's if it says, else the user's locale. */
export function answerLanguage(input: unknown): Language {
  const stated = typeof input === "object" && input !== null ? (input as { language?: unknown }).language : undefined;
  if (stated === "de" || stated === "en") return stated;
  try {
    return languageOf(Session.getActiveUserLocale());
  } catch {
    return "en";
  }
}
