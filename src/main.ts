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
  return runCustomFunction(spec, Array.prototype.slice.call(args));
}

export function callEntryPoint(name: string, args: ArrayLike<unknown>): unknown {
  const entry = ENTRY_POINTS[name];
  if (!entry) throw new Error(`Unknown entry point ${name}`);
  return entry.run(...Array.prototype.slice.call(args));
}
