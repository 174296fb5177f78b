/**
 * The import dialog's controller: reads the picked CSV in the page with
 * csv-parse's browser build, maps its columns by header (the user corrects
 * the mapping), asks how slashed dates are written where no value tells,
 * and previews what lands with src/import/plan.ts, the rules the server
 * checks again. Every text from the file or the server goes in as text
 * (design decision 8).
 */
import { parse } from "csv-parse/browser/esm/sync";
import { type Language, languageOf } from "../../src/core/i18n";
import { zoneNamed } from "../../src/core/time";
import type { ImportResult, ImportState } from "../../src/gas/importLeads";
import { MAX_IMPORT_ROWS, readCsv, type CsvParse, type CsvTable } from "../../src/import/csv";
import type { DayOrder } from "../../src/import/dates";
import { guessMapping, IMPORT_FIELDS, mappingProblems, type ImportField } from "../../src/import/fields";
import {
  dateQuestions,
  duplicateText,
  fieldName,
  planImport,
  rejectionText,
  type ImportPlan,
} from "../../src/import/plan";
import { LiveRegion } from "../common/announce";
import { append, button, clear, h, type Child } from "../wizard/dom";
import { call, closeSidebar } from "../wizard/serverClient";
import { stringsFor, type Strings } from "./strings";

/** Rows of the preview, and of the lists shown in the dialog (the download has them all). */
const PREVIEW_ROWS = 5;
const LISTED_ROWS = 100;

type Outcome =
  | { readonly kind: "answer"; readonly answer: ImportResult }
  | { readonly kind: "unreachable"; readonly message: string };

interface LoadedFile {
  readonly name: string;
  readonly table: CsvTable;
  readonly notUtf8: boolean;
}

