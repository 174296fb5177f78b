/**
 * Starting Debian's headless chromium for the playground's browser driver and
 * the browser tests, or connecting to one the test run already started.
 */
import { existsSync, readFileSync } from "node:fs";
import { chromium, type Browser, type BrowserServer, type LaunchOptions } from "playwright-core";
import { chromiumPath, missingChromiumMessage } from "../../scripts/lib/chromium";

export const CHROMIUM = chromiumPath();

/** Offline-minded: no background traffic, no first-run pages, no sandbox (CI runs as root). */
const CHROMIUM_ARGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/**
 * Features turned off besides Playwright's own. Headless chromium preloads
 * the omnibox popups for every window and keeps drawing them unseen: about a
 * quarter of a core per window while the page itself is idle.
 */
export const IDLE_FEATURES_OFF: readonly string[] = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup"];

/**
 * Where a chromium already running for this process's caller listens (the
 * test run starts one for all its files: test/support/sharedChromium.ts).
 */
export const CHROMIUM_ENDPOINT_VARIABLE = "SLA_CHROMIUM_ENDPOINT";

const FEATURES_OFF_SWITCH = "--disable-features=";

/** The features a --disable-features switch names; chromium keeps only the last such switch. */
export function featuresOff(commandLine: readonly string[]): string[] {
  const last = commandLine.filter((arg) => arg.startsWith(FEATURES_OFF_SWITCH)).pop();
  return last ? last.slice(FEATURES_OFF_SWITCH.length).split(",").filter(Boolean) : [];
}

let playwrightFeaturesOff: Promise<string[]> | undefined;

/**
 * Playwright's own --disable-features list, read off the command line of a
 * chromium it starts (on Linux, /proc). A second switch would replace the
 * list, so ours is added to it; elsewhere only Playwright's applies.
 */
function launchOptions(): Promise<LaunchOptions> {
  playwrightFeaturesOff ??= (async () => {
    const probe = await chromium.launchServer({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS] });
    try {
      const cmdline = `/proc/${probe.process().pid}/cmdline`;
      return existsSync(cmdline) ? featuresOff(readFileSync(cmdline, "utf8").split("\0")) : [];
    } finally {
      await probe.close();
    }
  })();
  return playwrightFeaturesOff.then((theirs) => ({
    executablePath: CHROMIUM,
    headless: true,
    args:
      theirs.length === 0
        ? [...CHROMIUM_ARGS]
        : [...CHROMIUM_ARGS, `${FEATURES_OFF_SWITCH}${[...new Set([...theirs, ...IDLE_FEATURES_OFF])].join(",")}`],
  }));
}

function requireChromium(): void {
  if (!existsSync(CHROMIUM)) throw new Error(missingChromiumMessage(CHROMIUM));
}

/**
 * Headless chromium: the running one that CHROMIUM_ENDPOINT_VARIABLE names,
 * else a new one. Closing a connected browser closes only the contexts this
 * connection opened.
 */
export async function launchChromium(): Promise<Browser> {
  const endpoint = process.env[CHROMIUM_ENDPOINT_VARIABLE];
  if (endpoint) return chromium.connect(endpoint);
  requireChromium();
  return chromium.launch(await launchOptions());
}

/** A chromium other processes connect to, at its wsEndpoint(). */
export async function launchChromiumServer(): Promise<BrowserServer> {
  requireChromium();
  return chromium.launchServer(await launchOptions());
}
