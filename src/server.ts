/**
 * The one entry the build bundles. Everything exported here is reachable from
 * the generated top-level stubs in dist/Code.js; nothing else is.
 */
import { buildSla } from "./gas/buildSla";
import { startNextMonth } from "./gas/startNextMonth";
import { getWizardState } from "./gas/wizardState";
import { showAbout, showFunctionReference, showNextMonth, showShareDialog, showWizard } from "./gas/dialogs";
import { onInstall, onOpen } from "./gas/menu";
import { shareWithSales } from "./gas/shareWithSales";

export { runCustomFunction } from "./gas/customFunctions";

/**
 * Server functions the sidebar calls through google.script.run (and menus
 * through their names). Each gets a top-level stub; each validates its
 * arguments again, whoever calls it (design decision 8).
 */
export const SERVER_API = {
  onOpen,
  onInstall,
  showWizard,
  showNextMonth,
  showShareDialog,
  showFunctionReference,
  showAbout,
  getWizardState,
  buildSla,
  startNextMonth,
  shareWithSales,
};
export type ServerApi = typeof SERVER_API;
