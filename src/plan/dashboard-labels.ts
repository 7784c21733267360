/**
 * Words of the Dashboard tab, in the two languages the add-on speaks. Status words are also what its formulas return
 * and what its conditional-format rules look for, so each language's three must stay distinct.
 */
import type { BandColour, BandKey } from '../core/dashboard-settings';
import type { FunnelRate, TileId } from '../core/dashboard-status';
import type { Language } from './labels';

export interface DashboardLabels {
  sheet: string;
  title: string;
  lastRefreshed: string;
  source: (sheet: string, first: number, last: number) => string;
  allLive: string;
  /** The notice at the top when some figures are values: which columns hold text, and what to do. */
  asOfNotice: (time: string, columns: string) => string;
  /** A value cell's note. */
  asOfNote: (time: string, columns: string) => string;
  /** "Revenue (12 cells, such as 3.4万 in row 14)". */
  textColumn: (header: string, count: number, example: string, row: number, dates: boolean) => string;
  status: Record<BandColour, string>;
  na: string;
  sections: { tiles: string; tiers: string; funnel: string; rates: string; top: string; bottom: string; thresholds: string };
  tiles: Record<TileId, string>;
  roasTile: (target: string) => string;
  expiringTile: (days: number) => string;
  followUpTile: (days: number) => string;
  details: {
    activeByStatus: string;
    activeBySpend: string;
    ofPlan: string;
    noPlan: string;
    roas: string;
    cpa: string;
    expiring: string;
    overdue: string;
    followUp: string;
  };
  tierHeaders: string[];
  planHeaders: string[];
  allTiers: string;
  noPlanLine: string;
  fromCost: string;
  funnelHeaders: string[];
  stages: Record<'identified' | 'reached' | 'responded' | 'partnered', [string, string]>;
  rateHeaders: string[];
  rates: Record<FunnelRate, [string, string]>;
  listHeaders: string[];
  ranked: string;
  rankedHow: string;
  thresholdHeaders: string[];
  bands: Record<BandKey, string>;
  higher: string;
  lower: string;
  naReasons: { repeat: string; needs: (columns: string) => string; noRanking: string };
  charts: { tierRoas: string; roas: string; target: string; spend: string; funnel: string };
  protection: string;
}

