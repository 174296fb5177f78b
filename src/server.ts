/**
 * The one entry the build bundles. Everything exported here is reachable from
 * the generated top-level stubs in dist/Code.js; nothing else is.
 */
import { buildSla } from "./gas/buildSla";
import { startNextMonth } from "./gas/startNextMonth";
import { getWizardState } from "./gas/wizardState";

export { runCustomFunction } from "./gas/customFunctions";

/**
 * Server functions the sidebar calls through google.script.run (and menus
 * through their names). Each gets a top-level stub; each validates its
 * arguments again, whoever calls it (design decision 8).
 */
export const SERVER_API = { getWizardState, buildSla, startNextMonth };
export type ServerApi = typeof SERVER_API;
