/**
 * The wizard's controller: loads the state from the server, walks the six
 * steps, validates with the same schema as the server (src/config/validate.ts),
 * places problems next to their fields, and builds.
 */
import { type ConfigProblem, validateConfig } from "../../src/config/validate";
import { type Language, languageOf } from "../../src/core/i18n";
import type { OperationResult } from "../../src/gas/operationResult";
import { LiveRegion } from "../common/announce";
import { type Child, append, button, clear, h } from "./dom";
import { FieldKit } from "./fields";
import { configForStep, configFromForm, type FormState, formFromConfig, STEP_COUNT, stepOfPath } from "./form";
import { call, closeSidebar } from "./serverClient";
import { STEPS, type StepUi } from "./steps";
import { type Strings, stringsFor } from "./strings";

type BuildResult =
  | { readonly ok: true; readonly message: string; readonly notes: readonly string[] }
  | { readonly ok: false; readonly message: string };

/** What "Open the Dashboard" did: still asking, or the server's words when it could not. */
type DashboardState = "opening" | { readonly failed: string } | undefined;

/** Where focus goes after a render. */
type Focus = { readonly id: string } | "heading" | "firstInvalid" | "result" | "none";

export class Wizard implements StepUi {
  lang: Language;
  form!: FormState;
  kit: FieldKit = new FieldKit(() => undefined);
  private step = 0;
  private revision: number | undefined;
  /** Problems being shown, from the last check of a step, of everything, or from the server. */
  private problems: ConfigProblem[] = [];
  /** Set when a build found problems: they are then listed at the top of every step until fixed. */
  private summary: "local" | "server" | undefined;
  private building = false;
  private result: BuildResult | undefined;
  private dashboard: DashboardState;
  private updaters: (() => void)[] = [];
  private readonly view: HTMLElement;
  private readonly speaker: LiveRegion;

  constructor(private readonly root: HTMLElement) {
    this.lang = languageOf(typeof navigator === "undefined" ? "en" : navigator.language);
    clear(root);
    this.speaker = new LiveRegion("wz-live");
    this.view = h("div.wz-view", {});
    append(root, this.view, this.speaker.element);
  }

  get t(): Strings {
    return stringsFor(this.lang);
  }

  // ------------------------------------------------------------ loading

  async start(): Promise<void> {
    this.renderLoading();
    try {
      const state = await call("getWizardState");
      this.lang = state.language === "de" ? "de" : "en";
      this.form = formFromConfig(state.config, this.lang, this.t.serviceDefault);
      this.revision = state.revision;
      this.step = 0;
      this.render("none");
      this.root.removeAttribute("aria-busy");
      document.body.setAttribute("data-ready", "true");
      performance.mark("wizard-ready");
    } catch (error) {
      this.renderLoadFailed(error);
    }
  }

  private renderLoading(): void {
    document.documentElement.lang = this.lang;
    this.root.setAttribute("aria-busy", "true");
    clear(this.view);
    append(
      this.view,
      h(
        "div.wz-loading",
        { attrs: { role: "status" } },
        h("span.sla-spinner", { attrs: { "aria-hidden": "true" } }),
        this.t.loading,
      ),
    );
  }

  private renderLoadFailed(error: unknown): void {
    this.root.removeAttribute("aria-busy");
    clear(this.view);
    const retry = button(this.t.retry, () => void this.start(), "action", { id: "wz-retry" });
    append(
      this.view,
      h(
        "div.wz-result.wz-result-failure",
        { attrs: { role: "alert" } },
        h("p", { text: this.t.loadFailed(messageOf(error)) }),
        retry,
      ),
    );
  }

  // ------------------------------------------------------------ StepUi

  restructure(focusId?: string, clearErrorsUnder?: string): void {
    if (clearErrorsUnder)
      this.problems = this.problems.filter(
        (problem) => problem.path !== clearErrorsUnder && !problem.path.startsWith(`${clearErrorsUnder}.`),
      );
    if (this.problems.length === 0) this.summary = undefined;
    this.render(focusId ? { id: focusId } : "none");
  }

  live(render: () => Child[], attrs: Record<string, string> = {}): HTMLElement {
    const { class: className, ...rest } = attrs;
    const container = h("div", { className: className ?? "wz-live-preview", attrs: rest });
    let signature = "";
    const update = (): void => {
      const next = h("div", {}, ...render());
      const nextSignature = `${next.textContent ?? ""}|${Array.from(next.querySelectorAll("*"), (element) => element.className).join(",")}`;
      // Unchanged output is left in place, so a live region is not announced again while typing.
      if (nextSignature === signature) return;
      signature = nextSignature;
      clear(container);
      while (next.firstChild) container.appendChild(next.firstChild);
    };
    update();
    this.updaters.push(update);
    return container;
  }

