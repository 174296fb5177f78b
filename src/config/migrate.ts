/**
 * Older saved configs are brought to the current version before validation,
 * so a document built by an earlier add-on version keeps working.
 */
import { CONFIG_VERSION } from "./schema";

type Migration = (config: Record<string, unknown>) => Record<string, unknown>;

/** MIGRATIONS[n] turns version n into version n + 1. Version 1 is the first. */
const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export function migrateConfig(saved: unknown): unknown {
  if (typeof saved !== "object" || saved === null) return saved;
  let config = saved as Record<string, unknown>;
  let version = typeof config.version === "number" ? config.version : 1;
  while (version < CONFIG_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) break;
    config = { ...step(config), version: version + 1 };
    version += 1;
  }
  return config;
}
