import { describe, expect, it } from 'vitest';
import { detectRoster, mapHeaders, normalizeHeader, ROSTER_FIELDS } from '../../src/core/roster';

const fieldsOf = (headers: unknown[]) =>
  Object.fromEntries(Object.entries(mapHeaders(headers)).map(([field, found]) => [field, found!.column]));

describe('roster header mapping', () => {
  it('reads an English export (GRIN / Modash style)', () => {
    expect(fieldsOf(['Influencer', 'Handle', 'Platform', 'Followers', 'Engagement Rate', 'Cost per post', 'Revenue', 'Orders', 'Impressions', 'Engagements', 'Status', 'Contract end'])).toEqual({
      name: 1,
      handle: 2,
      platform: 3,
      followers: 4,
      engagementRate: 5,
      cost: 6,
      revenue: 7,
      conversions: 8,
      impressions: 9,
      engagements: 10,
      status: 11,
      contractEnd: 12,
    });
  });

  it('reads a Chinese export (千瓜 / 灰豚 style), ignoring units in brackets', () => {
    expect(fieldsOf(['达人昵称', '小红书号', '粉丝数(万)', '互动率', '报价（元）', 'GMV', '订单数', '阅读量', '互动量', '合作状态', '合同到期日', '付款日期', '上期互动率'])).toEqual({
      name: 1,
      handle: 2,
      followers: 3,
      engagementRate: 4,
      cost: 5,
      revenue: 6,
      conversions: 7,
      impressions: 8,
      engagements: 9,
      status: 10,
      contractEnd: 11,
      paymentDue: 12,
      prevEngagementRate: 13,
    });
  });

  it('gives each column one field and each field its best column', () => {
    // "Engagement rate" must not be taken by engagements, nor "Followers growth" by followers ahead of "Followers".
    expect(fieldsOf(['Followers growth', 'Followers', 'Engagements', 'Engagement rate'])).toMatchObject({ followers: 2, engagements: 3, engagementRate: 4 });
  });
});

describe('detectRoster', () => {
  it('finds the header row below a title and blank rows', () => {
    const rows = [['Q3 creators'], [], ['Name', 'Followers', 'ER', 'Fee'], ['Amy', '12k', '8%', 2000]];
    expect(detectRoster('Creators', rows)).toMatchObject({ sheet: 'Creators', headerRow: 3, columns: { name: { column: 1 }, followers: { column: 2 } } });
  });

  it('does not mistake another table for a roster', () => {
    expect(detectRoster('Budget', [['Month', 'Budget', 'Notes'], ['Jan', 30000, '']])).toBeNull();
    expect(detectRoster('Empty', [])).toBeNull();
  });
});

describe('normalizeHeader', () => {
  it.each([
    ['粉丝数（万）', '粉丝数'],
    ['Cost (¥ per post)', 'cost'],
    ['Fee (USD) (net)', 'fee'],
    ['follower_count', 'follower count'],
    [' Engagement-Rate: ', 'engagement rate'],
    ['Contract  __ end / date', 'contract end date'],
    ['ＧＭＶ', 'gmv'],
    [null, ''],
  ])('%j reads as %j', (raw, normalized) => {
    expect(normalizeHeader(raw)).toBe(normalized);
  });
});

