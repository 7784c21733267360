import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { loadAddon, type LoadedAddon } from './support/addon';

/**
 * Sheets hands a custom function a date cell as a Date for midnight in the spreadsheet's time zone. These tests run
 * the built dist/Code.js in a bare V8 context over an in-memory workbook and check that the day reaching UTM_LINK
 * and the error messages is the day the cell shows, east and west of UTC, whatever the script's own zone.
 */

const URL = 'https://shop.example.com/serum';

/** Calls a top-level function of the bundle as a formula would; results cross back as plain data. */
function call(addon: LoadedAddon, name: string, ...args: unknown[]): unknown {
  const fn = (addon.context as Record<string, unknown>)[name] as (...a: unknown[]) => unknown;
  return JSON.parse(JSON.stringify(fn(...args)));
}

/** A Date of the bundle's own realm, as Sheets would pass it. */
function dateIn(addon: LoadedAddon, iso: string): Date {
  const RealmDate = vm.runInContext('Date', addon.context) as DateConstructor;
  return new RealmDate(iso);
}

/** The script's own zone as appsscript.json sets it, so a slip into Session's zone shows. */
function withScriptZone(addon: LoadedAddon, timeZone: string): void {
  (addon.context as Record<string, unknown>).Session = { getScriptTimeZone: () => timeZone, getActiveUserLocale: () => 'en' };
}

describe('a date cell in an Asia/Shanghai workbook (UTC+8)', () => {
  const addon = loadAddon({ timeZone: 'Asia/Shanghai' });
  withScriptZone(addon, 'Etc/UTC');
  // Midnight of 30 April in Shanghai is still 29 April in UTC.
  const april30 = dateIn(addon, '2026-04-29T16:00:00Z');
  const may1 = dateIn(addon, '2026-04-30T16:00:00Z');

  it('reaches UTM_LINK as that day, as campaign and as content', () => {
    expect(call(addon, 'UTM_LINK', URL, 'xiaohongshu', 'influencer', april30)).toBe(
      'https://shop.example.com/serum?utm_source=xiaohongshu&utm_medium=influencer&utm_campaign=2026-04-30',
    );
    expect(call(addon, 'UTM_LINK', URL, 'xiaohongshu', 'influencer', 'spring_launch', april30)).toBe(
      'https://shop.example.com/serum?utm_source=xiaohongshu&utm_medium=influencer&utm_campaign=spring_launch&utm_content=2026-04-30',
    );
  });

  it('reaches UTM_LINK as that day in a range', () => {
    expect(call(addon, 'UTM_LINK', URL, 'xhs', 'kol', 'spring', [[april30], ['mia'], [may1]])).toEqual([
      ['https://shop.example.com/serum?utm_source=xhs&utm_medium=kol&utm_campaign=spring&utm_content=2026-04-30'],
      ['https://shop.example.com/serum?utm_source=xhs&utm_medium=kol&utm_campaign=spring&utm_content=mia'],
      ['https://shop.example.com/serum?utm_source=xhs&utm_medium=kol&utm_campaign=spring&utm_content=2026-05-01'],
    ]);
  });

  it('is named as that day when a number was expected', () => {
    expect(() => call(addon, 'TIER', april30)).toThrow('TIER: followers "2026-04-30" is a date; expected a count such as 12000, 12.5k or 3.4万.');
    expect(() => call(addon, 'ROAS_PREDICT', 50_000, 0.08, april30, 150)).toThrow(
      'ROAS_PREDICT: cost "2026-04-30" is a date; expected an amount such as 2000, ¥2,000 or 1.5万.',
    );
    expect(call(addon, 'TIER', [[april30], [50_000], [may1]])).toEqual([
      ['⚠ followers "2026-04-30" is a date'],
      ['Mid'],
      ['⚠ followers "2026-05-01" is a date'],
    ]);
  });

  it('looks the zone up once per call, and not at all when no argument is a date', () => {
    addon.workbook.calls.reset();
    call(addon, 'TIER', [[april30], [may1], [april30], [50_000]]);
    expect(addon.workbook.calls.byMethod).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getSpreadsheetTimeZone': 1,
      'Utilities.formatDate': 2,
    });
    addon.workbook.calls.reset();
    call(addon, 'TIER', [[50_000], [2_000]]);
    expect(addon.workbook.calls.byMethod).toEqual({});
  });
});

describe('a date cell in an America/Los_Angeles workbook (UTC-7 in April)', () => {
  const addon = loadAddon({ timeZone: 'America/Los_Angeles' });
  withScriptZone(addon, 'Asia/Shanghai');
  const april30 = dateIn(addon, '2026-04-30T07:00:00Z');
  // 22:30 on 30 April in Los Angeles is already 1 May in UTC and in Shanghai.
  const april30Evening = dateIn(addon, '2026-05-01T05:30:00Z');

  it('reaches UTM_LINK as that day', () => {
    expect(call(addon, 'UTM_LINK', URL, 'instagram', 'influencer', 'spring', april30)).toBe(
      'https://shop.example.com/serum?utm_source=instagram&utm_medium=influencer&utm_campaign=spring&utm_content=2026-04-30',
    );
    expect(call(addon, 'UTM_LINK', URL, 'instagram', 'influencer', april30Evening)).toBe(
      'https://shop.example.com/serum?utm_source=instagram&utm_medium=influencer&utm_campaign=2026-04-30',
    );
    expect(call(addon, 'UTM_LINK', URL, 's', 'm', [[april30Evening], [april30]])).toEqual([
      ['https://shop.example.com/serum?utm_source=s&utm_medium=m&utm_campaign=2026-04-30'],
      ['https://shop.example.com/serum?utm_source=s&utm_medium=m&utm_campaign=2026-04-30'],
    ]);
  });

  it('is named as that day when a number was expected', () => {
    expect(() => call(addon, 'TIER', april30Evening)).toThrow('TIER: followers "2026-04-30" is a date; expected a count such as 12000, 12.5k or 3.4万.');
    expect(call(addon, 'AMBASSADOR_LEVEL', [[30_000], [april30Evening]], 0.08)).toEqual([['Silver'], ['⚠ followers "2026-04-30" is a date']]);
  });
});

describe('when the spreadsheet cannot be asked for its zone', () => {
  it("reads the day in the script's zone", () => {
    const addon = loadAddon({ timeZone: 'Asia/Shanghai' });
    const context = addon.context as Record<string, unknown>;
    context.SpreadsheetApp = {
      getActiveSpreadsheet: () => {
        throw new Error('No active spreadsheet.');
      },
    };
    withScriptZone(addon, 'Asia/Shanghai');
    expect(call(addon, 'UTM_LINK', URL, 's', 'm', dateIn(addon, '2026-04-29T16:00:00Z'))).toBe(
      'https://shop.example.com/serum?utm_source=s&utm_medium=m&utm_campaign=2026-04-30',
    );
  });
});
