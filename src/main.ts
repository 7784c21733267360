/**
 * The bundle's entry. The build wraps this module in an IIFE bound to the global `InfluencerMatrix` and appends a
 * top-level function for every custom function and entry point below, because Apps Script only sees top-level
 * function declarations (for cell formulas, menus, triggers and google.script.run).
 */
import { CUSTOM_FUNCTIONS, CUSTOM_FUNCTION_BY_NAME } from './functions/registry';
import { runCustomFunction, type Cell } from './functions/vectorize';
import { ENTRY_POINTS } from './server/entry-points';

export interface CustomFunctionHelp {
  name: string;
  description: string;
  params: Array<{ name: string; type: string; description: string; optional: boolean }>;
  returns: { type: string; description: string };
  example: string;
}

/** Help for every custom function, read by the build to write each stub's JSDoc. */
export const customFunctionHelp: CustomFunctionHelp[] = CUSTOM_FUNCTIONS.map((spec) => ({
  name: spec.name,
  description: spec.description,
  params: spec.params.map((p) => ({ name: p.name, type: p.type, description: p.description, optional: !!p.optional })),
  returns: spec.returns,
  example: spec.example,
}));

/** Names and parameter names of the Apps Script entry points (menus, triggers, google.script.run). */
export const entryPointNames: Array<{ name: string; params: string[] }> = Object.entries(ENTRY_POINTS).map(
  ([name, entry]) => ({ name, params: entry.params.slice() }),
);

export function callCustomFunction(name: string, args: ArrayLike<unknown>): Cell | Cell[][] {
  const spec = CUSTOM_FUNCTION_BY_NAME[name];
  if (!spec) throw new Error(`Unknown function ${name}`);
  // Sheets passes omitted trailing arguments as undefined; `arguments` keeps them, which is what we want.
  return runCustomFunction(spec, Array.prototype.slice.call(args), { dayOf: spreadsheetDays_() });
}

/**
 * Reads a Date argument as the day it names in the spreadsheet's time zone: Sheets passes a date cell as a Date for
 * midnight there, and the script's own zone (appsscript.json) may be hours away from it. The zone is looked up on
 * the first Date of a call only, so a call costs at most one lookup whatever the size of its ranges, and none when
 * no argument is a date; each distinct day is formatted once.
 */
function spreadsheetDays_(): (date: Date) => string {
  let timeZone: string | null = null;
  const days = new Map<number, string>();
  return (date) => {
    timeZone ??= spreadsheetTimeZone_();
    let day = days.get(date.getTime());
    if (day === undefined) {
      day = Utilities.formatDate(date, timeZone, 'yyyy-MM-dd');
      days.set(date.getTime(), day);
    }
    return day;
  };
}

function spreadsheetTimeZone_(): string {
  try {
    return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  } catch {
    // No active spreadsheet to ask (a call from outside a sheet, e.g. the script editor): the script's zone is the
    // next best guess, and UTC the last, so a date still reads as a day rather than failing the whole formula.
    try {
      return Session.getScriptTimeZone();
    } catch {
      return 'Etc/UTC';
    }
  }
}

export function callEntryPoint(name: string, args: ArrayLike<unknown>): unknown {
  const entry = ENTRY_POINTS[name];
  if (!entry) throw new Error(`Unknown entry point ${name}`);
  return entry.run(...Array.prototype.slice.call(args));
}
