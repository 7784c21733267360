/**
 * The domain tables, one table per fact (SPEC section 2). Everything that needs a tier threshold, a cost range,
 * a stage mix or a funnel rate reads it from here.
 */

export const TIERS = ['Mega', 'Macro', 'Mid', 'Micro', 'Nano'] as const;
export type Tier = (typeof TIERS)[number];

/** Lower-case keys used in inputs and settings ({ mega, macro, ... }). */
export const TIER_KEYS = ['mega', 'macro', 'mid', 'micro', 'nano'] as const;
export type TierKey = (typeof TIER_KEYS)[number];
export type PerTier<T> = Record<TierKey, T>;

/** The tiers' Chinese names (SPEC "Language"): the tabs write them in a Chinese workbook and a team's table may use them. */
export const TIER_NAMES_ZH: PerTier<string> = { mega: '头部', macro: '肩部', mid: '腰部', micro: '尾部', nano: '素人' };

/** The known tier a tier name stands for, by its English or Chinese name ("Midi" is seed 002's Mid); null for a team's own. */
export function tierKeyOf(name: string): TierKey | null {
  const n = name.trim().toLowerCase();
  if (n === 'midi') return 'mid';
  const i = TIERS.findIndex((t) => t.toLowerCase() === n);
  if (i >= 0) return TIER_KEYS[i]!;
  return TIER_KEYS.find((k) => TIER_NAMES_ZH[k] === n) ?? null;
}

export interface TierBand {
  tier: string;
  /** Minimum followers, inclusive. */
  minFollowers: number;
}

/** Named tier schemes, largest tier first. "matrix" is the default (seed 000); "partnership" is seed 002's. */
export const TIER_SCHEMES = {
  matrix: [
    { tier: 'Mega', minFollowers: 500_000 },
    { tier: 'Macro', minFollowers: 100_000 },
    { tier: 'Mid', minFollowers: 10_000 },
    { tier: 'Micro', minFollowers: 1_000 },
    { tier: 'Nano', minFollowers: 0 },
  ],
  partnership: [
    { tier: 'Mega', minFollowers: 1_000_000 },
    { tier: 'Macro', minFollowers: 500_000 },
    { tier: 'Mid', minFollowers: 50_000 },
    { tier: 'Micro', minFollowers: 1_000 },
    { tier: 'Nano', minFollowers: 0 },
  ],
} as const satisfies Record<string, readonly TierBand[]>;
export type SchemeName = keyof typeof TIER_SCHEMES;
export const DEFAULT_SCHEME: SchemeName = 'matrix';

export interface Range {
  min: number;
  max: number;
}

/**
 * Cost per post (in the budget's currency) and typical engagement rate per tier (seed 000, "matrix").
 * Nano is paid in product value: its default cost range is a team's typical product value, editable in the planner.
 * Typical followers is a representative account of the tier, used to predict reach from a tier's budget.
 */
export const TIER_PROFILE: PerTier<{ costPerPost: Range; engagementRate: Range; typicalFollowers: number }> = {
  mega: { costPerPost: { min: 10_000, max: 50_000 }, engagementRate: { min: 0.01, max: 0.03 }, typicalFollowers: 1_000_000 },
  macro: { costPerPost: { min: 5_000, max: 20_000 }, engagementRate: { min: 0.03, max: 0.05 }, typicalFollowers: 250_000 },
  mid: { costPerPost: { min: 1_000, max: 5_000 }, engagementRate: { min: 0.05, max: 0.1 }, typicalFollowers: 40_000 },
  micro: { costPerPost: { min: 200, max: 1_000 }, engagementRate: { min: 0.1, max: 0.2 }, typicalFollowers: 4_000 },
  nano: { costPerPost: { min: 50, max: 200 }, engagementRate: { min: 0.2, max: 0.3 }, typicalFollowers: 500 },
};

export const STAGES = ['awareness', 'growth', 'maturity', 'roi-first'] as const;
export type Stage = (typeof STAGES)[number];

/** Share of budget per tier by brand stage (seed 000). Each row sums to 1. */
export const STAGE_MIX: Record<Stage, PerTier<number>> = {
  awareness: { mega: 0.2, macro: 0.3, mid: 0.3, micro: 0.2, nano: 0 },
  growth: { mega: 0.1, macro: 0.2, mid: 0.4, micro: 0.3, nano: 0 },
  maturity: { mega: 0.05, macro: 0.15, mid: 0.5, micro: 0.3, nano: 0 },
  'roi-first': { mega: 0, macro: 0.1, mid: 0.3, micro: 0.6, nano: 0 },
};

export const PARTNERSHIP_TYPES = ['sponsored', 'affiliate', 'seeding', 'ambassador'] as const;
export type PartnershipType = (typeof PARTNERSHIP_TYPES)[number];
export const PARTNERSHIP_MIX: Record<PartnershipType, number> = {
  sponsored: 0.4,
  affiliate: 0.3,
  seeding: 0.2,
  ambassador: 0.1,
};

export const GEOGRAPHIES = ['national', 'local', 'global'] as const;
export type Geography = (typeof GEOGRAPHIES)[number];
export const GEO_MIX: Record<Geography, number> = { national: 0.7, local: 0.2, global: 0.1 };

