/**
 * Reading roster dates the way teams write them. Sheets stores a real date as a serial number (days since
 * 1899-12-30, the time of day as the fraction) on the spreadsheet's wall clock; getValues hands a date cell over as
 * a Date at that wall-clock time in the spreadsheet's zone, and a number-formatted cell as the serial itself. Text
 * such as `2026/11/30` is only text to Sheets: a rule comparing dates cannot read it, so the core says so.
 */

/** A calendar day. */
export interface Day {
  y: number;
  /** 1-12 */
  m: number;
  /** 1-31 */
  d: number;
}

const DAY_MS = 86_400_000;
/** 1899-12-30, day 0 of Sheets' serial numbers. */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);

export const serialOfDay = (day: Day): number => Math.round((Date.UTC(day.y, day.m - 1, day.d) - SERIAL_EPOCH_MS) / DAY_MS);

/** The day a serial number falls on (its fraction, the time of day, dropped as Sheets' INT does). */
export function dayOfSerial(serial: number): Day {
  const date = new Date(SERIAL_EPOCH_MS + Math.floor(serial) * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
export const isoOfDay = (day: Day): string => `${pad(day.y, 4)}-${pad(day.m)}-${pad(day.d)}`;

export const addDays = (day: Day, days: number): Day => dayOfSerial(serialOfDay(day) + days);

/** A day from its ISO form `2026-11-30`, or null. */
export function dayFromIso(iso: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? validDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

function validDay(y: number, m: number, d: number): Day | null {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= last ? { y, m, d } : null;
}

/** The serial number (fraction included) of an instant on a spreadsheet's wall clock. */
export type ZoneClock = (date: Date) => number;

/**
 * The wall clock of an IANA time zone ("Asia/Shanghai"), through Intl, which V8 (and so Apps Script) carries.
 * Reading a Date with the wrong zone would move every midnight date a day, so the zone is required.
 */
export function zoneClock(timeZone: string): ZoneClock {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  });
  // A roster repeats the same few hundred days; each instant is converted once.
  const seen = new Map<number, number>();
  return (date) => {
    const time = date.getTime();
    let serial = seen.get(time);
    if (serial === undefined) {
      const parts: Record<string, number> = {};
      for (const part of format.formatToParts(date)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
      const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour! % 24, parts.minute!, parts.second!, date.getUTCMilliseconds());
      serial = (wall - SERIAL_EPOCH_MS) / DAY_MS;
      seen.set(time, serial);
    }
    return serial;
  };
}

/**
 * Dates written as text: `2026-11-30`, `2026/11/30`, `2026.11.30`, `2026年11月30日`, `11/30/2026` (month first, as
 * US exports write it, unless the first number cannot be a month: `30/11/2026`), each optionally followed by a time.
 */
export function parseDateText(text: string): Day | null {
  const t = text.normalize('NFKC').trim();
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(t);
  if (m) return validDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]m)?)?$/i.exec(t);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    return a > 12 ? validDay(Number(m[3]), b, a) : validDay(Number(m[3]), a, b);
  }
  return null;
}

/** What a date cell holds, as a rule on the sheet sees it. */
export type DateCell =
  | { kind: 'blank' }
  /** A real date (or a number, which Sheets reads as one): its serial number, time of day included. */
  | { kind: 'date'; serial: number }
  /** Text that names a day: the team sees a date, Sheets sees text. */
  | { kind: 'text-date'; day: Day; text: string }
  | { kind: 'not-a-date'; text: string };

export function readDateCell(raw: unknown, clock: ZoneClock): DateCell {
  if (raw === null || raw === undefined || raw === '') return { kind: 'blank' };
  if (raw instanceof Date) {
    return Number.isNaN(raw.getTime()) ? { kind: 'not-a-date', text: 'Invalid Date' } : { kind: 'date', serial: clock(raw) };
  }
  if (typeof raw === 'number') return Number.isFinite(raw) ? { kind: 'date', serial: raw } : { kind: 'not-a-date', text: String(raw) };
  const text = String(raw);
  if (typeof raw === 'string' && text.trim() === '') return { kind: 'blank' };
  const day = typeof raw === 'string' ? parseDateText(text) : null;
  return day ? { kind: 'text-date', day, text } : { kind: 'not-a-date', text: typeof raw === 'boolean' ? text.toUpperCase() : text };
}
