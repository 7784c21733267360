import { buildAllocation, previewAllocation } from './allocation';
import { onInstall, onOpen } from './menu';
import { getSetup } from './setup';
import { menuBuildAllocation, showSidebar } from './sidebar';

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
  showSidebar: entry([], showSidebar),
  menuBuildAllocation: entry([], menuBuildAllocation),
  getSetup: entry([], getSetup),
  previewAllocation: entry(['input'], previewAllocation),
  buildAllocation: entry(['input'], buildAllocation),
};
