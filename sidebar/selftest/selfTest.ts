/**
 * The self-test dialog's controller: runs the self-test on the server as soon
 * as it opens (the menu item said "Run"), then shows what was compared, what
 * was skipped and why, and every listed difference, and copies the server's
 * plain-text report. Every text goes in as text (design decision 8).
 */
import { type Language, languageOf } from "../../src/core/i18n";
import type { SelfTestResult } from "../../src/gas/selfTest";
import { LiveRegion } from "../common/announce";
import { type Child, append, button, clear, h } from "../wizard/dom";
import { call, closeSidebar } from "../wizard/serverClient";
import { type Strings, stringsFor } from "./strings";

type Outcome =
  | { readonly kind: "running" }
  | { readonly kind: "answer"; readonly answer: SelfTestResult }
  | { readonly kind: "unreachable"; readonly message: string };

export class SelfTestDialog {
  lang: Language;
  private outcome: Outcome = { kind: "running" };
  private copyState: "idle" | "copied" | "failed" = "idle";
  private readonly view: HTMLElement;
  private readonly speaker: LiveRegion;

  constructor(private readonly root: HTMLElement) {
    this.lang = languageOf(typeof navigator === "undefined" ? "en" : navigator.language);
    clear(root);
    this.view = h("div.st-view", {});
    this.speaker = new LiveRegion("selftest-live");
    append(root, this.view, this.speaker.element);
  }

  get t(): Strings {
    return stringsFor(this.lang);
  }

  async start(): Promise<void> {
    this.render();
    this.root.removeAttribute("aria-busy");
    let outcome: Outcome;
    try {
      outcome = { kind: "answer", answer: await call("runSelfTest") };
    } catch (error) {
      outcome = { kind: "unreachable", message: error instanceof Error ? error.message : String(error) };
    }
    if (outcome.kind === "answer" && (outcome.answer.language === "de" || outcome.answer.language === "en"))
      this.lang = outcome.answer.language;
    this.outcome = outcome;
    this.render();
    this.speaker.announce(this.headline());
    document.getElementById("selftest-result")?.focus();
    document.body.setAttribute("data-ready", "true");
  }

  private headline(): string {
    const outcome = this.outcome;
    const t = this.t;
    if (outcome.kind === "running") return t.running;
    if (outcome.kind === "unreachable") return t.unreachable(outcome.message);
    if (!outcome.answer.ok) return outcome.answer.message;
    const count = outcome.answer.report.differenceCount;
    return count === 0 ? t.passed : t.failed(count);
  }

  private async copy(text: string): Promise<void> {
    let copied = false;
    try {
      await navigator.clipboard.writeText(text);
      copied = true;
    } catch {
      // Dialogs in Sheets may not get the clipboard API: select the text and ask for Ctrl+C.
    }
    this.copyState = copied ? "copied" : "failed";
    this.render();
    const area = document.getElementById("selftest-text") as HTMLTextAreaElement | null;
    if (!copied && area) {
      area.focus();
      area.select();
    } else document.getElementById("selftest-copy")?.focus();
    this.speaker.announce(copied ? this.t.copied : this.t.copyFailed);
  }

  render(): void {
    const t = this.t;
    document.documentElement.lang = this.lang;
    document.title = t.title;
    clear(this.view);
    const outcome = this.outcome;
    const text = outcome.kind === "answer" && outcome.answer.ok ? outcome.answer.text : undefined;
    const main = h(
      "main.st-main",
      { id: "selftest-main", attrs: { "aria-busy": outcome.kind === "running" ? "true" : "false" } },
      h("p.st-intro.secondary", { text: t.intro }),
      this.resultNodes(),
    );
    const copyButton =
      text === undefined
        ? null
        : h("button.action", {
            id: "selftest-copy",
            attrs: { type: "button" },
            text: t.copy,
            on: { click: () => void this.copy(text) },
          });
    const nav = h(
      "div.dialog-nav",
      {},
      button(t.close, () => closeSidebar(), "", { id: "selftest-close" }),
      copyButton,
    );
    append(this.view, main, nav);
  }

