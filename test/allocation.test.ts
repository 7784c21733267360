import { describe, expect, it } from 'vitest';
import { allocationPlan, defaultSettings } from '../src/core/allocation';
import { TIER_KEYS } from '../src/core/domain';
import { ALLOCATION_KIND, allocationSheetPlan, LAYOUT } from '../src/plan/allocation-sheet';
import { a1 } from '../src/plan/types';
import { createEngine, planGrid } from './support/formula-engine';

const seed = allocationPlan(defaultSettings(30_000, 'maturity'));

describe('allocationPlan (seed 000: ¥30,000 a month at maturity)', () => {
  it('splits Mega ¥1,500, Macro ¥4,500, Mid ¥15,000, Micro ¥9,000, Nano 0', () => {
    expect(Object.fromEntries(seed.tiers.map((t) => [t.tier, t.budget]))).toEqual({ mega: 1_500, macro: 4_500, mid: 15_000, micro: 9_000, nano: 0 });
    expect(seed.totals.budget).toBe(30_000);
  });

  it('counts affordable posts from the cost ranges and flags tiers that buy less than one', () => {
    const posts = Object.fromEntries(seed.tiers.map((t) => [t.tier, [t.postsMin, t.postsMax, t.belowOnePost]]));
    expect(posts).toEqual({
      mega: [0, 0, true],
      macro: [0, 0, true],
      mid: [3, 15, false],
      micro: [9, 45, false],
      nano: [0, 0, false],
    });
  });

  it('splits the budget by partnership type 40/30/20/10 and geography 70/20/10', () => {
    expect(seed.partnership.map((p) => p.budget)).toEqual([12_000, 9_000, 6_000, 3_000]);
    expect(seed.geography.map((g) => g.budget)).toEqual([21_000, 6_000, 3_000]);
  });

  it('predicts reach and revenue with the seed funnel from typical accounts', () => {
    const mid = seed.tiers.find((t) => t.tier === 'mid')!;
    // ¥15,000 / ¥3,000 average = 5 posts x 40,000 followers x 30% = 60,000 reach; x 7.5% x 10% x 5% x ¥150 = ¥3,375
    expect(mid.reach).toBe(60_000);
    expect(mid.revenue).toBe(3_375);
    expect(mid.roas).toBe(0.225);
  });
});

describe('the Allocation tab plan, evaluated by a formula engine', () => {
  const plan = allocationSheetPlan(seed, 'en');
  const engine = () => createEngine({ Allocation: planGrid(plan) });
  const resultCell = (tierIndex: number, column: number) => a1(LAYOUT.results.first + tierIndex, column);

  it('is the add-on allocation kind and never writes user text as a formula', () => {
    expect(plan.kind).toBe(ALLOCATION_KIND);
    for (const block of plan.blocks) {
      for (const cell of block.cells.flat()) {
        if (typeof cell.value === 'string') expect(cell.formula).toBeUndefined();
      }
    }
  });

  it('computes the same figures as the core with live formulas', () => {
    const e = engine();
    seed.tiers.forEach((t, i) => {
      expect(e.value('Allocation', resultCell(i, 2)), `${t.tier} budget`).toBeCloseTo(t.budget, 6);
      expect(e.value('Allocation', resultCell(i, 3)), `${t.tier} posts min`).toBe(t.postsMin);
      expect(e.value('Allocation', resultCell(i, 4)), `${t.tier} posts max`).toBe(t.postsMax);
      expect(e.value('Allocation', resultCell(i, 5)), `${t.tier} reach`).toBeCloseTo(t.reach, 6);
      expect(e.value('Allocation', resultCell(i, 6)), `${t.tier} revenue`).toBeCloseTo(t.revenue, 6);
      if (t.roas === null) expect(e.value('Allocation', resultCell(i, 7))).toBe('');
      else expect(e.value('Allocation', resultCell(i, 7)), `${t.tier} ROAS`).toBeCloseTo(t.roas, 9);
    });
    expect(e.value('Allocation', a1(LAYOUT.resultsTotalRow, 2))).toBeCloseTo(30_000, 6);
    expect(e.value('Allocation', a1(LAYOUT.resultsTotalRow, 7))).toBeCloseTo(seed.totals.roas!, 9);
  });

  it('warns in the sheet that Mega and Macro buy less than one post', () => {
    const e = engine();
    const warnings = TIER_KEYS.map((_, i) => e.value('Allocation', resultCell(i, 9)));
    expect(warnings).toEqual([
      'Buys less than one post at the cheapest rate',
      'Buys less than one post at the cheapest rate',
      '',
      '',
      '',
    ]);
    expect(e.value('Allocation', a1(LAYOUT.resultsTotalRow, 9))).toBe('');
  });

  it('follows when an exec changes the budget cell', () => {
    const e = engine();
    e.set('Allocation', a1(LAYOUT.budget.row, LAYOUT.budget.column), 300_000);
    const again = allocationPlan(defaultSettings(300_000, 'maturity'));
    again.tiers.forEach((t, i) => {
      expect(e.value('Allocation', resultCell(i, 2))).toBeCloseTo(t.budget, 6);
      expect(e.value('Allocation', resultCell(i, 4))).toBe(t.postsMax);
      expect(e.value('Allocation', resultCell(i, 9))).toBe(t.belowOnePost ? 'Buys less than one post at the cheapest rate' : '');
    });
    expect(e.value('Allocation', resultCell(0, 2))).toBe(15_000); // Mega now buys a post
    expect(e.value('Allocation', a1(LAYOUT.partnership.first, 3))).toBe(120_000);
    expect(e.value('Allocation', a1(LAYOUT.geography.first, 3))).toBe(210_000);
  });

  it('warns when an edited mix no longer adds up to 100%', () => {
    const e = engine();
    e.set('Allocation', a1(LAYOUT.tierInputs.first, 2), 0.5); // Mega 5% -> 50%
    expect(e.value('Allocation', a1(LAYOUT.mixTotalRow, 2))).toBeCloseTo(1.45, 9);
    expect(e.value('Allocation', a1(LAYOUT.resultsTotalRow, 9))).toBe('The mix adds up to 145%, not 100%');
  });

  it('speaks Chinese when asked, with the same formulas', () => {
    const zh = allocationSheetPlan(seed, 'zh');
    const e = createEngine({ Allocation: planGrid(zh) });
    expect(zh.title).toBe('预算分配');
    expect(e.value('Allocation', resultCell(0, 9))).toBe('预算不足最低报价的一条');
    expect(e.value('Allocation', resultCell(2, 2))).toBe(15_000);
  });
});
