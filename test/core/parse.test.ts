import { describe, expect, it } from 'vitest';
import { isBlank, parseNumber, parseRating, parseText, type NumberKind } from '../../src/core/parse';
import { quote } from '../../src/core/result';

/** Messy values as marketers and data-tool exports write them, with what each must read as. */
const READS: Array<[unknown, NumberKind, number | null]> = [
  [12000, 'count', 12000],
  ['12,000', 'count', 12000],
  ['1,234,567', 'count', 1234567],
  ['12.5k', 'count', 12500],
  ['12.5K', 'count', 12500],
  ['1.2M', 'count', 1200000],
  ['1.2m', 'count', 1200000],
  ['3.4万', 'count', 34000],
  ['3.4w', 'count', 34000],
  ['1亿', 'count', 100000000],
  ['2.5百万', 'count', 2500000],
  ['１２万', 'count', 120000], // full-width digits
  [' 8,000 ', 'count', 8000],
  ['', 'count', null],
  ['   ', 'count', null],
  [null, 'count', null],
  [undefined, 'count', null],
  ['N/A', 'count', null],
  ['-', 'count', null],
  ['暂无', 'count', null],
  ['¥2,000', 'money', 2000],
  ['￥2,000', 'money', 2000],
  ['2000元', 'money', 2000],
  ['RMB 2000', 'money', 2000],
  ['rmb2000', 'money', 2000],
  ['CNY 1.5万', 'money', 15000],
  ['$50', 'money', 50],
  ['US$1.2k', 'money', 1200],
  ['€30', 'money', 30],
  ['2k元', 'money', 2000],
  [150, 'money', 150],
  ['8%', 'rate', 0.08],
  ['8 %', 'rate', 0.08],
  ['８％', 'rate', 0.08],
  ['12.5%', 'rate', 0.125],
  [0.08, 'rate', 0.08],
  ['0.08', 'rate', 0.08],
  [1, 'rate', 1],
  ['150%', 'rate', 1.5],
  ['8%', 'number', 0.08],
  ['-3.5', 'number', -3.5],
];

const REJECTS: Array<[unknown, NumberKind, RegExp]> = [
  ['12abc', 'count', /"12abc" is not a number; expected a count/],
  ['abc', 'money', /"abc" is not a number; expected an amount/],
  [8, 'rate', /"8" is ambiguous: write 8% or 0.08/],
  ['12', 'rate', /"12" is ambiguous: write 12% or 0.12/],
  ['8%', 'count', /"8%" is a percentage; expected a count/],
  ['¥2,000', 'count', /is an amount of money; expected a count/],
  ['¥8', 'rate', /is not a rate/],
  ['8k', 'rate', /is not a rate/],
  ['-200', 'count', /"-200" is negative/],
  ['¥-200', 'money', /is negative/],
  [-0.05, 'rate', /is negative/],
  [true, 'count', /"TRUE" is not a number/],
  [new Date('2026-05-01T00:00:00Z'), 'money', /"2026-05-01" is a date/],
  [Number.NaN, 'number', /is not a number/],
  ['1,23', 'count', /is not a number/], // a decimal comma is not guessed at
  ['12,0000', 'count', /is not a number/],
  ['1.2.3', 'count', /is not a number/],
  ['k', 'count', /is not a number/],
  ['#N/A', 'count', /is not a number/],
];

describe('parseNumber', () => {
  it.each(READS)('reads %j as a %s: %j', (raw, kind, expected) => {
    expect(parseNumber(raw, kind)).toEqual({ ok: true, value: expected });
  });

  it.each(REJECTS)('rejects %j as a %s with a clear reason', (raw, kind, reason) => {
    const parsed = parseNumber(raw, kind);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });

  it('gives exact values for multiplied decimals', () => {
    expect(parseNumber('1.1k', 'count')).toEqual({ ok: true, value: 1100 });
    expect(parseNumber('0.7万', 'count')).toEqual({ ok: true, value: 7000 });
    expect(parseNumber('7%', 'rate')).toEqual({ ok: true, value: 0.07 });
  });

  it('cuts a huge bad value short in its message', () => {
    const parsed = parseNumber('x'.repeat(500), 'count');
    expect(!parsed.ok && parsed.reason.length).toBeLessThan(120);
  });
});