describe('header matching details', () => {
  const found = (headers: unknown[]) =>
    Object.fromEntries(Object.entries(mapHeaders(headers)).map(([field, hit]) => [field, [hit!.column, hit!.header]]));

  it('reports each column with its header text as written, trimmed', () => {
    expect(found([' Influencer ', 'Followers', 'Fee'])).toStrictEqual({
      name: [1, 'Influencer'],
      followers: [2, 'Followers'],
      cost: [3, 'Fee'],
    });
  });

  it('matches a header that contains a synonym as a word', () => {
    expect(found(['KOL', 'Total followers', 'Agency fee', 'Total GMV'])).toStrictEqual({
      name: [1, 'KOL'],
      followers: [2, 'Total followers'],
      cost: [3, 'Agency fee'],
      revenue: [4, 'Total GMV'],
    });
    expect(found(['小红书粉丝数', '达人'])).toStrictEqual({ followers: [1, '小红书粉丝数'], name: [2, '达人'] });
  });

  it('does not match a synonym inside another word', () => {
    // "Tier" and "Influencer" both contain "er", the engagement-rate shorthand; neither is an engagement rate.
    expect(found(['Influencer', 'Tier', 'Followers', 'Cost'])).toStrictEqual({
      name: [1, 'Influencer'],
      followers: [3, 'Followers'],
      cost: [4, 'Cost'],
    });
  });

  it('reads a two-letter shorthand only as the whole header', () => {
    // "ER" is the engagement rate; "ER rank" is a rank, and "er" inside "Tier" or "Influencer" is no word at all.
    expect(found(['Name', 'Followers', 'ER'])).toMatchObject({ engagementRate: [3, 'ER'] });
    expect(found(['Name', 'Followers', 'ER rank'])).toStrictEqual({ name: [1, 'Name'], followers: [2, 'Followers'] });
  });

  it('gives a field the first of two equally good columns', () => {
    expect(found(['达人', '粉丝数', '报价', '粉丝数'])).toStrictEqual({ name: [1, '达人'], followers: [2, '粉丝数'], cost: [3, '报价'] });
  });

  it('prefers the more specific of two exact headers', () => {
    expect(found(['Name', 'Influencer name', 'Followers'])).toMatchObject({ name: [2, 'Influencer name'] });
    expect(found(['达人', '达人昵称', '粉丝数'])).toMatchObject({ name: [2, '达人昵称'] });
  });

  it('skips blank and empty header cells', () => {
    expect(found(['', null, 'Followers', undefined, 'Fee', 'Name'])).toStrictEqual({
      followers: [3, 'Followers'],
      cost: [5, 'Fee'],
      name: [6, 'Name'],
    });
  });
});

describe('detectRoster thresholds', () => {
  const roster = ['Name', 'Followers', 'Fee'];

  it('needs three recognised headers', () => {
    expect(detectRoster('S', [roster])).toMatchObject({ headerRow: 1 });
    expect(detectRoster('S', [['Name', 'Followers', 'Notes']])).toBeNull();
  });

  it('needs followers or a name among them', () => {
    expect(detectRoster('S', [['Followers', 'ER', 'Fee']])).toMatchObject({ headerRow: 1 });
    expect(detectRoster('S', [['Name', 'ER', 'Fee']])).toMatchObject({ headerRow: 1 });
    expect(detectRoster('S', [['Platform', 'Status', 'Fee', 'GMV']])).toBeNull();
  });

  it('looks at the first ten rows only', () => {
    const below = (blankRows: number) => [...Array.from({ length: blankRows }, () => []), roster];
    expect(detectRoster('S', below(9))).toMatchObject({ headerRow: 10 });
    expect(detectRoster('S', below(10))).toBeNull();
  });

  it('takes the row with the most headers, and the first of two equal rows', () => {
    expect(detectRoster('S', [roster, [...roster, 'GMV']])).toMatchObject({ headerRow: 2 });
    expect(detectRoster('S', [[...roster, 'GMV'], roster])).toMatchObject({ headerRow: 1 });
    expect(detectRoster('S', [roster, roster])).toMatchObject({ headerRow: 1 });
  });
});

describe('the synonym table', () => {
  it('recognises every synonym, written alone as a header, as its own field and no other', () => {
    const wrong: string[] = [];
    for (const [field, synonyms] of Object.entries(ROSTER_FIELDS)) {
      for (const written of synonyms as readonly string[]) {
        const header = written.replace(/^=/, ''); // "=rate": the whole header only
        const found = Object.keys(mapHeaders([header]));
        if (found.join() !== field) wrong.push(`${JSON.stringify(header)} names ${found.join() || 'nothing'}, not ${field}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
