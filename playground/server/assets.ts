/**
 * What the playground serves besides JSON: the page (bundled from
 * playground/page/ with Chart.js from node_modules, at start-up, in memory),
 * and the add-on's built HTML from dist/ with the google.script shim put in
 * front of its own scripts.
 */
import { bundleBrowserScript } from "../../scripts/lib/html";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface PageAssets {
  readonly html: string;
  readonly script: string;
  readonly css: string;
  /** The google.script stand-in, as a script for the add-on's frames. */
  readonly shim: string;
}

export async function buildPageAssets(root: string): Promise<PageAssets> {
  const page = join(root, "playground/page");
  const [script, shim] = await Promise.all([
    bundleBrowserScript(join(page, "main.ts")),
    bundleBrowserScript(join(page, "scriptShim.ts")),
  ]);
  return {
    html: readFileSync(join(page, "index.html"), "utf8"),
    css: readFileSync(join(page, "page.css"), "utf8"),
    script,
    shim: shim.replace(/<\/(script)/gi, "<\\/$1"),
  };
}

/** The add-on surfaces the playground can show, as named in dist/. */
export const ADDON_FILES = ["Wizard.html", "Share.html", "Reference.html", "Import.html", "SelfTest.html"] as const;
export type AddonFile = (typeof ADDON_FILES)[number];

export function isAddonFile(name: string): name is AddonFile {
  return (ADDON_FILES as readonly string[]).includes(name);
}

export function addonFilePath(root: string, name: AddonFile): string {
  return join(root, "dist", name);
}

export function hasAddonFile(root: string, name: AddonFile): boolean {
  return existsSync(addonFilePath(root, name));
}

/**
 * dist/NAME.html with the shim first in <head>, so `google.script.run` exists
 * before the add-on's script reads it. Read on every request: a rebuild shows
 * on the next open of the sidebar.
 */
export function addonHtml(root: string, name: AddonFile, shim: string, functions: readonly string[]): string {
  const html = readFileSync(addonFilePath(root, name), "utf8");
  const names = JSON.stringify(functions).replace(/</g, "\\u003c");
  const injected = `<script>window.__slaServerFunctions=${names};</script><script>${shim}</script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (!head) return `${injected}${html}`;
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}${injected}${html.slice(at)}`;
}
