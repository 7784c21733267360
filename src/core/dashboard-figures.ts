/**
 * The Dashboard tab's figures, each declared once as data (dashboard-expr.ts): the plan writes its native formula
 * and the core computes its value from the same declaration, and a test holds the two equal.
 *
 * Decisions (SPEC section 4, "Decisions"):
 * - Spend is the spend column, else the cost / quote column. A quote is not money spent, so with the cost column
 *   only the rows of a partnership (Active, Paused, Inactive) count when the roster has a status column.
 * - Active influencers are the rows whose status is Active (合作中); without a status column, the rows with spend.
 * - ROAS = revenue / spend, as the rebalance reads it (core/performance.ts): revenue of every row that has one,
 *   over the spend of the rows that have both, so a row without a revenue figure does not dilute it.
 * - CPA = spend of the rows with conversions / their conversions.
 * - A tier is a follower range of the saved scheme (minimums inclusive); rows without a follower count are in the
 *   totals only.
 * - The pipeline funnel from the status column: reached = every status but Prospect (outreach was sent);
 *   responded = In Negotiation, Active, Paused, Inactive (they answered); partnered = Active, Paused, Inactive.
 *   Churn a month = partnerships that ended in the last 30 days (status Inactive, contract end within the last 30
 *   days) over the partnerships live 30 days ago (Active, Paused, and those that ended since). A repeat
 *   partnership is not something a roster row records, so partnership -> repeat is n/a, with its reason.
 * - Contracts expiring, overdue payments and follow-ups due are the roster alerts' own conditions (core/alerts.ts),
 *   so the tiles count exactly the rows the alerts colour.
 */
import { all, cell, compare, minus, num, ratio, textIs, TODAY, type BoolExpr, type NumExpr } from './alerts-expr';
import { statusWords, PIPELINE_STATUS_KEYS } from './alerts-statuses';
import type { AlertSet, SkipReason } from './alerts';
import { tierKeyOf, TIER_SCHEMES, type TierKey } from './domain';
import { addOf, count, ratioOf, sumOf, type Figure, type Where } from './dashboard-expr';
import type { RosterField } from './roster';
import type { Settings } from './settings';

/** A tier as a follower range: from `min` (inclusive) up to the next tier's minimum; the top tier is open. */
export interface TierRange {
  name: string;
  /** The allocation tier it stands for, when its name is a known tier's (plan against actual needs it). */
  key: TierKey | null;
  min: number;
  below: number | null;
}

/** The saved tier scheme as follower ranges, largest tier first. */
export function tierRanges(scheme: Settings['tierScheme']): TierRange[] {
  const bands = typeof scheme === 'object' ? [...scheme.custom].sort((a, b) => b.minFollowers - a.minFollowers) : TIER_SCHEMES[scheme];
  return bands.map((b, i) => ({ name: b.tier, key: tierKeyOf(b.tier), min: b.minFollowers, below: i === 0 ? null : bands[i - 1]!.minFollowers }));
}

/** Why a figure cannot be shown on this roster; the tab prints the reason in place of the number. */
export type NotAvailable =
  | { code: 'missing-columns'; needs: RosterField[][] }
  | { code: 'no-repeat-column' }
  | { code: 'alert-skipped'; reason: SkipReason };

export interface FigureDef {
  id: string;
  figure: Figure | null;
  na?: NotAvailable;
}

/** The per-row ROAS ranking behind the top and bottom lists. */
export interface RankingDef {
  /** The row's ROAS: revenue / spend, or the roster's ROAS column when it has no revenue and spend. */
  key: NumExpr;
  where: Where;
}

export interface DefContext {
  has(field: RosterField): boolean;
  tiers: readonly TierRange[];
  alerts: AlertSet;
}

/** Scopes of the per-tier figures: the whole roster, or a tier by its index in `tiers`. */
export type Scope = 'all' | number;
export const scopedId = (metric: string, scope: Scope): string => (scope === 'all' ? metric : `${metric}@${scope}`);

const allOf = (parts: ReadonlyArray<BoolExpr | undefined>): BoolExpr | undefined => {
  const present = parts.filter((p): p is BoolExpr => p !== undefined);
  return present.length === 0 ? undefined : present.length === 1 ? present[0] : all(...present);
};

const statusIs = (...keys: Parameters<typeof statusWords>): BoolExpr => textIs('status', statusWords(...keys));

export function tierCondition(tier: TierRange): BoolExpr {
  const followers = cell('followers', 'number');
  const from = compare(followers, '>=', num(tier.min));
  return tier.below === null ? from : all(from, compare(followers, '<', num(tier.below)));
}

const missing = (...needs: RosterField[][]): FigureDef['na'] => ({ code: 'missing-columns', needs });

