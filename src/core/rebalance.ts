import { allocate, type Bounds, type LimitedBy, type Proposal } from './allocator';
import { averageRoasCurves, calibrateTier, type QuarterResults, type TierModel } from './calibration';
import { REBALANCE_BOUNDS, TARGET_ROAS } from './domain';
import type { TeamCalibration } from './forecast';
import { tierPerformance, type PerformanceRecord, type PerformanceSummary } from './performance';
import { nextQuarter, parseQuarter } from './quarter';
import { defaultPostCost, renewalDecisions, type TierDecisions } from './renewal';
import { tidy } from './result';

/**
 * The quarterly rebalance as data: tier performance, each tier's response model, the proposed next-quarter mix with
 * a reason per tier, and the renew / review / end lists. The Rebalance tab renders it; the planner reads the same
 * calibration (`calibrateRoster`).
 */

/** A quarter's totals for one tier: what each build records, so later builds calibrate on several quarters. */
export interface TierQuarterTotals {
  quarter: string;
  tier: string;
  spend: number;
  revenue: number | null;
  influencers: number;
}

export interface CalibrationOptions {
  /** The scheme's tier names, largest first. */
  tiers: readonly string[];
  /** The quarter to review ("2026-Q3"); default: the latest the rows carry. */
  quarter?: string | null;
  /** Totals recorded by earlier builds; quarters the roster itself holds take precedence. */
  history?: readonly TierQuarterTotals[];
}

export interface RosterCalibration extends TeamCalibration {
  quarter: string | null;
  /** The reviewed quarter's rows. */
  current: PerformanceRecord[];
  /** Earlier quarters the curves also read, oldest first. */
  pastQuarters: string[];
  /** Rows without a quarter in a roster whose other rows have one: left out, and said so. */
  undated: number;
  tiers: Array<{ tier: string; spend: number; model: TierModel }>;
}

export function calibrateRoster(records: readonly PerformanceRecord[], options: CalibrationOptions): RosterCalibration {
  const dated = records.some((r) => r.quarter !== null);
  const given = options.quarter ? parseQuarter(options.quarter) : null;
  if (given && !given.ok) throw new RangeError(`the quarter ${given.reason}`);
  const quarter = given?.ok && given.value ? given.value.key : dated ? latest(records) : null;
  const current = dated ? records.filter((r) => r.quarter === quarter) : [...records];
  const rosterPast = dated && quarter ? [...new Set(records.flatMap((r) => (r.quarter !== null && r.quarter < quarter ? [r.quarter] : [])))] : [];
  const recorded = (options.history ?? []).filter((h) => quarter !== null && h.quarter < quarter && !rosterPast.includes(h.quarter));
  const pastQuarters = [...new Set([...rosterPast, ...recorded.map((h) => h.quarter)])].sort();

  const results = (rows: readonly PerformanceRecord[], tier: string): QuarterResults['creators'] =>
    rows.filter((r) => r.tier === tier && r.spend !== null && r.spend > 0 && r.revenue !== null).map((r) => ({ spend: r.spend!, revenue: r.revenue! }));
  const tiers = options.tiers.map((tier) => {
    const spend = current.reduce((s, r) => s + (r.tier === tier && r.spend !== null && r.spend > 0 ? r.spend : 0), 0);
    const history: QuarterResults[] = [
      ...rosterPast.map((q) => ({ quarter: q, creators: results(records.filter((r) => r.quarter === q), tier) })),
      ...recorded.filter((h) => h.tier === tier && h.revenue !== null).map((h) => ({ quarter: h.quarter, totals: { spend: h.spend, revenue: h.revenue! } })),
    ];
    return { tier, spend, model: calibrateTier({ quarter, creators: results(current, tier) }, history, spend) };
  });
  const models = averageRoasCurves(tiers.map((t) => t.model));
  return {
    quarter,
    current,
    pastQuarters,
    undated: dated ? records.filter((r) => r.quarter === null).length : 0,
    spend: tidy(tiers.reduce((s, t) => s + t.spend, 0)),
    tiers: tiers.map((t, i) => ({ ...t, model: models[i]! })),
  };
}

const latest = (records: readonly PerformanceRecord[]): string | null =>
  records.reduce<string | null>((m, r) => (r.quarter !== null && (m === null || r.quarter > m) ? r.quarter : m), null);

/**
 * Why a tier moved, as a key and its figures, for the tab to phrase in English or Chinese. E.g. up, limited by
 * max-change: "Micro 30% → 35%: its next ¥1 returns ¥4.10, above the ¥3.20 the other tiers settle at; 5 points is
 * the most a quarter moves".
 */
