/**
 * The share dialog's controller: checks the typed addresses as the server
 * will (src/config/addresses.ts), shares through the typed wrapper, and shows
 * the server's per-address report and its explanation of who edits what.
 * Every text, typed or answered, goes in as text (design decision 8).
 */
import { parseAddresses, type ParsedAddresses } from "../../src/config/addresses";
import { type Language, languageOf } from "../../src/core/i18n";
import type { ShareResult } from "../../src/gas/shareWithSales";
import { LiveRegion } from "../common/announce";
import { type Child, append, button, clear, h } from "../wizard/dom";
import { call, closeSidebar } from "../wizard/serverClient";
import { type Strings, stringsFor } from "./strings";

export type ShareMode = "strict" | "warning";

type Outcome =
  | { readonly kind: "answer"; readonly answer: ShareResult }
  | { readonly kind: "unreachable"; readonly message: string };

/** Where focus goes after a render. */
type Focus = "keep" | "result" | "none";

/** The sales contacts' addresses in a saved config, if it has any. */
export function salesAddresses(config: unknown): string[] {
  const contacts =
    typeof config === "object" && config !== null ? (config as { contacts?: unknown }).contacts : undefined;
  if (!Array.isArray(contacts)) return [];
  return contacts
    .filter(
      (contact): contact is { email: string; party: string } =>
        typeof contact === "object" &&
        contact !== null &&
        (contact as { party?: unknown }).party === "sales" &&
        typeof (contact as { email?: unknown }).email === "string",
    )
    .map((contact) => contact.email.trim())
    .filter((email) => email !== "");
}

export class ShareDialog {
  lang: Language;
  /** Undefined until the server said whether this spreadsheet has an SLA. */
  private hasSla: boolean | undefined;
  private loading = true;
  private salesContacts: string[] = [];
  private text = "";
  private mode: ShareMode = "strict";
  /** Set once Share was clicked with nothing to share: the check then says so. */
  private tried = false;
  private sharing = false;
  private outcome: Outcome | undefined;
  private readonly view: HTMLElement;
  private readonly speaker: LiveRegion;

  constructor(private readonly root: HTMLElement) {
    this.lang = languageOf(typeof navigator === "undefined" ? "en" : navigator.language);
    clear(root);
    this.view = h("div.sh-view", {});
    this.speaker = new LiveRegion("share-live");
    append(root, this.view, this.speaker.element);
  }

  get t(): Strings {
    return stringsFor(this.lang);
  }

  async start(): Promise<void> {
    this.render("none");
    this.root.removeAttribute("aria-busy");
    try {
      const state = await call("getWizardState");
      this.lang = state.language === "de" ? "de" : "en";
      this.hasSla = state.hasSla;
      this.salesContacts = state.hasSla ? salesAddresses(state.config) : [];
    } catch {
      // Not known: the server checks again when Share is clicked, and says so in its answer.
    }
    this.loading = false;
    this.render("keep");
    document.body.setAttribute("data-ready", "true");
  }

  // ------------------------------------------------------------ editing

  private edited(value: string): void {
    this.text = value;
    this.updateCheck();
    this.updateInsert();
  }

  private insertContacts(): void {
    const missing = this.missingContacts();
    if (missing.length === 0) return;
    const separator = this.text.trim() === "" ? "" : "\n";
    this.text = `${this.text.replace(/\s+$/, "")}${separator}${missing.join("\n")}`;
    const field = document.getElementById("share-emails") as HTMLTextAreaElement | null;
    if (field) {
      field.value = this.text;
      field.focus();
    }
    this.updateCheck();
    this.updateInsert();
  }

  private missingContacts(): string[] {
    const typed = new Set(parseAddresses([this.text]).valid);
    return parseAddresses(this.salesContacts).valid.filter((email) => !typed.has(email));
  }

  // ------------------------------------------------------------ sharing

  private async share(): Promise<void> {
    if (this.sharing) return;
    const parsed = parseAddresses([this.text]);
    if (parsed.valid.length === 0) {
      this.tried = true;
      this.updateCheck();
      document.getElementById("share-emails")?.focus();
      this.speaker.announce(this.t.needOne);
      return;
    }
    this.sharing = true;
    this.outcome = undefined;
    this.render("result");
    this.speaker.announce(this.t.sharingStatus);
    let outcome: Outcome;
    try {
      outcome = {
        kind: "answer",
        answer: await call("shareWithSales", { emails: this.text.split(/\r?\n/), mode: this.mode }),
      };
    } catch (error) {
      outcome = { kind: "unreachable", message: error instanceof Error ? error.message : String(error) };
    }
    this.sharing = false;
    this.outcome = outcome;
    this.render("result");
    this.speaker.announce(
      outcome.kind === "answer" ? outcome.answer.message : this.t.serverUnreachable(outcome.message),
    );
  }

