/**
 * Reads a roster exported as CSV or tab-separated text (Qiangua, Huitun, Chanmama, Modash, GRIN, or Excel's
 * "Save as"). RFC 4180 quoting: fields in double quotes may hold the delimiter, line breaks and "" for a quote.
 * Decoding bytes is the caller's job; a leading byte-order mark in the text is dropped here.
 */

export type CsvDelimiter = ',' | '\t' | ';';

export interface CsvTable {
  rows: string[][];
  delimiter: CsvDelimiter;
}

export class CsvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvError';
  }
}

const CANDIDATES: readonly CsvDelimiter[] = [',', '\t', ';'];

/**
 * The delimiter is the candidate that occurs most often outside quotes in the first line (the header row, which
 * every roster has). Ties go to the comma, the format's namesake.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch as CsvDelimiter)) counts.set(ch as CsvDelimiter, counts.get(ch as CsvDelimiter)! + 1);
  }
  let best: CsvDelimiter = ',';
  for (const c of CANDIDATES) if (counts.get(c)! > counts.get(best)!) best = c;
  return best;
}

export function parseCsv(input: string, delimiter: CsvDelimiter = detectDelimiter(input.replace(/^\uFEFF/, ''))): CsvTable {
  const text = input.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let line = 1;
  const endField = (): void => {
    row.push(field);
    field = '';
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
  };

  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' && field === '') {
      // A quoted field runs to the next lone quote; "" inside it is a literal quote.
      const start = line;
      i++;
      for (;;) {
        if (i >= text.length) throw new CsvError(`Unterminated quoted field starting on line ${start}.`);
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n') line++;
        field += c;
        i++;
      }
      // Text after the closing quote (`"a"b`) is kept, as spreadsheet programs do.
      while (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
      continue;
    }
    if (ch === delimiter) {
      endField();
      i++;
    } else if (ch === '\n' || ch === '\r') {
      endRow();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || row.length > 0) endRow();

  // Trailing blank lines (and Excel's rows of bare delimiters) are not data.
  const blank = (r: string[]): boolean => r.every((f) => f.trim() === '');
  while (rows.length > 0 && blank(rows[rows.length - 1]!)) rows.pop();
  return { rows, delimiter };
}
