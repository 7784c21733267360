import { describe, expect, it } from 'vitest';
import { allocate } from '../../src/core/allocator';
import type { PerformanceRecord } from '../../src/core/performance';
import { rebalanceModel } from '../../src/core/rebalance';

const TIERS = ['Mega', 'Macro', 'Mid', 'Micro', 'Nano'];

/** Seed 000's Q1 review: ROAS 1.8 / 2.8 / 3.8 / 4.5 against 3.0, mix 5 / 25 / 40 / 30 of ¥30,000. */
const SEED = [
  { tier: 'Mega', share: 0.05, roas: 1.8, partnerships: 3 },
  { tier: 'Macro', share: 0.25, roas: 2.8, partnerships: 10 },
  { tier: 'Mid', share: 0.4, roas: 3.8, partnerships: 30 },
  { tier: 'Micro', share: 0.3, roas: 4.5, partnerships: 60 },
];
const BUDGET = 30_000;

const record = (row: number, tier: string, spend: number | null, revenue: number | null, extra: Partial<PerformanceRecord> = {}): PerformanceRecord => ({
  row, name: `${tier} ${row}`, platform: null, tier, followers: null, spend, costPerPost: null, revenue,
  impressions: null, engagements: null, conversions: null, status: 'Active', quarter: '2026-Q1', ...extra,
});

describe("seed 000's rebalancing example under the default bounds (3% minimum, 5 points a quarter)", () => {
  it("the average-ROAS rule: Mega 5% -> 3%, Macro 25% -> 20%, Micro 30% -> 35%, Mid 40% -> 42%", () => {
    // By hand. Bounds: Mega [3%, 10%], Macro [20%, 30%], Mid [35%, 45%], Micro [25%, 35%]. Each tier keeps returning
    // its ROAS, so money leaves the lowest ROAS first, as far as the bounds allow: Mega to its 3% floor (-2 points),
    // Macro by the 5-point limit (-5). The 7 points go to the highest ROAS first: Micro +5 (the limit), Mid the
    // remaining +2. Expected revenue: before 1,500 x 1.8 + 7,500 x 2.8 + 12,000 x 3.8 + 9,000 x 4.5 = 109,800
    // (ROAS 3.66); after 900 x 1.8 + 6,000 x 2.8 + 12,600 x 3.8 + 10,500 x 4.5 = 113,550 (ROAS 3.785).
    const result = allocate(
      SEED.map((s) => ({ tier: s.tier, current: s.share * BUDGET, curve: { kind: 'linear', roas: s.roas } as const })),
      BUDGET,
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.tiers.map((t) => [t.tier, t.to, t.budgetTo, t.limitedBy])).toEqual([
      ['Mega', 0.03, 900, 'min-share'],
      ['Macro', 0.2, 6_000, 'max-change'],
      ['Mid', 0.42, 12_600, null],
      ['Micro', 0.35, 10_500, 'max-change'],
    ]);
    expect(result.before).toEqual({ revenue: 109_800, roas: 3.66 });
    expect(result.after).toEqual({ revenue: 113_550, roas: 3.785 });
    // Mid is the tier left between its bounds: the portfolio's next yuan returns its ROAS.
    expect(result.lambda).toBe(3.8);
  });

  it('moves money the way the seed does (3/20/45/32): out of Mega and Macro, into Mid and Micro', () => {
    const result = allocate(SEED.map((s) => ({ tier: s.tier, current: s.share * BUDGET, curve: { kind: 'linear', roas: s.roas } as const })), BUDGET);
    if (!result.ok) throw new Error(result.message);
    const seedProposal = [0.03, 0.2, 0.45, 0.32];
    result.tiers.forEach((t, i) => expect(Math.sign(t.to - t.from)).toBe(Math.sign(seedProposal[i]! - SEED[i]!.share)));
  });

  it("from a roster shaped like the seed's quarter (3 / 10 / 30 / 60 partnerships), through calibration", () => {
    // Every partnership of a tier at the tier's ROAS; Nano had no spend. Mega's 3 results are too few for a curve.
    const records: PerformanceRecord[] = [];
    for (const s of SEED) {
      const spend = (s.share * BUDGET) / s.partnerships;
      for (let i = 0; i < s.partnerships; i++) records.push(record(records.length + 2, s.tier, spend, spend * s.roas));
    }
    records.push(record(records.length + 2, 'Nano', null, null, { status: 'Prospect' }));
    const model = rebalanceModel(records, { tiers: TIERS });
    expect(model.quarter).toBe('2026-Q1');
    expect(model.nextQuarter).toBe('2026-Q2');
    expect(model.method).toBe('marginal-roas');
    expect(model.calibration.tiers.map((t) => t.model.kind)).toEqual(['average-roas', 'hill', 'hill', 'hill', 'none']);
    expect(model.performance.tiers.map((t) => t.roas)).toEqual([1.8, 2.8, 3.8, 4.5, null]);
    if (!model.proposal.ok) throw new Error(model.proposal.message);
    const p = model.proposal;
    expect(model.reasons.map((r) => r.kind)).toEqual(['down', 'down', 'up', 'up', 'held']);
    expect(model.reasons[4]).toEqual({ tier: 'Nano', kind: 'held', why: 'no-spend', share: 0 });
    expect(p.tiers.reduce((s, t) => s + t.budgetTo, 0)).toBeCloseTo(BUDGET, 6);
    expect(p.after.roas!).toBeGreaterThan(p.before.roas!);
    // The curve goes through each tier's own result: expected ROAS at today's mix is the roster's, 3.66.
    expect(p.before.roas).toBeCloseTo(3.66, 9);
    // What this build records for later ones: the quarter's totals by tier.
    expect(model.record).toEqual([
      { quarter: '2026-Q1', tier: 'Mega', spend: 1_500, revenue: 2_700, influencers: 3 },
      { quarter: '2026-Q1', tier: 'Macro', spend: 7_500, revenue: 21_000, influencers: 10 },
      { quarter: '2026-Q1', tier: 'Mid', spend: 12_000, revenue: 45_600, influencers: 30 },
      { quarter: '2026-Q1', tier: 'Micro', spend: 9_000, revenue: 40_500, influencers: 60 },
      { quarter: '2026-Q1', tier: 'Nano', spend: 0, revenue: null, influencers: 0 },
    ]);
  });
});