  goTo(step: number): void {
    this.step = Math.max(0, Math.min(STEP_COUNT - 1, step));
    this.render("heading");
  }

  // ------------------------------------------------------------ editing

  private edited(): void {
    for (const update of this.updaters) update();
    if (this.problems.length === 0) return;
    // Problems go away (or change) as they are fixed; new ones wait for Next or Build.
    const fresh = new Map(this.checkStep(this.step).map((problem) => [problem.path, problem]));
    this.problems = this.problems.flatMap((problem) =>
      stepOfPath(problem.path) !== this.step
        ? [problem]
        : fresh.has(problem.path)
          ? [fresh.get(problem.path) as ConfigProblem]
          : [],
    );
    this.kit.applyErrors(this.problemsOnStep());
  }

  private setLanguage(language: Language): void {
    if (language === this.lang) return;
    this.lang = language;
    if (this.problems.length > 0) {
      // Word the problems shown in the new language.
      const checked = validateConfig(
        this.summary ? configFromForm(this.form) : configForStep(this.form, this.step),
        language,
      );
      const again = new Map(checked.ok ? [] : checked.problems.map((problem) => [problem.path, problem]));
      this.problems = this.problems.map((problem) => again.get(problem.path) ?? problem);
    }
    this.render({ id: `wz-lang-${language}` });
  }

  // ------------------------------------------------------------ checking

  private checkStep(step: number): ConfigProblem[] {
    const checked = validateConfig(configForStep(this.form, step), this.lang);
    return checked.ok ? [] : checked.problems.filter((problem) => stepOfPath(problem.path) === step);
  }

  private problemsOnStep(): ConfigProblem[] {
    return this.problems.filter((problem) => stepOfPath(problem.path) === this.step);
  }

  private next(): void {
    const found = this.checkStep(this.step);
    this.problems = this.problems.filter((problem) => stepOfPath(problem.path) !== this.step).concat(found);
    if (found.length > 0) {
      this.render("firstInvalid");
      this.speaker.announce(
        `${this.t.problemsOnStep(found.length)} ${found.map((problem) => problem.text).join(". ")}`,
      );
      return;
    }
    if (this.problems.length === 0) this.summary = undefined;
    this.step = Math.min(STEP_COUNT - 1, this.step + 1);
    this.render("heading");
  }

  private back(): void {
    this.step = Math.max(0, this.step - 1);
    this.render("heading");
  }

  private showProblems(problems: readonly ConfigProblem[], summary: "local" | "server", intro: string): void {
    this.problems = [...problems];
    this.summary = summary;
    this.step = Math.min(...problems.map((problem) => stepOfPath(problem.path)));
    this.render("firstInvalid");
    this.speaker.announce(`${intro} ${problems.map((problem) => problem.text).join(". ")}`);
  }

  private async build(): Promise<void> {
    if (this.building) return;
    const input = configFromForm(this.form);
    const checked = validateConfig(input, this.lang);
    if (!checked.ok) {
      this.showProblems(checked.problems, "local", this.t.problemsBeforeBuild(checked.problems.length));
      return;
    }
    this.building = true;
    this.result = undefined;
    this.dashboard = undefined;
    this.problems = [];
    this.summary = undefined;
    this.render("result");
    this.speaker.announce(this.t.buildingStatus);
    let answer: OperationResult;
    try {
      answer = await call("buildSla", input, this.revision === undefined ? {} : { expectedRevision: this.revision });
    } catch (error) {
      this.building = false;
      this.result = { ok: false, message: this.t.serverUnreachable(messageOf(error)) };
      this.render("result");
      this.speaker.announce(this.result.message);
      return;
    }
    this.building = false;
    if (answer.ok) {
      this.revision = answer.revision;
      this.result = { ok: true, message: answer.message, notes: answer.notes };
      this.render("result");
      this.speaker.announce(answer.message);
    } else if (answer.reason === "invalid" && answer.problems.length > 0) {
      this.showProblems(answer.problems, "server", this.t.buildFailed(answer.problems.length));
    } else {
      // busy, conflict and the rest: the server's own words, nothing was changed.
      this.result = { ok: false, message: answer.message };
      this.render("result");
      this.speaker.announce(answer.message);
    }
  }

