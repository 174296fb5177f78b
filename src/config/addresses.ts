/**
 * E-mail addresses typed or pasted for sharing: one pure parser that the
 * server (src/gas/shareWithSales.ts) and the share dialog (sidebar/share)
 * both use, so the page shows exactly what the server will do.
 */

/** Something@domain.tld, without spaces, separators, quotes or angle brackets. */
export const EMAIL = /^[^\s@,;<>"']+@[^\s@,;<>"']+\.[^\s@,;<>"']{2,}$/;

export interface ParsedAddresses {
  /** Distinct valid addresses, lower-cased, in the order typed. */
  readonly valid: string[];
  /** Distinct entries that are not e-mail addresses, lower-cased, in the order typed. */
  readonly invalid: string[];
  /** Entries typed more than once (each listed once): they count only once. */
  readonly duplicates: string[];
}

/** `Ada Lovelace <ada@example.com>`, as mail programs copy an address: the part in angle brackets. */
const NAMED = /<([^<>\s]+@[^<>\s]+)>/g;

/**
 * Cleans the typed addresses: split on commas, semicolons and lines (and
 * spaces), trimmed, lower-cased, duplicates dropped. An entry written
 * `Name <address>` counts as its address.
 */
export function parseAddresses(emails: readonly unknown[]): ParsedAddresses {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const entry of emails) {
    for (const item of String(entry ?? "").split(/[,;\r\n]+/)) {
      const named = Array.from(item.matchAll(NAMED), (match) => match[1] ?? "");
      const parts = named.length > 0 ? named : item.split(/\s+/);
      for (const part of parts) {
        const email = part.trim().replace(/^<|>$/g, "").toLowerCase();
        if (email === "") continue;
        if (seen.has(email)) {
          repeated.add(email);
          continue;
        }
        seen.add(email);
        (EMAIL.test(email) ? valid : invalid).push(email);
      }
    }
  }
  return { valid, invalid, duplicates: [...repeated] };
}
