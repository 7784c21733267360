import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryWorkbook } from '../../src/offline/workbook';
import { previewAllocation } from '../../src/server/allocation';

/**
 * The sidebar's allocation request (SPEC section 4) as the server reads it: every optional field it sends must reach
 * the plan. Expected figures are worked out by hand from the seed example, ¥30,000 a month at maturity.
 */
const SEED = { budget: 30_000, stage: 'maturity' };

// The server reads the workbook for the team's results; an empty one leaves the plan on the seed funnel.
beforeEach(() => {
  for (const [name, service] of Object.entries(createMemoryWorkbook().globals)) vi.stubGlobal(name, service);
});
afterEach(() => vi.unstubAllGlobals());

describe('previewAllocation honours every field of the request', () => {
  it('fills the seed defaults when only budget and stage are given', () => {
    const plan = previewAllocation(SEED);
    expect(plan.settings).toMatchObject({ budget: 30_000, currency: 'CNY', period: 'month', stage: 'maturity', aov: 150, targetRoas: 3 });
    expect(plan.tiers.map((t) => t.budget)).toEqual([1_500, 4_500, 15_000, 9_000, 0]);
    expect(plan.partnership.map((p) => p.budget)).toEqual([12_000, 9_000, 6_000, 3_000]);
    expect(plan.geography.map((g) => g.budget)).toEqual([21_000, 6_000, 3_000]);
    expect(plan.warnings).toEqual([
      { code: 'below-one-post', tier: 'mega', budget: 1_500, cheapest: 10_000 },
      { code: 'below-one-post', tier: 'macro', budget: 4_500, cheapest: 5_000 },
    ]);
  });

  it.each([
    ['awareness', [6_000, 9_000, 9_000, 6_000, 0]],
    ['growth', [3_000, 6_000, 12_000, 9_000, 0]],
    ['roi-first', [0, 3_000, 9_000, 18_000, 0]],
  ])('uses the %s mix', (stage, budgets) => {
    const plan = previewAllocation({ budget: 30_000, stage });
    expect(plan.settings.stage).toBe(stage);
    expect(plan.tiers.map((t) => t.budget)).toEqual(budgets);
  });

  it('uses the partnership split it is sent', () => {
    const plan = previewAllocation({ ...SEED, partnershipMix: { sponsored: 0.25, affiliate: 0.25, seeding: 0.5, ambassador: 0 } });
    expect(plan.partnership.map((p) => [p.type, p.budget])).toEqual([
      ['sponsored', 7_500],
      ['affiliate', 7_500],
      ['seeding', 15_000],
      ['ambassador', 0],
    ]);
  });

  it('uses the geography split it is sent', () => {
    const plan = previewAllocation({ ...SEED, geoMix: { national: 0.5, local: 0.5, global: 0 } });
    expect(plan.geography.map((g) => [g.region, g.budget])).toEqual([
      ['national', 15_000],
      ['local', 15_000],
      ['global', 0],
    ]);
  });

  it('uses the cost ranges it is sent, keeping the defaults of the other tiers', () => {
    const plan = previewAllocation({ ...SEED, costPerPost: { mega: { min: 1_000, max: 3_000 } } });
    // Mega's ¥1,500 now buys 0-1 posts at ¥3,000-¥1,000; Macro keeps ¥5,000-¥20,000 and its warning.
    expect(plan.settings.costPerPost.mega).toEqual({ min: 1_000, max: 3_000 });
    expect(plan.settings.costPerPost.macro).toEqual({ min: 5_000, max: 20_000 });
    expect(plan.tiers[0]).toMatchObject({ postsMin: 0, postsMax: 1, belowOnePost: false });
    expect(plan.warnings).toEqual([{ code: 'below-one-post', tier: 'macro', budget: 4_500, cheapest: 5_000 }]);
  });

  it('uses the average order value and target ROAS it is sent', () => {
    const plan = previewAllocation({ ...SEED, aov: 300, targetRoas: 2 });
    expect(plan.settings).toMatchObject({ aov: 300, targetRoas: 2 });
    // Mid: ¥3,375 at AOV ¥150 (seed), so ¥6,750 at ¥300: ROAS 0.45.
    expect(plan.tiers[2]).toMatchObject({ revenue: 6_750, roas: 0.45 });
  });

  it('uses the currency and period it is sent', () => {
    expect(previewAllocation({ ...SEED, currency: 'USD', period: 'quarter' }).settings).toMatchObject({ currency: 'USD', period: 'quarter' });
  });

  it('calls a preset whose mix was edited a custom mix, and keeps an unedited preset by name', () => {
    const edited = previewAllocation({ ...SEED, mix: { mega: 0.1, macro: 0.1, mid: 0.5, micro: 0.3, nano: 0 } });
    expect(edited.settings.stage).toBe('custom');
    expect(edited.tiers.map((t) => t.budget)).toEqual([3_000, 3_000, 15_000, 9_000, 0]);
    const same = previewAllocation({ ...SEED, mix: { mega: 0.05, macro: 0.15, mid: 0.5, micro: 0.3, nano: 0 } });
    expect(same.settings.stage).toBe('maturity');
    const custom = previewAllocation({ budget: 10_000, stage: 'custom', mix: { mega: 0, macro: 0, mid: 0, micro: 0.5, nano: 0.5 } });
    expect(custom.settings.stage).toBe('custom');
    expect(custom.tiers.map((t) => t.budget)).toEqual([0, 0, 0, 5_000, 5_000]);
  });

  it('refuses a custom stage without a mix, and a cost range upside down', () => {
    expect(() => previewAllocation({ budget: 10_000, stage: 'custom' })).toThrow('Invalid allocation request: mix: a custom stage needs a mix.');
    expect(() => previewAllocation({ ...SEED, costPerPost: { mid: { min: 5_000, max: 1_000 } } })).toThrow(
      'costPerPost.mid: the cheapest cost per post is above the dearest',
    );
    expect(() => previewAllocation({ ...SEED, geoMix: { national: 0.7, local: 0.2, global: 0.2 } })).toThrow(
      'geoMix: adds up to 110%; it must add up to 100%',
    );
  });
});
