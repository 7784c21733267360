import { allocationPlan, type AllocationSettings } from './allocation';
import type { TierModel } from './calibration';
import { TIER_KEYS, type PerTier, type TierKey } from './domain';
import { curveRevenue } from './response-curve';
import { tidy } from './result';

/**
 * The planner's forecast from the same calibration as the rebalance (SPEC section 4): a tier with results is
 * predicted from its response curve, a tier without them from the seed's funnel, and the forecast says which.
 *
 * Scale. A roster's spend column covers a period the add-on cannot know (a quarter, a campaign, the whole
 * relationship), so the planner's budget is not put on the curve in yuan. The curve is read at the team's own
 * scale instead: a tier planned at share s sits where s of the reviewed quarter's total spend puts it, its ROAS is
 * the curve's average ROAS there, and the plan's budget for the tier earns that ROAS. At the roster's own mix the
 * forecast is the roster's ROAS by tier, exactly; a plan that gives a tier more than the team did gets less from
 * each extra yuan, as the curve says.
 */
export type ForecastBasis =
  | { kind: 'calibrated'; influencers: number; quarters: number }
  | { kind: 'average-roas'; influencers: number }
  | { kind: 'seed-funnel' };

export interface TierForecast {
  tier: TierKey;
  budget: number;
  revenue: number;
  roas: number | null;
  /** The tier's ROAS in the reviewed quarter, to show beside the forecast; null without results. */
  teamRoas: number | null;
  basis: ForecastBasis;
}

export interface Forecast {
  tiers: TierForecast[];
  revenue: number;
  roas: number | null;
  /** 'calibrated' as soon as one planned tier reads the team's data; N counts the influencers behind those tiers. */
  basis: { kind: 'calibrated'; influencers: number } | { kind: 'seed-funnel' };
}

/** The team's calibration (src/core/rebalance.ts, calibrateRoster): each tier's model and the quarter's total spend. */
export interface TeamCalibration {
  spend: number;
  tiers: ReadonlyArray<{ tier: string; model: TierModel }>;
}

export function forecastPlan(settings: AllocationSettings, calibration: TeamCalibration): Forecast {
  const byKey = new Map(calibration.tiers.map((c) => [c.tier.toLowerCase(), c.model]));
  const teamSpend = calibration.spend;
  const seed = seedRoas(settings);
  let influencers = 0;
  const tiers = TIER_KEYS.map((tier): TierForecast => {
    const budget = tidy(settings.budget * settings.mix[tier]);
    const model = byKey.get(tier);
    if (model && model.kind !== 'none' && teamSpend > 0) {
      const x = teamSpend * settings.mix[tier];
      const roas = x > 0 ? curveRevenue(model.curve, x) / x : null;
      if (budget > 0) influencers += model.influencers;
      const basis: ForecastBasis =
        model.kind === 'hill' ? { kind: 'calibrated', influencers: model.influencers, quarters: model.quarters } : { kind: 'average-roas', influencers: model.influencers };
      const teamRoas = model.anchor.spend > 0 ? tidy(model.anchor.revenue / model.anchor.spend) : null;
      return { tier, budget, revenue: tidy(budget * (roas ?? 0)), roas: roas === null ? null : tidy(roas), teamRoas, basis };
    }
    const roas = seed[tier];
    return { tier, budget, revenue: tidy(budget * (roas ?? 0)), roas: budget > 0 ? roas : null, teamRoas: null, basis: { kind: 'seed-funnel' } };
  });
  const revenue = tidy(tiers.reduce((s, t) => s + t.revenue, 0));
  const budget = tiers.reduce((s, t) => s + t.budget, 0);
  return {
    tiers,
    revenue,
    roas: budget > 0 ? tidy(revenue / budget) : null,
    basis: influencers > 0 ? { kind: 'calibrated', influencers } : { kind: 'seed-funnel' },
  };
}

/** The seed funnel's ROAS per tier under the plan's settings: linear in budget, so read once at any budget. */
function seedRoas(settings: AllocationSettings): PerTier<number | null> {
  const even = Object.fromEntries(TIER_KEYS.map((k) => [k, 1 / TIER_KEYS.length])) as PerTier<number>;
  const plan = allocationPlan({ ...settings, budget: 1_000_000, mix: even });
  return Object.fromEntries(plan.tiers.map((t) => [t.tier, t.roas])) as PerTier<number | null>;
}
