/**
 * What the add-on keeps in the document (design decision 9): the SLA config as
 * JSON validated by the same schema, plus the state of the workbook (revision,
 * month tabs and how their inputs were set, where users' cells are).
 * Read with one call, written with one call.
 */
import { migrateConfig } from "../config/migrate";
import type { MonthState } from "../workbook/plan";
import { readJson, writeJson } from "./documentStore";
import { isStoredLayout, type StoredLayout } from "./layout";

export const CONFIG_KEY = "sla.config";
export const STATE_KEY = "sla.state";

export interface WorkbookState {
  /** Goes up with every build or new month: the wizard sends the revision it started from. */
  readonly revision: number;
  readonly months: readonly MonthState[];
  readonly layout: StoredLayout | undefined;
}

export interface DocumentState {
  /** The saved config as stored (migrated to the current version), not yet validated. */
  readonly config: unknown;
  readonly state: WorkbookState;
  readonly all: Record<string, string>;
}

const EMPTY_STATE: WorkbookState = { revision: 0, months: [], layout: undefined };

function toState(value: unknown): WorkbookState {
  if (typeof value !== "object" || value === null) return EMPTY_STATE;
  const raw = value as { revision?: unknown; months?: unknown; layout?: unknown };
  return {
    revision: typeof raw.revision === "number" ? raw.revision : 0,
    months: Array.isArray(raw.months) ? (raw.months as MonthState[]) : [],
    layout: isStoredLayout(raw.layout) ? raw.layout : undefined,
  };
}

export function loadDocumentState(): DocumentState {
  const all = PropertiesService.getDocumentProperties().getProperties();
  const config = readJson(all, CONFIG_KEY);
  return { config: config === undefined ? undefined : migrateConfig(config), state: toState(readJson(all, STATE_KEY)), all };
}

export function saveDocumentState(previous: DocumentState, config: unknown, state: WorkbookState): void {
  writeJson(PropertiesService.getDocumentProperties(), previous.all, { [CONFIG_KEY]: config, [STATE_KEY]: state });
}
