/**
 * The playground page: a spreadsheet window over the emulated workbook, the
 * add-on's menu, its real sidebar (dist/Wizard.html) in a 300 px panel, and
 * the playground's own items (sample data, reset). Every change goes to the
 * server, which answers with the sheet as the emulator computed it.
 */
import * as api from "./api";
import { a1, Grid, inputOf, type Position } from "./grid";
import type { DrawnChart, PlaygroundInfo, WorkbookView } from "./types";

interface OperationAnswer {
  ok: boolean;
  reason?: string;
  message: string;
  notes?: string[];
  problems?: { text: string }[];
}

interface ShareAnswer {
  ok: boolean;
  message: string;
  addresses: { email: string; outcome: string; detail: string }[];
  explanation: string[];
}

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from the page`);
  return element as T;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: { className?: string; text?: string } = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  node.append(...children);
  return node;
}

const ABOUT =
  "Marketing & Sales SLA turns the marketing–sales service level agreement into a living workbook: the agreement, monthly lead pace, the lead log, follow-up reports and a misses ledger. Generated sheets use only native formulas, so they work for everyone you share them with. Custom functions such as =SLA_LEADS_NEEDED(5000, 100%, 100, 50%) work in any cell.";

const PLAYGROUND_NOTE =
  "This is the local playground: the add-on's real code runs on a Sheets emulator (HyperFormula) on this machine. Nothing reaches Google; sharing is recorded, not sent. The workbook is saved between runs; Playground ▸ Reset workbook starts again.";

class Page {
  private info: PlaygroundInfo | undefined;
  private current: WorkbookView | undefined;
  private sheetName: string | undefined;
  private readonly grid: Grid;
  private readonly formula = byId<HTMLInputElement>("pg-formula");
  private readonly namebox = byId<HTMLInputElement>("pg-namebox");
  private readonly sidebar = byId<HTMLElement>("pg-sidebar");
  private readonly sidebarFrame = byId<HTMLIFrameElement>("pg-sidebar-frame");
  private readonly overlay = byId<HTMLElement>("pg-overlay");
  private dialogFrame: HTMLIFrameElement | undefined;
  private busy: Promise<void> = Promise.resolve();

  constructor() {
    this.grid = new Grid(byId("pg-grid"), {
      select: (position) => this.showSelection(position),
      commit: (position, input) => void this.commit(position, input),
    });
    this.wireMenus();
    this.wireFormulaBar();
    byId("pg-sidebar-close").addEventListener("click", () => this.closeSidebar());
    byId("pg-dialog-close").addEventListener("click", () => this.closeDialog());
    this.overlay.addEventListener("keydown", (event) => {
      if (event.key === "Escape") this.closeDialog();
    });
    window.addEventListener("message", (event) => this.onFrameMessage(event));
    window.addEventListener("hashchange", () => {
      const wanted = this.sheetFromHash();
      if (wanted && wanted !== this.sheetName) void this.showSheet(wanted);
    });
  }

  async start(): Promise<void> {
    this.info = await api.info();
    if (this.info.notice) this.toast(this.info.notice, true, 20_000);
    await this.refresh(this.sheetFromHash());
    document.body.dataset.ready = "true";
  }

  // ---- the workbook ----

  private sheetFromHash(): string | undefined {
    const match = /^#sheet=(.+)$/.exec(window.location.hash);
    return match ? decodeURIComponent(match[1]!) : undefined;
  }

  /** Loads and draws a sheet (by default the one on screen). */
  async refresh(sheet = this.sheetName, options: { follow?: boolean } = {}): Promise<void> {
    const before = this.current;
    let view = await api.view(sheet);
    // After the add-on built or changed tabs, show what it activated (or the first tab if ours went away).
    if (
      options.follow &&
      before &&
      (view.active !== before.active || !view.tabs.some((tab) => tab.name === sheet) || isEmptySheet(view))
    ) {
      const target =
        view.tabs.some((tab) => tab.name === view.active) &&
        view.active !== view.sheet.name &&
        !isEmptyName(view, view.active)
          ? view.active
          : view.tabs[0]?.name;
      if (target && target !== view.sheet.name) view = await api.view(target);
    }
    this.draw(view, view.sheet.name === this.sheetName);
  }

  private draw(view: WorkbookView, sameSheet: boolean): void {
    this.current = view;
    this.sheetName = view.sheet.name;
    byId("pg-title").textContent = view.title;
    document.title = `${view.title} · Marketing & Sales SLA playground`;
    byId("pg-badge").textContent = view.realToday ? "Local playground" : `Local playground · today is ${view.today}`;
    if (window.location.hash !== `#sheet=${encodeURIComponent(view.sheet.name)}`)
      history.replaceState(null, "", `#sheet=${encodeURIComponent(view.sheet.name)}`);
    this.drawTabs(view);
    this.grid.render(view.sheet, sameSheet);
    document.body.dataset.drawn = String(Number(document.body.dataset.drawn ?? "0") + 1);
  }

  /** The charts on screen as drawn (for the browser tests and the screenshots script). */
  drawnCharts(): DrawnChart[] {
    return this.grid.drawnCharts();
  }

  /** The active tab (the one the add-on or the user last activated), as the server said with the last view. */
  get activeTab(): string | undefined {
    return this.current?.active;
  }

  private drawTabs(view: WorkbookView): void {
    const tabs = byId("pg-tabs");
    tabs.replaceChildren(
      ...view.tabs
        .filter((tab) => !tab.hidden)
        .map((tab) => {
          const button = element("button", { className: "pg-tab", text: tab.name });
          button.type = "button";
          button.setAttribute("role", "tab");
          button.setAttribute("aria-selected", String(tab.name === view.sheet.name));
          button.dataset.sheet = tab.name;
          if (tab.color) button.style.boxShadow = `inset 0 -3px 0 ${tab.color}`;
          button.addEventListener("click", () => void this.showSheet(tab.name));
          return button;
        }),
    );
    tabs.setAttribute("role", "tablist");
  }

  async showSheet(name: string): Promise<void> {
    await this.queue(async () => {
      const view = await api.activate(name);
      this.draw(view, false);
    });
  }

  private showSelection(position: Position): void {
    this.namebox.value = a1(position);
    if (document.activeElement !== this.formula) this.formula.value = inputOf(this.grid.cellAt(position));
  }

  private async commit(position: Position, input: string): Promise<void> {
    const sheet = this.sheetName;
    if (!sheet) return;
    await this.queue(async () => {
      try {
        const view = await api.setCell(sheet, a1(position), input);
        this.draw(view, true);
      } catch (error) {
        this.toast(messageOf(error), true);
      }
    });
  }

  /** One change at a time, in order. */
  private queue(task: () => Promise<void>): Promise<void> {
    const next = this.busy.then(task, task);
    this.busy = next.catch(() => undefined);
    return next;
  }

  private wireFormulaBar(): void {
    this.formula.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        const position = this.grid.position;
        const value = this.formula.value;
        byId("pg-grid").focus();
        if (value !== inputOf(this.grid.cellAt(position))) void this.commit(position, value);
        this.grid.select({ row: position.row + 1, col: position.col });
      } else if (event.key === "Escape") {
        this.formula.value = inputOf(this.grid.cellAt(this.grid.position));
        byId("pg-grid").focus();
      }
    });
  }

  // ---- menus ----

  private wireMenus(): void {
    const menus = ["menu-extensions", "menu-playground"].map((id) => ({
      button: byId<HTMLButtonElement>(id),
      list: byId(`${id}-list`),
    }));
    const closeAll = () => {
      for (const menu of menus) {
        menu.list.hidden = true;
        menu.button.setAttribute("aria-expanded", "false");
      }
    };
    for (const menu of menus) {
      menu.button.addEventListener("click", (event) => {
        event.stopPropagation();
        const open = menu.list.hidden;
        closeAll();
        menu.list.hidden = !open;
        menu.button.setAttribute("aria-expanded", String(open));
        if (open) (menu.list.querySelector("button") as HTMLButtonElement | null)?.focus();
      });
      menu.list.addEventListener("keydown", (event) => {
        if (event.key === "Escape") {
          closeAll();
          menu.button.focus();
        }
      });
    }
    document.addEventListener("click", closeAll);
    for (const item of Array.from(document.querySelectorAll<HTMLButtonElement>("[data-action]"))) {
      item.addEventListener("click", (event) => {
        event.stopPropagation();
        closeAll();
        void this.action(item.dataset.action ?? "");
      });
    }
  }

  async action(name: string): Promise<void> {
    try {
      switch (name) {
        case "wizard":
          return this.openSidebar("/addon/Wizard.html", "Marketing & Sales SLA");
        case "nextMonth":
          return this.askNextMonth();
        case "share":
          return this.info?.surfaces.share
            ? this.openDialogFrame("Share with sales", "/addon/Share.html", 460, 560)
            : this.shareForm();
        case "import":
          if (!this.info?.surfaces.import) throw new Error("dist/Import.html is missing: run npm run build.");
          return this.openDialogFrame("Import leads", "/addon/Import.html", 720, 600);
        case "reference":
          return this.info?.surfaces.reference
            ? this.openDialogFrame("Custom functions", "/addon/Reference.html", 640, 560)
            : this.functionList();
        case "selfTest":
          if (!this.info?.surfaces.selfTest)
            throw new Error("dist/SelfTest.html does not exist; npm run build writes the add-on's HTML.");
          return this.openDialogFrame("Self-test", "/addon/SelfTest.html", 640, 560);
        case "about":
          return this.openDialog("Marketing & Sales SLA", [
            element("p", { text: ABOUT }),
            element("p", { className: "pg-muted", text: PLAYGROUND_NOTE }),
          ]);
        case "sample":
          return this.fillSample();
        case "reset":
          return this.confirmReset();
        default:
          return undefined;
      }
    } catch (error) {
      this.toast(messageOf(error), true);
    }
  }

  private openSidebar(src: string, title: string): void {
    byId("pg-sidebar-title").textContent = title;
    this.sidebar.hidden = false;
    this.sidebarFrame.src = `${src}?open=${Date.now()}`;
  }

  private closeSidebar(): void {
    this.sidebar.hidden = true;
    this.sidebarFrame.src = "about:blank";
  }

  private async askNextMonth(): Promise<void> {
    const choose = (use: "recalculated" | "agreed", early = false) => {
      this.closeDialog();
      void this.queue(async () => {
        try {
          const result = await api.run<OperationAnswer>("startNextMonth", [{ use, early }]);
          // The month has not ended: the add-on's dialog asks again (src/gas/dialogs.ts), and so does this one.
          if (!result.ok && result.reason === "monthRunning")
            return this.askStartEarly(result.message, () => choose(use, true));
          await this.refresh(this.sheetName, { follow: true });
          this.showOutcome("Start next month", result);
        } catch (error) {
          this.toast(messageOf(error), true);
        }
      });
    };
    const yes = button("Yes: recalculated from actuals", () => choose("recalculated"), true);
    yes.id = "next-month-recalculated";
    const no = button("No: as agreed in the SLA", () => choose("agreed"));
    no.id = "next-month-agreed";
    this.openDialog("Start next month", [
      element("p", {
        text: "Set the new month's goal from the last complete month's actuals (recalculated close rate, deal size and marketing share)?",
      }),
      element("p", {
        className: "pg-muted",
        text: "Yes: recalculated from actuals. No: the inputs agreed in the SLA.",
      }),
      element(
        "div",
        { className: "pg-actions" },
        button("Cancel", () => this.closeDialog()),
        no,
        yes,
      ),
    ]);
  }

  private askStartEarly(message: string, start: () => void): void {
    const yes = button("Yes: start it now", start, true);
    yes.id = "next-month-early";
    const no = button("No: wait until the month has ended", () => this.closeDialog());
    no.id = "next-month-wait";
    this.openDialog("Start next month", [
      element("p", { className: "pg-bad", text: message }),
      element("div", { className: "pg-actions" }, no, yes),
    ]);
  }

  private showOutcome(title: string, result: OperationAnswer): void {
    const details = result.ok ? (result.notes ?? []) : (result.problems ?? []).map((problem) => problem.text);
    const body: Node[] = [element("p", { className: result.ok ? "pg-ok" : "pg-bad", text: result.message })];
    if (details.length > 0) body.push(element("ul", {}, ...details.map((text) => element("li", { text }))));
    body.push(
      element(
        "div",
        { className: "pg-actions" },
        button("OK", () => this.closeDialog(), true),
      ),
    );
    this.openDialog(title, body);
  }

  /** The playground's own share dialog, used until dist/Share.html exists. */
  private shareForm(): void {
    const emails = element("textarea");
    emails.id = "share-emails";
    emails.placeholder = "sales@example.com, rep@example.com";
    const strict = radio("share-mode", "strict", "Strict: others cannot edit protected cells", true);
    const warning = radio("share-mode", "warning", "Warning only: Sheets asks before an edit");
    const report = element("div", { className: "pg-report" });
    report.id = "share-report";
    report.hidden = true;
    const editors = element("p", {
      className: "pg-muted",
      text: `Editors now: ${(this.current?.editors ?? []).join(", ") || "only you"}`,
    });
    const submit = button(
      "Share",
      () => {
        submit.disabled = true;
        const mode = (document.querySelector<HTMLInputElement>('input[name="share-mode"]:checked')?.value ??
          "strict") as "strict" | "warning";
        const list = emails.value.split(/[\s,;]+/).filter((item) => item !== "");
        void this.queue(async () => {
          try {
            const result = await api.run<ShareAnswer>("shareWithSales", [{ emails: list, mode }]);
            report.replaceChildren(
              element("p", { className: result.ok ? "pg-ok" : "pg-bad", text: result.message }),
              element(
                "ul",
                {},
                ...result.addresses.map((entry) => element("li", { text: `${entry.email}: ${entry.detail}` })),
              ),
              ...result.explanation.map((text) => element("p", { text })),
              element("p", {
                className: "pg-muted",
                text: "Recorded, not sent: the playground added the editors to the emulated file; nobody got an e-mail.",
              }),
            );
            report.hidden = false;
            await this.refresh();
            editors.textContent = `Editors now: ${(this.current?.editors ?? []).join(", ") || "only you"}`;
          } catch (error) {
            report.replaceChildren(element("p", { className: "pg-bad", text: messageOf(error) }));
            report.hidden = false;
          } finally {
            submit.disabled = false;
          }
        });
      },
      true,
    );
    submit.id = "share-submit";
    const field = element(
      "label",
      { className: "pg-field" },
      element("span", { text: "E-mail addresses of the sales team" }),
      emails,
    );
    const body = element(
      "div",
      {},
      field,
      strict,
      warning,
      editors,
      element(
        "div",
        { className: "pg-actions" },
        button("Close", () => this.closeDialog()),
        submit,
      ),
      report,
    );
    body.style.width = "420px";
    this.openDialog("Share with sales", [body]);
  }

  /** The functions from the registry, used until dist/Reference.html exists. */
  private async functionList(): Promise<void> {
    const entries = await api.functions();
    const list = element("div", { className: "pg-functions" });
    list.append(
      element("p", {
        className: "pg-muted",
        text: "Type any of these into a cell; they work in every sheet of this workbook.",
      }),
    );
    for (const entry of entries) {
      list.append(element("h3", { text: entry.signature }), element("p", { text: entry.summary }));
      for (const example of entry.examples) {
        const line = element("p", {}, element("code", { text: example.formula }));
        if (example.result !== undefined) line.append(` → ${example.result}`);
        list.append(line);
      }
    }
    this.openDialog("Custom functions", [list]);
  }

  private async fillSample(): Promise<void> {
    await this.queue(async () => {
      try {
        const result = await api.fillSample();
        await this.refresh();
        this.toast(result.message);
      } catch (error) {
        this.toast(messageOf(error), true);
      }
    });
  }

  private confirmReset(): void {
    const yes = button(
      "Reset",
      () => {
        this.closeDialog();
        void this.queue(async () => {
          try {
            const result = await api.reset();
            this.closeSidebar();
            this.sheetName = undefined;
            this.current = undefined;
            await this.refresh(undefined);
            this.toast(result.message);
          } catch (error) {
            this.toast(messageOf(error), true);
          }
        });
      },
      true,
    );
    yes.id = "reset-confirm";
    this.openDialog("Reset workbook", [
      element("p", { text: "Start again with an empty workbook? Every tab, value and the saved SLA are deleted." }),
      element(
        "div",
        { className: "pg-actions" },
        button("Cancel", () => this.closeDialog()),
        yes,
      ),
    ]);
  }

  // ---- dialogs and frames ----

  private openDialog(title: string, body: Node[]): void {
    byId("pg-dialog-title").textContent = title;
    byId("pg-dialog-body").replaceChildren(...body);
    this.dialogFrame = undefined;
    this.overlay.hidden = false;
    const focusable =
      byId("pg-dialog-body").querySelector<HTMLElement>("textarea, input, .pg-primary") ?? byId("pg-dialog-close");
    focusable.focus();
  }

  private openDialogFrame(title: string, src: string, width: number, height: number): void {
    const frame = element("iframe");
    frame.title = title;
    frame.width = String(width);
    frame.height = String(height);
    frame.src = `${src}?open=${Date.now()}`;
    this.openDialog(title, [frame]);
    this.dialogFrame = frame;
  }

  private closeDialog(): void {
    this.overlay.hidden = true;
    byId("pg-dialog-body").replaceChildren();
    this.dialogFrame = undefined;
    byId("pg-grid").focus();
  }

  /** Messages from the add-on's frames (see scriptShim.ts). */
  private onFrameMessage(event: MessageEvent): void {
    if (event.origin !== window.location.origin) return;
    const data = event.data as {
      source?: string;
      type?: string;
      name?: string;
      ok?: boolean;
      height?: number;
      width?: number;
    } | null;
    if (data?.source !== "sla-addon") return;
    const fromDialog = this.dialogFrame !== undefined && event.source === this.dialogFrame.contentWindow;
    const fromSidebar = event.source === this.sidebarFrame.contentWindow;
    if (!fromDialog && !fromSidebar) return;
    switch (data.type) {
      case "ran":
        // The add-on may have changed the workbook: draw it again.
        void this.queue(() => this.refresh(this.sheetName, { follow: data.ok === true }));
        break;
      case "close":
        if (fromDialog) this.closeDialog();
        else this.closeSidebar();
        break;
      case "setHeight":
        if (fromDialog && this.dialogFrame && typeof data.height === "number")
          this.dialogFrame.height = String(data.height);
        break;
      case "setWidth":
        if (fromDialog && this.dialogFrame && typeof data.width === "number")
          this.dialogFrame.width = String(data.width);
        break;
      default:
        break;
    }
  }

  toast(message: string, error = false, duration = 7000): void {
    const toast = element("div", { className: error ? "pg-toast pg-toast-error" : "pg-toast", text: message });
    byId("pg-status").append(toast);
    window.setTimeout(() => toast.remove(), duration);
  }
}

function isEmptyName(view: WorkbookView, name: string): boolean {
  return name === view.sheet.name ? isEmptySheet(view) : false;
}

function isEmptySheet(view: WorkbookView): boolean {
  return Object.keys(view.sheet.cells).length === 0 && view.sheet.charts.length === 0;
}

function button(text: string, onClick: () => void, primary = false): HTMLButtonElement {
  const node = element("button", { className: primary ? "pg-button pg-primary" : "pg-button", text });
  node.type = "button";
  node.addEventListener("click", onClick);
  return node;
}

function radio(name: string, value: string, label: string, checked = false): HTMLLabelElement {
  const input = element("input");
  input.type = "radio";
  input.name = name;
  input.value = value;
  input.checked = checked;
  input.id = `${name}-${value}`;
  return element("label", { className: "pg-radio" }, input, ` ${label}`);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const page = new Page();
(window as unknown as { slaPlayground: Page }).slaPlayground = page;
page.start().catch((error: unknown) => {
  page.toast(`The playground could not load: ${messageOf(error)}`, true, 60_000);
});
