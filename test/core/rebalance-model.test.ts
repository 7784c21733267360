import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/core/allocation';
import { allocate } from '../../src/core/allocator';
import { TIER_SCHEMES } from '../../src/core/domain';
import { forecastPlan } from '../../src/core/forecast';
import { tierPerformance, type PerformanceRecord } from '../../src/core/performance';
import { toPerformanceRecords } from '../../src/core/performance-records';
import { calibrateRoster, rebalanceModel } from '../../src/core/rebalance';
import { mapHeaders } from '../../src/core/roster';
import { sampleRoster } from '../../src/offline/sample';

const TIERS = ['Mega', 'Macro', 'Mid', 'Micro', 'Nano'];

const record = (row: number, tier: string | null, spend: number | null, revenue: number | null, extra: Partial<PerformanceRecord> = {}): PerformanceRecord => ({
  row, name: `#${row}`, platform: null, tier, followers: null, spend, costPerPost: null, revenue,
  impressions: null, engagements: null, conversions: null, status: 'Active', quarter: null, ...extra,
});

/** Every number anywhere in the value is finite: no NaN or Infinity reaches a cell. */
function expectFinite(value: unknown, path = '$'): void {
  if (typeof value === 'number') expect(Number.isFinite(value), `${path} = ${value}`).toBe(true);
  else if (Array.isArray(value)) value.forEach((v, i) => expectFinite(v, `${path}[${i}]`));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) expectFinite(v, `${path}.${k}`);
}

describe('tier performance', () => {
  it("reproduces seed 000's Mega row: CPM ¥50, CPE ¥8, CPA ¥150, ROAS 1.8 below the 3.0 target", () => {
    // ¥10,000 + ¥20,000 over 200,000 + 400,000 impressions = ¥50 CPM; over 1,250 + 2,500 engagements = ¥8 CPE;
    // over 100 + 100 conversions = ¥150 CPA. A third post without impressions, engagements or conversions changes
    // none of them, and its ¥9,000 on ¥5,000 keeps the ROAS at (18,000 + 36,000 + 9,000) / 35,000 = 1.8.
    const rows = [
      record(2, 'Mega', 10_000, 18_000, { impressions: 200_000, engagements: 1_250, conversions: 100 }),
      record(3, 'Mega', 20_000, 36_000, { impressions: 400_000, engagements: 2_500, conversions: 100 }),
      record(4, 'Mega', 5_000, 9_000),
      record(5, 'Mega', null, null, { status: 'Prospect' }),
    ];
    const [mega] = tierPerformance(rows, ['Mega']).tiers;
    expect(mega).toEqual({
      tier: 'Mega', influencers: 4, partnerships: 3, spend: 35_000, revenue: 63_000, impressions: 600_000, engagements: 3_750,
      conversions: 200, roas: 1.8, cpm: 50, cpe: 8, cpa: 150, targetRoas: 3, vsTarget: 'below',
    });
  });

  it('gives null, never NaN, for what cannot be computed, and counts rows without a tier', () => {
    const summary = tierPerformance([record(2, 'Micro', null, null), record(3, null, 500, 2_000)], TIERS);
    const micro = summary.tiers[3]!;
    expect([micro.roas, micro.cpm, micro.cpe, micro.cpa, micro.revenue, micro.vsTarget]).toEqual([null, null, null, null, null, null]);
    expect(summary.untiered).toBe(1);
    expect(summary.total.roas).toBe(4);
  });
});

describe('clear answers at the edges', () => {
  it('a roster with no revenue column: performance still shown, no mix proposed, and it says why', () => {
    const rows = [record(2, 'Mid', 3_000, null), record(3, 'Micro', 600, null), record(4, 'Micro', 800, null)];
    const model = rebalanceModel(rows, { tiers: TIERS });
    expect(model.proposal).toEqual({ ok: false, code: 'no-results', message: expect.stringContaining('no tier has both spend and revenue') });
    expect(model.method).toBeNull();
    expect(model.reasons).toEqual([]);
    expect(model.performance.tiers[2]).toMatchObject({ spend: 3_000, roas: null });
    expect(model.decisions[3]!.notEnoughData.map((d) => d.why)).toEqual(['no-revenue', 'no-revenue']);
    expectFinite(model);
  });

  it('a tier with no data keeps its share, and says so; the others are rebalanced around it', () => {
    const rows = [
      ...[1, 2, 3, 4, 5, 6].map((i) => record(i, 'Mid', 2_000, 2_000 * (3 + i / 3))),
      ...[1, 2, 3, 4, 5, 6].map((i) => record(10 + i, 'Micro', 500, 500 * (4 + i / 3))),
      record(20, 'Macro', 6_000, null), // spend, but no revenue figure
      record(21, 'Nano', null, null), // nothing at all
    ];
    const model = rebalanceModel(rows, { tiers: TIERS });
    if (!model.proposal.ok) throw new Error(model.proposal.message);
    const macro = model.proposal.tiers[1]!;
    expect(macro.to).toBeCloseTo(6_000 / 21_000, 12);
    expect(model.reasons[1]).toEqual({ tier: 'Macro', kind: 'held', why: 'no-results', share: expect.closeTo(6_000 / 21_000, 10) });
    expect(model.reasons[4]).toEqual({ tier: 'Nano', kind: 'held', why: 'no-spend', share: 0 });
    expect(model.reasons[0]).toMatchObject({ tier: 'Mega', kind: 'held', why: 'no-spend' });
    expect(model.proposal.tiers.reduce((s, t) => s + t.budgetTo, 0)).toBeCloseTo(21_000, 6);
    expectFinite(model);
  });

  it('a budget below the sum of the minimums: no proposal, and the figures', () => {
    const tiers = [
      { tier: 'Mega', current: 10_000, curve: { kind: 'linear', roas: 1.8 } as const },
      { tier: 'Mid', current: 20_000, curve: { kind: 'linear', roas: 3.8 } as const },
    ];
    // One post each at the cheapest rate (¥10,000 Mega, ¥1,000 Mid) is ¥11,000: more than a ¥8,000 budget. (No
    // limit on the change, so these money floors are the only minimums.)
    const result = allocate(tiers, 8_000, { minShare: 0.03, maxChange: 1, minSpend: { Mega: 10_000, Mid: 1_000 } });
    expect(result).toEqual({ ok: false, code: 'floors-exceed-budget', floors: 11_000, message: 'the budget 8000 is below the tiers\' minimums, which add up to 11000' });
  });

  it('rejects a budget or bounds that make no sense, with the value', () => {
    const tiers = [{ tier: 'Mid', current: 1_000, curve: { kind: 'linear', roas: 3 } as const }];
    expect(allocate(tiers, Number.NaN)).toMatchObject({ ok: false, code: 'bad-budget' });
    expect(allocate(tiers, 1_000, { minShare: 1.5, maxChange: 0.05 })).toMatchObject({ ok: false, code: 'bad-bounds' });
    expect(allocate([{ tier: 'Mid', current: 0, curve: null }], 1_000)).toMatchObject({ ok: false, code: 'no-spend' });
  });

  it('a tier already below the 3% minimum is not cut further, and may grow', () => {
    const result = allocate(
      [
        { tier: 'Mega', current: 98_000, curve: { kind: 'linear', roas: 2 } },
        { tier: 'Nano', current: 2_000, curve: { kind: 'linear', roas: 1 } },
      ],
      100_000,
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.tiers.map((t) => [t.to, t.limitedBy])).toEqual([[0.98, null], [0.02, 'min-share']]);
  });
});

