import { CURRENCY_CODES, currencyForLocale, type CurrencyCode } from './domain';
import { parseNumber } from './parse';
import { fail, ok, quote, type Parsed } from './result';

/**
 * Which currency an amount or a number format names. A marketer types `¥25,000`, `2.5万元`, `RMB 25000`, `$5k` or
 * `€3,000` into a budget cell, and a roster's cost column carries a currency format such as `"¥"#,##0` or
 * `[$$-409]#,##0.00`: the sign or code decides the currency, and only when there is none does the workbook locale.
 */

export interface NamedCurrency {
  code: CurrencyCode;
  /** The sign or code as written, for messages ("$", "元", "RMB"). */
  sign: string;
}

/** Dollars and yen/yuan share a sign: the bare sign keeps a currency of its family already in use. */
const DOLLAR_FAMILY: readonly CurrencyCode[] = ['USD', 'HKD', 'SGD', 'TWD'];
const YEN_FAMILY: readonly CurrencyCode[] = ['CNY', 'JPY'];

/**
 * Signs, codes and Chinese names, lower case, longest first so `hk$` wins over `$` and `美元` over `元`. `$` and `¥`
 * stand for their family (see `resolve`).
 */
const TOKENS: ReadonlyArray<readonly [string, CurrencyCode | '$' | '¥']> = [
  ...'新加坡元:SGD 人民币:CNY 新台币:TWD cn¥:CNY jp¥:JPY us$:USD hk$:HKD nt$:TWD rmb:CNY'.split(' '),
  ...CURRENCY_CODES.map((code) => `${code.toLowerCase()}:${code}`),
  ...'美元:USD 美金:USD 欧元:EUR 英镑:GBP 日元:JPY 港币:HKD 港元:HKD 韩元:KRW s$:SGD 元:CNY 块:CNY €:EUR £:GBP ₩:KRW $:$ ¥:¥'.split(' '),
].map((pair) => pair.split(':') as [string, CurrencyCode | '$' | '¥']);

function resolve(token: CurrencyCode | '$' | '¥', current: CurrencyCode | undefined): CurrencyCode {
  if (token === '$') return current && DOLLAR_FAMILY.includes(current) ? current : 'USD';
  if (token === '¥') return current && YEN_FAMILY.includes(current) ? current : 'CNY';
  return token;
}

/** NFKC folds the full-width ￥, ＄ and digits into their plain forms; case and spaces carry no meaning. */
const fold = (raw: string): string => raw.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** Where a currency token sits in an amount: before or after the number, outside any minus sign. */
function findToken(text: string): { token: string; code: CurrencyCode | '$' | '¥'; rest: string } | null {
  const signless = text.replace(/^[+-]/, '');
  const lead = text.slice(0, text.length - signless.length);
  for (const [token, code] of TOKENS) {
    if (signless.startsWith(token)) return { token, code, rest: lead + signless.slice(token.length) };
  }
  for (const [token, code] of TOKENS) {
    if (text.endsWith(token) && text.length > token.length) return { token, code, rest: text.slice(0, -token.length) };
  }
  return null;
}

/**
 * The currency an amount names, or null when it names none. A bare `$` or `¥` keeps `current` when it is of the
 * sign's family (HK$ and S$ budgets are often typed with a plain `$`), else reads as USD or CNY.
 */
export function currencyOfAmount(raw: unknown, current?: CurrencyCode): NamedCurrency | null {
  if (typeof raw !== 'string') return null;
  const original = raw.normalize('NFKC').trim();
  const found = findToken(fold(raw));
  if (!found) return null;
  const at = original.toLowerCase().indexOf(found.token);
  return { code: resolve(found.code, current), sign: at >= 0 ? original.slice(at, at + found.token.length) : found.token };
}

