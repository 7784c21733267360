/**
 * Roster cells as an alert rule on the sheet reads them. The live rules compare only real numbers and dates
 * (ISNUMBER), so a value the team reads as a number or a date but that Sheets holds as text (`3.4万`, `8%` typed
 * into a plain-text column, `2026/11/30`) is never coloured. The core reads it the same way, and names why.
 */
import { readDateCell, type ZoneClock } from './dates';
import { isBlank, parseNumber } from './parse';

/** How a rule reads a column: a plain number, a rate between 0 and 1, or a date (its day, as INT does). */
export type CellKind = 'number' | 'rate' | 'date';

/** Why a cell cannot be checked by the live rule. */
export type UncheckedReason =
  /** Text that names a date; Sheets cannot compare it with today. */
  | 'text-date'
  /** Text that names a number (`3.4万`, `¥2,000`, `8%` as text); the rule reads only numbers. */
  | 'text-number'
  /** A rate written as a plain number above 1 (`8`): 8% or 800%? */
  | 'ambiguous-rate'
  /** A negative rate. */
  | 'negative-rate'
  | 'not-a-date'
  | 'not-a-number';

export type CellReading =
  | { state: 'blank' }
  | { state: 'value'; value: number }
  | { state: 'unreadable'; reason: UncheckedReason; text: string };

const BLANK: CellReading = { state: 'blank' };

/** Blank to a rule: empty, spaces only, or a placeholder exports write for "no data" (`-`, `N/A`, `暂无`). */
const isEmpty = (raw: unknown): boolean => raw === '' || isBlank(raw);

export function readCell(raw: unknown, kind: CellKind, clock: ZoneClock): CellReading {
  if (isEmpty(raw)) return BLANK;
  if (kind === 'date') {
    const cell = readDateCell(raw, clock);
    switch (cell.kind) {
      case 'blank':
        return BLANK;
      case 'date':
        return { state: 'value', value: Math.floor(cell.serial) };
      case 'text-date':
        return { state: 'unreadable', reason: 'text-date', text: cell.text };
      case 'not-a-date':
        return { state: 'unreadable', reason: 'not-a-date', text: cell.text };
    }
  }
  // A date in a number column is a serial number to Sheets, and a rule compares it as one.
  const value = raw instanceof Date ? clock(raw) : raw;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { state: 'unreadable', reason: 'not-a-number', text: String(value) };
    if (kind === 'rate' && value > 1) return { state: 'unreadable', reason: 'ambiguous-rate', text: String(value) };
    if (kind === 'rate' && value < 0) return { state: 'unreadable', reason: 'negative-rate', text: String(value) };
    return { state: 'value', value };
  }
  const text = typeof value === 'boolean' ? String(value).toUpperCase() : String(value);
  const asNumber = parseNumber(value, kind === 'rate' ? 'rate' : 'number');
  return { state: 'unreadable', reason: asNumber.ok ? 'text-number' : 'not-a-number', text };
}

/**
 * Text as a rule compares it: TRIM (leading and trailing spaces dropped, runs of spaces made one) and, as Sheets'
 * "=" does, without regard to case. A checkbox reads as TRUE / FALSE.
 */
export function ruleText(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  const text = typeof raw === 'boolean' ? (raw ? 'TRUE' : 'FALSE') : typeof raw === 'string' ? raw : '';
  return text.replace(/^ +| +$/g, '').replace(/ {2,}/g, ' ').toLowerCase();
}
