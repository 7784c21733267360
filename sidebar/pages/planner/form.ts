import { currencyOfAmount, parseAmount } from '../../../src/core/currency';
import { parseNumber } from '../../../src/core/parse';
import { GEOGRAPHIES, PARTNERSHIP_TYPES, TIER_KEYS } from '../../../src/core/domain';
import type { CurrencyCode, Geography, PartnershipType, PerTier, Stage, TierKey } from '../../../src/core/domain';
import type { AllocationInput, Language, SetupInfo } from '../../../src/shared/api';

/**
 * The wizard's inputs as typed (strings), their validation, and the request they make. Kept free of the DOM so the
 * rules are the same whichever step shows them. Mixes are edited in percent and sent as fractions.
 */

export type Period = 'month' | 'quarter';
export type StageChoice = Stage | 'custom';
export type MixKind = 'mix' | 'partnershipMix' | 'geoMix';

export interface FormValues {
  budget: string;
  currency: CurrencyCode;
  period: Period;
  stage: StageChoice;
  mix: Record<TierKey, string>;
  partnershipMix: Record<PartnershipType, string>;
  geoMix: Record<Geography, string>;
  costPerPost: Record<TierKey, { min: string; max: string }>;
  aov: string;
  targetRoas: string;
}

/** A problem with one group of inputs, as data so it can be worded in either language. */
export type Issue =
  | { code: 'required' }
  | { code: 'not-a-number'; raw: string }
  | { code: 'negative' }
  | { code: 'not-positive' }
  | { code: 'too-large' }
  | { code: 'share-range' }
  | { code: 'mix-total'; total: number }
  | { code: 'cost-order'; tier: TierKey }
  /** The budget names one currency (`$50,000`) while another is chosen. */
  | { code: 'currency-mismatch'; sign: string; named: CurrencyCode; chosen: CurrencyCode };

export type Group = 'budget' | MixKind | 'costPerPost' | 'aov' | 'targetRoas';

/** The groups each wizard step owns; the Next button of a step checks only these. */
export const STEP_GROUPS: readonly (readonly Group[])[] = [['budget'], ['mix'], ['partnershipMix', 'geoMix'], ['costPerPost', 'aov', 'targetRoas'], []];

export const MIX_KEYS = { mix: TIER_KEYS, partnershipMix: PARTNERSHIP_TYPES, geoMix: GEOGRAPHIES } as const;

/** Largest amount the server accepts (see AllocationInputSchema). */
const MAX_AMOUNT = 1e12;
/** Percent slack on a mix total: the server allows 1e-6 on the fraction. */
const TOTAL_TOLERANCE = 1e-4;

const tidy = (n: number): number => Number(n.toPrecision(12));

export type Read<T> = { ok: true; value: T } | { ok: false; issue: Issue };

/** An amount written the way marketers write it: 30000, 30,000, 3万, ¥30,000, 2.5k, 5000美元. */
export function readAmount(raw: string): Read<number> {
  if (raw.trim() === '') return { ok: false, issue: { code: 'required' } };
  const read = parseAmount(raw);
  if (!read.ok || read.value === null) {
    const plain = parseNumber(raw, 'number');
    const negative = plain.ok && plain.value !== null && plain.value < 0;
    return { ok: false, issue: negative ? { code: 'negative' } : { code: 'not-a-number', raw: raw.trim() } };
  }
  const amount = read.value.amount;
  if (amount <= 0) return { ok: false, issue: { code: 'not-positive' } };
  if (amount > MAX_AMOUNT) return { ok: false, issue: { code: 'too-large' } };
  return { ok: true, value: amount };
}

/** A plain positive number such as a target ROAS (3, 3.5). */
function readPositive(raw: string): Read<number> {
  if (raw.trim() === '') return { ok: false, issue: { code: 'required' } };
  const n = parseNumber(raw, 'number');
  if (!n.ok || n.value === null) return { ok: false, issue: { code: 'not-a-number', raw: raw.trim() } };
  if (n.value < 0) return { ok: false, issue: { code: 'negative' } };
  if (n.value === 0) return { ok: false, issue: { code: 'not-positive' } };
  if (n.value > MAX_AMOUNT) return { ok: false, issue: { code: 'too-large' } };
  return { ok: true, value: n.value };
}

/** A share in percent; a cleared box means 0 so the running total stays meaningful while typing. */
function readPercent(raw: string): Read<number> {
  const text = raw.trim().replace(/%$/, '');
  if (text === '') return { ok: true, value: 0 };
  const n = Number(text);
  if (!Number.isFinite(n)) return { ok: false, issue: { code: 'not-a-number', raw: raw.trim() } };
  if (n < 0) return { ok: false, issue: { code: 'negative' } };
  if (n > 100) return { ok: false, issue: { code: 'share-range' } };
  return { ok: true, value: n };
}

export interface MixReading<K extends string> {
  /** Sum in percent, or null while a value is unreadable. */
  total: number | null;
  fractions: Record<K, number> | null;
  issue: Issue | null;
  /** The share the issue is about; absent when it is about the total. */
  at?: K;
}

export function readMix<K extends string>(keys: readonly K[], values: Record<K, string>): MixReading<K> {
  const fractions = {} as Record<K, number>;
  let total = 0;
  for (const key of keys) {
    const read = readPercent(values[key]);
    if (!read.ok) return { total: null, fractions: null, issue: read.issue, at: key };
    fractions[key] = tidy(read.value / 100);
    total += read.value;
  }
  total = tidy(total);
  if (Math.abs(total - 100) > TOTAL_TOLERANCE) return { total, fractions: null, issue: { code: 'mix-total', total } };
  return { total, fractions, issue: null };
}