describe('on the sample roster (300 influencers, one period)', () => {
  const sample = sampleRoster({ quarters: 0 }); // one period: no Period column
  const columns = Object.fromEntries(Object.entries(mapHeaders(sample.headers)).map(([field, found]) => [field, found!.column]));
  const rows = sample.rows.map((r) => r.map((c) => (c && typeof c === 'object' ? c.date : c)));
  const { records, issues } = toPerformanceRecords(rows, columns, TIER_SCHEMES.matrix);
  const model = rebalanceModel(records, { tiers: TIERS });

  it('reads every row and proposes a mix with a higher expected ROAS that keeps the bounds and explains each move', () => {
    expect(records).toHaveLength(300);
    expect(issues).toEqual([]);
    expect(model.method).toBe('marginal-roas');
    if (!model.proposal.ok) throw new Error(model.proposal.message);
    const p = model.proposal;
    expect(p.after.roas!).toBeGreaterThan(p.before.roas!);
    // Expected ROAS at today's mix is the roster's own.
    expect(p.before.roas).toBeCloseTo(model.performance.total.roas!, 9);
    for (const t of p.tiers) {
      expect(t.to).toBeGreaterThanOrEqual(Math.max(t.from - 0.05, Math.min(0.03, t.from)) - 1e-9);
      expect(t.to).toBeLessThanOrEqual(t.from + 0.05 + 1e-9);
    }
    expect(p.tiers.reduce((s, t) => s + t.budgetTo, 0)).toBeCloseTo(model.calibration.spend, 4);
    expect(model.reasons).toHaveLength(5);
    for (const r of model.reasons) {
      if (r.kind === 'held') throw new Error(`${r.tier} held`);
      // Up when its next yuan earned more than the level the others settle at, down when less.
      if (r.kind === 'up') expect(r.marginalFrom!).toBeGreaterThan(r.lambda!);
      if (r.kind === 'down') expect(r.marginalFrom!).toBeLessThan(r.lambda!);
    }
    expectFinite(model);
  });

  it("the planner's forecast is calibrated on the roster's influencers and, at the team's mix, is the roster's ROAS by tier", () => {
    const calibration = calibrateRoster(records, { tiers: TIERS });
    const teamMix = Object.fromEntries(calibration.tiers.map((t) => [t.tier.toLowerCase(), t.spend / calibration.spend]));
    // At the team's own spend, so every tier buys its posts (a tier below one post forecasts nothing).
    const forecast = forecastPlan({ ...defaultSettings(calibration.spend), mix: teamMix as never }, calibration);
    const withResults = model.performance.tiers.reduce((n, t) => n + t.partnerships, 0);
    expect(forecast.basis).toEqual({ kind: 'calibrated', influencers: withResults });
    forecast.tiers.forEach((t, i) => {
      const own = model.performance.tiers[i]!.roas!;
      expect(Math.abs(t.roas! / own - 1)).toBeLessThan(0.1);
    });
  });

  it('without results, the forecast is the seed funnel and says so', () => {
    const noResults = records.map((r) => ({ ...r, revenue: null }));
    const calibration = calibrateRoster(noResults, { tiers: TIERS });
    const settings = defaultSettings(30_000, 'maturity');
    const forecast = forecastPlan(settings, calibration);
    expect(forecast.basis).toEqual({ kind: 'seed-funnel' });
    // Seed funnel for Mid: ¥15,000 buys 15,000 / 3,000 = 5 posts of 40,000 followers; reach 0.3, ER 7.5%, click 0.1,
    // convert 0.05, AOV ¥150: 5 x 40,000 x 0.3 x 0.075 x 0.1 x 0.05 x 150 = ¥3,375, ROAS 0.225.
    expect(forecast.tiers[2]).toEqual({ tier: 'mid', budget: 15_000, revenue: 3_375, roas: 0.225, teamRoas: null, basis: { kind: 'seed-funnel' } });
  });
});
