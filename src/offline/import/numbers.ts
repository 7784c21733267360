/**
 * Which way a column writes its numbers: 1,234.5 (comma groups, point decimals; English and Chinese exports) or
 * 1.234,5 (point groups, comma decimals; continental European exports). Read the wrong way, "489.955" followers
 * is 1,000 times too small, so the question is settled from the values, never from the file's origin alone:
 *
 * - A value decides when only one reading is a well-formed number: "1,234.5", "12.5", "0.085", "1,234,567" are
 *   1,234.5-style; "1.234,5", "5,1%", "0,085", "1.234.567" are 1.234,5-style.
 * - "489.955" or "1,200" (one separator, three digits after it, one to three before) read either way.
 * - A column decides from its own values. A column whose values all read either way takes the convention of the
 *   file's other columns when they agree (one file is written by one program in one locale); otherwise it is
 *   ambiguous. A column with values of both kinds is ambiguous too. An ambiguous column is reported and kept as
 *   text, never guessed.
 *
 * Currency signs, a sign, % and the 万/亿/k/w/M suffixes around a number take part in deciding (so "3,4万" is
 * European) but are kept as written.
 */

export type Convention = 'none' | 'us' | 'european' | 'ambiguous';

export interface ColumnConvention {
  /** 0-based. */
  column: number;
  header: string;
  convention: Convention;
  /** Whether the column's own values decided, or the file's other columns; null for none and ambiguous. */
  decidedBy: 'column' | 'file' | null;
  /** For an ambiguous column: a value that reads either way (or, in a mixed column, one of each kind). */
  example?: string;
}

type Reading = 'us' | 'european' | 'either' | null;

/** Prefix (sign, currency), number, suffix (percent, scale words, currency words). */
const NUMBERISH = /^([+-]?\s*(?:HK\$|NT\$|S\$|RMB\s?|CNY\s?|USD\s?|EUR\s?|[¥￥$€£₩])?\s*[+-]?)(\d[\d.,]*)(\s*(?:%|万|亿|千|[kKwWmM]|元|€|EUR|RMB)?)$/;

export function splitNumber(text: string): { prefix: string; digits: string; suffix: string } | null {
  const m = NUMBERISH.exec(text.trim());
  return m ? { prefix: m[1]!, digits: m[2]!, suffix: m[3]! } : null;
}

const groupedBy = (digits: string, sep: string): boolean => new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+$`).test(digits);

/** How the digits of one value can be read; null when they are no number in either convention (or need no decision). */
export function readingOf(digits: string): Reading {
  const points = digits.split('.').length - 1;
  const commas = digits.split(',').length - 1;
  if (points === 0 && commas === 0) return null;
  if (points > 0 && commas > 0) {
    const decimal = digits.lastIndexOf('.') > digits.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const [whole, fraction] = [digits.slice(0, digits.lastIndexOf(decimal)), digits.slice(digits.lastIndexOf(decimal) + 1)];
    if ((decimal === '.' ? points : commas) !== 1 || fraction === '' || !groupedBy(whole, group)) return null;
    return decimal === '.' ? 'us' : 'european';
  }
  const sep = points > 0 ? '.' : ',';
  const asDecimal: Reading = sep === '.' ? 'us' : 'european';
  const asGroups: Reading = sep === '.' ? 'european' : 'us';
  if (points + commas > 1) return groupedBy(digits, sep) ? asGroups : null;
  const [whole, fraction] = digits.split(sep) as [string, string];
  if (fraction === '') return null;
  // One separator with three digits after it, after one to three digits that do not start with 0: either reading.
  if (fraction.length === 3 && whole.length <= 3 && !whole.startsWith('0')) return 'either';
  return asDecimal;
}

/**
 * The convention of every column of `columns` (each the column's text cells below the header; cells that are not
 * text, such as an xlsx file's numbers, are left out by the caller).
 */
export function detectConventions(headers: readonly string[], columns: ReadonlyArray<readonly string[]>): ColumnConvention[] {
  const found = columns.map((values, column) => {
    let us: string | undefined;
    let european: string | undefined;
    let either: string | undefined;
    for (const value of values) {
      const parts = splitNumber(value);
      const reading = parts ? readingOf(parts.digits) : null;
      if (reading === 'us') us ??= value;
      else if (reading === 'european') european ??= value;
      else if (reading === 'either') either ??= value;
    }
    return { column, header: headers[column] ?? '', us, european, either };
  });
  const decided = new Set<Convention>();
  for (const f of found) {
    if (f.us !== undefined && f.european === undefined) decided.add('us');
    if (f.european !== undefined && f.us === undefined) decided.add('european');
  }
  const fileConvention = decided.size === 1 ? [...decided][0]! : null;
  return found.map(({ column, header, us, european, either }): ColumnConvention => {
    if (us !== undefined && european !== undefined) return { column, header, convention: 'ambiguous', decidedBy: null, example: `${us}, ${european}` };
    if (us !== undefined) return { column, header, convention: 'us', decidedBy: 'column' };
    if (european !== undefined) return { column, header, convention: 'european', decidedBy: 'column' };
    if (either === undefined) return { column, header, convention: 'none', decidedBy: null };
    if (fileConvention) return { column, header, convention: fileConvention, decidedBy: 'file' };
    return { column, header, convention: 'ambiguous', decidedBy: null, example: either };
  });
}

/**
 * A value of a 1.234,5-style column rewritten 1,234.5-style ("489.955" -> "489,955", "5,1%" -> "5.1%",
 * "€1.234,50" -> "€1,234.50", "3,4万" -> "3.4万"), so it is then read as any other value; other text is returned
 * unchanged.
 */
export function fromEuropean(value: string): string {
  const parts = splitNumber(value);
  if (!parts || readingOf(parts.digits) === null) return value;
  const swapped = parts.digits.replace(/[.,]/g, (sep) => (sep === '.' ? ',' : '.'));
  return `${parts.prefix}${swapped}${parts.suffix}`;
}
