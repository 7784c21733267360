import type { UncheckedReason } from '../core/alerts-cells';
import { tierKeyOf, TIER_KEYS, TIER_NAMES_ZH, TIERS, type Geography, type PartnershipType, type Stage, type TierKey } from '../core/domain';
import type { RosterField } from '../core/roster';

/** Words the generated tabs use, in the two languages the add-on speaks. Formula results use these too. */
export type Language = 'en' | 'zh';

export const languageForLocale = (locale: string | undefined): Language => (/^zh/i.test(locale ?? '') ? 'zh' : 'en');

const en = {
  allocationSheet: 'Allocation',
  allocationTitle: 'Influencer budget allocation',
  allocationIntro: 'Made by Influencer Matrix. Edit the shaded inputs; every figure below follows.',
  inputs: 'Inputs',
  budget: 'Budget',
  currency: 'Currency',
  period: 'Period',
  periodNames: { month: 'per month', quarter: 'per quarter' },
  stage: 'Stage (preset of the mix)',
  aov: 'Average order value',
  targetRoas: 'Target ROAS',
  reachRate: 'Reach rate (share of followers)',
  clickRate: 'Click rate (share of engagements)',
  conversionRate: 'Conversion rate (share of clicks)',
  tierInputHeaders: ['Tier', 'Mix', 'Cost per post (min)', 'Cost per post (max)', 'Typical followers', 'Engagement rate'],
  total: 'Total',
  allocation: 'Allocation by tier',
  resultHeaders: ['Tier', 'Budget', 'Posts (min)', 'Posts (max)', 'Predicted reach', 'Predicted revenue', 'Predicted ROAS', 'Against target', 'Warning'],
  onTarget: 'On target',
  belowTarget: 'Below target',
  belowOnePost: 'Buys less than one post at the cheapest rate',
  mixTotalPrefix: 'The mix adds up to ',
  mixTotalSuffix: '%, not 100%',
  partnershipTitle: 'Partnership types',
  partnershipType: 'Type',
  geographyTitle: 'Geography',
  region: 'Region',
  splitHeaders: (first: string) => [first, 'Share', 'Budget'],
  partnershipNames: { sponsored: 'Sponsored content', affiliate: 'Affiliate', seeding: 'Product seeding', ambassador: 'Brand ambassador' } as Record<PartnershipType, string>,
  geographyNames: { national: 'National', local: 'Local', global: 'Global' } as Record<Geography, string>,
  validationBudget: 'A budget of 0 or more',
  validationShare: 'A share between 0% and 100%',
  chartTitle: 'Budget by tier',
  tierNames: Object.fromEntries(TIER_KEYS.map((k, i) => [k, TIERS[i]!])) as Record<TierKey, string>,
  /** What the period and stage input cells show; reading an edited cell accepts these in either language. */
  periodValues: { month: 'month', quarter: 'quarter' } as Record<'month' | 'quarter', string>,
  stageNames: { awareness: 'awareness', growth: 'growth', maturity: 'maturity', 'roi-first': 'roi-first', custom: 'custom' } as Record<Stage | 'custom', string>,
};

export type Labels = typeof en;

const zh: Labels = {
  allocationSheet: '预算分配',
  allocationTitle: '达人预算分配',
  allocationIntro: '由 达人矩阵 生成。修改蓝色底纹的输入项，下方所有数字随之更新。',
  inputs: '输入',
  budget: '预算',
  currency: '币种',
  period: '周期',
  periodNames: { month: '每月', quarter: '每季度' },
  stage: '品牌阶段（配比预设）',
  aov: '客单价',
  targetRoas: '目标投产比',
  reachRate: '触达率（占粉丝）',
  clickRate: '点击率（占互动）',
  conversionRate: '转化率（占点击）',
  tierInputHeaders: ['层级', '配比', '单条报价（低）', '单条报价（高）', '典型粉丝数', '互动率'],
  total: '合计',
  allocation: '各层级分配',
  resultHeaders: ['层级', '预算', '可投条数（少）', '可投条数（多）', '预计触达', '预计销售额', '预计投产比', '对比目标', '提醒'],
  onTarget: '达标',
  belowTarget: '低于目标',
  belowOnePost: '预算不足最低报价的一条',
  mixTotalPrefix: '配比合计 ',
  mixTotalSuffix: '%，不是 100%',
  partnershipTitle: '合作类型',
  partnershipType: '类型',
  geographyTitle: '地域',
  region: '地域',
  splitHeaders: (first: string) => [first, '占比', '预算'],
  partnershipNames: { sponsored: '付费内容', affiliate: '佣金分成', seeding: '产品种草', ambassador: '品牌大使' },
  geographyNames: { national: '全国', local: '本地', global: '海外' },
  validationBudget: '预算须为 0 或以上',
  validationShare: '占比须在 0% 到 100% 之间',
  chartTitle: '各层级预算',
  tierNames: TIER_NAMES_ZH,
  periodValues: { month: '按月', quarter: '按季度' },
  stageNames: { awareness: '品牌认知期', growth: '增长期', maturity: '成熟期', 'roi-first': '投产优先', custom: '自定义' },
};

