/** cachedByInputs: computed once per inputs and entry, again when an input file changes, old entries removed. */
import { describe, expect, it } from "@jest/globals";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cachedByInputs, inputsKey } from "../../scripts/lib/inputsCache";

describe("cachedByInputs", () => {
  it("computes an entry once, again after an input changes, and drops the entries of old inputs", () => {
    const root = mkdtempSync(join(tmpdir(), "sla-inputs-cache-"));
    try {
      mkdirSync(join(root, "src"));
      writeFileSync(join(root, "src", "a.ts"), "one");
      let computed = 0;
      const value = (entry: string) =>
        cachedByInputs(root, "test", ["src", "missing"], entry, () => ({ entry, computed: ++computed }));
      expect(value("x")).toEqual({ entry: "x", computed: 1 });
      expect(value("x")).toEqual({ entry: "x", computed: 1 });
      expect(value("y")).toEqual({ entry: "y", computed: 2 });
      const cache = join(root, "node_modules", ".cache", "test");
      expect(readdirSync(cache)).toHaveLength(1);
      const before = inputsKey(root, ["src"]);
      writeFileSync(join(root, "src", "a.ts"), "two");
      expect(inputsKey(root, ["src"])).not.toBe(before);
      expect(value("x")).toEqual({ entry: "x", computed: 3 });
      expect(readdirSync(cache)).toHaveLength(1);
      // A new file counts too, and so does a renamed one.
      writeFileSync(join(root, "src", "b.ts"), "two");
      expect(value("x")).toEqual({ entry: "x", computed: 4 });
      expect(existsSync(join(cache, readdirSync(cache)[0]!))).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
