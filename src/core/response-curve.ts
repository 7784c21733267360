/**
 * Response curves: expected revenue of a tier as a function of what the tier is given in a period.
 *
 * - `hill`: revenue = b * x^a / (x^a + g^a), the saturation curve Robyn and Meridian use. b is the revenue the tier
 *   tends to at any spend, g the spend that earns half of it, a the shape. The model keeps 0 < a <= 1: the curve is
 *   then concave from the first yuan on, so "equalise marginal ROAS" finds the best mix and not a saddle. (a > 1 is
 *   an S-curve, a threshold before spend works; the ranked-creator data the calibration reads is concave by
 *   construction and never asks for one.)
 * - `linear`: revenue = roas * x, the seed's rule of thumb that a tier keeps returning its average ROAS.
 *
 * Marginal ROAS is the derivative: what the next yuan returns. It is what the allocator equalises.
 */
export type ResponseCurve = { kind: 'hill'; b: number; a: number; g: number } | { kind: 'linear'; roas: number };

export function curveRevenue(c: ResponseCurve, x: number): number {
  if (x <= 0) return 0;
  if (c.kind === 'linear') return c.roas * x;
  return c.b / (1 + Math.pow(c.g / x, c.a));
}

/** The next yuan's return at spend x. For a < 1 it grows without bound towards 0; callers never ask below a floor. */
export function marginalRoas(c: ResponseCurve, x: number): number {
  if (c.kind === 'linear') return c.roas;
  if (x <= 0) return c.a < 1 ? Number.MAX_VALUE : c.b / c.g;
  // d/dx b / (1 + (g/x)^a) = b * a * (g/x)^a / (x * (1 + (g/x)^a)^2); far below g it overflows towards 0, its limit.
  const r = Math.pow(c.g / x, c.a);
  if (!Number.isFinite(r)) return 0;
  return (c.b * c.a * r) / (x * (1 + r) * (1 + r));
}

/**
 * The spend in [lo, hi] where the curve's marginal ROAS equals `lambda`, i.e. the spend that maximises
 * revenue - lambda * spend on the interval. Marginal ROAS falls with spend, so this is a bisection.
 * A linear curve has one marginal everywhere: it takes all of [lo, hi] or none of it, `ties` says which on equality.
 */
export function spendAtMarginal(c: ResponseCurve, lambda: number, lo: number, hi: number, ties: 'lo' | 'hi'): number {
  if (hi <= lo) return lo;
  if (c.kind === 'linear') {
    if (c.roas === lambda) return ties === 'hi' ? hi : lo;
    return c.roas > lambda ? hi : lo;
  }
  if (marginalRoas(c, hi) >= lambda) return hi;
  if (marginalRoas(c, lo) <= lambda) return lo;
  let a = lo;
  let b = hi;
  for (let i = 0; i < 100 && b - a > 1e-9 * hi; i++) {
    const mid = (a + b) / 2;
    if (marginalRoas(c, mid) > lambda) a = mid;
    else b = mid;
  }
  return (a + b) / 2;
}
