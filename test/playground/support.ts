/**
 * Helpers for the playground tests: a temporary folder for the saved
 * workbook, raw HTTP calls to the bridge, and the guide's default SLA with
 * the one contact a build needs.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultConfig } from "../../src/config/defaults";
import type { SlaConfigInput } from "../../src/config/schema";

export const TODAY = "2026-12-15";

export interface TempFolder {
  readonly path: string;
  file(name: string): string;
  remove(): void;
}

export function tempFolder(): TempFolder {
  const path = mkdtempSync(join(tmpdir(), "sla-playground-test-"));
  return { path, file: (name) => join(path, name), remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface Answer {
  readonly status: number;
  readonly body: unknown;
}

/** POSTs `body` as it is (a string is sent verbatim, anything else as JSON). */
export async function post(base: string, path: string, body: unknown, contentType = "application/json"): Promise<Answer> {
  const response = await fetch(new URL(path, base), {
    method: "POST",
    headers: contentType === "" ? {} : { "Content-Type": contentType },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: keep the text.
  }
  return { status: response.status, body: parsed };
}

export async function get(base: string, path: string): Promise<Answer> {
  const response = await fetch(new URL(path, base));
  return { status: response.status, body: (await response.json()) as unknown };
}

/** The wizard's defaults for a December 2026 start, with a sales contact (a build needs one). */
export function slaConfig(): SlaConfigInput {
  return {
    ...defaultConfig("en", "2026-12"),
    contacts: [{ name: "Kendra Miles", email: "kendra@example.com", role: "Head of Sales", party: "sales" }],
  };
}

export function errorOf(answer: Answer): string {
  const body = answer.body as { error?: unknown };
  return typeof body?.error === "string" ? body.error : "";
}