describe('parseRating', () => {
  it('reads plain ratings and the "9/10" notation, converting other scales', () => {
    expect(parseRating(9, 10)).toEqual({ ok: true, value: 9 });
    expect(parseRating('9/10', 10)).toEqual({ ok: true, value: 9 });
    expect(parseRating('4/5', 10)).toEqual({ ok: true, value: 8 });
    expect(parseRating('18/25', 25)).toEqual({ ok: true, value: 18 });
    expect(parseRating('', 10)).toEqual({ ok: true, value: null });
  });

  it('rejects ratings off the scale', () => {
    expect(parseRating(11, 10)).toMatchObject({ ok: false, reason: expect.stringMatching(/out of range; expected 0 to 10/) });
    expect(parseRating(-1, 10).ok).toBe(false);
    expect(parseRating('6/5', 10).ok).toBe(false);
  });
});

describe('isBlank', () => {
  it('treats empty cells and placeholders as blank but not zero', () => {
    expect(isBlank('')).toBe(true);
    expect(isBlank('n/a')).toBe(true);
    expect(isBlank(0)).toBe(false);
    expect(isBlank('0')).toBe(false);
  });
});

describe('parseNumber, less common spellings', () => {
  it.each<[unknown, NumberKind, number | null]>([
    ['1千万', 'count', 10_000_000],
    ['3千', 'count', 3_000],
    ['1.2bn', 'count', 1_200_000_000],
    ['1.5mn', 'count', 1_500_000],
    ['2b', 'count', 2_000_000_000],
    ['.25', 'number', 0.25],
    ['.5k', 'count', 500],
    ['1,234.56', 'money', 1234.56],
    ['2000usd', 'money', 2_000],
    ['2000 块', 'money', 2_000],
    ['+12%', 'rate', 0.12],
    ['+8', 'number', 8],
    ['-¥200', 'number', -200],
    ['0', 'rate', 0],
    [0, 'rate', 0],
    ['0%', 'rate', 0],
    [0, 'count', 0],
    // Rounding: 0.57 x 10,000 and 2.9 / 100 are not exact in binary; the reading must be.
    ['0.57万', 'count', 5_700],
    ['2.9%', 'rate', 0.029],
    ['2.9%', 'number', 0.029],
    ['1.15k', 'money', 1_150],
    // A plain number is read digit for digit, never rounded.
    ['12345678901234', 'count', 12_345_678_901_234],
    [12_345_678_901_234.5, 'money', 12_345_678_901_234.5],
    ['0.1234567890123', 'rate', 0.1234567890123],
  ])('reads %j as a %s: %j', (raw, kind, expected) => {
    expect(parseNumber(raw, kind)).toEqual({ ok: true, value: expected });
  });

  it.each(['--', '—', '/', 'na', 'NA', 'n.a.', 'none', 'null', '无', '暂无', '未知', ' N/A '])('treats the placeholder %j as blank', (placeholder) => {
    expect(parseNumber(placeholder, 'count')).toEqual({ ok: true, value: null });
  });

  it.each<[unknown, NumberKind, string]>([
    ['2000元', 'count', '"2000元" is an amount of money; expected a count such as 12000, 12.5k or 3.4万'],
    ['RMB 2000', 'count', '"RMB 2000" is an amount of money; expected a count such as 12000, 12.5k or 3.4万'],
    ['-¥200', 'money', '"-¥200" is negative; expected an amount such as 2000, ¥2,000 or 1.5万'],
    ['-¥-200', 'money', '"-¥-200" is not a number; expected an amount such as 2000, ¥2,000 or 1.5万'],
    ['abc', 'rate', '"abc" is not a number; expected a rate such as 8% or 0.08'],
    ['abc', 'number', '"abc" is not a number; expected a number'],
    ['1234,567', 'count', '"1234,567" is not a number; expected a count such as 12000, 12.5k or 3.4万'],
    ['9'.repeat(400), 'number', 'is not a number; expected a number'],
    [false, 'count', '"FALSE" is not a number; expected a count such as 12000, 12.5k or 3.4万'],
    [{ followers: 1 }, 'count', '"[object Object]" is not a number; expected a count such as 12000, 12.5k or 3.4万'],
    [Number.POSITIVE_INFINITY, 'number', '"Infinity" is not a number; expected a number'],
  ])('rejects %j as a %s: %s', (raw, kind, reason) => {
    const parsed = parseNumber(raw, kind);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });
});

