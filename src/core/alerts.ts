/**
 * The alert table (SPEC section 4, "Decisions"): every alert declared once, with its colour, the roster columns
 * it needs, the settings it reads and its condition. The condition is an expression (alerts-expr.ts) from which
 * the plan writes the live conditional-format formula and the core counts the rows it flags, so the sidebar's
 * legend and the sheet's colours come from the same place.
 *
 * Order matters: Sheets shows the first matching rule of a cell, so where two alerts colour the same column the
 * more important one comes first (possibly bought engagement before an engagement drop, unresponsive before a
 * follow-up).
 */
import { all, cell, compare, minus, num, ratio, textIs, TODAY, type BoolExpr, type NumExpr } from './alerts-expr';
import { PAID_WORDS, statusWords } from './alerts-statuses';
import { tierKeyOf, TIER_SCHEMES } from './domain';
import { tidy } from './result';
import type { RosterDetection, RosterField } from './roster';
import type { AlertSettings, Language, Settings } from './settings';

export type AlertColour = 'red' | 'amber' | 'yellow' | 'lightYellow' | 'green' | 'purple';

/** Backgrounds from Sheets' own palette (light 2 shades, light yellow 3 for the mildest), readable with black text. */
export const ALERT_PALETTE: Record<AlertColour, string> = {
  red: '#ea9999',
  amber: '#f9cb9c',
  yellow: '#ffe599',
  lightYellow: '#fff2cc',
  green: '#b6d7a8',
  purple: '#b4a7d6',
};

/** A score column whose numbers are all 10 or less is a 0-10 rating, otherwise a 0-100 total score. */
export type ScoreScale = 'rating' | 'total';

interface RuleContext {
  has(field: RosterField): boolean;
  alerts: AlertSettings;
  scoreScale: ScoreScale;
  tierScheme: Settings['tierScheme'];
}

/** What an alert does on this roster: the column it colours, its condition and the numbers written into it. */
export interface AlertRule {
  target: RosterField;
  condition: BoolExpr;
  thresholds: Record<string, number>;
}

export type SkipReason =
  /** None of the column sets the alert can work from is mapped; each inner list is one such set. */
  | { code: 'missing-columns'; needs: RosterField[][] }
  /** A custom tier table whose tiers have no typical engagement and no known name. */
  | { code: 'tier-engagement-unknown'; tiers: string[] };

export interface AlertDeclaration {
  id: string;
  label: Record<Language, string>;
  colour: AlertColour;
  /** The settings the alert reads (keys of Settings.alerts, or "tierScheme"). */
  settings: ReadonlyArray<keyof AlertSettings | 'tierScheme'>;
  /** Sets of columns the alert can work from, preferred first; it runs when one set is fully mapped. */
  needs: ReadonlyArray<readonly RosterField[]>;
  rule(ctx: RuleContext): AlertRule | SkipReason;
}

const daysUntil = (field: RosterField): NumExpr => minus(cell(field, 'date'), TODAY);
const daysSince = (field: RosterField): NumExpr => minus(TODAY, cell(field, 'date'));
const isActive = textIs('status', statusWords('active'));
const isContacted = textIs('status', statusWords('contacted'));

/** ROAS as the roster gives it: its own column, else revenue over spend (actual spend) or over cost (the quote). */
function roas(ctx: RuleContext): { value: NumExpr; target: RosterField } {
  if (ctx.has('roas')) return { value: cell('roas', 'number'), target: 'roas' };
  return { value: ratio(cell('revenue', 'number'), cell(ctx.has('spend') ? 'spend' : 'cost', 'number')), target: 'revenue' };
}

const expiring = (field: RosterField) => (ctx: RuleContext): AlertRule => ({
  target: field,
  condition: all(compare(daysUntil(field), '>=', num(0)), compare(daysUntil(field), '<=', num(ctx.alerts.expiringDays))),
  thresholds: { days: ctx.alerts.expiringDays },
});

const expired = (field: RosterField) => (): AlertRule => ({
  target: field,
  condition: all(compare(daysUntil(field), '<', num(0)), isActive),
  thresholds: {},
});

function followUp(from: 'followUp' | 'email' | 'unresponsive', to: 'email' | 'unresponsive' | null) {
  return (ctx: RuleContext): AlertRule => {
    const days = ctx.alerts.followUpDays;
    const parts = [isContacted, compare(daysSince('lastContacted'), '>=', num(days[from]))];
    if (to) parts.push(compare(daysSince('lastContacted'), '<', num(days[to])));
    return { target: 'lastContacted', condition: all(...parts), thresholds: to ? { fromDays: days[from], toDays: days[to] } : { fromDays: days[from] } };
  };
}

