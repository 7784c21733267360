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