/** A CSV cell: quoted, inner quotes doubled (RFC 4180). */
function csvCell(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

export class ImportDialog {
  lang: Language;
  private state: ImportState | undefined;
  private loading = true;
  private file: LoadedFile | undefined;
  private fileError: string | undefined;
  private mapping: (ImportField | null)[] = [];
  private readonly orders = new Map<number, DayOrder>();
  private plan: ImportPlan | undefined;
  private importing = false;
  private outcome: Outcome | undefined;
  private readonly view: HTMLElement;
  private readonly speaker: LiveRegion;

  constructor(private readonly root: HTMLElement) {
    this.lang = languageOf(typeof navigator === "undefined" ? "en" : navigator.language);
    clear(root);
    this.view = h("div.im-view", {});
    this.speaker = new LiveRegion("import-live");
    append(root, this.view, this.speaker.element);
  }

  get t(): Strings {
    return stringsFor(this.lang);
  }

  async start(): Promise<void> {
    this.render();
    this.root.removeAttribute("aria-busy");
    await this.loadState();
    this.loading = false;
    this.render();
    document.body.setAttribute("data-ready", "true");
  }

  private async loadState(): Promise<void> {
    try {
      this.state = await call("getImportState");
      this.lang = this.state.language === "de" ? "de" : "en";
    } catch {
      // Not known: the server checks again on import and says so in its answer.
    }
  }

  // ------------------------------------------------------------ reading

  private async picked(input: HTMLInputElement): Promise<void> {
    const chosen = input.files?.[0];
    this.outcome = undefined;
    this.file = undefined;
    this.fileError = undefined;
    this.plan = undefined;
    this.orders.clear();
    if (chosen) {
      const text = await chosen.text();
      try {
        const table = readCsv(text, parse as unknown as CsvParse);
        if (table.rows.length > MAX_IMPORT_ROWS) this.fileError = this.t.tooMany(table.rows.length, MAX_IMPORT_ROWS);
        else if (table.rows.length === 0) this.fileError = this.t.empty;
        else {
          this.file = { name: chosen.name, table, notUtf8: text.includes("\uFFFD") };
          this.mapping = guessMapping(table.header);
        }
      } catch (error) {
        this.fileError = this.t.unreadable(error instanceof Error ? error.message : String(error));
      }
    }
    this.replan();
    this.render("import-file");
    this.speaker.announce(this.fileError ?? this.countsText());
  }

  private replan(): void {
    const file = this.file;
    const state = this.state;
    if (!file || mappingProblems(this.mapping).length > 0) {
      this.plan = undefined;
      return;
    }
    this.plan = planImport({
      rows: file.table.rows,
      mapping: this.mapping,
      orders: this.orders,
      zone: zoneNamed(state?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone),
      tiers: state?.tiers ?? [],
      existing: { ids: new Set(state?.ids ?? []), emails: new Set(state?.emails ?? []) },
    });
  }

  private mapped(column: number, value: string): void {
    this.mapping[column] = value === "" ? null : (value as ImportField);
    this.outcome = undefined;
    this.replan();
    this.render(`import-map-${column}`);
    this.speaker.announce(this.countsText());
  }

  private ordered(column: number, order: DayOrder): void {
    this.orders.set(column, order);
    this.replan();
    this.render(`import-order-${column}-${order}`);
    this.speaker.announce(this.countsText());
  }

  private countsText(): string {
    const plan = this.plan;
    if (!plan) return "";
    const t = this.t;
    return `${plan.fresh.length} ${t.countNew}, ${plan.duplicates.length} ${t.countDuplicates}, ${plan.rejected.length} ${t.countRejected}.`;
  }

  // ------------------------------------------------------------ importing

  private async import(): Promise<void> {
    const plan = this.plan;
    if (this.importing || !plan || plan.fresh.length === 0) return;
    this.importing = true;
    this.outcome = undefined;
    this.render("import-result");
    this.speaker.announce(this.t.importingStatus);
    let outcome: Outcome;
    try {
      outcome = { kind: "answer", answer: await call("importLeads", { leads: plan.fresh }) };
    } catch (error) {
      outcome = { kind: "unreachable", message: error instanceof Error ? error.message : String(error) };
    }
    // The log changed: the next preview counts what it holds now.
    if (outcome.kind === "answer" && outcome.answer.ok) await this.loadState();
    this.importing = false;
    this.outcome = outcome;
    this.replan();
    this.render("import-result");
    this.speaker.announce(
      outcome.kind === "answer" ? outcome.answer.message : this.t.serverUnreachable(outcome.message),
    );
  }

  /** The rejected rows as CSV: row, reason, then the row as the file had it. */
  rejectedCsv(): string {
    const file = this.file;
    const plan = this.plan;
    if (!file || !plan) return "";
    const t = this.t;
    const lines = [[t.row, t.reason, ...file.table.header]];
    for (const rejected of plan.rejected)
      lines.push([
        String(rejected.row),
        rejectionText(this.lang, rejected.reason),
        ...(file.table.rows[rejected.row - 2] ?? []),
      ]);
    return `\uFEFF${lines.map((line) => line.map(csvCell).join(",")).join("\r\n")}\r\n`;
  }

  private download(): void {
    const blob = new Blob([this.rejectedCsv()], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const link = h("a", {
      attrs: { href: url, download: `${(this.file?.name ?? "leads").replace(/\.csv$/i, "")}-rejected.csv` },
    });
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  // ------------------------------------------------------------ rendering

  render(focusId?: string): void {
    const t = this.t;
    document.documentElement.lang = this.lang;
    document.title = t.title;
    clear(this.view);
    const noLog = !this.loading && this.state?.hasLog === false;
    const notice = this.loading
      ? h(
          "p.im-notice.im-loading",
          { id: "import-notice", attrs: { role: "status" } },
          h("span.sla-spinner", { attrs: { "aria-hidden": "true" } }),
          t.loading,
        )
      : noLog
        ? h("p.im-notice.im-warning", { id: "import-notice", attrs: { role: "alert" }, text: t.noLog })
        : null;
    const fileInput = h("input", {
      id: "import-file",
      attrs: {
        type: "file",
        accept: ".csv,text/csv",
        disabled: this.importing || noLog || this.loading,
        "aria-describedby": "import-file-hint",
      },
      on: { change: (event) => void this.picked(event.target as HTMLInputElement) },
    });
    const fileField = h(
      "div.im-field",
      {},
      h("label", { attrs: { for: "import-file" }, text: t.fileLabel }),
      h("p.im-hint", { id: "import-file-hint", text: t.fileHint }),
      fileInput,
      this.fileError
        ? h("p.im-error", { id: "import-file-error", attrs: { role: "alert" }, text: this.fileError })
        : null,
      this.file
        ? h("p.im-hint", {
            id: "import-file-info",
            text: t.fileInfo(this.file.table.rows.length, this.file.table.delimiter, this.file.name),
          })
        : null,
      this.file?.notUtf8 ? h("p.im-error", { id: "import-not-utf8", text: t.notUtf8 }) : null,
    );
    const main = h(
      "main.im-main",
      { id: "import-main", attrs: { "aria-busy": this.importing ? "true" : "false" } },
      h("p.im-intro.secondary", { text: t.intro }),
      notice,
      fileField,
      this.file ? this.mappingNodes(this.file) : null,
      this.file ? this.questionNodes(this.file) : null,
      this.planNodes(),
      this.resultNodes(),
    );
    const count = this.plan?.fresh.length ?? 0;
    const submit = h(
      "button.action.im-submit",
      {
        id: "import-submit",
        attrs: { type: "button", disabled: this.importing || count === 0 },
        on: { click: () => void this.import() },
      },
      this.importing ? h("span.sla-spinner.sla-spinner-light", { attrs: { "aria-hidden": "true" } }) : null,
      this.importing ? t.importing : t.importButton(count),
    );
    append(
      this.view,
      main,
      h(
        "div.dialog-nav",
        {},
        button(t.close, () => closeSidebar(), "", { id: "import-close" }),
        submit,
      ),
    );
    if (focusId) {
      const target = document.getElementById(focusId);
      if (target && !(target as HTMLButtonElement).disabled) target.focus();
    }
  }

  private mappingNodes(file: LoadedFile): Child {
    const t = this.t;
    const problems = mappingProblems(this.mapping);
    const rows = file.table.header.map((header, column) => {
      const select = h(
        "select.im-select",
        {
          id: `import-map-${column}`,
          attrs: { "aria-label": `${t.logColumn}: ${header}`, disabled: this.importing },
          on: { change: (event) => this.mapped(column, (event.target as HTMLSelectElement).value) },
        },
        h("option", { attrs: { value: "" }, text: t.skip }),
        ...IMPORT_FIELDS.map((field) => h("option", { attrs: { value: field }, text: fieldName(this.lang, field) })),
      );
      select.value = this.mapping[column] ?? "";
      const sample = file.table.rows.find((row) => (row[column] ?? "").trim() !== "")?.[column] ?? "";
      return h(
        "tr",
        { attrs: { "data-column": column } },
        h("th", { attrs: { scope: "row" }, text: header }),
        h("td.im-sample", { text: sample }),
        h("td", {}, select),
      );
    });
    return h(
      "section.im-section",
      {},
      h("h2", { text: t.mappingTitle }),
      h("p.im-hint", { text: t.mappingHint }),
      h(
        "div.im-scroll",
        {},
        h(
          "table.im-table",
          { id: "import-mapping" },
          h(
            "thead",
            {},
            h("tr", {}, h("th", { text: t.fileColumn }), h("th", { text: t.sample }), h("th", { text: t.logColumn })),
          ),
          h("tbody", {}, ...rows),
        ),
      ),
      problems.length > 0
        ? h(
            "ul.im-error",
            { id: "import-mapping-problems" },
            ...problems.map((problem) =>
              h("li", {
                text:
                  problem.kind === "noLead"
                    ? t.noLead
                    : problem.kind === "noKey"
                      ? t.noKey
                      : t.twice(fieldName(this.lang, problem.field)),
              }),
            ),
          )
        : null,
    );
  }

  private questionNodes(file: LoadedFile): Child {
    const t = this.t;
    const asked = [...dateQuestions(file.table.rows, this.mapping)].filter(([, order]) => order.kind === "ask");
    if (asked.length === 0) return null;
    return h(
      "section.im-section",
      { id: "import-questions" },
      ...asked.map(([column, order]) => {
        const choice = (value: DayOrder, label: string) =>
          h(
            "div.im-choice",
            {},
            h("input", {
              id: `import-order-${column}-${value}`,
              attrs: {
                type: "radio",
                name: `import-order-${column}`,
                value,
                checked: this.orders.get(column) === value,
                disabled: this.importing,
              },
              on: { change: () => this.ordered(column, value) },
            }),
            h("label", { attrs: { for: `import-order-${column}-${value}` }, text: label }),
          );
        return h(
          "fieldset.im-group",
          { id: `import-order-${column}` },
          h("legend", { text: t.orderTitle(file.table.header[column] ?? "") }),
          h("p.im-hint", { text: t.orderHint(order.kind === "ask" ? order.sample : "") }),
          choice("dayFirst", t.dayFirst),
          choice("monthFirst", t.monthFirst),
        );
      }),
    );
  }

  private planNodes(): Child {
    const plan = this.plan;
    if (!plan) return null;
    const t = this.t;
    const preview = plan.fresh.slice(0, PREVIEW_ROWS);
    const listed = <T extends { row: number }>(
      id: string,
      title: string,
      items: readonly T[],
      text: (item: T) => string,
      open: boolean,
    ): Child =>
      items.length === 0
        ? null
        : h(
            "details.im-list",
            { id, attrs: { open } },
            h("summary", { text: `${title} (${items.length})` }),
            h(
              "ul",
              {},
              ...items
                .slice(0, LISTED_ROWS)
                .map((item) =>
                  h(
                    "li",
                    { attrs: { "data-row": item.row } },
                    h("span.im-row", { text: `${t.row} ${item.row}` }),
                    h("span", { text: text(item) }),
                  ),
                ),
            ),
            items.length > LISTED_ROWS ? h("p.im-hint", { text: t.more(items.length - LISTED_ROWS) }) : null,
          );
    return h(
      "section.im-section",
      {},
      h("h2", { text: t.previewTitle }),
      preview.length === 0
        ? h("p.im-hint", { id: "import-none-new", text: t.noneNew })
        : h(
            "div.im-scroll",
            {},
            h(
              "table.im-table.im-preview",
              { id: "import-preview" },
              h(
                "thead",
                {},
                h(
                  "tr",
                  {},
                  h("th", { text: t.row }),
                  ...IMPORT_FIELDS.map((field) => h("th", { text: fieldName(this.lang, field) })),
                ),
              ),
              h(
                "tbody",
                {},
                ...preview.map((lead) =>
                  h(
                    "tr",
                    {},
                    h("td", { text: String(lead.row) }),
                    ...IMPORT_FIELDS.map((field) =>
                      h("td", { text: lead[field], attrs: { title: lead[field] || undefined } }),
                    ),
                  ),
                ),
              ),
            ),
          ),
      h(
        "p.im-counts",
        { id: "import-counts" },
        h("span", { id: "import-count-new", text: `${plan.fresh.length} ${t.countNew}` }),
        " · ",
        h("span", { id: "import-count-duplicates", text: `${plan.duplicates.length} ${t.countDuplicates}` }),
        " · ",
        h("span", { id: "import-count-rejected", text: `${plan.rejected.length} ${t.countRejected}` }),
      ),
      listed("import-rejected", t.rejectedTitle, plan.rejected, (item) => rejectionText(this.lang, item.reason), true),
      plan.rejected.length > 0
        ? button(t.download, () => this.download(), "im-link-button", { id: "import-download" })
        : null,
      listed("import-duplicates", t.duplicatesTitle, plan.duplicates, (item) => duplicateText(this.lang, item), false),
    );
  }

  private resultNodes(): Child {
    const t = this.t;
    if (this.importing) {
      return h(
        "div.im-result.im-result-busy",
        { id: "import-result", attrs: { tabindex: "-1", role: "status" } },
        h("span.sla-spinner", { attrs: { "aria-hidden": "true" } }),
        t.importingStatus,
      );
    }
    const outcome = this.outcome;
    if (!outcome) return null;
    if (outcome.kind === "unreachable") {
      return h(
        "div.im-result.im-result-failure",
        { id: "import-result", attrs: { tabindex: "-1" } },
        h("p.im-result-title", { text: t.notImported }),
        h("p", { id: "import-message", text: t.serverUnreachable(outcome.message) }),
      );
    }
    const answer = outcome.answer;
    const rejected = Array.isArray(answer.rejected) ? answer.rejected : [];
    return h(
      `div.im-result.${answer.ok ? "im-result-success" : "im-result-failure"}`,
      { id: "import-result", attrs: { tabindex: "-1" } },
      h("p.im-result-title", { text: answer.ok ? t.imported : t.notImported }),
      h("p", { id: "import-message", text: String(answer.message ?? "") }),
      rejected.length > 0
        ? h(
            "div",
            { id: "import-server-rejected" },
            h("p", { text: t.serverRejected }),
            h("ul", {}, ...rejected.map((item) => h("li", { text: `${t.row} ${item.row}: ${item.text}` }))),
          )
        : null,
    );
  }
}
