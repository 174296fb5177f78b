/**
 * Jest's globalSetup and globalTeardown: one headless chromium for the whole
 * run, which every browser test file connects to (launchChromium follows
 * CHROMIUM_ENDPOINT_VARIABLE, and the workers inherit the variable). A
 * chromium of its own per file cost each file about 2 s of CPU on a 2-core
 * machine. Files still work in their own browser contexts, so they share no
 * page, cookie or storage. Without chromium nothing starts, and each browser
 * test says how to install it.
 */
import { existsSync } from "node:fs";
import type { BrowserServer } from "playwright-core";
import { CHROMIUM, CHROMIUM_ENDPOINT_VARIABLE, launchChromiumServer } from "../../playground/server/chromium";

const running = globalThis as { slaSharedChromium?: BrowserServer };

export async function startSharedChromium(): Promise<void> {
  if (process.env[CHROMIUM_ENDPOINT_VARIABLE] || !existsSync(CHROMIUM)) return;
  const server = await launchChromiumServer();
  running.slaSharedChromium = server;
  process.env[CHROMIUM_ENDPOINT_VARIABLE] = server.wsEndpoint();
}

export async function stopSharedChromium(): Promise<void> {
  const server = running.slaSharedChromium;
  if (!server) return;
  running.slaSharedChromium = undefined;
  delete process.env[CHROMIUM_ENDPOINT_VARIABLE];
  await server.close();
}
