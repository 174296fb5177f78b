/**
 * Share with sales: adds the sales team as editors of this spreadsheet and
 * protects ranges so each team edits only its own columns and tabs, strictly
 * or with a warning only. Reports per address what happened.
 */
import { labelsFor } from "../workbook/labels";
import { planProtections, PROTECTION_PREFIX, type ProtectionPlan } from "../workbook/protections";
import { loadDocumentState } from "./documentState";
import { withDocumentLock } from "./lock";
import { findDocument } from "./find";
import { existingLeadLog } from "./buildSla";
import { matchTabs } from "../reconcile/tabs";
import { answerLanguage } from "./operationResult";
import { validateConfig } from "../config/validate";
import type { Language, Translations } from "../core/i18n";
import { parseAddresses } from "../config/addresses";

// The parser is pure and shared with the share dialog, which validates as the server does.
export { parseAddresses };

export interface ShareRequest {
  readonly emails: readonly string[];
  /** "strict": others cannot edit protected cells; "warning": they are warned first. */
  readonly mode: "strict" | "warning";
}

export type AddressOutcome = "added" | "alreadyEditor" | "invalid" | "failed";

export interface ShareResult {
  readonly ok: boolean;
  readonly message: string;
  readonly addresses: readonly { readonly email: string; readonly outcome: AddressOutcome; readonly detail: string }[];
  /** Plain words on what sales can and cannot edit. */
  readonly explanation: readonly string[];
}

const en = {
  added: "added as editor",
  already: "already an editor",
  invalid: "not an e-mail address",
  failed: "could not be added",
  noSla: "Build the SLA first: there is nothing to share yet.",
  noAddresses: "Enter at least one e-mail address.",
  busy: "Someone is building or changing this SLA right now. Wait a moment, then share again: nothing was changed.",
  done: (count: number) => `Shared with ${count} ${count === 1 ? "person" : "people"}; protections are set.`,
  explain: (mode: "strict" | "warning") => [
    "Sales can edit: the sales columns of the lead log (owner, first follow-up, attempts, connected, became customer, revenue, closed on), the requirements checklist, the total revenue and notes on month tabs, notes in the ledger, and the month picker of the follow-up report.",
    "Marketing (its contacts in the SLA) can also edit the marketing columns of the lead log (lead, company, tier, created, handed to sales, e-mail, lead ID).",
    "Nobody but you can edit goals, headers and calculated cells; change goals in the add-on.",
    mode === "strict"
      ? "Protection is strict: Sheets refuses edits outside these cells."
      : "Protection warns only: Sheets asks before an edit outside these cells, but allows it.",
  ],
};

const de: typeof en = {
  added: "als Bearbeiter hinzugefügt",
  already: "ist bereits Bearbeiter",
  invalid: "keine E-Mail-Adresse",
  failed: "konnte nicht hinzugefügt werden",
  noSla: "Erstellen Sie zuerst das SLA: Es gibt noch nichts zu teilen.",
  noAddresses: "Geben Sie mindestens eine E-Mail-Adresse ein.",
  busy: "Gerade erstellt oder ändert jemand dieses SLA. Warten Sie kurz und teilen Sie dann erneut: Es wurde nichts geändert.",
  done: (count: number) => `Mit ${count} ${count === 1 ? "Person" : "Personen"} geteilt; Schutz ist eingerichtet.`,
  explain: (mode: "strict" | "warning") => [
    "Der Vertrieb kann bearbeiten: die Vertriebsspalten im Lead-Protokoll (Verantwortlich, erster Kontakt, Versuche, erreicht, Kunde geworden, Umsatz, abgeschlossen am), die Checkliste der Anforderungen, Gesamtumsatz und Notizen in Monats-Tabs, Notizen im Protokoll sowie die Monatsauswahl im Bericht zur Nachverfolgung.",
    "Das Marketing (seine Kontakte im SLA) kann zusätzlich die Marketingspalten im Lead-Protokoll (Lead, Firma, Stufe, erstellt, übergeben, E-Mail, Lead-ID) bearbeiten.",
    "Ziele, Überschriften und berechnete Zellen können nur Sie bearbeiten; Ziele ändern Sie im Add-on.",
    mode === "strict"
      ? "Der Schutz ist streng: Sheets lehnt Änderungen außerhalb dieser Zellen ab."
      : "Der Schutz warnt nur: Sheets fragt vor einer Änderung außerhalb dieser Zellen, erlaubt sie aber.",
  ],
};

const WORDS: Translations<typeof en> = { en, de };

export function shareWords(language: Language) {
  return WORDS[language];
}

export function shareWithSales(request: ShareRequest): ShareResult {
  // Under the document lock, like a build: protections are never set while a build moves the cells they cover.
  const outcome = withDocumentLock(() => share(request));
  if (outcome.locked) return outcome.value;
  const words = WORDS[answerLanguage(loadDocumentState().config)];
  return { ok: false, message: words.busy, addresses: [], explanation: [] };
}

