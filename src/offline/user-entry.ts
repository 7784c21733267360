/**
 * What a cell holds after a person types text into it, or after a CSV file is imported: Sheets turns "60000",
 * "8%", "¥2,000", "TRUE" and "2026-04-30" into a number, boolean or date (with a matching number format), keeps
 * everything else as text, and makes "=..." a formula. The playground reads grid edits and CSV rosters through this
 * one function so both behave the same, and the in-memory workbook reads setValue(s) text through it in Sheets' own,
 * stricter way (see `sheetsLocale`).
 */

export type EnteredValue = string | number | boolean | { date: string };

export type UserEntry =
  | { kind: 'empty' }
  | { kind: 'formula'; formula: string }
  | { kind: 'value'; value: EnteredValue; numberFormat?: string };

export interface EntryOptions {
  /**
   * Whether "=..." becomes a formula. Off for imported files: a roster cell starting with "=" is data, and running
   * it would let a crafted export execute formulas in the team's workbook (CSV injection).
   */
  formulas?: boolean;
  /**
   * Read exactly as Sheets reads text typed into a cell or written with setValue(s) in a spreadsheet of this locale:
   * a leading "+", "-" or "@" starts a formula unless the text is a number ("+86 138 0000 0000" becomes a broken
   * formula, "-5" stays -5), "0012" is the number 12, and 3/4/2026 is a date (March 4 in en_US, 3 April elsewhere).
   * Without it, the friendlier reading the playground's grid and file import use, where ids keep their zeros.
   */
  sheetsLocale?: string;
}

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const CURRENCY_SYMBOLS = ['HK$', 'NT$', 'S$', '¥', '$', '€', '£', '₩'] as const;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
/** Locales that write the month first (3/4/2026 is March 4); the rest of the world writes the day first. */
const MONTH_FIRST = /^(en_US|en_PH|es_US|fil)/;
const FORMULA_STARTS = ['+', '-', '@'];

function plainNumber(text: string): number | null {
  if (!NUMBER.test(text) || !/\d/.test(text)) return null;
  const n = Number(text.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

const decimalsOf = (text: string): number => (/\.(\d+)/.exec(text)?.[1]?.length ?? 0);
const fixedFormat = (places: number): string => (places > 0 ? `0.${'0'.repeat(places)}` : '0');

/** A real calendar day, or null for 2026-02-30 and the like. */
function calendarDay(y: number, m: number, d: number): string | null {
  const probe = new Date(Date.UTC(y, m - 1, d));
  const real = probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
  return real ? probe.toISOString().slice(0, 10) : null;
}

export function parseUserEntry(input: string, options: EntryOptions = {}): UserEntry {
  const entry = readValue(input, options);
  const locale = options.sheetsLocale;
  if (locale === undefined || entry.kind !== 'value' || entry.value !== input) return entry;
  if (input.length > 1 && FORMULA_STARTS.includes(input[0]!) && options.formulas !== false) return { kind: 'formula', formula: `=${input}` };
  const slash = SLASH_DATE.exec(input.trim());
  if (!slash) return entry;
  const [a, b, y] = [Number(slash[1]), Number(slash[2]), Number(slash[3])];
  const monthFirst = MONTH_FIRST.test(locale);
  const day = monthFirst ? calendarDay(y, a, b) : calendarDay(y, b, a);
  return day ? { kind: 'value', value: { date: day }, numberFormat: monthFirst ? 'm/d/yyyy' : 'd/m/yyyy' } : entry;
}

function readValue(input: string, options: EntryOptions): UserEntry {
  if (input === '') return { kind: 'empty' };
  if (options.formulas !== false && input.length > 1 && input.startsWith('=')) return { kind: 'formula', formula: input };
  // A leading apostrophe forces text, and is not part of the value.
  if (input.startsWith("'")) return input.length > 1 ? { kind: 'value', value: input.slice(1) } : { kind: 'empty' };

  const text = input.trim();
  if (text === '') return { kind: 'value', value: input };
  const upper = text.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'value', value: upper === 'TRUE' };

  // "0012" is an account id or a postcode far more often than a quantity; keep it as typed.
  if (options.sheetsLocale === undefined && /^[+-]?0\d/.test(text)) return { kind: 'value', value: input };

  const n = plainNumber(text);
  if (n !== null) {
    return text.includes(',')
      ? { kind: 'value', value: n, numberFormat: decimalsOf(text) ? `#,##0.${'0'.repeat(decimalsOf(text))}` : '#,##0' }
      : { kind: 'value', value: n };
  }

  if (text.endsWith('%')) {
    const body = text.slice(0, -1).trim();
    const p = plainNumber(body);
    // To 15 significant digits, as Sheets keeps numbers: "5.2%" is 0.052, not 5.2 / 100 = 0.052000000000000005.
    if (p !== null) return { kind: 'value', value: Number((p / 100).toPrecision(15)), numberFormat: `${fixedFormat(decimalsOf(body))}%` };
  }

  for (const symbol of CURRENCY_SYMBOLS) {
    const negative = text.startsWith('-');
    const body = negative ? text.slice(1) : text;
    if (!body.startsWith(symbol)) continue;
    const amount = plainNumber(body.slice(symbol.length).trim());
    if (amount === null || amount < 0) break;
    const places = decimalsOf(body);
    return {
      kind: 'value',
      value: negative ? -amount : amount,
      numberFormat: `"${symbol}"#,##0${places ? `.${'0'.repeat(places)}` : ''}`,
    };
  }

  const date = ISO_DATE.exec(text);
  const day = date ? calendarDay(Number(date[1]), Number(date[2]), Number(date[3])) : null;
  return day ? { kind: 'value', value: { date: day }, numberFormat: 'yyyy-mm-dd' } : { kind: 'value', value: input };
}
