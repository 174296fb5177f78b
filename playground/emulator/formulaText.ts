/**
 * Open-ended references ("Leads!A2:A", rows 2 to the end of the sheet) are
 * Sheets syntax HyperFormula cannot parse (#ERROR!). The emulator hands
 * HyperFormula the same reference closed at the sheet's last row, and turns
 * it back into the open form when the formula is read.
 */
const SHEET_PREFIX = `((?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?`;
const NOT_AFTER_NAME = `(?<![A-Za-z0-9_.$])`;
const NOT_BEFORE_NAME = `(?![A-Za-z0-9_(!.$])`;
const OPEN_RANGE = new RegExp(
  `${NOT_AFTER_NAME}${SHEET_PREFIX}(\\$?[A-Za-z]{1,3}\\$?\\d+):(\\$?[A-Za-z]{1,3})${NOT_BEFORE_NAME}`,
  "g",
);
const CLOSED_RANGE = new RegExp(
  `${NOT_AFTER_NAME}${SHEET_PREFIX}(\\$?[A-Za-z]{1,3}\\$?\\d+):(\\$?[A-Za-z]{1,3})\\$?(\\d+)${NOT_BEFORE_NAME}`,
  "g",
);

function unquote(prefix: string | undefined): string | undefined {
  if (!prefix) return undefined;
  const name = prefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/** Applies `edit` to the parts of a formula outside string literals. */
function outsideStrings(formula: string, edit: (code: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*"?)/)
    .map((part, i) => (i % 2 === 1 ? part : edit(part)))
    .join("");
}

/**
 * Closes "A2:A"-style ranges at the last row of the sheet they refer to
 * (`sheetName` undefined: the formula's own sheet). `open` tells whether there were any.
 */
export function closeOpenRanges(
  formula: string,
  lastRowOf: (sheetName: string | undefined) => number,
): { text: string; open: boolean } {
  if (!formula.includes(":")) return { text: formula, open: false };
  let open = false;
  const text = outsideStrings(formula, (code) =>
    code.replace(OPEN_RANGE, (_match, prefix: string | undefined, start: string, endCol: string) => {
      open = true;
      // An absolute end column ($E) closes on an absolute row: HyperFormula reads a range whose end row alone
      // is relative ($E$2:$E1000) short by the formula's own row.
      return `${prefix ?? ""}${start}:${endCol}${endCol.startsWith("$") ? "$" : ""}${lastRowOf(unquote(prefix))}`;
    }),
  );
  return { text, open };
}

/**
 * Reopens the ranges `wasOpen` recognises (normally: ending on the last row
 * of their sheet), for a formula that was written with open ranges.
 */
export function reopenRanges(
  formula: string,
  wasOpen: (sheetName: string | undefined, endRow: number) => boolean,
): string {
  return outsideStrings(formula, (code) =>
    code.replace(CLOSED_RANGE, (match, prefix: string | undefined, start: string, endCol: string, endRow: string) =>
      wasOpen(unquote(prefix), Number(endRow)) ? `${prefix ?? ""}${start}:${endCol}` : match,
    ),
  );
}
