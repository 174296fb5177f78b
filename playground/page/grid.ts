/**
 * The sheet grid: a table of what each cell shows (the server rendered the
 * number formats), with Sheets' colours, bold and alignment, frozen rows,
 * a selection, in-cell editing, error tooltips, and the charts at their
 * anchors. All user text goes in with textContent.
 */
import type { Chart } from "chart.js";
import { drawChart } from "./charts";
import type { CellView, DrawnChart, SheetView } from "./types";

export const ROW_HEADER_WIDTH = 46;
/** The column letters' row: a 20 px line and its 1 px border (page.css); frozen rows stick right below it. */
const HEADER_HEIGHT = 21;
const DEFAULT_HEIGHT = 21;

export interface Position {
  row: number;
  col: number;
}

export interface GridEvents {
  /** The selection moved: show the cell's formula or value in the formula bar. */
  select(position: Position, cell: CellView | undefined): void;
  /** The user typed into a cell and confirmed. */
  commit(position: Position, input: string): void;
}

export function columnLetters(column: number): string {
  let text = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  return text;
}

export function a1(position: Position): string {
  return `${columnLetters(position.col)}${position.row}`;
}

/** What the formula bar shows, and what editing starts from. */
export function inputOf(cell: CellView | undefined): string {
  return cell?.f ?? cell?.e ?? "";
}

interface DrawnRows {
  readonly sheet: SheetView;
  readonly table: HTMLTableElement;
  readonly body: HTMLTableSectionElement;
  readonly covered: ReadonlySet<string>;
  readonly spans: ReadonlyMap<string, { rows: number; cols: number }>;
  /** The drawn rows, row 1 first. */
  readonly elements: HTMLTableRowElement[];
  /** Where the next frozen row sticks. */
  frozenTop: number;
}

/** The last row with something to show: a value, a formula, a note, a ticked box, a chart's anchor; not formats alone. */
function lastShownRow(sheet: SheetView): number {
  let last = 0;
  for (const [key, cell] of Object.entries(sheet.cells)) {
    const shows =
      cell.v !== "" ||
      cell.f !== undefined ||
      cell.err !== undefined ||
      cell.note !== undefined ||
      cell.t === true ||
      (cell.t === false && !cell.x);
    if (!shows) continue;
    last = Math.max(last, Number(/\d+$/.exec(key)?.[0] ?? 0));
  }
  for (const chart of sheet.charts) last = Math.max(last, chart.anchor.row);
  return last;
}

export class Grid {
  private sheet: SheetView | undefined;
  private charts: Chart[] = [];
  private cellsByKey = new Map<string, HTMLTableCellElement>();
  private selected: Position = { row: 1, col: 1 };
  private editor: HTMLInputElement | undefined;
  private tip: HTMLDivElement | undefined;
  private canvas: HTMLDivElement | undefined;
  /** The sheet's table as drawn so far: its rows, and what drawing the next ones needs. */
  private rows: DrawnRows | undefined;

  constructor(
    private readonly host: HTMLElement,
    private readonly events: GridEvents,
  ) {
    host.addEventListener("mousedown", (event) => this.onMouseDown(event));
    host.addEventListener("dblclick", (event) => this.onDoubleClick(event));
    host.addEventListener("keydown", (event) => this.onKey(event));
    host.addEventListener("mouseover", (event) => this.onHover(event));
    host.addEventListener("mouseleave", () => this.hideTip());
    host.addEventListener("scroll", () => this.drawScrolledRows(), { passive: true });
  }

  get position(): Position {
    return { ...this.selected };
  }

  get view(): SheetView | undefined {
    return this.sheet;
  }

  cellAt(position: Position): CellView | undefined {
    return this.sheet?.cells[a1(position)];
  }

