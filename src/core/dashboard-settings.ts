/**
 * The Dashboard tab's red / yellow / green bands (seed 003: every KPI has explicit bands, so drift triggers action
 * before quarter-end). Each band is a pair of thresholds a team can change, saved with the workbook's settings; the
 * direction (whether more is better) belongs to the KPI and is not a setting.
 *
 * Defaults, and where they come from:
 * - ROAS: green at the seed's target 3.0, yellow from 2.0 (the "ROAS low" alert line), red below.
 * - Active influencers: green from 70 (seed 000's "70 active partnerships at any time"), yellow from half of that.
 * - Spend against the plan (Allocation tab): green up to 100% of the planned budget, yellow up to 110%, red above.
 * - Revenue against the plan's forecast: green from 100%, yellow from 80%.
 * - CPA (spend / conversions, in the roster's currency): green up to 40 (seed 000: Mid tier's CPA "target met" at
 *   ¥40), yellow up to 80 (the Macro tier's ¥80), red above. A team working in another currency sets its own.
 * - Contracts expiring within the alert window: green up to 2, yellow up to 5 (renewals are routine; a pile-up is not).
 * - Overdue payments: green at 0, yellow up to 2: any unpaid creator is a relationship risk.
 * - Follow-ups due: green up to 5, yellow up to 15.
 * - Pipeline (seed 000's targets): outreach to response green from 30%, yellow from 20%; response to partnership
 *   green from 50%, yellow from 35%; partnership to repeat green from 70%, yellow from 50%; churn green up to 10% a
 *   month, yellow up to 15%.
 */

export type BandDirection = 'higher' | 'lower';
export type BandColour = 'green' | 'yellow' | 'red';

/** Higher is better: green from `green`, yellow from `yellow`, red below. Lower is better: green up to `green` ... */
export interface Band {
  green: number;
  yellow: number;
}

export const BAND_KEYS = [
  'activeInfluencers',
  'spendOfPlan',
  'revenueOfPlan',
  'roas',
  'cpa',
  'contractsExpiring',
  'paymentsOverdue',
  'followUpsDue',
  'outreachToResponse',
  'responseToPartnership',
  'partnershipToRepeat',
  'churn',
] as const;
export type BandKey = (typeof BAND_KEYS)[number];

export const BAND_DIRECTION: Record<BandKey, BandDirection> = {
  activeInfluencers: 'higher',
  spendOfPlan: 'lower',
  revenueOfPlan: 'higher',
  roas: 'higher',
  cpa: 'lower',
  contractsExpiring: 'lower',
  paymentsOverdue: 'lower',
  followUpsDue: 'lower',
  outreachToResponse: 'higher',
  responseToPartnership: 'higher',
  partnershipToRepeat: 'higher',
  churn: 'lower',
};

/** Bands whose thresholds are shares (0.3 = 30%), kept between 0 and 1 except the plan ratios, which may pass 100%. */
const RATES: ReadonlySet<BandKey> = new Set<BandKey>(['outreachToResponse', 'responseToPartnership', 'partnershipToRepeat', 'churn']);

export interface DashboardSettings {
  bands: Record<BandKey, Band>;
}

export const DEFAULT_DASHBOARD_SETTINGS: DashboardSettings = {
  bands: {
    activeInfluencers: { green: 70, yellow: 35 },
    spendOfPlan: { green: 1, yellow: 1.1 },
    revenueOfPlan: { green: 1, yellow: 0.8 },
    roas: { green: 3, yellow: 2 },
    cpa: { green: 40, yellow: 80 },
    contractsExpiring: { green: 2, yellow: 5 },
    paymentsOverdue: { green: 0, yellow: 2 },
    followUpsDue: { green: 5, yellow: 15 },
    outreachToResponse: { green: 0.3, yellow: 0.2 },
    responseToPartnership: { green: 0.5, yellow: 0.35 },
    partnershipToRepeat: { green: 0.7, yellow: 0.5 },
    churn: { green: 0.1, yellow: 0.15 },
  },
};

/** The target ROAS the dashboard compares against: the green line of the ROAS band. */
export const targetRoasOf = (settings: DashboardSettings): number => settings.bands.roas.green;

/** The colour of a value in a band; null when there is no value to judge. */
export function bandColour(value: number | null, band: Band, direction: BandDirection): BandColour | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (direction === 'higher') return value >= band.green ? 'green' : value >= band.yellow ? 'yellow' : 'red';
  return value <= band.green ? 'green' : value <= band.yellow ? 'yellow' : 'red';
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Saved dashboard settings over the defaults: a missing or mistyped threshold keeps its default, unknown keys go. */
export function mergeDashboardSettings(saved: unknown, defaults: DashboardSettings = DEFAULT_DASHBOARD_SETTINGS): DashboardSettings {
  const bands = isPlain(saved) && isPlain(saved.bands) ? saved.bands : {};
  const out = {} as Record<BandKey, Band>;
  for (const key of BAND_KEYS) {
    const band = isPlain(bands[key]) ? (bands[key] as Record<string, unknown>) : {};
    out[key] = {
      green: isNumber(band.green) ? band.green : defaults.bands[key].green,
      yellow: isNumber(band.yellow) ? band.yellow : defaults.bands[key].yellow,
    };
  }
  return { bands: out };
}

/** What is wrong with the bands, in words a marketer can act on; empty when they are usable. */
export function dashboardSettingsProblems(settings: DashboardSettings): string[] {
  const problems: string[] = [];
  for (const key of BAND_KEYS) {
    const { green, yellow } = settings.bands[key];
    if (!isNumber(green) || !isNumber(yellow) || green < 0 || yellow < 0) {
      problems.push(`the ${key} band needs numbers of 0 or more`);
      continue;
    }
    if (BAND_DIRECTION[key] === 'higher' && yellow > green) problems.push(`the ${key} band's yellow line must not be above its green line`);
    if (BAND_DIRECTION[key] === 'lower' && yellow < green) problems.push(`the ${key} band's yellow line must not be below its green line`);
    if (RATES.has(key) && (green > 1 || yellow > 1)) problems.push(`the ${key} band is a share: use 0.3 for 30%`);
  }
  if (settings.bands.roas.green <= 0) problems.push('the target ROAS (the green line of the ROAS band) must be more than 0');
  return problems;
}
