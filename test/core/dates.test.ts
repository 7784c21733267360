import { describe, expect, it } from 'vitest';
import { addDays, dayFromIso, dayOfSerial, isoOfDay, parseDateText, readDateCell, serialOfDay, zoneClock } from '../../src/core/dates';

describe('serial days, as Sheets numbers them', () => {
  it('counts from 1899-12-30: 1900-01-01 is 2, 2025-01-01 is 45658, 2026-11-30 is 46356', () => {
    expect(serialOfDay({ y: 1900, m: 1, d: 1 })).toBe(2);
    expect(serialOfDay({ y: 2025, m: 1, d: 1 })).toBe(45_658);
    expect(serialOfDay({ y: 2026, m: 11, d: 30 })).toBe(46_356);
    expect(dayOfSerial(46_356)).toEqual({ y: 2026, m: 11, d: 30 });
    // The time of day is dropped, as INT does: 18:00 on the 30th is still the 30th.
    expect(dayOfSerial(46_356.75)).toEqual({ y: 2026, m: 11, d: 30 });
  });

  it('adds days across months and leap years, and reads ISO days strictly', () => {
    expect(isoOfDay(addDays({ y: 2028, m: 2, d: 28 }, 1))).toBe('2028-02-29');
    expect(isoOfDay(addDays({ y: 2026, m: 12, d: 31 }, 1))).toBe('2027-01-01');
    expect(dayFromIso('2026-02-29')).toBeNull();
    expect(dayFromIso('2026-2-28')).toBeNull();
  });
});

describe('parseDateText (dates written as text)', () => {
  it.each([
    ['2026-11-30', '2026-11-30'],
    ['2026/11/30', '2026-11-30'],
    ['2026.11.30', '2026-11-30'],
    ['2026年11月30日', '2026-11-30'],
    ['2026年1月5日', '2026-01-05'],
    ['２０２６年１１月３０日', '2026-11-30'],
    ['11/30/2026', '2026-11-30'],
    ['30/11/2026', '2026-11-30'],
    ['2026-11-30 14:05', '2026-11-30'],
    ['2026/11/30 14:05:09', '2026-11-30'],
  ])('reads %s as %s', (text, iso) => {
    expect(isoOfDay(parseDateText(text)!)).toBe(iso);
  });

  it.each(['2026-13-01', '2026/02/30', '31/31/2026', 'next Monday', '20261130', '2026年11月'])('does not read %s', (text) => {
    expect(parseDateText(text)).toBeNull();
  });
});

describe('readDateCell (a cell as a rule sees it)', () => {
  const shanghai = zoneClock('Asia/Shanghai');

  it('reads a Date at its wall-clock time in the workbook zone', () => {
    // Midnight 2026-11-30 in Shanghai is 16:00 UTC on the 29th.
    expect(readDateCell(new Date('2026-11-29T16:00:00Z'), shanghai)).toEqual({ kind: 'date', serial: 46_356 });
    expect(readDateCell(new Date('2026-11-30T04:00:00Z'), shanghai)).toEqual({ kind: 'date', serial: 46_356.5 });
    expect(readDateCell(new Date('2026-11-30T08:00:00Z'), zoneClock('America/New_York'))).toEqual({ kind: 'date', serial: 46_356 + 3 / 24 });
  });

  it('reads numbers as serials, text dates as text, and says when a cell is neither', () => {
    expect(readDateCell(46_356, shanghai)).toEqual({ kind: 'date', serial: 46_356 });
    expect(readDateCell('2026/11/30', shanghai)).toEqual({ kind: 'text-date', day: { y: 2026, m: 11, d: 30 }, text: '2026/11/30' });
    expect(readDateCell('soon', shanghai)).toEqual({ kind: 'not-a-date', text: 'soon' });
    expect(readDateCell(true, shanghai)).toEqual({ kind: 'not-a-date', text: 'TRUE' });
    expect(readDateCell(new Date(Number.NaN), shanghai)).toEqual({ kind: 'not-a-date', text: 'Invalid Date' });
    expect(readDateCell('', shanghai)).toEqual({ kind: 'blank' });
    expect(readDateCell('   ', shanghai)).toEqual({ kind: 'blank' });
  });
});
