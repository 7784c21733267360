import { defaultSettings } from '../../src/core/allocation';
import { CURRENCY_CODES, STAGE_MIX } from '../../src/core/domain';
import type { RosterDetection } from '../../src/core/roster';
import { loadAddon } from './addon';
import type { ScriptHandler } from './browser';
import type { AllocationEditsConflict, AllocationPreview, BuildAllocationResult, PlannerApi, SetupInfo } from '../../src/shared/api';

/**
 * A stand-in for the server functions the sidebar calls: getSetup answers a fixed, hand-written setup (a hostile
 * sheet name, a detected roster), and the allocation calls go to the built add-on (dist/Code.js) on an in-memory
 * workbook, so the sidebar sees the numbers, warnings and error messages Apps Script would send.
 */

/** A sheet name an attacker could give a tab: if the sidebar ever renders it as HTML, window.__xss gets set. */
export const HOSTILE_SHEET = '<img src=x onerror="window.__xss=1">Roster';

export const FAKE_ROSTER: RosterDetection = {
  sheet: HOSTILE_SHEET,
  headerRow: 1,
  columns: {
    name: { column: 1, header: '达人昵称' },
    platform: { column: 2, header: '平台' },
    followers: { column: 3, header: '粉丝数' },
    engagementRate: { column: 4, header: '互动率' },
    cost: { column: 5, header: '报价' },
    revenue: { column: 6, header: 'GMV' },
  },
};

export function fakeSetup(overrides: Partial<SetupInfo> = {}): SetupInfo {
  const d = defaultSettings(0);
  return {
    locale: 'en_US',
    language: 'en',
    currency: 'CNY',
    currencies: [...CURRENCY_CODES],
    timeZone: 'Asia/Shanghai',
    savedAllocation: null,
    sheets: [
      { name: HOSTILE_SHEET, generated: false },
      { name: 'Notes', generated: false },
    ],
    roster: FAKE_ROSTER,
    defaults: {
      stageMix: STAGE_MIX,
      costPerPost: d.costPerPost,
      partnershipMix: d.partnershipMix,
      geoMix: d.geoMix,
      aov: d.aov,
      targetRoas: d.targetRoas,
    },
    ...overrides,
  };
}

export function createFakeServer(setup: SetupInfo = fakeSetup()): PlannerApi {
  // The built add-on on an empty in-memory workbook of the setup's locale: the plan, its warnings, the tab it builds
  // (created, then refreshed) and its error messages are the real server's.
  const addon = loadAddon({ locale: setup.locale });
  return {
    getSetup: () => setup,
    previewAllocation: (input) => addon.run('previewAllocation', input) as AllocationPreview,
    buildAllocation: (input, options) =>
      addon.run('buildAllocation', input, ...(options ? [options] : [])) as BuildAllocationResult | AllocationEditsConflict,
  };
}

/** Dispatches a google.script.run call by name, refusing what Apps Script would refuse (unknown or private names). */
export function fakeHandler(server: PlannerApi = createFakeServer()): ScriptHandler {
  return (name, args) => {
    const fn = (server as unknown as Record<string, unknown>)[name];
    if (typeof fn !== 'function' || name.endsWith('_')) throw new Error(`Script function not found: ${name}`);
    return (fn as (...a: unknown[]) => unknown)(...args);
  };
}
