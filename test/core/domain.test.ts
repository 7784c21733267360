import { describe, expect, it } from 'vitest';
import { allocationPlan, defaultSettings } from '../../src/core/allocation';
import { currencyForLocale, STAGE_MIX, TARGET_ROAS } from '../../src/core/domain';

describe('currencyForLocale', () => {
  it.each([
    ['zh_CN', 'CNY'],
    ['zh', 'CNY'],
    ['zh_TW', 'TWD'],
    ['zh-TW', 'TWD'],
    ['zh_HK', 'HKD'],
    ['zh_MO', 'HKD'],
    ['ja_JP', 'JPY'],
    ['ko_KR', 'KRW'],
    ['en_GB', 'GBP'],
    ['en-GB', 'GBP'],
    ['en_SG', 'SGD'],
    ['zh_SG', 'CNY'], // Chinese comes first: the zh rules win over the region
    ['de_DE', 'EUR'],
    ['de_AT', 'EUR'],
    ['fr_FR', 'EUR'],
    ['fr_BE', 'EUR'],
    ['es_ES', 'EUR'],
    ['it_IT', 'EUR'],
    ['nl_NL', 'EUR'],
    ['pt_PT', 'EUR'],
    ['fi_FI', 'EUR'],
    ['el_GR', 'EUR'],
    ['pt_BR', 'USD'],
    ['en_US', 'USD'],
    ['en', 'USD'],
    ['ru_RU', 'USD'],
    // The region decides: euro countries whatever the language, no euro outside them.
    ['sv_FI', 'EUR'],
    ['ca_ES', 'EUR'],
    ['eu_ES', 'EUR'],
    ['gl_ES', 'EUR'],
    ['es_MX', 'USD'],
    ['fr_CA', 'USD'],
    ['de_CH', 'USD'],
    ['fil_PH', 'USD'],
    ['de', 'EUR'],
  ])('%s suggests %s', (locale, currency) => {
    expect(currencyForLocale(locale)).toBe(currency);
  });
});

describe('the seed tables (SPEC section 2)', () => {
  it('has the four stage mixes of seed 000', () => {
    expect(STAGE_MIX).toEqual({
      awareness: { mega: 0.2, macro: 0.3, mid: 0.3, micro: 0.2, nano: 0 },
      growth: { mega: 0.1, macro: 0.2, mid: 0.4, micro: 0.3, nano: 0 },
      maturity: { mega: 0.05, macro: 0.15, mid: 0.5, micro: 0.3, nano: 0 },
      'roi-first': { mega: 0, macro: 0.1, mid: 0.3, micro: 0.6, nano: 0 },
    });
  });

  it('targets a ROAS of 3.0', () => {
    expect(TARGET_ROAS).toBe(3);
  });
});

