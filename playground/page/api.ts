/** Calls to the playground server. */
import type { FunctionEntry, PlaygroundInfo, WorkbookView } from "./types";

async function answer<T>(response: Response): Promise<T> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new Error(`The playground server answered ${response.status} without JSON.`);
  }
  if (!response.ok) {
    const message =
      typeof body === "object" && body !== null && typeof (body as { error?: unknown }).error === "string"
        ? (body as { error: string }).error
        : `HTTP ${response.status}`;
    throw new Error(message);
  }
  return body as T;
}

async function post<T>(path: string, body: unknown): Promise<T> {
  return answer<T>(
    await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }),
  );
}

export async function info(): Promise<PlaygroundInfo> {
  return answer<PlaygroundInfo>(await fetch("/api/info"));
}

export async function view(sheet?: string): Promise<WorkbookView> {
  return answer<WorkbookView>(
    await fetch(sheet === undefined ? "/api/view" : `/api/view?sheet=${encodeURIComponent(sheet)}`),
  );
}

/** Makes a sheet the active one (the user clicked its tab) and answers its view. */
export function activate(sheet: string): Promise<WorkbookView> {
  return post<WorkbookView>("/api/activate", { sheet });
}

export async function functions(): Promise<FunctionEntry[]> {
  return answer<FunctionEntry[]>(await fetch("/api/functions"));
}

export function setCell(sheet: string, cell: string, input: string): Promise<WorkbookView> {
  return post<WorkbookView>("/api/cell", { sheet, cell, input });
}

/** Runs a server function of the add-on, as google.script.run would. */
export async function run<T>(name: string, args: unknown[]): Promise<T> {
  const result = await post<{ value: T }>(`/api/run/${encodeURIComponent(name)}`, args);
  return result.value;
}

export function fillSample(): Promise<{ message: string; added: number }> {
  return post("/api/playground/sample", {});
}

export function reset(): Promise<{ message: string }> {
  return post("/api/playground/reset", {});
}
