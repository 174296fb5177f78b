/**
 * Embedded charts: the builder from sheet.newChart() / chart.modify(), the
 * built chart, and the Charts service's enums. Charts are stored as specs
 * (type, ranges, options, position) that the snapshot and the playground draw from.
 */
import { storedRangeFacade } from "./builders";
import {
  ChartHiddenDimensionStrategy,
  ChartMergeStrategy,
  ChartType,
  CurveStyle,
  Position,
  requireMember,
} from "./enums";
import type { WorkbookModel } from "./model";
import { RangeFacade } from "./range";
import { cloneJson, type ChartSpec } from "./specs";

export function newChartSpec(): ChartSpec {
  return {
    id: null,
    type: "LINE",
    ranges: [],
    options: {},
    position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
    numHeaders: -1,
    mergeStrategy: "MERGE_COLUMNS",
    transpose: false,
    hiddenDimensionStrategy: "IGNORE_ROWS",
  };
}

function requireRange(range: unknown, method: string): RangeFacade {
  if (!(range instanceof RangeFacade))
    throw new Error(`The parameters don't match the method signature for EmbeddedChartBuilder.${method}.`);
  return range;
}

function jsonSafe(value: unknown): unknown {
  return value === undefined ? null : cloneJson(value);
}

export class EmbeddedChartBuilderFacade {
  static readonly gasName = "EmbeddedChartBuilder";

  constructor(
    readonly _model: WorkbookModel,
    readonly _spec: ChartSpec,
  ) {}

  private _as(type: string): this {
    this._spec.type = type;
    return this;
  }

  asLineChart(): this {
    return this._as("LINE");
  }

  asColumnChart(): this {
    return this._as("COLUMN");
  }

  asComboChart(): this {
    return this._as("COMBO");
  }

  asAreaChart(): this {
    return this._as("AREA");
  }

  asBarChart(): this {
    return this._as("BAR");
  }

  asPieChart(): this {
    return this._as("PIE");
  }

  asScatterChart(): this {
    return this._as("SCATTER");
  }

  asTableChart(): this {
    return this._as("TABLE");
  }

  asHistogramChart(): this {
    return this._as("HISTOGRAM");
  }

  setChartType(type: string): this {
    return this._as(requireMember(ChartType, type, "chart type"));
  }

  getChartType(): string {
    return this._spec.type;
  }

  addRange(range: unknown): this {
    const r = requireRange(range, "addRange");
    this._spec.ranges.push({ sheetId: r._sheet.id, rect: r._rect });
    return this;
  }

  removeRange(range: unknown): this {
    const r = requireRange(range, "removeRange");
    const same = (s: ChartSpec["ranges"][number]) =>
      s.sheetId === r._sheet.id && JSON.stringify(s.rect) === JSON.stringify(r._rect);
    this._spec.ranges = this._spec.ranges.filter((s) => !same(s));
    return this;
  }

  clearRanges(): this {
    this._spec.ranges = [];
    return this;
  }