  // ------------------------------------------------------------ rendering

  render(focus: Focus): void {
    const t = this.t;
    const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const activeId = active?.id ?? "";
    const selection =
      active instanceof HTMLTextAreaElement ? ([active.selectionStart, active.selectionEnd] as const) : undefined;
    document.documentElement.lang = this.lang;
    document.title = t.title;
    clear(this.view);

    const notice = this.loading
      ? h(
          "p.sh-notice.sh-loading",
          { id: "share-notice", attrs: { role: "status" } },
          h("span.sla-spinner", { attrs: { "aria-hidden": "true" } }),
          t.loading,
        )
      : this.hasSla === false
        ? h("p.sh-notice.sh-warning", { id: "share-notice", attrs: { role: "alert" }, text: t.noSla })
        : null;

    const textarea = h("textarea.sh-control", {
      id: "share-emails",
      attrs: {
        rows: 4,
        spellcheck: "false",
        autocomplete: "off",
        "aria-describedby": "share-emails-hint share-check",
        disabled: this.sharing,
      },
      on: { input: (event) => this.edited((event.target as HTMLTextAreaElement).value) },
    });
    textarea.value = this.text;
    const field = h(
      "div.sh-field",
      {},
      h("label", { attrs: { for: "share-emails" }, text: t.addressesLabel }),
      h("p.sh-hint", { id: "share-emails-hint", text: t.addressesHint }),
      textarea,
      h("div.sh-insert", { id: "share-insert-row" }),
      h("div.sh-check", { id: "share-check", attrs: { "aria-live": "polite" } }),
    );

    const choice = (mode: ShareMode, label: string, hint: string): HTMLElement =>
      h(
        "div.sh-choice",
        {},
        h("input", {
          id: `share-mode-${mode}`,
          attrs: {
            type: "radio",
            name: "share-mode",
            value: mode,
            checked: this.mode === mode,
            disabled: this.sharing,
            "aria-describedby": `share-mode-${mode}-hint`,
          },
          on: { change: () => (this.mode = mode) },
        }),
        h(
          "label",
          { attrs: { for: `share-mode-${mode}` } },
          h("span.sh-choice-label", { text: label }),
          h("span.sh-hint", { id: `share-mode-${mode}-hint`, text: hint }),
        ),
      );
    const modes = h(
      "fieldset.sh-group",
      {},
      h("legend", { text: t.modeLegend }),
      choice("strict", t.strict, t.strictHint),
      choice("warning", t.warning, t.warningHint),
    );

    const main = h(
      "main.sh-main",
      { id: "share-main", attrs: { "aria-busy": this.sharing ? "true" : "false" } },
      h("p.sh-intro.secondary", { text: t.intro }),
      notice,
      field,
      modes,
      this.resultNodes(),
    );

    const answered = this.outcome?.kind === "answer" && this.outcome.answer.ok;
    const submit = h(
      "button.action.sh-submit",
      {
        id: "share-submit",
        attrs: {
          type: "button",
          disabled: this.sharing || this.hasSla === false,
          "aria-describedby": this.sharing ? "share-status" : undefined,
        },
        on: { click: () => void this.share() },
      },
      this.sharing ? h("span.sla-spinner.sla-spinner-light", { attrs: { "aria-hidden": "true" } }) : null,
      this.sharing ? t.sharing : answered ? t.shareAgain : t.share,
    );
    const nav = h(
      "div.dialog-nav",
      {},
      button(t.close, () => closeSidebar(), "", { id: "share-close" }),
      submit,
    );
    append(this.view, main, nav);
    this.updateInsert();
    this.updateCheck();

    if (focus === "result") {
      const result = document.getElementById("share-result");
      if (result) {
        result.focus();
        result.scrollIntoView({ block: "nearest" });
      }
    } else if (focus === "keep" && activeId) {
      const again = document.getElementById(activeId);
      if (again && !(again as HTMLButtonElement).disabled) {
        again.focus();
        if (selection && again instanceof HTMLTextAreaElement) again.setSelectionRange(selection[0], selection[1]);
      }
    }
  }

