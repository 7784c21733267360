import { dayOfSerial, isoOfDay, zoneClock } from '../core/dates';
import { TARGET_ROAS, TIER_SCHEMES, REBALANCE_BOUNDS, type TierBand } from '../core/domain';
import type { PerformanceRecord } from '../core/performance';
import { toPerformanceRecords, type PerformanceField } from '../core/performance-records';
import { quarterOf, readQuarterKey } from '../core/quarter';
import { rebalanceModel, type RebalanceModel, type TierQuarterTotals } from '../core/rebalance';
import type { RosterField } from '../core/roster';
import { CalendarDay } from '../core/result';
import type { Settings } from '../core/settings';
import { HISTORY_KIND, HISTORY_LAYOUT, historySheetPlan, mergeHistory, readHistory } from '../plan/history-sheet';
import { tierLabel } from '../plan/rebalance-labels';
import { describeRebalance, rebalanceSheetPlan, type RebalanceSheetInput } from '../plan/rebalance-sheet';
import { findOwnedSheet_, renderPlan_ } from '../sheets/render';
import { activeSpreadsheet_, withDocumentLock_ } from '../sheets/services';
import type { BuildRebalanceResult, RebalanceSummary } from '../shared/api';
import { savedAllocation_ } from './allocation';
import { parseInput_, RebalanceInputSchema, type RebalanceInput } from './schemas';
import { currencyOf_, currentRoster_, languageOf_, rosterRows_, workbookSettings_ } from './state';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The quarterly rebalance (SPEC section 4): read the roster once, run the model (core/rebalance.ts) with the
 * quarters recorded on the History tab, write the quarter's Rebalance tab and record the quarter in History.
 */

/** Roster fields the performance model reads, and the name it reads each under. */
const FIELDS: ReadonlyArray<readonly [RosterField, PerformanceField]> = [
  ['name', 'name'],
  ['platform', 'platform'],
  ['followers', 'followers'],
  ['spend', 'spend'],
  ['cost', 'cost'],
  ['revenue', 'revenue'],
  ['impressions', 'impressions'],
  ['engagements', 'engagements'],
  ['conversions', 'conversions'],
  ['status', 'status'],
  ['period', 'quarter'],
];

interface Prepared {
  model: RebalanceModel;
  sheet: RebalanceSheetInput;
  /** The History rows read before this build, and the scheme's tiers they are ordered by. */
  history: TierQuarterTotals[];
  tiers: string[];
}

/** The rebalance as data; writes nothing. */
export function previewRebalance(input?: unknown): RebalanceSummary {
  const request = parseInput_(RebalanceInputSchema, input === undefined ? {} : input, 'rebalance request');
  const prepared = prepare_(activeSpreadsheet_(), request);
  return summaryOf_(prepared);
}

/** Writes or refreshes the quarter's Rebalance tab and records the quarter's tier totals in the History tab. */
export function buildRebalance(input?: unknown): BuildRebalanceResult {
  const request = parseInput_(RebalanceInputSchema, input === undefined ? {} : input, 'rebalance request');
  return withDocumentLock_(() => {
    const spreadsheet = activeSpreadsheet_();
    const prepared = prepare_(spreadsheet, request);
    const { model, sheet } = prepared;
    const { sheetName, created } = renderPlan_(spreadsheet, rebalanceSheetPlan(sheet));
    const recorded = mergeHistory(prepared.history, model.record ?? [], prepared.tiers);
    const history = renderPlan_(spreadsheet, historySheetPlan(recorded, sheet.language, sheet.currency));
    return { sheetName, created, quarter: sheet.quarter, historySheet: history.sheetName, summary: summaryOf_(prepared) };
  });
}