export const LABELS: Record<Language, Labels> = { en, zh };

/**
 * A tier's name in the workbook language (SPEC "Language"): a known tier by its Chinese name in Chinese and its
 * English name in English; a team's own tier, or a Chinese name in an English workbook, as written.
 */
export function tierLabel(tier: string, language: Language): string {
  if (language === 'zh') {
    const key = tierKeyOf(tier);
    return key ? LABELS.zh.tierNames[key] : tier;
  }
  return TIERS.find((t) => t.toLowerCase() === tier.trim().toLowerCase()) ?? tier;
}

/** Words of the roster alerts: the status dropdown's help, why a cell could not be checked, why an alert was skipped. */
export interface AlertLabels {
  /** Marks the status dropdown as the add-on's own (see isOwnedValidation); never reword it without keeping the old one. */
  statusMark: string;
  statusHelp: (list: readonly string[]) => string;
  unchecked: Record<UncheckedReason, string>;
  skipped: { missingColumns: (needs: readonly (readonly RosterField[])[]) => string; tierEngagementUnknown: (tiers: readonly string[]) => string };
  fields: Record<RosterField, string>;
}

const fieldNamesEn: Record<RosterField, string> = {
  name: 'Name', handle: 'Handle', platform: 'Platform', category: 'Category', city: 'City', country: 'Country', followers: 'Followers',
  engagementRate: 'Engagement rate', prevEngagementRate: 'Previous engagement rate', cost: 'Cost', spend: 'Spend', revenue: 'Revenue',
  roas: 'ROAS', aov: 'Average order value', conversions: 'Conversions', impressions: 'Impressions', engagements: 'Engagements', posts: 'Posts',
  status: 'Status', period: 'Period', contractEnd: 'Contract end', rightsEnd: 'Usage rights end', paymentDue: 'Payment due',
  paymentStatus: 'Payment status', lastContacted: 'Last contacted', score: 'Score',
};
const fieldNamesZh: Record<RosterField, string> = {
  name: '达人', handle: '账号', platform: '平台', category: '类目', city: '城市', country: '国家', followers: '粉丝数',
  engagementRate: '互动率', prevEngagementRate: '上期互动率', cost: '报价', spend: '花费', revenue: '销售额',
  roas: 'ROAS', aov: '客单价', conversions: '订单数', impressions: '曝光量', engagements: '互动量', posts: '笔记数',
  status: '状态', period: '周期', contractEnd: '合同到期', rightsEnd: '授权到期', paymentDue: '付款日期',
  paymentStatus: '付款状态', lastContacted: '最近联系', score: '评分',
};

export const ALERT_LABELS: Record<Language, AlertLabels> = {
  en: {
    statusMark: '(Influencer Matrix)',
    statusHelp: (list) => `Pipeline status (Influencer Matrix): ${list.join(', ')}.`,
    unchecked: {
      'text-date': 'a date written as text, which Sheets cannot compare with today; retype it as a date',
      'text-number': 'a number written as text (such as 3.4万 or 12.5k), which the rule cannot read; retype it as a plain number',
      'ambiguous-rate': 'a rate above 1: write 8% or 0.08',
      'negative-rate': 'a negative rate',
      'not-a-date': 'not a date',
      'not-a-number': 'not a number',
    },
    skipped: {
      missingColumns: (needs) => `needs ${needs.map((set) => set.map((f) => fieldNamesEn[f]).join(' + ')).join(' or ')} columns`,
      tierEngagementUnknown: (tiers) => `the tier table gives no typical engagement rate for ${tiers.join(', ')}`,
    },
    fields: fieldNamesEn,
  },
  zh: {
    statusMark: '（达人矩阵）',
    statusHelp: (list) => `合作状态（达人矩阵）：${list.join('、')}。`,
    unchecked: {
      'text-date': '文本格式的日期，表格无法与今天比较；请改为日期格式',
      'text-number': '文本格式的数字（如 3.4万、12.5k），规则无法读取；请改为纯数字',
      'ambiguous-rate': '比率大于 1：请写成 8% 或 0.08',
      'negative-rate': '比率为负数',
      'not-a-date': '不是日期',
      'not-a-number': '不是数字',
    },
    skipped: {
      missingColumns: (needs) => `需要以下列：${needs.map((set) => set.map((f) => fieldNamesZh[f]).join(' + ')).join(' 或 ')}`,
      tierEngagementUnknown: (tiers) => `层级表未给出以下层级的典型互动率：${tiers.join('、')}`,
    },
    fields: fieldNamesZh,
  },
};
