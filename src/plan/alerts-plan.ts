/**
 * The roster alerts as a plan for the team's own sheet: one conditional-format rule per alert on the column it
 * colours, and the pipeline status dropdown. Formulas come from the same conditions the core counts with
 * (core/alerts.ts), so the legend and the colours agree.
 *
 * Every rule carries the add-on's mark inside its formula, `ISTEXT("Influencer Matrix alert: <id>")` (always TRUE),
 * because a conditional-format rule has no other place for metadata: the renderer finds its own rules by it and
 * replaces only those. The dropdown carries the mark in its help text.
 */
import { conditionFormula, columnLetters } from '../core/alerts-expr';
import { statusList } from '../core/alerts-statuses';
import type { AlertSet } from '../core/alerts';
import type { RosterField } from '../core/roster';
import { ALERT_LABELS, type Language } from './labels';
import type { OwnedRule, OwnedValidation, SheetRulesPlan } from './types';

export const ROSTER_ALERTS_KIND = 'roster-alerts';
export const STATUS_DROPDOWN_ID = 'status-dropdown';

const MARK_PREFIX = 'Influencer Matrix alert: ';
const MARK = /^=AND\(ISTEXT\("Influencer Matrix alert: ([a-z0-9-]+)"\),/;

/** The alert id of a rule the add-on wrote, from its custom formula; null for any other rule (the user's). */
export function ownedRuleId(formula: string | null | undefined): string | null {
  const m = MARK.exec(formula ?? '');
  return m ? m[1]! : null;
}

/** Whether a data validation is the add-on's status dropdown, from its help text, in either language. */
export function isOwnedValidation(helpText: string | null | undefined): boolean {
  const text = helpText ?? '';
  return Object.values(ALERT_LABELS).some((labels) => text.includes(labels.statusMark));
}

/** An A1 range from `row` to the bottom of the sheet: rows added below the data are covered as they are filled. */
const openColumn = (column: number, row: number): string => `${columnLetters(column)}${row}:${columnLetters(column)}`;

export function alertsRulesPlan(set: AlertSet, language: Language): SheetRulesPlan {
  const roster = set.roster;
  const row = roster.headerRow + 1;
  const column = (field: RosterField): number => {
    const found = roster.columns[field];
    if (!found) throw new Error(`The roster has no ${field} column`);
    return found.column;
  };
  const rules: OwnedRule[] = set.active.map((alert) => {
    const target = column(alert.target);
    return {
      id: alert.id,
      range: openColumn(target, row),
      row,
      column: target,
      formula: `=AND(ISTEXT("${MARK_PREFIX}${alert.id}"),${conditionFormula(alert.condition, { column, row })})`,
      background: alert.background,
    };
  });
  const validations: OwnedValidation[] = [];
  const status = roster.columns.status;
  if (status) {
    const list = statusList(language);
    validations.push({
      id: STATUS_DROPDOWN_ID,
      range: openColumn(status.column, row),
      row,
      column: status.column,
      list,
      allowInvalid: true,
      helpText: ALERT_LABELS[language].statusHelp(list),
    });
  }
  return { kind: ROSTER_ALERTS_KIND, sheet: roster.sheet, rules, validations };
}
