/**
 * Builds the sidebar surfaces into single self-contained HTML files (design
 * decision 10). Every surface is the one page shell (sidebar/common/shell.html)
 * filled with its title, styles, entry script and data; the shell's
 * `/*@inline FILE*\/` markers are replaced by the file (relative to the
 * surface's folder), TypeScript bundled by esbuild (IIFE, es2020, minified) and
 * CSS minified; `/*@json ID*\/` markers by the surface's build-time data as
 * script-safe JSON. Apps Script serves the file as is; the only external
 * reference allowed is Google's add-on stylesheet, which has an inlined fallback.
 */
import { build, transform } from "esbuild";
import { readFile, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { FUNCTIONS } from "../../src/functions/definitions";
import { referenceData } from "./referenceHtml";

/** The one external resource a surface may reference. */
export const ADDON_STYLESHEET = "https://ssl.gstatic.com/docs/script/css/add-ons1.css";
/**
 * Sidebars load on every open: keep each file small. The wizard, with the
 * config schema and both languages' messages inlined, is the largest (about
 * 103 KB with the pace tolerance and tier-share checks); the budget leaves it
 * room for a few more fields, not for a library.
 */
export const MAX_HTML_BYTES = 110 * 1024;

/** The page every surface is built from. */
export const SHELL = "sidebar/common/shell.html";

export interface Surface {
  /** The surface's folder, relative to the project root: its `main.ts` is the page's script. */
  readonly folder: string;
  /** The file name written in dist/ (Apps Script's HtmlService name plus `.html`). */
  readonly output: string;
  /** The page title (plain text). */
  readonly title: string;
  /** The class of the `#app` element the surface renders into. */
  readonly appClass: string;
  /** The surface's own styles, in its folder, after the shared ones. */
  readonly style: string;
  /** Build-time data, each written into `<script type="application/json" id="ID">`. */
  readonly data?: Readonly<Record<string, () => unknown>>;
  /** A tighter budget than MAX_HTML_BYTES for this surface. */
  readonly maxBytes?: number;
}

export const SURFACES: readonly Surface[] = [
  {
    folder: "sidebar/wizard",
    output: "Wizard.html",
    title: "Marketing & Sales SLA",
    appClass: "sidebar",
    style: "wizard.css",
  },
  { folder: "sidebar/share", output: "Share.html", title: "Share with sales", appClass: "sh-app", style: "share.css" },
  // The import dialog carries csv-parse's browser build (about 48 KB of it); its budget is 100 KB.
  {
    folder: "sidebar/import",
    output: "Import.html",
    title: "Import leads",
    appClass: "im-app",
    style: "import.css",
    maxBytes: 100 * 1024,
  },
  // The function reference needs no server call: its text comes from the registry at build time.
  {
    folder: "sidebar/reference",
    output: "Reference.html",
    title: "Marketing & Sales SLA: custom functions",
    appClass: "rf-app",
    style: "reference.css",
    data: { "rf-data": () => referenceData(FUNCTIONS) },
  },
  {
    folder: "sidebar/selftest",
    output: "SelfTest.html",
    title: "Self-test",
    appClass: "st-app",
    style: "selftest.css",
  },
];

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The shell filled in for one surface, its markers not yet replaced. */
function templateOf(shell: string, surface: Surface): string {
  const data = Object.keys(surface.data ?? {})
    .map((id) => `<script type="application/json" id="${escapeHtml(id)}">/*@json ${id}*/</script>\n`)
    .join("");
  const fields: Record<string, string> = {
    title: escapeHtml(surface.title),
    appClass: escapeHtml(surface.appClass),
    style: surface.style,
    data,
  };
  return shell.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = fields[name];
    if (value === undefined) throw new Error(`${SHELL}: no field {{${name}}}`);
    return value;
  });
}

const INLINE = /\/\*@(inline|json) ([\w./-]+)\*\//g;

/** JSON that cannot end its `<script>` element or open a comment there: `<`, `>` and `&` as \u escapes. */
export function scriptJson(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new Error("no JSON for undefined");
  return text.replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Bundles a browser entry into one minified script (the playground page uses it too). */
export async function bundleBrowserScript(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify: true,
    legalComments: "none",
    charset: "utf8",
    write: false,
    logLevel: "warning",
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild wrote nothing for ${entry}`);
  return output.text;
}

async function bundleScript(entry: string): Promise<string> {
  // Nothing in the script may close the <script> element early.
  const code = (await bundleBrowserScript(entry)).trim().replace(/<\/(script)/gi, "<\\/$1");
  if (code.includes("<!--"))
    throw new Error(`${entry}: the bundle contains "<!--", which HTML parses specially inside <script>`);
  return code;
}

async function minifyCss(file: string): Promise<string> {
  const result = await transform(await readFile(file, "utf8"), {
    loader: "css",
    minify: true,
    legalComments: "none",
    target: "chrome100",
  });
  return result.code.trim().replace(/<\/(style)/gi, "<\\/$1");
}

/** Every `src=` / `href=` in the template must be the add-on stylesheet: no other network. */
export function externalReferences(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/\b(?:src|href)\s*=\s*["']?([^"'\s>]+)/gi)) {
    if (match[1]) found.push(match[1]);
  }
  return found.filter((url) => url !== ADDON_STYLESHEET);
}

/** Renders one surface to its HTML text. */
export async function renderSurface(root: string, surface: Surface): Promise<string> {
  const folder = join(root, surface.folder);
  const template = templateOf(await readFile(join(root, SHELL), "utf8"), surface);
  const others = externalReferences(template);
  if (others.length > 0)
    throw new Error(`${surface.output} references ${others.join(", ")}: only the add-on stylesheet may be loaded`);
  const parts = new Map<string, string>();
  for (const match of template.matchAll(INLINE)) {
    const kind = match[1] ?? "";
    const name = match[2] ?? "";
    const key = `${kind} ${name}`;
    if (parts.has(key)) continue;
    if (kind === "json") {
      const data = surface.data?.[name];
      if (!data) throw new Error(`${surface.output}: no data named ${name} for /*@json ${name}*/`);
      parts.set(key, scriptJson(data()));
      continue;
    }
    const file = join(folder, name);
    if (name.endsWith(".ts")) parts.set(key, await bundleScript(file));
    else if (name.endsWith(".css")) parts.set(key, await minifyCss(file));
    else throw new Error(`${surface.output}: cannot inline ${name}`);
  }
  // A function replacer: `$` in the bundle must not be read as a replacement pattern.
  return template.replace(INLINE, (_, kind: string, name: string) => parts.get(`${kind} ${name}`) ?? "");
}

export interface BuiltSurface {
  readonly file: string;
  readonly bytes: number;
}

/** Writes every surface to dist/; fails when one grows past MAX_HTML_BYTES. */
export async function buildSurfaces(root: string, dist: string): Promise<BuiltSurface[]> {
  const built: BuiltSurface[] = [];
  for (const surface of SURFACES) {
    const html = await renderSurface(root, surface);
    const bytes = Buffer.byteLength(html);
    const budget = surface.maxBytes ?? MAX_HTML_BYTES;
    if (bytes > budget) throw new Error(`${surface.output} is ${bytes} bytes, over the ${budget}-byte budget`);
    const file = join(dist, surface.output);
    await writeFile(file, html);
    built.push({ file: relative(root, file), bytes });
  }
  return built;
}
