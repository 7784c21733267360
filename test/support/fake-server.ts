import { allocationPlan, defaultSettings } from '../../src/core/allocation';
import { CURRENCY_CODES, STAGE_MIX } from '../../src/core/domain';
import type { RosterDetection } from '../../src/core/roster';
import { allocationSettings_ } from '../../src/server/schemas';
import type { ScriptHandler } from './browser';
import type { AllocationInput, AllocationPreview, AllocationWarning, BuildAllocationResult, ServerApi, SetupInfo } from '../../src/shared/api';

/**
 * A stand-in for the server functions the sidebar calls, built from the real core and the real request validation,
 * so the sidebar sees the same numbers and the same error messages it would get from Apps Script. It keeps no
 * workbook: the Allocation tab is only remembered by name.
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

function preview(input: AllocationInput): AllocationPreview {
  const { language: _language, ...settings } = allocationSettings_(input);
  const plan = allocationPlan(settings);
  const warnings: AllocationWarning[] = plan.tiers
    .filter((t) => t.belowOnePost)
    .map((t) => ({ code: 'below-one-post', tier: t.tier, budget: t.budget, cheapest: settings.costPerPost[t.tier].min }));
  if (Math.abs(plan.mixTotal - 1) > 1e-6) warnings.push({ code: 'mix-total', total: plan.mixTotal });
  return { ...plan, warnings };
}

export function createFakeServer(setup: SetupInfo = fakeSetup()): ServerApi {
  const built = new Set<string>();
  return {
    getSetup: () => setup,
    previewAllocation: (input) => preview(input),
    buildAllocation: (input): BuildAllocationResult => {
      const summary = preview(input);
      const sheetName = 'Allocation';
      const created = !built.has(sheetName);
      built.add(sheetName);
      return { sheetName, created, summary };
    },
  };
}

/** Dispatches a google.script.run call by name, refusing what Apps Script would refuse (unknown or private names). */
export function fakeHandler(server: ServerApi = createFakeServer()): ScriptHandler {
  return (name, args) => {
    const fn = (server as unknown as Record<string, unknown>)[name];
    if (typeof fn !== 'function' || name.endsWith('_')) throw new Error(`Script function not found: ${name}`);
    return (fn as (...a: unknown[]) => unknown)(...args);
  };
}