export interface Checked {
  issues: Partial<Record<Group, Issue>>;
  /**
   * Which input of a group an issue is about ("mega", or "mega.min" for a cost), so only that box is marked and
   * the message can name it. Absent when the issue concerns the group as a whole (a mix total).
   */
  at: Partial<Record<Group, string>>;
  budget: number | null;
  totals: Record<MixKind, number | null>;
  /** The request, present only when nothing is wrong. */
  input: AllocationInput | null;
}

export function check(values: FormValues, language: Language): Checked {
  const issues: Partial<Record<Group, Issue>> = {};
  const at: Partial<Record<Group, string>> = {};
  const budget = readAmount(values.budget);
  if (!budget.ok) issues.budget = budget.issue;
  // The server refuses a budget whose sign contradicts the currency; say so here, next to the box.
  const named = currencyOfAmount(values.budget, values.currency);
  if (budget.ok && named && named.code !== values.currency) issues.budget = { code: 'currency-mismatch', sign: named.sign, named: named.code, chosen: values.currency };

  const mix = readMix(TIER_KEYS, values.mix);
  const partnershipMix = readMix(PARTNERSHIP_TYPES, values.partnershipMix);
  const geoMix = readMix(GEOGRAPHIES, values.geoMix);
  for (const [kind, reading] of [['mix', mix], ['partnershipMix', partnershipMix], ['geoMix', geoMix]] as const) {
    if (reading.issue) issues[kind] = reading.issue;
    if (reading.at) at[kind] = reading.at;
  }

  const costPerPost = {} as PerTier<{ min: number; max: number }>;
  for (const tier of TIER_KEYS) {
    const min = readAmount(values.costPerPost[tier].min);
    const max = readAmount(values.costPerPost[tier].max);
    if (issues.costPerPost) continue;
    if (!min.ok || !max.ok) {
      const bound = !min.ok ? 'min' : 'max';
      issues.costPerPost = !min.ok ? min.issue : !max.ok ? max.issue : { code: 'required' };
      at.costPerPost = `${tier}.${bound}`;
    } else if (min.value > max.value) {
      issues.costPerPost = { code: 'cost-order', tier };
      at.costPerPost = tier;
    } else {
      costPerPost[tier] = { min: min.value, max: max.value };
    }
  }
  const aov = readAmount(values.aov);
  if (!aov.ok) issues.aov = aov.issue;
  const targetRoas = readPositive(values.targetRoas);
  if (!targetRoas.ok) issues.targetRoas = targetRoas.issue;

  const valid = Object.keys(issues).length === 0;
  return {
    issues,
    at,
    budget: budget.ok ? budget.value : null,
    totals: { mix: mix.total, partnershipMix: partnershipMix.total, geoMix: geoMix.total },
    input:
      valid && budget.ok && mix.fractions && partnershipMix.fractions && geoMix.fractions && aov.ok && targetRoas.ok
        ? {
            budget: budget.value,
            currency: values.currency,
            period: values.period,
            // Sent as chosen even after the mix was edited: the server compares the mix with the preset itself.
            stage: values.stage,
            mix: mix.fractions,
            partnershipMix: partnershipMix.fractions,
            geoMix: geoMix.fractions,
            costPerPost,
            aov: aov.value,
            targetRoas: targetRoas.value,
            language,
          }
        : null,
  };
}

/** Percent text for a fraction, without binary noise (0.15 * 100 is 15.000000000000002). */
export const percentText = (fraction: number): string => String(Number((fraction * 100).toFixed(4)));

/** A saved budget may be the amount as typed (`¥25,000`): it goes back into the box as it was. */
const amountText = (n: number | string): string => String(n);

/**
 * The wizard's starting values: the Allocation tab's values where the user edited them in the sheet, else the saved
 * request, else the team's own quarter from the roster (its spend and mix), else the server's defaults.
 */
export function initialValues(setup: SetupInfo): FormValues {
  const saved = setup.allocationEdits?.input ?? setup.savedAllocation;
  const team = saved ? null : (setup.teamMix ?? null);
  const d = setup.defaults;
  const stage: StageChoice = saved?.stage ?? (team ? 'custom' : 'maturity');
  const mix = saved?.mix ?? team?.mix ?? d.stageMix[stage === 'custom' ? 'maturity' : stage];
  const percents = <K extends string>(keys: readonly K[], fractions: Record<K, number>): Record<K, string> =>
    Object.fromEntries(keys.map((k) => [k, percentText(fractions[k])])) as Record<K, string>;
  const cost = { ...d.costPerPost, ...saved?.costPerPost };
  return {
    budget: saved ? amountText(saved.budget) : team ? amountText(team.spend) : '',
    currency: saved?.currency ?? setup.currency,
    period: saved?.period ?? (team ? 'quarter' : 'month'),
    stage,
    mix: percents(TIER_KEYS, mix),
    partnershipMix: percents(PARTNERSHIP_TYPES, saved?.partnershipMix ?? d.partnershipMix),
    geoMix: percents(GEOGRAPHIES, saved?.geoMix ?? d.geoMix),
    costPerPost: Object.fromEntries(
      TIER_KEYS.map((k) => [k, { min: amountText(cost[k].min), max: amountText(cost[k].max) }]),
    ) as FormValues['costPerPost'],
    aov: amountText(saved?.aov ?? d.aov),
    targetRoas: amountText(saved?.targetRoas ?? d.targetRoas),
  };
}
