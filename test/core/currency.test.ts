import { describe, expect, it } from 'vitest';
import { currencyOfAmount, currencyOfName, currencyOfNumberFormat, defaultCurrency, parseAmount } from '../../src/core/currency';
import type { CurrencyCode } from '../../src/core/domain';

/** Budgets as marketers type them (SPEC section 3: `¥2,000`, `2000元`, `RMB 2000`, `$50`), with the currency each names. */
describe('currencyOfAmount: a typed sign or code names the currency', () => {
  it.each<[string, CurrencyCode, string]>([
    ['¥25,000', 'CNY', '¥'],
    ['￥25,000', 'CNY', '¥'], // full-width yuan sign
    ['25000元', 'CNY', '元'],
    ['2.5万元', 'CNY', '元'],
    ['RMB 25000', 'CNY', 'RMB'],
    ['rmb25000', 'CNY', 'rmb'],
    ['CNY 25,000', 'CNY', 'CNY'],
    ['25000 人民币', 'CNY', '人民币'],
    ['$5,000', 'USD', '$'],
    ['USD 5000', 'USD', 'USD'],
    ['5000美元', 'USD', '美元'],
    ['€3,000', 'EUR', '€'],
    ['3000 EUR', 'EUR', 'EUR'],
    ['£800', 'GBP', '£'],
    ['HK$8,000', 'HKD', 'HK$'],
    ['5000港币', 'HKD', '港币'],
    ['₩1,000,000', 'KRW', '₩'],
    ['-¥500', 'CNY', '¥'],
  ])('%s names %s (sign %s)', (typed, code, sign) => {
    expect(currencyOfAmount(typed)).toEqual({ code, sign });
  });

  it('reads a bare $ or ¥ as the currency of its family already chosen, else as USD or CNY', () => {
    expect(currencyOfAmount('$5,000', 'HKD')!.code).toBe('HKD');
    expect(currencyOfAmount('$5,000', 'SGD')!.code).toBe('SGD');
    expect(currencyOfAmount('$5,000', 'CNY')!.code).toBe('USD');
    expect(currencyOfAmount('¥25,000', 'JPY')!.code).toBe('JPY');
    expect(currencyOfAmount('¥25,000', 'USD')!.code).toBe('CNY');
    // A sign that says which dollar it is wins over the family rule.
    expect(currencyOfAmount('US$5,000', 'HKD')!.code).toBe('USD');
  });

  it('names no currency for a plain amount or a non-text value', () => {
    for (const plain of ['25000', '25,000', '25k', '2.5万', '1.2M', '']) expect(currencyOfAmount(plain), plain).toBeNull();
    expect(currencyOfAmount(25_000)).toBeNull();
    expect(currencyOfAmount(null)).toBeNull();
  });
});

describe('parseAmount: the amount and the currency it names', () => {
  it.each<[unknown, number, CurrencyCode | null]>([
    ['¥25,000', 25_000, 'CNY'],
    ['25k', 25_000, null],
    ['2.5万元', 25_000, 'CNY'],
    ['RMB 2.5万', 25_000, 'CNY'],
    ['$5k', 5_000, 'USD'],
    ['3,000 EUR', 3_000, 'EUR'],
    ['25000', 25_000, null],
    [25_000, 25_000, null],
  ])('%j reads as %d in %s', (typed, amount, code) => {
    const read = parseAmount(typed);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value?.amount).toBe(amount);
    expect(read.value?.currency?.code ?? null).toBe(code);
  });

  it('reads a blank as nothing', () => {
    expect(parseAmount('')).toEqual({ ok: true, value: null });
    expect(parseAmount(null)).toEqual({ ok: true, value: null });
  });

  it.each([
    ['twenty thousand', '"twenty thousand" is not an amount'],
    ['¥-', '"¥-" has no amount'],
    ['-¥500', '"-¥500" is not an amount'],
    ['25%', '"25%" is not an amount'],
    ['元', '"元" has no amount'],
  ])('refuses %j, saying why', (typed, reason) => {
    const read = parseAmount(typed);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toContain(reason);
  });
});

describe('currencyOfName: a currency cell', () => {
  it.each<[string, CurrencyCode | null, CurrencyCode?]>([
    ['USD', 'USD'],
    ['usd', 'USD'],
    [' CNY ', 'CNY'],
    ['人民币', 'CNY'],
    ['美元', 'USD'],
    ['欧元', 'EUR'],
    ['$', 'USD'],
    ['¥', 'JPY', 'JPY'], // with yen in use
    ['HK$', 'HKD'],
    ['dollars', null],
    ['US', null],
  ])('%j is %s', (cell, code, current) => {
    expect(currencyOfName(cell, current)).toBe(code);
  });
});

describe('currencyOfNumberFormat: the currency a money format shows', () => {
  it.each<[string, CurrencyCode | null]>([
    ['"¥"#,##0', 'CNY'],
    ['"$"#,##0.00', 'USD'],
    ['"€"#,##0', 'EUR'],
    ['[$¥-804]#,##0.00', 'CNY'], // Sheets' yuan format (zh-CN)
    ['[$¥-411]#,##0', 'JPY'], // Sheets' yen format (ja-JP)
    ['[$$-409]#,##0.00', 'USD'],
    ['[$$-C04]#,##0.00', 'HKD'],
    ['[$€-2] #,##0.00', 'EUR'],
    ['#,##0.00 [$€-1]', 'EUR'],
    ['[$RMB] #,##0', 'CNY'],
    ['#,##0 "元"', 'CNY'],
    ['$#,##0.00', 'USD'],
    ['#,##0.00 €', 'EUR'],
    ['"¥"#,##0;-"¥"#,##0', 'CNY'],
    ['#,##0', null],
    ['0.00%', null],
    ['0.###############', null],
    ['[$-409]m/d/yyyy', null],
    ['', null],
  ])('%s shows %s', (format, code) => {
    expect(currencyOfNumberFormat(format)).toBe(code);
  });

  it('reads a bare $ format as the locale’s dollar when the locale uses one', () => {
    expect(currencyOfNumberFormat('"$"#,##0', 'SGD')).toBe('SGD');
    expect(currencyOfNumberFormat('"$"#,##0', 'CNY')).toBe('USD');
    // The locale written into the format outranks the workbook's.
    expect(currencyOfNumberFormat('[$$-409]#,##0', 'HKD')).toBe('USD');
  });
});

describe('defaultCurrency: the roster’s money format, else the workbook locale', () => {
  const automatic = '0.###############';

  it('follows the locale when the roster shows no currency', () => {
    expect(defaultCurrency('zh_CN')).toBe('CNY');
    expect(defaultCurrency('en_US')).toBe('USD');
    expect(defaultCurrency('en_GB')).toBe('GBP');
    expect(defaultCurrency('ja_JP')).toBe('JPY');
    expect(defaultCurrency('de_DE', [{ value: 2_000, format: '#,##0' }])).toBe('EUR');
  });

  it('follows the roster’s cost column over the locale', () => {
    expect(defaultCurrency('en_US', [{ value: 2_000, format: '"¥"#,##0' }])).toBe('CNY');
    expect(defaultCurrency('zh_CN', [{ value: 50, format: '[$$-409]#,##0.00' }])).toBe('USD');
    expect(defaultCurrency('en_US', [{ value: '2000元', format: automatic }])).toBe('CNY');
  });

  it('skips blank first rows and reads the first cell that shows a currency', () => {
    expect(defaultCurrency('zh_CN', [{ value: '', format: automatic }, { value: 800, format: '"€"#,##0' }])).toBe('EUR');
  });
});
