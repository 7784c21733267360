import { CURRENCIES, type CurrencyCode } from '../core/domain';
import type { PlanCell } from './types';

/** Cell styles and number formats shared by the Rebalance and History tabs. */

export const INPUT_BG = '#e8f0fe';
export const HEADER_BG = '#f1f3f4';
export const SECTION_BG = '#e6f4ea';
/** Helper figures the ratios read: shown, but quieter than the figures themselves. */
export const QUIET = '#80868b';

export const FORMATS = {
  share: '0.0%',
  roas: '0.00',
  count: '#,##0',
  points: '+0.0;-0.0;0.0',
  fit: '0.000',
  shape: '0.00',
} as const;

export interface MoneyFormats {
  symbol: string;
  /** Whole amounts: spend, revenue, budgets. */
  whole: string;
  /** With cents: CPM, CPE, CPA and the next yuan's return. */
  cents: string;
}

export function moneyFormats(currency: CurrencyCode): MoneyFormats {
  const { symbol, format } = CURRENCIES[currency];
  return { symbol, whole: format, cents: format.replace('#,##0', '#,##0.00') };
}

export const header = (text: string): PlanCell => ({ value: text, bold: true, background: HEADER_BG });
export const title = (text: string): PlanCell => ({ value: text, bold: true });
export const section = (text: string): PlanCell => ({ value: text, bold: true, background: SECTION_BG });
export const input = (value: number, format: string): PlanCell => ({ value, format, background: INPUT_BG });
export const formula = (f: string, format?: string): PlanCell => ({ formula: f, ...(format ? { format } : {}) });
export const text = (value: string): PlanCell => ({ value });
export const quiet = (value: string): PlanCell => ({ value, color: QUIET });
/** A figure that may be missing (no such column, no row with it): a blank cell, never 0. */
export const figure = (value: number | null | undefined, format: string, color?: string): PlanCell =>
  value === null || value === undefined ? {} : { value, format, ...(color ? { color } : {}) };
