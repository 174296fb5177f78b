/**
 * Formulas as people type and read them in the spreadsheet's locale, and as
 * the engine (HyperFormula, like Apps Script's setFormula) takes them.
 *
 * Sheets writes formulas in the locale's form: where numbers have a decimal
 * comma (de_DE, fr_FR, es_ES, it_IT, nl_NL, pt_BR, ru_RU, …) arguments are
 * separated by `;`, numbers written 0,5 and array columns by `\`
 * (`=SUM(1,5; 2)`, `{1\2;3\4}`); where numbers have a decimal point (en_US,
 * en_GB, ja_JP, …) arguments are separated by `,` (`=SUM(1.5, 2)`,
 * `{1,2;3,4}`), and a `;` typed between arguments is read as `,`. Text in
 * quotes and quoted sheet names are never changed.
 */

/** Whether a locale such as "de_DE" writes numbers with a decimal comma, and so separates arguments with `;`. */
export function usesDecimalComma(locale: string): boolean {
  try {
    const parts = new Intl.NumberFormat(locale.replace("_", "-")).formatToParts(1.5);
    return parts.find((part) => part.type === "decimal")?.value === ",";
  } catch {
    return false;
  }
}

type Context = "call" | "array";

/**
 * Walks a formula outside text and quoted sheet names, calling `at` for each
 * character with what encloses it (a call's parentheses, an array's braces)
 * and whether it sits inside a number literal; `at` answers what to write.
 */
function rewrite(
  formula: string,
  at: (char: string, context: Context, inNumber: boolean, next: string) => string,
): string {
  const stack: Context[] = [];
  let out = "";
  let index = 0;
  let number = false;
  while (index < formula.length) {
    const char = formula[index]!;
    if (char === '"' || char === "'") {
      // Text or a quoted sheet name, with doubled quotes inside: copied as it is.
      let end = index + 1;
      while (end < formula.length) {
        if (formula[end] === char) {
          if (formula[end + 1] === char) end += 2;
          else break;
        } else end += 1;
      }
      out += formula.slice(index, end + 1);
      index = end + 1;
      number = false;
      continue;
    }
    const previous = formula[index - 1] ?? "";
    // A number literal starts with a digit that ends no name or reference (A1, Leads_Tier2, $B$3).
    if (/\d/.test(char) && !number && !/[A-Za-z0-9_$.]/.test(previous)) number = true;
    else if (number && !/[\d.,eE]/.test(char) && !((char === "+" || char === "-") && /[eE]/.test(previous)))
      number = false;
    if (char === "(") stack.push("call");
    else if (char === "{") stack.push("array");
    else if (char === ")" || char === "}") stack.pop();
    const context = stack[stack.length - 1] ?? "call";
    out += at(char, context, number, formula[index + 1] ?? "");
    index += 1;
  }
  return out;
}

/** A formula typed in the locale's form, in the engine's: `=SUM(1,5; 2)` in de_DE is `=SUM(1.5, 2)`. */
export function toEngineFormula(input: string, locale: string): string {
  if (!input.startsWith("=")) return input;
  if (usesDecimalComma(locale)) {
    return rewrite(input, (char, context, inNumber, next) => {
      if (char === "," && inNumber && /\d/.test(next)) return ".";
      if (char === ";") return context === "array" ? ";" : ",";
      if (char === "\\" && context === "array") return ",";
      return char;
    });
  }
  // As Sheets corrects it in a decimal-point locale: a `;` between arguments is a `,`.
  return rewrite(input, (char, context) => (char === ";" && context === "call" ? "," : char));
}

/** An engine formula in the locale's form, as the formula bar shows it: `=SUM(1.5, 2)` in de_DE is `=SUM(1,5; 2)`. */
export function toLocaleFormula(formula: string, locale: string): string {
  if (!formula.startsWith("=") || !usesDecimalComma(locale)) return formula;
  return rewrite(formula, (char, context, inNumber, next) => {
    if (char === "." && inNumber && /\d/.test(next)) return ",";
    if (char === ",") return context === "array" ? "\\" : ";";
    return char;
  });
}