  /** Draws a sheet; keeps the scroll position when it is the same sheet. */
  render(sheet: SheetView, keepScroll: boolean): void {
    const scroll = keepScroll ? { left: this.host.scrollLeft, top: this.host.scrollTop } : { left: 0, top: 0 };
    this.closeEditor(false);
    this.hideTip();
    for (const chart of this.charts) chart.destroy();
    this.charts = [];
    this.cellsByKey.clear();
    this.sheet = sheet;
    if (!keepScroll) this.selected = { row: 1, col: 1 };
    this.selected = { row: Math.min(this.selected.row, sheet.rows), col: Math.min(this.selected.col, sheet.cols) };

    const canvas = document.createElement("div");
    canvas.className = "pg-canvas";
    const table = document.createElement("table");
    table.className = "pg-table";
    table.dataset.sheet = sheet.name;
    const colgroup = document.createElement("colgroup");
    const headerCol = document.createElement("col");
    headerCol.style.width = `${ROW_HEADER_WIDTH}px`;
    colgroup.append(headerCol);
    for (const width of sheet.widths) {
      const col = document.createElement("col");
      col.style.width = `${width}px`;
      colgroup.append(col);
    }
    table.append(colgroup);
    table.style.width = `${ROW_HEADER_WIDTH + sheet.widths.reduce((sum, width) => sum + width, 0)}px`;

    const head = document.createElement("thead");
    const headRow = document.createElement("tr");
    const corner = document.createElement("th");
    corner.className = "pg-rowhead pg-corner";
    headRow.append(corner);
    for (let col = 1; col <= sheet.cols; col++) {
      const th = document.createElement("th");
      th.textContent = columnLetters(col);
      headRow.append(th);
    }
    head.append(headRow);
    table.append(head);

    const covered = new Set<string>();
    const spans = new Map<string, { rows: number; cols: number }>();
    for (const merge of sheet.merges) {
      spans.set(`${merge.row},${merge.col}`, { rows: merge.rows, cols: merge.cols });
      for (let r = merge.row; r < merge.row + merge.rows; r++)
        for (let c = merge.col; c < merge.col + merge.cols; c++)
          if (r !== merge.row || c !== merge.col) covered.add(`${r},${c}`);
    }

    const body = document.createElement("tbody");
    table.append(body);
    canvas.append(table);
    this.rows = { sheet, table, body, covered, spans, elements: [], frozenTop: HEADER_HEIGHT };
    const scrolledTo = Math.ceil((scroll.top + this.host.clientHeight) / DEFAULT_HEIGHT);
    this.drawRowsThrough(Math.max(lastShownRow(sheet) + 20, 60, this.selected.row, scrolledTo));

    this.canvas = canvas;
    this.host.replaceChildren(canvas);

    // Charts float over the cells at their anchors, as in Sheets. Rows whose text wraps grow,
    // so the anchor row's top is measured in the laid-out table, not summed from set heights.
    const rowElements = this.rows.elements;
    const left = (column: number) =>
      ROW_HEADER_WIDTH + sheet.widths.slice(0, column - 1).reduce((sum, width) => sum + width, 0);
    const canvasTop = canvas.getBoundingClientRect().top;
    const drawnBottom = table.getBoundingClientRect().bottom - canvasTop;
    const top = (row: number) => {
      const element = rowElements[row - 1];
      if (element) return element.getBoundingClientRect().top - canvasTop;
      let y = drawnBottom;
      for (let r = rowElements.length + 1; r < row; r++) y += sheet.heights[String(r)] ?? DEFAULT_HEIGHT;
      return y;
    };
    let width = 0;
    let bottom = top(sheet.rows + 1);
    for (const chart of sheet.charts) {
      const x = left(chart.anchor.column) + chart.anchor.offsetX;
      const y = top(chart.anchor.row) + chart.anchor.offsetY;
      width = Math.max(width, x + chart.width + 24);
      bottom = Math.max(bottom, y + chart.height + 24);
      this.charts.push(drawChart(canvas, chart, x, y));
    }
    canvas.style.minWidth = `${width}px`;
    // The canvas is as tall as the whole sheet, so the scrollbar is; rows further down are drawn as they come into view.
    canvas.style.minHeight = `${bottom}px`;

    this.host.scrollLeft = scroll.left;
    this.host.scrollTop = scroll.top;
    this.select(this.selected, false);
  }

