import type { ServerApi } from '../src/shared/api';

/**
 * The only door to the server. google.script.run is callback-based and untyped; this wraps it in a promise typed
 * by the ServerApi contract, so a renamed server function or a changed request shape fails the type check here
 * instead of failing silently in the sidebar.
 */

interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
}

export type ServerName = keyof ServerApi;
export type ServerResult<K extends ServerName> = ReturnType<ServerApi[K]>;

function scriptRun(): ScriptRunner | undefined {
  const host = window as unknown as { google?: { script?: { run?: ScriptRunner } } };
  return host.google?.script?.run;
}

/** google.script.run hands failures over as an Error whose message is the server's; anything else is normalised. */
function asError(error: unknown): Error {
  if (error instanceof Error) return error;
  if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
    return new Error((error as { message: string }).message);
  }
  return new Error(String(error));
}

export function call<K extends ServerName>(name: K, ...args: Parameters<ServerApi[K]>): Promise<ServerResult<K>> {
  return new Promise((resolve, reject) => {
    const run = scriptRun();
    if (!run) {
      reject(new Error('google.script.run is not available; open the planner from the Extensions menu.'));
      return;
    }
    const runner = run
      .withSuccessHandler((value) => resolve(value as ServerResult<K>))
      .withFailureHandler((error) => reject(asError(error)));
    const fn = (runner as unknown as Record<string, unknown>)[name];
    if (typeof fn !== 'function') {
      reject(new Error(`Script function not found: ${name}`));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(runner, args);
  });
}
