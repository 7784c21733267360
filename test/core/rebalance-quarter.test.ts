import { describe, expect, it } from 'vitest';
import { nextQuarter, parseQuarter, pickQuarter, quarterOf, readQuarterKey } from '../../src/core/quarter';
import { CalendarDay } from '../../src/core/result';

const keyOf = (raw: unknown): string | null | undefined => {
  const parsed = parseQuarter(raw);
  return parsed.ok ? parsed.value?.key ?? null : undefined;
};

describe('parseQuarter', () => {
  it.each([
    ['2026-Q3', '2026-Q3'],
    ['2026 Q3', '2026-Q3'],
    ['2026q3', '2026-Q3'],
    ['Q3 2026', '2026-Q3'],
    ['q4-2025', '2025-Q4'],
    ['2026年第3季度', '2026-Q3'],
    ['2026年第三季度', '2026-Q3'],
    ['2026年Q1', '2026-Q1'],
    ['2026年4季度', '2026-Q4'],
    ['２０２６年第２季度', '2026-Q2'],
    ['2026-08-15', '2026-Q3'],
    ['2026/8/15', '2026-Q3'],
    ['2026年8月15日', '2026-Q3'],
    ['2026-10-01T09:30', '2026-Q4'],
    ['8/15/2026', '2026-Q3'],
    ['30/11/2026', '2026-Q4'],
    ['2026-03', '2026-Q1'],
    ['2026/04', '2026-Q2'],
    ['2026年7月', '2026-Q3'],
    ['Aug 2026', '2026-Q3'],
    ['September 2026', '2026-Q3'],
    ['Dec. 2025', '2025-Q4'],
  ])('%s -> %s', (raw, key) => {
    expect(keyOf(raw)).toBe(key);
  });

  it('reads date cells: a day in Q1 and a Date', () => {
    expect(keyOf(new CalendarDay('2026-03-31'))).toBe('2026-Q1');
    expect(keyOf(new Date(Date.UTC(2026, 3, 1)))).toBe('2026-Q2');
  });

  it('blank is null', () => {
    expect(keyOf('')).toBeNull();
    expect(keyOf(null)).toBeNull();
  });

  it.each(['2026-Q5', 'Q0 2026', '2026-13', '2026年3', 'next quarter', '13/13/2026', 'Smarch 2026'])('rejects %s with the value and what is expected', (raw) => {
    const parsed = parseQuarter(raw);
    expect(parsed).toEqual({ ok: false, reason: `"${raw}" is not a quarter; expected a quarter such as 2026-Q3, 2026年第3季度, a date or a month such as 2026-08` });
  });

  it('rejects a bare number: a year, a quarter and a date serial look alike', () => {
    expect(parseQuarter(46_000)).toMatchObject({ ok: false });
    expect(parseQuarter(2026)).toMatchObject({ ok: false });
  });
});

describe('picking the quarter', () => {
  it('takes the one asked for, else the latest in the rows, else none', () => {
    const found = [quarterOf(2025, 4), null, quarterOf(2026, 2), quarterOf(2026, 1)];
    expect(pickQuarter(found)?.key).toBe('2026-Q2');
    expect(pickQuarter(found, quarterOf(2025, 4))?.key).toBe('2025-Q4');
    expect(pickQuarter([null, null])).toBeNull();
  });

  it('the next quarter rolls over the year', () => {
    expect(nextQuarter(quarterOf(2026, 3)).key).toBe('2026-Q4');
    expect(nextQuarter(quarterOf(2026, 4)).key).toBe('2027-Q1');
  });

  it('a quarter given by the user must not be blank', () => {
    expect(readQuarterKey(' ')).toMatchObject({ ok: false, reason: expect.stringContaining('is blank') });
    expect(readQuarterKey('2026年第3季度')).toEqual({ ok: true, value: { year: 2026, q: 3, key: '2026-Q3' } });
  });
});
