import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { encodeScriptRunArgs, encodeScriptRunResult } from '../../src/offline/script-run';

export const DIST = join(__dirname, '..', '..', 'dist');
export const readBundle = (): string => readFileSync(join(DIST, 'Code.js'), 'utf8');

/**
 * Loads the built dist/Code.js into a fresh V8 context holding only the given globals, as Apps Script does: no
 * Node or Web APIs (no URL, TextEncoder, setTimeout, Buffer, process), so a slip into one fails here too.
 */
export function loadBundle(globals: Record<string, unknown> = {}, code = readBundle()): vm.Context {
  const context = vm.createContext({ ...globals });
  vm.runInContext(code, context, { filename: 'Code.js' });
  return context;
}

/**
 * Calls a top-level function of the loaded bundle the way google.script.run does (src/offline/script-run.ts): a Date
 * or function among the arguments fails the call, the server gets copies, and a result that cannot cross arrives as
 * null. Errors come back as their message.
 */
export function callLikeScriptRun(context: vm.Context, name: string, ...args: unknown[]): unknown {
  const fn = (context as Record<string, unknown>)[name];
  if (typeof fn !== 'function' || name.endsWith('_')) throw new Error(`Script function not found: ${name}`);
  const input = encodeScriptRunArgs(args);
  return encodeScriptRunResult((fn as (...a: unknown[]) => unknown)(...input));
}
