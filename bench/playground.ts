/**
 * The playground behind `npm start`: time from starting the server to the
 * first served page (the build that `npm start` runs first is timed apart),
 * and the time to build an SLA through the page's bridge.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { startPlayground } from "../playground/server";
import type { BenchResult } from "./lib/types";

export async function run(): Promise<BenchResult[]> {
  const buildStart = performance.now();
  execFileSync(process.execPath, ["--import", "tsx", "scripts/build.ts"], { stdio: "ignore" });
  const buildMs = performance.now() - buildStart;

  const folder = mkdtempSync(join(tmpdir(), "sla-bench-"));
  try {
    const start = performance.now();
    const playground = await startPlayground({ port: 0, dataFile: join(folder, "workbook.json"), today: "2026-11-28" });
    try {
      const page = await fetch(playground.url);
      if (!page.ok) throw new Error(`the page answered ${page.status}`);
      await page.text();
      const firstPageMs = performance.now() - start;

      const config = JSON.parse(readFileSync(join(process.cwd(), "examples", "internal-en.json"), "utf8")) as unknown;
      const buildThroughPage = performance.now();
      const response = await fetch(new URL("/api/run/buildSla", playground.url), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify([config]),
      });
      const answer = (await response.json()) as { ok?: boolean; value?: { ok?: boolean } };
      const buildSlaMs = performance.now() - buildThroughPage;
      const built = answer.value?.ok ?? answer.ok;
      if (!response.ok || built !== true)
        throw new Error(`buildSla through the page failed: ${JSON.stringify(answer).slice(0, 300)}`);
      return [
        {
          name: "npm start: build before serving",
          value: Math.round(buildMs),
          unit: "ms",
          note: "npm run build (server bundle and HTML surfaces)",
        },
        {
          name: "npm start: server start to first served page",
          value: Math.round(firstPageMs),
          unit: "ms",
          note: "startPlayground() until GET / has answered",
        },
        {
          name: "build an SLA through the page",
          value: Math.round(buildSlaMs),
          unit: "ms",
          note: "POST /api/run/buildSla with examples/internal-en.json, the add-on's buildSla on the emulator, saved to disk",
        },
      ];
    } finally {
      await playground.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
