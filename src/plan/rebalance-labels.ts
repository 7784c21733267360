import type { LimitedBy } from '../core/allocator';
import type { TierModel } from '../core/calibration';
import type { MoveReason } from '../core/rebalance';
import type { Decision, NotEnoughData } from '../core/renewal';
import type { Language } from './labels';

/**
 * Words of the Rebalance and History tabs in the two languages the add-on speaks. The allocator gives each move as
 * a reason key with its figures (core/rebalance.ts, MoveReason); the sentences are phrased here.
 */

/** What the sentences need besides the reason: the money symbol and the bounds the proposal kept. */
export interface PhraseContext {
  symbol: string;
  quarter: string;
  minShare: number;
  maxChange: number;
  /**
   * The marginal ROAS the tiers free to move settle at; null when every modelled tier stopped at a bound, where the
   * allocator's level is any value between their returns and means nothing to say.
   */
  level: number | null;
}

export type QuarterSource = 'data' | 'input' | 'today';
export type BudgetSource = 'input' | 'plan' | 'spend';

const pct = (share: number): string => `${(share * 100).toFixed(1)}%`;
/** Points of the mix: 0.05 -> "5", 0.025 -> "2.5". */
const points = (share: number): string => String(Number((share * 100).toFixed(1)));
const two = (n: number): string => n.toFixed(2);
const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const money = (symbol: string, n: number): string => `${symbol}${n.toFixed(2)}`;
const whole = (symbol: string, n: number): string => `${symbol}${String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;

type Moved = Exclude<MoveReason, { kind: 'held' }>;

const en = {
  sheet: (quarter: string) => `Rebalance ${quarter}`,
  title: (quarter: string, next: string | null) => (next ? `Quarterly rebalance: ${quarter} reviewed, mix proposed for ${next}` : `Quarterly rebalance: ${quarter}`),
  intro: (sheet: string, influencers: number) =>
    `Made by Influencer Matrix from the "${sheet}" tab (${influencers} influencers in the quarter). Figures from the roster are as of this build; ratios, budgets and checks are live formulas.`,
  quarterFrom: {
    data: (q: string) => `Quarter ${q}: the latest the roster's period column holds.`,
    input: (q: string) => `Quarter ${q}: as asked.`,
    today: (q: string) => `Quarter ${q}: the roster has no period column, so its rows are taken as this quarter's.`,
  } as Record<QuarterSource, (q: string) => string>,
  inputs: 'Inputs',
  budget: (next: string | null) => (next ? `Budget for ${next}` : 'Budget for next quarter'),
  budgetFrom: (source: BudgetSource, symbol: string, plan: { budget: number; period: 'month' | 'quarter' } | null) =>
    source === 'input'
      ? 'as asked'
      : source === 'spend'
        ? "the quarter's spend: the same total, moved between tiers"
        : plan && plan.period === 'month'
          ? `the planner's ${whole(symbol, plan.budget)} a month x 3`
          : "the planner's quarterly budget",
  minShare: 'Minimum share of a tier with spend',
  maxChange: 'Maximum change per quarter (points of the mix)',
  targetRoas: 'Target ROAS',
  boundsNote: 'The proposed shares were worked out for these inputs: after changing them, run Quarterly rebalance again. Budgets per tier and expected revenue follow the budget cell now.',
  performance: (quarter: string) => `Tier performance, ${quarter}`,
  performanceHeaders: [
    'Tier', 'Influencers', 'With spend', 'Spend', 'Revenue', 'ROAS', 'Against target', 'Impressions', 'Engagements', 'Conversions', 'CPM', 'CPE', 'CPA',
    'Spend with revenue', 'Spend with impressions', 'Spend with engagements', 'Spend with conversions',
  ],
  basisNote: 'Each ratio divides by the spend of the influencers that have its figure (the grey columns), so a row without revenue does not make ROAS look worse.',
  total: 'Total',
  onTarget: 'On target',
  belowTarget: 'Below target',
  untiered: (n: number) => `${n} rows have no follower count: they are in the total only.`,
  undated: (n: number) => `${n} rows have no period: they are left out of the quarter.`,
  unread: (n: number) => `${n} cells could not be read as numbers or quarters and count as blank.`,
  mix: (next: string | null) => (next ? `Proposed mix for ${next}` : 'Proposed mix'),
  mixHeaders: (quarter: string, symbol: string) => [
    'Tier', `Spend ${quarter}`, 'Current share', 'Proposed share', 'Change (points)', 'Proposed budget', 'Expected revenue, current mix',
    'Expected revenue, proposed mix', 'Within the bounds', 'Model', `Next ${symbol}1 returns now`, `Next ${symbol}1 returns at the proposal`, 'Why',
  ],
  withinBounds: 'Yes',
  outsideBounds: 'No: run the rebalance again',
  noProposal: (why: string) => `No mix proposed: ${why}`,
  noResults: 'no tier has both spend and revenue in the quarter, so ROAS cannot be computed.',
  expected: 'Expected ROAS (modelled tiers, at the budget above)',
  expectedHeaders: ['', 'Expected revenue', 'Expected ROAS'],
  currentMix: 'Current mix',
  proposedMix: 'Proposed mix',
  change: 'Change',
  modelLine: 'Model',
  methodLine: 'Method',
  method: {
    'marginal-roas': 'Marginal ROAS equalised under the bounds: money goes where the next yuan returns the most, until the returns meet or a bound stops it.',
    'average-roas': "Average ROAS (the seed's rule): money moves from low-ROAS to high-ROAS tiers as far as the bounds allow.",
  },
  modelSummary: (hill: { influencers: number; quarters: number } | null) =>
    hill
      ? `Hill curve calibrated on ${count(hill.influencers, 'influencer')} (${count(hill.quarters, 'quarter')}).`
      : 'Average ROAS (seed rule): too little data for a response curve.',
  tierModel: (m: TierModel): string => {
    if (m.kind === 'hill') return `Hill curve, ${count(m.influencers, 'influencer')}, ${count(m.quarters, 'quarter')}`;
    if (m.kind === 'average-roas') {
      const borrowed = m.curve.kind === 'hill' ? " on the other tiers' curve shape" : '';
      return m.why === 'no-revenue' ? 'Average ROAS: no revenue recorded' : `Average ROAS${borrowed} (too little data: ${count(m.influencers, 'influencer')})`;
    }
    return m.why === 'no-spend' ? 'None: no spend' : 'None: no revenue figures';
  },
  curves: 'How each tier responds to spend: revenue = ceiling / (1 + (half-saturation spend / spend) ^ shape)',
  curveHeaders: ['Tier', 'Model', 'Influencers', 'Quarters', 'Ceiling', 'Half-saturation spend', 'Shape', 'Average ROAS', 'Modelled', 'Fit error'],
  lists: {
    renew: (n: number) => `Renew: the top 50% by ROAS in each tier (${n})`,
    review: (n: number) => `Review: the middle of each tier (${n})`,
    end: (n: number) => `End: the bottom 25% by ROAS in each tier (${n})`,
    notEnoughData: (n: number) => `Not enough data: never ended on this evidence (${n})`,
  } as Record<Decision | 'notEnoughData', (n: number) => string>,
  listHeaders: ['Tier', 'Name', 'Platform', 'Spend', 'Revenue', 'ROAS', 'Rank in tier', 'Status', 'Roster row'],
  unjudgedHeaders: ['Tier', 'Name', 'Platform', 'Spend', 'Revenue', 'ROAS', 'Why', 'Status', 'Roster row'],
  none: 'None',
  why: { 'no-spend': 'no spend', 'below-one-post': "less than one post's worth of spend", 'no-revenue': 'no revenue figure' } as Record<NotEnoughData, string>,
  chartTitle: 'Current and proposed mix',
  validation: { budget: 'A budget of 0 or more', share: 'A share between 0% and 100%', roas: 'A ROAS of 0 or more' },
  history: {
    sheet: 'Rebalance history',
    title: 'Rebalance history: tier totals by quarter',
    intro: 'Recorded by each Quarterly rebalance; rebuilding a quarter replaces its rows. Later rebalances calibrate on these quarters.',
    headers: ['Quarter', 'Tier', 'Influencers with spend', 'Spend', 'Revenue', 'ROAS'],
  },
  reason: (r: MoveReason, c: PhraseContext, tier: string): string => {
    if (r.kind === 'held') {
      return r.why === 'no-spend'
        ? `${tier}: no spend in ${c.quarter}, nothing to judge; kept at ${pct(r.share)}.`
        : `${tier}: spend but no revenue figures in ${c.quarter}, so its return is unknown; kept at ${pct(r.share)}.`;
    }
    const head = `${tier} ${pct(r.from)} → ${pct(r.to)}. ROAS ${two(r.roas)} (target ${two(r.targetRoas)})`;
    return `${head}; ${enMove(r, c)}`;
  },
};

