/**
 * No function in src/ runs over 80 lines: a long function is split into named
 * steps that read top-down.
 */
import { describe, expect, it } from "@jest/globals";
import { longFunctions, measureSource, sourceFiles } from "../scripts/lib/functionLengths";

const LIMIT = 80;

describe("function lengths", () => {
  it("counts a function from its first token to its closing brace, nested ones on their own too", () => {
    const body = (lines: number) => Array.from({ length: lines }, (_, i) => `  const v${i} = ${i};`).join("\n");
    const text = [
      "// a comment above is not counted",
      "export function outer(): void {",
      body(3),
      "  const inner = () => {",
      body(2),
      "  };",
      "}",
      "class C {",
      "  method(): number {",
      "    return 1;",
      "  }",
      "}",
    ].join("\n");
    const found = measureSource("example.ts", text);
    expect(found.map(({ name, line, lines }) => ({ name, line, lines }))).toEqual([
      { name: "outer", line: 2, lines: 9 },
      { name: "inner", line: 6, lines: 4 },
      { name: "method", line: 12, lines: 3 },
    ]);
  });

  it(`finds no function over ${LIMIT} lines in src/`, () => {
    const root = process.cwd();
    const files = sourceFiles(root, "src");
    expect(files.length).toBeGreaterThan(40);
    const long = longFunctions(root, files, LIMIT).map((fn) => `${fn.file}:${fn.line} ${fn.name} (${fn.lines} lines)`);
    expect(long).toEqual([]);
  });
});
