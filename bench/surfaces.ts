/**
 * The HTML surfaces (one self-contained file each): their size, and the median
 * time from navigation to the wizard's interactive first step in headless
 * Chromium (Debian's /usr/bin/chromium), offline as in tests.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { launchBrowser, openWizard } from "../test/browser/support";
import type { BenchResult } from "./lib/types";
import { MAX_HTML_BYTES, SURFACES } from "../scripts/lib/html";

const LOADS = 9;

export async function run(): Promise<BenchResult[]> {
  const dist = join(process.cwd(), "dist");
  // The sidebar and dialogs; Operations.html is server code, measured with Code.js.
  const sizes: BenchResult[] = [...SURFACES]
    .sort((a, b) => a.output.localeCompare(b.output))
    .map((surface) => ({
      name: `dist/${surface.output} size`,
      value: Buffer.byteLength(readFileSync(join(dist, surface.output))),
      unit: "bytes",
      target: { max: surface.maxBytes ?? MAX_HTML_BYTES },
    }));
  if (sizes.length === 0) throw new Error("no HTML files in dist/: run npm run build");

  const browser = await launchBrowser();
  const times: number[] = [];
  try {
    for (let load = 0; load < LOADS; load++) {
      const wizard = await openWizard(browser, "en");
      // The wizard marks the moment its first step is on screen and takes input.
      const ready = await wizard.page.evaluate(
        () => performance.getEntriesByName("wizard-ready")[0]?.startTime ?? Number.NaN,
      );
      await wizard.context.close();
      if (!Number.isFinite(ready)) throw new Error("the wizard never marked itself ready");
      times.push(ready);
    }
  } finally {
    await browser.close();
  }
  times.sort((a, b) => a - b);
  return [
    ...sizes,
    {
      name: "wizard: navigation to interactive first step",
      value: Math.round(times[Math.floor(times.length / 2)] as number),
      unit: "ms",
      note: `median of ${LOADS} loads in headless Chromium, getWizardState answered at once by a stand-in, network blocked`,
    },
  ];
}