/** A currency written alone, as in a "Currency" cell: a code (`USD`), a sign (`$`) or a Chinese name (`人民币`). */
export function currencyOfName(raw: unknown, current?: CurrencyCode): CurrencyCode | null {
  if (typeof raw !== 'string') return null;
  const text = fold(raw);
  const match = TOKENS.find(([token]) => token === text);
  return match ? resolve(match[1], current) : null;
}

export interface Amount {
  amount: number;
  currency: NamedCurrency | null;
}

/** Reads a typed amount of money with the currency it names: `¥25,000`, `2.5万元`, `RMB 25000`, `25k`, `$5,000`. */
export function parseAmount(raw: unknown, current?: CurrencyCode): Parsed<Amount | null> {
  if (typeof raw === 'number') {
    const n = parseNumber(raw, 'money');
    return n.ok ? ok(n.value === null ? null : { amount: n.value, currency: null }) : n;
  }
  if (typeof raw !== 'string') {
    const n = parseNumber(raw, 'money');
    return n.ok ? ok(null) : n;
  }
  const currency = currencyOfAmount(raw, current);
  const found = currency ? findToken(fold(raw)) : null;
  const number = parseNumber(found ? found.rest : raw, 'money');
  if (!number.ok) return fail(`${quote(raw)} is not an amount; expected an amount such as 25000, ¥25,000, 2.5万 or 25k`);
  if (number.value === null) return currency ? fail(`${quote(raw)} has no amount`) : ok(null);
  return ok({ amount: number.value, currency });
}

/** Windows locale ids Sheets writes in a currency format ([$¥-804]): the locale decides between same-sign currencies. */
const FORMAT_LOCALES: Record<string, CurrencyCode> = { '804': 'CNY', '1004': 'SGD', '4809': 'SGD', '411': 'JPY', '409': 'USD', c04: 'HKD', '404': 'TWD', '412': 'KRW', '809': 'GBP' };

/**
 * The currency a number format shows, or null for a plain number format. Sheets writes currency formats three ways:
 * quoted (`"¥"#,##0`, `#,##0 "元"`), bracketed with a locale (`[$¥-804]#,##0.00`, `[$USD] #,##0`) or bare
 * (`$#,##0.00`, `#,##0.00 €`).
 */
export function currencyOfNumberFormat(format: unknown, current?: CurrencyCode): CurrencyCode | null {
  if (typeof format !== 'string' || format === '') return null;
  // A format may have sections for positive;negative;zero: the first one names the currency.
  const section = format.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/)[0] ?? '';
  const bracket = /\[\$([^\]-]*)(?:-([0-9a-f]+))?\]/i.exec(section);
  if (bracket) {
    const sign = (bracket[1] ?? '').normalize('NFKC').trim();
    const byLocale = bracket[2] ? FORMAT_LOCALES[bracket[2].toLowerCase()] : undefined;
    if (sign === '$' || sign === '¥') {
      const family = sign === '$' ? DOLLAR_FAMILY : YEN_FAMILY;
      return byLocale && family.includes(byLocale) ? byLocale : resolve(sign, current);
    }
    const named = sign ? currencyOfName(sign, current) : null;
    if (named) return named;
  }
  for (const quoted of section.match(/"[^"]*"/g) ?? []) {
    const named = currencyOfName(quoted.slice(1, -1), current);
    if (named) return named;
  }
  const bare = section.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  const symbol = /[¥￥$€£₩]/.exec(bare);
  return symbol ? currencyOfName(symbol[0], current) : null;
}

/**
 * The planner's default currency: the one the roster's money column shows (its number format, or a sign typed in
 * its text), else the one the workbook locale suggests. `samples` are the first data cells of the roster's cost or
 * spend column, as value and number format.
 */
export function defaultCurrency(locale: string, samples: ReadonlyArray<{ value: unknown; format: string }> = []): CurrencyCode {
  const byLocale = currencyForLocale(locale);
  for (const { value, format } of samples) {
    const code = currencyOfNumberFormat(format, byLocale) ?? currencyOfAmount(value, byLocale)?.code;
    if (code) return code;
  }
  return byLocale;
}
