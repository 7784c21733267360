/**
 * The settings a team saves per workbook (SPEC section 4, "Decisions for alerts, pipeline, rebalance and dashboard"):
 * the alert thresholds, the dashboard's red / yellow / green bands, the tier scheme, the currency and the language.
 * Every builder reads the same settings.
 */
import { DEFAULT_DASHBOARD_SETTINGS, dashboardSettingsProblems, mergeDashboardSettings, type DashboardSettings } from './dashboard-settings';
import { CURRENCY_CODES, TIER_KEYS, TIER_PROFILE, type CurrencyCode, type PerTier } from './domain';

export type Language = 'en' | 'zh';
export type LanguageSetting = Language | 'auto';

/** One row of a team's own tier table; the engagement top feeds the possible-bought-engagement alert. */
export interface CustomTier {
  tier: string;
  /** Minimum followers, inclusive. */
  minFollowers: number;
  /** Top of the tier's typical engagement rate (0.05 for 5%); without it the tier's name must be a known tier. */
  engagementTop?: number;
}

export type TierSchemeSetting = 'matrix' | 'partnership' | { custom: CustomTier[] };

export interface AlertSettings {
  /** ROAS below this is low (red). */
  roasLow: number;
  /** ROAS above this is a star (green). */
  roasStar: number;
  /** A contract or usage-rights end within this many days from today is expiring (amber). */
  expiringDays: number;
  /** An engagement rate at least this share below the previous period's is a drop (0.3 = 30%). */
  engagementDrop: number;
  /** An engagement rate above this multiple of the tier's typical top is possibly bought. */
  boughtEngagementMultiple: number;
  /** Top of each tier's typical engagement range (seed 000); Nano has no top, so its 20% floor stands in. */
  engagementTop: PerTier<number>;
  /** Days since the last contact of a prospect still "Contacted": follow up, send an email, mark unresponsive. */
  followUpDays: { followUp: number; email: number; unresponsive: number };
  /** Bands of a 0-100 total score: green from `green`, yellow from `yellow`, red below. */
  totalScore: { green: number; yellow: number };
  /** Bands of a 0-10 rating. */
  rating: { green: number; yellow: number };
}

export interface Settings {
  alerts: AlertSettings;
  /** The Dashboard tab's KPI bands (core/dashboard-settings.ts). */
  dashboard: DashboardSettings;
  tierScheme: TierSchemeSetting;
  /** 'auto': the currency the workbook locale suggests. */
  currency: CurrencyCode | 'auto';
  /** 'auto': the workbook locale decides (Chinese locales speak Chinese). */
  language: LanguageSetting;
}

export const DEFAULT_SETTINGS: Settings = {
  alerts: {
    roasLow: 2,
    roasStar: 5,
    expiringDays: 30,
    engagementDrop: 0.3,
    boughtEngagementMultiple: 2,
    engagementTop: {
      mega: TIER_PROFILE.mega.engagementRate.max,
      macro: TIER_PROFILE.macro.engagementRate.max,
      mid: TIER_PROFILE.mid.engagementRate.max,
      micro: TIER_PROFILE.micro.engagementRate.max,
      nano: TIER_PROFILE.nano.engagementRate.min,
    },
    followUpDays: { followUp: 3, email: 7, unresponsive: 14 },
    totalScore: { green: 70, yellow: 50 },
    rating: { green: 8, yellow: 7 },
  },
  dashboard: DEFAULT_DASHBOARD_SETTINGS,
  tierScheme: 'matrix',
  currency: 'auto',
  language: 'auto',
};

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Each value of `saved` that has the type of the default it replaces; anything else keeps the default. */
function mergeInto<T>(defaults: T, saved: unknown): T {
  if (isPlain(defaults)) {
    if (!isPlain(saved)) return structuredCopy(defaults);
    const out: Plain = {};
    for (const key of Object.keys(defaults)) out[key] = mergeInto((defaults as Plain)[key], saved[key]);
    return out as T;
  }
  if (typeof defaults === 'number') return (isNumber(saved) ? saved : defaults) as T;
  return defaults;
}

const structuredCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function mergeScheme(saved: unknown, fallback: TierSchemeSetting): TierSchemeSetting {
  if (saved === 'matrix' || saved === 'partnership') return saved;
  if (isPlain(saved) && Array.isArray(saved.custom)) {
    const rows = saved.custom.filter((row): row is Plain => isPlain(row) && typeof row.tier === 'string' && isNumber(row.minFollowers));
    if (rows.length > 0) {
      return {
        custom: rows.map((row) => ({
          tier: row.tier as string,
          minFollowers: row.minFollowers as number,
          ...(isNumber(row.engagementTop) ? { engagementTop: row.engagementTop } : {}),
        })),
      };
    }
  }
  return structuredCopy(fallback);
}

/**
 * The settings to use: what the workbook saved over the defaults. Saved settings may come from an older version of
 * the add-on (keys missing) or be partial (a sidebar that changed one threshold), so every key the saved value
 * lacks, or holds with the wrong type, keeps its default, and unknown keys are dropped. Validation of the values
 * themselves (ROAS low below star ...) is `settingsProblems`.
 */
export function mergeSettings(saved: unknown, defaults: Settings = DEFAULT_SETTINGS): Settings {
  const s = isPlain(saved) ? saved : {};
  return {
    alerts: mergeInto(defaults.alerts, s.alerts),
    dashboard: mergeDashboardSettings(s.dashboard, defaults.dashboard),
    tierScheme: mergeScheme(s.tierScheme, defaults.tierScheme),
    currency: typeof s.currency === 'string' && (s.currency === 'auto' || (CURRENCY_CODES as string[]).includes(s.currency)) ? (s.currency as Settings['currency']) : defaults.currency,
    language: s.language === 'en' || s.language === 'zh' || s.language === 'auto' ? s.language : defaults.language,
  };
}

/** What is wrong with a complete set of settings, in words a marketer can act on; empty when they are usable. */
export function settingsProblems(settings: Settings): string[] {
  const a = settings.alerts;
  const problems: string[] = [];
  const need = (ok: boolean, message: string): void => {
    if (!ok) problems.push(message);
  };
  need(a.roasLow > 0, 'the low ROAS threshold must be more than 0');
  need(a.roasLow < a.roasStar, 'the low ROAS threshold must be below the star ROAS threshold');
  need(Number.isInteger(a.expiringDays) && a.expiringDays >= 1 && a.expiringDays <= 365, 'the expiry warning must be a whole number of days from 1 to 365');
  need(a.engagementDrop > 0 && a.engagementDrop < 1, 'the engagement drop must be between 0% and 100%');
  need(a.boughtEngagementMultiple >= 1, 'the bought-engagement multiple must be at least 1');
  for (const tier of TIER_KEYS) need(a.engagementTop[tier] > 0 && a.engagementTop[tier] <= 1, `the typical engagement top of ${tier} must be between 0% and 100%`);
  const f = a.followUpDays;
  need([f.followUp, f.email, f.unresponsive].every((d) => Number.isInteger(d) && d >= 1), 'follow-up days must be whole numbers of at least 1');
  need(f.followUp < f.email && f.email < f.unresponsive, 'follow-up days must grow: follow up, then email, then unresponsive');
  need(a.totalScore.yellow < a.totalScore.green && a.totalScore.yellow >= 0 && a.totalScore.green <= 100, 'total score bands must satisfy 0 <= yellow < green <= 100');
  need(a.rating.yellow < a.rating.green && a.rating.yellow >= 0 && a.rating.green <= 10, 'rating bands must satisfy 0 <= yellow < green <= 10');
  const scheme = settings.tierScheme;
  if (typeof scheme === 'object') {
    const rows = scheme.custom;
    need(rows.length >= 1 && rows.length <= 10, 'a custom tier table needs 1 to 10 tiers');
    need(rows.every((r) => r.tier.trim() !== ''), 'every custom tier needs a name');
    need(rows.every((r) => Number.isInteger(r.minFollowers) && r.minFollowers >= 0), 'custom tier minimums must be whole numbers of followers, 0 or more');
    need(new Set(rows.map((r) => r.minFollowers)).size === rows.length, 'two custom tiers share the same minimum');
    need(rows.every((r) => r.engagementTop === undefined || (r.engagementTop > 0 && r.engagementTop <= 1)), 'a custom tier engagement top must be between 0% and 100%');
  }
  problems.push(...dashboardSettingsProblems(settings.dashboard));
  return problems;
}
