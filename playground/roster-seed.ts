/**
 * The roster a playground session starts from, written into the workbook's first sheet as the team's own tab: the
 * generated sample or an imported CSV or .xlsx file, with bold headers, a frozen header row, number formats and
 * column widths.
 */
import type { RosterCell } from '../src/offline/import';
import { SERIAL_EPOCH_OFFSET } from '../src/offline/number-format';
import { sampleRoster, type SampleCell } from '../src/offline/sample';
import { parseUserEntry, type EnteredValue } from '../src/offline/user-entry';
import type { MemoryWorkbook } from '../src/offline/workbook';
import { dateFromDay, dateFromSerial } from './dates';
import type { RosterSource } from './session';

const HEADER_BACKGROUND = '#f1f3f4';
const DAY_MS = 86_400_000;

export function seedRoster(workbook: MemoryWorkbook, source: RosterSource, timeZone: string): void {
  const sheet = workbook.spreadsheet.getSheets()[0]!;
  let headers: unknown[];
  let rows: unknown[][];
  let formats: Array<Array<string | null>>;
  let widths: number[];
  if (source.kind === 'sample') {
    const { language, seed, count, today } = source;
    const sample = sampleRoster({ language, seed, count, ...(today ? { today } : {}) });
    sheet.setName(sample.sheetName);
    headers = sample.headers;
    rows = sample.rows.map((row) => row.map((cell) => cellValue(cell, timeZone)));
    formats = sample.rows.map(() => sample.numberFormats);
    widths = sample.columnWidths;
  } else if (source.kind === 'import') {
    sheet.setName('Roster');
    const [head = [], ...body] = source.rows;
    headers = head.map((cell) => importedValue(cell, timeZone));
    rows = body.map((row) => row.map((cell) => importedValue(cell, timeZone)));
    formats = source.numberFormats.slice(1);
    widths = columnWidths(source.rows.slice(0, 200).map((row) => row.map((cell) => (cell === null ? '' : typeof cell === 'object' ? cell.date : String(cell)))));
  } else {
    sheet.setName('Roster');
    const [head = [], ...body] = source.rows;
    headers = head;
    const entries = body.map((row) => row.map((text) => parseUserEntry(text, { formulas: false })));
    rows = entries.map((row) => row.map((e) => (e.kind === 'value' ? cellValue(e.value, timeZone) : null)));
    formats = entries.map((row) => row.map((e) => (e.kind === 'value' ? (e.numberFormat ?? null) : null)));
    widths = columnWidths(source.rows.slice(0, 200));
  }
  const width = Math.max(headers.length, ...rows.map((r) => r.length));
  const pad = <T>(row: T[], fill: T): T[] => [...row, ...Array<T>(Math.max(0, width - row.length)).fill(fill)];
  // Seeded as the team typed it: text stays text even when it starts with "=" (see literal below).
  workbook.seedSheet(sheet.getName(), [pad(headers, ''), ...rows.map((r) => pad(r, null))].map((r) => r.map(literal)));
  if (width === 0) return;
  sheet.getRange(1, 1, 1, width).setFontWeight('bold').setBackground(HEADER_BACKGROUND);
  sheet.setFrozenRows(1);
  applyNumberFormats(sheet, formats);
  widths.forEach((w, i) => sheet.setColumnWidth(i + 1, w));
}

/** A sample or imported value as the workbook stores it; calendar days become Dates at midnight there. */
export function cellValue(value: SampleCell | EnteredValue, timeZone: string): unknown {
  if (value !== null && typeof value === 'object') return dateFromDay(value.date, timeZone);
  return value;
}

/** Wide enough for the longest of the first rows' texts, within 80-280 pixels. */
function columnWidths(texts: string[][]): number[] {
  const width = texts.reduce((w, r) => Math.max(w, r.length), 0);
  return Array.from({ length: width }, (_, c) => Math.min(280, Math.max(80, Math.max(0, ...texts.map((r) => (r[c] ?? '').length)) * 8 + 16)));
}

/** An imported cell as the workbook stores it: a date (with its time of day, if any) on the spreadsheet's wall clock. */
function importedValue(cell: RosterCell, timeZone: string): unknown {
  if (cell === null || typeof cell !== 'object') return cell;
  const [day, time = '00:00:00'] = cell.date.split(' ');
  return dateFromSerial(Date.parse(`${day}T${time}Z`) / DAY_MS + SERIAL_EPOCH_OFFSET, timeZone);
}

/** Text is written with a leading apostrophe, as the add-on's renderer does, so it never turns into a formula. */
export function literal(value: unknown): unknown {
  return typeof value === 'string' && value !== '' ? `'${value}` : value;
}

/**
 * Number formats of the data rows (below the header), one call per column when the column agrees on its format
 * (blank cells in it take the format harmlessly, as they would in Sheets), cell by cell otherwise.
 */
function applyNumberFormats(sheet: GoogleAppsScript.Spreadsheet.Sheet, formats: Array<Array<string | null>>): void {
  const columns = Math.max(0, ...formats.map((r) => r.length));
  for (let c = 0; c < columns; c++) {
    const found = new Set(formats.map((r) => r[c]).filter((f): f is string => !!f));
    if (found.size === 1) sheet.getRange(2, c + 1, formats.length, 1).setNumberFormat([...found][0]!);
    else if (found.size > 1) formats.forEach((r, i) => r[c] && sheet.getRange(i + 2, c + 1).setNumberFormat(r[c]!));
  }
}