function scoreBand(band: 'red' | 'yellow' | 'green') {
  return (ctx: RuleContext): AlertRule => {
    const { green, yellow } = ctx.scoreScale === 'rating' ? ctx.alerts.rating : ctx.alerts.totalScore;
    const score = cell('score', 'number');
    const condition =
      band === 'green' ? compare(score, '>=', num(green)) : band === 'red' ? compare(score, '<', num(yellow)) : all(compare(score, '>=', num(yellow)), compare(score, '<', num(green)));
    return { target: 'score', condition, thresholds: { green, yellow } };
  };
}

/** Each tier's follower minimum and the engagement rate above which it looks bought, largest tier first. */
function boughtLines(ctx: RuleContext): Array<{ atLeast: number; value: number }> | SkipReason {
  const scheme = ctx.tierScheme;
  const rows = typeof scheme === 'object' ? scheme.custom : TIER_SCHEMES[scheme].map((b) => ({ tier: b.tier, minFollowers: b.minFollowers, engagementTop: undefined }));
  const unknown: string[] = [];
  const lines = rows.map((row) => {
    const key = tierKeyOf(row.tier);
    const top = row.engagementTop ?? (key ? ctx.alerts.engagementTop[key] : undefined);
    if (top === undefined) unknown.push(row.tier);
    return { atLeast: row.minFollowers, value: tidy(Math.min(1, ctx.alerts.boughtEngagementMultiple * (top ?? 0))) };
  });
  if (unknown.length) return { code: 'tier-engagement-unknown', tiers: unknown };
  return lines.sort((a, b) => b.atLeast - a.atLeast);
}

export const ALERTS: readonly AlertDeclaration[] = [
  {
    id: 'roas-low',
    label: { en: 'ROAS low', zh: 'ROAS 偏低' },
    colour: 'red',
    settings: ['roasLow'],
    needs: [['roas'], ['revenue', 'spend'], ['revenue', 'cost']],
    rule: (ctx) => {
      const r = roas(ctx);
      return { target: r.target, condition: compare(r.value, '<', num(ctx.alerts.roasLow)), thresholds: { below: ctx.alerts.roasLow } };
    },
  },
  {
    id: 'roas-star',
    label: { en: 'ROAS star', zh: 'ROAS 明星' },
    colour: 'green',
    settings: ['roasStar'],
    needs: [['roas'], ['revenue', 'spend'], ['revenue', 'cost']],
    rule: (ctx) => {
      const r = roas(ctx);
      return { target: r.target, condition: compare(r.value, '>', num(ctx.alerts.roasStar)), thresholds: { above: ctx.alerts.roasStar } };
    },
  },
  { id: 'contract-expired', label: { en: 'Contract expired, still active', zh: '合同已到期仍在合作' }, colour: 'red', settings: [], needs: [['contractEnd', 'status']], rule: expired('contractEnd') },
  { id: 'contract-expiring', label: { en: 'Contract expiring', zh: '合同即将到期' }, colour: 'amber', settings: ['expiringDays'], needs: [['contractEnd']], rule: expiring('contractEnd') },
  { id: 'rights-expired', label: { en: 'Usage rights expired, still active', zh: '授权已到期仍在合作' }, colour: 'red', settings: [], needs: [['rightsEnd', 'status']], rule: expired('rightsEnd') },
  { id: 'rights-expiring', label: { en: 'Usage rights expiring', zh: '授权即将到期' }, colour: 'amber', settings: ['expiringDays'], needs: [['rightsEnd']], rule: expiring('rightsEnd') },
  {
    id: 'payment-overdue',
    label: { en: 'Payment overdue', zh: '付款逾期' },
    colour: 'red',
    settings: [],
    needs: [['paymentDue', 'paymentStatus'], ['paymentDue', 'status']],
    rule: (ctx) => ({
      target: 'paymentDue',
      // Without a payment-status column, only a live partnership can owe a payment (SPEC).
      condition: all(compare(daysUntil('paymentDue'), '<', num(0)), ctx.has('paymentStatus') ? textIs('paymentStatus', PAID_WORDS, true) : textIs('status', statusWords('active', 'paused'))),
      thresholds: {},
    }),
  },
  {
    id: 'bought-engagement',
    label: { en: 'Possible bought engagement', zh: '疑似刷量' },
    colour: 'purple',
    settings: ['boughtEngagementMultiple', 'engagementTop', 'tierScheme'],
    needs: [['engagementRate', 'followers']],
    rule: (ctx) => {
      const lines = boughtLines(ctx);
      if (!Array.isArray(lines)) return lines;
      const followers = cell('followers', 'number');
      const above = compare(cell('engagementRate', 'rate'), '>', { k: 'bands', on: followers, bands: lines });
      const lowest = lines[lines.length - 1]!.atLeast;
      // A team's table may start above 0 followers: smaller accounts have no tier, hence no norm.
      const condition = lowest > 0 ? all(compare(followers, '>=', num(lowest)), above) : above;
      return { target: 'engagementRate', condition, thresholds: { multiple: ctx.alerts.boughtEngagementMultiple } };
    },
  },
  {
    id: 'engagement-drop',
    label: { en: 'Engagement drop', zh: '互动率下滑' },
    colour: 'amber',
    settings: ['engagementDrop'],
    needs: [['engagementRate', 'prevEngagementRate']],
    rule: (ctx) => ({
      target: 'engagementRate',
      condition: compare(ratio(cell('engagementRate', 'rate'), cell('prevEngagementRate', 'rate')), '<=', num(tidy(1 - ctx.alerts.engagementDrop))),
      thresholds: { drop: ctx.alerts.engagementDrop },
    }),
  },
  { id: 'follow-up-unresponsive', label: { en: 'No reply: mark unresponsive', zh: '无回复：标记为未响应' }, colour: 'red', settings: ['followUpDays'], needs: [['status', 'lastContacted']], rule: followUp('unresponsive', null) },
  { id: 'follow-up-email', label: { en: 'No reply: send an email', zh: '无回复：发送邮件' }, colour: 'amber', settings: ['followUpDays'], needs: [['status', 'lastContacted']], rule: followUp('email', 'unresponsive') },
  { id: 'follow-up', label: { en: 'No reply: follow up', zh: '无回复：跟进' }, colour: 'lightYellow', settings: ['followUpDays'], needs: [['status', 'lastContacted']], rule: followUp('followUp', 'email') },
  { id: 'score-red', label: { en: 'Score: red', zh: '评分：红' }, colour: 'red', settings: ['totalScore', 'rating'], needs: [['score']], rule: scoreBand('red') },
  { id: 'score-yellow', label: { en: 'Score: yellow', zh: '评分：黄' }, colour: 'yellow', settings: ['totalScore', 'rating'], needs: [['score']], rule: scoreBand('yellow') },
  { id: 'score-green', label: { en: 'Score: green', zh: '评分：绿' }, colour: 'green', settings: ['totalScore', 'rating'], needs: [['score']], rule: scoreBand('green') },
];

