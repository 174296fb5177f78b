/**
 * Writes the top-level Apps Script stubs for the custom functions, and checks
 * a bundle has them. Apps Script only lists a function in Sheets when it is a
 * top-level `function NAME(...)` whose JSDoc carries `@customfunction`
 * (platform facts §1), and esbuild strips comments, so the build writes both.
 */
import type { CustomFunction } from "../../src/functions/registry";

/** The global the bundle assigns its exports to. */
export const BUNDLE_GLOBAL = "SlaAddon";

/** Keeps help text from closing the comment early or breaking a line. */
function docText(text: string): string {
  return text.replace(/\*\//g, "*\u2215").replace(/\s+/g, " ").trim();
}

export function renderStub(fn: CustomFunction): string {
  const lines = [`/**`, ` * ${docText(fn.summary.en)}`];
  const example = fn.examples[0];
  if (example) lines.push(` *`, ` * Example: ${docText(example.formula)}`);
  lines.push(` *`);
  for (const param of fn.params) {
    const optional = param.optional ? "Optional. " : "";
    lines.push(
      ` * @param {${param.jsdocType}} ${param.name} ${optional}${docText(param.description.en)} Allowed: ${docText(param.allowed.en)}.`,
    );
  }
  const returnType =
    fn.kind === "spill" || (fn.kind === "aggregate" && fn.row)
      ? "number[][]"
      : fn.kind === "aggregate"
        ? "number"
        : "number|number[][]";
  lines.push(` * @return {${returnType}} ${docText(fn.returns.en)}`, ` * @customfunction`, ` */`);
  const names = fn.params.map((param) => param.name).join(", ");
  lines.push(`function ${fn.name}(${names}) {`);
  lines.push(
    `  return ${BUNDLE_GLOBAL}.runCustomFunction(${JSON.stringify(fn.name)}, Array.prototype.slice.call(arguments));`,
  );
  lines.push(`}`);
  return lines.join("\n");
}

export function renderStubs(functions: readonly CustomFunction[]): string {
  return functions.map(renderStub).join("\n\n");
}

/** Top-level stubs for the server API, so google.script.run and menus can reach them. */
export function renderServerStubs(names: readonly string[]): string {
  return names
    .map(
      (name) =>
        `/** Server function for the add-on's sidebar and menus. */\nfunction ${name}() {\n  return ${BUNDLE_GLOBAL}.SERVER_API.${name}.apply(null, arguments);\n}`,
    )
    .join("\n\n");
}

/**
 * Every problem that would keep a registered function out of Sheets: no
 * top-level declaration, no JSDoc right above it, or no `@customfunction` tag.
 */
export function missingStubs(code: string, functions: readonly CustomFunction[]): string[] {
  const problems: string[] = [];
  for (const fn of functions) {
    const declaration = new RegExp(`^function ${fn.name}\\(`, "m").exec(code);
    if (!declaration) {
      problems.push(`${fn.name}: no top-level function declaration`);
      continue;
    }
    const before = code.slice(0, declaration.index).trimEnd();
    const start = before.lastIndexOf("/**");
    if (!before.endsWith("*/") || start < 0) {
      problems.push(`${fn.name}: no JSDoc block directly above the declaration`);
      continue;
    }
    const jsdoc = before.slice(start);
    if (!jsdoc.includes("@customfunction")) problems.push(`${fn.name}: JSDoc lacks @customfunction`);
    for (const param of fn.params) {
      if (!jsdoc.includes(` ${param.name} `)) problems.push(`${fn.name}: JSDoc lacks @param ${param.name}`);
    }
  }
  return problems;
}
