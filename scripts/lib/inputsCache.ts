/**
 * Results kept in node_modules/.cache while the files they are computed from
 * stay the same: a hash of those files' paths and contents names each entry.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

/** A hash of every file under `inputs` (paths relative to `root`; missing ones left out), names and contents. */
export function inputsKey(root: string, inputs: readonly string[]): string {
  const hash = createHash("sha256");
  const add = (path: string): void => {
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) add(join(path, entry));
      return;
    }
    hash.update(relative(root, path)).update("\0").update(readFileSync(path)).update("\0");
  };
  for (const input of inputs) if (existsSync(join(root, input))) add(join(root, input));
  return hash.digest("hex");
}

/**
 * `compute()`'s JSON, kept under node_modules/.cache/`name`/ for the current
 * inputs and `entry` (several entries per inputs, e.g. one per day); entries
 * of earlier inputs are removed when a new one is written. Two processes
 * computing the same entry at once both write it whole.
 */
export function cachedByInputs<T>(
  root: string,
  name: string,
  inputs: readonly string[],
  entry: string,
  compute: () => T,
): T {
  const cache = join(root, "node_modules", ".cache", name);
  const folder = join(cache, inputsKey(root, inputs).slice(0, 32));
  const file = join(folder, `${createHash("sha256").update(entry).digest("hex").slice(0, 32)}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as T;
  const value = compute();
  if (existsSync(cache))
    for (const old of readdirSync(cache))
      if (join(cache, old) !== folder) rmSync(join(cache, old), { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(value));
  renameSync(temporary, file);
  return value;
}