  /**
   * Draws the sheet's rows up to `last` (at most all of them). A tab draws
   * its rows with something in them at once; the empty ones below, up to the
   * sheet's end (a lead log's thousand formatted rows), as scrolling or the
   * selection reaches them: laying out every row made showing such a tab
   * take a second.
   */
  private drawRowsThrough(last: number): void {
    const rows = this.rows;
    if (!rows) return;
    const { sheet, body, covered, spans, elements } = rows;
    const through = Math.min(last, sheet.rows);
    if (elements.length >= through) return;
    const fragment = document.createDocumentFragment();
    for (let row = elements.length + 1; row <= through; row++) {
      const tr = document.createElement("tr");
      const height = sheet.heights[String(row)] ?? DEFAULT_HEIGHT;
      if (height !== DEFAULT_HEIGHT) tr.style.height = `${height}px`;
      const frozen = row <= sheet.frozenRows;
      if (frozen) {
        tr.className = row === sheet.frozenRows ? "pg-frozen pg-frozen-last" : "pg-frozen";
      }
      const th = document.createElement("th");
      th.className = "pg-rowhead";
      th.textContent = String(row);
      if (frozen) th.style.top = `${rows.frozenTop}px`;
      tr.append(th);
      for (let col = 1; col <= sheet.cols; col++) {
        if (covered.has(`${row},${col}`)) continue;
        const td = document.createElement("td");
        const span = spans.get(`${row},${col}`);
        if (span) {
          td.rowSpan = span.rows;
          td.colSpan = span.cols;
        }
        const key = `${columnLetters(col)}${row}`;
        td.dataset.cell = key;
        const cell = sheet.cells[key];
        if (cell) paintCell(td, cell, spillRoom(sheet, row, col, covered));
        if (frozen) td.style.top = `${rows.frozenTop}px`;
        this.cellsByKey.set(key, td);
        tr.append(td);
      }
      if (frozen) rows.frozenTop += height;
      elements.push(tr);
      fragment.append(tr);
    }
    body.append(fragment);
    rows.table.dataset.rowsDrawn = String(elements.length);
  }

  /** Draws the rows scrolled into view (and a screen more), if they are not drawn yet. */
  private drawScrolledRows(): void {
    const rows = this.rows;
    if (!rows || rows.elements.length >= rows.sheet.rows) return;
    const wanted = this.host.scrollTop + 2 * this.host.clientHeight;
    const drawn = rows.table.offsetHeight;
    if (wanted > drawn) this.drawRowsThrough(rows.elements.length + Math.ceil((wanted - drawn) / DEFAULT_HEIGHT));
  }

  /** The charts on screen, with the data Chart.js draws and where their boxes are. */
  drawnCharts(): DrawnChart[] {
    const views = this.sheet?.charts ?? [];
    return this.charts.map((chart, index) => {
      const view = views[index];
      const box = (chart.canvas.parentElement ?? chart.canvas).getBoundingClientRect();
      return {
        title: view?.title ?? "",
        labels: (chart.data.labels ?? []).map(String),
        ...(view?.domain ? { domain: [...view.domain] } : {}),
        datasets: chart.data.datasets.map((set) => ({
          label: set.label ?? "",
          data: (set.data as unknown[]).map((value) =>
            typeof value === "number" && Number.isFinite(value) ? value : null,
          ),
          dashed:
            Array.isArray((set as { borderDash?: unknown }).borderDash) &&
            (set as { borderDash: number[] }).borderDash.length > 0,
        })),
        box: { left: box.left, top: box.top, right: box.right, bottom: box.bottom },
      };
    });
  }

  select(position: Position, scrollIntoView = true): void {
    if (!this.sheet) return;
    const row = Math.max(1, Math.min(this.sheet.rows, position.row));
    const col = Math.max(1, Math.min(this.sheet.cols, position.col));
    this.cellsByKey.get(a1(this.selected))?.classList.remove("pg-selected");
    this.drawRowsThrough(row);
    this.selected = { row, col };
    const td = this.cellsByKey.get(a1(this.selected));
    td?.classList.add("pg-selected");
    if (td && scrollIntoView) td.scrollIntoView({ block: "nearest", inline: "nearest" });
    this.events.select(this.selected, this.cellAt(this.selected));
  }

