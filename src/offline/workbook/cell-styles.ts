/**
 * How a range's formatting writes reach a cell: each value checked as Apps Script checks it, the default stored as
 * no value of the cell's own (as in a new sheet), so snapshots show only what was set.
 */
import type { SS } from './gas';
import type { Cell } from './state';
import { normalizeColor, requireInteger, signatureError } from './values';

export const DEFAULT_BACKGROUND = '#ffffff';
export const DEFAULT_FONT_COLOR = '#000000';
export const DEFAULT_FONT_SIZE = 10;
/** The sizes Sheets' font-size box accepts, in points. */
const MIN_FONT_SIZE = 1;
const MAX_FONT_SIZE = 400;

/** A font size as Apps Script takes one: a number (an Integer parameter, so a fraction is dropped) that Sheets can show. */
export function checkFontSize(method: string, size: unknown): number {
  const points = requireInteger(`SpreadsheetApp.Range.${method}`, size);
  if (points < MIN_FONT_SIZE || points > MAX_FONT_SIZE) {
    throw new Error(`Invalid argument: font size ${points}. A font size must be from ${MIN_FONT_SIZE} to ${MAX_FONT_SIZE} points.`);
  }
  return points;
}

/** A Boolean[][] entry: Apps Script refuses a matrix of another type, it does not read "yes" or 1 as true. */
export function checkBoolean(method: string, value: unknown, matrix: unknown): boolean {
  if (typeof value !== 'boolean') throw signatureError(`SpreadsheetApp.Range.${method}`, [matrix]);
  return value;
}

export function setColor(cell: Cell, key: 'bg' | 'fc', color: string | null | undefined): void {
  if (color === null || color === undefined || color === '') delete cell[key];
  else cell[key] = normalizeColor(String(color));
}

/** The default size is no size of the cell's own, as in a new sheet. */
export function setFontSize(cell: Cell, points: number): void {
  if (points === DEFAULT_FONT_SIZE) delete cell.fs;
  else cell.fs = points;
}

export function setBold(cell: Cell, weight: SS.FontWeight | null | undefined): void {
  if (weight === 'bold') cell.bold = true;
  else delete cell.bold;
}

export function setAlignment(cell: Cell, alignment: string | null | undefined): void {
  if (alignment === null || alignment === undefined) delete cell.ha;
  else cell.ha = String(alignment);
}

export function setNote(cell: Cell, note: string | null | undefined): void {
  if (note === null || note === undefined || note === '') delete cell.note;
  else cell.note = String(note);
}