  /** The link that fills in the SLA's sales contacts, while some are not typed yet. */
  private updateInsert(): void {
    const row = document.getElementById("share-insert-row");
    if (!row) return;
    clear(row);
    const missing = this.missingContacts();
    if (missing.length === 0 || this.sharing) return;
    append(
      row,
      button(this.t.insertContacts(missing.length), () => this.insertContacts(), "sh-link-button", {
        id: "share-insert",
      }),
    );
  }

  /** What the server will make of the typed text, shown as it is typed. */
  private updateCheck(): void {
    const box = document.getElementById("share-check");
    const field = document.getElementById("share-emails");
    if (!box || !field) return;
    const parsed: ParsedAddresses = parseAddresses([this.text]);
    const t = this.t;
    clear(box);
    const nothing = parsed.valid.length === 0 && this.tried;
    append(
      box,
      parsed.valid.length > 0 ? h("p.sh-ready", { id: "share-ready", text: t.ready(parsed.valid.length) }) : null,
      nothing ? h("p.sh-error", { id: "share-need-one", text: t.needOne }) : null,
      parsed.invalid.length > 0
        ? h(
            "div.sh-error",
            { id: "share-invalid" },
            h("p", { text: t.invalidTitle(parsed.invalid.length) }),
            h("ul", {}, ...parsed.invalid.map((entry) => h("li", { text: entry }))),
          )
        : null,
      parsed.duplicates.length > 0
        ? h(
            "div.sh-duplicates",
            { id: "share-duplicates" },
            h("p", { text: t.duplicatesTitle }),
            h("ul", {}, ...parsed.duplicates.map((entry) => h("li", { text: entry }))),
          )
        : null,
    );
    field.setAttribute("aria-invalid", parsed.invalid.length > 0 || nothing ? "true" : "false");
  }

  private resultNodes(): Child {
    const t = this.t;
    if (this.sharing) {
      return h(
        "div.sh-result.sh-result-busy",
        { id: "share-result", attrs: { tabindex: "-1", role: "status" } },
        h("span.sla-spinner", { attrs: { "aria-hidden": "true" } }),
        h("span", { id: "share-status", text: t.sharingStatus }),
      );
    }
    const outcome = this.outcome;
    if (!outcome) return null;
    if (outcome.kind === "unreachable") {
      return h(
        "div.sh-result.sh-result-failure",
        { id: "share-result", attrs: { tabindex: "-1" } },
        h("p.sh-result-title", { text: t.notShared }),
        h("p", { id: "share-message", text: t.serverUnreachable(outcome.message) }),
      );
    }
    const answer = outcome.answer;
    const addresses: ShareResult["addresses"] = Array.isArray(answer.addresses) ? answer.addresses : [];
    const explanation: ShareResult["explanation"] = Array.isArray(answer.explanation) ? answer.explanation : [];
    return h(
      `div.sh-result.${answer.ok ? "sh-result-success" : "sh-result-failure"}`,
      { id: "share-result", attrs: { tabindex: "-1" } },
      h("p.sh-result-title", { text: answer.ok ? t.shared : t.notShared }),
      h("p", { id: "share-message", text: String(answer.message ?? "") }),
      addresses.length > 0
        ? h(
            "ul.sh-report",
            { id: "share-report", attrs: { "aria-label": t.reportLabel } },
            ...addresses.map((entry) => {
              const known = Object.hasOwn(t.outcome, entry.outcome);
              return h(
                `li.sh-row.sh-${known ? entry.outcome : "failed"}`,
                { attrs: { "data-outcome": known ? entry.outcome : "failed" } },
                h("span.sh-badge", { text: known ? t.outcome[entry.outcome] : t.outcome.failed }),
                h("span.sh-email", { text: String(entry.email ?? "") }),
                entry.outcome === "failed" || !known ? h("span.sh-detail", { text: String(entry.detail ?? "") }) : null,
              );
            }),
          )
        : null,
      explanation.length > 0
        ? h(
            "div.sh-explanation",
            {},
            h("h3", { text: t.explanationTitle }),
            h("ul", { id: "share-explanation" }, ...explanation.map((line) => h("li", { text: String(line) }))),
          )
        : null,
    );
  }
}