  /** Activates the Dashboard tab (the server finds it by its metadata); says why when it can't. */
  private async openDashboard(): Promise<void> {
    if (this.dashboard === "opening") return;
    this.dashboard = "opening";
    this.render({ id: "wz-open-dashboard" });
    let failed: string | undefined;
    try {
      const answer = await call("openDashboard", this.lang);
      if (!answer.ok) failed = answer.message;
    } catch (error) {
      failed = this.t.serverUnreachable(messageOf(error));
    }
    this.dashboard = failed === undefined ? undefined : { failed };
    this.render({ id: "wz-open-dashboard" });
    if (failed !== undefined) this.speaker.announce(failed);
  }

  private goToProblem(problem: ConfigProblem): void {
    this.step = stepOfPath(problem.path);
    this.render("none");
    const target = this.kit.focusTarget(problem.path);
    if (target) focusElement(target);
    else this.focusHeading();
  }

  // ------------------------------------------------------------ rendering

  private focusHeading(): void {
    document.getElementById("wz-heading")?.focus();
  }

  render(focus: Focus): void {
    const t = this.t;
    document.documentElement.lang = this.lang;
    this.kit = new FieldKit(() => this.edited());
    this.updaters = [];
    clear(this.view);

    const top = h(
      "div.wz-top",
      {},
      h("p.wz-step-of.secondary", { id: "wz-step-of", text: t.stepOf(this.step + 1, STEP_COUNT) }),
      h(
        "div.wz-lang",
        { attrs: { role: "group", "aria-label": t.languageGroup } },
        ...(["en", "de"] as const).map((language) =>
          button(
            t.languageNames[language],
            () => this.setLanguage(language),
            `wz-lang-button${language === this.lang ? " wz-lang-current" : ""}`,
            {
              id: `wz-lang-${language}`,
              lang: language,
              "aria-pressed": language === this.lang ? "true" : "false",
            },
          ),
        ),
      ),
    );
    const dots = h(
      "ol.wz-dots",
      { attrs: { "aria-label": t.progressLabel } },
      ...t.stepTitles.map((title, index) =>
        h(
          "li",
          {
            className: index < this.step ? "wz-done" : index === this.step ? "wz-current" : "",
            attrs: { "aria-current": index === this.step ? "step" : undefined },
          },
          h("span.wz-dot", { attrs: { "aria-hidden": "true" }, text: String(index + 1) }),
          h("span.wz-sr-only", { text: title }),
        ),
      ),
    );

    const summaryBox = h("div.wz-summary", { id: "wz-summary", attrs: { tabindex: "-1", hidden: true } });
    const stepNodes = (STEPS[this.step] ?? STEPS[0])?.(this) ?? [];
    const main = h(
      "main.wz-main",
      { id: "wz-main", attrs: { "aria-labelledby": "wz-heading", "aria-busy": this.building ? "true" : "false" } },
      h("h2", {
        id: "wz-heading",
        className: "wz-heading",
        attrs: { tabindex: "-1" },
        text: t.stepTitles[this.step] ?? "",
      }),
      h("p.wz-intro.secondary", { text: t.stepIntros[this.step] ?? "" }),
      summaryBox,
      ...stepNodes,
      this.step === STEP_COUNT - 1 ? this.resultNodes() : null,
    );

    const isLast = this.step === STEP_COUNT - 1;
    const back = button(t.back, () => this.back(), "wz-back", { id: "wz-back", disabled: this.building });
    back.hidden = this.step === 0;
    const forward = isLast
      ? h(
          "button.action.wz-next",
          {
            id: "wz-build",
            attrs: {
              type: "button",
              disabled: this.building,
              "aria-describedby": this.building ? "wz-status" : undefined,
            },
            on: { click: () => void this.build() },
          },
          this.building ? h("span.sla-spinner.sla-spinner-light", { attrs: { "aria-hidden": "true" } }) : null,
          this.building ? t.building : this.result?.ok ? t.buildAgain : t.build,
        )
      : button(t.next, () => this.next(), "action wz-next", { id: "wz-next" });
    const nav = h("div.dialog-nav.wz-nav", {}, back, forward);

    append(this.view, top, dots, main, nav);
    // Whatever focus or a scroll brings into view stops above the sticky buttons, not under them.
    document.documentElement.style.scrollPaddingBottom = `${Math.ceil(nav.getBoundingClientRect().height) + 8}px`;

    const unplaced = this.kit.applyErrors(this.problemsOnStep());
    this.fillSummary(summaryBox, unplaced);
    this.moveFocus(focus);
  }

