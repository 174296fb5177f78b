/**
 * Prints a plain closing line, "N passed, N failed" (", N skipped"), after
 * everything jest prints, so CI can read the outcome as in any language.
 * Jest's own summary is written after custom reporters run, so the line is
 * written when the process exits.
 */
const { writeSync } = require("node:fs");

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`;
    process.once("exit", () => writeSync(2, `\n${line}\n`));
  }
}
module.exports = SummaryReporter;
