import { parseDateText } from './dates';
import { dayOf, fail, ok, quote, type Parsed } from './result';

/**
 * Quarters, as rosters write the period a row belongs to: "2026-Q3", "Q3 2026", "2026年第3季度", "2026年Q3", a date
 * (a date cell, "2026-08-15", "2026/8/15", "2026年8月15日", "8/15/2026": read as dates.ts reads them) or a month
 * ("2026-08", "2026年8月", "Aug 2026"). A quarter's key is "2026-Q3": it sorts in time order as text and names the
 * tab. A date cell should reach the core as a CalendarDay (its day in the spreadsheet's zone): a bare Date is read
 * by its UTC day, which east of Greenwich puts the first day of a quarter in the one before.
 */
export interface Quarter {
  year: number;
  /** 1 to 4. */
  q: number;
  key: string;
}

export const quarterOf = (year: number, q: number): Quarter => ({ year, q, key: `${year}-Q${q}` });
const fromMonth = (year: number, month: number): Quarter => quarterOf(year, Math.floor((month - 1) / 3) + 1);

/** Orders quarters in time; usable directly as a sort comparator. */
export const compareQuarters = (a: Quarter, b: Quarter): number => a.year * 4 + a.q - (b.year * 4 + b.q);

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };

const EXPECTED = 'a quarter such as 2026-Q3, 2026年第3季度, a date or a month such as 2026-08';

const validYear = (y: number): boolean => y >= 1900 && y <= 2200;

/** Reads one cell as a quarter; blank is null. */
export function parseQuarter(raw: unknown): Parsed<Quarter | null> {
  if (raw === null || raw === undefined) return ok(null);
  const day = dayOf(raw);
  if (day !== null) return readText(day, raw);
  if (typeof raw !== 'string') {
    // A bare number is a year, a quarter number or a date serial: none of them can be told apart safely.
    return fail(`${quote(raw)} is not a quarter; expected ${EXPECTED}`);
  }
  const text = raw.normalize('NFKC').trim();
  if (text === '') return ok(null);
  return readText(text, raw);
}

function readText(text: string, raw: unknown): Parsed<Quarter | null> {
  const t = text.toLowerCase().replace(/\s+/g, ' ');
  const found = readQuarter(t) ?? readDate(text) ?? readMonth(t);
  if (found === 'invalid' || found === null) return fail(`${quote(raw)} is not a quarter; expected ${EXPECTED}`);
  return ok(found);
}

type Reading = Quarter | 'invalid' | null;

function checked(year: number, q: number): Reading {
  return validYear(year) && q >= 1 && q <= 4 ? quarterOf(year, q) : 'invalid';
}

function readQuarter(t: string): Reading {
  let m = /^(\d{4}) ?[-/ ]? ?q([1-4])$/.exec(t) ?? /^(\d{4}) ?年? ?(?:第 ?([1-4一二三四]) ?季度?|q([1-4])|([1-4一二三四]) ?季度)$/.exec(t);
  if (m) {
    const digit = m[2] ?? m[3] ?? m[4]!;
    return checked(Number(m[1]), CHINESE_DIGITS[digit] ?? Number(digit));
  }
  m = /^q([1-4]) ?[-/ ]? ?(\d{4})$/.exec(t) ?? /^(?:fy)?(\d{4}) quarter ([1-4])$/.exec(t);
  if (m) return t.startsWith('q') ? checked(Number(m[2]), Number(m[1])) : checked(Number(m[1]), Number(m[2]));
  return null;
}

function readDate(t: string): Reading {
  const day = parseDateText(t);
  return day ? fromMonth(day.y, day.m) : null;
}

function readMonth(t: string): Reading {
  // "2026年3" could be March or the third quarter: a Chinese month needs its 月.
  let m = /^(\d{4})[-/.](\d{1,2})$/.exec(t) ?? /^(\d{4}) ?年 ?(\d{1,2}) ?月$/.exec(t);
  if (m) return month(Number(m[1]), Number(m[2]), 1);
  m = /^([a-z]{3,9})\.? ?(\d{4})$/.exec(t) ?? /^(\d{4}) ([a-z]{3,9})$/.exec(t);
  if (m) {
    const [name, year] = /^\d/.test(m[1]!) ? [m[2]!, m[1]!] : [m[1]!, m[2]!];
    const index = MONTHS.findIndex((abbr) => name.startsWith(abbr) && (name.length === 3 || fullMonth(name)));
    return index < 0 ? null : month(Number(year), index + 1, 1);
  }
  return null;
}

const FULL_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'sept'];
const fullMonth = (name: string): boolean => FULL_MONTHS.includes(name);

function month(year: number, m: number, d: number): Reading {
  if (!validYear(year) || m < 1 || m > 12 || d < 1 || d > 31) return 'invalid';
  return fromMonth(year, m);
}

/** Reads a quarter given by the user (a setting or a sidebar field); the same forms as a cell. */
export function readQuarterKey(raw: unknown): Parsed<Quarter> {
  const parsed = parseQuarter(raw);
  if (!parsed.ok) return parsed;
  if (parsed.value === null) return fail(`is blank; expected ${EXPECTED}`);
  return ok(parsed.value);
}

/**
 * The quarter a rebalance reviews: the one asked for, else the latest quarter the roster's rows carry, else null
 * (a roster without a period column is one period, reviewed as a whole).
 */
export function pickQuarter(found: readonly (Quarter | null)[], given?: Quarter | null): Quarter | null {
  if (given) return given;
  let latest: Quarter | null = null;
  for (const q of found) if (q && (!latest || compareQuarters(q, latest) > 0)) latest = q;
  return latest;
}

/** The quarter after this one: the quarter a proposal is for. */
export const nextQuarter = (q: Quarter): Quarter => (q.q === 4 ? quarterOf(q.year + 1, 1) : quarterOf(q.year, q.q + 1));