function enMove(r: Moved, c: PhraseContext): string {
  const next = r.marginalFrom === null ? null : `its next ${c.symbol}1 returns ${money(c.symbol, r.marginalFrom)}`;
  const level = c.level === null ? null : money(c.symbol, c.level);
  const by: Record<Exclude<LimitedBy, null>, string> = {
    'max-change': `moved by the most a quarter allows (${points(c.maxChange)} points).`,
    'min-share': `down to the ${pct(c.minShare)} every tier with spend keeps.`,
    'min-spend': "held at the tier's minimum spend.",
  };
  const compare = r.kind === 'up' ? 'more' : 'less';
  const start = next ? `${next}, ${compare} than ${level ? `the ${level} the others settle at` : 'the others'}` : `it earns ${compare} than the others`;
  if (r.kind === 'kept') {
    if (r.limitedBy === 'min-share') return `${next ? `${next}; ` : ''}it is already at or below the ${pct(c.minShare)} a tier keeps, so it is not cut further.`;
    return level ? `its next ${c.symbol}1 already returns about ${level}, where the tiers settle; kept.` : 'kept: the bounds leave it no room.';
  }
  if (r.limitedBy) return `${start}; ${by[r.limitedBy]}`;
  return `${start}; ${r.kind === 'up' ? 'raised' : 'cut'} until its next ${c.symbol}1 returns ${level ?? 'the same'} too.`;
}

