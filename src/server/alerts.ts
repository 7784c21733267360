import { resolveAlerts } from '../core/alerts';
import { alertsReport } from '../core/alerts-report';
import { columnLetters } from '../core/alerts-expr';
import { dayFromIso, type Day } from '../core/dates';
import type { Language } from '../core/settings';
import { alertsRulesPlan } from '../plan/alerts-plan';
import { applyRulesPlan_, removeOwnedRules_ } from '../sheets/roster-rules';
import { activeSpreadsheet_, withDocumentLock_ } from '../sheets/services';
import type { AlertsResult, RemoveAlertsResult } from '../shared/api';
import { ApplyAlertsInputSchema, parseInput_ } from './schemas';
import { runOnConfirmedRoster_ } from './menu-jobs';
import {
  alertsRecord_,
  currentRoster_,
  languageOf_,
  rosterRows_,
  saveAlertsRecord_,
  savedMapping_,
  workbookSettings_,
  type AlertsRecord,
  type RosterOnSheet,
} from './state';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Alerts on the team's roster: the conditional-format rules of SPEC's alert table at the mapped columns and the
 * pipeline status dropdown, with what each alert flags now. The counts come from the same declarations as the
 * rules (core/alerts.ts), read from one batch of the roster's rows.
 */

const NO_ROSTER = 'No sheet looks like a roster yet: open Roster & alerts in the sidebar and pick the sheet and its columns.';

/** Adds or refreshes the alerts on the roster: the confirmed mapping, else the detected one; the saved settings. */
export function applyAlerts(input?: unknown): AlertsResult {
  const request = parseInput_(ApplyAlertsInputSchema, input ?? {}, 'alerts request');
  return withDocumentLock_(() => {
    const spreadsheet = activeSpreadsheet_();
    const { roster } = currentRoster_(spreadsheet);
    if (!roster) throw new Error(NO_ROSTER);
    return alertsOn_(spreadsheet, roster, request.language);
  });
}

/** Removes the add-on's rules and dropdown from the sheet they were applied to; the user's own stay. */
export function removeAlerts(): RemoveAlertsResult {
  return withDocumentLock_(() => {
    const spreadsheet = activeSpreadsheet_();
    const record = alertsRecord_() ?? recordFromMapping_();
    const removed = record ? removeFrom_(spreadsheet, record) : null;
    saveAlertsRecord_(null);
    return removed ?? { sheet: null, removed: 0, dropdownRemoved: false };
  });
}

/** Menu: applies the alerts on a confirmed roster, or opens the roster page first, which applies them once saved. */
export function menuApplyAlerts(): void {
  runOnConfirmedRoster_(
    'apply-alerts',
    { confirmFirst: (say) => say.confirmRoster, headersGone: (say, headers) => say.headersGone(headers) },
    (spreadsheet, roster, language, say) => {
      const result = alertsOn_(spreadsheet, roster, language);
      const flagged = result.applied.reduce((sum, alert) => sum + alert.count, 0);
      return say.alertsApplied(result.sheet, result.applied.length, flagged, result.skipped.length);
    },
  );
}

/** The alerts on a roster already read; the caller holds the document lock. */
function alertsOn_(spreadsheet: Spreadsheet, roster: RosterOnSheet, asked: Language | undefined): AlertsResult {
  const { settings } = workbookSettings_();
  const language = asked ?? languageOf_(settings, spreadsheet.getSpreadsheetLocale());
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const rows = rosterRows_(roster);
  const set = resolveAlerts(roster.detection, settings, rows);
  const report = alertsReport(set, rows, { today: today_(timeZone), timeZone, language });
  const plan = alertsRulesPlan(set, language);
  const sheet = roster.tab.sheet;
  // Every rule and the dropdown run from the row under the headers to the bottom of the sheet.
  if (roster.lastRow <= roster.headerRow && sheet.getMaxRows() <= roster.headerRow) {
    throw new Error(`"${plan.sheet}" has no rows below its headers (row ${roster.headerRow}) for the alerts to colour.`);
  }
  const record = alertsRecord_();
  if (record && record.sheet !== plan.sheet) removeFrom_(spreadsheet, record);
  const stale = record?.sheet === plan.sheet && record.dropdown ? [record.dropdown] : [];
  const { dropdowns } = applyRulesPlan_(sheet, plan, stale);
  const dropdown = dropdowns[0] ?? null;
  saveAlertsRecord_({ sheet: plan.sheet, dropdown: dropdown?.range ?? null });

  const status = roster.detection.columns.status;
  return {
    sheet: plan.sheet,
    headerRow: roster.headerRow,
    applied: report.alerts.map(({ id, label, colour, background, column, header, count, unchecked }) => ({ id, label, colour, background, column, header, count, unchecked })),
    skipped: report.skipped,
    statusDropdown: status && dropdown?.state === 'applied' ? { column: status.column, header: status.header, outside: report.statusesOutsideList } : null,
    statusDropdownKept: status && dropdown?.state === 'kept' ? { column: status.column, header: status.header, rows: dropdown.rows } : null,
    missing: roster.fields.filter((f) => f.status === 'missing').map((f) => ({ field: f.field, header: f.header ?? '' })),
  };
}

/** Today in the spreadsheet's time zone: what TODAY() in the rules returns there. */
function today_(timeZone: string): Day {
  const iso = Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd');
  const day = dayFromIso(iso);
  if (!day) throw new Error(`Could not read today's date in the time zone ${timeZone} (${iso}).`);
  return day;
}

/** Where the alerts would be when no apply was recorded: the confirmed roster's sheet and status column. */
function recordFromMapping_(): AlertsRecord | null {
  const saved = savedMapping_();
  if (!saved) return null;
  const status = saved.columns.status;
  const letters = status ? columnLetters(status.column) : '';
  return { sheet: saved.sheet, dropdown: status ? `${letters}${saved.headerRow + 1}:${letters}` : null };
}

function removeFrom_(spreadsheet: Spreadsheet, record: AlertsRecord): RemoveAlertsResult | null {
  const sheet = spreadsheet.getSheetByName(record.sheet);
  if (!sheet || sheet.getType() !== SpreadsheetApp.SheetType.GRID) return null;
  return { sheet: sheet.getName(), ...removeOwnedRules_(sheet, record.dropdown ? [record.dropdown] : []) };
}
