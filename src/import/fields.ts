/**
 * What an import can fill in: the lead log's marketing columns, and which
 * CRM export headers map to each. Pure; the import dialog and the server
 * both use it.
 */
import type { LeadColumnKey } from "../workbook/leadColumns";

/** Log columns an import writes, in the order the dialog lists them. */
export const IMPORT_FIELDS = [
  "lead",
  "company",
  "tier",
  "created",
  "handedOff",
  "email",
  "crmId",
] as const satisfies readonly LeadColumnKey[];
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const DATE_FIELDS: readonly ImportField[] = ["created", "handedOff"];

/** Fields several file columns may feed, joined by a space (First Name + Last Name → Lead). */
export const JOINED_FIELDS: readonly ImportField[] = ["lead", "company"];

/** What maps to nothing: the column is not imported. */
export type Mapping = readonly (ImportField | null)[];

/** Header text compared without case, spaces or punctuation ("E-Mail-Adresse" → "emailadresse"). */
export function headerKey(text: string): string {
  return text
    .normalize("NFC")
    .toLocaleLowerCase("en")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/*
 * Known export headers, compared by headerKey.
 * - HubSpot contacts export (Contacts ▸ Export, "Properties in view"), English UI: Record ID, First Name, Last Name,
 *   Email, Company Name, Create Date, Became a Sales Qualified Lead Date; older portals export "Contact ID" and
 *   "Company". Property labels as listed in HubSpot's knowledge base on import files and default contact properties
 *   (knowledge.hubspot.com, "Set up your import files", "HubSpot's default contact properties").
 * - HubSpot, German UI: Datensatz-ID, Vorname, Nachname, E-Mail, Name des Unternehmens, Erstellungsdatum,
 *   "Wurde zu Sales Qualified Lead am" (German labels of the same properties; from the German UI, not checked
 *   against a live export).
 * - Salesforce leads (report or Data Loader export), English: Lead ID, First Name, Last Name, Full Name / Name,
 *   Company, Email, Created Date (reports label it "Create Date"), Last Transfer Date. Field labels as in
 *   Salesforce's field reference for Lead (developer.salesforce.com, sfFieldRef, "Lead").
 * - Salesforce, German: Lead-ID, Vorname, Nachname, Vollständiger Name, Firma, E-Mail, Erstellt am / Erstellungsdatum,
 *   Datum der letzten Übertragung (German field labels; not checked against a live export).
 * - Generic fallback: Name, Company, Created, Handed off, Email, ID, and the log's own headers in both languages.
 */
const KNOWN: Readonly<Record<ImportField, readonly string[]>> = {
  lead: [
    "Lead",
    "Name",
    "Full Name",
    "First Name",
    "Last Name",
    "Contact",
    "Contact Name",
    "Lead Name",
    "Vorname",
    "Nachname",
    "Vollständiger Name",
    "Kontakt",
    "Kontaktname",
  ],
  company: [
    "Company",
    "Company Name",
    "Company / Account",
    "Account",
    "Account Name",
    "Organization",
    "Firma",
    "Unternehmen",
    "Name des Unternehmens",
    "Unternehmensname",
    "Firmenname",
  ],
  tier: ["Tier", "Lead Tier", "Stufe", "Lead-Stufe"],
  created: [
    "Created",
    "Create Date",
    "Created Date",
    "Created On",
    "Date Created",
    "Erstellt",
    "Erstellt am",
    "Erstellungsdatum",
    "Erstelldatum",
  ],
  handedOff: [
    "Handed to sales",
    "Handed off",
    "Hand-off",
    "Hand-off Date",
    "Handoff Date",
    "Became a Sales Qualified Lead Date",
    "Last Transfer Date",
    "An Vertrieb übergeben",
    "Übergeben",
    "Übergeben am",
    "Übergabe",
    "Wurde zu Sales Qualified Lead am",
    "Datum der letzten Übertragung",
  ],
  email: ["Email", "E-mail", "Email Address", "E-mail address", "E-Mail-Adresse", "Mail"],
  crmId: ["Lead ID", "Record ID", "Contact ID", "ID", "CRM ID", "Datensatz-ID", "Lead-ID", "Kontakt-ID", "CRM-ID"],
};

/** Parts of a name: left out when the file also has the whole name. */
const NAME_PARTS = new Set(["First Name", "Last Name", "Vorname", "Nachname"].map(headerKey));

const BY_KEY: ReadonlyMap<string, ImportField> = new Map(
  IMPORT_FIELDS.flatMap((field) => KNOWN[field].map((header) => [headerKey(header), field] as const)),
);

/** The field a header is known as, if any. */
export function fieldOfHeader(header: string): ImportField | null {
  return BY_KEY.get(headerKey(header)) ?? null;
}

/**
 * Maps each file column by its header. A field that takes one column
 * (dates, e-mail, ID, tier) goes to the first column known as it; the lead's
 * name and the company may join several (first and last name), unless the
 * file also has the whole name (Salesforce exports may have all three).
 * @example guessMapping(["Record ID", "First Name", "Last Name"]) // ["crmId", "lead", "lead"]
 */
export function guessMapping(header: readonly string[]): (ImportField | null)[] {
  const taken = new Set<ImportField>();
  const wholeName = header.some((text) => fieldOfHeader(text) === "lead" && !NAME_PARTS.has(headerKey(text)));
  return header.map((text) => {
    const field = fieldOfHeader(text);
    if (!field || (wholeName && NAME_PARTS.has(headerKey(text)))) return null;
    if (taken.has(field) && !JOINED_FIELDS.includes(field)) return null;
    taken.add(field);
    return field;
  });
}

export type MappingProblem =
  | { readonly kind: "noLead" }
  | { readonly kind: "noKey" }
  | { readonly kind: "twice"; readonly field: ImportField; readonly columns: readonly number[] };

/** What stops an import with this mapping: no name, neither e-mail nor ID, or a one-column field on two columns. */
export function mappingProblems(mapping: Mapping): MappingProblem[] {
  const problems: MappingProblem[] = [];
  if (!mapping.includes("lead")) problems.push({ kind: "noLead" });
  if (!mapping.includes("email") && !mapping.includes("crmId")) problems.push({ kind: "noKey" });
  for (const field of IMPORT_FIELDS) {
    if (JOINED_FIELDS.includes(field)) continue;
    const columns = mapping.flatMap((mapped, index) => (mapped === field ? [index] : []));
    if (columns.length > 1) problems.push({ kind: "twice", field, columns });
  }
  return problems;
}
