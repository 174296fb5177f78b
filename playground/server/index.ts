/**
 * The `npm start` server: a page that looks like a spreadsheet window over
 * the emulated workbook, the add-on's real sidebar in a frame, and a bridge
 * that runs the add-on's server functions on the emulator.
 *
 *   const playground = await startPlayground({ port: 0, dataFile: "/tmp/wb.json", today: "2026-12-15" });
 *   console.log(playground.url);
 *   await playground.close();
 *
 * Routes: GET / (the page), /app.js, /app.css, /addon/Wizard.html (and the
 * dialogs dist/ holds), /api/info, /api/view?sheet=NAME, /api/functions;
 * POST /api/run/NAME (body: JSON array of arguments), /api/cell,
 * /api/playground/sample, /api/playground/reset. Only localhost is served.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { FUNCTIONS } from "../../src/functions/definitions";
import { SERVER_API } from "../../src/server";
import type { FunctionEntry, PlaygroundInfo } from "../page/types";
import { addonHtml, buildPageAssets, hasAddonFile, isAddonFile, type PageAssets } from "./assets";
import { isServerFunction, PlaygroundError, PlaygroundSession } from "./session";
import { workbookView } from "./view";

export { PlaygroundSession } from "./session";
export { registerCustomFunctions } from "./customFunctions";

export interface PlaygroundOptions {
  /** 0 picks a free port. Default 8080. */
  readonly port?: number;
  /** The saved workbook. Default playground/.data/workbook.json. */
  readonly dataFile?: string;
  /** "YYYY-MM-DD"; the real date when left out. */
  readonly today?: string;
  /** Start with an empty workbook (the saved one is replaced). */
  readonly reset?: boolean;
  readonly timeZone?: string;
  readonly locale?: string;
  /** The project's root (where dist/ and playground/ are). Default: the working directory. */
  readonly root?: string;
  /** Largest request body accepted, in bytes. Default 1 MB. */
  readonly maxBodyBytes?: number;
}

export interface Playground {
  readonly url: string;
  readonly port: number;
  readonly session: PlaygroundSession;
  /** Set when the saved workbook could not be read and was moved aside. */
  readonly notice: string | undefined;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 8080;
export const DEFAULT_DATA_FILE = "playground/.data/workbook.json";
const DEFAULT_MAX_BODY = 1024 * 1024;

/** The port is taken: says which, and how to choose another. */
export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(
      `Port ${port} is already in use (is another playground running?). Stop what uses it, or choose another port: PORT=${port === 8081 ? 8082 : 8081} npm start`,
    );
    this.name = "PortInUseError";
  }
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  // Everything comes from this server; Google's add-on stylesheet is refused at once
  // (the sidebar has its own fallback), so nothing waits on the network.
  "Content-Security-Policy":
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'self'",
};

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store", ...SECURITY_HEADERS });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, "application/json; charset=utf-8", JSON.stringify(value));
}