describe('defaultSettings', () => {
  it('plans a month in yuan at the maturity stage unless told otherwise', () => {
    const s = defaultSettings(30_000);
    expect(s).toMatchObject({ budget: 30_000, currency: 'CNY', period: 'month', stage: 'maturity', aov: 150, targetRoas: 3 });
    expect(s.mix).toEqual({ mega: 0.05, macro: 0.15, mid: 0.5, micro: 0.3, nano: 0 });
  });

  it('takes the stage and currency it is given', () => {
    const s = defaultSettings(10_000, 'roi-first', 'USD');
    expect(s).toMatchObject({ currency: 'USD', stage: 'roi-first' });
    expect(s.mix).toEqual({ mega: 0, macro: 0.1, mid: 0.3, micro: 0.6, nano: 0 });
  });

  it('fills in the tier profiles: the SPEC cost ranges, the middle of each typical engagement range', () => {
    const s = defaultSettings(30_000);
    expect(s.costPerPost).toEqual({
      mega: { min: 10_000, max: 50_000 },
      macro: { min: 5_000, max: 20_000 },
      mid: { min: 1_000, max: 5_000 },
      micro: { min: 200, max: 1_000 },
      // Nano is paid in product value (SPEC); the planner starts from a typical product value the team edits.
      nano: { min: 50, max: 200 },
    });
    // Mega 1-3%, Macro 3-5%, Mid 5-10%, Micro 10-20%, Nano 20%+ (20-30%).
    const rates = { mega: 0.02, macro: 0.04, mid: 0.075, micro: 0.15, nano: 0.25 };
    // Exactly, with no float noise: these values are written into the Allocation tab's input cells.
    expect(s.engagementRate).toEqual(rates);
    // A representative account inside each tier's follower band.
    expect(s.typicalFollowers).toEqual({ mega: 1_000_000, macro: 250_000, mid: 40_000, micro: 4_000, nano: 500 });
  });

  it('fills in the seed funnel, partnership types and geography', () => {
    const s = defaultSettings(30_000);
    expect([s.reachRate, s.clickRate, s.conversionRate]).toEqual([0.3, 0.1, 0.05]);
    expect(s.partnershipMix).toEqual({ sponsored: 0.4, affiliate: 0.3, seeding: 0.2, ambassador: 0.1 });
    expect(s.geoMix).toEqual({ national: 0.7, local: 0.2, global: 0.1 });
  });

  it('gives each plan its own copy of the tables', () => {
    const a = defaultSettings(1);
    a.mix.mega = 0.9;
    a.costPerPost.mega.min = 1;
    a.partnershipMix.sponsored = 0.9;
    a.geoMix.national = 0.9;
    const b = defaultSettings(1);
    expect(b.mix.mega).toBe(0.05);
    expect(b.costPerPost.mega.min).toBe(10_000);
    expect(b.partnershipMix.sponsored).toBe(0.4);
    expect(b.geoMix.national).toBe(0.7);
  });
});

describe('allocationPlan edges', () => {
  it('does not flag a tier whose budget buys exactly one post at the cheapest rate', () => {
    // ¥200,000 at maturity: Mega gets 5% = ¥10,000, exactly one post at ¥10,000.
    const mega = allocationPlan(defaultSettings(200_000)).tiers[0]!;
    expect(mega).toMatchObject({ tier: 'mega', budget: 10_000, postsMin: 0, postsMax: 1, belowOnePost: false });
    // It buys its post: ¥10,000 / ¥30,000 average x 1M followers x 30% = 100,000 reach; x 2% x 10% x 5% x ¥150 = ¥1,500.
    expect(mega).toMatchObject({ reach: 100_000, revenue: 1_500, roas: 0.15 });
  });

  it('predicts no reach for a tier whose cost range is zero, rather than infinite reach', () => {
    const s = defaultSettings(30_000);
    s.costPerPost.mid = { min: 0, max: 0 };
    const mid = allocationPlan(s).tiers[2]!;
    expect(mid).toMatchObject({ budget: 15_000, reach: 0, revenue: 0, roas: 0 });
  });

  it('flags a tier one yuan short of a post', () => {
    const mega = allocationPlan(defaultSettings(199_980)).tiers[0]!;
    expect(mega).toMatchObject({ budget: 9_999, postsMax: 0, belowOnePost: true, reach: 0, revenue: 0, roas: 0 });
  });

  it('predicts no ROAS for an empty budget rather than dividing by zero', () => {
    const plan = allocationPlan(defaultSettings(0));
    expect(plan.totals).toEqual({ budget: 0, postsMin: 0, postsMax: 0, reach: 0, revenue: 0, roas: null });
    expect(plan.tiers.map((t) => [t.roas, t.belowOnePost])).toEqual(Array.from({ length: 5 }, () => [null, false]));
  });

  it('adds up the mix as given, so a mix that is off shows by how much', () => {
    const s = defaultSettings(30_000);
    s.mix = { mega: 0.5, macro: 0.15, mid: 0.5, micro: 0.3, nano: 0 };
    expect(allocationPlan(s).mixTotal).toBe(1.45);
  });
});

describe('a cost range of zero', () => {
  it('buys no post rather than infinitely many, as the tab formula shows', () => {
    const s = defaultSettings(30_000);
    s.costPerPost.mid = { min: 0, max: 0 };
    const mid = allocationPlan(s).tiers.find((t) => t.tier === 'mid')!;
    expect(mid.budget).toBe(15_000);
    expect([mid.postsMin, mid.postsMax]).toEqual([0, 0]);
  });
});
