/**
 * google.script.run and google.script.host for the add-on's sidebar in the playground. Injected before the
 * sidebar's own script. Mirrors Apps Script: withSuccessHandler / withFailureHandler / withUserObject return a new
 * runner, any other property is a server function, arguments cross by google.script.run's rules (a Date or function
 * among them throws here, before anything is sent, as the real client does), and a failure reaches the failure
 * handler as an Error carrying the server's message.
 */
import { encodeScriptRunArgs } from '../../src/offline/script-run';

type Handler = ((value: unknown, userObject?: unknown) => void) | null;

interface Answer {
  ok: boolean;
  value?: unknown;
  message?: string;
  version?: number;
}

/**
 * Tells the page around the sidebar that the workbook may have changed, and its version now, so it redraws the grid
 * only when it did (a call that only read, most of them, changes nothing).
 */
function notifyPage(version?: number): void {
  if (window.parent !== window) window.parent.postMessage({ type: 'playground:script-run', version }, window.location.origin);
}

async function post(path: string, body: unknown): Promise<Answer> {
  const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const answer = (await response.json()) as Answer;
  return response.ok || answer.ok === false ? answer : { ok: false, message: `HTTP ${response.status}` };
}

function runner(success: Handler, failure: Handler, userObject: unknown): object {
  const own: Record<string, unknown> = {
    withSuccessHandler: (fn: Handler) => runner(fn, failure, userObject),
    withFailureHandler: (fn: Handler) => runner(success, fn, userObject),
    withUserObject: (object: unknown) => runner(success, failure, object),
  };
  return new Proxy(own, {
    get(target, prop) {
      if (typeof prop !== 'string') return undefined;
      if (prop in target) return target[prop];
      return (...args: unknown[]) => {
        const input = encodeScriptRunArgs(args);
        // Like Apps Script, the call is asynchronous and returns nothing; the handlers get the outcome.
        let version: number | undefined;
        post('/api/run', { name: prop, args: input })
          .then((answer) => {
            version = answer.version;
            if (answer.ok) success?.(answer.value, userObject);
            else failure?.(new Error(answer.message ?? 'Unknown error'), userObject);
          })
          .catch((error: unknown) => failure?.(new Error(`The playground server is not reachable (${String(error)}).`), userObject))
          .finally(() => notifyPage(version));
      };
    },
  });
}

const host = {
  close(): void {
    // Closing changes no cell (the version stays) but the page must hide the sidebar: always redrawn.
    void post('/api/close-sidebar', {}).finally(() => notifyPage());
  },
  setHeight(): void {},
  setWidth(): void {},
  origin: window.location.origin,
  editor: { focus(): void {} },
};

Object.defineProperty(window, 'google', {
  value: Object.freeze({ script: Object.freeze({ run: runner(null, null, undefined), host: Object.freeze(host) }) }),
  configurable: false,
  writable: false,
});
