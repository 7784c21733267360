import { describe, expect, it } from 'vitest';
import { allocate } from '../../src/core/allocator';
import type { PerformanceRecord } from '../../src/core/performance';
import { calibrateTier } from '../../src/core/calibration';
import { calibrateRoster, type TierQuarterTotals } from '../../src/core/rebalance';
import { curveRevenue, marginalRoas, type ResponseCurve } from '../../src/core/response-curve';
import { createRandom } from '../../src/offline/sample';
import { oracle } from './rebalance-oracle';

const TIERS = ['Mega', 'Macro', 'Mid', 'Micro', 'Nano'];
type Hill = Extract<ResponseCurve, { kind: 'hill' }>;

/**
 * A roster generated from a known Hill curve per tier: in each quarter the tier spends S, split over creators of
 * random size; taken in a random order, each creator earns what the curve adds over its slice of spend (x a small
 * noise), so the tier's quarter earns H(S) and its creators ranked by ROAS trace H below S.
 */
function generateRoster(truth: Hill[], spends: number[][], quarters: string[], seed: number, noise: number): PerformanceRecord[] {
  const next = createRandom(seed);
  const records: PerformanceRecord[] = [];
  quarters.forEach((quarter, q) => {
    truth.forEach((curve, t) => {
      const total = spends[t]![q]!;
      const n = 6 + Math.floor(next() * 30);
      const weights = Array.from({ length: n }, () => 0.3 + next());
      const sum = weights.reduce((a, b) => a + b, 0);
      let x = 0;
      for (const w of weights) {
        const spend = (total * w) / sum;
        const revenue = (curveRevenue(curve, x + spend) - curveRevenue(curve, x)) * (1 + noise * (2 * next() - 1));
        x += spend;
        records.push({
          row: records.length + 2, name: `${TIERS[t]} ${quarter} ${records.length}`, platform: null, tier: TIERS[t]!, followers: null,
          spend, costPerPost: null, revenue, impressions: null, engagements: null, conversions: null, status: 'Active', quarter,
        });
      }
    });
  });
  return records;
}

describe('calibration recovers known curves', () => {
  // Five tiers with different saturation (Mega saturates early, Micro late), scaled so the next yuan at the current
  // mix returns 1.6 / 2.2 / 2.6 / 3.0 / 2.4: close enough that the best mix stops inside the bounds for most tiers.
  const truth: Hill[] = [
    { kind: 'hill', a: 0.9, g: 60_000, b: 749_000 },
    { kind: 'hill', a: 0.8, g: 250_000, b: 2_750_000 },
    { kind: 'hill', a: 0.7, g: 900_000, b: 5_789_000 },
    { kind: 'hill', a: 0.6, g: 1_500_000, b: 6_589_000 },
    { kind: 'hill', a: 0.5, g: 400_000, b: 1_244_000 },
  ];
  // Current quarter (last column): 10 / 25 / 35 / 25 / 5 % of ¥1,000,000; earlier quarters spent more or less.
  const spends = [
    [70_000, 120_000, 90_000, 100_000],
    [300_000, 200_000, 260_000, 250_000],
    [280_000, 400_000, 330_000, 350_000],
    [180_000, 300_000, 220_000, 250_000],
    [40_000, 60_000, 45_000, 50_000],
  ];
  const quarters = ['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1'];

  const currentMix = [10, 25, 35, 25, 5];
  const best = oracle(currentMix.map((current, i) => ({ current, curve: truth[i]! })), 1_000_000);

  it('the oracle on the true curves moves most tiers to a point inside their bounds (the check is not decided by the bounds)', () => {
    expect(best.shares).toEqual([7, 22, 36, 30, 5]);
  });

  const propose = (records: PerformanceRecord[]) => {
    const calibration = calibrateRoster(records, { tiers: TIERS });
    const proposal = allocate(calibration.tiers.map((t) => ({ tier: t.tier, current: t.spend, curve: t.model.kind === 'hill' ? t.model.curve : null })), 1_000_000);
    if (!proposal.ok) throw new Error(proposal.message);
    return { calibration, proposal };
  };

  it('four quarters generated from the curves give them back: same next-yuan return at the current mix, a mix within 1 point of the oracle', () => {
    const { calibration, proposal } = propose(generateRoster(truth, spends, quarters, 7, 0));
    expect(calibration.quarter).toBe('2026-Q1');
    expect(calibration.pastQuarters).toEqual(['2025-Q2', '2025-Q3', '2025-Q4']);
    calibration.tiers.forEach((t, i) => {
      expect(t.model.kind).toBe('hill');
      if (t.model.kind !== 'hill') return;
      const fitted = t.model.curve as Hill;
      expect(fitted.a).toBeCloseTo(truth[i]!.a, 2);
      expect(fitted.g / truth[i]!.g).toBeCloseTo(1, 2);
      expect(fitted.b / truth[i]!.b).toBeCloseTo(1, 2);
      const x = currentMix[i]! * 10_000;
      expect(marginalRoas(fitted, x) / marginalRoas(truth[i]!, x)).toBeCloseTo(1, 2);
    });
    proposal.tiers.forEach((t, i) => expect(Math.abs(t.to * 100 - best.shares[i]!)).toBeLessThanOrEqual(1));
  });

  it("with 1% noise on every creator's revenue, the mix stays within 1 point of the oracle", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { proposal } = propose(generateRoster(truth, spends, quarters, seed, 0.01));
      proposal.tiers.forEach((t, i) => expect(Math.abs(t.to * 100 - best.shares[i]!)).toBeLessThanOrEqual(1));
    }
  });

  it('quarters recorded by earlier builds (totals only) count like the roster\'s own', () => {
    const current = generateRoster(truth, spends.map((s) => s.slice(3)), ['2026-Q1'], 3, 0);
    const history: TierQuarterTotals[] = quarters.slice(0, 3).flatMap((quarter, q) =>
      truth.map((curve, t) => ({ quarter, tier: TIERS[t]!, spend: spends[t]![q]!, revenue: curveRevenue(curve, spends[t]![q]!), influencers: 10 })),
    );
    // A recorded quarter the roster also holds is read from the roster; a later one is not the past.
    history.push({ quarter: '2026-Q1', tier: 'Mega', spend: 1, revenue: 1e9, influencers: 1 }, { quarter: '2026-Q2', tier: 'Mega', spend: 1, revenue: 1e9, influencers: 1 });
    const calibration = calibrateRoster(current, { tiers: TIERS, history });
    expect(calibration.pastQuarters).toEqual(['2025-Q2', '2025-Q3', '2025-Q4']);
    expect(calibration.tiers.map((t) => (t.model.kind === 'hill' ? t.model.quarters : 0))).toEqual([4, 4, 4, 4, 4]);
    const proposal = allocate(calibration.tiers.map((t) => ({ tier: t.tier, current: t.spend, curve: t.model.kind === 'hill' ? t.model.curve : null })), 1_000_000);
    if (!proposal.ok) throw new Error(proposal.message);
    proposal.tiers.forEach((t, i) => expect(Math.abs(t.to * 100 - best.shares[i]!)).toBeLessThanOrEqual(1));
  });
});