/** The seed's ROI funnel: share of followers reached, of engagements that click, of clicks that convert. */
export const FUNNEL_DEFAULTS = { reachRate: 0.3, clickRate: 0.1, conversionRate: 0.05 } as const;
export const TARGET_ROAS = 3.0;

/**
 * Quarterly rebalance defaults (SPEC section 4): every tier that had spend keeps at least 3% of the budget, no tier's
 * share moves more than 5 percentage points a quarter. Shares are fractions (0.05 = 5 points).
 */
export const REBALANCE_BOUNDS = { minShare: 0.03, maxChange: 0.05 } as const;

/** Partnership decisions within a tier, ranked by ROAS (seed 000): renew the top 50%, end the bottom 25%. */
export const RENEWAL_SHARES = { renew: 0.5, end: 0.25 } as const;

/** Relationship scores: four sub-scores each, with their caps; each score is 0-100. */
export const SCORE_PARTS = {
  engagement: [
    { part: 'recent engagement rate', cap: 25 },
    { part: 'comment quality', cap: 25 },
    { part: 'content consistency', cap: 25 },
    { part: 'audience growth', cap: 25 },
  ],
  partnership: [
    { part: 'responsiveness', cap: 20 },
    { part: 'professionalism', cap: 20 },
    { part: 'content quality', cap: 30 },
    { part: 'results', cap: 30 },
  ],
  strategic: [
    { part: 'audience match', cap: 30 },
    { part: 'brand alignment', cap: 30 },
    { part: 'growth potential', cap: 20 },
    { part: 'competitive advantage', cap: 20 },
  ],
} as const;
export type ScoreKind = keyof typeof SCORE_PARTS;

/** Prospect selection scorecard weights (seed 000). Factors are on a 0-10 scale; unknown factors count 0. */
export const SELECTION_WEIGHTS = {
  pastRoas: 0.3,
  audienceMatch: 0.25,
  engagementRate: 0.2,
  contentQuality: 0.15,
  partnershipEase: 0.1,
} as const;

/** Performance rating of an overall 0-10 score, best band first; a score belongs to the first band it reaches. */
export const RATING_BANDS = [
  { min: 9, rating: '⭐⭐⭐', action: 'Top performer: offer an ambassador contract' },
  { min: 8, rating: '⭐⭐', action: 'Strong: continue and test new content' },
  { min: 7, rating: '⭐', action: 'Good: maintain and monitor' },
  { min: 0, rating: 'Underperformer', action: 'Pause, diagnose, end if no improvement' },
] as const;

/**
 * Ambassador programme (seed 000), highest level first. A boundary shared by two bands (5k, 50k) belongs to the
 * higher one (minimums inclusive); the top of Gold (200k) is inclusive.
 */
export const AMBASSADOR_LEVELS = [
  { level: 'Gold', minFollowers: 50_000, maxFollowers: 200_000, minEngagementRate: 0.04 },
  { level: 'Silver', minFollowers: 5_000, maxFollowers: 50_000, minEngagementRate: 0.06 },
  { level: 'Bronze', minFollowers: 1_000, maxFollowers: 5_000, minEngagementRate: 0.08 },
] as const;

/** Currencies the planner offers, with the number format their amounts get in generated tabs. */
export const CURRENCIES = {
  CNY: { symbol: '¥', format: '"¥"#,##0' },
  USD: { symbol: '$', format: '"$"#,##0' },
  EUR: { symbol: '€', format: '"€"#,##0' },
  GBP: { symbol: '£', format: '"£"#,##0' },
  JPY: { symbol: '¥', format: '"¥"#,##0' },
  HKD: { symbol: 'HK$', format: '"HK$"#,##0' },
  SGD: { symbol: 'S$', format: '"S$"#,##0' },
  KRW: { symbol: '₩', format: '"₩"#,##0' },
  TWD: { symbol: 'NT$', format: '"NT$"#,##0' },
} as const;
export type CurrencyCode = keyof typeof CURRENCIES;
export const CURRENCY_CODES = Object.keys(CURRENCIES) as CurrencyCode[];

/** Euro-area countries, by the region part of a locale such as "ca_ES" or "sv_FI". */
const EURO_REGIONS = new Set(['at', 'be', 'cy', 'de', 'ee', 'es', 'fi', 'fr', 'gr', 'hr', 'ie', 'it', 'lt', 'lu', 'lv', 'mt', 'nl', 'pt', 'si', 'sk']);

/** The currency a workbook locale suggests (the sidebar's default). */
export function currencyForLocale(locale: string): CurrencyCode {
  const l = locale.replace('-', '_').toLowerCase();
  if (l.startsWith('zh_hk') || l.startsWith('zh_mo')) return 'HKD';
  if (l.startsWith('zh_tw')) return 'TWD';
  if (l.startsWith('zh')) return 'CNY';
  if (l.startsWith('ja')) return 'JPY';
  if (l.startsWith('ko')) return 'KRW';
  if (l === 'en_gb') return 'GBP';
  if (l.endsWith('_sg')) return 'SGD';
  const region = l.split('_')[1];
  // The region decides where there is one (de_CH pays in francs, ca_ES in euros); a bare language falls back to
  // where that language is mostly spoken.
  if (region ? EURO_REGIONS.has(region) : /^(de|fr|es|it|nl|fi|el)$/.test(l)) return 'EUR';
  return 'USD';
}
