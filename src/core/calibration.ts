import type { ResponseCurve } from './response-curve';

/**
 * Calibrating a tier's response curve from the team's own results (SPEC section 4, "one good way").
 *
 * Within a quarter, rank the tier's influencers by ROAS, best first. Cutting the tier's spend drops the weakest
 * first, so the cumulative (spend, revenue) of the ranked list is the curve below today's spend: concave by
 * construction, ending at the quarter's total. Above today's spend, more money buys new creators, who are untested:
 * they are expected at the tier's typical (median) ROAS, discounted by EXTENSION_DISCOUNT for every further quarter of
 * today's spend (the good creators are booked first; audiences overlap). A Hill curve is fitted to both parts.
 *
 * Past quarters sharpen it: each quarter of the roster adds its own ranked curve, and a quarter known only by its
 * totals (recorded by earlier builds) adds its (spend, revenue) point, a direct reading of the curve at another spend.
 * One quarter cannot tell creators who differ from money that saturates; quarters at different spends can. Once the
 * tier's quarterly spends differ by SPREAD or more, those readings replace the new-creator assumption.
 * The curve is pinned through the reviewed quarter's own total, so at today's mix it returns exactly the ROAS the
 * roster shows; the data shape the rest.
 *
 * A tier with fewer than MIN_INFLUENCERS results (and fewer than MIN_QUARTERS quarters) has too little data for a
 * shape: it falls back to the seed's rule, its average ROAS (see `averageRoasCurves`).
 */
export const MIN_INFLUENCERS = 5;
export const MIN_QUARTERS = 3;
/** Return of new creators relative to the tier's median, per added quarter of today's spend: 0.8, 0.64, 0.51, 0.41. */
export const EXTENSION_DISCOUNT = 0.8;
/**
 * Quarters whose spends differ by this factor (largest / smallest) show the tier's response to more money
 * directly; the new-creator assumption then gives way to that evidence.
 */
const SPREAD = 1.25;
/** How much the new-creator extension weighs against one quarter of data. */
const EXTENSION_WEIGHT = 0.5;
/** Ranked points kept per quarter: the fit's cost stays flat however long the roster. */
const POINTS_PER_QUARTER = 24;
/** The Hill shape a: at most 1 keeps the curve concave (response-curve.ts); below 0.3 no ranked data goes. */
const SHAPE = { min: 0.3, max: 1 };
/** Half-saturation spend g, as a multiple of today's spend. */
const HALF = { min: 0.05, max: 20 };

export interface CreatorResult {
  spend: number;
  revenue: number;
}

/** One quarter of a tier: its influencers' results (from the roster) or only its totals (from history). */
export interface QuarterResults {
  quarter: string | null;
  creators?: readonly CreatorResult[];
  totals?: { spend: number; revenue: number };
}

export type TierModel =
  /** fitError: root-mean-square gap between the curve and the points it was fitted to, as a share of the anchor's revenue. */
  | { kind: 'hill'; curve: ResponseCurve; anchor: Anchor; influencers: number; quarters: number; fitError: number }
  | { kind: 'average-roas'; curve: ResponseCurve; anchor: Anchor; influencers: number; quarters: number; why: 'few-influencers' | 'no-revenue' }
  | { kind: 'none'; why: 'no-spend' | 'no-results' };

/** The reviewed quarter's point the curve goes through: the tier's spend and the revenue it earned. */
export interface Anchor {
  spend: number;
  revenue: number;
}

interface Point {
  x: number;
  y: number;
  w: number;
  /** A quarter's total, as opposed to a point along its ranked curve. */
  total?: true;
}

const totalsOf = (q: QuarterResults): Anchor =>
  q.totals ?? (q.creators ?? []).reduce((t, c) => ({ spend: t.spend + c.spend, revenue: t.revenue + c.revenue }), { spend: 0, revenue: 0 });

/**
 * The tier's model. `current` is the reviewed quarter; `spend` is the tier's whole spend in it, including rows
 * without a revenue figure: those are taken to earn the tier's average, so the curve is read at the real spend.
 */
export function calibrateTier(current: QuarterResults, history: readonly QuarterResults[], spend: number): TierModel {
  const now = totalsOf(current);
  if (spend <= 0) return { kind: 'none', why: 'no-spend' };
  if (now.spend <= 0) return { kind: 'none', why: 'no-results' };
  const past = history.filter((q) => totalsOf(q).spend > 0);
  const quarters = 1 + past.length;
  const influencers = [current, ...past].reduce((n, q) => n + (q.creators?.filter((c) => c.spend > 0).length ?? 0), 0);
  const roas = now.revenue / now.spend;
  const anchor = { spend, revenue: roas * spend };
  if (now.revenue <= 0) return { kind: 'average-roas', curve: { kind: 'linear', roas: 0 }, anchor, influencers, quarters, why: 'no-revenue' };
  if (influencers < MIN_INFLUENCERS && quarters < MIN_QUARTERS) {
    return { kind: 'average-roas', curve: { kind: 'linear', roas }, anchor, influencers, quarters, why: 'few-influencers' };
  }
  // Fitted in units of the anchor (today's spend = 1, today's revenue = 1), so the search ranges and weights mean
  // the same for a ¥5,000 tier and a ¥5,000,000 one. The reviewed quarter is read against its own rows with
  // revenue, which puts its total exactly on (1, 1).
  const points = [...quarterPoints(current, now), ...past.flatMap((q) => quarterPoints(q, anchor))];
  const typical = median([current, ...past].flatMap((q) => (q.creators ?? []).filter((c) => c.spend > 0).map((c) => c.revenue / c.spend)));
  const totals = points.filter((p) => p.total).map((p) => p.x);
  if (Math.max(...totals) < SPREAD * Math.min(...totals)) points.push(...extension(points, (typical ?? roas) / roas));
  const fit = fitShape(points);
  return {
    kind: 'hill',
    curve: { kind: 'hill', a: fit.a, g: fit.g * anchor.spend, b: fit.b * anchor.revenue },
    anchor,
    influencers,
    quarters,
    fitError: fit.error,
  };
}

