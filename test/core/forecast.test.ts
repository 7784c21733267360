import { describe, expect, it } from 'vitest';
import { allocationPlan, defaultSettings } from '../../src/core/allocation';
import type { TierModel } from '../../src/core/calibration';
import { forecastPlan, roundMix, teamMix, withForecast, type TeamCalibration } from '../../src/core/forecast';

/**
 * The planner's forecast from the team's calibration (SPEC section 4), on hand-made models whose figures are worked
 * out here: a straight line returns its ROAS at any spend, a Hill curve b / (1 + (g / x)^a) less at more spend.
 */

const line = (roas: number, spend: number, influencers = 6): TierModel => ({
  kind: 'average-roas',
  curve: { kind: 'linear', roas },
  anchor: { spend, revenue: roas * spend },
  influencers,
  quarters: 1,
  why: 'few-influencers',
});

/** a = 1, g = the team's spend: at the team's spend x = g the curve returns b / 2, so b = 2 x ROAS x spend. */
const hill = (roas: number, spend: number, influencers: number): TierModel => ({
  kind: 'hill',
  curve: { kind: 'hill', a: 1, g: spend, b: 2 * roas * spend },
  anchor: { spend, revenue: roas * spend },
  influencers,
  quarters: 2,
  fitError: 0,
});

// The quarter: ¥100,000 spent, Mega 20%, Macro 20%, Mid 40%, Micro 20%, Nano nothing.
const TEAM: TeamCalibration = {
  spend: 100_000,
  tiers: [
    { tier: 'Mega', model: line(1.8, 20_000, 2) },
    { tier: 'Macro', model: hill(2.8, 20_000, 10) },
    { tier: 'Mid', model: hill(3.8, 40_000, 30) },
    { tier: 'Micro', model: hill(4.5, 20_000, 60) },
    { tier: 'Nano', model: { kind: 'none', why: 'no-spend' } },
  ],
};
const TEAM_MIX = { mega: 0.2, macro: 0.2, mid: 0.4, micro: 0.2, nano: 0 };

