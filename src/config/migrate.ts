/**
 * Older saved configs are brought to the current version before validation,
 * so a document built by an earlier add-on version keeps working.
 */
import { CONFIG_VERSION, DEFAULT_SPEED_BAND_MINUTES } from "./schema";

type Migration = (config: Record<string, unknown>) => Record<string, unknown>;

/** The pace tolerance an SLA saved before it could be set gets: the method's default. */
export const DEFAULT_PACE_TOLERANCE = 0.9;

/** Lead sources an SLA gets unless it lists its own, in the workbook's language. */
export const DEFAULT_SOURCES = {
  en: ["Website", "Event", "Paid", "Referral", "Partner", "Other"],
  de: ["Website", "Veranstaltung", "Bezahlt", "Empfehlung", "Partner", "Sonstige"],
} as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** MIGRATIONS[n] turns version n into version n + 1. Version 1 is the first. */
const MIGRATIONS: Readonly<Record<number, Migration>> = {
  // Version 2 sets the pace tolerance (at risk from it, behind below it); a version 1 SLA gets the method's 90 %.
  1: (config) => {
    const marketing = config.marketing;
    if (typeof marketing !== "object" || marketing === null || Array.isArray(marketing)) return config;
    return "paceTolerance" in marketing
      ? config
      : { ...config, marketing: { ...marketing, paceTolerance: DEFAULT_PACE_TOLERANCE } };
  },
  // Version 3 lists lead sources (the log's Source column) and the speed-to-lead band edges; tiers may set their
  // own follow-up goal, which version 2 tiers leave out (the SLA's goal applies), so they need nothing.
  2: (config) => {
    const { marketing, sales } = config;
    if (!isRecord(marketing) || !isRecord(sales)) return config;
    const sources = DEFAULT_SOURCES[config.language === "de" ? "de" : "en"];
    return {
      ...config,
      marketing: "sources" in marketing ? marketing : { ...marketing, sources: [...sources] },
      sales: "speedBandMinutes" in sales ? sales : { ...sales, speedBandMinutes: [...DEFAULT_SPEED_BAND_MINUTES] },
    };
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
