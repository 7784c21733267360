import { AMBASSADOR_LEVELS, RATING_BANDS, SELECTION_WEIGHTS } from './domain';
import { tidy } from './result';

/** Total relationship score: the mean of the engagement, partnership and strategic scores (each 0-100). */
export function totalScore(engagement: number, partnership: number, strategic: number): number {
  return tidy((engagement + partnership + strategic) / 3);
}

export interface SelectionFactors {
  /** Past ROAS with this influencer; its value counts as points, up to 10. Unknown: 0. */
  pastRoas: number | null;
  /** 0-10. Unknown: 0. */
  audienceMatch: number | null;
  /** As a fraction (0.12); it enters as its percentage value (12 points), per the seed's worked example. */
  engagementRate: number | null;
  /** 0-10. Unknown: 0. */
  contentQuality: number | null;
  /** 0-10. Unknown: 0. */
  partnershipEase: number | null;
}

/**
 * The prospect selection scorecard (seed 000): weighted 30/25/20/15/10, unknown factors count 0.
 * The seed's example (audience 9, ER 12%, content 8, no history) is 2.25 + 2.4 + 1.2 = 5.85. Because the
 * engagement rate enters uncapped, a very high rate could push the sum past 10; the score is capped at 10.
 */
export function selectionScore(f: SelectionFactors): number {
  const w = SELECTION_WEIGHTS;
  const sum =
    Math.min(f.pastRoas ?? 0, 10) * w.pastRoas +
    (f.audienceMatch ?? 0) * w.audienceMatch +
    (f.engagementRate ?? 0) * 100 * w.engagementRate +
    (f.contentQuality ?? 0) * w.contentQuality +
    (f.partnershipEase ?? 0) * w.partnershipEase;
  return Math.min(10, tidy(sum));
}

/** The rating band of an overall 0-10 performance score. */
export function performanceRating(score: number): (typeof RATING_BANDS)[number] {
  return RATING_BANDS.find((band) => score >= band.min) ?? RATING_BANDS[RATING_BANDS.length - 1]!;
}

/** Gold / Silver / Bronze, or null when the account is outside every band or below its engagement bar. */
export function ambassadorLevel(followers: number, engagementRate: number): string | null {
  // Bands are searched highest first, so a shared boundary (5k, 50k) belongs to the higher level: minimums inclusive.
  const band = AMBASSADOR_LEVELS.find((b) => followers >= b.minFollowers && followers <= b.maxFollowers);
  if (!band) return null;
  return engagementRate >= band.minEngagementRate - 1e-12 ? band.level : null;
}