  private resultNodes(): Child {
    const t = this.t;
    const outcome = this.outcome;
    if (outcome.kind === "running") {
      return h(
        "div.st-result.st-busy",
        { id: "selftest-result", attrs: { tabindex: "-1", role: "status" } },
        h("span.sla-spinner", { attrs: { "aria-hidden": "true" } }),
        h("span", { text: t.running }),
      );
    }
    const answer = outcome.kind === "answer" ? outcome.answer : undefined;
    if (!answer?.ok) {
      const message = answer
        ? String(answer.message ?? "")
        : t.unreachable(outcome.kind === "unreachable" ? outcome.message : "");
      return h(
        "div.st-result.st-failure",
        { id: "selftest-result", attrs: { tabindex: "-1" } },
        h("p.st-title", { text: t.refused }),
        h("p", { id: "selftest-message", text: message }),
      );
    }
    const { report, text } = answer;
    const passed = report.differenceCount === 0;
    const count = (id: string, label: string, value: number, hint?: string): HTMLElement =>
      h(
        "div.st-count",
        { id },
        h("dt", {}, label, hint ? h("span.st-hint", { text: hint }) : null),
        h("dd", { text: value.toLocaleString(this.lang === "de" ? "de-DE" : "en-US") }),
      );
    const listed = report.differences;
    return h(
      "div",
      {},
      h(
        `div.st-result.${passed ? "st-success" : "st-failure"}`,
        { id: "selftest-result", attrs: { tabindex: "-1" } },
        h("p.st-title", { id: "selftest-headline", text: passed ? t.passed : t.failed(report.differenceCount) }),
        h("p", { text: passed ? t.passedDetail : t.failedDetail }),
      ),
      h(
        "dl.st-counts",
        { id: "selftest-counts", attrs: { "aria-label": t.countsLabel } },
        count("selftest-cells", t.cells, report.cellsChecked),
        report.settledChecked > 0 ? count("selftest-settled", t.settled, report.settledChecked) : null,
        count("selftest-named", t.namedRanges, report.namedRangesChecked),
        count("selftest-charts", t.charts, report.chartsChecked),
        report.skippedMoving > 0
          ? count("selftest-moving", t.skippedMoving, report.skippedMoving, t.skippedMovingHint)
          : null,
        report.skippedNotSettled > 0
          ? count(
              "selftest-not-settled",
              t.skippedNotSettled,
              report.skippedNotSettled,
              t.skippedNotSettledHint(report.settledFrom),
            )
          : null,
      ),
      listed.length > 0
        ? h(
            "div.st-table-wrap",
            {},
            h(
              "table.st-differences",
              { id: "selftest-differences", attrs: { "aria-label": t.differencesLabel } },
              h(
                "thead",
                {},
                h(
                  "tr",
                  {},
                  h("th", { attrs: { scope: "col" }, text: t.where }),
                  h("th", { attrs: { scope: "col" }, text: t.expected }),
                  h("th", { attrs: { scope: "col" }, text: t.got }),
                ),
              ),
              h(
                "tbody",
                {},
                ...listed.map((difference) =>
                  h(
                    "tr",
                    {},
                    h("td.st-where", { text: String(difference.where) }),
                    h("td", { text: String(difference.expected) }),
                    h("td", { text: String(difference.got) }),
                  ),
                ),
              ),
            ),
          )
        : null,
      report.differenceCount > listed.length
        ? h("p.st-more", { id: "selftest-more", text: t.more(report.differenceCount - listed.length) })
        : null,
      this.copyState === "copied" ? h("p.st-copied", { id: "selftest-copy-status", text: t.copied }) : null,
      this.copyState === "failed" ? h("p.st-copy-failed", { id: "selftest-copy-status", text: t.copyFailed }) : null,
      h("label.wz-sr-only", { attrs: { for: "selftest-text" }, text: t.reportLabel }),
      this.reportArea(text),
      h("p.st-afterwards.secondary", { text: t.afterwards }),
    );
  }

  /** The plain-text report: shown (selected) only when copying needs the user's Ctrl+C. */
  private reportArea(text: string): HTMLTextAreaElement {
    const area = h("textarea.st-text", {
      id: "selftest-text",
      attrs: { readonly: true, rows: 8, spellcheck: "false" },
    });
    area.value = text;
    area.hidden = this.copyState !== "failed";
    return area;
  }
}