const en: DashboardLabels = {
  sheet: 'Dashboard',
  title: 'Influencer dashboard',
  lastRefreshed: 'Last refreshed',
  source: (sheet, first, last) =>
    `Live formulas over ${sheet}, rows ${first}-${last}: rows added there move every figure. Refresh (Extensions > Influencer Matrix > Refresh dashboard) after changing settings or adding rows below row ${last}.`,
  allLive: 'Every figure is live.',
  asOfNotice: (time, columns) =>
    `Grey figures are values as of ${time}, not live formulas: sheet formulas cannot read the numbers or dates written as text in ${columns}. Retype them as plain numbers or dates and refresh to make those figures live.`,
  asOfNote: (time, columns) => `As of ${time}, computed by Influencer Matrix: a live formula cannot read the values written as text in ${columns}.`,
  textColumn: (header, count, example, row, dates) => `${header} (${count} ${dates ? 'date' : 'number'}${count === 1 ? '' : 's'} as text, such as ${example} in row ${row})`,
  status: { green: '● On track', yellow: '● Watch', red: '● Act now' },
  na: 'n/a',
  sections: {
    tiles: 'Key figures',
    tiers: 'By tier',
    funnel: 'Pipeline funnel',
    rates: 'Pipeline conversion against target',
    top: 'Top 5 influencers by ROAS',
    bottom: 'Bottom 5 influencers by ROAS',
    thresholds: 'Red / yellow / green thresholds (settings)',
  },
  tiles: {
    activeInfluencers: 'Active influencers',
    spend: 'Spend',
    revenue: 'Revenue',
    roas: 'ROAS',
    cpa: 'CPA (spend per conversion)',
    contractsExpiring: 'Contracts expiring',
    paymentsOverdue: 'Overdue payments',
    followUpsDue: 'Follow-ups due',
  },
  roasTile: (target) => `ROAS (target ${target})`,
  expiringTile: (days) => `Contracts expiring within ${days} days`,
  followUpTile: (days) => `Follow-ups due (no reply for ${days}+ days)`,
  details: {
    activeByStatus: 'status Active',
    activeBySpend: 'rows with spend (no status column)',
    ofPlan: '0%" of plan"',
    noPlan: 'no plan: build the Allocation tab',
    roas: 'revenue / spend',
    cpa: 'spend / conversions',
    expiring: 'renew or replace',
    overdue: 'due before today, not paid',
    followUp: 'status Contacted',
  },
  tierHeaders: ['Tier', 'Active influencers', 'Spend', 'Revenue', 'ROAS', 'Target ROAS', 'Against target'],
  planHeaders: ['Planned budget', 'Spend / plan'],
  allTiers: 'All (incl. rows without followers)',
  noPlanLine: 'Plan against actual appears here once the workbook has an Allocation tab (Open planner), after a refresh.',
  fromCost: 'Spend is the cost column of partnership rows: the roster has no spend column.',
  funnelHeaders: ['Stage', 'Influencers', 'How it is counted'],
  stages: {
    identified: ['In the pipeline', 'any pipeline status'],
    reached: ['Reached (outreach sent)', 'Contacted, In Negotiation, Active, Paused, Inactive'],
    responded: ['Responded', 'In Negotiation, Active, Paused, Inactive'],
    partnered: ['Partnered', 'Active, Paused, Inactive'],
  },
  rateHeaders: ['Conversion', 'Rate', 'Target', 'Status', 'How it is counted'],
  rates: {
    outreachToResponse: ['Outreach to response', 'responded / reached'],
    responseToPartnership: ['Response to partnership', 'partnered / responded'],
    partnershipToRepeat: ['Partnership to repeat', ''],
    churn: ['Churn (last 30 days)', 'Inactive with a contract that ended in the last 30 days / partnerships live 30 days ago'],
  },
  listHeaders: ['Influencer', 'Tier', 'Spend', 'Revenue', 'ROAS', 'Roster row'],
  ranked: 'Ranked influencers',
  rankedHow: 'rows with spend and revenue; equal ROAS in roster order; no one appears in both lists',
  thresholdHeaders: ['KPI', 'Green', 'Yellow', 'Green when'],
  bands: {
    activeInfluencers: 'Active influencers',
    spendOfPlan: 'Spend, share of the planned budget',
    revenueOfPlan: "Revenue, share of the plan's forecast",
    roas: 'ROAS (green = target)',
    cpa: 'CPA',
    contractsExpiring: 'Contracts expiring',
    paymentsOverdue: 'Overdue payments',
    followUpsDue: 'Follow-ups due',
    outreachToResponse: 'Outreach to response',
    responseToPartnership: 'Response to partnership',
    partnershipToRepeat: 'Partnership to repeat',
    churn: 'Churn a month',
  },
  higher: 'at least',
  lower: 'at most',
  naReasons: {
    repeat: 'n/a: a roster row does not record repeat partnerships',
    needs: (columns) => `n/a: needs ${columns}`,
    noRanking: 'Needs revenue and spend (or cost) columns, or a ROAS column.',
  },
  charts: { tierRoas: 'ROAS by tier against target', roas: 'ROAS', target: 'Target ROAS', spend: 'Spend by tier', funnel: 'Pipeline funnel' },
  protection: 'Influencer Matrix dashboard: rebuilt by Extensions > Influencer Matrix > Refresh dashboard; edits here are replaced.',
};

