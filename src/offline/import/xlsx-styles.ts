/**
 * What a cell's style in an .xlsx file says about its number: whether it is a date (Excel stores dates as day
 * numbers and only the number format tells them apart), and the display format worth keeping (percentages,
 * thousands separators, decimals, a currency sign). Other format codes are dropped rather than passed on, since
 * Excel's codes are not all valid in Sheets.
 */
import { attribute, scanXml } from './xml';

export interface CellStyles {
  /** Per cellXfs index: whether the format is a date, and the format to keep (null for none). */
  styles: Array<{ date: boolean; format: string | null }>;
}

/** Built-in formats (ECMA-376 18.8.30) that Excel shows as dates or times, including the CJK ones. */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
const BUILTIN_FORMATS: Record<number, string> = { 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%' };
/** The shapes kept: an optional currency in quotes, 0 or #,##0, decimals, an optional %. */
const KEPT = /^("[^"]{1,5}")?(#,##0|0)(\.0{1,10})?%?$/;

export function readStyles(xml: string | null): CellStyles {
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  if (xml !== null) {
    let inCellXfs = false;
    scanXml(xml, {
      open(name, attrs, selfClosing) {
        if (name === 'numFmt') custom.set(Number(attribute(attrs, 'numFmtId')), attribute(attrs, 'formatCode') ?? '');
        else if (name === 'cellXfs') inCellXfs = !selfClosing;
        else if (name === 'xf' && inCellXfs) xfs.push(Number(attribute(attrs, 'numFmtId') ?? 0));
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
    });
  }
  return {
    styles: xfs.map((id) => {
      const code = custom.get(id);
      if (code === undefined) return { date: BUILTIN_DATES.has(id), format: BUILTIN_FORMATS[id] ?? null };
      return { date: isDateFormat(code), format: keptFormat(code) };
    }),
  };
}

/** A format code is a date or time when, outside quoted text, escapes and [colour]/[$-locale] blocks, it has d m y h s. */
export function isDateFormat(code: string): boolean {
  const section = code.split(';')[0] ?? '';
  const bare = section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?:h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

function keptFormat(code: string): string | null {
  // "[$¥-804]#,##0.00" is Excel's way of writing a currency sign with its locale.
  const section = (code.split(';')[0] ?? '').replace(/\[\$([^\]-]*)(?:-[^\]]*)?\]/g, '"$1"').replace(/\[[^\]]*\]/g, '');
  return KEPT.test(section) ? section : null;
}

const DAY_SECONDS = 86_400;
/** Serial 2958465 is 9999-12-31, the last day Excel knows. */
const LAST_SERIAL = 2_958_465;

/**
 * An Excel day number as the calendar day (and time of day, when there is one) it names. In the 1900 system day 1
 * is 1900-01-01 and day 60 is the 29 February 1900 that never was (kept from Lotus 1-2-3), so days before it are
 * one off; in the 1904 system day 0 is 1904-01-01. Null for numbers that are no date.
 */
export function dateFromSerial(serial: number, date1904: boolean): { date: string } | null {
  let days = date1904 ? serial + 1462 : serial;
  if (!Number.isFinite(days) || days < 1 || days > LAST_SERIAL) return null;
  if (!date1904 && days < 60) days += 1;
  let seconds = Math.round(days * DAY_SECONDS);
  const whole = Math.floor(seconds / DAY_SECONDS);
  seconds -= whole * DAY_SECONDS;
  const stamp = new Date(Date.UTC(1899, 11, 30) + whole * DAY_SECONDS * 1000).toISOString().slice(0, 10);
  if (seconds === 0) return { date: stamp };
  const pad = (n: number): string => String(n).padStart(2, '0');
  return { date: `${stamp} ${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}` };
}
