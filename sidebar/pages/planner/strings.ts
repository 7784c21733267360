import type { CurrencyCode, Geography, PartnershipType, TierKey } from '../../../src/core/domain';
import type { AllocationField, AllocationForecast, AllocationWarning } from '../../../src/shared/api';
import { formatMoney, formatNumber, type Table } from '../../i18n';
import type { Issue, Period, StageChoice } from './form';

/** The planner's wording. The Chinese table is typed against the English one. */

const en = {
  rosterFound: (sheet: string, columns: number) =>
    `Roster found on sheet “${sheet}”, ${columns} ${columns === 1 ? 'column' : 'columns'}`,
  rosterMissing: 'No roster detected',
  prefilled: 'Prefilled from the last allocation built in this workbook.',
  teamStart: (quarter: string | null, spend: string) =>
    `Prefilled from the roster's results${quarter ? ` in ${quarter}` : ''}: ${spend} spent, split across the tiers as the team did.`,
  mixFromTeam: (quarter: string | null) => `The team's own mix${quarter ? ` in ${quarter}` : ''}, from the roster.`,
  mixFromRebalance: (quarter: string | null) => `The mix the rebalance proposes${quarter ? ` for ${quarter}` : ''}.`,
  stepOf: (step: number, count: number) => `Step ${step} of ${count}`,
  stepTitles: ['Budget', 'Tier mix', 'Partnerships & regions', 'Costs & targets', 'Preview & build'],
  back: 'Back',
  next: 'Next',
  preview: 'Preview',
  build: 'Build tab',

  budgetLabel: (period: Period): string => (period === 'month' ? 'Monthly budget' : 'Quarterly budget'),
  budgetHint: 'e.g. 30000, 30,000, 3万 or ¥30,000',
  budgetParsed: (amount: string, period: Period) => `= ${amount} ${period === 'month' ? 'a month' : 'a quarter'}`,
  currencyLabel: 'Currency',
  periodLabel: 'Period',
  periods: { month: 'Month', quarter: 'Quarter' } as Record<Period, string>,

  stageLegend: 'Brand stage',
  stages: {
    awareness: 'Awareness',
    growth: 'Growth',
    maturity: 'Maturity',
    'roi-first': 'ROI first',
    custom: 'Custom',
  } as Record<StageChoice, string>,
  customHint: 'Keep the shares below as you set them.',
  mixLegend: 'Share of budget per tier',
  tiers: { mega: 'Mega', macro: 'Macro', mid: 'Mid', micro: 'Micro', nano: 'Nano' } as Record<TierKey, string>,
  total: (percent: string) => `Total ${percent}%`,
  mixEdited: (stage: string) => `Edited from the ${stage} preset; it will be saved as a custom mix.`,

  optionalIntro: 'Optional. The defaults follow the planning guide; open a section to change it.',
  partnershipLegend: 'Partnership types',
  partnerships: {
    sponsored: 'Sponsored',
    affiliate: 'Affiliate',
    seeding: 'Product seeding',
    ambassador: 'Ambassador',
  } as Record<PartnershipType, string>,
  geoLegend: 'Geography',
  geographies: { national: 'National', local: 'Local', global: 'Global' } as Record<Geography, string>,

  costLegend: 'Cost per post',
  costMin: (tier: string) => `${tier} cheapest`,
  costMax: (tier: string) => `${tier} dearest`,
  costRangeHint: 'Cheapest – dearest, in the budget’s currency. Posts are counted from this range.',
  aovLabel: 'Average order value',
  targetRoasLabel: 'Target ROAS',

  summary: (budget: string, period: Period, stage: string) =>
    `${budget} ${period === 'month' ? 'a month' : 'a quarter'} · ${stage}`,
  previewHint: 'Preview writes nothing. Build writes or refreshes the Allocation tab.',
  colTier: 'Tier',
  colBudget: 'Budget',
  colPosts: 'Posts',
  colRoas: 'ROAS',
  colTeamRoas: 'Roster',
  totalRow: 'Total',
  forecastBasis: (b: AllocationForecast['basis']): string => {
    if (b.kind === 'calibrated') {
      const when = b.quarter ? ` (${b.quarter}${b.quarters > 1 ? ` and ${b.quarters - 1} earlier quarter${b.quarters > 2 ? 's' : ''}` : ''})` : '';
      return `Forecast calibrated on ${formatNumber(b.influencers, 0)} influencers of the roster${when}. “Roster” is each tier's own ROAS${b.quarter ? ` in ${b.quarter}` : ''}.`;
    }
    const why = { 'no-roster': 'no sheet looks like a roster', 'no-results': 'the roster has no results (spend and revenue)', 'tiers-without-results': 'the planned tiers have no results in the roster' };
    return `Forecast from the seed funnel: ${why[b.why]}.`;
  },
  roasVsTarget: (roas: string, target: string) => `Predicted ROAS ${roas} against a target of ${target}`,
  built: (sheet: string, created: boolean) => `Allocation tab "${sheet}" ${created ? 'created' : 'updated'}`,
  currencyFromBudget: (code: CurrencyCode, sign: string) => `Currency set to ${code} from “${sign}”.`,
  editsStart: (sheet: string, fields: string) => `Started from the values edited in the “${sheet}” tab: ${fields}.`,
  overwriteQuestion: (sheet: string, fields: string) =>
    `The “${sheet}” tab has values edited in the sheet (${fields}). Building replaces them with this plan.`,
  overwrite: 'Replace them',
  useEdits: 'Use the tab’s values',
  fieldNames: {
    budget: 'budget',
    currency: 'currency',
    period: 'period',
    stage: 'brand stage',
    mix: 'tier mix',
    partnershipMix: 'partnership types',
    geoMix: 'geography',
    costPerPost: 'cost per post',
    aov: 'average order value',
    targetRoas: 'target ROAS',
  } as Record<AllocationField, string>,
  list: (items: string[]) => items.join(', '),

  warning: (w: AllocationWarning, currency: CurrencyCode, tierName: (k: TierKey) => string): string =>
    w.code === 'below-one-post'
      ? `${tierName(w.tier)}: ${formatMoney(w.budget, currency)} buys less than one post (cheapest ${formatMoney(w.cheapest, currency)})`
      : `The tier mix adds up to ${formatNumber(w.total * 100)}%; it should add up to 100%`,

  issue: (issue: Issue): string => {
    switch (issue.code) {
      case 'required':
        return 'Enter an amount.';
      case 'not-a-number':
        return `“${issue.raw}” is not a number. Try 30000, 30,000 or 3万.`;
      case 'negative':
        return 'Enter a positive number.';
      case 'not-positive':
        return 'Enter an amount above 0.';
      case 'too-large':
        return 'That amount is too large.';
      case 'share-range':
        return 'Each share must be between 0% and 100%.';
      case 'mix-total':
        return `The shares add up to ${formatNumber(issue.total)}%; they must add up to 100%.`;
      case 'cost-order':
        return `${en.tiers[issue.tier]}: the cheapest cost is above the dearest.`;
      case 'currency-mismatch':
        return `“${issue.sign}” is ${issue.named} but the currency is ${issue.chosen}: change one of them.`;
    }
  },
  fixStep: (step: number, title: string) => `Check step ${step} (${title}) before continuing.`,
  about: (field: string, message: string) => `${field}: ${message}`,
};

