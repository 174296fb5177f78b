/**
 * The function reference dialog: every custom function from the registry
 * (summary, signature, parameters, examples with results), in English or
 * German, filtered by name as the user types. All text goes in as text.
 */
import type { ReferenceData, ReferenceFunction } from "../../scripts/lib/referenceHtml";
import { type Language, languageOf } from "../../src/core/i18n";
import { append, button, clear, h } from "../wizard/dom";
import { type Strings, stringsFor } from "./strings";

/** `leads needed`, `Leads-Needed`, `sla_leads_needed` → `LEADS_NEEDED`-style text to look for in names. */
export function normalizeQuery(query: string): string {
  return query
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, "_");
}

export function matches(fn: Pick<ReferenceFunction, "name">, query: string): boolean {
  const wanted = normalizeQuery(query);
  return wanted === "" || fn.name.includes(wanted);
}

export class ReferencePage {
  private lang: Language;
  private query = "";
  private readonly view: HTMLElement;

  constructor(
    private readonly root: HTMLElement,
    private readonly data: ReferenceData,
  ) {
    this.lang = languageOf(typeof navigator === "undefined" ? "en" : navigator.language);
    this.view = h("div.rf-view", {});
    clear(root);
    append(root, this.view);
  }

  get t(): Strings {
    return stringsFor(this.lang);
  }

  start(): void {
    this.render();
    this.root.removeAttribute("aria-busy");
    document.body.setAttribute("data-ready", "true");
  }

  private setLanguage(language: Language): void {
    if (language === this.lang) return;
    this.lang = language;
    this.render();
    document.getElementById(`rf-lang-${language}`)?.focus();
  }

  private render(): void {
    const t = this.t;
    document.documentElement.lang = this.lang;
    document.title = t.title;
    clear(this.view);

    const search = h("input.rf-search", {
      id: "rf-search",
      attrs: {
        type: "search",
        placeholder: t.searchPlaceholder,
        autocomplete: "off",
        spellcheck: "false",
        "aria-controls": "rf-list",
        "aria-describedby": "rf-count",
      },
      on: { input: (event) => this.filter((event.target as HTMLInputElement).value) },
    });
    search.value = this.query;
    const top = h(
      "div.rf-top",
      {},
      h("div.rf-search-field", {}, h("label", { attrs: { for: "rf-search" }, text: t.searchLabel }), search),
      h(
        "div.rf-lang",
        { attrs: { role: "group", "aria-label": t.languageGroup } },
        ...(["en", "de"] as const).map((language) =>
          button(
            t.languageNames[language],
            () => this.setLanguage(language),
            `rf-lang-button${language === this.lang ? " rf-lang-current" : ""}`,
            {
              id: `rf-lang-${language}`,
              lang: language,
              "aria-pressed": language === this.lang ? "true" : "false",
            },
          ),
        ),
      ),
      h("p.rf-count.secondary", { id: "rf-count", attrs: { role: "status", "aria-live": "polite" } }),
    );

    const intro = h(
      "div.rf-intro",
      {},
      h("p", { text: t.intro }),
      h("p.secondary", { text: t.separators }),
      h(
        "details.rf-how",
        {},
        h("summary", { text: t.howTitle }),
        h("ul", {}, ...t.how.map((line) => h("li", { text: line }))),
      ),
    );

    const contents = h(
      "nav.rf-contents",
      { attrs: { "aria-label": t.contents } },
      h(
        "ul",
        {},
        ...this.data.functions.map((fn) =>
          h(
            "li",
            { attrs: { "data-name": fn.name } },
            button(fn.name, () => this.jumpTo(fn.name), "rf-chip", { "data-jump": fn.name }),
          ),
        ),
      ),
    );

    const list = h("div.rf-list", { id: "rf-list" }, ...this.data.functions.map((fn) => this.renderFunction(fn)));
    const empty = h("p.rf-empty", { id: "rf-empty", attrs: { hidden: true } });

    append(this.view, top, h("main.rf-main", {}, intro, contents, empty, list));
    this.filter(this.query);
  }

  private renderFunction(fn: ReferenceFunction): HTMLElement {
    const t = this.t;
    const lang = this.lang;
    const params = h(
      "dl.rf-params",
      {},
      ...fn.params.flatMap((param) => [
        h(
          "dt",
          {},
          h("code", { text: param.name }),
          param.optional ? h("span.rf-optional", { text: t.optional }) : null,
        ),
        h(
          "dd",
          {},
          h("span.rf-description", { text: param.description[lang] }),
          h("span.rf-allowed", {}, h("span.rf-label", { text: `${t.allowed} ` }), param.allowed[lang]),
        ),
      ]),
    );
    const examples =
      fn.examples.length === 0
        ? null
        : h(
            "div.rf-examples",
            {},
            h("h4", { text: t.examples(fn.examples.length) }),
            h(
              "ul",
              {},
              ...fn.examples.map((example) =>
                h(
                  "li",
                  {},
                  h("code.rf-formula", { text: example.formula }),
                  example.result === undefined
                    ? null
                    : h(
                        "span.rf-result",
                        {},
                        h("span", { attrs: { "aria-hidden": "true" }, text: " → " }),
                        h("span.wz-sr-only", { text: ` ${t.showsResult} ` }),
                        example.result[lang],
                      ),
                ),
              ),
            ),
          );
    return h(
      "article.rf-fn",
      { id: `fn-${fn.name}`, attrs: { "data-name": fn.name, "aria-labelledby": `fn-${fn.name}-title` } },
      h("h3.rf-signature", { id: `fn-${fn.name}-title`, attrs: { tabindex: "-1" } }, h("code", { text: fn.signature })),
      h("p.rf-summary", { text: fn.summary[lang] }),
      h("p.rf-kind.secondary", { text: t.kind[fn.kind] }),
      h("h4", { text: t.parameters }),
      params,
      h("p.rf-returns", {}, h("strong", { text: `${t.returns} ` }), fn.returns[lang]),
      examples,
    );
  }

  private filter(query: string): void {
    this.query = query;
    let shown = 0;
    for (const fn of this.data.functions) {
      const visible = matches(fn, query);
      if (visible) shown++;
      const article = document.getElementById(`fn-${fn.name}`);
      if (article) article.hidden = !visible;
      const chip = document.querySelector<HTMLElement>(`.rf-contents li[data-name="${fn.name}"]`);
      if (chip) chip.hidden = !visible;
    }
    const count = document.getElementById("rf-count");
    if (count) count.textContent = this.t.count(shown, this.data.functions.length);
    const empty = document.getElementById("rf-empty");
    if (empty) {
      empty.hidden = shown > 0;
      empty.textContent = shown > 0 ? "" : this.t.none(query.trim());
    }
  }

  private jumpTo(name: string): void {
    const title = document.getElementById(`fn-${name}-title`);
    if (!title) return;
    title.scrollIntoView({ block: "start" });
    title.focus({ preventScroll: true });
  }
}
