/**
 * The server operations that plan and write workbooks: building an SLA,
 * starting the next month, sharing, importing leads, the wizard's saved state,
 * opening the Dashboard (which finds the tab by its metadata) and the self-test. They need
 * the config schema (zod), the workbook planner and its labels: most of the
 * server code. The build bundles them into their own file, which the
 * custom-function bundle (dist/Code.js) loads only when one of them runs
 * (see src/gas/operationsFile.ts), because Apps Script evaluates all of
 * Code.js for every custom-function call.
 */
import { buildSla } from "./gas/buildSla";
import { openDashboard } from "./gas/openDashboard";
import { getImportState, importLeads } from "./gas/importLeads";
import { shareWithSales } from "./gas/shareWithSales";
import { startNextMonth } from "./gas/startNextMonth";
import { runSelfTest } from "./gas/selfTest";
import { getWizardState } from "./gas/wizardState";

export const OPERATIONS = {
  getWizardState,
  buildSla,
  startNextMonth,
  shareWithSales,
  openDashboard,
  getImportState,
  importLeads,
  runSelfTest,
};
export type Operations = typeof OPERATIONS;
