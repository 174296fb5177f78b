/**
 * Older saved configs are brought to the current version before validation,
 * so a document built by an earlier add-on version keeps working.
 */
import { CONFIG_VERSION } from "./schema";

type Migration = (config: Record<string, unknown>) => Record<string, unknown>;

/** The pace tolerance an SLA saved before it could be set gets: the method's default. */
export const DEFAULT_PACE_TOLERANCE = 0.9;

/** MIGRATIONS[n] turns version n into version n + 1. Version 1 is the first. */
const MIGRATIONS: Readonly<Record<number, Migration>> = {
  // Version 2 sets the pace tolerance (at risk from it, behind below it); older SLAs get the method's 90 %.
  1: (config) => {
    const marketing = config.marketing;
    if (typeof marketing !== "object" || marketing === null || Array.isArray(marketing)) return config;
    return "paceTolerance" in marketing ? config : { ...config, marketing: { ...marketing, paceTolerance: DEFAULT_PACE_TOLERANCE } };
  },
};

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
