import { describe, expect, it } from 'vitest';
import { allocationPlan, defaultSettings } from '../src/core/allocation';
import type { Stage } from '../src/core/domain';
import { ALLOCATION_KIND, allocationSheetPlan, LAYOUT } from '../src/plan/allocation-sheet';
import { a1 } from '../src/plan/types';
import { createEngine, planGrid } from './support/formula-engine';

/**
 * The seed's worked example (SPEC section 2): ¥30,000 a month at maturity. Every expected figure below is worked out
 * by hand from the SPEC tables: the stage mix, the cost ranges, the seed funnel (30% reach, 10% click, 5% convert,
 * AOV ¥150) and the tier profiles (a typical account of 1M / 250k / 40k / 4k followers at the middle of the tier's
 * engagement range, 2% / 4% / 7.5% / 15%), buying budget / average cost posts. A tier whose budget does not reach
 * its cheapest post buys none, so it reaches no one and earns nothing.
 */
const seedPlan = () => allocationPlan(defaultSettings(30_000, 'maturity'));
const TIER_ORDER = ['mega', 'macro', 'mid', 'micro', 'nano'];

describe('allocationPlan (seed 000: ¥30,000 a month at maturity)', () => {
  it('splits Mega ¥1,500, Macro ¥4,500, Mid ¥15,000, Micro ¥9,000, Nano 0', () => {
    const plan = seedPlan();
    expect(plan.tiers.map((t) => t.tier)).toEqual(TIER_ORDER);
    expect(plan.tiers.map((t) => [t.share, t.budget])).toEqual([
      [0.05, 1_500],
      [0.15, 4_500],
      [0.5, 15_000],
      [0.3, 9_000],
      [0, 0],
    ]);
    expect(plan.mixTotal).toBe(1);
  });

  it('counts affordable posts from the cost ranges and flags tiers that buy less than one', () => {
    // Mid: ¥15,000 / ¥5,000 = 3 at the dearest rate, / ¥1,000 = 15 at the cheapest; Micro: / ¥1,000 = 9, / ¥200 = 45.
    expect(seedPlan().tiers.map((t) => [t.postsMin, t.postsMax, t.belowOnePost])).toEqual([
      [0, 0, true],
      [0, 0, true],
      [3, 15, false],
      [9, 45, false],
      [0, 0, false],
    ]);
  });

  it('splits the budget by partnership type 40/30/20/10 and geography 70/20/10', () => {
    const plan = seedPlan();
    expect(plan.partnership).toEqual([
      { type: 'sponsored', share: 0.4, budget: 12_000 },
      { type: 'affiliate', share: 0.3, budget: 9_000 },
      { type: 'seeding', share: 0.2, budget: 6_000 },
      { type: 'ambassador', share: 0.1, budget: 3_000 },
    ]);
    expect(plan.geography).toEqual([
      { region: 'national', share: 0.7, budget: 21_000 },
      { region: 'local', share: 0.2, budget: 6_000 },
      { region: 'global', share: 0.1, budget: 3_000 },
    ]);
  });

  it('predicts reach, revenue and ROAS per tier with the seed funnel from typical accounts', () => {
    // Mega (¥1,500) and Macro (¥4,500) cannot buy a post, so they reach no one: ROAS 0 on the money they are given.
    // Mid: ¥15,000 / ¥3,000 = 5 posts x 40k x 30% = 60,000; x 7.5% x 10% x 5% x ¥150 = ¥3,375; ROAS 0.225.
    // Micro: ¥9,000 / ¥600 = 15 posts x 4k x 30% = 18,000; x 15% ... = ¥2,025; ROAS 0.225.
    expect(seedPlan().tiers.map((t) => [t.reach, t.revenue, t.roas])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [60_000, 3_375, 0.225],
      [18_000, 2_025, 0.225],
      [0, 0, null],
    ]);
  });

  it('adds up the totals: ¥30,000, 12-60 posts, 78,000 reach, ¥5,400 revenue, ROAS 0.18', () => {
    expect(seedPlan().totals).toEqual({ budget: 30_000, postsMin: 12, postsMax: 60, reach: 78_000, revenue: 5_400, roas: 0.18 });
  });

  it.each<[Stage, number[], boolean[]]>([
    ['awareness', [6_000, 9_000, 9_000, 6_000, 0], [true, false, false, false, false]],
    ['growth', [3_000, 6_000, 12_000, 9_000, 0], [true, false, false, false, false]],
    ['roi-first', [0, 3_000, 9_000, 18_000, 0], [false, true, false, false, false]],
  ])('splits ¥30,000 at the %s stage as %j', (stage, budgets, belowOnePost) => {
    const plan = allocationPlan(defaultSettings(30_000, stage));
    expect(plan.tiers.map((t) => t.budget)).toEqual(budgets);
    expect(plan.tiers.map((t) => t.belowOnePost)).toEqual(belowOnePost);
    expect(plan.totals.budget).toBe(30_000);
  });
});

