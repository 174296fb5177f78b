/**
 * A lead log of 5,000 rows × 14 columns written with one setValues, with
 * per-row formulas, then read back: one write and one read however many rows,
 * and the computed values right at both ends. Not a timed test: bench/workbook.ts
 * takes the whole workbook to 20,000 leads and times it.
 */
import { expect, it } from "@jest/globals";
import { workbook } from "./helpers";

const ROWS = 5_000;

function leadRow(i: number): unknown[] {
  const r = i + 2;
  return [
    `Lead ${i + 1}`,
    i % 3 === 0 ? "web" : "event",
    new Date(Date.UTC(2026, 11, 1 + (i % 28), 8 + (i % 9))),
    i % 5 === 0 ? "" : new Date(Date.UTC(2026, 11, 1 + (i % 28), 12 + (i % 9))),
    i % 7,
    i % 4 === 0,
    i % 11 === 0,
    100 + (i % 50) * 10,
    `=IF(D${r}="","",(D${r}-C${r})*24)`,
    `=IF(E${r}>3,"deep","shallow")`,
    `=IF(F${r},H${r},0)`,
    `=AND(F${r},NOT(G${r}))`,
    `=ROUND(H${r}*E${r}/7,2)`,
    `=IFERROR(I${r}/E${r},"")`,
  ];
}

it("writes 5,000 × 14 cells with one setValues and reads computed values", () => {
  const { emulator, ss } = workbook();
  const log = ss.insertSheet("Leads");
  log.insertRowsAfter(1000, ROWS + 1 - 1000);
  const data = Array.from({ length: ROWS }, (_, i) => leadRow(i));
  emulator.calls.reset();

  const started = performance.now();
  log.getRange(2, 1, ROWS, 14).setValues(data);
  const written = performance.now();
  const last = log.getRange(ROWS + 1, 9, 1, 6).getValues()[0]!;
  const all = log.getRange(2, 1, ROWS, 14).getValues();
  const read = performance.now();

  // Row 5,001 is lead 5,000: followed up 4 hours after hand-off, 1 attempt, not connected, worth 590.
  expect(last[0]).toBeCloseTo(4, 6);
  expect(last.slice(1, 4)).toEqual(["shallow", 0, false]);
  expect(last[4]).toBeCloseTo(84.29, 6);
  expect(last[5]).toBeCloseTo(4, 6);
  // Row 6 is lead 5: 4 hours, 4 attempts, connected, worth 140.
  const sixth = log.getRange(6, 9, 1, 6).getValues()[0]!;
  expect(sixth[0]).toBeCloseTo(4, 6);
  expect(sixth[5]).toBeCloseTo(1, 6);
  expect(sixth.slice(1, 5)).toEqual(["deep", 140, true, 80]);
  expect(all).toHaveLength(ROWS);
  expect(all[0]![2]).toBeInstanceOf(Date);
  expect(log.getLastRow()).toBe(ROWS + 1);
  expect(emulator.calls.documentCalls).toBe(5);
  process.stdout.write(
    `  5,000 × 14 setValues: ${Math.round(written - started)} ms; reading back: ${Math.round(read - written)} ms\n`,
  );
}, 120_000);
