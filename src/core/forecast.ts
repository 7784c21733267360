import { allocationPlan, type Allocation, type AllocationSettings } from './allocation';
import type { TierModel } from './calibration';
import { TIER_KEYS, type PerTier, type TierKey } from './domain';
import { curveRevenue, type ResponseCurve } from './response-curve';
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
 *
 * Posts. As in the seed funnel (allocation.ts), a tier whose budget does not reach its cheapest post buys nothing
 * and so earns nothing, whatever its curve says.
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

/** A tier's model as the planner reads it: the scheme's tier names matched to the planner's tiers by name. */
export type PlannerModel = Exclude<TierModel, { kind: 'none' }>;

/** The calibrated model of each planner tier, or null where the tier has none (its forecast is the seed funnel). */
export function plannerModels(calibration: TeamCalibration): PerTier<PlannerModel | null> {
  const byKey = new Map(calibration.tiers.map((c) => [c.tier.toLowerCase(), c.model]));
  return Object.fromEntries(
    TIER_KEYS.map((tier) => {
      const model = byKey.get(tier);
      return [tier, model && model.kind !== 'none' && calibration.spend > 0 ? model : null];
    }),
  ) as PerTier<PlannerModel | null>;
}

/** The curve's average ROAS where a share of the team's spend puts the tier; null at no spend. */
export function curveRoasAt(curve: ResponseCurve, teamSpend: number, share: number): number | null {
  const x = teamSpend * share;
  return x > 0 ? curveRevenue(curve, x) / x : null;
}

export function forecastPlan(settings: AllocationSettings, calibration: TeamCalibration): Forecast {
  const models = plannerModels(calibration);
  const seed = allocationPlan(settings);
  let influencers = 0;
  const tiers = seed.tiers.map((planned): TierForecast => {
    const { tier, budget } = planned;
    const model = models[tier];
    if (!model) return { tier, budget, revenue: planned.revenue, roas: planned.roas, teamRoas: null, basis: { kind: 'seed-funnel' } };
    const cost = settings.costPerPost[tier];
    const buysAPost = budget > 0 && budget >= cost.min && cost.min + cost.max > 0;
    const curveRoas = curveRoasAt(model.curve, calibration.spend, settings.mix[tier]);
    const revenue = buysAPost && curveRoas !== null ? tidy(budget * curveRoas) : 0;
    if (budget > 0) influencers += model.influencers;
    const basis: ForecastBasis =
      model.kind === 'hill' ? { kind: 'calibrated', influencers: model.influencers, quarters: model.quarters } : { kind: 'average-roas', influencers: model.influencers };
    const teamRoas = model.anchor.spend > 0 ? tidy(model.anchor.revenue / model.anchor.spend) : null;
    return { tier, budget, revenue, roas: budget > 0 ? tidy(revenue / budget) : null, teamRoas, basis };
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

/** The allocation with the forecast's revenue and ROAS in place of the seed funnel's; reach and posts stay. */
export function withForecast(allocation: Allocation, forecast: Forecast): Allocation {
  const tiers = allocation.tiers.map((t, i) => ({ ...t, revenue: forecast.tiers[i]!.revenue, roas: forecast.tiers[i]!.roas }));
  const revenue = tidy(tiers.reduce((s, t) => s + t.revenue, 0));
  const budget = allocation.totals.budget;
  return { ...allocation, tiers, totals: { ...allocation.totals, revenue, roas: budget > 0 ? tidy(revenue / budget) : null } };
}

/**
 * The team's mix in the reviewed quarter as planner shares (each tier's spend over the quarter's), in hundredths of
 * a percent that add up to 100% (roundMix), or null when the quarter has no spend or the scheme's tiers are not the
 * planner's five (a team's own tier names).
 */
export function teamMix(calibration: { spend: number; tiers: ReadonlyArray<{ tier: string; spend: number }> }): PerTier<number> | null {
  if (!(calibration.spend > 0)) return null;
  const byKey = new Map(calibration.tiers.map((t) => [t.tier.toLowerCase(), t.spend]));
  if (calibration.tiers.length !== TIER_KEYS.length || TIER_KEYS.some((k) => !byKey.has(k))) return null;
  return roundMix(Object.fromEntries(TIER_KEYS.map((k) => [k, byKey.get(k)! / calibration.spend])) as PerTier<number>);
}

/** Hundredths of a percent in a whole mix. */
const MIX_UNITS = 10_000;

/**
 * Shares rounded to hundredths of a percent (0.01%) that still add up to exactly 100% (largest remainder), so a mix
 * handed to the planner reads as typed and passes its 100% check. Shares that do not add up to 100% are scaled to it
 * first; all zero stays all zero.
 */
export function roundMix(shares: PerTier<number>): PerTier<number> {
  const total = TIER_KEYS.reduce((s, k) => s + Math.max(0, shares[k]), 0);
  if (!(total > 0)) return Object.fromEntries(TIER_KEYS.map((k) => [k, 0])) as PerTier<number>;
  const exact = TIER_KEYS.map((k) => (Math.max(0, shares[k]) / total) * MIX_UNITS);
  const whole = exact.map(Math.floor);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let left = MIX_UNITS - whole.reduce((a, b) => a + b, 0), j = 0; left > 0; left--, j++) whole[order[j]!.i]!++;
  return Object.fromEntries(TIER_KEYS.map((k, i) => [k, whole[i]! / MIX_UNITS])) as PerTier<number>;
}