/** An alert that runs on this roster. */
export interface ActiveAlert extends AlertRule {
  id: string;
  label: Record<Language, string>;
  colour: AlertColour;
  background: string;
}

export interface SkippedAlert {
  id: string;
  label: Record<Language, string>;
  reason: SkipReason;
}

/** The alerts of one roster, decided once and shared by the plan (formulas) and the report (counts). */
export interface AlertSet {
  roster: RosterDetection;
  scoreScale: ScoreScale | null;
  /** In rule order: where two alerts colour the same cell, the earlier one shows. */
  active: ActiveAlert[];
  skipped: SkippedAlert[];
}

/** The scale of the score column: only real numbers count, as they are all a rule can compare. */
export function scoreScaleOf(rows: readonly (readonly unknown[])[], column: number): ScoreScale {
  return rows.every((row) => {
    const v = row[column - 1];
    return typeof v !== 'number' || v <= 10;
  })
    ? 'rating'
    : 'total';
}

/**
 * Which alerts run on a roster and how, from its mapping, the settings and its data rows (the rows below the
 * header, as getValues returns them; only the score column's scale is read from them).
 */
export function resolveAlerts(roster: RosterDetection, settings: Settings, rows: readonly (readonly unknown[])[]): AlertSet {
  const has = (field: RosterField): boolean => roster.columns[field] !== undefined;
  const scoreColumn = roster.columns.score?.column;
  const scoreScale = scoreColumn ? scoreScaleOf(rows, scoreColumn) : null;
  const ctx: RuleContext = { has, alerts: settings.alerts, scoreScale: scoreScale ?? 'total', tierScheme: settings.tierScheme };
  const active: ActiveAlert[] = [];
  const skipped: SkippedAlert[] = [];
  for (const alert of ALERTS) {
    if (!alert.needs.some((set) => set.every(has))) {
      skipped.push({ id: alert.id, label: alert.label, reason: { code: 'missing-columns', needs: alert.needs.map((set) => [...set]) } });
      continue;
    }
    const rule = alert.rule(ctx);
    if ('code' in rule) skipped.push({ id: alert.id, label: alert.label, reason: rule });
    else active.push({ id: alert.id, label: alert.label, colour: alert.colour, background: ALERT_PALETTE[alert.colour], ...rule });
  }
  return { roster, scoreScale, active, skipped };
}
