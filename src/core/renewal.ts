import { RENEWAL_SHARES, TIER_KEYS, TIER_PROFILE, type TierKey } from './domain';
import { roasOf, type PerformanceRecord } from './performance';
import { tidy } from './result';

/**
 * Partnership decisions after a quarter (seed 000, step 3): within each tier, ranked by ROAS, renew the top 50%, end
 * the bottom 25%, review the rest. An influencer without enough data to judge (no spend, less than one post's worth,
 * or no revenue figure) is listed apart and never ended.
 *
 * One post's worth is the tier's cheapest post (the cost table the planner uses), or the row's own quote for a
 * team's own tier: a post bought at a discount to the quote still counts as a post.
 *
 * Both counts round down: a decision needs others to compare with. A tier of one is reviewed, not renewed on its
 * own say-so; a tier of three renews one and ends nobody (a quarter of three is less than one person).
 */
export type Decision = 'renew' | 'review' | 'end';
export type NotEnoughData = 'no-spend' | 'below-one-post' | 'no-revenue';

export interface RankedInfluencer {
  row: number;
  name: string;
  status: string | null;
  spend: number;
  revenue: number;
  roas: number;
  /** 1 = best ROAS of the tier. */
  rank: number;
  decision: Decision;
}

export interface UnjudgedInfluencer {
  row: number;
  name: string;
  status: string | null;
  spend: number | null;
  why: NotEnoughData;
}

export interface TierDecisions {
  tier: string;
  /** Ranked influencers, best first; each carries its decision. */
  ranked: RankedInfluencer[];
  notEnoughData: UnjudgedInfluencer[];
  counts: Record<Decision | 'notEnoughData', number>;
}

/** The cheapest post of a tier in seed 000's cost table; null for a team's own tier name. */
export function defaultPostCost(tier: string): number | null {
  const key = tier.toLowerCase();
  return (TIER_KEYS as readonly string[]).includes(key) ? TIER_PROFILE[key as TierKey].costPerPost.min : null;
}

function unjudged(r: PerformanceRecord, postCost: (tier: string) => number | null): NotEnoughData | null {
  if (r.spend === null || r.spend <= 0) return 'no-spend';
  const onePost = postCost(r.tier ?? '') ?? r.costPerPost;
  if (onePost !== null && r.spend < onePost) return 'below-one-post';
  if (r.revenue === null) return 'no-revenue';
  return null;
}

/** Decisions per tier for one quarter's rows, tiers in the scheme's order. Rows with no tier are left out. */
export function renewalDecisions(records: readonly PerformanceRecord[], tiers: readonly string[], postCost: (tier: string) => number | null = defaultPostCost): TierDecisions[] {
  return tiers.map((tier) => {
    const rows = records.filter((r) => r.tier === tier);
    const notEnoughData: UnjudgedInfluencer[] = [];
    const judged: PerformanceRecord[] = [];
    for (const r of rows) {
      const why = unjudged(r, postCost);
      if (why) notEnoughData.push({ row: r.row, name: r.name, status: r.status, spend: r.spend, why });
      else judged.push(r);
    }
    // Best first; equal ROAS: more revenue first, then less spend (of two zero-revenue rows, the dearer ranks lower).
    judged.sort((p, q) => roasOf(q)! - roasOf(p)! || q.revenue! - p.revenue! || p.spend! - q.spend! || p.row - q.row);
    const n = judged.length;
    const renew = Math.floor(n * RENEWAL_SHARES.renew + 1e-9);
    const end = Math.floor(n * RENEWAL_SHARES.end + 1e-9);
    const ranked = judged.map((r, i): RankedInfluencer => ({
      row: r.row,
      name: r.name,
      status: r.status,
      spend: r.spend!,
      revenue: r.revenue!,
      roas: tidy(roasOf(r)!),
      rank: i + 1,
      decision: i < renew ? 'renew' : i >= n - end ? 'end' : 'review',
    }));
    const count = (d: Decision): number => ranked.filter((r) => r.decision === d).length;
    return { tier, ranked, notEnoughData, counts: { renew: count('renew'), review: count('review'), end: count('end'), notEnoughData: notEnoughData.length } };
  });
}
