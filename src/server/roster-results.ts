import { dayOfSerial, isoOfDay, zoneClock } from '../core/dates';
import { TIER_SCHEMES, type TierBand } from '../core/domain';
import { teamMix } from '../core/forecast';
import type { PerformanceRecord } from '../core/performance';
import { quarterOf, readQuarterKey } from '../core/quarter';
import { toPerformanceRecords, type PerformanceField, type RecordIssue } from '../core/performance-records';
import { calibrateRoster, type RosterCalibration, type TierQuarterTotals } from '../core/rebalance';
import type { RosterField } from '../core/roster';
import { CalendarDay } from '../core/result';
import type { Settings } from '../core/settings';
import { HISTORY_KIND, HISTORY_LAYOUT, readHistory } from '../plan/history-sheet';
import { findOwnedSheet_ } from '../sheets/render';
import type { TeamMix } from '../shared/api';
import { currentRoster_, rosterRows_, type RosterOnSheet } from './state';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The team's results as the rebalance and the planner read them: the roster's rows (one read) as performance
 * records by the saved tier scheme, and the quarters earlier rebalances recorded in the History tab. Both jobs
 * calibrate on the same records, so the planner's forecast and the Rebalance tab never disagree about the team.
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

/** What a roster lacks to show results: followers (for tiers), money spent and revenue. Empty when it has them all. */
export function missingResultColumns_(found: Partial<Record<RosterField, unknown>>): string[] {
  return [
    found.followers ? null : 'followers',
    found.spend || found.cost ? null : 'spend (or cost)',
    found.revenue ? null : 'revenue (GMV, sales)',
  ].filter((m): m is string => m !== null);
}

export interface RosterResults {
  records: PerformanceRecord[];
  /** Cells that did not read as numbers or quarters (counted as blank). */
  issues: RecordIssue[];
  /** The saved scheme's tiers, largest first. */
  bands: TierBand[];
  tiers: string[];
  /** Rows recorded on the History tab by earlier rebalances. */
  history: TierQuarterTotals[];
}

/** The roster's rows as records, in one read of the roster and one of the History tab. */
export function rosterResults_(spreadsheet: Spreadsheet, roster: RosterOnSheet, settings: Settings, timeZone: string): RosterResults {
  const columns: Partial<Record<PerformanceField, number>> = {};
  for (const [field, as] of FIELDS) if (roster.detection.columns[field]) columns[as] = roster.detection.columns[field]!.column;
  const rows = rosterRows_(roster);
  if (columns.quarter !== undefined) datesToDays_(rows, columns.quarter - 1, timeZone);
  const bands = schemeBands_(settings.tierScheme);
  const tiers = bands.map((b) => b.tier);
  const { records, issues } = toPerformanceRecords(rows, columns, bands, roster.headerRow + 1);
  return { records, issues, bands, tiers, history: readHistory_(spreadsheet, tiers) };
}

/** The planner's calibration: the team's, or why there is none (the forecast then is the seed funnel). */
export type PlannerCalibration =
  | { ok: true; calibration: RosterCalibration }
  | { ok: false; why: 'no-roster' | 'no-results' };

/**
 * The calibration the planner forecasts with: the rebalance's, on the latest quarter the roster holds (the whole
 * roster when it has no period column) with the History tab's quarters. Never throws for a roster that cannot
 * show results: the planner then forecasts with the seed funnel and says so.
 */
export function plannerCalibration_(spreadsheet: Spreadsheet, settings: Settings, roster = currentRoster_(spreadsheet).roster): PlannerCalibration {
  if (!roster) return { ok: false, why: 'no-roster' };
  if (missingResultColumns_(roster.detection.columns).length > 0) return { ok: false, why: 'no-results' };
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const { records, tiers, history } = rosterResults_(spreadsheet, roster, settings, timeZone);
  // The quarter the rebalance would review, so a roster without a period column reads History as the rebalance does.
  const { quarter } = quarterOf_(records, undefined, timeZone);
  const calibration = calibrateRoster(records, { tiers, quarter, history });
  return calibration.tiers.some((t) => t.model.kind !== 'none') ? { ok: true, calibration } : { ok: false, why: 'no-results' };
}

/** The team's mix for the planner to start from, or null when the roster shows no results in the planner's tiers. */
export function teamMix_(spreadsheet: Spreadsheet, settings: Settings, roster: RosterOnSheet | null): TeamMix | null {
  const found = plannerCalibration_(spreadsheet, settings, roster);
  if (!found.ok) return null;
  const mix = teamMix(found.calibration);
  return mix ? { quarter: found.calibration.quarter, mix, spend: found.calibration.spend } : null;
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
export function quarterOf_(records: readonly PerformanceRecord[], asked: string | undefined, timeZone: string): { quarter: string; source: 'data' | 'input' | 'today' } {
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