/** Every figure of the tab, by id, on this roster. */
export function figureDefs(ctx: DefContext): FigureDef[] {
  const defs: FigureDef[] = [];
  const add = (id: string, figure: Figure | null, na?: NotAvailable): void => {
    defs.push(figure ? { id, figure } : { id, figure: null, ...(na ? { na } : {}) });
  };
  const spendField: RosterField | null = ctx.has('spend') ? 'spend' : ctx.has('cost') ? 'cost' : null;
  const spend = spendField ? cell(spendField, 'number') : null;
  const spendCond = spendField === 'cost' && ctx.has('status') ? statusIs('active', 'paused', 'inactive') : undefined;
  const spent = spend ? compare(spend, '>', num(0)) : undefined;
  const activeCond = ctx.has('status') ? statusIs('active') : spent ? allOf([spent, spendCond]) : undefined;
  const noSpend = missing(['spend'], ['cost']);

  const scopes: Scope[] = ['all', ...ctx.tiers.map((_, i) => i)];
  for (const scope of scopes) {
    const tier = scope === 'all' ? undefined : tierCondition(ctx.tiers[scope]!);
    const needsFollowers = scope !== 'all' && !ctx.has('followers');
    const na = (otherwise: FigureDef['na']): FigureDef['na'] => (needsFollowers ? missing(['followers']) : otherwise);
    const ok = (figure: Figure | null): Figure | null => (needsFollowers ? null : figure);
    add(scopedId('active', scope), ok(activeCond ? count({ cond: allOf([activeCond, tier])! }) : null), na(missing(['status'], ['spend'], ['cost'])));
    const spendSum = spend ? sumOf(spend, { cond: allOf([spent, spendCond, tier])! }) : null;
    add(scopedId('spend', scope), ok(spendSum), na(noSpend));
    const revenue = ctx.has('revenue') ? sumOf(cell('revenue', 'number'), tier ? { cond: tier } : {}) : null;
    add(scopedId('revenue', scope), ok(revenue), na(missing(['revenue'])));
    const spendWithRevenue = spend && revenue ? sumOf(spend, { has: ['revenue'], cond: allOf([spent, spendCond, tier])! }) : null;
    add(scopedId('roas', scope), ok(revenue && spendWithRevenue ? ratioOf(revenue, spendWithRevenue) : null), na(missing(['revenue', 'spend'], ['revenue', 'cost'])));
  }

  const conversions = ctx.has('conversions') ? cell('conversions', 'number') : null;
  add('cpa', spend && conversions ? ratioOf(sumOf(spend, { has: ['conversions'], cond: allOf([spent, spendCond])! }), sumOf(conversions)) : null, missing(['spend', 'conversions'], ['cost', 'conversions']));

  const alertCount = (...ids: string[]): { figure: Figure | null; na?: NotAvailable } => {
    const active = ids.map((id) => ctx.alerts.active.find((a) => a.id === id));
    if (active.every((a) => a !== undefined)) return { figure: active.length === 1 ? count({ cond: active[0]!.condition }) : addOf(...active.map((a) => count({ cond: a!.condition }))) };
    const skipped = ctx.alerts.skipped.find((s) => ids.includes(s.id));
    return { figure: null, ...(skipped ? { na: { code: 'alert-skipped' as const, reason: skipped.reason } } : {}) };
  };
  for (const [id, alertIds] of [
    ['contractsExpiring', ['contract-expiring']],
    ['paymentsOverdue', ['payment-overdue']],
    ['followUpsDue', ['follow-up', 'follow-up-email', 'follow-up-unresponsive']],
  ] as const) {
    const { figure, na } = alertCount(...alertIds);
    add(id, figure, na);
  }

  const hasStatus = ctx.has('status');
  const stage = (...keys: Parameters<typeof statusWords>): Figure | null => (hasStatus ? count({ cond: statusIs(...keys) }) : null);
  const identified = stage(...PIPELINE_STATUS_KEYS);
  const reached = stage('contacted', 'negotiating', 'active', 'paused', 'inactive');
  const responded = stage('negotiating', 'active', 'paused', 'inactive');
  const partnered = stage('active', 'paused', 'inactive');
  const noStatus = missing(['status']);
  add('identified', identified, noStatus);
  add('reached', reached, noStatus);
  add('responded', responded, noStatus);
  add('partnered', partnered, noStatus);
  add('outreachToResponse', responded && reached ? ratioOf(responded, reached) : null, noStatus);
  add('responseToPartnership', partnered && responded ? ratioOf(partnered, responded) : null, noStatus);
  add('partnershipToRepeat', null, { code: 'no-repeat-column' });
  add('churn', hasStatus && ctx.has('contractEnd') ? churn() : null, missing(['status', 'contractEnd']));
  return defs;
}

/** Days in "a month" for the churn rate (seed 000: churn under 10% a month). */
export const CHURN_WINDOW_DAYS = 30;

function churn(): Figure {
  const daysToEnd = minus(cell('contractEnd', 'date'), TODAY);
  const ended = count({ cond: all(statusIs('inactive'), compare(daysToEnd, '>=', num(-CHURN_WINDOW_DAYS)), compare(daysToEnd, '<', num(0))) });
  const live = count({ cond: statusIs('active', 'paused') });
  return ratioOf(ended, addOf(live, ended));
}

/** The ranking behind top 5 / bottom 5, or why there is none. */
export function rankingDef(ctx: DefContext): RankingDef | { na: NotAvailable } {
  const spendField: RosterField | null = ctx.has('spend') ? 'spend' : ctx.has('cost') ? 'cost' : null;
  const spendCond = spendField === 'cost' && ctx.has('status') ? statusIs('active', 'paused', 'inactive') : undefined;
  if (spendField && ctx.has('revenue')) return { key: ratio(cell('revenue', 'number'), cell(spendField, 'number')), where: spendCond ? { cond: spendCond } : {} };
  if (ctx.has('roas')) {
    const cond = allOf([spendField ? compare(cell(spendField, 'number'), '>', num(0)) : undefined, spendCond]);
    return { key: cell('roas', 'number'), where: cond ? { cond } : {} };
  }
  return { na: { code: 'missing-columns', needs: [['revenue', 'spend'], ['revenue', 'cost'], ['roas']] } };
}