  getRanges(): (RangeFacade | null)[] {
    return this._spec.ranges.map((r) => storedRangeFacade(this._model, r));
  }

  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    for (const n of [anchorRowPos, anchorColPos, offsetX, offsetY])
      if (typeof n !== "number" || !Number.isFinite(n))
        throw new Error("The parameters don't match the method signature for EmbeddedChartBuilder.setPosition.");
    if (anchorRowPos < 1 || anchorColPos < 1) throw new Error("The chart's anchor row and column start at 1.");
    this._spec.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this;
  }

  /** Stored as given: Apps Script does not validate option keys or values either. */
  setOption(option: string, value: unknown): this {
    this._spec.options[String(option)] = jsonSafe(value);
    return this;
  }

  setNumHeaders(headers: number): this {
    this._spec.numHeaders = Math.trunc(headers);
    return this;
  }

  setMergeStrategy(strategy: string): this {
    this._spec.mergeStrategy = requireMember(ChartMergeStrategy, strategy, "merge strategy");
    return this;
  }

  setTransposeRowsAndColumns(transpose: boolean): this {
    this._spec.transpose = Boolean(transpose);
    return this;
  }

  setHiddenDimensionStrategy(strategy: string): this {
    this._spec.hiddenDimensionStrategy = requireMember(
      ChartHiddenDimensionStrategy,
      strategy,
      "hidden dimension strategy",
    );
    return this;
  }

  // Typed builders (asLineChart() etc.) in Apps Script; each sets the chart option it stands for.

  setTitle(title: string): this {
    return this.setOption("title", title);
  }

  setXAxisTitle(title: string): this {
    return this.setOption("hAxis.title", title);
  }

  setYAxisTitle(title: string): this {
    return this.setOption("vAxis.title", title);
  }

  setLegendPosition(position: string): this {
    return this.setOption("legend.position", requireMember(Position, position, "legend position").toLowerCase());
  }

  setColors(colors: string[]): this {
    return this.setOption("colors", colors);
  }

  setStacked(): this {
    return this.setOption("isStacked", true);
  }

  setCurveStyle(style: string): this {
    return this.setOption(
      "curveType",
      requireMember(CurveStyle, style, "curve style") === "SMOOTH" ? "function" : "none",
    );
  }

  build(): EmbeddedChartFacade {
    return new EmbeddedChartFacade(this._model, cloneJson(this._spec));
  }
}

export class ChartOptionsFacade {
  static readonly gasName = "ChartOptions";

  constructor(readonly _options: Record<string, unknown>) {}

  get(option: string): unknown {
    return option in this._options ? cloneJson(this._options[option]) : null;
  }

  getOrDefault(option: string): unknown {
    return this.get(option);
  }
}

export class ContainerInfoFacade {
  static readonly gasName = "ContainerInfo";

  constructor(readonly _position: ChartSpec["position"]) {}

  getAnchorRow(): number {
    return this._position.row;
  }

  getAnchorColumn(): number {
    return this._position.column;
  }

  getOffsetX(): number {
    return this._position.offsetX;
  }

  getOffsetY(): number {
    return this._position.offsetY;
  }
}

export class EmbeddedChartFacade {
  static readonly gasName = "EmbeddedChart";

  constructor(
    readonly _model: WorkbookModel,
    readonly _spec: ChartSpec,
  ) {}

  getChartId(): number | null {
    return this._spec.id;
  }

  getRanges(): (RangeFacade | null)[] {
    return this._spec.ranges.map((r) => storedRangeFacade(this._model, r));
  }

  getOptions(): ChartOptionsFacade {
    return new ChartOptionsFacade(this._spec.options);
  }

  getContainerInfo(): ContainerInfoFacade {
    return new ContainerInfoFacade({ ...this._spec.position });
  }

  getNumHeaders(): number {
    return this._spec.numHeaders;
  }

  getMergeStrategy(): string {
    return this._spec.mergeStrategy;
  }

  getTransposeRowsAndColumns(): boolean {
    return this._spec.transpose;
  }

  getHiddenDimensionStrategy(): string {
    return this._spec.hiddenDimensionStrategy;
  }

  /** Changes apply only when the result is passed to sheet.updateChart(), as in Apps Script. */
  modify(): EmbeddedChartBuilderFacade {
    return new EmbeddedChartBuilderFacade(this._model, cloneJson(this._spec));
  }
}

/** The Charts service: only its enums are used by the add-on. */
export class ChartsFacade {
  static readonly gasName = "Charts";
  readonly ChartType = ChartType;
  readonly ChartMergeStrategy = ChartMergeStrategy;
  readonly ChartHiddenDimensionStrategy = ChartHiddenDimensionStrategy;
  readonly Position = Position;
  readonly CurveStyle = CurveStyle;
}
