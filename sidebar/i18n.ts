import { CURRENCIES } from '../src/core/domain';
import type { CurrencyCode } from '../src/core/domain';
import type { Language } from '../src/shared/api';

/**
 * What every page shares: number and money formatting, the language names, and the shell's own wording. Each page
 * keeps its wording in a table of its own (pages/<page>/strings.ts), with the Chinese table typed against the
 * English one, so a string added in one language and forgotten in the other fails the type check.
 */

/** A page's wording in both languages. */
export type Table<T> = Record<Language, T>;

/** A message worded in whichever language the sidebar speaks when it is shown. */
export type Message = (language: Language) => string;

export function formatNumber(n: number, maxFractionDigits = 2): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: maxFractionDigits });
}

export const currencySymbol = (currency: CurrencyCode): string => CURRENCIES[currency]?.symbol ?? `${currency} `;

/** Amounts as the generated tabs show them: the currency's symbol, grouped digits, no trailing .00. */
export function formatMoney(amount: number, currency: CurrencyCode): string {
  const symbol = currencySymbol(currency);
  const digits = currency === 'JPY' || currency === 'KRW' ? 0 : 2;
  return `${amount < 0 ? '-' : ''}${symbol}${formatNumber(Math.abs(amount), digits)}`;
}

/** Spreadsheet column letters of a 1-based column: 1 -> A, 27 -> AA. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const en = {
  appName: 'Influencer Matrix',
  languageLabel: 'Language',
  loading: 'Loading…',
  working: 'Working…',
  retry: 'Try again',
  backTo: (page: string) => `Back to ${page}`,
  home: 'Home',
  homeIntro: 'Choose what to do in this workbook.',
  rosterNeeded: 'Confirm the roster columns first; the job continues once they are saved.',
};

export type AppStrings = typeof en;

const zh: AppStrings = {
  appName: '达人矩阵',
  languageLabel: '语言',
  loading: '正在加载…',
  working: '处理中…',
  retry: '重试',
  backTo: (page) => `返回${page}`,
  home: '首页',
  homeIntro: '选择要在本工作簿中完成的工作。',
  rosterNeeded: '请先确认达人名单的列，保存后继续。',
};

export const APP: Table<AppStrings> = { en, zh };

export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', zh: '简体中文' };
export const HTML_LANG: Record<Language, string> = { en: 'en', zh: 'zh-CN' };
