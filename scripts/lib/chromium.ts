/**
 * Where the browser tests and screenshots find chromium, and what `npm test`
 * does when it is missing: Debian's chromium is installed by apt, which only
 * root may run, so as root the tests install it and go on, and otherwise
 * they stop at once with the command to run.
 */
export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

/** The chromium to drive: $CHROMIUM_PATH, or Debian's. */
export function chromiumPath(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
}

export const INSTALL_COMMANDS = ["apt-get update", "apt-get install -y chromium"] as const;

export interface ChromiumSituation {
  /** The chromium path (chromiumPath()). */
  readonly path: string;
  /** Whether a file is there. */
  readonly exists: boolean;
  /** Whether this process runs as root (may run apt-get). */
  readonly isRoot: boolean;
}

export type ChromiumAction =
  | { readonly kind: "ready" }
  | { readonly kind: "install"; readonly commands: readonly string[] }
  | { readonly kind: "stop"; readonly message: string };

/** What to do before the browser tests run. */
export function chromiumAction(situation: ChromiumSituation): ChromiumAction {
  if (situation.exists) return { kind: "ready" };
  if (situation.path !== DEFAULT_CHROMIUM)
    return {
      kind: "stop",
      message:
        `CHROMIUM_PATH is ${situation.path}, and there is no file there: point CHROMIUM_PATH at a chromium ` +
        `binary, or unset it to use Debian's (${DEFAULT_CHROMIUM}).`,
    };
  if (situation.isRoot) return { kind: "install", commands: INSTALL_COMMANDS };
  return { kind: "stop", message: missingChromiumMessage(situation.path) };
}

/** Names the command that installs chromium; for a test or a script that finds it missing. */
export function missingChromiumMessage(path: string = chromiumPath()): string {
  return (
    `${path} is missing; the browser tests drive Debian's chromium. Install it with: ` +
    `sudo apt-get update && sudo apt-get install -y chromium`
  );
}