export type PlannerStrings = typeof en;

const zh: PlannerStrings = {
  rosterFound: (sheet, columns) => `已在工作表“${sheet}”找到达人名单，识别出 ${columns} 列`,
  rosterMissing: '未检测到达人名单',
  prefilled: '已按本工作簿上次生成的分配方案预填。',
  teamStart: (quarter, spend) => `已按名单${quarter ? ` ${quarter} ` : ''}的投放结果预填：花费 ${spend}，各层级占比与团队实际一致。`,
  mixFromTeam: (quarter) => `团队${quarter ? ` ${quarter} ` : ''}的实际占比，来自达人名单。`,
  mixFromRebalance: (quarter) => `季度调配${quarter ? `为 ${quarter} ` : ''}建议的占比。`,
  stepOf: (step, count) => `第 ${step} 步，共 ${count} 步`,
  stepTitles: ['预算', '达人层级分配', '合作方式与地域', '成本与目标', '预览并生成'],
  back: '上一步',
  next: '下一步',
  preview: '预览',
  build: '生成分配表',

  budgetLabel: (period) => (period === 'month' ? '月度预算' : '季度预算'),
  budgetHint: '例如 30000、30,000、3万 或 ¥30,000',
  budgetParsed: (amount, period) => `= 每${period === 'month' ? '月' : '季度'} ${amount}`,
  currencyLabel: '币种',
  periodLabel: '周期',
  periods: { month: '按月', quarter: '按季度' },

  stageLegend: '品牌阶段',
  stages: {
    awareness: '品牌认知期',
    growth: '增长期',
    maturity: '成熟期',
    'roi-first': 'ROI 优先',
    custom: '自定义',
  },
  customHint: '保留下方自行设置的比例。',
  mixLegend: '各层级预算占比',
  tiers: { mega: '头部', macro: '肩部', mid: '腰部', micro: '尾部', nano: '素人' },
  total: (percent) => `合计 ${percent}%`,
  mixEdited: (stage) => `已在“${stage}”预设基础上修改，将保存为自定义比例。`,

  optionalIntro: '可选。默认值来自投放规划指南，展开即可修改。',
  partnershipLegend: '合作方式',
  partnerships: { sponsored: '付费推广', affiliate: '佣金带货', seeding: '产品置换', ambassador: '品牌大使' },
  geoLegend: '地域',
  geographies: { national: '全国', local: '本地', global: '海外' },

  costLegend: '单条内容报价',
  costMin: (tier) => `${tier}最低报价`,
  costMax: (tier) => `${tier}最高报价`,
  costRangeHint: '最低 – 最高，币种同预算。内容条数按此区间计算。',
  aovLabel: '客单价',
  targetRoasLabel: '目标 ROAS',

  summary: (budget, period, stage) => `每${period === 'month' ? '月' : '季度'} ${budget} · ${stage}`,
  previewHint: '预览不会写入表格；生成会新建或刷新分配表。',
  colTier: '层级',
  colBudget: '预算',
  colPosts: '内容数',
  colRoas: 'ROAS',
  colTeamRoas: '实际',
  totalRow: '合计',
  forecastBasis: (b) => {
    if (b.kind === 'calibrated') {
      const when = b.quarter ? `（${b.quarter}${b.quarters > 1 ? `，另含之前 ${b.quarters - 1} 个季度` : ''}）` : '';
      return `预测基于名单中 ${formatNumber(b.influencers, 0)} 位达人的结果校准${when}。“实际”为各层级${b.quarter ? `在 ${b.quarter} ` : ''}自己的 ROAS。`;
    }
    const why = { 'no-roster': '没有找到达人名单', 'no-results': '达人名单没有投放结果（花费和销售额）', 'tiers-without-results': '计划投放的层级在名单中没有结果' };
    return `预测按种子漏斗估算：${why[b.why]}。`;
  },
  roasVsTarget: (roas, target) => `预测 ROAS ${roas}，目标 ${target}`,
  built: (sheet, created) => `已${created ? '创建' : '更新'}分配表“${sheet}”`,
  currencyFromBudget: (code, sign) => `已根据“${sign}”将币种设为 ${code}。`,
  editsStart: (sheet, fields) => `已从“${sheet}”表中修改过的数值开始：${fields}。`,
  overwriteQuestion: (sheet, fields) => `“${sheet}”表中有手动修改过的数值（${fields}），生成会用本方案覆盖它们。`,
  overwrite: '覆盖',
  useEdits: '使用表中的数值',
  fieldNames: {
    budget: '预算',
    currency: '币种',
    period: '周期',
    stage: '品牌阶段',
    mix: '层级占比',
    partnershipMix: '合作方式',
    geoMix: '地域',
    costPerPost: '单条报价',
    aov: '客单价',
    targetRoas: '目标 ROAS',
  },
  list: (items) => items.join('、'),

  warning: (w, currency, tierName) =>
    w.code === 'below-one-post'
      ? `${tierName(w.tier)}：${formatMoney(w.budget, currency)} 不足一条内容（最低报价 ${formatMoney(w.cheapest, currency)}）`
      : `层级占比合计 ${formatNumber(w.total * 100)}%，应为 100%`,

  issue: (issue) => {
    switch (issue.code) {
      case 'required':
        return '请输入金额。';
      case 'not-a-number':
        return `“${issue.raw}”不是有效数字，可填写 30000、30,000 或 3万。`;
      case 'negative':
        return '请输入正数。';
      case 'not-positive':
        return '金额必须大于 0。';
      case 'too-large':
        return '金额过大。';
      case 'share-range':
        return '每项占比须在 0% 到 100% 之间。';
      case 'mix-total':
        return `各项合计 ${formatNumber(issue.total)}%，必须等于 100%。`;
      case 'cost-order':
        return `${zh.tiers[issue.tier]}：最低报价高于最高报价。`;
      case 'currency-mismatch':
        return `“${issue.sign}”是 ${issue.named}，但所选币种是 ${issue.chosen}，请修改其中之一。`;
    }
  },
  fixStep: (step, title) => `请先检查第 ${step} 步（${title}）。`,
  about: (field, message) => `${field}：${message}`,
};

export const PLANNER: Table<PlannerStrings> = { en, zh };
