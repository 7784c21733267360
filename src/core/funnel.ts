import { FUNNEL_DEFAULTS } from './domain';
import { tidy } from './result';

/** The seed's ROI funnel for one influencer post. Rates default to the seed's 30% reach, 10% click, 5% convert. */
export interface FunnelInput {
  followers: number;
  engagementRate: number;
  cost: number;
  aov: number;
  reachRate?: number;
  clickRate?: number;
  conversionRate?: number;
}

export interface Funnel {
  reach: number;
  engagement: number;
  clicks: number;
  conversions: number;
  revenue: number;
  roas: number;
}

// Rounded so 50,000 x 0.3 x 0.08 x 0.1 x 0.05 x 150 / 2,000 is exactly 0.45.

export function predictFunnel(input: FunnelInput): Funnel {
  const reachRate = input.reachRate ?? FUNNEL_DEFAULTS.reachRate;
  const clickRate = input.clickRate ?? FUNNEL_DEFAULTS.clickRate;
  const conversionRate = input.conversionRate ?? FUNNEL_DEFAULTS.conversionRate;
  const reach = input.followers * reachRate;
  const engagement = reach * input.engagementRate;
  const clicks = engagement * clickRate;
  const conversions = clicks * conversionRate;
  const revenue = conversions * input.aov;
  return {
    reach: tidy(reach),
    engagement: tidy(engagement),
    clicks: tidy(clicks),
    conversions: tidy(conversions),
    revenue: tidy(revenue),
    roas: tidy(revenue / input.cost),
  };
}
