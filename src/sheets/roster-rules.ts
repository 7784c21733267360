import { isOwnedValidation, ownedRuleId } from '../plan/alerts-plan';
import type { OwnedRule, OwnedValidation, SheetRulesPlan } from '../plan/types';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type Validation = GoogleAppsScript.Spreadsheet.DataValidation;

/**
 * Rules and dropdowns on a sheet the add-on does not own (the team's roster). Only what carries the add-on's mark is
 * replaced or removed: the user's conditional-format rules are handed back to Sheets as the very objects it gave,
 * in their order, and a column holding a validation of the user's keeps it and gets no dropdown. No cell value is
 * ever written. Batched: one read and one write of the rules, one read and at most one write per dropdown column,
 * whatever the number of rows.
 */

export type DropdownOutcome =
  | { id: string; range: string; column: number; state: 'applied' }
  /** The column already carries a validation of the user's on `rows`: it is left exactly as it is. */
  | { id: string; range: string; column: number; state: 'kept'; rows: number[] };

export interface RulesApplied {
  /** The add-on's rules that were on the sheet before and were replaced. */
  replaced: number;
  dropdowns: DropdownOutcome[];
}

export interface RulesRemoved {
  removed: number;
  dropdownRemoved: boolean;
}

/**
 * Puts the plan's rules first (Sheets shows the first matching rule of a cell, and an alert should not hide behind
 * a user's colour), then the user's rules as they were. `stale` are ranges where an earlier run put a dropdown that
 * the plan no longer has there (the status column was remapped, or the roster moved to another header row): the
 * add-on's dropdown is cleared from them.
 */
export function applyRulesPlan_(sheet: Sheet, plan: SheetRulesPlan, stale: readonly string[] = []): RulesApplied {
  const existing = sheet.getConditionalFormatRules();
  const user = existing.filter((rule) => !isOwnedRule_(rule));
  sheet.setConditionalFormatRules([...plan.rules.map((rule) => buildRule_(sheet, rule)), ...user]);
  const planned = new Set(plan.validations.map((v) => v.range));
  for (const range of stale) if (!planned.has(range)) clearOwnedValidations_(sheet, range);
  return { replaced: existing.length - user.length, dropdowns: plan.validations.map((v) => placeDropdown_(sheet, v)) };
}

/** Removes the add-on's rules, and its dropdown from `dropdownRanges`; the user's rules and validations stay. */
export function removeOwnedRules_(sheet: Sheet, dropdownRanges: readonly string[]): RulesRemoved {
  const existing = sheet.getConditionalFormatRules();
  const user = existing.filter((rule) => !isOwnedRule_(rule));
  if (user.length !== existing.length) sheet.setConditionalFormatRules(user);
  const cleared = [...new Set(dropdownRanges)].map((range) => clearOwnedValidations_(sheet, range));
  return { removed: existing.length - user.length, dropdownRemoved: cleared.includes(true) };
}

/** A rule carries the add-on's mark inside its custom formula; any other rule (gradients too) is the user's. */
function isOwnedRule_(rule: Rule): boolean {
  const condition = rule.getBooleanCondition();
  if (!condition || condition.getCriteriaType() !== SpreadsheetApp.BooleanCriteria.CUSTOM_FORMULA) return false;
  return ownedRuleId(String(condition.getCriteriaValues()[0] ?? '')) !== null;
}

function buildRule_(sheet: Sheet, rule: OwnedRule): Rule {
  let builder = SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied(rule.formula)
    .setRanges([sheet.getRange(rule.range)])
    .setBackground(rule.background);
  if (rule.color) builder = builder.setFontColor(rule.color);
  return builder.build();
}

/** Sheet rows (from `firstRow`) of the cells whose validation satisfies `test`. */
function rowsWhere_(validations: Array<Array<Validation | null>>, firstRow: number, test: (v: Validation) => boolean): number[] {
  const rows: number[] = [];
  validations.forEach((line, i) => {
    if (line.some((v) => v !== null && test(v))) rows.push(firstRow + i);
  });
  return rows;
}

function placeDropdown_(sheet: Sheet, v: OwnedValidation): DropdownOutcome {
  const range = sheet.getRange(v.range);
  const theirs = rowsWhere_(range.getDataValidations(), v.row, (dv) => !isOwnedValidation(dv.getHelpText()));
  if (theirs.length) return { id: v.id, range: v.range, column: v.column, state: 'kept', rows: theirs };
  // Values outside the list stay as they are, shown as invalid: the dropdown never changes or refuses a value.
  range.setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(v.list, true).setAllowInvalid(v.allowInvalid).setHelpText(v.helpText).build());
  return { id: v.id, range: v.range, column: v.column, state: 'applied' };
}

/** Clears the add-on's dropdown from a range, keeping any validation of the user's there; true when there was one. */
function clearOwnedValidations_(sheet: Sheet, a1: string): boolean {
  let range: GoogleAppsScript.Spreadsheet.Range;
  try {
    range = sheet.getRange(a1);
  } catch {
    return false; // the sheet no longer reaches that column: nothing of ours can be there
  }
  let ours = 0;
  let theirs = 0;
  const kept = range.getDataValidations().map((line) =>
    line.map((v) => {
      if (v === null) return null;
      if (isOwnedValidation(v.getHelpText())) {
        ours++;
        return null;
      }
      theirs++;
      return v;
    }),
  );
  if (ours === 0) return false;
  if (theirs === 0) range.clearDataValidations();
  else range.setDataValidations(kept);
  return true;
}
