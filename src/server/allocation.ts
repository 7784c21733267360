import { allocationPlan, MIX_TOLERANCE, type Allocation } from '../core/allocation';
import { TIER_KEYS } from '../core/domain';
import { allocationSheetPlan } from '../plan/allocation-sheet';
import { languageForLocale } from '../plan/labels';
import { renderPlan_ } from '../sheets/render';
import { readSetting_, withDocumentLock_, writeSetting_ } from '../sheets/services';
import type { AllocationInput, AllocationPreview, AllocationWarning, BuildAllocationResult } from '../shared/api';
import { allocationSettings_, AllocationInputSchema, parseInput_ } from './schemas';

const SAVED_KEY = 'allocation';

function withWarnings_(allocation: Allocation): AllocationPreview {
  const warnings: AllocationWarning[] = allocation.tiers
    .filter((t) => t.belowOnePost)
    .map((t) => ({ code: 'below-one-post', tier: t.tier, budget: t.budget, cheapest: allocation.settings.costPerPost[t.tier].min }));
  if (Math.abs(allocation.mixTotal - 1) > MIX_TOLERANCE) warnings.push({ code: 'mix-total', total: allocation.mixTotal });
  return { ...allocation, warnings };
}

/** The plan as data; writes nothing. */
export function previewAllocation(input: unknown): AllocationPreview {
  return withWarnings_(allocationPlan(allocationSettings_(input)));
}

/** Writes or refreshes the Allocation tab and remembers the request for next time. */
export function buildAllocation(input: unknown): BuildAllocationResult {
  const settings = allocationSettings_(input); // validated before anything is touched
  const request = parseInput_(AllocationInputSchema, input, 'allocation request');
  return withDocumentLock_(() => {
    const spreadsheet = SpreadsheetApp.getActive();
    const language = settings.language ?? languageForLocale(spreadsheet.getSpreadsheetLocale());
    const allocation = allocationPlan(settings);
    const { sheetName, created } = renderPlan_(spreadsheet, allocationSheetPlan(allocation, language));
    writeSetting_(SAVED_KEY, request);
    return { sheetName, created, summary: withWarnings_(allocation) };
  });
}

export function savedAllocation_(): AllocationInput | null {
  const saved = readSetting_<unknown>(SAVED_KEY);
  if (!saved) return null;
  try {
    return parseInput_(AllocationInputSchema, saved, 'saved allocation');
  } catch {
    return null; // saved by an older version with another shape: start the wizard fresh
  }
}

