import { TIER_KEYS, type CurrencyCode, type TierKey } from '../../../src/core/domain';
import { parseNumber } from '../../../src/core/parse';
import type { CustomTier, Settings } from '../../../src/shared/api';

/**
 * The settings form as typed (strings), its checks and the Settings it makes. Free of the DOM, so the rules read in
 * one place. The checks mirror the server's (core settingsProblems) field by field, so a mistake is named next to
 * its box before anything is sent; the server still validates and its message is shown if it disagrees.
 */

export type Unit = 'times' | 'days' | 'percent' | 'points' | 'rating';
export type FieldGroup = 'roas' | 'dates' | 'engagement' | 'followUp' | 'score';

export type NumberKey =
  | 'roasLow'
  | 'roasStar'
  | 'expiringDays'
  | 'engagementDrop'
  | 'boughtEngagementMultiple'
  | `engagementTop.${TierKey}`
  | 'followUpDays.followUp'
  | 'followUpDays.email'
  | 'followUpDays.unresponsive'
  | 'totalScore.green'
  | 'totalScore.yellow'
  | 'rating.green'
  | 'rating.yellow';

export interface NumberField {
  key: NumberKey;
  group: FieldGroup;
  unit: Unit;
  /** Allowed range, in the unit shown (percent as 30, not 0.3). */
  min: number;
  max: number;
  /** The bound itself is not allowed (ROAS above 0, a share below 100%). */
  open?: 'min' | 'max' | 'both';
  whole?: boolean;
}

const f = (key: NumberKey, group: FieldGroup, unit: Unit, min: number, max: number, extra: Partial<NumberField> = {}): NumberField => ({ key, group, unit, min, max, ...extra });

/** Every threshold of SPEC's alerts table, in the order the form shows them. */
export const NUMBER_FIELDS: readonly NumberField[] = [
  f('roasLow', 'roas', 'times', 0, 1e6, { open: 'min' }),
  f('roasStar', 'roas', 'times', 0, 1e6, { open: 'min' }),
  f('expiringDays', 'dates', 'days', 1, 365, { whole: true }),
  f('engagementDrop', 'engagement', 'percent', 0, 100, { open: 'both' }),
  f('boughtEngagementMultiple', 'engagement', 'times', 1, 1e6),
  ...TIER_KEYS.map((t) => f(`engagementTop.${t}`, 'engagement', 'percent', 0, 100, { open: 'min' })),
  f('followUpDays.followUp', 'followUp', 'days', 1, 3650, { whole: true }),
  f('followUpDays.email', 'followUp', 'days', 1, 3650, { whole: true }),
  f('followUpDays.unresponsive', 'followUp', 'days', 1, 3650, { whole: true }),
  f('totalScore.green', 'score', 'points', 0, 100),
  f('totalScore.yellow', 'score', 'points', 0, 100),
  f('rating.green', 'score', 'rating', 0, 10),
  f('rating.yellow', 'score', 'rating', 0, 10),
];

export type SchemeChoice = 'matrix' | 'partnership' | 'custom';

export interface TierRowValues {
  tier: string;
  minFollowers: string;
  /** Percent, optional. */
  engagementTop: string;
}

export interface SettingsValues {
  numbers: Record<NumberKey, string>;
  scheme: SchemeChoice;
  tiers: TierRowValues[];
  currency: CurrencyCode | 'auto';
  language: Settings['language'];
}

export type SettingsIssue =
  | { code: 'required' }
  | { code: 'not-a-number'; raw: string }
  | { code: 'whole' }
  | { code: 'range'; min: number; max: number; open?: NumberField['open'] }
  /** Must be above another field's value (star above low, email after follow-up, green above yellow). */
  | { code: 'above'; other: NumberKey; value: number };

export type TierIssue =
  | { code: 'count' }
  | { code: 'name'; row: number }
  | { code: 'duplicate-name'; row: number }
  | { code: 'minimum'; row: number }
  | { code: 'duplicate-minimum'; row: number }
  | { code: 'engagement'; row: number };

export interface SettingsCheck {
  issues: Partial<Record<NumberKey, SettingsIssue>>;
  tierIssue: TierIssue | null;
  /** The settings, present only when nothing is wrong. */
  settings: Settings | null;
}

const percentKey = (key: NumberKey): boolean => NUMBER_FIELDS.find((x) => x.key === key)?.unit === 'percent';
const tidy = (n: number): number => Number(n.toPrecision(12));

function get(alerts: Settings['alerts'], key: NumberKey): number {
  const [a, b] = key.split('.') as [string, string | undefined];
  const value = (alerts as unknown as Record<string, unknown>)[a];
  return b === undefined ? (value as number) : (value as Record<string, number>)[b]!;
}

function set(alerts: Record<string, unknown>, key: NumberKey, value: number): void {
  const [a, b] = key.split('.') as [string, string | undefined];
  if (b === undefined) alerts[a] = value;
  else alerts[a] = { ...(alerts[a] as Record<string, number>), [b]: value };
}

