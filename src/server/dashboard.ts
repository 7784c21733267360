import { buildDashboardModel, type PlanFigures } from '../core/dashboard';
import { dashboardSummary } from '../core/dashboard-status';
import { TIER_KEYS, type PerTier } from '../core/domain';
import type { Language } from '../core/settings';
import { ALLOCATION_KIND, LAYOUT as ALLOCATION_LAYOUT } from '../plan/allocation-sheet';
import { dashboardSheetPlan } from '../plan/dashboard-sheet';
import { findOwnedSheet_, renderPlan_ } from '../sheets/render';
import { activeSpreadsheet_, withDocumentLock_ } from '../sheets/services';
import type { BuildDashboardResult } from '../shared/api';
import { BuildDashboardInputSchema, parseInput_ } from './schemas';
import { workbookCurrency_ } from './allocation';
import { runOnConfirmedRoster_ } from './menu-jobs';
import { currentRoster_, languageOf_, rosterRows_, workbookSettings_, type RosterOnSheet } from './state';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The Dashboard tab for execs (SPEC section 4): the roster read once, the core's figures and their live formulas
 * (core/dashboard.ts), the tab written by the one renderer. Re-running refreshes the same tab in place.
 */

const NO_ROSTER = 'No sheet looks like a roster yet: open Roster & alerts in the sidebar and pick the sheet and its columns.';

/**
 * Columns of the Allocation tab's results rows (plan/allocation-sheet.ts, tierResultRow: tier, budget, posts min,
 * posts max, reach, revenue ...): the dashboard's formulas refer to the same two cells per tier.
 */
const PLAN_BUDGET_COLUMN = 2;
const PLAN_REVENUE_COLUMN = 6;

/** Writes or refreshes the Dashboard tab: the confirmed roster (else the detected one) and the saved settings. */
export function buildDashboard(input?: unknown): BuildDashboardResult {
  const request = parseInput_(BuildDashboardInputSchema, input ?? {}, 'dashboard request');
  return withDocumentLock_(() => {
    const spreadsheet = activeSpreadsheet_();
    const { roster, goneSheet } = currentRoster_(spreadsheet);
    if (!roster) {
      throw new Error(goneSheet ? `The roster tab "${goneSheet}" is gone: open Roster & alerts in the sidebar and pick the roster again.` : NO_ROSTER);
    }
    return dashboardOn_(spreadsheet, roster, request.language);
  });
}

/** Menu: refreshes the dashboard on a confirmed roster, or opens the roster page first. */
export function menuRefreshDashboard(): void {
  runOnConfirmedRoster_(
    'refresh-dashboard',
    { confirmFirst: (say) => say.dashboardNeedsRoster, headersGone: (say, headers) => say.dashboardHeadersGone(headers) },
    (spreadsheet, roster, language, say) => {
      const result = dashboardOn_(spreadsheet, roster, language);
      const tiles = { green: 0, yellow: 0, red: 0 };
      for (const tile of Object.values(result.summary.tiles)) if (tile.colour) tiles[tile.colour]++;
      return say.dashboardRefreshed(result.sheetName, result.created, tiles, result.summary.asOf.length);
    },
  );
}

/** The dashboard of a roster already read; the caller holds the document lock. */
function dashboardOn_(spreadsheet: Spreadsheet, roster: RosterOnSheet, asked: Language | undefined): BuildDashboardResult {
  const { settings } = workbookSettings_();
  const locale = spreadsheet.getSpreadsheetLocale();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  // The formulas' ranges run to the sheet's last row, so a row typed below the data counts without a refresh.
  const lastRow = roster.tab.sheet.getMaxRows();
  if (lastRow <= roster.headerRow) {
    throw new Error(`"${roster.tab.name}" has no rows below its headers (row ${roster.headerRow}) for the dashboard to read.`);
  }
  const d = buildDashboardModel({
    roster: roster.detection,
    rows: rosterRows_(roster),
    lastRow,
    settings,
    dashboard: settings.dashboard,
    now: Utilities.formatDate(new Date(), timeZone, "yyyy-MM-dd'T'HH:mm"),
    timeZone,
    allocation: planFigures_(spreadsheet),
  });
  const currency = workbookCurrency_(settings, locale, roster);
  const plan = dashboardSheetPlan(d, { language: asked ?? languageOf_(settings, locale), currency });
  const { sheetName, created } = renderPlan_(spreadsheet, plan);
  return { sheetName, created, currency, summary: dashboardSummary(d) };
}

/**
 * The Allocation tab's plan as its cells show it now (an exec may have changed the budget there): budget and
 * predicted revenue per tier, in one read. Null without the tab, or when its rows are no longer where they were
 * written; a cell that holds no number counts as nothing planned.
 */
function planFigures_(spreadsheet: Spreadsheet): PlanFigures | null {
  const sheet = findOwnedSheet_(spreadsheet, ALLOCATION_KIND);
  if (!sheet) return null;
  let rows: unknown[][];
  try {
    rows = sheet.getRange(ALLOCATION_LAYOUT.results.first, PLAN_BUDGET_COLUMN, TIER_KEYS.length, PLAN_REVENUE_COLUMN - PLAN_BUDGET_COLUMN + 1).getValues();
  } catch {
    return null; // the user deleted rows or columns of the tab
  }
  const amount = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
  const perTier = (column: number): PerTier<number> =>
    Object.fromEntries(TIER_KEYS.map((key, i) => [key, amount(rows[i]?.[column - PLAN_BUDGET_COLUMN])])) as PerTier<number>;
  return { sheetName: sheet.getName(), budget: perTier(PLAN_BUDGET_COLUMN), revenue: perTier(PLAN_REVENUE_COLUMN) };
}
