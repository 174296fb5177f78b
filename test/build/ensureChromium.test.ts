/**
 * What `npm test` does about chromium (scripts/lib/chromium.ts): nothing when
 * it is there; as root, install Debian's chromium with apt; otherwise stop
 * with the command to run. The apt call itself is not run here.
 */
import { describe, expect, it } from "@jest/globals";
import { chromiumAction, chromiumPath, DEFAULT_CHROMIUM, missingChromiumMessage } from "../../scripts/lib/chromium";

describe("chromium before the browser tests", () => {
  it("does nothing when chromium is there, root or not", () => {
    for (const isRoot of [true, false])
      expect(chromiumAction({ path: DEFAULT_CHROMIUM, exists: true, isRoot })).toEqual({ kind: "ready" });
    expect(chromiumAction({ path: "/opt/chrome/chrome", exists: true, isRoot: false })).toEqual({ kind: "ready" });
  });

  it("installs Debian's chromium with apt-get when root finds it missing", () => {
    expect(chromiumAction({ path: DEFAULT_CHROMIUM, exists: false, isRoot: true })).toEqual({
      kind: "install",
      commands: ["apt-get update", "apt-get install -y chromium"],
    });
  });

  it("stops with the command to run when anyone else finds it missing", () => {
    const action = chromiumAction({ path: DEFAULT_CHROMIUM, exists: false, isRoot: false });
    expect(action.kind).toBe("stop");
    const message = action.kind === "stop" ? action.message : "";
    expect(message).toContain(DEFAULT_CHROMIUM);
    expect(message).toContain("sudo apt-get install -y chromium");
    expect(message).toBe(missingChromiumMessage(DEFAULT_CHROMIUM));
  });

  it("stops, also as root, when CHROMIUM_PATH names a file that is not there: apt would not put it there", () => {
    const action = chromiumAction({ path: "/opt/chrome/chrome", exists: false, isRoot: true });
    expect(action).toEqual({ kind: "stop", message: expect.stringContaining("CHROMIUM_PATH is /opt/chrome/chrome") });
  });

  it("drives $CHROMIUM_PATH when set, Debian's chromium otherwise", () => {
    expect(chromiumPath({ CHROMIUM_PATH: "/opt/chrome/chrome" })).toBe("/opt/chrome/chrome");
    expect(chromiumPath({})).toBe(DEFAULT_CHROMIUM);
    expect(chromiumPath({ CHROMIUM_PATH: "" })).toBe(DEFAULT_CHROMIUM);
  });
});