function prepare_(spreadsheet: Spreadsheet, request: RebalanceInput): Prepared {
  const { settings } = workbookSettings_();
  const locale = spreadsheet.getSpreadsheetLocale();
  const language = request.language ?? languageOf_(settings, locale);
  const plan = savedAllocation_();
  // The planner's currency is one the team chose; the locale's is only a guess.
  const currency = settings.currency === 'auto' && plan?.currency ? plan.currency : currencyOf_(settings, locale);
  const { roster, goneSheet } = currentRoster_(spreadsheet);
  if (!roster) {
    throw new Error(
      goneSheet
        ? `The roster tab "${goneSheet}" is gone: open Roster & alerts in the sidebar and pick the roster again.`
        : 'No sheet looks like a roster yet: open Roster & alerts in the sidebar and pick the sheet and its columns.',
    );
  }
  const columns = performanceColumns_(roster.detection.columns);
  const rows = rosterRows_(roster);
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  if (columns.quarter !== undefined) datesToDays_(rows, columns.quarter - 1, timeZone);
  const bands = schemeBands_(settings.tierScheme);
  const tiers = bands.map((b) => b.tier);
  const { records, issues } = toPerformanceRecords(rows, columns, bands, roster.headerRow + 1);
  const history = readHistory_(spreadsheet, tiers);
  const { quarter, source } = quarterOf_(records, request.quarter, timeZone);

  // Saved requests hold the budget as read (a number); one typed as text by an older version is not guessed at.
  const planned = request.budget === undefined && plan && typeof plan.budget === 'number' ? { budget: plan.budget, period: plan.period ?? 'month' } : null;
  const budget = request.budget ?? (planned ? (planned.period === 'month' ? planned.budget * 3 : planned.budget) : undefined);
  const bounds = { minShare: request.minShare ?? REBALANCE_BOUNDS.minShare, maxChange: request.maxChange ?? REBALANCE_BOUNDS.maxChange };
  const targetRoas = request.targetRoas ?? plan?.targetRoas ?? TARGET_ROAS;
  const model = rebalanceModel(records, { tiers, quarter, history, budget, bounds, targetRoas });
  return {
    model,
    history,
    tiers,
    sheet: {
      model,
      quarter,
      quarterSource: source,
      budget: budget ?? model.calibration.spend,
      budgetSource: request.budget !== undefined ? 'input' : planned ? 'plan' : 'spend',
      plan: planned,
      bounds,
      targetRoas,
      currency,
      language,
      rosterSheet: roster.tab.name,
      unreadCells: issues.length,
    },
  };
}

/** The mapped columns under the names the performance model reads; a rebalance needs tiers, money spent and revenue. */
function performanceColumns_(found: Partial<Record<RosterField, { column: number }>>): Partial<Record<PerformanceField, number>> {
  const missing = [
    found.followers ? null : 'followers',
    found.spend || found.cost ? null : 'spend (or cost)',
    found.revenue ? null : 'revenue (GMV, sales)',
  ].filter((m): m is string => m !== null);
  if (missing.length) {
    const them = missing.length > 1 ? 'them' : 'it';
    throw new Error(`The rebalance needs the roster's ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}: map ${them} in Roster & alerts in the sidebar.`);
  }
  const columns: Partial<Record<PerformanceField, number>> = {};
  for (const [field, as] of FIELDS) if (found[field]) columns[as] = found[field]!.column;
  return columns;
}

/** Date cells of the period column as the day the spreadsheet shows (its time zone), so a quarter starts on its day. */
function datesToDays_(rows: unknown[][], index: number, timeZone: string): void {
  let clock: ((date: Date) => number) | null = null;
  for (const row of rows) {
    const value = row[index];
    if (Object.prototype.toString.call(value) !== '[object Date]' || Number.isNaN((value as Date).getTime())) continue;
    clock ??= zoneClock(timeZone);
    row[index] = new CalendarDay(isoOfDay(dayOfSerial(clock(value as Date))));
  }
}

/** The saved tier scheme as bands, largest tier first. */
function schemeBands_(scheme: Settings['tierScheme']): TierBand[] {
  if (typeof scheme === 'object') return scheme.custom.map((t) => ({ tier: t.tier, minFollowers: t.minFollowers })).sort((a, b) => b.minFollowers - a.minFollowers);
  return TIER_SCHEMES[scheme].map((b) => ({ ...b }));
}

