import { describe, expect, it } from 'vitest';
import { detectRoster, mapHeaders } from '../../src/core/roster';

const fieldsOf = (headers: unknown[]) =>
  Object.fromEntries(Object.entries(mapHeaders(headers)).map(([field, found]) => [field, found!.column]));

describe('rosters exported by data tools, title rows and all', () => {
  it('Qiangua (千瓜, Xiaohongshu): a merged title, a blank row, then the headers', () => {
    const rows = [
      ['千瓜数据-达人榜单 2026-10', '', '', '', '', '', '', '', '', '', '', ''],
      [],
      ['达人名称', '小红书号', '粉丝数', '笔记总数', '获赞与收藏', '平均互动量', '预估阅读量', '图文报价', '视频报价', '商业笔记数', '地域', '达人类型'],
      ['小鹿爱美妆', 'xhs10293847', '12.3万', 286, '45.6万', 1_820, '3.1万', '¥2,800', '¥4,500', 12, '上海', '美妆'],
    ];
    const found = detectRoster('千瓜导出', rows);
    expect(found?.headerRow).toBe(3);
    expect(Object.fromEntries(Object.entries(found!.columns).map(([f, c]) => [f, c!.column]))).toEqual({
      name: 1,
      handle: 2,
      followers: 3,
      posts: 4,
      engagements: 6,
      impressions: 7,
      cost: 8,
      city: 11,
    });
    expect(found!.columns.cost).toEqual({ column: 8, header: '图文报价' });
  });

  it('Huitun (灰豚): a title and an export-time line above the headers', () => {
    const rows = [
      ['灰豚数据 · 小红书达人导出'],
      ['导出时间：2026-10-12 10:32:05'],
      ['达人昵称', '小红书号', '粉丝数', '赞藏总数', '互动中位数', '预估CPE', '预估CPM', '图文笔记报价', '视频笔记报价', '合作笔记数', 'IP属地', '类目'],
    ];
    const found = detectRoster('灰豚', rows);
    expect(found?.headerRow).toBe(3);
    expect(Object.fromEntries(Object.entries(found!.columns).map(([f, c]) => [f, c!.column]))).toEqual({
      name: 1,
      handle: 2,
      followers: 3,
      engagements: 5,
      cost: 8,
      posts: 10,
      city: 11,
      category: 12,
    });
  });

  it('Chanmama (蝉妈妈, Douyin): 30-day sales columns, units sold, average order value', () => {
    const rows = [
      ['蝉妈妈-抖音达人库导出'],
      [''],
      ['达人名称', '抖音号', '粉丝数', '带货口碑', '主推类目', '近30天直播场次', '近30天直播销售额', '近30天视频销售额', '近30天销量', '平均客单价', '联系方式'],
    ];
    const found = detectRoster('蝉妈妈', rows);
    expect(found?.headerRow).toBe(3);
    expect(Object.fromEntries(Object.entries(found!.columns).map(([f, c]) => [f, c!.column]))).toEqual({
      name: 1,
      handle: 2,
      followers: 3,
      category: 5,
      revenue: 7,
      conversions: 9,
      aov: 10,
    });
  });

  it('GRIN CSV: "Rate" is the fee, "Stage" the pipeline status, "Country" the country', () => {
    expect(fieldsOf(['First Name', 'Last Name', 'Email', 'Instagram Handle', 'Instagram Followers', 'Country', 'Rate', 'Stage', 'Tags'])).toEqual({
      name: 1,
      handle: 4,
      followers: 5,
      country: 6,
      cost: 7,
      status: 8,
    });
  });

  it('Modash: username, full name, country and city', () => {
    expect(fieldsOf(['Username', 'Full name', 'Followers', 'Engagement rate', 'Avg. likes', 'Country', 'City', 'Gender'])).toEqual({
      handle: 1,
      name: 2,
      followers: 3,
      engagementRate: 4,
      country: 6,
      city: 7,
    });
  });
});

describe('headers that must not be mistaken', () => {
  it('reads "Rate" alone as the fee, never "Conversion rate" or "Start date"', () => {
    expect(fieldsOf(['Name', 'Followers', 'Conversion rate', 'Rate'])).toEqual({ name: 1, followers: 2, cost: 4 });
    expect(fieldsOf(['Name', 'Followers', 'Conversion rate'])).toEqual({ name: 1, followers: 2 });
    expect(fieldsOf(['Name', 'Followers', 'Start date', 'Date'])).toEqual({ name: 1, followers: 2, period: 4 });
  });

  it('tells a payment status from a payment date and from the pipeline status, in both languages', () => {
    expect(fieldsOf(['Influencer', 'Followers', 'Payment due', 'Payment status', 'Status', 'Payment amount'])).toEqual({
      name: 1,
      followers: 2,
      paymentDue: 3,
      paymentStatus: 4,
      status: 5,
    });
    expect(fieldsOf(['达人昵称', '粉丝数', '付款日期', '付款状态', '合作状态'])).toEqual({ name: 1, followers: 2, paymentDue: 3, paymentStatus: 4, status: 5 });
  });

  it('finds ROAS, the period and the country in Chinese and English exports', () => {
    expect(fieldsOf(['达人', '粉丝数', '投产比', '发布日期', '国家/地区', '近30天GMV'])).toEqual({ name: 1, followers: 2, roas: 3, period: 4, country: 5, revenue: 6 });
    expect(fieldsOf(['Creator', 'Followers', 'ROI', 'Month', 'Country/Region'])).toEqual({ name: 1, followers: 2, roas: 3, period: 4, country: 5 });
  });

  it('does not take a title row that names a couple of fields for the header row', () => {
    const rows = [['达人粉丝数据周报'], ['Name', 'Followers', 'ER', 'Fee', 'Status'], ['Amy', '12k', '8%', 2_000, 'Active']];
    expect(detectRoster('Weekly', rows)?.headerRow).toBe(2);
  });
});
