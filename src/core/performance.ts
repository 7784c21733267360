import { TARGET_ROAS } from './domain';
import { tidy } from './result';

/**
 * One roster row as the performance model reads it: plain values, already parsed (src/core/performance-records.ts
 * turns sheet cells into these). A number is null when the cell is blank or the roster has no such column.
 */
export interface PerformanceRecord {
  /** 1-based sheet row, so lists can point back at the roster. */
  row: number;
  name: string;
  platform: string | null;
  /** The tier by the saved scheme; null when the followers are missing or unreadable. */
  tier: string | null;
  followers: number | null;
  /** Money spent on the influencer in the period: the spend column, else the cost / quote column. */
  spend: number | null;
  /** The quote per post, when the roster has a cost column: what "one post's worth" of spend means. */
  costPerPost: number | null;
  revenue: number | null;
  impressions: number | null;
  engagements: number | null;
  conversions: number | null;
  status: string | null;
  /** The quarter key ("2026-Q3") from the roster's date or period column; null without one. */
  quarter: string | null;
}

/** Seed 000's tier performance table: CPM = cost / impressions x 1000, CPE, CPA, ROAS = revenue / cost. */
export interface TierPerformance {
  tier: string;
  /** Rows of the tier in the period. */
  influencers: number;
  /** Rows with spend: the partnerships the figures come from. */
  partnerships: number;
  spend: number;
  /** Null when no row of the tier has a revenue figure. */
  revenue: number | null;
  impressions: number | null;
  engagements: number | null;
  conversions: number | null;
  /**
   * Each ratio is taken over the rows that have both its figures (a row without impressions does not make the
   * CPM look cheaper); null when no row has them, never NaN or Infinity.
   */
  roas: number | null;
  cpm: number | null;
  cpe: number | null;
  cpa: number | null;
  targetRoas: number;
  /** ROAS against target: 'met' at or above it. */
  vsTarget: 'met' | 'below' | null;
}

export interface PerformanceSummary {
  tiers: TierPerformance[];
  /** All tiers together, including rows whose tier is unknown. */
  total: TierPerformance;
  /** Rows with no tier (followers missing): counted in the total, listed nowhere else. */
  untiered: number;
}

type Metric = 'revenue' | 'impressions' | 'engagements' | 'conversions';

class Sums {
  influencers = 0;
  partnerships = 0;
  spend = 0;
  readonly sum: Record<Metric, number | null> = { revenue: null, impressions: null, engagements: null, conversions: null };
  /** Spend of the rows that also have the metric: the denominator's match for each ratio. */
  readonly spendWith: Record<Metric, number> = { revenue: 0, impressions: 0, engagements: 0, conversions: 0 };

  add(r: PerformanceRecord): void {
    this.influencers++;
    const spend = r.spend !== null && r.spend > 0 ? r.spend : 0;
    if (spend > 0) this.partnerships++;
    this.spend += spend;
    for (const metric of ['revenue', 'impressions', 'engagements', 'conversions'] as const) {
      const value = r[metric];
      if (value === null) continue;
      this.sum[metric] = (this.sum[metric] ?? 0) + value;
      this.spendWith[metric] += spend;
    }
  }

  result(tier: string, targetRoas: number): TierPerformance {
    const ratio = (top: number, bottom: number, scale = 1): number | null => (bottom > 0 ? tidy((top / bottom) * scale) : null);
    const roas = ratio(this.sum.revenue ?? 0, this.spendWith.revenue);
    return {
      tier,
      influencers: this.influencers,
      partnerships: this.partnerships,
      spend: tidy(this.spend),
      revenue: this.sum.revenue === null ? null : tidy(this.sum.revenue),
      impressions: this.sum.impressions,
      engagements: this.sum.engagements,
      conversions: this.sum.conversions,
      roas,
      cpm: ratio(this.spendWith.impressions, this.sum.impressions ?? 0, 1000),
      cpe: ratio(this.spendWith.engagements, this.sum.engagements ?? 0),
      cpa: ratio(this.spendWith.conversions, this.sum.conversions ?? 0),
      targetRoas,
      vsTarget: roas === null ? null : roas >= targetRoas ? 'met' : 'below',
    };
  }
}

/** Tier performance of a set of rows (one period), in the order of `tiers` (the scheme's, largest first). */
export function tierPerformance(records: readonly PerformanceRecord[], tiers: readonly string[], targetRoas = TARGET_ROAS): PerformanceSummary {
  const byTier = new Map(tiers.map((t) => [t, new Sums()]));
  const total = new Sums();
  let untiered = 0;
  for (const r of records) {
    total.add(r);
    const sums = r.tier === null ? undefined : byTier.get(r.tier);
    if (sums) sums.add(r);
    else untiered++;
  }
  return {
    tiers: tiers.map((t) => byTier.get(t)!.result(t, targetRoas)),
    total: total.result('total', targetRoas),
    untiered,
  };
}

/** A row's own ROAS, or null when it has no spend or no revenue figure. */
export const roasOf = (r: PerformanceRecord): number | null =>
  r.spend !== null && r.spend > 0 && r.revenue !== null ? r.revenue / r.spend : null;