  /** Starts typing into the selected cell, with `initial` as its text. */
  edit(initial?: string): void {
    const td = this.cellsByKey.get(a1(this.selected));
    if (!td || !this.canvas) return;
    this.closeEditor(false);
    const input = document.createElement("input");
    input.className = "pg-editor";
    input.spellcheck = false;
    input.setAttribute("aria-label", `Edit ${a1(this.selected)}`);
    const box = td.getBoundingClientRect();
    const frame = this.canvas.getBoundingClientRect();
    input.style.left = `${box.left - frame.left - 1}px`;
    input.style.top = `${box.top - frame.top - 1}px`;
    input.style.minWidth = `${Math.max(box.width + 2, 120)}px`;
    input.style.height = `${box.height + 2}px`;
    input.value = initial ?? inputOf(this.cellAt(this.selected));
    const target = { ...this.selected };
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        this.closeEditor(true);
        this.select(
          event.key === "Enter"
            ? { row: target.row + (event.shiftKey ? -1 : 1), col: target.col }
            : { row: target.row, col: target.col + (event.shiftKey ? -1 : 1) },
        );
        this.host.focus();
      } else if (event.key === "Escape") {
        event.preventDefault();
        this.closeEditor(false);
        this.host.focus();
      }
      event.stopPropagation();
    });
    input.addEventListener("blur", () => this.closeEditor(true));
    input.dataset.row = String(target.row);
    input.dataset.col = String(target.col);
    this.canvas.append(input);
    this.editor = input;
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }

  get editing(): boolean {
    return this.editor !== undefined;
  }

  private closeEditor(commit: boolean): void {
    const editor = this.editor;
    if (!editor) return;
    this.editor = undefined;
    const position = { row: Number(editor.dataset.row), col: Number(editor.dataset.col) };
    const value = editor.value;
    editor.remove();
    if (commit && value !== inputOf(this.cellAt(position))) this.events.commit(position, value);
  }

  private positionOf(target: EventTarget | null): Position | undefined {
    const td = (target as HTMLElement | null)?.closest?.("td[data-cell]") as HTMLTableCellElement | null;
    const key = td?.dataset.cell;
    const match = key ? /^([A-Z]+)(\d+)$/.exec(key) : null;
    if (!match) return undefined;
    let col = 0;
    for (const char of match[1]!) col = col * 26 + (char.charCodeAt(0) - 64);
    return { row: Number(match[2]), col };
  }

  private onMouseDown(event: MouseEvent): void {
    if ((event.target as HTMLElement).closest(".pg-editor, .pg-chart")) return;
    const position = this.positionOf(event.target);
    if (!position) return;
    event.preventDefault();
    this.closeEditor(true);
    this.select(position, false);
    this.host.focus();
    const cell = this.cellAt(position);
    // A click on a checkbox ticks it, as in Sheets.
    if (cell?.x && cell.f === undefined && (event.target as HTMLElement).classList.contains("pg-check"))
      this.events.commit(position, cell.t ? "FALSE" : "TRUE");
  }

  private onDoubleClick(event: MouseEvent): void {
    const position = this.positionOf(event.target);
    if (!position) return;
    this.select(position, false);
    this.edit();
  }

  private onKey(event: KeyboardEvent): void {
    if (this.editor || !this.sheet) return;
    const { row, col } = this.selected;
    const moves: Record<string, Position> = {
      ArrowUp: { row: row - 1, col },
      ArrowDown: { row: row + 1, col },
      ArrowLeft: { row, col: col - 1 },
      ArrowRight: { row, col: col + 1 },
      Tab: { row, col: col + (event.shiftKey ? -1 : 1) },
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      this.select(move);
    } else if (event.key === "Enter" || event.key === "F2") {
      event.preventDefault();
      this.edit();
    } else if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      if (inputOf(this.cellAt(this.selected)) !== "") this.events.commit(this.selected, "");
    } else if (event.key === " " && this.cellAt(this.selected)?.x) {
      event.preventDefault();
      const cell = this.cellAt(this.selected)!;
      this.events.commit(this.selected, cell.t ? "FALSE" : "TRUE");
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      this.edit(event.key);
    }
  }

  private onHover(event: MouseEvent): void {
    const position = this.positionOf(event.target);
    const cell = position ? this.cellAt(position) : undefined;
    if (!position || !cell || (cell.err === undefined && cell.note === undefined)) {
      this.hideTip();
      return;
    }
    const td = this.cellsByKey.get(a1(position));
    if (!td || !this.canvas) return;
    this.hideTip();
    const tip = document.createElement("div");
    tip.className = "pg-tip";
    if (cell.err !== undefined) {
      const title = document.createElement("strong");
      title.textContent = "Error";
      tip.append(title, document.createTextNode(cell.err));
    } else tip.textContent = cell.note ?? "";
    const box = td.getBoundingClientRect();
    const frame = this.canvas.getBoundingClientRect();
    tip.style.left = `${box.left - frame.left}px`;
    tip.style.top = `${box.bottom - frame.top + 2}px`;
    this.canvas.append(tip);
    this.tip = tip;
  }

  private hideTip(): void {
    this.tip?.remove();
    this.tip = undefined;
  }
}

