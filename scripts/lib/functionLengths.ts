/**
 * Measures every function in TypeScript sources: declarations, methods, accessors,
 * constructors, function expressions and arrow functions. A function's length is the
 * number of lines from its first token to its closing token, leading comments excluded;
 * a nested function counts towards its parent as well as on its own.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

export interface FunctionLength {
  /** Path relative to the root the files were found from, with forward slashes. */
  file: string;
  /** 1-based line of the function's first token. */
  line: number;
  name: string;
  lines: number;
}

function nameOf(node: ts.Node): string {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isAccessor(node)) && node.name) {
    return node.name.getText();
  }
  if (ts.isConstructorDeclaration(node)) return "constructor";
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) {
    return parent.name.getText();
  }
  if (ts.isFunctionExpression(node) && node.name) return node.name.getText();
  return "(anonymous)";
}

function isFunctionLike(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isAccessor(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node)
  );
}

/** Every function with a body in one source text. */
export function measureSource(file: string, text: string): FunctionLength[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: FunctionLength[] = [];
  const visit = (node: ts.Node): void => {
    if (isFunctionLike(node) && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      found.push({ file, line: first + 1, name: nameOf(node), lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The `.ts` files under `folder`, as paths relative to `root` with `/` separators, sorted. */
export function sourceFiles(root: string, folder: string): string[] {
  const path = join(root, folder);
  const rel = relative(root, path).split("\\").join("/");
  if (statSync(path).isDirectory()) {
    return readdirSync(path)
      .sort()
      .flatMap((entry) => sourceFiles(root, join(folder, entry)));
  }
  return rel.endsWith(".ts") ? [rel] : [];
}

/** Functions longer than `limit` lines in the given files, longest first. */
export function longFunctions(root: string, files: readonly string[], limit: number): FunctionLength[] {
  return files
    .flatMap((file) => measureSource(file, readFileSync(join(root, file), "utf8")))
    .filter((fn) => fn.lines > limit)
    .sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file) || a.line - b.line);
}
