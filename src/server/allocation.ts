import * as z from 'zod/mini';
import { allocationPlan, MIX_TOLERANCE, type Allocation, type AllocationSettings } from '../core/allocation';
import { defaultCurrency } from '../core/currency';
import { TIER_KEYS, type CurrencyCode, type PerTier } from '../core/domain';
import { forecastPlan, plannerModels, withForecast } from '../core/forecast';
import type { Settings } from '../core/settings';
import { keepModelEdits, replacedFields, startingRequest, writtenInputs } from '../plan/allocation-edits';
import type { TabCalibration } from '../plan/allocation-forecast';
import { allocationSheetPlan } from '../plan/allocation-sheet';
import { languageForLocale } from '../plan/labels';
import { renderPlan_ } from '../sheets/render';
import { activeSpreadsheet_, readSetting_, withDocumentLock_, writeSetting_ } from '../sheets/services';
import type {
  AllocationForecast,
  AllocationEditsConflict,
  AllocationInput,
  AllocationPreview,
  AllocationTabEdits,
  AllocationWarning,
  BuildAllocationResult,
} from '../shared/api';
import { readAllocationTab_, tabEdits_, WRITTEN_KEY } from './allocation-tab';
import { plannerCalibration_ } from './roster-results';
import { workbookSettings_, type RosterOnSheet } from './state';
import { allocationSettings_, AllocationInputSchema, normalizedAllocationInput_, parseInput_ } from './schemas';

const SAVED_KEY = 'allocation';

const BuildOptionsSchema = z.strictObject({ overwriteEdits: z.optional(z.boolean()) });

function withWarnings_(allocation: Allocation, forecast: AllocationForecast): AllocationPreview {
  const warnings: AllocationWarning[] = allocation.tiers
    .filter((t) => t.belowOnePost)
    .map((t) => ({ code: 'below-one-post', tier: t.tier, budget: t.budget, cheapest: allocation.settings.costPerPost[t.tier].min }));
  if (Math.abs(allocation.mixTotal - 1) > MIX_TOLERANCE) warnings.push({ code: 'mix-total', total: allocation.mixTotal });
  return { ...allocation, warnings, forecast };
}

interface Forecasted {
  allocation: Allocation;
  forecast: AllocationForecast;
  tab: TabCalibration;
}

/**
 * The plan with its forecast (SPEC section 4): revenue and ROAS from the rebalance's calibration on the roster's
 * results (one read of the roster and of the History tab), from the seed funnel for tiers without results, and
 * from the seed funnel alone when the roster has none.
 */
function forecasted_(settings: AllocationSettings, spreadsheet = activeSpreadsheet_()): Forecasted {
  const seed = allocationPlan(settings);
  const found = plannerCalibration_(spreadsheet, workbookSettings_().settings);
  if (!found.ok) {
    return {
      allocation: seed,
      forecast: { basis: { kind: 'seed-funnel', why: found.why }, tiers: seed.tiers.map((t) => ({ tier: t.tier, model: 'seed-funnel', teamRoas: null })) },
      tab: { kind: 'seed-funnel', why: found.why },
    };
  }
  const { calibration } = found;
  const forecast = forecastPlan(settings, calibration);
  const quarters = 1 + calibration.pastQuarters.length;
  return {
    allocation: withForecast(seed, forecast),
    forecast: {
      basis:
        forecast.basis.kind === 'calibrated'
          ? { kind: 'calibrated', influencers: forecast.basis.influencers, quarter: calibration.quarter, quarters }
          : { kind: 'seed-funnel', why: 'tiers-without-results' },
      tiers: forecast.tiers.map((t) => ({
        tier: t.tier,
        model: t.basis.kind === 'calibrated' ? 'hill' : t.basis.kind,
        teamRoas: t.teamRoas,
      })),
    },
    tab: { kind: 'calibrated', spend: tierSpends_(calibration.tiers), models: plannerModels(calibration), quarter: calibration.quarter, quarters },
  };
}

/** Each planner tier's spend in the reviewed quarter (0 for a tier the scheme does not name). */
function tierSpends_(tiers: ReadonlyArray<{ tier: string; spend: number }>): PerTier<number> {
  const byKey = new Map(tiers.map((t) => [t.tier.toLowerCase(), t.spend]));
  return Object.fromEntries(TIER_KEYS.map((k) => [k, byKey.get(k) ?? 0])) as PerTier<number>;
}