/**
 * How far text in a cell may run over empty cells to its right, as Sheets
 * lets it: the width of the run of empty cells next to it (0: none).
 */
function spillRoom(sheet: SheetView, row: number, col: number, covered: ReadonlySet<string>): number {
  const cell = sheet.cells[`${columnLetters(col)}${row}`];
  if (!cell || cell.v === "" || cell.n || cell.w || cell.x || cell.t !== undefined || cell.err !== undefined) return 0;
  if (cell.ha === "center" || cell.ha === "right") return 0;
  let room = 0;
  for (let next = col + 1; next <= sheet.cols; next++) {
    const other = sheet.cells[`${columnLetters(next)}${row}`];
    if ((other && (other.v !== "" || other.x)) || covered.has(`${row},${next}`)) break;
    room += sheet.widths[next - 1] ?? 100;
    if (room > 2000) break;
  }
  return room === 0 ? 0 : room + (sheet.widths[col - 1] ?? 100) - 7;
}

function paintCell(td: HTMLTableCellElement, cell: CellView, spill: number): void {
  const classes: string[] = [];
  if (cell.x) {
    const box = document.createElement("input");
    box.type = "checkbox";
    box.className = "pg-check";
    box.tabIndex = -1;
    box.checked = cell.t === true;
    box.setAttribute("aria-label", cell.t ? "checked" : "unchecked");
    td.append(box);
    classes.push("pg-bool");
  } else if (spill > 0) {
    // Long text runs on over the empty cells to its right.
    const text = document.createElement("span");
    text.className = "pg-spill";
    text.textContent = cell.v;
    text.style.maxWidth = `${spill}px`;
    td.append(text);
    classes.push("pg-spills");
  } else {
    td.textContent = cell.v;
    if (cell.t !== undefined || cell.err !== undefined) classes.push("pg-bool");
    else if (cell.n) classes.push("pg-num");
  }
  if (cell.w) classes.push("pg-wrap");
  if (cell.err !== undefined) classes.push("pg-error", "pg-has-error");
  else if (cell.note !== undefined) classes.push("pg-has-note");
  if (classes.length > 0) td.className = classes.join(" ");
  const style = td.style;
  if (cell.bg) style.backgroundColor = cell.bg;
  if (cell.fc) style.color = cell.fc;
  if (cell.b) style.fontWeight = "bold";
  if (cell.i) style.fontStyle = "italic";
  if (cell.fs && cell.fs !== 10) style.fontSize = `${Math.round((cell.fs * 4) / 3)}px`;
  if (cell.ha && cell.ha !== "normal" && cell.ha !== "general") style.textAlign = cell.ha.replace("general-", "");
  if (cell.va) style.verticalAlign = cell.va === "center" ? "middle" : cell.va;
}