/** A quarter's ranked curve and its total (weight 1 each), or its total alone, in units of `unit`. */
function quarterPoints(q: QuarterResults, unit: Anchor): Point[] {
  const t = totalsOf(q);
  const total: Point = { x: t.spend / unit.spend, y: t.revenue / unit.revenue, w: 1, total: true };
  const creators = (q.creators ?? []).filter((c) => c.spend > 0);
  if (creators.length < 2) return [total];
  creators.sort((p, r) => r.revenue / r.spend - p.revenue / p.spend || r.spend - p.spend);
  const knots: Point[] = [];
  let x = 0;
  let y = 0;
  for (const c of creators) {
    x += c.spend;
    y += c.revenue;
    knots.push({ x: x / unit.spend, y: y / unit.revenue, w: 0 });
  }
  // Every step-th knot counted back from the last, so the quarter's own end is always kept.
  const step = Math.ceil(knots.length / POINTS_PER_QUARTER);
  const kept = knots.filter((_, i) => (knots.length - 1 - i) % step === 0);
  return [...kept.map((k) => ({ ...k, w: 1 / kept.length })), total];
}

/**
 * New creators beyond the largest quarter seen: the tier's median ROAS (`typical`, relative to today's average),
 * discounted by EXTENSION_DISCOUNT for each added quarter of that spend.
 */
function extension(points: readonly Point[], typical: number): Point[] {
  const top = points.reduce((t, p) => (p.total && p.x > t.x ? p : t), { x: 1, y: 1 });
  const out: Point[] = [];
  let y = top.y;
  for (let j = 1; j <= 4; j++) {
    y += (top.x / 4) * typical * EXTENSION_DISCOUNT ** j;
    out.push({ x: top.x * (1 + j / 4), y, w: EXTENSION_WEIGHT / 4 });
  }
  return out;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((p, q) => p - q);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Least squares over the shape (a, g) with b pinned through the anchor (1, 1): a coarse grid, then a pattern search
 * that halves its steps. Two parameters and a few dozen points: milliseconds, whatever the roster's size.
 */
function fitShape(points: readonly Point[]): { a: number; g: number; b: number; error: number } {
  const weight = points.reduce((s, p) => s + p.w, 0);
  const cost = (a: number, u: number): number => {
    const g = Math.exp(u);
    const b = 1 + Math.pow(g, a); // b / (1 + g^a) = 1 at x = 1
    let sum = 0;
    for (const p of points) {
      const fitted = p.x > 0 ? b / (1 + Math.pow(g / p.x, a)) : 0;
      sum += p.w * (fitted - p.y) ** 2;
    }
    return sum;
  };
  const uMin = Math.log(HALF.min);
  const uMax = Math.log(HALF.max);
  let best = { a: 1, u: 0, c: Infinity };
  for (let a = SHAPE.min; a <= SHAPE.max + 1e-9; a += 0.05) {
    for (let k = 0; k <= 40; k++) {
      const u = uMin + ((uMax - uMin) * k) / 40;
      const c = cost(a, u);
      if (c < best.c) best = { a, u, c };
    }
  }
  let da = 0.025;
  let du = (uMax - uMin) / 80;
  for (let round = 0; round < 30; round++) {
    let moved = false;
    for (const [sa, su] of [[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [-1, -1], [1, -1], [-1, 1]] as const) {
      const a = Math.min(SHAPE.max, Math.max(SHAPE.min, best.a + sa * da));
      const u = Math.min(uMax, Math.max(uMin, best.u + su * du));
      const c = cost(a, u);
      if (c < best.c) {
        best = { a, u, c };
        moved = true;
      }
    }
    if (!moved) {
      da /= 2;
      du /= 2;
    }
  }
  const g = Math.exp(best.u);
  return { a: best.a, g, b: 1 + Math.pow(g, best.a), error: Math.sqrt(best.c / weight) };
}

/**
 * The seed's average-ROAS rule for the tiers with too little data. Alone (no tier calibrated) it is the seed's rule
 * as written: a tier keeps returning its average ROAS, money moves from low to high ROAS as far as the bounds allow.
 * Beside calibrated tiers, a straight line would look better than any curve (a curve's next yuan always earns less
 * than its average), so such a tier borrows the calibrated tiers' median shape, pinned through its own average ROAS:
 * tiers are still ranked by their average ROAS, now on the same diminishing footing.
 */
export function averageRoasCurves(models: readonly TierModel[]): TierModel[] {
  const shapes = models.flatMap((m) => (m.kind === 'hill' && m.curve.kind === 'hill' ? [{ a: m.curve.a, g: m.curve.g / m.anchor.spend }] : []));
  if (shapes.length === 0) return [...models];
  const a = median(shapes.map((s) => s.a))!;
  const g = median(shapes.map((s) => s.g))!;
  return models.map((m): TierModel => {
    if (m.kind !== 'average-roas' || m.anchor.revenue <= 0) return m;
    // Through (spend, revenue): b / (1 + (g * spend / spend)^a) = revenue.
    return { ...m, curve: { kind: 'hill', a, g: g * m.anchor.spend, b: m.anchor.revenue * (1 + Math.pow(g, a)) } };
  });
}