const zh: DashboardLabels = {
  sheet: '数据看板',
  title: '达人投放数据看板',
  lastRefreshed: '最近刷新',
  source: (sheet, first, last) => `实时公式，读取 ${sheet} 第 ${first}-${last} 行：在其中新增的行会自动计入。修改设置或在第 ${last} 行以下新增行后，请刷新（扩展程序 > 达人矩阵 > 刷新看板）。`,
  allLive: '所有数字均为实时公式。',
  asOfNotice: (time, columns) => `灰色数字是截至 ${time} 的数值，不是实时公式：${columns} 中有以文本形式书写的数字或日期，表格公式无法读取。请改为纯数字或日期格式后刷新，即可恢复实时。`,
  asOfNote: (time, columns) => `截至 ${time}，由 达人矩阵 计算：${columns} 中有公式无法读取的文本数值。`,
  textColumn: (header, count, example, row, dates) => `${header}（${count} 个文本${dates ? '日期' : '数字'}，如第 ${row} 行的 ${example}）`,
  status: { green: '● 正常', yellow: '● 关注', red: '● 预警' },
  na: '暂无',
  sections: {
    tiles: '核心指标',
    tiers: '各层级',
    funnel: '合作漏斗',
    rates: '漏斗转化率对比目标',
    top: 'ROAS 最高的 5 位达人',
    bottom: 'ROAS 最低的 5 位达人',
    thresholds: '红 / 黄 / 绿阈值（设置）',
  },
  tiles: {
    activeInfluencers: '合作中达人',
    spend: '花费',
    revenue: '销售额',
    roas: 'ROAS',
    cpa: 'CPA（单次转化花费）',
    contractsExpiring: '即将到期合同',
    paymentsOverdue: '逾期付款',
    followUpsDue: '待跟进',
  },
  roasTile: (target) => `ROAS（目标 ${target}）`,
  expiringTile: (days) => `${days} 天内到期的合同`,
  followUpTile: (days) => `待跟进（${days} 天以上未回复）`,
  details: {
    activeByStatus: '状态为合作中',
    activeBySpend: '有花费的行（无状态列）',
    ofPlan: '"占计划 "0%',
    noPlan: '暂无计划：请先生成预算分配表',
    roas: '销售额 / 花费',
    cpa: '花费 / 转化数',
    expiring: '续约或替换',
    overdue: '已过付款日且未付',
    followUp: '状态为已联系',
  },
  tierHeaders: ['层级', '合作中达人', '花费', '销售额', 'ROAS', '目标 ROAS', '对比目标'],
  planHeaders: ['计划预算', '花费 / 计划'],
  allTiers: '全部（含无粉丝数的行）',
  noPlanLine: '生成预算分配表（打开规划器）并刷新后，这里会显示计划与实际的对比。',
  fromCost: '花费取自合作行的报价列：名单中没有花费列。',
  funnelHeaders: ['阶段', '达人数', '统计方式'],
  stages: {
    identified: ['漏斗内', '任一合作状态'],
    reached: ['已触达（已发出邀约）', '已联系、洽谈中、合作中、暂停、已结束'],
    responded: ['已回复', '洽谈中、合作中、暂停、已结束'],
    partnered: ['已合作', '合作中、暂停、已结束'],
  },
  rateHeaders: ['转化', '比率', '目标', '状态', '统计方式'],
  rates: {
    outreachToResponse: ['邀约 → 回复', '已回复 / 已触达'],
    responseToPartnership: ['回复 → 合作', '已合作 / 已回复'],
    partnershipToRepeat: ['合作 → 复投', ''],
    churn: ['流失率（近 30 天）', '近 30 天合同结束的已结束达人 / 30 天前在合作的达人'],
  },
  listHeaders: ['达人', '层级', '花费', '销售额', 'ROAS', '名单行号'],
  ranked: '参与排名的达人',
  rankedHow: '有花费和销售额的行；ROAS 相同时按名单顺序；同一达人不会同时出现在两个榜单',
  thresholdHeaders: ['指标', '绿', '黄', '绿色条件'],
  bands: {
    activeInfluencers: '合作中达人',
    spendOfPlan: '花费占计划预算',
    revenueOfPlan: '销售额占计划预测',
    roas: 'ROAS（绿 = 目标）',
    cpa: 'CPA',
    contractsExpiring: '即将到期合同',
    paymentsOverdue: '逾期付款',
    followUpsDue: '待跟进',
    outreachToResponse: '邀约 → 回复',
    responseToPartnership: '回复 → 合作',
    partnershipToRepeat: '合作 → 复投',
    churn: '月流失率',
  },
  higher: '不低于',
  lower: '不高于',
  naReasons: {
    repeat: '暂无：名单行不记录复投合作',
    needs: (columns) => `暂无：需要${columns}`,
    noRanking: '需要销售额和花费（或报价）列，或 ROAS 列。',
  },
  charts: { tierRoas: '各层级 ROAS 对比目标', roas: 'ROAS', target: '目标 ROAS', spend: '各层级花费', funnel: '合作漏斗' },
  protection: '达人矩阵 数据看板：由 扩展程序 > 达人矩阵 > 刷新看板 重新生成；在此的修改会被替换。',
};

export const DASHBOARD_LABELS: Record<Language, DashboardLabels> = { en, zh };
