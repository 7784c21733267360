/**
 * Data validation on typed input: a rule set to reject invalid data refuses the edit, as Sheets does, with the
 * rule's help text as the message. Rules that only warn, and criteria not modelled here, let the input through.
 */
import { parseA1, resolveA1, type WorkbookSnapshot } from '../src/offline/workbook';
import type { UserEntry } from '../src/offline/user-entry';

type Check = (value: unknown, args: unknown[]) => boolean;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const numeric =
  (test: (n: number, a: number, b: number) => boolean): Check =>
  (value, [a, b]) => {
    const n = num(value);
    return n !== null && test(n, Number(a), Number(b));
  };

const CHECKS: Record<string, Check> = {
  NUMBER_BETWEEN: numeric((n, a, b) => n >= Math.min(a, b) && n <= Math.max(a, b)),
  NUMBER_NOT_BETWEEN: numeric((n, a, b) => n < Math.min(a, b) || n > Math.max(a, b)),
  NUMBER_EQUAL_TO: numeric((n, a) => n === a),
  NUMBER_NOT_EQUAL_TO: numeric((n, a) => n !== a),
  NUMBER_GREATER_THAN: numeric((n, a) => n > a),
  NUMBER_GREATER_THAN_OR_EQUAL_TO: numeric((n, a) => n >= a),
  NUMBER_LESS_THAN: numeric((n, a) => n < a),
  NUMBER_LESS_THAN_OR_EQUAL_TO: numeric((n, a) => n <= a),
  VALUE_IN_LIST: (value, [list]) => Array.isArray(list) && list.some((item) => String(item) === String(value)),
  TEXT_CONTAINS: (value, [text]) => String(value).includes(String(text)),
  TEXT_DOES_NOT_CONTAIN: (value, [text]) => !String(value).includes(String(text)),
  TEXT_EQUAL_TO: (value, [text]) => String(value) === String(text),
  CHECKBOX: (value) => typeof value === 'boolean',
};

const DESCRIPTIONS: Record<string, (args: unknown[]) => string> = {
  NUMBER_BETWEEN: ([a, b]) => `a number between ${a} and ${b}`,
  NUMBER_GREATER_THAN_OR_EQUAL_TO: ([a]) => `a number greater than or equal to ${a}`,
  NUMBER_GREATER_THAN: ([a]) => `a number greater than ${a}`,
  NUMBER_LESS_THAN_OR_EQUAL_TO: ([a]) => `a number less than or equal to ${a}`,
  NUMBER_LESS_THAN: ([a]) => `a number less than ${a}`,
  VALUE_IN_LIST: ([list]) => `one of: ${Array.isArray(list) ? list.join(', ') : ''}`,
};

/** The rejection message for typing `entry` into the cell, or null when the input is accepted. */
export function checkValidation(snapshot: WorkbookSnapshot, sheetName: string, row: number, column: number, entry: UserEntry): string | null {
  // Formulas and clearing a cell are not checked against validation when typed, as in Sheets.
  if (entry.kind !== 'value') return null;
  const sheet = snapshot.sheets.find((s) => s.name === sheetName);
  if (!sheet) return null;
  for (const rule of sheet.validations) {
    if (rule.allowInvalid) continue;
    const covers = rule.ranges.some((a1) => {
      const ref = parseA1(a1);
      if (!ref) return false;
      const g = resolveA1(ref, sheet.maxRows, sheet.maxColumns);
      return row >= g.row && row < g.row + g.numRows && column >= g.column && column < g.column + g.numColumns;
    });
    const check = CHECKS[rule.criteria];
    if (!covers || !check || check(entry.value, rule.values)) continue;
    const expected = DESCRIPTIONS[rule.criteria]?.(rule.values);
    return rule.helpText || (expected ? `Input must be ${expected}.` : 'The data you entered violates the data validation rules set on this cell.');
  }
  return null;
}
