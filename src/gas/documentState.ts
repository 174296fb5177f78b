/**
 * What the add-on keeps in the document (design decision 9): the SLA config as
 * JSON validated by the same schema, plus the state of the workbook (revision,
 * month tabs and how their inputs were set, where users' cells are).
 * Read with one call, written with one call.
 */
import { migrateConfig } from "../config/migrate";
import { readChecked, workbookStateSchema, type WorkbookState } from "../reconcile/storedState";
import { readJson, writeJson } from "./documentStore";

export type { WorkbookState };

export const CONFIG_KEY = "sla.config";
export const STATE_KEY = "sla.state";

export interface DocumentState {
  /** The saved config as stored (migrated to the current version), not yet validated. */
  readonly config: unknown;
  /** The stored state, or an empty one when it is missing or unreadable. */
  readonly state: WorkbookState;
  /** The stored state was there and fit its schema. */
  readonly stateReadable: boolean;
  readonly all: Record<string, string>;
}

const EMPTY_STATE: WorkbookState = { revision: 0, months: [] };

export function loadDocumentState(): DocumentState {
  const all = PropertiesService.getDocumentProperties().getProperties();
  const config = readJson(all, CONFIG_KEY);
  const state = readChecked(workbookStateSchema, readJson(all, STATE_KEY));
  return {
    config: config === undefined ? undefined : migrateConfig(config),
    state: state ?? EMPTY_STATE,
    stateReadable: state !== undefined,
    all,
  };
}

export function saveDocumentState(previous: DocumentState, config: unknown, state: WorkbookState): void {
  writeJson(PropertiesService.getDocumentProperties(), previous.all, { [CONFIG_KEY]: config, [STATE_KEY]: state });
}