describe('forecastPlan', () => {
  it("is the team's ROAS by tier at the team's mix, and counts the influencers behind the planned tiers", () => {
    const f = forecastPlan({ ...defaultSettings(100_000), mix: TEAM_MIX }, TEAM);
    expect(f.tiers.map((t) => t.roas)).toEqual([1.8, 2.8, 3.8, 4.5, null]);
    expect(f.tiers.map((t) => t.teamRoas)).toEqual([1.8, 2.8, 3.8, 4.5, null]);
    expect(f.basis).toEqual({ kind: 'calibrated', influencers: 2 + 10 + 30 + 60 });
    // 20,000 x 1.8 + 20,000 x 2.8 + 40,000 x 3.8 + 20,000 x 4.5 = 334,000.
    expect(f.revenue).toBe(334_000);
  });

  it('reads a curve where the planned share puts the tier: half the team share returns more, double less', () => {
    // Macro at 10%: x = 10,000 = g / 2, revenue b / (1 + 2) = 112,000 / 3, ROAS 3.7333 (above 2.8).
    // Mid at 60%: x = 60,000 = 1.5 g, revenue b / (1 + 2/3) = 304,000 x 0.6 = 182,400, ROAS 3.04 (below 3.8).
    const f = forecastPlan({ ...defaultSettings(100_000), mix: { mega: 0.1, macro: 0.1, mid: 0.6, micro: 0.2, nano: 0 } }, TEAM);
    expect(f.tiers[1]!.roas).toBeCloseTo(112_000 / 3 / 10_000, 9);
    expect(f.tiers[2]!.roas).toBeCloseTo(3.04, 9);
    expect(f.tiers[0]!.roas).toBe(1.8); // a straight line: the same at any spend
  });

  it('forecasts nothing for a tier whose budget buys no post, as the seed funnel does', () => {
    // ¥30,000 at the team's mix: Mega's ¥6,000 is below its cheapest post (¥10,000), Macro's ¥6,000 buys one.
    const settings = { ...defaultSettings(30_000), mix: TEAM_MIX };
    const f = forecastPlan(settings, TEAM);
    expect(f.tiers[0]).toMatchObject({ tier: 'mega', budget: 6_000, revenue: 0, roas: 0 });
    expect(f.tiers[1]).toMatchObject({ tier: 'macro', budget: 6_000, revenue: 6_000 * 2.8, roas: 2.8 });
    expect(allocationPlan(settings).tiers[0]).toMatchObject({ revenue: 0, roas: 0, belowOnePost: true });
  });

  it('uses the seed funnel for a tier without results and says so when no planned tier has any', () => {
    const none: TeamCalibration = { spend: 0, tiers: TEAM.tiers.map((t) => ({ ...t, model: { kind: 'none', why: 'no-results' } as TierModel })) };
    const settings = defaultSettings(30_000, 'maturity');
    const f = forecastPlan(settings, none);
    expect(f.basis).toEqual({ kind: 'seed-funnel' });
    // Seed funnel for Mid (SPEC section 2): ¥15,000 buys 5 posts of 40,000 followers, ROAS 0.225.
    expect(f.tiers[2]).toMatchObject({ revenue: 3_375, roas: 0.225, basis: { kind: 'seed-funnel' } });
    // Nano has no results in TEAM: its 10% is the seed funnel's. Nano at ¥10,000 buys 80 posts of 500 followers,
    // reach 0.3, ER 25%, click 0.1, convert 0.05, AOV 150: 80 x 500 x 0.3 x 0.25 x 0.1 x 0.05 x 150 = ¥2,250.
    const withNano = forecastPlan({ ...defaultSettings(100_000), mix: { mega: 0.2, macro: 0.2, mid: 0.3, micro: 0.2, nano: 0.1 } }, TEAM);
    expect(withNano.tiers[4]).toMatchObject({ revenue: 2_250, roas: 0.225, teamRoas: null, basis: { kind: 'seed-funnel' } });
  });

  it('puts its revenue and ROAS into the allocation, keeping reach and posts', () => {
    const settings = { ...defaultSettings(100_000), mix: TEAM_MIX };
    const seed = allocationPlan(settings);
    const planned = withForecast(seed, forecastPlan(settings, TEAM));
    expect(planned.tiers.map((t) => t.roas)).toEqual([1.8, 2.8, 3.8, 4.5, null]);
    expect(planned.tiers.map((t) => t.reach)).toEqual(seed.tiers.map((t) => t.reach));
    expect(planned.totals).toMatchObject({ budget: 100_000, revenue: 334_000, roas: 3.34 });
  });
});

describe("the team's mix for the planner", () => {
  it('is each tier’s share of the quarter’s spend, in hundredths of a percent adding up to 100%', () => {
    const thirds = { spend: 30_000, tiers: ['Mega', 'Macro', 'Mid', 'Micro', 'Nano'].map((tier, i) => ({ tier, spend: i < 3 ? 10_000 : 0 })) };
    // 33.333...% three times: the largest remainders take the last hundredth, the first tier first on a tie.
    expect(teamMix(thirds)).toEqual({ mega: 0.3334, macro: 0.3333, mid: 0.3333, micro: 0, nano: 0 });
    expect(teamMix({ spend: 0, tiers: thirds.tiers })).toBeNull();
    // A team's own tier names are not the planner's five.
    expect(teamMix({ spend: 10, tiers: [{ tier: 'Star', spend: 10 }] })).toBeNull();
  });

  it('rounds any mix to hundredths of a percent that add up to exactly 100%', () => {
    const mix = roundMix({ mega: 0.11271, macro: 0.55857, mid: 0.24807, micro: 0.07535, nano: 0.0053 });
    expect(mix).toEqual({ mega: 0.1127, macro: 0.5586, mid: 0.2481, micro: 0.0753, nano: 0.0053 });
    expect(Object.values(mix).reduce((s, v) => s + Math.round(v * 10_000), 0)).toBe(10_000);
    expect(roundMix({ mega: 0, macro: 0, mid: 0, micro: 0, nano: 0 })).toEqual({ mega: 0, macro: 0, mid: 0, micro: 0, nano: 0 });
  });
});
