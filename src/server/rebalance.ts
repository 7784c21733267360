import { TARGET_ROAS, REBALANCE_BOUNDS } from '../core/domain';
import { rebalanceModel, type RebalanceModel, type TierQuarterTotals } from '../core/rebalance';
import { historySheetPlan, mergeHistory } from '../plan/history-sheet';
import { tierLabel } from '../plan/labels';
import { describeRebalance, rebalanceSheetPlan, type RebalanceSheetInput } from '../plan/rebalance-sheet';
import { renderPlan_ } from '../sheets/render';
import { activeSpreadsheet_, withDocumentLock_ } from '../sheets/services';
import type { BuildRebalanceResult, RebalanceSummary } from '../shared/api';
import { savedAllocation_, workbookCurrency_ } from './allocation';
import { parseInput_, RebalanceInputSchema, type RebalanceInput } from './schemas';
import { missingResultColumns_, quarterOf_, rosterResults_ } from './roster-results';
import { currentRoster_, languageOf_, workbookSettings_ } from './state';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The quarterly rebalance (SPEC section 4): read the roster once, run the model (core/rebalance.ts) with the
 * quarters recorded on the History tab, write the quarter's Rebalance tab and record the quarter in History.
 */

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
  const { roster, goneSheet } = currentRoster_(spreadsheet);
  const currency = workbookCurrency_(settings, locale, roster);
  if (!roster) {
    throw new Error(
      goneSheet
        ? `The roster tab "${goneSheet}" is gone: open Roster & alerts in the sidebar and pick the roster again.`
        : 'No sheet looks like a roster yet: open Roster & alerts in the sidebar and pick the sheet and its columns.',
    );
  }
  requireResultColumns_(roster.detection.columns);
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const { records, issues, tiers, history } = rosterResults_(spreadsheet, roster, settings, timeZone);
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

/** A rebalance needs tiers, money spent and revenue. */
function requireResultColumns_(found: Parameters<typeof missingResultColumns_>[0]): void {
  const missing = missingResultColumns_(found);
  if (missing.length) {
    const them = missing.length > 1 ? 'them' : 'it';
    throw new Error(`The rebalance needs the roster's ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}: map ${them} in Roster & alerts in the sidebar.`);
  }
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
