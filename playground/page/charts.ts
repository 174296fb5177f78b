/**
 * Draws the workbook's charts with Chart.js from the chart specs the server
 * resolved (labels and series from the snapshot's cells, series types,
 * colours, dashed goal lines, a second axis), at their anchor in the grid.
 */
import {
  Chart,
  type ChartConfiguration,
  type ChartDataset,
  type ChartOptions,
  registerables,
  type ScaleOptions,
} from "chart.js";
import type { ChartView } from "./types";

Chart.register(...registerables);

const PADDING = 8;

function withAlpha(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{6})$/i.exec(color);
  if (!hex) return color;
  const n = parseInt(hex[1]!, 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

type Series = ChartDataset<"bar", (number | null)[]> | ChartDataset<"line", (number | null)[]>;

/**
 * A chart's Chart.js configuration: a bar chart whose series may be lines.
 * Each part is typed as one chart type; checking the whole against Chart.js's
 * union of bar and line types takes tsc about three seconds.
 */
export function chartConfig(view: ChartView): ChartConfiguration<"bar"> {
  const twoAxes = view.axes.length > 1;
  const datasets = view.datasets.map((set): Series => {
    const yAxisID = set.axis === 1 ? "y1" : "y";
    if (set.kind === "bar") {
      return {
        type: "bar",
        label: set.label,
        data: set.data,
        backgroundColor: set.color,
        borderColor: set.color,
        borderWidth: 0,
        yAxisID,
        order: 2,
        categoryPercentage: 0.8,
        barPercentage: 0.9,
      };
    }
    const area = set.kind === "area";
    return {
      type: "line",
      label: set.label,
      data: set.data,
      borderColor: set.color,
      backgroundColor: area ? withAlpha(set.color, 0.3) : set.color,
      borderWidth: set.lineWidth ?? 2,
      borderDash: set.dash ?? [],
      pointRadius: set.pointSize ?? 0,
      pointHoverRadius: 4,
      fill: area,
      spanGaps: false,
      tension: 0,
      yAxisID,
      order: 1,
    };
  });
  const axis = (index: number, position: "left" | "right"): ScaleOptions<"linear"> => {
    const spec = view.axes[index] ?? {};
    return {
      type: "linear" as const,
      position,
      beginAtZero: true,
      ...(spec.min !== undefined ? { min: spec.min } : {}),
      ...(spec.max !== undefined ? { max: spec.max } : {}),
      title: { display: spec.title !== undefined, text: spec.title ?? "", color: "#5f6368" },
      grid: { drawOnChartArea: position === "left", color: "#e8eaed" },
      ticks: { color: "#5f6368", ...(spec.whole ? { precision: 0 } : {}) },
    };
  };
  const options: ChartOptions<"bar"> = {
    responsive: false,
    animation: false,
    indexAxis: view.horizontal ? "y" : "x",
    plugins: {
      title: {
        display: view.title !== "",
        text: view.title,
        color: view.titleColor ?? "#202124",
        font: { size: 14, weight: "bold" },
        align: "start",
      },
      legend: {
        display: view.legend !== "none",
        position: view.legend === "none" ? "bottom" : view.legend,
        labels: { boxWidth: 12, color: "#3c4043", sort: (a, b) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0) },
      },
      // Series in the sheet's order (drawing order puts lines over bars).
      tooltip: { mode: "index", intersect: false, itemSort: (a, b) => a.datasetIndex - b.datasetIndex },
    },
    scales: {
      x: {
        stacked: view.stacked === true,
        grid: { display: false },
        ticks: { color: "#5f6368", autoSkip: true, maxRotation: 0 },
        title: { display: view.domainTitle !== undefined, text: view.domainTitle ?? "" },
      },
      y: { ...axis(0, "left"), stacked: view.stacked === true },
      ...(twoAxes ? { y1: axis(1, "right") } : {}),
    },
  };
  // Chart.js draws each series by its own type; the bar type only names the chart's defaults.
  return { type: "bar", data: { labels: view.labels, datasets: datasets as ChartDataset<"bar">[] }, options };
}

/** One chart in its box; returns the Chart.js instance (destroy it before drawing the sheet again). */
export function drawChart(host: HTMLElement, view: ChartView, left: number, top: number): Chart {
  const box = document.createElement("div");
  box.className = "pg-chart";
  box.dataset.chartId = String(view.id ?? "");
  box.setAttribute("role", "img");
  box.setAttribute("aria-label", view.title || "Chart");
  box.style.left = `${left}px`;
  box.style.top = `${top}px`;
  box.style.width = `${view.width}px`;
  box.style.height = `${view.height}px`;
  if (view.background) box.style.background = view.background;
  const canvas = document.createElement("canvas");
  canvas.width = view.width - 2 * PADDING - 2;
  canvas.height = view.height - 2 * PADDING - 2;
  box.append(canvas);
  host.append(box);
  return new Chart(canvas, chartConfig(view));
}
