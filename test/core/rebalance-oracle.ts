import { curveRevenue, type ResponseCurve } from '../../src/core/response-curve';

/**
 * The brute-force reference for the allocator: every mix on a 1% grid within the bounds (default: a tier with spend
 * keeps min(3%, its share), moves at most 5 points), scored on the given curves. Independent of the allocator's
 * code: its own bounds arithmetic, in whole percents.
 */
export interface OracleTier {
  /** Current share in whole percents. */
  current: number;
  curve: ResponseCurve | null;
}

export function oracle(tiers: readonly OracleTier[], budget: number, minShare = 3, maxChange = 5): { shares: number[]; revenue: number } {
  const ranges = tiers.map((t) => {
    if (!t.curve) return [t.current, t.current];
    const lo = Math.max(t.current - maxChange, Math.min(minShare, t.current), 0);
    return [lo, Math.min(100, t.current + maxChange)];
  });
  let best = { shares: [] as number[], revenue: -Infinity };
  const shares: number[] = [];
  const walk = (i: number, left: number): void => {
    if (i === tiers.length - 1) {
      const [lo, hi] = ranges[i]!;
      if (left < lo! || left > hi!) return;
      shares[i] = left;
      const revenue = tiers.reduce((s, t, k) => s + (t.curve ? curveRevenue(t.curve, (shares[k]! / 100) * budget) : 0), 0);
      if (revenue > best.revenue) best = { shares: [...shares], revenue };
      return;
    }
    const [lo, hi] = ranges[i]!;
    for (let s = lo!; s <= hi! && s <= left; s++) {
      shares[i] = s;
      walk(i + 1, left - s);
    }
  };
  walk(0, 100);
  return best;
}
