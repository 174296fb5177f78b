/**
 * The entry of dist/Code.js. Everything exported here is reachable from the
 * generated top-level stubs; nothing else is. The operations that plan and
 * write workbooks come from src/operations.ts, which the build replaces in
 * Code.js by loaders of dist/Operations.html (src/gas/operationsFile.ts), so
 * a custom-function call evaluates only the functions, menus and dialogs.
 */
import {
  showAbout,
  showFunctionReference,
  showImportDialog,
  showNextMonth,
  showSelfTest,
  showShareDialog,
  showWizard,
} from "./gas/dialogs";
import { onInstall, onOpen } from "./gas/menu";
import { OPERATIONS } from "./operations";

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
  showImportDialog,
  showFunctionReference,
  showAbout,
  showSelfTest,
  getWizardState: OPERATIONS.getWizardState,
  buildSla: OPERATIONS.buildSla,
  startNextMonth: OPERATIONS.startNextMonth,
  shareWithSales: OPERATIONS.shareWithSales,
  openDashboard: OPERATIONS.openDashboard,
  getImportState: OPERATIONS.getImportState,
  importLeads: OPERATIONS.importLeads,
  runSelfTest: OPERATIONS.runSelfTest,
};
export type ServerApi = typeof SERVER_API;
