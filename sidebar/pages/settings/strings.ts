import type { TierKey } from '../../../src/core/domain';
import { formatNumber, type Table } from '../../i18n';
import type { FieldGroup, NumberKey, SchemeChoice, SettingsIssue, TierIssue, Unit } from './form';

/** The wording of the Settings page. The Chinese table is typed against the English one. */

/** An upper bound this large is only a guard against typos; the messages do not mention it. */
const UNBOUNDED = 1e6;

const tierNames: Record<TierKey, string> = { mega: 'Mega', macro: 'Macro', mid: 'Mid', micro: 'Micro', nano: 'Nano' };
const zhTierNames: Record<TierKey, string> = { mega: '头部', macro: '肩部', mid: '腰部', micro: '尾部', nano: '素人' };

const enLabels: Record<NumberKey, string> = {
  roasLow: 'ROAS low: below',
  roasStar: 'ROAS star: above',
  expiringDays: 'Contract / usage rights expiring within',
  engagementDrop: 'Engagement drop: at least this much below the previous period',
  boughtEngagementMultiple: 'Possible bought engagement: above',
  'engagementTop.mega': 'Mega typical engagement, top',
  'engagementTop.macro': 'Macro typical engagement, top',
  'engagementTop.mid': 'Mid typical engagement, top',
  'engagementTop.micro': 'Micro typical engagement, top',
  'engagementTop.nano': 'Nano typical engagement, floor',
  'followUpDays.followUp': 'Follow up after',
  'followUpDays.email': 'Send an email after',
  'followUpDays.unresponsive': 'Mark unresponsive after',
  'totalScore.green': 'Total score green from',
  'totalScore.yellow': 'Total score yellow from',
  'rating.green': 'Rating green from',
  'rating.yellow': 'Rating yellow from',
};

const en = {
  groups: {
    roas: 'ROAS',
    dates: 'Contracts and usage rights',
    engagement: 'Engagement',
    followUp: 'Prospects without a reply (status Contacted)',
    score: 'Score bands',
  } as Record<FieldGroup, string>,
  labels: enLabels,
  units: { times: '×', days: 'days', percent: '%', points: '/ 100', rating: '/ 10' } as Record<Unit, string>,
  boughtHint: 'times the top of the tier’s typical engagement rate (below)',
  tierNorms: 'Typical engagement rate per tier',
  alertsLegend: 'Alert thresholds',
  tiersLegend: 'Tier scheme',
  schemes: { matrix: 'Matrix (default)', partnership: 'Partnership', custom: 'Our own table' } as Record<SchemeChoice, string>,
  tierName: 'Tier',
  tierMin: 'Minimum followers',
  tierTop: 'Typical engagement top (%)',
  tierTopHint: 'Optional for Mega, Macro, Mid, Micro and Nano (or 头部 … 素人); other tiers need it for the bought-engagement alert.',
  addTier: 'Add tier',
  removeTier: (name: string) => `Remove tier ${name || '(unnamed)'}`,
  currencyLabel: 'Currency',
  languageLabel: 'Language',
  auto: 'Automatic',
  save: 'Save settings',
  reset: 'Reset to defaults',
  savedToast: 'Settings saved. Re-apply alerts to use new thresholds on the roster.',
  resetToast: 'Settings reset to defaults.',
  defaultsNote: 'All settings are at their defaults.',
  fixFirst: 'Check the values marked in red before saving.',
  tierNames,
  issue: (issue: SettingsIssue, label: (key: NumberKey) => string): string => {
    switch (issue.code) {
      case 'required':
        return 'Enter a value.';
      case 'not-a-number':
        return `“${issue.raw}” is not a number.`;
      case 'whole':
        return 'Enter a whole number of days.';
      case 'range': {
        const [min, max] = [formatNumber(issue.min), formatNumber(issue.max)];
        if (!issue.open) return `Enter a value from ${min} to ${max}.`;
        const low = issue.open === 'max' ? `from ${min}` : `above ${min}`;
        if (issue.max >= UNBOUNDED) return `Enter a value ${low}.`;
        return `Enter a value ${low} and ${issue.open === 'min' ? `up to ${max}` : `below ${max}`}.`;
      }
      case 'above':
        return `Must be above “${label(issue.other)}” (${formatNumber(issue.value)}).`;
    }
  },
  tierIssue: (issue: TierIssue): string => {
    switch (issue.code) {
      case 'count':
        return 'A tier table needs 1 to 10 tiers.';
      case 'name':
        return `Row ${issue.row + 1}: enter the tier’s name.`;
      case 'duplicate-name':
        return `Row ${issue.row + 1}: another tier has the same name.`;
      case 'minimum':
        return `Row ${issue.row + 1}: the minimum must be a whole number of followers, 0 or more (10000, 10k or 1万).`;
      case 'duplicate-minimum':
        return `Row ${issue.row + 1}: another tier has the same minimum.`;
      case 'engagement':
        return `Row ${issue.row + 1}: the typical engagement top must be between 0% and 100%.`;
    }
  },
};

