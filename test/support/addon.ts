import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { createMemoryWorkbook, type MemoryWorkbook, type MemoryWorkbookOptions } from '../../src/offline/workbook';
import { callLikeScriptRun, DIST, readBundle } from './bundle';

export interface LoadedAddon {
  workbook: MemoryWorkbook;
  context: vm.Context;
  /** Calls a server function as google.script.run would (JSON in, JSON out). */
  run(name: string, ...args: unknown[]): unknown;
}

/**
 * The built add-on running against an in-memory workbook: dist/Code.js in a fresh V8 context whose only globals are
 * the workbook's Apps Script services.
 */
export function loadAddon(options: MemoryWorkbookOptions & { sheets?: Record<string, unknown[][]> } = {}): LoadedAddon {
  const context = vm.createContext({});
  const workbook = createMemoryWorkbook({
    htmlFiles: { Sidebar: readFileSync(join(DIST, 'Sidebar.html'), 'utf8') },
    ...options,
    dateConstructor: vm.runInContext('Date', context) as DateConstructor,
  });
  for (const [name, rows] of Object.entries(options.sheets ?? {})) workbook.seedSheet(name, rows);
  Object.assign(context, workbook.globals);
  vm.runInContext(readBundle(), context, { filename: 'Code.js' });
  return { workbook, context, run: (name, ...args) => callLikeScriptRun(context, name, ...args) };
}