export type MoveReason =
  | { tier: string; kind: 'held'; why: 'no-spend' | 'no-results'; share: number }
  | {
      tier: string;
      kind: 'up' | 'down' | 'kept';
      model: 'hill' | 'average-roas';
      from: number;
      to: number;
      /** The tier's ROAS in the quarter, and its target. */
      roas: number;
      targetRoas: number;
      marginalFrom: number | null;
      marginalTo: number | null;
      /** The marginal ROAS the free tiers were equalised at; null when every tier sits at a bound. */
      lambda: number | null;
      limitedBy: LimitedBy;
    };

export interface RebalanceOptions extends CalibrationOptions {
  /** Next quarter's total; default: the reviewed quarter's spend (the same total). */
  budget?: number;
  bounds?: Bounds;
  targetRoas?: number;
  /** One post's worth of a tier; default: the tier's cheapest post in seed 000's table (the planner's cost ranges fit). */
  postCost?: (tier: string) => number | null;
}

export type RebalanceProposal = Proposal | { ok: false; code: 'no-results'; message: string };

export interface RebalanceModel {
  quarter: string | null;
  /** The quarter the proposal is for; null when the reviewed quarter is unknown. */
  nextQuarter: string | null;
  calibration: RosterCalibration;
  performance: PerformanceSummary;
  proposal: RebalanceProposal;
  reasons: MoveReason[];
  /** 'marginal-roas' when at least one tier has a calibrated curve, else the seed's 'average-roas' rule. */
  method: 'marginal-roas' | 'average-roas' | null;
  decisions: TierDecisions[];
  /** This quarter's tier totals, to record for later builds; null when the quarter is unknown. */
  record: TierQuarterTotals[] | null;
}

/** Shares closer than this are "kept": half a tenth of a point, below what the tab shows. */
const KEPT = 0.0005;

export function rebalanceModel(records: readonly PerformanceRecord[], options: RebalanceOptions): RebalanceModel {
  const targetRoas = options.targetRoas ?? TARGET_ROAS;
  const calibration = calibrateRoster(records, options);
  const performance = tierPerformance(calibration.current, options.tiers, targetRoas);
  const decisions = renewalDecisions(calibration.current, options.tiers, options.postCost ?? defaultPostCost);
  const modelled = calibration.tiers.filter((t) => t.model.kind !== 'none');
  const proposal: RebalanceProposal =
    modelled.length === 0
      ? { ok: false, code: 'no-results', message: 'no tier has both spend and revenue in the quarter: ROAS cannot be computed, so no mix is proposed' }
      : allocate(
          calibration.tiers.map((t) => ({ tier: t.tier, current: t.spend, curve: t.model.kind === 'none' ? null : t.model.curve })),
          options.budget ?? calibration.spend,
          options.bounds ?? REBALANCE_BOUNDS,
        );
  const quarter = calibration.quarter ? parseQuarter(calibration.quarter) : null;
  return {
    quarter: calibration.quarter,
    nextQuarter: quarter?.ok && quarter.value ? nextQuarter(quarter.value).key : null,
    calibration,
    performance,
    proposal,
    reasons: proposal.ok ? reasonsOf(proposal, calibration, performance) : [],
    method: modelled.length === 0 ? null : modelled.some((t) => t.model.kind === 'hill') ? 'marginal-roas' : 'average-roas',
    decisions,
    record:
      calibration.quarter === null
        ? null
        : performance.tiers.map((t) => ({ quarter: calibration.quarter!, tier: t.tier, spend: t.spend, revenue: t.revenue, influencers: t.partnerships })),
  };
}

function reasonsOf(proposal: Extract<Proposal, { ok: true }>, calibration: RosterCalibration, performance: PerformanceSummary): MoveReason[] {
  return proposal.tiers.map((p, i): MoveReason => {
    const model = calibration.tiers[i]!.model;
    const perf = performance.tiers[i]!;
    if (model.kind === 'none') return { tier: p.tier, kind: 'held', why: model.why, share: p.from };
    return {
      tier: p.tier,
      kind: Math.abs(p.to - p.from) < KEPT ? 'kept' : p.to > p.from ? 'up' : 'down',
      model: model.kind,
      from: p.from,
      to: p.to,
      roas: perf.roas ?? 0,
      targetRoas: perf.targetRoas,
      marginalFrom: p.marginalFrom,
      marginalTo: p.marginalTo,
      lambda: proposal.lambda,
      limitedBy: p.limitedBy,
    };
  });
}
