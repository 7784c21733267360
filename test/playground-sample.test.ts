import { describe, expect, it } from 'vitest';
import { TIER_KEYS, TIER_PROFILE, type TierKey } from '../src/core/domain';
import { detectRoster } from '../src/core/roster';
import { tierOf } from '../src/core/tiers';
import { createRandom, followerBand, sampleRoster, SAMPLE_FIELDS, SAMPLE_REFERENCE_DATE, tierCounts, type SampleRoster } from '../src/offline/sample';

const en = sampleRoster();
const zh = sampleRoster({ language: 'zh' });
const column = (roster: SampleRoster, header: string): unknown[] => {
  const i = roster.headers.indexOf(header);
  if (i < 0) throw new Error(`No column ${header}`);
  return roster.rows.map((r) => r[i]);
};
const tierKeyOf = (followers: number): TierKey => {
  const tier = tierOf(followers);
  if (!tier.ok) throw new Error(tier.reason);
  return tier.value.toLowerCase() as TierKey;
};

describe('the sample roster', () => {
  it('is the same, byte for byte, for the same seed, and another roster for another seed', () => {
    expect(JSON.stringify(sampleRoster({ seed: 1 }))).toBe(JSON.stringify(en));
    expect(JSON.stringify(sampleRoster({ seed: 7, count: 50 }))).toBe(JSON.stringify(sampleRoster({ seed: 7, count: 50 })));
    expect(JSON.stringify(sampleRoster({ seed: 2 }).rows)).not.toBe(JSON.stringify(en.rows));
    // Pinned, so a change to the generator that would change every demo and screenshot is a deliberate one.
    expect(en.rows[0]).toEqual([
      'Ella the Chef', 'Xiaohongshu', 2467, 0.172, 390, null, null, null, null, null, 0.185, 'Food', 'Xiamen', 'In Negotiation',
      { date: '2026-03-18' }, null, null, null, null, null, 'xhs10000000', '2026-Q1',
    ]);
  });

  it('draws from a generator that repeats exactly and spreads evenly', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const draws = Array.from({ length: 10_000 }, () => a());
    expect(draws.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });

  it('spreads 300 influencers over the tiers like seed 000: many Micro and Mid, few Mega', () => {
    expect(en.rows).toHaveLength(300);
    const counts = Object.fromEntries(TIER_KEYS.map((k) => [k, 0])) as Record<TierKey, number>;
    for (const f of column(en, 'Followers') as number[]) counts[tierKeyOf(f)]++;
    expect(counts).toEqual(tierCounts(300));
    expect(counts).toEqual({ mega: 9, macro: 30, mid: 90, micro: 126, nano: 45 });
    expect(tierCounts(7)).toEqual({ mega: 0, macro: 1, mid: 2, micro: 3, nano: 1 });
  });

  it("keeps followers in the tier's band and engagement and cost in the tier's typical ranges", () => {
    const followers = column(en, 'Followers') as number[];
    const rates = column(en, 'Engagement rate') as number[];
    const costs = column(en, 'Cost per post') as number[];
    followers.forEach((f, i) => {
      const tier = tierKeyOf(f);
      const [min, max] = followerBand(tier);
      expect(f).toBeGreaterThanOrEqual(min);
      expect(f).toBeLessThanOrEqual(max);
      const { engagementRate, costPerPost } = TIER_PROFILE[tier];
      // A few accounts sit far above their tier's norm (above 2x its typical top, Nano 2x its floor): possibly bought.
      const inflatedFrom = 2 * (tier === 'nano' ? engagementRate.min : engagementRate.max);
      if (rates[i]! <= inflatedFrom) {
        expect(rates[i]).toBeGreaterThanOrEqual(engagementRate.min);
        expect(rates[i]).toBeLessThanOrEqual(engagementRate.max);
      }
      expect(costs[i]).toBeGreaterThanOrEqual(costPerPost.min);
      expect(costs[i]).toBeLessThanOrEqual(costPerPost.max);
    });
    // Rates are tidy decimals, as exports write them, not 0.08700000000000001.
    for (const r of rates) expect(String(r)).toMatch(/^0\.\d{1,3}$/);
  });

  it('covers the whole pipeline, the four platforms and categories, and dates around a fixed day', () => {
    expect(new Set(column(en, 'Status'))).toEqual(new Set(['Prospect', 'Contacted', 'In Negotiation', 'Active', 'Paused', 'Inactive']));
    expect(new Set(column(en, 'Platform'))).toEqual(new Set(['Xiaohongshu', 'Douyin', 'Instagram', 'TikTok']));
    expect(new Set(column(en, 'Category'))).toEqual(new Set(['Beauty', 'Fashion', 'Lifestyle', 'Food']));
    expect(new Set(column(en, 'Influencer')).size).toBe(300);

    const reference = Date.parse(SAMPLE_REFERENCE_DATE);
    const status = column(en, 'Status');
    const contractEnd = column(en, 'Contract end') as Array<{ date: string } | null>;
    contractEnd.forEach((end, i) => {
      if (status[i] === 'Active') expect(end).not.toBeNull();
      if (status[i] === 'Prospect') expect(end).toBeNull();
    });
    const days = contractEnd.filter((d) => d !== null).map((d) => (Date.parse(d!.date) - reference) / 86_400_000);
    expect(days.every((d) => Number.isInteger(d) && d >= -200 && d <= 180)).toBe(true);
    expect((column(en, 'Usage rights end') as unknown[]).some((d) => d !== null)).toBe(true);
    // Something for each alert to find: contracts ending within 30 days, payments overdue, sharp engagement drops.
    expect(days.some((d) => d >= 0 && d <= 30)).toBe(true);
    const due = (column(en, 'Payment due') as Array<{ date: string } | null>).filter(Boolean).map((d) => Date.parse(d!.date));
    expect(due.some((d) => d < reference)).toBe(true);
    const prev = column(en, 'Previous engagement rate') as number[];
    const now = column(en, 'Engagement rate') as number[];
    expect(prev.some((p, i) => now[i]! < p * 0.7)).toBe(true);
    // Results only for influencers worked with; ROAS on both sides of the 2.0 and 5.0 alert lines.
    const spend = column(en, 'Spend') as Array<number | null>;
    const revenue = column(en, 'Revenue') as Array<number | null>;
    const roas = spend.map((s, i) => (s ? revenue[i]! / s : null)).filter((r): r is number => r !== null);
    expect(roas.some((r) => r < 2)).toBe(true);
    expect(roas.some((r) => r > 5)).toBe(true);
    spend.forEach((s, i) => expect(s === null).toBe(['Prospect', 'Contacted', 'In Negotiation'].includes(status[i] as string)));
  });

  it("is found by the add-on's roster detection, every column, in English and in Chinese", () => {
    for (const roster of [en, zh]) {
      const found = detectRoster(roster.sheetName, [roster.headers, ...roster.rows.slice(0, 9)]);
      expect(found?.headerRow).toBe(1);
      expect(Object.fromEntries(Object.entries(found!.columns).map(([field, c]) => [field, c!.column]))).toEqual(
        Object.fromEntries(SAMPLE_FIELDS.map((field, i) => [field, i + 1])),
      );
      expect(found!.columns.followers).toEqual({ column: 3, header: roster.headers[2] });
    }
    expect(zh.headers.slice(0, 6)).toEqual(['达人昵称', '平台', '粉丝数', '互动率', '报价', 'GMV']);
    expect(zh.sheetName).toBe('达人名单');
  });

  it('gives the Chinese variant the same influencers and numbers as the English one', () => {
    const numeric = (r: SampleRoster) => r.rows.map((row) => row.filter((v) => typeof v === 'number' || (v !== null && typeof v === 'object')));
    expect(numeric(zh)).toEqual(numeric(en));
    expect(new Set(column(zh, '平台'))).toEqual(new Set(['小红书', '抖音', 'Instagram', 'TikTok']));
    const chinese = column(zh, '达人昵称').filter((n) => /[\u4e00-\u9fff]/.test(String(n)));
    expect(chinese.length).toBeGreaterThan(250); // a few nicknames are all Latin ("Cocovlog"), as on Xiaohongshu
  });

  it("places each row's results in one of the four quarters up to today's, each with results, each tier in the latest", () => {
    // SAMPLE_REFERENCE_DATE is 2026-03-31: the quarters are 2025-Q2 to 2026-Q1.
    const periods = column(en, 'Period');
    expect([...new Set(periods)].sort()).toEqual(['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1']);
    const status = column(en, 'Status');
    const spend = column(en, 'Spend');
    const tiers = (column(en, 'Followers') as number[]).map(tierKeyOf);
    // The pipeline has no results yet: it is this quarter's.
    status.forEach((s, i) => {
      if (['Prospect', 'Contacted', 'In Negotiation'].includes(s as string)) expect(periods[i]).toBe('2026-Q1');
    });
    for (const quarter of ['2025-Q2', '2025-Q3', '2025-Q4']) expect(periods.some((p, i) => p === quarter && spend[i] !== null), quarter).toBe(true);
    for (const tier of TIER_KEYS) {
      const worked = tiers.some((t, i) => t === tier && spend[i] !== null);
      if (worked) expect(tiers.some((t, i) => t === tier && spend[i] !== null && periods[i] === '2026-Q1'), tier).toBe(true);
    }
    // Active partnerships come first in the latest quarter, ended ones go back.
    const ended = periods.filter((_, i) => status[i] === 'Inactive');
    expect(ended.filter((p) => p === '2026-Q1').length).toBeLessThan(ended.length / 4);
  });

  it('writes the quarter as Chinese teams do, ends at the quarter of `today`, and leaves the column out on request', () => {
    const zhPeriods = column(zh, '季度');
    expect(zhPeriods.map((p) => String(p).replace(/^(\d{4})年第(\d)季度$/, '$1-Q$2'))).toEqual(column(en, 'Period'));
    const august = sampleRoster({ today: '2026-08-15', count: 120 });
    expect([...new Set(column(august, 'Period'))].sort()).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']);
    expect([...new Set(column(sampleRoster({ quarters: 6 }), 'Period'))]).toHaveLength(6);
    // Without the column, every other cell is what it was: periods draw from their own stream.
    const single = sampleRoster({ quarters: 0 });
    expect(single.headers).toEqual(en.headers.slice(0, -1));
    expect(single.rows).toEqual(en.rows.map((r) => r.slice(0, -1)));
    expect(() => sampleRoster({ quarters: -1 })).toThrow(/quarters/);
  });

  it('rejects impossible sizes and seeds', () => {
    expect(() => sampleRoster({ count: 0 })).toThrow(/count/);
    expect(() => sampleRoster({ seed: 1.5 })).toThrow(/seed/);
  });
});
