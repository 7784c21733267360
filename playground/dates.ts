/**
 * Dates as Sheets stores them: a serial number of days since 1899-12-30 on the spreadsheet's wall clock, so the
 * same instant is a different serial in Shanghai and in London.
 */
import { zonedFields } from '../src/offline/workbook/format-date';
import { SERIAL_EPOCH_OFFSET } from '../src/offline/number-format';

const DAY_MS = 86_400_000;

export function serialFromDate(date: Date, timeZone: string): number {
  const f = zonedFields(date, timeZone);
  const wall = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.millisecond);
  return wall / DAY_MS + SERIAL_EPOCH_OFFSET;
}

/** The instant a serial names on the spreadsheet's wall clock. */
export function dateFromSerial(serial: number, timeZone: string): Date {
  const wall = Math.round((serial - SERIAL_EPOCH_OFFSET) * DAY_MS);
  // The offset at the wall-clock time, read twice so a daylight-saving change between the guesses settles.
  let instant = wall - zonedFields(new Date(wall), timeZone).offsetMinutes * 60_000;
  instant = wall - zonedFields(new Date(instant), timeZone).offsetMinutes * 60_000;
  return new Date(instant);
}

/** Midnight of a calendar day ("2026-04-30") in the spreadsheet's time zone. */
export function dateFromDay(day: string, timeZone: string): Date {
  return dateFromSerial(Date.parse(`${day}T00:00:00Z`) / DAY_MS + SERIAL_EPOCH_OFFSET, timeZone);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * An instant as the spreadsheet's wall clock reads it, in the form HyperFormula parses into a date cell:
 * "2026-04-30" at midnight, "2026-04-30 13:45:10.250" otherwise. Null outside years 1000-9999, which that form
 * cannot write.
 */
export function wallClockText(date: Date, timeZone: string): string | null {
  const f = zonedFields(date, timeZone);
  if (f.year < 1000 || f.year > 9999) return null;
  const day = `${f.year}-${pad(f.month)}-${pad(f.day)}`;
  if (f.hour === 0 && f.minute === 0 && f.second === 0 && f.millisecond === 0) return day;
  return `${day} ${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}.${pad(f.millisecond, 3)}`;
}