export type SettingsStrings = typeof en;

const zh: SettingsStrings = {
  groups: {
    roas: 'ROAS',
    dates: '合同与授权',
    engagement: '互动',
    followUp: '未回复的潜在达人（状态为“已联系”）',
    score: '评分区间',
  },
  labels: {
    roasLow: 'ROAS 偏低：低于',
    roasStar: 'ROAS 明星：高于',
    expiringDays: '合同 / 授权到期提醒：提前',
    engagementDrop: '互动率下滑：比上期低至少',
    boughtEngagementMultiple: '疑似刷量：高于',
    'engagementTop.mega': '头部典型互动率上限',
    'engagementTop.macro': '肩部典型互动率上限',
    'engagementTop.mid': '腰部典型互动率上限',
    'engagementTop.micro': '尾部典型互动率上限',
    'engagementTop.nano': '素人典型互动率下限',
    'followUpDays.followUp': '跟进：联系后',
    'followUpDays.email': '发送邮件：联系后',
    'followUpDays.unresponsive': '标记为未响应：联系后',
    'totalScore.green': '总分绿色：从',
    'totalScore.yellow': '总分黄色：从',
    'rating.green': '评级绿色：从',
    'rating.yellow': '评级黄色：从',
  },
  units: { times: '倍', days: '天', percent: '%', points: '/ 100', rating: '/ 10' },
  boughtHint: '即该层级典型互动率上限（见下方）的倍数',
  tierNorms: '各层级典型互动率',
  alertsLegend: '预警阈值',
  tiersLegend: '层级划分',
  schemes: { matrix: '矩阵（默认）', partnership: '合作型', custom: '自定义表' },
  tierName: '层级',
  tierMin: '最低粉丝数',
  tierTop: '典型互动率上限（%）',
  tierTopHint: 'Mega、Macro、Mid、Micro、Nano（或 头部 … 素人）可不填；其他层级需填写，才能使用疑似刷量预警。',
  addTier: '添加层级',
  removeTier: (name) => `删除层级 ${name || '（未命名）'}`,
  currencyLabel: '币种',
  languageLabel: '语言',
  auto: '自动',
  save: '保存设置',
  reset: '恢复默认',
  savedToast: '设置已保存。重新应用预警后，名单上的规则才会使用新的阈值。',
  resetToast: '已恢复默认设置。',
  defaultsNote: '所有设置均为默认值。',
  fixFirst: '请先修改标红的数值再保存。',
  tierNames: zhTierNames,
  issue: (issue, label) => {
    switch (issue.code) {
      case 'required':
        return '请输入数值。';
      case 'not-a-number':
        return `“${issue.raw}”不是有效数字。`;
      case 'whole':
        return '天数须为整数。';
      case 'range': {
        const [min, max] = [formatNumber(issue.min), formatNumber(issue.max)];
        if (!issue.open) return `请输入 ${min} 到 ${max} 之间的数值。`;
        const low = issue.open === 'max' ? `不小于 ${min}` : `大于 ${min}`;
        if (issue.max >= UNBOUNDED) return `请输入${low} 的数值。`;
        return `请输入${low} 且${issue.open === 'min' ? '不超过' : '小于'} ${max} 的数值。`;
      }
      case 'above':
        return `须高于“${label(issue.other)}”（${formatNumber(issue.value)}）。`;
    }
  },
  tierIssue: (issue) => {
    switch (issue.code) {
      case 'count':
        return '层级表需要 1 到 10 个层级。';
      case 'name':
        return `第 ${issue.row + 1} 行：请输入层级名称。`;
      case 'duplicate-name':
        return `第 ${issue.row + 1} 行：层级名称重复。`;
      case 'minimum':
        return `第 ${issue.row + 1} 行：最低粉丝数须为 0 或以上的整数（10000、10k 或 1万）。`;
      case 'duplicate-minimum':
        return `第 ${issue.row + 1} 行：最低粉丝数与其他层级相同。`;
      case 'engagement':
        return `第 ${issue.row + 1} 行：典型互动率上限须在 0% 到 100% 之间。`;
    }
  },
};

export const SETTINGS: Table<SettingsStrings> = { en, zh };
