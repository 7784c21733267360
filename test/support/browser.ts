import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { transformSync } from 'esbuild';
import { encodeScriptRunResult } from '../../src/offline/script-run';
import { DIST } from './bundle';

/**
 * The built sidebar (dist/Sidebar.html) in headless Chromium, with google.script.run replaced by a shim
 * that forwards every call to Node. The Node side is one function, so the same page can talk to a fake server or to
 * the real bundle loaded with loadBundle():
 *
 *   openSidebar(browser, fakeHandler());
 *   openSidebar(browser, (name, args) => callLikeScriptRun(context, name, ...args));
 */

/** Answers one google.script.run call; a thrown Error reaches the sidebar's failure handler with its message. */
export type ScriptHandler = (name: string, args: unknown[]) => unknown;

export const SIDEBAR_HTML = join(DIST, 'Sidebar.html');
export const ADDON_STYLESHEET = 'https://ssl.gstatic.com/docs/script/css/add-ons1.css';
/**
 * Where the page is served from memory. A reserved .test host never resolves, and serving over https is closer to
 * Apps Script (HtmlService serves the sidebar from an https origin) than a file:// URL.
 */
export const SIDEBAR_URL = 'https://sidebar.test/Sidebar.html';

/** The built page, read once by the caller so a concurrent `npm run build` (which empties dist/) cannot race a test. */
export const readSidebarHtml = (): string => readFileSync(SIDEBAR_HTML, 'utf8');

export { launchChromium } from './chromium';

export interface ScriptCall {
  name: string;
  args: unknown[];
}

export interface OpenSidebar {
  page: Page;
  /** Every google.script.run call, in order, as the server received it. */
  calls: ScriptCall[];
  /** Every request the page made besides loading itself (all are refused). */
  externalRequests: string[];
  close(): Promise<void>;
}

export interface SidebarOptions {
  /** The page to serve; dist/Sidebar.html read now when absent. */
  html?: string;
  /** The Sheets sidebar is 300 px wide. */
  viewport?: { width: number; height: number };
}

/**
 * Runs in the page before any of its scripts. Mirrors google.script.run's shape: withSuccessHandler and
 * withFailureHandler return a new runner, any other property is a server function, arguments and results follow
 * google.script.run's rules (src/offline/script-run.ts), and errors cross as their message.
 */
function installScriptRun(): void {
  type Handler = ((value: unknown) => void) | null;
  type Bridge = (name: string, argsJson: string) => Promise<string>;
  type Wire = { encodeScriptRunArgs(args: unknown[]): unknown[] };
  const bridge = (): Bridge => (globalThis as unknown as { __scriptRun: Bridge }).__scriptRun;
  // src/offline/script-run.ts, injected just before this script (scriptRunWire below).
  const wire = (globalThis as unknown as { __scriptRunWire: Wire }).__scriptRunWire;
  const runner = (success: Handler, failure: Handler): object => {
    const own: Record<string, unknown> = {
      withSuccessHandler: (fn: Handler) => runner(fn, failure),
      withFailureHandler: (fn: Handler) => runner(success, fn),
      withUserObject: () => runner(success, failure),
    };
    return new Proxy(own, {
      get(target, prop) {
        if (typeof prop !== 'string') return undefined;
        if (prop in target) return target[prop];
        return (...args: unknown[]) => {
          // As in Apps Script, arguments that cannot cross (a Date, a function) throw here, before anything is sent.
          const input = wire.encodeScriptRunArgs(args);
          void bridge()(prop, JSON.stringify(input)).then((reply) => {
            const answer = JSON.parse(reply) as { ok: true; value?: unknown } | { ok: false; message: string };
            if (answer.ok) success?.(answer.value);
            else failure?.(new Error(answer.message));
          });
        };
      },
    });
  };
  Object.defineProperty(globalThis, 'google', { value: { script: { run: runner(null, null) } }, configurable: false });
}

/** google.script.run's wire rules as a page script defining globalThis.__scriptRunWire, for installScriptRun. */
const scriptRunWire = (): string => {
  const { code } = transformSync(readFileSync(join(__dirname, '../../src/offline/script-run.ts'), 'utf8'), {
    loader: 'ts',
    format: 'iife',
    globalName: '__scriptRunWire',
    target: 'es2020',
  });
  // Init scripts run inside a function, so the IIFE's `var` is not global by itself.
  return `${code}\nglobalThis.__scriptRunWire = __scriptRunWire;`;
};

export async function openSidebar(browser: Browser, handler: ScriptHandler, options: SidebarOptions = {}): Promise<OpenSidebar> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 300, height: 720 } });
  const page = await context.newPage();
  const calls: ScriptCall[] = [];
  const externalRequests: string[] = [];

  const html = options.html ?? readSidebarHtml();
  // No network here, and the sidebar must not need one: serve the page itself, refuse everything else.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === SIDEBAR_URL) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    externalRequests.push(url);
    return route.abort();
  });
  await page.exposeFunction('__scriptRun', async (name: string, argsJson: string): Promise<string> => {
    const args = JSON.parse(argsJson) as unknown[];
    calls.push({ name, args });
    try {
      const value = encodeScriptRunResult(await handler(name, args));
      return JSON.stringify({ ok: true, value });
    } catch (error) {
      const message = typeof (error as { message?: unknown })?.message === 'string' ? (error as { message: string }).message : String(error);
      return JSON.stringify({ ok: false, message });
    }
  });
  await page.addInitScript({ content: scriptRunWire() });
  await page.addInitScript(installScriptRun);
  await page.goto(SIDEBAR_URL);
  return { page, calls, externalRequests, close: () => context.close() };
}