export type RebalanceLabels = typeof en;

const zh: RebalanceLabels = {
  sheet: (quarter) => `季度调配 ${quarter}`,
  title: (quarter, next) => (next ? `季度调配：复盘 ${quarter}，建议 ${next} 配比` : `季度调配：${quarter}`),
  intro: (sheet, influencers) => `由 达人矩阵 根据「${sheet}」表生成（本季度 ${influencers} 位达人）。来自名单的数字为本次生成时的数据；比率、预算和检查为实时公式。`,
  quarterFrom: {
    data: (q) => `季度 ${q}：名单周期列中最近的季度。`,
    input: (q) => `季度 ${q}：按指定。`,
    today: (q) => `季度 ${q}：名单没有周期列，全部行视为本季度。`,
  },
  inputs: '输入',
  budget: (next) => (next ? `${next} 预算` : '下季度预算'),
  budgetFrom: (source, symbol, plan) =>
    source === 'input'
      ? '按指定'
      : source === 'spend'
        ? '本季度花费：总额不变，在层级间调整'
        : plan && plan.period === 'month'
          ? `预算规划的每月 ${whole(symbol, plan.budget)} x 3`
          : '预算规划的季度预算',
  minShare: '有花费层级的最低占比',
  maxChange: '每季度最大调整（百分点）',
  targetRoas: '目标投产比',
  boundsNote: '建议配比按以上输入计算：修改后请重新运行“季度调配”。各层级预算和预计销售额随预算单元格实时更新。',
  performance: (quarter) => `各层级表现，${quarter}`,
  performanceHeaders: [
    '层级', '达人数', '有花费', '花费', '销售额', '投产比', '对比目标', '曝光量', '互动量', '订单数', 'CPM', 'CPE', 'CPA',
    '有销售额的花费', '有曝光的花费', '有互动的花费', '有订单的花费',
  ],
  basisNote: '每个比率只除以有该项数据的达人的花费（灰色列），没有销售额的行不会拉低投产比。',
  total: '合计',
  onTarget: '达标',
  belowTarget: '低于目标',
  untiered: (n) => `${n} 行没有粉丝数：只计入合计。`,
  undated: (n) => `${n} 行没有周期：不计入本季度。`,
  unread: (n) => `${n} 个单元格无法读取为数字或季度，按空白处理。`,
  mix: (next) => (next ? `${next} 建议配比` : '建议配比'),
  mixHeaders: (quarter, symbol) => [
    '层级', `${quarter} 花费`, '当前占比', '建议占比', '变化（百分点）', '建议预算', '预计销售额（当前配比）', '预计销售额（建议配比）', '是否在范围内', '模型',
    `当前每 ${symbol}1 边际回报`, `建议配比下每 ${symbol}1 边际回报`, '原因',
  ],
  withinBounds: '是',
  outsideBounds: '否：请重新运行调配',
  noProposal: (why) => `未给出建议配比：${why}`,
  noResults: '本季度没有层级同时有花费和销售额，无法计算投产比。',
  expected: '预计投产比（有模型的层级，按上方预算）',
  expectedHeaders: ['', '预计销售额', '预计投产比'],
  currentMix: '当前配比',
  proposedMix: '建议配比',
  change: '变化',
  modelLine: '模型',
  methodLine: '方法',
  method: {
    'marginal-roas': '在范围限制内使边际投产比相等：预算流向下一元回报最高的层级，直到各层级回报持平或触及限制。',
    'average-roas': '平均投产比（种子规则）：在范围限制内把预算从低投产比层级移向高投产比层级。',
  },
  modelSummary: (hill) => (hill ? `Hill 曲线，基于 ${hill.influencers} 位达人（${hill.quarters} 个季度）校准。` : '平均投产比（种子规则）：数据太少，无法拟合响应曲线。'),
  tierModel: (m) => {
    if (m.kind === 'hill') return `Hill 曲线，${m.influencers} 位达人，${m.quarters} 个季度`;
    if (m.kind === 'average-roas') {
      const borrowed = m.curve.kind === 'hill' ? '，借用其他层级的曲线形状' : '';
      return m.why === 'no-revenue' ? '平均投产比：无销售额' : `平均投产比${borrowed}（数据太少：${m.influencers} 位达人）`;
    }
    return m.why === 'no-spend' ? '无：没有花费' : '无：没有销售额数据';
  },
  curves: '各层级对花费的响应：销售额 = 上限 / (1 + (半饱和花费 / 花费) ^ 形状)',
  curveHeaders: ['层级', '模型', '达人数', '季度数', '上限', '半饱和花费', '形状', '平均投产比', '有模型', '拟合误差'],
  lists: {
    renew: (n) => `续约：各层级投产比前 50%（${n}）`,
    review: (n) => `观察：各层级中间部分（${n}）`,
    end: (n) => `结束：各层级投产比后 25%（${n}）`,
    notEnoughData: (n) => `数据不足：不据此结束合作（${n}）`,
  },
  listHeaders: ['层级', '达人', '平台', '花费', '销售额', '投产比', '层级内排名', '状态', '名单行号'],
  unjudgedHeaders: ['层级', '达人', '平台', '花费', '销售额', '投产比', '原因', '状态', '名单行号'],
  none: '无',
  why: { 'no-spend': '没有花费', 'below-one-post': '花费不足一条内容', 'no-revenue': '没有销售额数据' },
  chartTitle: '当前与建议配比',
  validation: { budget: '预算须为 0 或以上', share: '占比须在 0% 到 100% 之间', roas: '投产比须为 0 或以上' },
  history: {
    sheet: '调配历史',
    title: '调配历史：各季度层级合计',
    intro: '每次“季度调配”都会记录；重新生成某季度会替换该季度的行。之后的调配会用这些季度校准。',
    headers: ['季度', '层级', '有花费的达人', '花费', '销售额', '投产比'],
  },
  reason: (r, c, tier) => {
    if (r.kind === 'held') {
      return r.why === 'no-spend' ? `${tier}：${c.quarter} 没有花费，无从评估；保持 ${pct(r.share)}。` : `${tier}：${c.quarter} 有花费但没有销售额数据，回报未知；保持 ${pct(r.share)}。`;
    }
    return `${tier} ${pct(r.from)} → ${pct(r.to)}。投产比 ${two(r.roas)}（目标 ${two(r.targetRoas)}）；${zhMove(r, c)}`;
  },
};

