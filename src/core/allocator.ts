import { REBALANCE_BOUNDS } from './domain';
import { curveRevenue, marginalRoas, spendAtMarginal, type ResponseCurve } from './response-curve';
import { tidy } from './result';

/**
 * The next quarter's mix: the shares that maximise expected revenue for a total budget, within the bounds.
 *
 * For concave curves the best mix equalises marginal ROAS: every tier not held at a bound earns the same on its next
 * yuan (lambda), a tier at its upper bound earns more, one at its lower bound less. Expected revenue minus
 * lambda x spend splits by tier, so for a given lambda each tier's spend is found alone (the spend where its marginal
 * ROAS falls to lambda, clamped to its bounds), and lambda is found by bisection until the spends add up to the
 * budget ("water-filling"). Linear curves (the seed's average-ROAS rule) fit the same scheme: a tier whose ROAS is
 * above lambda takes its upper bound, below it its lower bound.
 */
export interface AllocatorTier {
  tier: string;
  /** What the tier got in the reviewed quarter (its share of the current mix comes from these). */
  current: number;
  /** Null: no model (no spend, or no results), the tier keeps its share. */
  curve: ResponseCurve | null;
}

export interface Bounds {
  /** A tier that had spend keeps at least this share (a tier already below it is not cut). */
  minShare: number;
  /** No tier's share moves more than this many points (as a fraction: 0.05 = 5 points) in a quarter. */
  maxChange: number;
  /** Optional money floors per tier (e.g. one post at the tier's cheapest rate); these hold whatever the mix was. */
  minSpend?: Readonly<Record<string, number>>;
}

export type LimitedBy = 'max-change' | 'min-share' | 'min-spend' | null;

export interface TierProposal {
  tier: string;
  modelled: boolean;
  from: number;
  to: number;
  budgetFrom: number;
  budgetTo: number;
  /** The share's bounds this quarter. */
  lo: number;
  hi: number;
  /** The bound the proposal stopped at, if any. */
  limitedBy: LimitedBy;
  /** Expected revenue and the next yuan's return, at the current mix and at the proposal (null when not modelled). */
  revenueFrom: number | null;
  revenueTo: number | null;
  marginalFrom: number | null;
  marginalTo: number | null;
}

export type Proposal =
  | {
      ok: true;
      budget: number;
      tiers: TierProposal[];
      /** The marginal ROAS the free tiers were equalised at (null when every tier sits at a bound). */
      lambda: number | null;
      /** Expected revenue and ROAS of the modelled tiers, at the current mix and at the proposal. */
      before: { revenue: number; roas: number | null };
      after: { revenue: number; roas: number | null };
    }
  | { ok: false; code: 'bad-budget' | 'bad-bounds' | 'no-spend' | 'floors-exceed-budget'; message: string; floors?: number };

const EPS = 1e-9;

export function allocate(tiers: readonly AllocatorTier[], budget: number, bounds: Bounds = REBALANCE_BOUNDS): Proposal {
  if (!(Number.isFinite(budget) && budget > 0)) return { ok: false, code: 'bad-budget', message: `the budget must be a positive amount, got ${budget}` };
  const { minShare, maxChange } = bounds;
  if (!(minShare >= 0 && minShare < 1 && maxChange > 0 && maxChange <= 1)) {
    return { ok: false, code: 'bad-bounds', message: `the minimum share must be 0% to 99% and the maximum change above 0 and up to 100 points, got ${minShare} and ${maxChange}` };
  }
  const spent = tiers.reduce((s, t) => s + Math.max(0, t.current), 0);
  if (!(spent > 0)) return { ok: false, code: 'no-spend', message: 'no tier had any spend in the quarter: there is no mix to start from' };

  const box = tiers.map((t) => shareBox(t, t.current > 0 ? t.current / spent : 0, budget, bounds));
  const floors = box.reduce((s, b) => s + b.lo, 0);
  if (floors > 1 + EPS) {
    return { ok: false, code: 'floors-exceed-budget', floors: tidy(floors * budget), message: `the budget ${budget} is below the tiers' minimums, which add up to ${tidy(floors * budget)}` };
  }

  // Money, not shares, from here: curves are in money.
  const lo = box.map((b) => b.lo * budget);
  const hi = box.map((b) => b.hi * budget);
  const free = budget - tiers.reduce((s, t, i) => s + (t.curve ? 0 : lo[i]!), 0);
  const modelled = tiers.map((t, i) => ({ i, curve: t.curve })).filter((m): m is { i: number; curve: ResponseCurve } => m.curve !== null);
  const spend = tiers.map((_, i) => lo[i]!);
  const lambda = modelled.length > 0 ? waterFill(modelled, lo, hi, free, spend) : null;

  const proposals = tiers.map((t, i): TierProposal => {
    const from = box[i]!.from;
    const to = spend[i]! / budget;
    const x0 = from * budget;
    return {
      tier: t.tier,
      modelled: t.curve !== null,
      from: tidy(from),
      to: tidy(to),
      budgetFrom: tidy(x0),
      budgetTo: tidy(spend[i]!),
      lo: box[i]!.lo,
      hi: box[i]!.hi,
      limitedBy: limit(to, box[i]!),
      revenueFrom: t.curve ? tidy(curveRevenue(t.curve, x0)) : null,
      revenueTo: t.curve ? tidy(curveRevenue(t.curve, spend[i]!)) : null,
      marginalFrom: t.curve && x0 > 0 ? tidy(marginalRoas(t.curve, x0)) : null,
      marginalTo: t.curve && spend[i]! > 0 ? tidy(marginalRoas(t.curve, spend[i]!)) : null,
    };
  });
  const sum = (pick: (p: TierProposal) => number | null, when: (p: TierProposal) => boolean = () => true): number =>
    proposals.reduce((s, p) => s + (when(p) ? pick(p) ?? 0 : 0), 0);
  const spendModelledFrom = sum((p) => p.budgetFrom, (p) => p.modelled);
  const spendModelledTo = sum((p) => p.budgetTo, (p) => p.modelled);
  const before = sum((p) => p.revenueFrom);
  const after = sum((p) => p.revenueTo);
  return {
    ok: true,
    budget,
    tiers: proposals,
    lambda: lambda === null ? null : tidy(lambda),
    before: { revenue: tidy(before), roas: spendModelledFrom > 0 ? tidy(before / spendModelledFrom) : null },
    after: { revenue: tidy(after), roas: spendModelledTo > 0 ? tidy(after / spendModelledTo) : null },
  };
}

