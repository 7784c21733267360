import { applyAlerts, menuApplyAlerts, removeAlerts } from './alerts';
import { buildAllocation, previewAllocation } from './allocation';
import { buildDashboard, menuRefreshDashboard } from './dashboard';
import { onInstall, onOpen } from './menu';
import { buildRebalance, previewRebalance } from './rebalance';
import { getRoster, saveRoster } from './roster';
import { getSettings, resetSettings, saveSettings } from './settings';
import { getSetup } from './setup';
import { menuBuildAllocation, menuRebalance, menuSettings, showSidebar } from './sidebar';

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
  menuApplyAlerts: entry([], menuApplyAlerts),
  menuRebalance: entry([], menuRebalance),
  menuRefreshDashboard: entry([], menuRefreshDashboard),
  menuSettings: entry([], menuSettings),
  getSetup: entry([], getSetup),
  previewAllocation: entry(['input'], previewAllocation),
  buildAllocation: entry(['input', 'options'], buildAllocation),
  previewRebalance: entry(['input'], previewRebalance),
  buildRebalance: entry(['input'], buildRebalance),
  getRoster: entry(['request'], getRoster),
  saveRoster: entry(['mapping'], saveRoster),
  getSettings: entry([], getSettings),
  saveSettings: entry(['settings'], saveSettings),
  resetSettings: entry([], resetSettings),
  applyAlerts: entry(['input'], applyAlerts),
  removeAlerts: entry([], removeAlerts),
  buildDashboard: entry(['input'], buildDashboard),
};
