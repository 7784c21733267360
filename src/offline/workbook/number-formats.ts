/**
 * Which strings Range.setNumberFormat(s) accepts: the patterns of the Sheets "Date and number formats" guide. Digit
 * placeholders, separators, percent, exponent, text (@), date and time letters, quoted or escaped literal text,
 * [bracketed] colours, conditions and currencies, and ;-separated sections. A word such as "undefined" or "bold" is
 * refused, as is anything that is not a string, so a missing format in a renderer's matrix fails here the way it
 * fails (or silently becomes a date pattern) in Sheets.
 */
import type { Cell } from './state';
import { typeName } from './values';

/** What Sheets reports for a cell left on its automatic format; writing it back keeps the cell automatic. */
export const AUTOMATIC_NUMBER_FORMAT = '0.###############';

const PLAIN = new Set([...'0#?.,%Ee+-/@;: ()$€£¥₩^&\'~{}<>=!123456789']);
const DATE_LETTERS = new Set([...'dDmMyYhHsS']);
const WORDS = ['AM/PM', 'am/pm', 'A/P', 'a/p'];

function isPattern(pattern: string): boolean {
  if (pattern.trim() === '') return false;
  if (/^general$/i.test(pattern.trim())) return true;
  let placeholders = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '"') {
      const end = pattern.indexOf('"', i + 1);
      if (end < 0) return false;
      i = end;
    } else if (ch === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) return false;
      i = end;
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      i++; // the next character is a literal, a padding width or a fill
    } else if (DATE_LETTERS.has(ch)) {
      placeholders++;
    } else if (WORDS.some((w) => pattern.startsWith(w, i))) {
      i += WORDS.find((w) => pattern.startsWith(w, i))!.length - 1;
    } else if (PLAIN.has(ch)) {
      if ('0#?@'.includes(ch)) placeholders++;
    } else {
      return false;
    }
  }
  // A pattern of nothing but literals and separators shows no value at all; Sheets never produces one.
  return placeholders > 0 || /^"[^"]*"$/.test(pattern);
}

/** The pattern to store, or an Error naming the method and the refused value. */
export function checkNumberFormat(method: string, value: unknown): string {
  if (typeof value !== 'string' || !isPattern(value)) throw invalid(method, value);
  return value;
}

function invalid(method: string, value: unknown): Error {
  const shown = typeof value === 'string' ? JSON.stringify(value) : typeName(value);
  return new Error(
    `Invalid number format ${shown} for SpreadsheetApp.Range.${method}: a number format is a pattern such as "0.00", "#,##0" or "yyyy-mm-dd".`,
  );
}

/** Stores a checked pattern; the automatic format (however it is spelled) is the absence of one. */
export function applyNumberFormat(cell: Cell, pattern: string): void {
  if (pattern === AUTOMATIC_NUMBER_FORMAT || /^general$/i.test(pattern.trim())) delete cell.nf;
  else cell.nf = pattern;
}
