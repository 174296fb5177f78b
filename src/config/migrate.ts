/**
 * Older saved configs are brought to the current version before validation,
 * so a document built by an earlier add-on version keeps working.
 */
import { CONFIG_VERSION, DEFAULT_SPEED_BAND_MINUTES, MAX_REP_NAME, MAX_REPS } from "./schema";

type Migration = (config: Record<string, unknown>) => Record<string, unknown>;

/** The pace tolerance an SLA saved before it could be set gets: the method's default. */
export const DEFAULT_PACE_TOLERANCE = 0.9;

/** Lead sources an SLA gets unless it lists its own, in the workbook's language. */
export const DEFAULT_SOURCES = {
  en: ["Website", "Event", "Paid", "Referral", "Partner", "Other"],
  de: ["Website", "Veranstaltung", "Bezahlt", "Empfehlung", "Partner", "Sonstige"],
} as const;

/** The name a rep without a contact gets: "Rep 2" (its place in the list), in the workbook's language. */
export function placeholderRepName(language: unknown, place: number): string {
  return `${language === "de" ? "Mitarbeiter" : "Rep"} ${place}`;
}

/**
 * Version 3 counted the reps; version 4 names them. The sales contacts are the people the SLA already names for
 * sales (the lead log offered them as owners), so they become the reps, in their order, as many as were counted.
 * When there are fewer contacts than reps, placeholders ("Rep 3") keep the count, so the capacity check reads as
 * before; users rename them in the wizard. More than MAX_REPS become MAX_REPS: a list is what the wizard edits.
 */
export function repsFromCount(config: Record<string, unknown>, count: number): string[] {
  const wanted = Math.max(1, Math.min(MAX_REPS, Math.floor(count)));
  const reps: string[] = [];
  const taken = new Set<string>();
  const add = (name: string): void => {
    const key = name.toLowerCase();
    if (reps.length >= wanted || name === "" || name.length > MAX_REP_NAME || taken.has(key)) return;
    taken.add(key);
    reps.push(name);
  };
  const contacts = Array.isArray(config.contacts) ? config.contacts : [];
  for (const contact of contacts)
    if (isRecord(contact) && contact.party === "sales" && typeof contact.name === "string") add(contact.name.trim());
  for (let place = reps.length + 1; reps.length < wanted; place++) add(placeholderRepName(config.language, place));
  return reps;
}

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
  // Version 4 names the sales reps (see repsFromCount); a count that is not a number is left for validation to name.
  3: (config) => {
    const { sales } = config;
    if (!isRecord(sales) || typeof sales.reps !== "number" || !Number.isFinite(sales.reps)) return config;
    return { ...config, sales: { ...sales, reps: repsFromCount(config, sales.reps) } };
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
