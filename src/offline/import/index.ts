/**
 * Opens a roster file as data tools and spreadsheet programs export it: CSV (comma, semicolon or tab; UTF-8 with or
 * without BOM, UTF-16 with BOM, GB18030, Windows-1252; see encoding.ts) or .xlsx (the first visible worksheet, or
 * the one named). Anything else (binary junk, a PDF, an .xls, a zip that is no workbook) is refused with a reason.
 *
 * The first row is the header and is kept as written. Below it, text is read as the playground reads what is typed
 * into a cell (src/offline/user-entry.ts: "60000", "8%", "¥2,000", "2026-04-30" become numbers and dates; "3.4万",
 * "12.5k" and ids like "0012" stay text; "=..." is never a formula), after the column's number convention is
 * settled (numbers.ts): a 1.234,5 column is converted, an ambiguous column is reported and kept as text. Cells an
 * .xlsx file already types (numbers, booleans, dates) keep their type. Blank rows above the header are dropped.
 */
import { parseUserEntry } from '../user-entry';
import { readDelimited, type Delimiter } from './delimited';
import { decodeText, type TextEncodingName } from './encoding';
import { MAX_FILE_BYTES, sizeProblem } from './limits';
import { problemMessage, type ImportLanguage, type ImportProblem } from './messages';
import { detectConventions, fromEuropean, type Convention } from './numbers';
import { readXlsx } from './xlsx-read';
import { isZip } from './zip';

export { importNotice, type ImportLanguage } from './messages';

export type RosterValue = string | number | boolean | { date: string };
/** A roster cell: text, a number, a boolean, a date ("2026-04-30", or "2026-04-30 14:30:00" with a time), or blank. */
export type RosterCell = RosterValue | null;

export interface ImportReport {
  format: 'csv' | 'xlsx';
  /** Null for .xlsx, whose text is always UTF-8. */
  encoding: TextEncodingName | null;
  delimiter: Delimiter | null;
  columns: Array<{ header: string; convention: Convention; decidedBy: 'column' | 'file' | null }>;
  /** Columns kept as text because their numbers read both ways: the header and a value that shows why. */
  ambiguous: Array<{ header: string; example: string }>;
}

export interface ImportedRoster {
  ok: true;
  /** The header row, then one row per influencer; every row as wide as the widest. */
  rows: RosterCell[][];
  /** The display format of each cell (a percentage, thousands separators, a currency, a date), or null. */
  numberFormats: Array<Array<string | null>>;
  /** An .xlsx file's worksheets; empty for CSV. */
  sheetNames: string[];
  /** The worksheet read; null for CSV. */
  sheet: string | null;
  report: ImportReport;
}

export type ImportResult = ImportedRoster | { ok: false; message: string };

export interface ImportOptions {
  /** The .xlsx worksheet to read (default: the first visible one). */
  sheet?: string;
  /** The language of the refusal message (default English). */
  language?: ImportLanguage;
}

/** A cell before the column's reading: text still to be read, or a value the file typed. */
type SourceCell = { text: string } | { value: RosterValue; format: string | null } | null;

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
const startsWith = (bytes: Uint8Array, magic: number[]): boolean => magic.every((b, i) => bytes[i] === b);

export function importRoster(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): ImportResult {
  const fail = (problem: ImportProblem): ImportResult => ({ ok: false, message: problemMessage(problem, fileName, options.language ?? 'en') });
  if (bytes.length === 0) return fail({ reason: 'empty' });
  if (bytes.length > MAX_FILE_BYTES) return fail({ reason: 'file-too-large' });
  if (startsWith(bytes, OLE)) return fail({ reason: 'xls' });
  if (startsWith(bytes, PDF)) return fail({ reason: 'pdf' });

  if (isZip(bytes)) {
    const read = readXlsx(bytes, options.sheet);
    if (!read.ok) return fail(read);
    const table = withoutBlankRows(read.rows);
    if (!table) return fail({ reason: 'empty-sheet', sheet: read.sheet });
    return finish(table, { format: 'xlsx', encoding: null, delimiter: null }, read.sheetNames, read.sheet);
  }

  const text = decodeText(bytes);
  if (!text.ok) return fail({ reason: 'binary' });
  const table = readDelimited(text.text);
  if (!table.ok) return fail({ reason: 'unclosed-quote', line: table.unclosedQuoteLine });
  const cells = withoutBlankRows(table.rows.map((row) => row.map((field): SourceCell => (field === '' ? null : { text: field }))));
  if (!cells) return fail({ reason: 'empty' });
  const problem = sizeProblem(cells.length, widthOf(cells));
  if (problem) return fail(problem);
  return finish(cells, { format: 'csv', encoding: text.encoding, delimiter: table.delimiter }, [], null);
}

const widthOf = (rows: SourceCell[][]): number => rows.reduce((w, r) => Math.max(w, r.length), 0);

/** The rows from the first that holds something to the last; null when none does. */
function withoutBlankRows(cells: SourceCell[][]): SourceCell[][] | null {
  const blank = (row: SourceCell[]): boolean => row.every((c) => c === null || ('text' in c && c.text.trim() === ''));
  const start = cells.findIndex((row) => !blank(row));
  if (start < 0) return null;
  let end = cells.length;
  while (blank(cells[end - 1]!)) end--;
  return cells.slice(start, end);
}

function finish(table: SourceCell[][], file: Pick<ImportReport, 'format' | 'encoding' | 'delimiter'>, sheetNames: string[], sheet: string | null): ImportedRoster {
  const width = widthOf(table);
  const [head = [], ...body] = table.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null));

  const headers = head.map(headerText);
  const texts = headers.map((_, c) => body.map((row) => row[c]).flatMap((cell) => (cell && 'text' in cell ? [cell.text] : [])));
  const conventions = detectConventions(headers, texts);

  const rows: RosterCell[][] = [head.map((cell) => (cell === null ? null : 'text' in cell ? cell.text : cell.value))];
  const numberFormats: Array<Array<string | null>> = [head.map(() => null)];
  for (const row of body) {
    const values: RosterCell[] = [];
    const formats: Array<string | null> = [];
    row.forEach((cell, c) => {
      const [value, format] = readCell(cell, conventions[c]!.convention);
      values.push(value);
      formats.push(format);
    });
    rows.push(values);
    numberFormats.push(formats);
  }
  return {
    ok: true,
    rows,
    numberFormats,
    sheetNames,
    sheet,
    report: {
      ...file,
      columns: conventions.map(({ header, convention, decidedBy }) => ({ header, convention, decidedBy })),
      ambiguous: conventions.filter((c) => c.convention === 'ambiguous').map((c) => ({ header: c.header, example: c.example ?? '' })),
    },
  };
}

function headerText(cell: SourceCell): string {
  if (cell === null) return '';
  if ('text' in cell) return cell.text;
  return typeof cell.value === 'object' ? cell.value.date : String(cell.value);
}

function readCell(cell: SourceCell, convention: Convention): [RosterCell, string | null] {
  if (cell === null) return [null, null];
  if (!('text' in cell)) return [cell.value, cell.format];
  // Kept exactly as written: which number it means is the person's call.
  if (convention === 'ambiguous') return [cell.text, null];
  const entry = parseUserEntry(convention === 'european' ? fromEuropean(cell.text) : cell.text, { formulas: false });
  if (entry.kind !== 'value') return [entry.kind === 'formula' ? cell.text : null, null];
  return [entry.value, entry.numberFormat ?? null];
}
