import {
  FUNNEL_DEFAULTS,
  GEO_MIX,
  PARTNERSHIP_MIX,
  STAGE_MIX,
  TARGET_ROAS,
  TIER_KEYS,
  TIER_PROFILE,
  type CurrencyCode,
  type Geography,
  type PartnershipType,
  type PerTier,
  type Range,
  type Stage,
  type TierKey,
} from './domain';
import { tidy } from './result';

/** Everything the allocation needs, defaults filled in. The Allocation tab writes these as its inputs block. */
export interface AllocationSettings {
  budget: number;
  currency: CurrencyCode;
  period: 'month' | 'quarter';
  stage: Stage | 'custom';
  mix: PerTier<number>;
  partnershipMix: Record<PartnershipType, number>;
  geoMix: Record<Geography, number>;
  costPerPost: PerTier<Range>;
  typicalFollowers: PerTier<number>;
  engagementRate: PerTier<number>;
  aov: number;
  targetRoas: number;
  reachRate: number;
  clickRate: number;
  conversionRate: number;
}

export interface TierAllocation {
  tier: TierKey;
  share: number;
  budget: number;
  /** Posts the budget buys at the dearest and at the cheapest rate of the tier's cost range. */
  postsMin: number;
  postsMax: number;
  reach: number;
  revenue: number;
  /** Predicted ROAS of the tier's spend, null when the tier gets nothing. */
  roas: number | null;
  /** The tier gets money but less than one post at its cheapest rate. */
  belowOnePost: boolean;
}

export interface Allocation {
  settings: AllocationSettings;
  tiers: TierAllocation[];
  partnership: Array<{ type: PartnershipType; share: number; budget: number }>;
  geography: Array<{ region: Geography; share: number; budget: number }>;
  mixTotal: number;
  totals: { budget: number; postsMin: number; postsMax: number; reach: number; revenue: number; roas: number | null };
}

export const MIX_TOLERANCE = 1e-6;


const midpoint = (r: Range): number => tidy((r.min + r.max) / 2);

/** Defaults for everything but the budget: the stage's mix and the seed's tables. */
export function defaultSettings(budget: number, stage: Stage = 'maturity', currency: CurrencyCode = 'CNY'): AllocationSettings {
  const perTier = <T>(pick: (key: TierKey) => T): PerTier<T> =>
    Object.fromEntries(TIER_KEYS.map((key) => [key, pick(key)])) as PerTier<T>;
  return {
    budget,
    currency,
    period: 'month',
    stage,
    mix: { ...STAGE_MIX[stage] },
    partnershipMix: { ...PARTNERSHIP_MIX },
    geoMix: { ...GEO_MIX },
    costPerPost: perTier((key) => ({ ...TIER_PROFILE[key].costPerPost })),
    typicalFollowers: perTier((key) => TIER_PROFILE[key].typicalFollowers),
    engagementRate: perTier((key) => midpoint(TIER_PROFILE[key].engagementRate)),
    aov: 150,
    targetRoas: TARGET_ROAS,
    ...FUNNEL_DEFAULTS,
  };
}

/**
 * The allocation plan: budget per tier, affordable posts, predicted reach, revenue and ROAS with the seed funnel
 * (a tier's spend buys budget / average cost posts from typical accounts of the tier; a tier that cannot buy one post
 * at its cheapest rate reaches no one and earns nothing), and the partnership-type and geography splits. The
 * Allocation tab computes the same figures with live formulas.
 */
export function allocationPlan(s: AllocationSettings): Allocation {
  const tiers = TIER_KEYS.map((tier): TierAllocation => {
    const share = s.mix[tier];
    const budget = tidy(s.budget * share);
    const cost = s.costPerPost[tier];
    // A tier whose budget does not reach its cheapest post buys nothing, so it reaches no one: the forecast must not
    // count a fraction of a post the team cannot buy.
    const buysAPost = budget > 0 && budget >= cost.min && midpoint(cost) > 0;
    const posts = buysAPost ? budget / midpoint(cost) : 0;
    const reach = posts * s.typicalFollowers[tier] * s.reachRate;
    const revenue = reach * s.engagementRate[tier] * s.clickRate * s.conversionRate * s.aov;
    return {
      tier,
      share,
      budget,
      postsMin: cost.max > 0 ? Math.floor(budget / cost.max + 1e-9) : 0,
      postsMax: cost.min > 0 ? Math.floor(budget / cost.min + 1e-9) : 0,
      reach: tidy(reach),
      revenue: tidy(revenue),
      roas: budget > 0 ? tidy(revenue / budget) : null,
      belowOnePost: budget > 0 && budget < cost.min,
    };
  });
  const sum = (pick: (t: TierAllocation) => number): number => tidy(tiers.reduce((acc, t) => acc + pick(t), 0));
  const totalBudget = sum((t) => t.budget);
  const totalRevenue = sum((t) => t.revenue);
  return {
    settings: s,
    tiers,
    partnership: (Object.keys(s.partnershipMix) as PartnershipType[]).map((type) => ({
      type,
      share: s.partnershipMix[type],
      budget: tidy(s.budget * s.partnershipMix[type]),
    })),
    geography: (Object.keys(s.geoMix) as Geography[]).map((region) => ({
      region,
      share: s.geoMix[region],
      budget: tidy(s.budget * s.geoMix[region]),
    })),
    mixTotal: tidy(TIER_KEYS.reduce((acc, key) => acc + s.mix[key], 0)),
    totals: {
      budget: totalBudget,
      postsMin: sum((t) => t.postsMin),
      postsMax: sum((t) => t.postsMax),
      reach: sum((t) => t.reach),
      revenue: totalRevenue,
      roas: totalBudget > 0 ? tidy(totalRevenue / totalBudget) : null,
    },
  };
}
