import type { SheetSnapshot } from '../../src/offline/workbook';
import { serialOfDay } from '../../src/core/dates';
import { mapHeaders } from '../../src/core/roster';
import type { BuildDashboardResult } from '../../src/shared/api';
import { loadAddon, type LoadedAddon } from './addon';
import { HEADER, handRoster } from './dashboard-roster';
import { createEngine, snapshotGrids } from './formula-engine';

/** The built add-on on a workbook holding the hand roster (dashboard-roster.ts) and a tab of the team's own. */

/** Today in the workbook's zone (Etc/GMT, the in-memory default), as a serial number; a date cell is a Date of its day. */
const now = new Date();
export const TODAY = serialOfDay({ y: now.getUTCFullYear(), m: now.getUTCMonth() + 1, d: now.getUTCDate() });
const dateOf = (serial: number): Date => new Date((serial - 25_569) * 86_400_000);

/** The hand roster of test/support/dashboard-roster.ts as a sheet holds it: dates as Dates, blanks as ''. */
export const ROWS: unknown[][] = handRoster(TODAY).map((row) => row.map((c) => (c === null ? '' : typeof c === 'object' ? dateOf(c.serial) : c)));
/** The same rows as the formula engine reads them: dates as serial numbers. */
export const ENGINE_ROWS: unknown[][] = handRoster(TODAY).map((row) => row.map((c) => (c === null ? null : typeof c === 'object' ? c.serial : c)));

const USER_NOTES = [['=SUM(1,2)', 'our own formula'], ['<b>plan</b>', 42]];

export function rosterAddon(rows: unknown[][] = ROWS, options: Parameters<typeof loadAddon>[0] = {}): LoadedAddon {
  return loadAddon({ ...options, sheets: { Roster: [HEADER, ...rows], Notes: USER_NOTES, ...options.sheets } });
}

export const sheetSnap = (addon: LoadedAddon, name: string): SheetSnapshot => {
  const found = addon.workbook.snapshot().sheets.find((s) => s.name === name);
  if (!found) throw new Error(`No tab ${name}`);
  return found;
};

export const build = (addon: LoadedAddon, input?: unknown): BuildDashboardResult =>
  (input === undefined ? addon.run('buildDashboard') : addon.run('buildDashboard', input)) as BuildDashboardResult;

/** The Dashboard tab's formulas evaluated beside the roster they read (dates as serials, as Sheets holds them). */
export function evaluate(addon: LoadedAddon, sheetName: string, rosterRows: unknown[][]) {
  const roster = [HEADER, ...rosterRows].map((row) => row.map((c) => (c === '' ? null : c))) as (string | number | null)[][];
  const engine = createEngine({ Roster: roster, [sheetName]: snapshotGrids(addon.workbook.snapshot())[sheetName]! });
  const tab = sheetSnap(addon, sheetName);
  return {
    value: (ref: string) => engine.value(sheetName, ref),
    /** Every cell of the tab showing an error (#REF!, #DIV/0!, #N/A, #VALUE! ...). */
    errors: () =>
      Object.keys(tab.cells)
        .map((ref) => [ref, engine.value(sheetName, ref)] as const)
        .filter(([, v]) => typeof v === 'string' && v.startsWith('#ERROR'))
        .map(([ref, v]) => `${ref}: ${String(v)}`),
  };
}

/** The roster fields of HEADER, in its order. */
export function fieldOf(header: string): string {
  const found = Object.entries(mapHeaders(HEADER)).find(([, c]) => c!.header === header);
  if (!found) throw new Error(`No field for ${header}`);
  return found[0];
}
