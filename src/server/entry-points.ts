import { onInstall, onOpen } from './menu';

/**
 * Every top-level function Apps Script can call: simple triggers, menu items and the sidebar's server functions.
 * `params` are the real parameter names the generated stubs carry.
 */
export interface EntryPoint {
  params: readonly string[];
  run(...args: unknown[]): unknown;
}

const entry = <A extends unknown[]>(params: readonly string[], run: (...args: A) => unknown): EntryPoint => ({
  params,
  run: run as (...args: unknown[]) => unknown,
});

export const ENTRY_POINTS: Readonly<Record<string, EntryPoint>> = {
  onOpen: entry(['e'], onOpen),
  onInstall: entry(['e'], onInstall),
};