/** The plan as data; writes nothing. */
export function previewAllocation(input: unknown): AllocationPreview {
  const { language: _language, ...settings } = allocationSettings_(input);
  const { allocation, forecast } = forecasted_(settings);
  return withWarnings_(allocation, forecast);
}

/**
 * Writes or refreshes the Allocation tab and remembers the request for next time. When an exec edited the tab's
 * input cells since the last build and this request would replace those values, it writes nothing and answers the
 * edits instead, unless `options.overwriteEdits` says the user agreed. Edits of the model's assumptions (funnel
 * rates, typical accounts), which the request does not carry, are kept.
 */
export function buildAllocation(input: unknown, options?: unknown): BuildAllocationResult | AllocationEditsConflict {
  // Validated before anything is touched.
  const request = normalizedAllocationInput_(input);
  const { language: asked, ...settings } = allocationSettings_(request);
  const { overwriteEdits } = parseInput_(BuildOptionsSchema, options ?? {}, 'build options');
  return withDocumentLock_(() => {
    const spreadsheet = activeSpreadsheet_();
    const language = asked ?? languageForLocale(spreadsheet.getSpreadsheetLocale());
    const saved = savedAllocation_();
    const tab = saved ? readAllocationTab_(spreadsheet) : null;
    if (tab && saved && !overwriteEdits) {
      const fields = replacedFields(tab.reading, settings);
      if (fields.length > 0 || tab.reading.problems.length > 0) {
        const edits: AllocationTabEdits = { sheetName: tab.sheetName, fields, input: startingRequest(saved, tab.written, tab.reading) };
        if (tab.reading.problems.length > 0) edits.problems = tab.reading.problems;
        return { conflict: 'edited-inputs', edits };
      }
    }
    const kept = tab ? keepModelEdits(tab.reading, settings) : settings;
    const { allocation, forecast, tab: calibration } = forecasted_(kept, spreadsheet);
    const plan = allocationSheetPlan(allocation, language, calibration);
    const { sheetName, created } = renderPlan_(spreadsheet, plan);
    writeSetting_(SAVED_KEY, request);
    writeSetting_(WRITTEN_KEY, writtenInputs(plan, kept, language));
    return { sheetName, created, summary: withWarnings_(allocation, forecast) };
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

/** For getSetup: the Allocation tab's input cells edited since the last build, or null. */
export function allocationEdits_(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): AllocationTabEdits | null {
  const saved = savedAllocation_();
  return saved ? tabEdits_(spreadsheet, saved) : null;
}

/** What the next plan starts from: the tab's edited values over the last request, or the last request. */
export function allocationStart_(): AllocationInput | null {
  const saved = savedAllocation_();
  if (!saved) return null;
  return tabEdits_(activeSpreadsheet_(), saved)?.input ?? saved;
}

/**
 * The currency every generated tab shows money in, so the Allocation, Rebalance and Dashboard tabs agree: the
 * Currency setting; on "auto", the currency of the last plan the team built, else the planner's default.
 */
export function workbookCurrency_(settings: Settings, locale: string, roster: RosterOnSheet | null): CurrencyCode {
  const plan = settings.currency === 'auto' ? savedAllocation_() : null;
  return plan?.currency ?? plannerCurrency_(settings, locale, roster);
}

/** First data rows of the roster's money column that may show its currency. */
const MONEY_SAMPLE_ROWS = 5;

/**
 * The planner's default currency: the Currency setting; on "auto", the one the roster's cost (or spend) column
 * shows (its number format, or a sign typed in its text), else the workbook locale's. Reads a few cells of one
 * column, whatever the roster's size.
 */
export function plannerCurrency_(settings: Settings, locale: string, roster: RosterOnSheet | null): CurrencyCode {
  if (settings.currency !== 'auto') return settings.currency;
  const money = roster ? (roster.detection.columns.cost ?? roster.detection.columns.spend) : undefined;
  const rows = roster ? Math.min(MONEY_SAMPLE_ROWS, roster.lastRow - roster.headerRow) : 0;
  if (!roster || !money || rows <= 0) return defaultCurrency(locale);
  const range = roster.tab.sheet.getRange(roster.headerRow + 1, money.column, rows, 1);
  const formats = range.getNumberFormats();
  const values = range.getValues();
  return defaultCurrency(locale, formats.map((row, i) => ({ format: row[0] ?? '', value: values[i]?.[0] })));
}