/** The History tab's rows, in one read; none while no rebalance has been built. */
function readHistory_(spreadsheet: Spreadsheet, tiers: readonly string[]): TierQuarterTotals[] {
  const tab = findOwnedSheet_(spreadsheet, HISTORY_KIND);
  if (!tab) return [];
  const count = tab.getLastRow() - HISTORY_LAYOUT.first + 1;
  if (count <= 0) return [];
  return readHistory(tab.getRange(HISTORY_LAYOUT.first, 1, count, HISTORY_LAYOUT.columns - 1).getValues(), tiers);
}

/**
 * The quarter to review: the one asked for (the roster must hold it, when it has a period column), else the latest
 * the roster holds, else this quarter in the spreadsheet's time zone (a roster without a period column is one
 * period, taken as the current one: History then builds up quarter by quarter).
 */
function quarterOf_(records: readonly PerformanceRecord[], asked: string | undefined, timeZone: string): { quarter: string; source: 'data' | 'input' | 'today' } {
  const held = [...new Set(records.flatMap((r) => (r.quarter === null ? [] : [r.quarter])))].sort();
  if (asked !== undefined) {
    const parsed = readQuarterKey(asked);
    if (!parsed.ok) throw new Error(`Invalid rebalance request: quarter ${parsed.reason}.`);
    const quarter = parsed.value.key;
    if (held.length > 0 && !held.includes(quarter)) {
      throw new Error(`The roster has no rows in ${quarter}: its period column holds ${held.join(', ')}.`);
    }
    return { quarter, source: 'input' };
  }
  if (held.length > 0) return { quarter: held[held.length - 1]!, source: 'data' };
  const today = dayOfSerial(zoneClock(timeZone)(new Date()));
  return { quarter: quarterOf(today.y, Math.floor((today.m - 1) / 3) + 1).key, source: 'today' };
}

function summaryOf_({ model, sheet }: Prepared): RebalanceSummary {
  const proposal = model.proposal.ok ? model.proposal : null;
  const said = describeRebalance(sheet);
  const count = (pick: (d: RebalanceModel['decisions'][number]) => number): number => model.decisions.reduce((n, d) => n + pick(d), 0);
  return {
    quarter: sheet.quarter,
    nextQuarter: model.nextQuarter,
    quarterSource: sheet.quarterSource,
    language: sheet.language,
    currency: sheet.currency,
    budget: sheet.budget,
    budgetSource: sheet.budgetSource,
    bounds: { ...sheet.bounds },
    targetRoas: sheet.targetRoas,
    method: model.method,
    model: said.model,
    expected: proposal ? { before: { ...proposal.before }, after: { ...proposal.after } } : null,
    noProposal: said.noProposal,
    tiers: model.performance.tiers.map((p, i) => {
      const c = model.calibration.tiers[i]!;
      const to = proposal?.tiers[i];
      return {
        tier: p.tier,
        label: tierLabel(p.tier, sheet.language),
        spend: p.spend,
        revenue: p.revenue,
        roas: p.roas,
        currentShare: model.calibration.spend > 0 ? c.spend / model.calibration.spend : 0,
        proposedShare: to ? to.to : null,
        proposedBudget: to ? to.budgetTo : null,
        model: c.model.kind,
        reason: said.reasons[i]!,
      };
    }),
    lists: {
      renew: count((d) => d.counts.renew),
      review: count((d) => d.counts.review),
      end: count((d) => d.counts.end),
      notEnoughData: count((d) => d.counts.notEnoughData),
    },
    influencers: model.calibration.current.length,
    pastQuarters: [...model.calibration.pastQuarters],
    undated: model.calibration.undated,
    untiered: model.performance.untiered,
    unreadCells: sheet.unreadCells,
  };
}
