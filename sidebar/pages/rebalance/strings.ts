import type { RebalanceBudgetSource } from '../../../src/shared/api';
import type { Table } from '../../i18n';

/** The rebalance page's wording. The Chinese table is typed against the English one. */

const en = {
  title: 'Quarterly rebalance',
  summary: 'Review ROAS by tier and propose next quarter’s mix.',
  intro: 'Reviews a quarter of the roster’s results by tier and proposes the next quarter’s mix under the bounds below.',
  quarterLabel: 'Quarter to review',
  budgetLabel: (next: string | null) => (next ? `Budget for ${next}` : 'Budget for next quarter'),
  budgetHint: (source: RebalanceBudgetSource): string =>
    source === 'plan' ? 'From the planner’s saved budget for a quarter.' : source === 'spend' ? 'The quarter’s spend: the same total, moved between tiers.' : 'As typed.',
  minShareLabel: 'Minimum share per tier (%)',
  maxChangeLabel: 'Largest move per quarter (points)',
  boundsHint: 'Every tier that had spend keeps at least the minimum share; no tier moves more than the largest move.',
  preview: 'Preview',
  build: 'Build rebalance tab',
  useMix: 'Use this mix in the planner',
  heading: (quarter: string, next: string | null) => (next ? `${quarter} → ${next}` : quarter),
  colTier: 'Tier',
  colRoas: 'ROAS',
  colNow: 'Now',
  colProposed: 'Proposed',
  expected: (before: string, after: string) => `Expected ROAS ${before} now, ${after} with the proposed mix.`,
  reasonsTitle: 'Why each tier moves',
  lists: (renew: number, review: number, end: number, none: number) =>
    `Influencers: renew ${renew}, review ${review}, end ${end}, not enough data ${none}.`,
  pastQuarters: (quarters: string[]) => (quarters.length ? `Curves also read ${quarters.join(', ')}.` : 'Curves read this quarter only.'),
  undated: (n: number) => `${n} rows have no period and are left out.`,
  untiered: (n: number) => `${n} rows have no follower count: in the totals only.`,
  unread: (n: number) => `${n} cells did not read as numbers or quarters and count as blank.`,
  built: (sheet: string, created: boolean, history: string) => `“${sheet}” ${created ? 'created' : 'updated'}; the quarter is recorded in “${history}”.`,
  mixForPlanner: 'The planner opens on the tier mix with these shares; its budget stays unless it is empty.',
  otherTiers: 'The tier scheme’s tiers are not the planner’s five, so the mix cannot go to the planner.',
  notNumber: (raw: string) => `“${raw}” is not a number.`,
  percentRange: 'Enter a percentage from 0 to 100.',
};

export type RebalanceStrings = typeof en;

const zh: RebalanceStrings = {
  title: '季度调配',
  summary: '按层级复盘投产比，给出下季度的预算配比建议。',
  intro: '按层级复盘名单中一个季度的投放结果，并在下方的限制内给出下季度的配比建议。',
  quarterLabel: '复盘季度',
  budgetLabel: (next) => (next ? `${next} 预算` : '下季度预算'),
  budgetHint: (source) => (source === 'plan' ? '来自预算规划保存的季度预算。' : source === 'spend' ? '本季度花费：总额不变，在层级间调整。' : '按输入。'),
  minShareLabel: '每个层级的最低占比（%）',
  maxChangeLabel: '每季度最大调整（百分点）',
  boundsHint: '有花费的层级至少保留最低占比；每个层级的调整不超过最大调整。',
  preview: '预览',
  build: '生成调配表',
  useMix: '在预算规划中使用此配比',
  heading: (quarter, next) => (next ? `${quarter} → ${next}` : quarter),
  colTier: '层级',
  colRoas: '投产比',
  colNow: '当前',
  colProposed: '建议',
  expected: (before, after) => `预计投产比：当前 ${before}，按建议配比 ${after}。`,
  reasonsTitle: '各层级调整原因',
  lists: (renew, review, end, none) => `达人：续约 ${renew}，观察 ${review}，结束 ${end}，数据不足 ${none}。`,
  pastQuarters: (quarters) => (quarters.length ? `曲线还参考了 ${quarters.join('、')}。` : '曲线只参考了本季度。'),
  undated: (n) => `${n} 行没有周期，未计入。`,
  untiered: (n) => `${n} 行没有粉丝数：只计入合计。`,
  unread: (n) => `${n} 个单元格无法读取为数字或季度，按空白计。`,
  built: (sheet, created, history) => `已${created ? '创建' : '更新'}“${sheet}”；本季度已记录在“${history}”。`,
  mixForPlanner: '预算规划将打开层级配比并填入这些占比；预算不变（为空时填入）。',
  otherTiers: '当前层级划分与预算规划的五个层级不同，无法把配比带到预算规划。',
  notNumber: (raw) => `“${raw}”不是有效数字。`,
  percentRange: '请输入 0 到 100 之间的百分比。',
};

export const REBALANCE: Table<RebalanceStrings> = { en, zh };