const shown = (n: number): string => String(tidy(n));

/** The form's text for a set of settings. */
export function valuesOf(settings: Settings): SettingsValues {
  const numbers = {} as Record<NumberKey, string>;
  for (const field of NUMBER_FIELDS) {
    const value = get(settings.alerts, field.key);
    numbers[field.key] = shown(field.unit === 'percent' ? value * 100 : value);
  }
  const scheme = settings.tierScheme;
  return {
    numbers,
    scheme: typeof scheme === 'object' ? 'custom' : scheme,
    tiers:
      typeof scheme === 'object'
        ? scheme.custom.map((r) => ({ tier: r.tier, minFollowers: String(r.minFollowers), engagementTop: r.engagementTop === undefined ? '' : shown(r.engagementTop * 100) }))
        : [],
    currency: settings.currency,
    language: settings.language,
  };
}

function readField(field: NumberField, raw: string): { value: number } | { issue: SettingsIssue } {
  const text = raw.trim().replace(/%$/, '');
  if (text === '') return { issue: { code: 'required' } };
  const n = Number(text);
  if (!Number.isFinite(n)) return { issue: { code: 'not-a-number', raw: raw.trim() } };
  if (field.whole && !Number.isInteger(n)) return { issue: { code: 'whole' } };
  const lowOk = field.open === 'min' || field.open === 'both' ? n > field.min : n >= field.min;
  const highOk = field.open === 'max' || field.open === 'both' ? n < field.max : n <= field.max;
  if (!lowOk || !highOk) return { issue: { code: 'range', min: field.min, max: field.max, open: field.open } };
  return { value: n };
}

/** Pairs that must grow: [lower, higher]. */
const ORDER: ReadonlyArray<readonly [NumberKey, NumberKey]> = [
  ['roasLow', 'roasStar'],
  ['followUpDays.followUp', 'followUpDays.email'],
  ['followUpDays.email', 'followUpDays.unresponsive'],
  ['totalScore.yellow', 'totalScore.green'],
  ['rating.yellow', 'rating.green'],
];

export function checkTiers(rows: readonly TierRowValues[]): { tiers: CustomTier[] | null; issue: TierIssue | null } {
  if (rows.length < 1 || rows.length > 10) return { tiers: null, issue: { code: 'count' } };
  const tiers: CustomTier[] = [];
  for (const [row, values] of rows.entries()) {
    const tier = values.tier.trim();
    if (!tier) return { tiers: null, issue: { code: 'name', row } };
    if (tiers.some((t) => t.tier.toLowerCase() === tier.toLowerCase())) return { tiers: null, issue: { code: 'duplicate-name', row } };
    const min = parseNumber(values.minFollowers, 'count');
    if (!min.ok || min.value === null || min.value < 0 || !Number.isInteger(min.value)) return { tiers: null, issue: { code: 'minimum', row } };
    if (tiers.some((t) => t.minFollowers === min.value)) return { tiers: null, issue: { code: 'duplicate-minimum', row } };
    let engagementTop: number | undefined;
    const top = values.engagementTop.trim().replace(/%$/, '');
    if (top !== '') {
      const n = Number(top);
      if (!Number.isFinite(n) || n <= 0 || n > 100) return { tiers: null, issue: { code: 'engagement', row } };
      engagementTop = tidy(n / 100);
    }
    tiers.push({ tier, minFollowers: min.value, ...(engagementTop === undefined ? {} : { engagementTop }) });
  }
  return { tiers, issue: null };
}

export function checkSettings(values: SettingsValues, base: Settings): SettingsCheck {
  const issues: Partial<Record<NumberKey, SettingsIssue>> = {};
  const numbers = new Map<NumberKey, number>();
  for (const field of NUMBER_FIELDS) {
    const read = readField(field, values.numbers[field.key] ?? '');
    if ('issue' in read) issues[field.key] = read.issue;
    else numbers.set(field.key, read.value);
  }
  for (const [low, high] of ORDER) {
    const a = numbers.get(low);
    const b = numbers.get(high);
    if (a !== undefined && b !== undefined && !(b > a) && !issues[high]) issues[high] = { code: 'above', other: low, value: a };
  }
  const custom = values.scheme === 'custom' ? checkTiers(values.tiers) : { tiers: null, issue: null };
  if (Object.keys(issues).length > 0 || custom.issue) return { issues, tierIssue: custom.issue, settings: null };

  const alerts = JSON.parse(JSON.stringify(base.alerts)) as Record<string, unknown>;
  for (const [key, value] of numbers) set(alerts, key, percentKey(key) ? tidy(value / 100) : value);
  return {
    issues,
    tierIssue: null,
    settings: {
      alerts: alerts as unknown as Settings['alerts'],
      dashboard: base.dashboard,
      tierScheme: values.scheme === 'custom' ? { custom: custom.tiers! } : values.scheme,
      currency: values.currency,
      language: values.language,
    },
  };
}