function zhMove(r: Moved, c: PhraseContext): string {
  const next = r.marginalFrom === null ? null : `下一个 ${c.symbol}1 带来 ${money(c.symbol, r.marginalFrom)}`;
  const level = c.level === null ? null : money(c.symbol, c.level);
  const by: Record<Exclude<LimitedBy, null>, string> = {
    'max-change': `已按每季度上限调整 ${points(c.maxChange)} 个百分点。`,
    'min-share': `降至每个有花费层级保留的最低 ${pct(c.minShare)}。`,
    'min-spend': '保持在该层级的最低花费。',
  };
  const compare = r.kind === 'up' ? '高于' : '低于';
  const start = next ? `${next}，${compare}${level ? `其他层级的平衡点 ${level}` : '其他层级'}` : `回报${compare}其他层级`;
  if (r.kind === 'kept') {
    if (r.limitedBy === 'min-share') return `${next ? `${next}；` : ''}已处于或低于最低占比 ${pct(c.minShare)}，不再削减。`;
    return level ? `下一个 ${c.symbol}1 已约带来 ${level}，与各层级持平；保持不变。` : '范围限制不留调整空间；保持不变。';
  }
  if (r.limitedBy) return `${start}；${by[r.limitedBy]}`;
  return `${start}；${r.kind === 'up' ? '增加' : '减少'}预算，直到下一个 ${c.symbol}1 也带来 ${level ?? '相同回报'}。`;
}

export const REBALANCE_LABELS: Record<Language, RebalanceLabels> = { en, zh };
