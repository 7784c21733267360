import { dayOf, fail, ok, quote, tidy, type Parsed } from './result';

/**
 * Reading numbers the way marketers write them: `12,000`, `12.5k`, `1.2M`, `3.4万`, `1亿`, `¥2,000`, `2000元`,
 * `RMB 2000`, `$50`, `8%`. Data-tool exports (Qiangua, Huitun, Chanmama, Modash, GRIN) mix all of these.
 *
 * `null` means blank: an empty cell or a placeholder such as `N/A`, `-` or `暂无`.
 */
export type NumberKind = 'count' | 'money' | 'rate' | 'number';

const EXPECTED: Record<NumberKind, string> = {
  count: 'a count such as 12000, 12.5k or 3.4万',
  money: 'an amount such as 2000, ¥2,000 or 1.5万',
  rate: 'a rate such as 8% or 0.08',
  number: 'a number',
};

const PLACEHOLDERS = new Set(['-', '--', '—', '/', 'n/a', 'na', 'n.a.', 'none', 'null', '无', '暂无', '未知']);

/** Multipliers by suffix, longest first so `百万` wins over `万`. `w` is the common shorthand for 万. */
const MULTIPLIERS: ReadonlyArray<readonly [string, number]> = [
  ['千万', 1e7],
  ['百万', 1e6],
  ['亿', 1e8],
  ['万', 1e4],
  ['千', 1e3],
  ['bn', 1e9],
  ['mn', 1e6],
  ['k', 1e3],
  ['m', 1e6],
  ['b', 1e9],
  ['w', 1e4],
];

const CURRENCY_PREFIX = /^(?:us\$|hk\$|rmb|cny|usd|eur|gbp|jpy|hkd|[¥$€£₩])/;
const CURRENCY_SUFFIX = /(?:元|块|rmb|cny|usd|eur|gbp|jpy|hkd)$/;
const PLAIN = /^(?:\d+(?:\.\d+)?|\.\d+)$/;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

interface Reading {
  value: number;
  percent: boolean;
  currency: boolean;
  multiplier: boolean;
}

export function isBlank(raw: unknown): boolean {
  if (raw === null || raw === undefined) return true;
  if (typeof raw !== 'string') return false;
  const text = raw.trim().toLowerCase();
  return text === '' || PLACEHOLDERS.has(text);
}

function readText(raw: string): Reading | null {
  // NFKC folds full-width digits, ％ and ￥ into their ASCII forms; spaces (incl. U+3000) carry no meaning here.
  let text = raw.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  let sign = 1;
  if (text.startsWith('-')) {
    sign = -1;
    text = text.slice(1);
  } else if (text.startsWith('+')) {
    text = text.slice(1);
  }
  const percent = text.endsWith('%');
  if (percent) text = text.slice(0, -1);
  let currency = false;
  const prefix = CURRENCY_PREFIX.exec(text);
  if (prefix) {
    currency = true;
    text = text.slice(prefix[0].length);
  }
  const suffix = CURRENCY_SUFFIX.exec(text);
  if (suffix) {
    currency = true;
    text = text.slice(0, -suffix[0].length);
  }
  if (sign === 1 && text.startsWith('-')) {
    // "¥-200" / "$-50"
    sign = -1;
    text = text.slice(1);
  }
  let factor = 1;
  for (const [unit, size] of MULTIPLIERS) {
    if (text.endsWith(unit) && text.length > unit.length) {
      factor = size;
      text = text.slice(0, -unit.length);
      break;
    }
  }
  if (!PLAIN.test(text) && !GROUPED.test(text)) return null;
  const value = sign * Number(text.replace(/,/g, '')) * factor;
  if (!Number.isFinite(value)) return null;
  // Round away binary noise from the multiplication (12.5k must be exactly 12500).
  const clean = factor === 1 ? value : tidy(value);
  return { value: clean, percent, currency, multiplier: factor !== 1 };
}

/** Reads one value as a number of the given kind. */
export function parseNumber(raw: unknown, kind: NumberKind): Parsed<number | null> {
  if (isBlank(raw)) return ok(null);
  const expected = EXPECTED[kind];
  if (typeof raw === 'boolean') return fail(`${quote(raw ? 'TRUE' : 'FALSE')} is not a number; expected ${expected}`);
  if (dayOf(raw) !== null) return fail(`${quote(raw)} is a date; expected ${expected}`);
  let reading: Reading;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return fail(`${quote(raw)} is not a number; expected ${expected}`);
    reading = { value: raw, percent: false, currency: false, multiplier: false };
  } else if (typeof raw === 'string') {
    const read = readText(raw);
    if (!read) return fail(`${quote(raw)} is not a number; expected ${expected}`);
    reading = read;
  } else {
    return fail(`${quote(raw)} is not a number; expected ${expected}`);
  }
  return checkKind(raw, reading, kind);
}

function checkKind(raw: unknown, r: Reading, kind: NumberKind): Parsed<number> {
  const expected = EXPECTED[kind];
  switch (kind) {
    case 'rate': {
      if (r.currency || r.multiplier) return fail(`${quote(raw)} is not a rate; expected ${expected}`);
      const value = r.percent ? r.value / 100 : r.value;
      if (value < 0) return fail(`${quote(raw)} is negative; expected ${expected}`);
      if (!r.percent && value > 1) {
        return fail(`${quote(raw)} is ambiguous: write ${fmt(value)}% or ${fmt(value / 100)}`);
      }
      return ok(r.percent ? tidy(value) : value);
    }
    case 'count':
    case 'money':
      if (r.percent) return fail(`${quote(raw)} is a percentage; expected ${expected}`);
      if (kind === 'count' && r.currency) return fail(`${quote(raw)} is an amount of money; expected ${expected}`);
      if (r.value < 0) return fail(`${quote(raw)} is negative; expected ${expected}`);
      return ok(r.value);
    case 'number':
      return ok(r.percent ? tidy(r.value / 100) : r.value);
  }
}

const fmt = (n: number): string => String(Number(n.toPrecision(10)));

/**
 * Reads a rating on a 0..scale scale. Accepts the plain number or the seed's "9/10" notation (a fraction of
 * another scale is converted: "4/5" on a 10-point scale is 8).
 */
export function parseRating(raw: unknown, scale: number): Parsed<number | null> {
  if (typeof raw === 'string') {
    const m = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)\s*$/.exec(raw.normalize('NFKC'));
    if (m) {
      const num = Number(m[1]);
      const den = Number(m[2]);
      if (den <= 0 || num > den) return fail(`${quote(raw)} is not a valid rating; expected 0 to ${scale}`);
      return ok(tidy((num / den) * scale));
    }
  }
  const parsed = parseNumber(raw, 'number');
  if (!parsed.ok || parsed.value === null) return parsed;
  if (parsed.value < 0 || parsed.value > scale) {
    return fail(`${quote(raw)} is out of range; expected 0 to ${scale}`);
  }
  return parsed;
}

/** Reads a required piece of text (a URL, a campaign name). A date reads as its day, 2026-04-30. */
export function parseText(raw: unknown): Parsed<string | null> {
  if (raw === null || raw === undefined) return ok(null);
  const day = dayOf(raw);
  if (day !== null) return ok(day);
  const text = String(raw).trim();
  return ok(text === '' ? null : text);
}