interface ShareBox {
  from: number;
  lo: number;
  hi: number;
  /** Which rule set each side, for the reason a tier stopped. */
  loBy: LimitedBy;
  hiBy: LimitedBy;
}

/**
 * A tier's share bounds this quarter. A tier without a model keeps its share. A modelled tier moves at most
 * maxChange either way, is not cut below minShare (nor at all when it is already below it), never below its money
 * floor, and never above 100%. Pacing wins over a floor out of reach: the tier climbs maxChange a quarter towards it.
 */
function shareBox(t: AllocatorTier, from: number, budget: number, b: Bounds): ShareBox {
  if (!t.curve) return { from, lo: from, hi: from, loBy: null, hiBy: null };
  const hi = Math.min(1, from + b.maxChange);
  const keep = Math.min(b.minShare, from);
  const money = (b.minSpend?.[t.tier] ?? 0) / budget;
  let lo = from - b.maxChange;
  let loBy: LimitedBy = 'max-change';
  if (keep >= lo) [lo, loBy] = [keep, 'min-share'];
  if (money > lo) [lo, loBy] = [money, 'min-spend'];
  if (lo < 0) [lo, loBy] = [0, null];
  if (loBy !== 'min-spend' && lo > hi) lo = hi;
  return { from, lo, hi: Math.max(hi, lo), loBy, hiBy: hi >= 1 ? null : 'max-change' };
}

function limit(to: number, box: ShareBox): LimitedBy {
  const tol = 1e-7;
  if (box.hi - box.lo < tol) return box.loBy ?? box.hiBy;
  if (to >= box.hi - tol) return box.hiBy;
  if (to <= box.lo + tol) return box.loBy;
  return null;
}

/**
 * Finds lambda by bisection and writes each modelled tier's spend into `spend`. At the end, the spends at the
 * bracket's two ends straddle the budget; interpolating between them hits it exactly (a linear tier whose ROAS is
 * lambda itself takes the remainder).
 */
function waterFill(tiers: ReadonlyArray<{ i: number; curve: ResponseCurve }>, lo: number[], hi: number[], budget: number, spend: number[]): number | null {
  const at = (lambda: number, ties: 'lo' | 'hi'): number[] => tiers.map((t) => spendAtMarginal(t.curve, lambda, lo[t.i]!, hi[t.i]!, ties));
  const total = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);
  const floor = total(tiers.map((t) => lo[t.i]!));
  const ceiling = total(tiers.map((t) => hi[t.i]!));
  if (budget <= floor + EPS * budget || budget >= ceiling - EPS * budget) {
    const xs = budget <= floor + EPS * budget ? tiers.map((t) => lo[t.i]!) : tiers.map((t) => hi[t.i]!);
    tiers.forEach((t, k) => (spend[t.i] = xs[k]!));
    return null;
  }
  let low = 0; // every tier at its upper bound: spends >= budget
  let high = Math.max(...tiers.map((t) => marginalRoas(t.curve, Math.max(lo[t.i]!, EPS * budget)))) * 2 + 1;
  for (let k = 0; k < 200 && high - low > 1e-12 * high; k++) {
    const mid = (low + high) / 2;
    if (total(at(mid, 'lo')) > budget) low = mid;
    else if (total(at(mid, 'hi')) < budget) high = mid;
    else {
      low = mid;
      high = mid;
    }
  }
  const more = at(low, 'hi');
  const less = at(high, 'lo');
  const gap = total(more) - total(less);
  const f = gap > 0 ? (budget - total(less)) / gap : 0;
  tiers.forEach((t, k) => (spend[t.i] = less[k]! + (more[k]! - less[k]!) * f));
  return (low + high) / 2;
}