async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const type = String(request.headers["content-type"] ?? "");
  if (!/^application\/json\b/i.test(type))
    throw new HttpError(
      415,
      `Send the body as JSON (Content-Type: application/json), not ${type || "without a Content-Type"}.`,
    );
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit)
    throw new HttpError(413, `The body is ${declared} bytes; the limit is ${limit} bytes.`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new HttpError(413, `The body is larger than the limit of ${limit} bytes.`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function parseJson(text: string): unknown {
  if (text.trim() === "") throw new HttpError(400, "The body is empty; send a JSON value.");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new HttpError(400, `The body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The arguments of a server function: a JSON array, as google.script.run sends them. */
export function parseArguments(text: string): unknown[] {
  const value = parseJson(text);
  if (!Array.isArray(value))
    throw new HttpError(
      400,
      `The body must be a JSON array of the function's arguments, e.g. [] or [{"use":"agreed"}]; got ${value === null ? "null" : typeof value}.`,
    );
  return value;
}

function objectBody(text: string, fields: Record<string, "string">): Record<string, string> {
  const value = parseJson(text);
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new HttpError(400, `The body must be a JSON object with ${Object.keys(fields).join(", ")}.`);
  const out: Record<string, string> = {};
  for (const [field, kind] of Object.entries(fields)) {
    const item = (value as Record<string, unknown>)[field];
    if (typeof item !== kind) throw new HttpError(400, `"${field}" must be a ${kind}.`);
    out[field] = item as string;
  }
  return out;
}

function functionEntries(): FunctionEntry[] {
  return FUNCTIONS.map((fn) => ({
    name: fn.name,
    signature: `${fn.name}(${fn.params.map((param) => (param.optional ? `[${param.name}]` : param.name)).join(", ")})`,
    summary: fn.summary.en,
    examples: fn.examples.map((example) => ({
      formula: example.formula,
      ...(typeof example.result === "number" || typeof example.result === "string"
        ? { result: String(example.result) }
        : {}),
    })),
  }));
}

function allowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`].includes(host.toLowerCase());
}

export async function startPlayground(options: PlaygroundOptions = {}): Promise<Playground> {
  const root = resolve(options.root ?? process.cwd());
  const dataFile = resolve(root, options.dataFile ?? DEFAULT_DATA_FILE);
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const assets: PageAssets = await buildPageAssets(root);
  const session = new PlaygroundSession({
    dataFile,
    addonFiles: join(root, "dist"),
    ...(options.today ? { today: options.today } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
  });
  if (options.reset) session.reset();
  const functions = Object.keys(SERVER_API).filter(isServerFunction);
  let port = options.port ?? DEFAULT_PORT;

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!allowedHost(request.headers.host, port)) throw new HttpError(403, "The playground answers only on localhost.");
    const url = new URL(request.url ?? "/", `http://localhost:${port}`);
    const path = url.pathname;
    const method = request.method ?? "GET";

    if (method === "GET") {
      if (path === "/" || path === "/index.html") return send(response, 200, "text/html; charset=utf-8", assets.html);
      if (path === "/app.js") return send(response, 200, "text/javascript; charset=utf-8", assets.script);
      if (path === "/app.css") return send(response, 200, "text/css; charset=utf-8", assets.css);
      if (path === "/favicon.ico") {
        response.writeHead(204, SECURITY_HEADERS);
        response.end();
        return;
      }
      const addon = /^\/addon\/([A-Za-z]+\.html)$/.exec(path);
      if (addon) {
        const name = addon[1]!;
        if (!isAddonFile(name) || !hasAddonFile(root, name))
          throw new HttpError(404, `dist/${name} does not exist; npm run build writes the add-on's HTML.`);
        return send(response, 200, "text/html; charset=utf-8", addonHtml(root, name, assets.shim, functions));
      }
      if (path === "/api/info") {
        const info: PlaygroundInfo = {
          functions,
          surfaces: {
            share: hasAddonFile(root, "Share.html"),
            reference: hasAddonFile(root, "Reference.html"),
            import: hasAddonFile(root, "Import.html"),
            selfTest: hasAddonFile(root, "SelfTest.html"),
          },
          dataFile,
          ...(session.notice ? { notice: session.notice } : {}),
        };
        return sendJson(response, 200, info);
      }
      if (path === "/api/view")
        return sendJson(response, 200, workbookView(session, url.searchParams.get("sheet") ?? undefined));
      if (path === "/api/functions") return sendJson(response, 200, functionEntries());
      throw new HttpError(404, `Nothing at ${path}.`);
    }

    if (method !== "POST") throw new HttpError(405, `${method} is not supported here.`);
    const run = /^\/api\/run\/([^/]+)$/.exec(path);
    if (run) {
      const name = decodeURIComponent(run[1]!);
      if (!isServerFunction(name))
        throw new HttpError(404, `"${name}" is not a server function of the add-on. Known: ${functions.join(", ")}.`);
      const args = parseArguments(await readBody(request, limit));
      const outcome = session.run(name, args);
      return outcome.ok
        ? sendJson(response, 200, { value: outcome.value })
        : sendJson(response, 500, { error: outcome.error });
    }
    if (path === "/api/cell") {
      const body = objectBody(await readBody(request, limit), { sheet: "string", cell: "string", input: "string" });
      session.setCell(body.sheet!, body.cell!, body.input!);
      return sendJson(response, 200, workbookView(session, body.sheet));
    }
    if (path === "/api/activate") {
      // Clicking a tab makes it the active sheet, as in Sheets: an add-on that activates another tab then moves the page.
      const body = objectBody(await readBody(request, limit), { sheet: "string" });
      session.activate(body.sheet!);
      return sendJson(response, 200, workbookView(session, body.sheet));
    }
    if (path === "/api/playground/sample") {
      await readBody(request, limit);
      return sendJson(response, 200, session.fillSampleData());
    }
    if (path === "/api/playground/reset") {
      await readBody(request, limit);
      session.reset();
      return sendJson(response, 200, { message: "The workbook is empty again." });
    }
    throw new HttpError(404, `Nothing at ${path}.`);
  }

  const server: Server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.end();
        return;
      }
      if (error instanceof HttpError) return sendJson(response, error.status, { error: error.message });
      if (error instanceof PlaygroundError) return sendJson(response, 400, { error: error.message });
      const message = error instanceof Error ? error.message : String(error);
      return sendJson(response, 500, { error: message });
    });
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    const onError = (error: NodeJS.ErrnoException) =>
      rejectListen(error.code === "EADDRINUSE" ? new PortInUseError(port) : error);
    server.once("error", onError);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", onError);
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://localhost:${port}/`;
  return {
    url,
    port,
    session,
    notice: session.notice,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
