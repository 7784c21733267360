import { describe, expect, it } from 'vitest';
import { allocate, type AllocatorTier } from '../../src/core/allocator';
import { curveRevenue, type ResponseCurve } from '../../src/core/response-curve';
import { createRandom } from '../../src/offline/sample';
import { oracle } from './rebalance-oracle';

const TIERS = ['Mega', 'Macro', 'Mid', 'Micro', 'Nano'];

/** A random mix in whole percents summing to 100, every tier at 1% or more. */
function randomMix(next: () => number, n: number): number[] {
  const cuts = Array.from({ length: n - 1 }, () => 1 + Math.floor(next() * (100 - n)));
  cuts.sort((a, b) => a - b);
  const parts = [...cuts, 100 - n].map((c, i, all) => c - (i === 0 ? 0 : all[i - 1]!) + 1);
  return parts;
}

/** A random concave curve: a Hill curve with shape 0.3-1 and half-saturation 0.02x-2x the budget, or a straight line. */
function randomCurve(next: () => number, budget: number): ResponseCurve {
  if (next() < 0.15) return { kind: 'linear', roas: 1 + next() * 5 };
  const a = 0.3 + next() * 0.7;
  const g = budget * Math.exp(Math.log(0.02) + next() * Math.log(100));
  const b = budget * (0.5 + next() * 8);
  return { kind: 'hill', a, g, b };
}

describe('allocate against the brute-force oracle (every mix on a 1% grid within the bounds)', () => {
  it('is within 0.5% of the oracle on 300 random sets of concave curves, keeps the bounds and the total', () => {
    const next = createRandom(20260930);
    let worst = 0;
    let interior = 0;
    for (let trial = 0; trial < 300; trial++) {
      const n = 3 + Math.floor(next() * 3);
      const budget = Math.round(10_000 + next() * 1_000_000);
      const mix = randomMix(next, n);
      const curves = mix.map(() => randomCurve(next, budget));
      const tiers: AllocatorTier[] = mix.map((m, i) => ({ tier: TIERS[i]!, current: (m / 100) * budget, curve: curves[i]! }));
      const result = allocate(tiers, budget);
      if (!result.ok) throw new Error(result.message);
      const best = oracle(mix.map((m, i) => ({ current: m, curve: curves[i]! })), budget);
      const ours = result.tiers.reduce((s, t, i) => s + curveRevenue(curves[i]!, t.budgetTo), 0);
      const gap = (best.revenue - ours) / best.revenue;
      interior += result.tiers.filter((t) => t.limitedBy === null).length;
      worst = Math.max(worst, gap);
      expect(gap).toBeLessThanOrEqual(0.005);
      expect(result.after.revenue).toBeCloseTo(ours, 3);
      // Bounds: within 5 points of the current share, and min(3%, current share) kept.
      result.tiers.forEach((t, i) => {
        const from = mix[i]! / 100;
        expect(t.to).toBeGreaterThanOrEqual(Math.max(from - 0.05, Math.min(0.03, from)) - 1e-9);
        expect(t.to).toBeLessThanOrEqual(from + 0.05 + 1e-9);
        expect(Number.isFinite(t.to)).toBe(true);
      });
      const total = result.tiers.reduce((s, t) => s + t.budgetTo, 0);
      expect(Math.abs(total - budget)).toBeLessThan(budget * 1e-9);
      expect(result.after.revenue).toBeGreaterThanOrEqual(result.before.revenue - 1e-6 * budget);
    }
    // The continuous optimum may beat the grid's; it must never trail it by more than the tolerance.
    expect(worst).toBeLessThanOrEqual(0.005);
    // Most trials leave some tier between its bounds, where only equal marginal ROAS decides the answer.
    expect(interior).toBeGreaterThan(200);
  });
});
