import * as z from 'zod/mini';
import { BAND_KEYS, type BandKey } from '../core/dashboard-settings';
import { CURRENCY_CODES, TIER_KEYS, type TierKey } from '../core/domain';
import { DEFAULT_SETTINGS, mergeSettings, settingsProblems, type Settings } from '../core/settings';
import { parseInput_ } from './schemas';

/**
 * A settings change from the sidebar: any part of the settings (one threshold, the tier scheme ...). The server
 * applies it over the workbook's saved settings and saves the result only when the whole is consistent.
 */

const between = (min: number, max: number, what: string) =>
  z.number().check(z.gte(min, `${what} must be at least ${min}`), z.lte(max, `${what} must be at most ${max}`));
const rate = (what: string) => z.number().check(z.gt(0, `${what} must be more than 0%`), z.lte(1, `${what} must be at most 100% (1)`));
const days = z.int().check(z.gte(1, 'must be at least 1 day'), z.lte(365, 'must be at most 365 days'));
const bands = (max: number) => z.partial(z.strictObject({ green: between(0, max, 'a band'), yellow: between(0, max, 'a band') }));

/** A dashboard band: counts, money (CPA) and shares alike; settingsProblems checks each band's direction and shares. */
const bandLine = between(0, 1e9, 'a dashboard band line');
const dashboardBand = z.partial(z.strictObject({ green: bandLine, yellow: bandLine }));
const DashboardPatchSchema = z.strictObject({
  bands: z.optional(z.partial(z.strictObject(Object.fromEntries(BAND_KEYS.map((k) => [k, dashboardBand])) as Record<BandKey, typeof dashboardBand>))),
});

const CustomTierSchema = z.strictObject({
  tier: z.string().check(z.trim(), z.minLength(1, 'a tier needs a name'), z.maxLength(40, 'a tier name is at most 40 characters')),
  minFollowers: z.int().check(z.gte(0, 'the minimum followers must be 0 or more'), z.lte(1e10, 'the minimum followers is too large')),
  engagementTop: z.optional(rate('a typical engagement top')),
});

export const SettingsPatchSchema = z.strictObject({
  alerts: z.optional(
    z.partial(
      z.strictObject({
        roasLow: between(0.01, 1000, 'the low ROAS'),
        roasStar: between(0.01, 1000, 'the star ROAS'),
        expiringDays: days,
        engagementDrop: z.number().check(z.gt(0, 'the drop must be more than 0%'), z.lt(1, 'the drop must be less than 100%')),
        boughtEngagementMultiple: between(1, 100, 'the multiple'),
        engagementTop: z.partial(z.strictObject(Object.fromEntries(TIER_KEYS.map((k) => [k, rate('a typical engagement top')])) as Record<TierKey, ReturnType<typeof rate>>)),
        followUpDays: z.partial(z.strictObject({ followUp: days, email: days, unresponsive: days })),
        totalScore: bands(100),
        rating: bands(10),
      }),
    ),
  ),
  dashboard: z.optional(DashboardPatchSchema),
  tierScheme: z.optional(
    z.union([z.literal('matrix'), z.literal('partnership'), z.strictObject({ custom: z.array(CustomTierSchema).check(z.minLength(1, 'a tier table needs a tier'), z.maxLength(10, 'a tier table has at most 10 tiers')) })]),
  ),
  currency: z.optional(z.enum([...CURRENCY_CODES, 'auto'])),
  language: z.optional(z.enum(['en', 'zh', 'auto'])),
});

export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

/**
 * The settings after a change: the patch validated, laid over the saved settings, and the whole checked (the low
 * ROAS below the star ROAS, follow-up days growing ...). Throws an Error whose message the sidebar shows as is.
 */
export function settingsAfter_(patch: unknown, saved: Settings = DEFAULT_SETTINGS): Settings {
  const parsed = parseInput_(SettingsPatchSchema, patch, 'settings');
  const settings = mergeSettings(parsed, saved);
  const problems = settingsProblems(settings);
  if (problems.length) throw new Error(`Invalid settings: ${problems.join('; ')}.`);
  return settings;
}
