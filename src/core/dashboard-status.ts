/**
 * What the Dashboard tab judges: the KPI tiles with their red / yellow / green colour, plan against actual by tier,
 * the pipeline rates against the seed's targets, and each tier's ROAS against the target. The plan writes the same
 * judgements as live formulas over the tab's own cells (dashboard-sheet.ts); these are the core's.
 */
import { TIER_KEYS, type TierKey } from './domain';
import { figureColour, type Dashboard } from './dashboard';
import type { BandColour, BandKey } from './dashboard-settings';

export const TILE_IDS = ['activeInfluencers', 'spend', 'revenue', 'roas', 'cpa', 'contractsExpiring', 'paymentsOverdue', 'followUpsDue'] as const;
export type TileId = (typeof TILE_IDS)[number];

/** The figure a tile shows and the band that colours it; spend and revenue are judged against the plan. */
export const TILES: Record<TileId, { figure: string; band: BandKey; againstPlan?: true }> = {
  activeInfluencers: { figure: 'active', band: 'activeInfluencers' },
  spend: { figure: 'spend', band: 'spendOfPlan', againstPlan: true },
  revenue: { figure: 'revenue', band: 'revenueOfPlan', againstPlan: true },
  roas: { figure: 'roas', band: 'roas' },
  cpa: { figure: 'cpa', band: 'cpa' },
  contractsExpiring: { figure: 'contractsExpiring', band: 'contractsExpiring' },
  paymentsOverdue: { figure: 'paymentsOverdue', band: 'paymentsOverdue' },
  followUpsDue: { figure: 'followUpsDue', band: 'followUpsDue' },
};

export const FUNNEL_RATES = ['outreachToResponse', 'responseToPartnership', 'partnershipToRepeat', 'churn'] as const;
export type FunnelRate = (typeof FUNNEL_RATES)[number];

export interface Judged {
  value: number | null;
  /** The number the band judges: the value, or its share of the plan. */
  judged: number | null;
  colour: BandColour | null;
}

export interface PlanComparison {
  /** Planned budget per tier of the roster's scheme (null: a tier the Allocation tab has no row for). */
  tiers: Array<{ budget: number | null; spendOfPlan: number | null }>;
  total: { budget: number; spendOfPlan: number | null; revenue: number; revenueOfPlan: number | null };
}

const share = (value: number | null, of: number | null): number | null => (value === null || of === null || of === 0 ? null : value / of);

export function planComparison(d: Dashboard): PlanComparison | null {
  const plan = d.plan;
  if (!plan) return null;
  const value = (id: string): number | null => d.figures[id]?.value ?? null;
  const sum = (per: Record<TierKey, number>): number => TIER_KEYS.reduce((s, k) => s + per[k], 0);
  const budget = sum(plan.budget);
  const revenue = sum(plan.revenue);
  return {
    tiers: d.tiers.map((tier, i) => {
      const planned = tier.key ? plan.budget[tier.key] : null;
      return { budget: planned, spendOfPlan: share(value(`spend@${i}`), planned) };
    }),
    total: { budget, spendOfPlan: share(value('spend'), budget), revenue, revenueOfPlan: share(value('revenue'), revenue) },
  };
}

export function tileStatus(d: Dashboard): Record<TileId, Judged> {
  const plan = planComparison(d);
  const out = {} as Record<TileId, Judged>;
  for (const id of TILE_IDS) {
    const tile = TILES[id];
    const value = d.figures[tile.figure]?.value ?? null;
    const judged = !tile.againstPlan ? value : id === 'spend' ? plan?.total.spendOfPlan ?? null : plan?.total.revenueOfPlan ?? null;
    out[id] = { value, judged, colour: figureColour(judged, tile.band, d.settings) };
  }
  return out;
}

export function funnelStatus(d: Dashboard): Record<FunnelRate, Judged> {
  const out = {} as Record<FunnelRate, Judged>;
  for (const id of FUNNEL_RATES) {
    const value = d.figures[id]?.value ?? null;
    out[id] = { value, judged: value, colour: figureColour(value, id, d.settings) };
  }
  return out;
}

/** Each tier's ROAS against the target (the ROAS band), then the whole roster's. */
export function tierRoasStatus(d: Dashboard): Judged[] {
  return [...d.tiers.map((_, i) => `roas@${i}`), 'roas'].map((id) => {
    const value = d.figures[id]?.value ?? null;
    return { value, judged: value, colour: figureColour(value, 'roas', d.settings) };
  });
}

/** What the sidebar shows after a refresh: JSON-safe, in the tab's own judgements. */
export interface DashboardSummary {
  tiles: Record<TileId, Judged>;
  funnel: Record<FunnelRate, Judged>;
  /** Columns whose text made some figures values as of the refresh, with the rows to retype. */
  textCells: Dashboard['textCells'];
  /** Figures written as values rather than live formulas. */
  asOf: string[];
  rowsRead: number;
  refreshed: string;
  againstPlan: boolean;
}

export function dashboardSummary(d: Dashboard): DashboardSummary {
  return {
    tiles: tileStatus(d),
    funnel: funnelStatus(d),
    textCells: d.textCells,
    asOf: Object.values(d.figures).filter((f) => f.asOf.length > 0).map((f) => f.id),
    rowsRead: d.rowsRead,
    refreshed: d.refreshed.text,
    againstPlan: d.plan !== null,
  };
}