describe('parseRating edges', () => {
  it('accepts both ends of the scale', () => {
    expect(parseRating(10, 10)).toEqual({ ok: true, value: 10 });
    expect(parseRating('10/10', 10)).toEqual({ ok: true, value: 10 });
    expect(parseRating(0, 10)).toEqual({ ok: true, value: 0 });
    expect(parseRating('0/10', 10)).toEqual({ ok: true, value: 0 });
    expect(parseRating(100, 100)).toEqual({ ok: true, value: 100 });
    expect(parseRating(25, 25)).toEqual({ ok: true, value: 25 });
  });

  it('reads spaces and decimals in the "9/10" notation', () => {
    expect(parseRating(' 9 / 10 ', 10)).toEqual({ ok: true, value: 9 });
    expect(parseRating('9/10 ', 10)).toEqual({ ok: true, value: 9 });
    expect(parseRating('9.25/10', 10)).toEqual({ ok: true, value: 9.25 });
    expect(parseRating('8/12.5', 10)).toEqual({ ok: true, value: 6.4 });
    expect(parseRating('1/2.50', 10)).toEqual({ ok: true, value: 4 });
    expect(parseRating('2.25/4.50', 10)).toEqual({ ok: true, value: 5 });
    expect(parseRating('８/１０', 10)).toEqual({ ok: true, value: 8 });
  });

  it.each([
    ['0/0', 'is not a valid rating; expected 0 to 10'],
    ['5/0', 'is not a valid rating; expected 0 to 10'],
    ['11/10', 'is not a valid rating; expected 0 to 10'],
    ['x9/10', 'is not a number'],
    ['9/10x', 'is not a number'],
    [10.01, 'is out of range; expected 0 to 10'],
    [-0.5, 'is out of range; expected 0 to 10'],
  ])('rejects %j: %s', (raw, reason) => {
    const parsed = parseRating(raw, 10);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });

  it('leaves blanks blank and passes other failures through', () => {
    expect(parseRating(null, 10)).toEqual({ ok: true, value: null });
    expect(parseRating('N/A', 10)).toEqual({ ok: true, value: null });
    expect(parseRating('great', 10)).toEqual({ ok: false, reason: '"great" is not a number; expected a number' });
  });
});

describe('quote', () => {
  it('keeps a value of 40 characters whole and cuts a longer one to 37 and an ellipsis', () => {
    const forty = 'a'.repeat(40);
    expect(quote(forty)).toBe(`"${forty}"`);
    expect(quote(`${'b'.repeat(37)}cdef`)).toBe(`"${'b'.repeat(37)}..."`);
  });
});

describe('parseText', () => {
  it('reads a piece of text trimmed, and nothing as blank', () => {
    expect(parseText(' spring_launch ')).toEqual({ ok: true, value: 'spring_launch' });
    expect(parseText(618)).toEqual({ ok: true, value: '618' });
    expect(parseText('   ')).toEqual({ ok: true, value: null });
    expect(parseText('')).toEqual({ ok: true, value: null });
    expect(parseText(null)).toEqual({ ok: true, value: null });
    expect(parseText(undefined)).toEqual({ ok: true, value: null });
  });
});
