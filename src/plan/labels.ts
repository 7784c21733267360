import type { Geography, PartnershipType } from '../core/domain';

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
  targetRoas: '目标 ROAS',
  reachRate: '触达率（占粉丝）',
  clickRate: '点击率（占互动）',
  conversionRate: '转化率（占点击）',
  tierInputHeaders: ['层级', '配比', '单条报价（低）', '单条报价（高）', '典型粉丝数', '互动率'],
  total: '合计',
  allocation: '各层级分配',
  resultHeaders: ['层级', '预算', '可投条数（少）', '可投条数（多）', '预计触达', '预计销售额', '预计 ROAS', '对比目标', '提醒'],
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
};

export const LABELS: Record<Language, Labels> = { en, zh };