describe('the Allocation tab plan, evaluated by a formula engine', () => {
  const plan = (budget = 30_000, stage: Stage = 'maturity', language: 'en' | 'zh' = 'en') =>
    allocationSheetPlan(allocationPlan(defaultSettings(budget, stage)), language);
  const engine = (language: 'en' | 'zh' = 'en') => createEngine({ Allocation: planGrid(plan(30_000, 'maturity', language)) });
  const tierRow = (tierIndex: number) => LAYOUT.results.first + tierIndex;
  /** One row of the results table: budget, posts min, posts max, reach, revenue, ROAS, against target, warning. */
  const resultRow = (e: ReturnType<typeof engine>, row: number) => [2, 3, 4, 5, 6, 7, 8, 9].map((c) => e.value('Allocation', a1(row, c)));
  const close = (values: unknown[]) => values.map((v) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v));
  const BELOW = 'Buys less than one post at the cheapest rate';

  it('is the add-on allocation kind and never writes user text as a formula', () => {
    const p = plan();
    expect(p.kind).toBe(ALLOCATION_KIND);
    expect(ALLOCATION_KIND).toBe('allocation');
    for (const block of p.blocks) {
      for (const cell of block.cells.flat()) {
        if (typeof cell.value === 'string') expect(cell.formula).toBeUndefined();
      }
    }
  });

  it('computes the seed figures with live formulas', () => {
    const e = engine();
    expect(close(resultRow(e, tierRow(0)))).toEqual([1_500, 0, 0, 0, 0, 0, 'Below target', BELOW]);
    expect(close(resultRow(e, tierRow(1)))).toEqual([4_500, 0, 0, 0, 0, 0, 'Below target', BELOW]);
    expect(close(resultRow(e, tierRow(2)))).toEqual([15_000, 3, 15, 60_000, 3_375, 0.225, 'Below target', '']);
    expect(close(resultRow(e, tierRow(3)))).toEqual([9_000, 9, 45, 18_000, 2_025, 0.225, 'Below target', '']);
    expect(close(resultRow(e, tierRow(4)))).toEqual([0, 0, 0, 0, 0, '', '', '']);
    expect(close(resultRow(e, LAYOUT.resultsTotalRow))).toEqual([30_000, 12, 60, 78_000, 5_400, 0.18, 'Below target', '']);
  });

  it('splits the budget by partnership type and geography in every row, with totals', () => {
    const e = engine();
    const split = (first: number, rows: number) =>
      Array.from({ length: rows + 1 }, (_, i) => close([e.value('Allocation', a1(first + i, 2)), e.value('Allocation', a1(first + i, 3))]));
    expect(split(LAYOUT.partnership.first, 4)).toEqual([
      [0.4, 12_000],
      [0.3, 9_000],
      [0.2, 6_000],
      [0.1, 3_000],
      [1, 30_000],
    ]);
    expect(split(LAYOUT.geography.first, 3)).toEqual([
      [0.7, 21_000],
      [0.2, 6_000],
      [0.1, 3_000],
      [1, 30_000],
    ]);
  });

  it('follows when an exec changes the budget cell', () => {
    const e = engine();
    e.set('Allocation', a1(LAYOUT.budget.row, LAYOUT.budget.column), 300_000);
    // Ten times the seed: Mega ¥15,000 now buys a post at ¥10,000 (1 at most, 0 at ¥50,000).
    expect(close(resultRow(e, tierRow(0)))).toEqual([15_000, 0, 1, 150_000, 2_250, 0.15, 'Below target', '']);
    expect(close(resultRow(e, tierRow(1)))).toEqual([45_000, 2, 9, 270_000, 8_100, 0.18, 'Below target', '']);
    expect(close(resultRow(e, tierRow(2)))).toEqual([150_000, 30, 150, 600_000, 33_750, 0.225, 'Below target', '']);
    expect(close(resultRow(e, tierRow(3)))).toEqual([90_000, 90, 450, 180_000, 20_250, 0.225, 'Below target', '']);
    expect(e.value('Allocation', a1(LAYOUT.partnership.first + 3, 3))).toBe(30_000);
    expect(e.value('Allocation', a1(LAYOUT.geography.first + 2, 3))).toBe(30_000);
  });

  it('judges every tier and the total against the target ROAS cell', () => {
    const e = engine();
    e.set('Allocation', a1(LAYOUT.targetRoas.row, LAYOUT.targetRoas.column), 0.15);
    const against = [0, 1, 2, 3, 4].map((i) => e.value('Allocation', a1(tierRow(i), 8)));
    expect(against).toEqual(['Below target', 'Below target', 'On target', 'On target', '']);
    expect(e.value('Allocation', a1(LAYOUT.resultsTotalRow, 8))).toBe('On target');
    e.set('Allocation', a1(LAYOUT.targetRoas.row, LAYOUT.targetRoas.column), 0.225);
    expect(e.value('Allocation', a1(tierRow(2), 8))).toBe('On target'); // a ROAS equal to the target meets it
  });

  it('follows the funnel and AOV inputs', () => {
    const e = engine();
    e.set('Allocation', a1(LAYOUT.aov.row, LAYOUT.aov.column), 300);
    expect(close(resultRow(e, tierRow(2)).slice(3, 6))).toEqual([60_000, 6_750, 0.45]);
    e.set('Allocation', a1(LAYOUT.reachRate.row, LAYOUT.reachRate.column), 0.6);
    e.set('Allocation', a1(LAYOUT.clickRate.row, LAYOUT.clickRate.column), 0.2);
    e.set('Allocation', a1(LAYOUT.conversionRate.row, LAYOUT.conversionRate.column), 0.1);
    // Reach doubles; revenue doubles three times over, x2 for the AOV: ¥3,375 x 16 = ¥54,000.
    expect(close(resultRow(e, tierRow(2)).slice(3, 6))).toEqual([120_000, 54_000, 3.6]);
  });

  it('warns when a tier budget is under one post, not at exactly one post', () => {
    const e = engine();
    // Mega gets 5% of the budget; its cheapest post is ¥10,000.
    e.set('Allocation', a1(LAYOUT.budget.row, LAYOUT.budget.column), 200_000);
    expect(e.value('Allocation', a1(tierRow(0), 9))).toBe('');
    expect(e.value('Allocation', a1(tierRow(0), 4))).toBe(1);
    e.set('Allocation', a1(LAYOUT.budget.row, LAYOUT.budget.column), 199_980);
    expect(e.value('Allocation', a1(tierRow(0), 9))).toBe(BELOW);
  });

  it('follows an edited cost range and a split share', () => {
    const e = engine();
    const mid = LAYOUT.tierInputs.first + 2;
    e.set('Allocation', a1(mid, 3), 2_000);
    e.set('Allocation', a1(mid, 4), 4_000);
    // ¥15,000: 3 posts at ¥4,000, 7 at ¥2,000; 5 posts at the ¥3,000 average as before.
    expect(close(resultRow(e, tierRow(2)).slice(1, 4))).toEqual([3, 7, 60_000]);
    e.set('Allocation', a1(LAYOUT.partnership.first + 1, 2), 0.5);
    expect(e.value('Allocation', a1(LAYOUT.partnership.first + 1, 3))).toBe(15_000);
    expect(close([e.value('Allocation', a1(LAYOUT.partnership.first + 4, 2))])).toEqual([1.2]);
    e.set('Allocation', a1(LAYOUT.geography.first + 2, 2), 0.3);
    expect(e.value('Allocation', a1(LAYOUT.geography.first + 2, 3))).toBe(9_000);
  });

  it('warns when an edited mix no longer adds up to 100%', () => {
    const e = engine();
    expect(e.value('Allocation', a1(LAYOUT.resultsTotalRow, 9))).toBe('');
    e.set('Allocation', a1(LAYOUT.tierInputs.first, 2), 0.5); // Mega 5% -> 50%
    expect(close([e.value('Allocation', a1(LAYOUT.mixTotalRow, 2))])).toEqual([1.45]);
    expect(e.value('Allocation', a1(LAYOUT.resultsTotalRow, 9))).toBe('The mix adds up to 145%, not 100%');
  });

  it('speaks Chinese when asked, with the same formulas', () => {
    const zh = plan(30_000, 'maturity', 'zh');
    const e = engine('zh');
    expect(zh.title).toBe('预算分配');
    expect(close(resultRow(e, tierRow(0)))).toEqual([1_500, 0, 0, 0, 0, 0, '低于目标', '预算不足最低报价的一条']);
    expect(e.value('Allocation', a1(tierRow(2), 2))).toBe(15_000);
    e.set('Allocation', a1(LAYOUT.targetRoas.row, LAYOUT.targetRoas.column), 0.2);
    expect(e.value('Allocation', a1(tierRow(2), 8))).toBe('达标');
    e.set('Allocation', a1(LAYOUT.tierInputs.first, 2), 0.5);
    expect(e.value('Allocation', a1(LAYOUT.resultsTotalRow, 9))).toBe('配比合计 145%，不是 100%');
  });
});