  private fillSummary(box: HTMLElement, unplaced: readonly ConfigProblem[]): void {
    const listed = this.summary ? this.problems : unplaced;
    if (listed.length === 0) return;
    const t = this.t;
    const title =
      this.summary === "server"
        ? t.buildFailed(listed.length)
        : this.summary === "local"
          ? t.problemsBeforeBuild(listed.length)
          : t.problemsOnStep(listed.length);
    append(
      box,
      h("p.wz-summary-title", { text: title }),
      h(
        "ul",
        {},
        ...listed.map((problem) =>
          h(
            "li",
            {},
            button(problem.text, () => this.goToProblem(problem), "wz-link-button wz-problem-link", {
              "data-path": problem.path,
            }),
          ),
        ),
      ),
    );
    box.hidden = false;
  }

  private resultNodes(): Child {
    const t = this.t;
    if (this.building) {
      return h(
        "div.wz-result.wz-result-busy",
        { id: "wz-result", attrs: { tabindex: "-1", role: "status" } },
        h("span.sla-spinner", { attrs: { "aria-hidden": "true" } }),
        h("span", { id: "wz-status", text: t.buildingStatus }),
      );
    }
    if (!this.result) return null;
    if (this.result.ok) {
      return h(
        "div.wz-result.wz-result-success",
        { id: "wz-result", attrs: { tabindex: "-1" } },
        h("p.wz-result-title", { text: t.built }),
        h("p", { id: "wz-result-message", text: this.result.message }),
        this.result.notes.length > 0
          ? h(
              "ul.wz-notes",
              { attrs: { "aria-label": t.notes } },
              ...this.result.notes.map((note) => h("li", { text: note })),
            )
          : null,
        typeof this.dashboard === "object"
          ? h("p.wz-result-problem", {
              id: "wz-dashboard-problem",
              attrs: { role: "alert" },
              text: this.dashboard.failed,
            })
          : null,
        h(
          "div.wz-result-actions",
          {},
          button(
            this.dashboard === "opening" ? t.openingDashboard : t.openDashboard,
            () => void this.openDashboard(),
            "action",
            {
              id: "wz-open-dashboard",
              disabled: this.dashboard === "opening",
            },
          ),
          button(t.close, () => closeSidebar(), "", { id: "wz-close" }),
        ),
      );
    }
    return h(
      "div.wz-result.wz-result-failure",
      { id: "wz-result", attrs: { tabindex: "-1" } },
      h("p.wz-result-title.error", { text: t.notBuilt }),
      h("p", { id: "wz-result-message", text: this.result.message }),
    );
  }

  private moveFocus(focus: Focus): void {
    if (focus === "none") return;
    if (focus === "heading") {
      this.focusHeading();
      return;
    }
    if (focus === "result") {
      const result = document.getElementById("wz-result");
      if (result) {
        focusElement(result);
        revealAboveFooter(result);
      }
      return;
    }
    if (focus === "firstInvalid") {
      const targets = this.problemsOnStep()
        .map((problem) => this.kit.focusTarget(problem.path))
        .filter((target): target is HTMLElement => target !== undefined)
        .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
      const first = targets[0];
      if (first) focusElement(first);
      else if (!document.getElementById("wz-summary")?.hidden) document.getElementById("wz-summary")?.focus();
      else this.focusHeading();
      return;
    }
    const element = document.getElementById(focus.id);
    if (element) focusElement(element);
  }
}

/** Focuses an element, first opening any closed `<details>` around it. */
function focusElement(element: HTMLElement): void {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    if (parent instanceof HTMLDetailsElement && !parent.open) parent.open = true;
  }
  element.focus();
  element.scrollIntoView({ block: "nearest" });
}

/**
 * Scrolls so the whole box shows above the sticky buttons at the bottom
 * (its top first when it is taller than the room there is).
 */
function revealAboveFooter(box: HTMLElement): void {
  const footer = document.querySelector<HTMLElement>(".wz-nav")?.getBoundingClientRect().height ?? 0;
  const room = window.innerHeight - footer;
  const rect = box.getBoundingClientRect();
  const gap = 8;
  let shift = 0;
  if (rect.height + 2 * gap > room || rect.top < gap) shift = rect.top - gap;
  else if (rect.bottom > room - gap) shift = rect.bottom - (room - gap);
  if (shift !== 0) window.scrollBy({ top: shift, left: 0, behavior: "instant" });
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === "string" ? error : String(error);
}
