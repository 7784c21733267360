import { describe, expect, it } from 'vitest';
import { detectRoster, mapHeaders } from '../../src/core/roster';

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