function share(request: ShareRequest): ShareResult {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const found = findDocument(spreadsheet);
  const document = found.document;
  const language = answerLanguage(document.config);
  const words = WORDS[language];
  const mode = request?.mode === "warning" ? "warning" : "strict";
  const checked = validateConfig(document.config, language);
  // The add-on's tabs are the ones with its metadata, whatever the stored state says.
  const ours = found.snapshot.tabs.filter((tab) => tab.record !== undefined);
  const matches = matchTabs(
    ours.map((tab) => ({ key: tab.record!.key, name: tab.name })),
    found.snapshot,
    found.snapshot.state?.layout,
  ).matches.filter((match) => match.tab !== undefined);
  if (matches.length === 0 || !checked.ok) return { ok: false, message: words.noSla, addresses: [], explanation: [] };
  const { valid, invalid } = parseAddresses(Array.isArray(request?.emails) ? request.emails : []);
  const addresses: { email: string; outcome: AddressOutcome; detail: string }[] = invalid.map((email) => ({
    email,
    outcome: "invalid",
    detail: words.invalid,
  }));
  if (valid.length === 0) return { ok: false, message: words.noAddresses, addresses, explanation: [] };

  const editors = new Set(spreadsheet.getEditors().map((user) => user.getEmail().toLowerCase()));
  for (const email of valid) {
    if (editors.has(email)) {
      addresses.push({ email, outcome: "alreadyEditor", detail: words.already });
      continue;
    }
    try {
      spreadsheet.addEditor(email);
      addresses.push({ email, outcome: "added", detail: words.added });
    } catch (error) {
      addresses.push({
        email,
        outcome: "failed",
        detail: `${words.failed}: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }

  const sheetKeys = matches.map((match) => match.key);
  const inputs = Object.fromEntries(matches.map((match) => [match.key, Object.values(match.stored?.inputs ?? {})]));
  const leads = existingLeadLog(found, labelsFor(checked.config.language).sheets.leads);
  const plans = planProtections(sheetKeys, inputs, Math.max(leads.leadsMaxRows, 2), leads.leadColumns);
  const marketing = checked.config.contacts
    .filter((contact) => contact.party === "marketing")
    .map((contact) => contact.email.toLowerCase());
  const sheetsByKey = new Map(matches.map((match) => [match.key, found.sheets.byId(match.tab!.id)]));
  applyProtections(sheetsByKey, plans, mode, marketing);
  const added = addresses.filter((entry) => entry.outcome === "added" || entry.outcome === "alreadyEditor").length;
  return { ok: added > 0, message: words.done(added), addresses, explanation: [...words.explain(mode)] };
}

function applyProtections(
  sheets: ReadonlyMap<string, GoogleAppsScript.Spreadsheet.Sheet | undefined>,
  plans: readonly ProtectionPlan[],
  mode: "strict" | "warning",
  marketing: readonly string[],
): void {
  const me = Session.getEffectiveUser().getEmail();
  for (const sheetKey of new Set(plans.map((plan) => plan.sheetKey))) {
    const sheet = sheets.get(sheetKey);
    if (!sheet) continue;
    // Ours are replaced; protections users set themselves stay.
    let usersSheetProtection = false;
    for (const type of [SpreadsheetApp.ProtectionType.SHEET, SpreadsheetApp.ProtectionType.RANGE]) {
      for (const protection of sheet.getProtections(type)) {
        if (protection.getDescription().startsWith(PROTECTION_PREFIX)) protection.remove();
        else if (type === SpreadsheetApp.ProtectionType.SHEET) usersSheetProtection = true;
      }
    }
    for (const plan of plans.filter((item) => item.sheetKey === sheetKey)) {
      // A sheet has one sheet protection, and protect() hands back an existing one: a user's own stays theirs.
      if (plan.range === "sheet" && usersSheetProtection) continue;
      const protection = plan.range === "sheet" ? sheet.protect() : sheet.getRange(plan.range).protect();
      protection.setDescription(plan.description);
      if (plan.unprotected.length > 0)
        protection.setUnprotectedRanges(plan.unprotected.map((range) => sheet.getRange(range)));
      if (mode === "warning") {
        protection.setWarningOnly(true);
        continue;
      }
      // Until the editor list changes, a protection mirrors the file's editors (platform facts §3).
      protection.addEditor(me);
      const others = protection.getEditors().filter((user) => user.getEmail() !== me);
      if (others.length > 0) protection.removeEditors(others.map((user) => user.getEmail()));
      if (plan.editors === "marketing" && marketing.length > 0) protection.addEditors([...marketing]);
      try {
        if (protection.canDomainEdit()) protection.setDomainEdit(false);
      } catch {
        // Files of consumer (gmail.com) accounts have no domain to restrict (platform facts §3).
      }
    }
  }
}
