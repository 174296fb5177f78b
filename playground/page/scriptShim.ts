/**
 * `google.script.run` and `google.script.host` for the add-on's own HTML
 * (dist/Wizard.html and the dialogs) inside the playground: each call posts
 * its arguments as JSON to the local bridge (POST /api/run/NAME), and the
 * answer reaches the success or failure handler as it would from Apps Script.
 * The playground server injects this file, bundled, before the add-on's own
 * scripts, with the list of server functions in `window.__slaServerFunctions`.
 */

type Handler = (value: unknown, userObject?: unknown) => void;

interface Runner {
  withSuccessHandler(handler: Handler): Runner;
  withFailureHandler(handler: Handler): Runner;
  withUserObject(object: unknown): Runner;
  [name: string]: unknown;
}

interface ShimWindow {
  __slaServerFunctions?: string[];
  google?: unknown;
}

/** Tells the playground page (the parent window) what happened in this frame. */
function tellPage(message: Record<string, unknown>): void {
  if (window.parent && window.parent !== window)
    window.parent.postMessage({ source: "sla-addon", ...message }, window.location.origin);
}

async function callServer(name: string, args: unknown[]): Promise<unknown> {
  // JSON, as Apps Script sends it: a Date would arrive as text, undefined in an array as null.
  const body = JSON.stringify(args);
  const response = await fetch(`/api/run/${encodeURIComponent(name)}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body,
  });
  let answer: { value?: unknown; error?: string };
  try {
    answer = (await response.json()) as { value?: unknown; error?: string };
  } catch {
    throw new Error(`The playground server answered ${response.status} without JSON.`);
  }
  if (!response.ok || answer.error !== undefined)
    throw new Error(answer.error ?? `The playground server answered ${response.status}.`);
  return answer.value;
}

function makeRunner(names: readonly string[], success?: Handler, failure?: Handler, userObject?: unknown): Runner {
  const runner: Runner = {
    withSuccessHandler: (handler) => makeRunner(names, handler, failure, userObject),
    withFailureHandler: (handler) => makeRunner(names, success, handler, userObject),
    withUserObject: (object) => makeRunner(names, success, failure, object),
  };
  for (const name of names) {
    runner[name] = (...args: unknown[]): void => {
      tellPage({ type: "call", name });
      callServer(name, args).then(
        (value) => {
          tellPage({ type: "ran", name, ok: true });
          success?.(value, userObject);
        },
        (error: unknown) => {
          tellPage({ type: "ran", name, ok: false });
          const failed = error instanceof Error ? error : new Error(String(error));
          if (failure) failure(failed, userObject);
          else console.error(`google.script.run.${name} failed:`, failed.message);
        },
      );
    };
  }
  return runner;
}

const shimWindow = window as unknown as ShimWindow;
shimWindow.google = {
  script: {
    run: makeRunner(shimWindow.__slaServerFunctions ?? []),
    host: {
      origin: window.location.origin,
      close: () => tellPage({ type: "close" }),
      setHeight: (height: number) => tellPage({ type: "setHeight", height }),
      setWidth: (width: number) => tellPage({ type: "setWidth", width }),
      editor: { focus: () => tellPage({ type: "focusEditor" }) },
    },
  },
};