describe('calibration from one quarter', () => {
  // Ten creators at ¥1,000 each with ROAS 6.0, 5.5 ... 1.5: ¥37,500 on ¥10,000 (ROAS 3.75), median ROAS 3.75.
  const creators = [6, 5.5, 5, 4.5, 4, 3.5, 3, 2.5, 2, 1.5].map((roas) => ({ spend: 1_000, revenue: 1_000 * roas }));

  it('goes through the quarter\'s own result, and prices the next yuan between the weakest creator and a new one', () => {
    const model = calibrateTier({ quarter: '2026-Q1', creators }, [], 10_000);
    if (model.kind !== 'hill') throw new Error(model.kind);
    expect(model.influencers).toBe(10);
    expect(curveRevenue(model.curve, 10_000)).toBeCloseTo(37_500, 6);
    // Cutting drops the weakest (ROAS 1.5); adding buys new creators at 0.8 x the median 3.75 = 3.0.
    const next = marginalRoas(model.curve, 10_000);
    expect(next).toBeGreaterThan(1.5);
    expect(next).toBeLessThan(3);
    // Diminishing: each further yuan earns less.
    expect(marginalRoas(model.curve, 5_000)).toBeGreaterThan(next);
    expect(marginalRoas(model.curve, 20_000)).toBeLessThan(next);
  });

  it('rows without a revenue figure are taken at the tier\'s average: the curve is read at the whole spend', () => {
    const model = calibrateTier({ quarter: '2026-Q1', creators }, [], 12_000);
    if (model.kind !== 'hill') throw new Error(model.kind);
    expect(model.anchor).toEqual({ spend: 12_000, revenue: 45_000 });
    expect(curveRevenue(model.curve, 12_000)).toBeCloseTo(45_000, 6);
  });

  it('too few results fall back to the average-ROAS rule, and say why', () => {
    expect(calibrateTier({ quarter: null, creators: creators.slice(0, 4) }, [], 4_000)).toEqual({
      kind: 'average-roas', curve: { kind: 'linear', roas: 5.25 }, anchor: { spend: 4_000, revenue: 21_000 }, influencers: 4, quarters: 1, why: 'few-influencers',
    });
    expect(calibrateTier({ quarter: null, creators: [] }, [], 0)).toEqual({ kind: 'none', why: 'no-spend' });
    expect(calibrateTier({ quarter: null, creators: [] }, [], 5_000)).toEqual({ kind: 'none', why: 'no-results' });
  });
});
