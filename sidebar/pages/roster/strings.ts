import type { RosterField, RosterWarning, SkipReason, UncheckedReason } from '../../../src/shared/api';
import type { Table } from '../../i18n';

/** The wording of the "Roster & alerts" page. The Chinese table is typed against the English one. */

/** At most this many rows are listed before "and N more". */
export const ROWS_LISTED = 5;

const enRows = (rows: readonly number[]): string => {
  const shown = rows.slice(0, ROWS_LISTED).join(', ');
  const more = rows.length - ROWS_LISTED;
  return `${rows.length === 1 ? 'row' : 'rows'} ${shown}${more > 0 ? ` and ${more} more` : ''}`;
};

const zhRows = (rows: readonly number[]): string => {
  const shown = rows.slice(0, ROWS_LISTED).join('、');
  return rows.length > ROWS_LISTED ? `第 ${shown} 行等共 ${rows.length} 行` : `第 ${shown} 行`;
};

const en = {
  sheetLabel: 'Roster sheet',
  chooseSheet: '— choose a sheet —',
  headerRowLabel: 'Header row',
  row: (n: number) => `Row ${n}`,
  fieldsLegend: 'Columns',
  fieldsHint: 'Check the column of each field; choose “none” when the roster has no such column.',
  none: '— none —',
  headerOption: (letter: string, header: string) => `${letter} · ${header}`,
  samples: (values: string[]) => `e.g. ${values.join(' · ')}`,
  noSamples: 'no values yet',
  matched: 'Found by its header',
  saved: 'Saved',
  changed: 'Changed: confirm to save',
  moved: (from: string, to: string) => `Moved from column ${from} to ${to}; the mapping follows it.`,
  missing: (header: string) => `The column “${header}” is gone. Choose its new column or “none”.`,
  duplicate: (fields: string[], letter: string) => `${fields.join(' and ')} use the same column ${letter}.`,
  mappedCount: (mapped: number, total: number, rows: number) => `${mapped} of ${total} fields mapped · ${rows} data ${rows === 1 ? 'row' : 'rows'}`,
  confirmedNote: (sheet: string) => `Saved for this workbook: sheet “${sheet}”. Every tab the add-on builds reads these columns.`,
  unconfirmedNote: 'Not confirmed yet: check the columns, then confirm.',
  confirm: 'Confirm columns',
  savedToast: (sheet: string) => `Roster columns saved for sheet “${sheet}”.`,
  warning: (w: RosterWarning): string => {
    switch (w.code) {
      case 'no-roster':
        return 'No sheet looks like a roster. Choose the sheet that lists your influencers.';
      case 'sheet-gone':
        return `The saved roster sheet “${w.sheet}” is gone; these are the columns found instead.`;
      case 'empty-header-row':
        return `Row ${w.row} is empty: choose the row with the column headers.`;
      case 'no-data':
        return 'There are no rows under the header row yet.';
    }
  },
  fields: {
    name: 'Influencer',
    handle: 'Handle',
    platform: 'Platform',
    category: 'Category',
    city: 'City',
    country: 'Country',
    followers: 'Followers',
    engagementRate: 'Engagement rate',
    prevEngagementRate: 'Previous engagement rate',
    cost: 'Cost per post',
    spend: 'Spend',
    revenue: 'Revenue',
    roas: 'ROAS',
    aov: 'Average order value',
    conversions: 'Conversions',
    impressions: 'Impressions',
    engagements: 'Engagements',
    posts: 'Posts',
    status: 'Status',
    period: 'Period',
    contractEnd: 'Contract end',
    rightsEnd: 'Usage rights end',
    paymentDue: 'Payment due',
    paymentStatus: 'Payment status',
    lastContacted: 'Last contacted',
    score: 'Score',
  } as Record<RosterField, string>,

  alertsLegend: 'Alerts',
  alertsHint: 'Colours rows of the roster itself with conditional formatting. Your own rules stay as they are.',
  apply: 'Apply alerts',
  remove: 'Remove alerts',
  needsConfirm: 'Confirm the roster columns to apply alerts.',
  appliedToast: (sheet: string, applied: number, total: number) => `Alerts applied to “${sheet}”: ${applied} of ${total} alerts.`,
  removedToast: (sheet: string, count: number) => `Removed ${count} alert ${count === 1 ? 'rule' : 'rules'} from “${sheet}”.`,
  nothingToRemove: 'There were no alert rules to remove.',
  flagged: (count: number) => `${count} ${count === 1 ? 'row' : 'rows'}`,
  onColumn: (letter: string, header: string) => `column ${letter} “${header}”`,
  skippedTitle: 'Not applied',
  skipReason: (reason: SkipReason, field: (f: RosterField) => string): string =>
    reason.code === 'missing-columns'
      ? `needs ${reason.needs.map((set) => set.map(field).join(' and ')).join(', or ')}`
      : `no typical engagement rate for the custom ${reason.tiers.length === 1 ? 'tier' : 'tiers'} ${reason.tiers.map((t) => `“${t}”`).join(', ')}`,
  skippedLine: (label: string, reason: string) => `${label}: ${reason}`,
  uncheckedTitle: 'Could not check',
  uncheckedLine: (label: string, column: string, rows: string, reason: string) => `${label}, ${column}: ${rows} (${reason})`,
  outsideLine: (value: string, rows: string) => `“${value}”: ${rows}`,
  rows: enRows,
  reasons: {
    'text-date': 'dates written as text',
    'text-number': 'numbers written as text',
    'ambiguous-rate': 'rates written without % (8 means 8% or 800%?)',
    'negative-rate': 'negative rates',
    'not-a-date': 'values that are not dates',
    'not-a-number': 'values that are not numbers',
  } as Record<UncheckedReason, string>,
  statusOutside: (header: string) => `Values of “${header}” outside the status list (left as they are):`,
  dropdownAdded: (column: string) => `Status dropdown added on ${column}.`,
  dropdownKept: (column: string, rows: string) => `${column} already has a dropdown of your own (${rows}); it is kept and no status dropdown was added.`,
  missingField: (field: string, header: string) => `${field}: the column “${header}” is gone; its alerts are skipped until it is mapped again.`,
};

export type RosterStrings = typeof en;

const zh: RosterStrings = {
  sheetLabel: '名单工作表',
  chooseSheet: '— 选择工作表 —',
  headerRowLabel: '表头行',
  row: (n) => `第 ${n} 行`,
  fieldsLegend: '列对应',
  fieldsHint: '核对每个字段对应的列；名单中没有的字段请选“无”。',
  none: '— 无 —',
  headerOption: (letter, header) => `${letter} · ${header}`,
  samples: (values) => `示例：${values.join(' · ')}`,
  noSamples: '暂无数据',
  matched: '按表头识别',
  saved: '已保存',
  changed: '已修改：确认后保存',
  moved: (from, to) => `已从 ${from} 列移到 ${to} 列，对应关系已自动跟随。`,
  missing: (header) => `“${header}”列已不存在。请选择它的新列，或选“无”。`,
  duplicate: (fields, letter) => `${fields.join('和')}对应了同一列 ${letter}。`,
  mappedCount: (mapped, total, rows) => `已对应 ${mapped}/${total} 个字段 · ${rows} 行数据`,
  confirmedNote: (sheet) => `已为本工作簿保存：工作表“${sheet}”。插件生成的所有表都读取这些列。`,
  unconfirmedNote: '尚未确认：请核对各列后确认。',
  confirm: '确认列对应',
  savedToast: (sheet) => `已保存工作表“${sheet}”的列对应。`,
  warning: (w) => {
    switch (w.code) {
      case 'no-roster':
        return '没有找到像达人名单的工作表，请选择列有达人的工作表。';
      case 'sheet-gone':
        return `已保存的名单工作表“${w.sheet}”不存在了，以下是重新识别的列。`;
      case 'empty-header-row':
        return `第 ${w.row} 行是空的，请选择列标题所在的行。`;
      case 'no-data':
        return '表头下面还没有数据行。';
    }
  },
  fields: {
    name: '达人',
    handle: '账号',
    platform: '平台',
    category: '类目',
    city: '城市',
    country: '国家/地区',
    followers: '粉丝数',
    engagementRate: '互动率',
    prevEngagementRate: '上期互动率',
    cost: '单条报价',
    spend: '实际花费',
    revenue: '销售额',
    roas: 'ROAS',
    aov: '客单价',
    conversions: '转化数',
    impressions: '曝光量',
    engagements: '互动量',
    posts: '内容数',
    status: '合作状态',
    period: '周期',
    contractEnd: '合同到期',
    rightsEnd: '授权到期',
    paymentDue: '付款日期',
    paymentStatus: '付款状态',
    lastContacted: '最近联系',
    score: '评分',
  },

  alertsLegend: '预警',
  alertsHint: '用条件格式为名单本身的行着色，您自己的规则保持不变。',
  apply: '应用预警',
  remove: '移除预警',
  needsConfirm: '确认名单的列对应后才能应用预警。',
  appliedToast: (sheet, applied, total) => `已在“${sheet}”应用预警：${total} 项中的 ${applied} 项。`,
  removedToast: (sheet, count) => `已从“${sheet}”移除 ${count} 条预警规则。`,
  nothingToRemove: '没有可移除的预警规则。',
  flagged: (count) => `${count} 行`,
  onColumn: (letter, header) => `${letter} 列“${header}”`,
  skippedTitle: '未应用',
  skipReason: (reason, field) =>
    reason.code === 'missing-columns'
      ? `需要${reason.needs.map((set) => set.map(field).join('和')).join('，或')}`
      : `自定义层级${reason.tiers.map((t) => `“${t}”`).join('、')}没有典型互动率`,
  skippedLine: (label, reason) => `${label}：${reason}`,
  uncheckedTitle: '无法检查',
  uncheckedLine: (label, column, rows, reason) => `${label}，${column}：${rows}（${reason}）`,
  outsideLine: (value, rows) => `“${value}”：${rows}`,
  rows: zhRows,
  reasons: {
    'text-date': '以文本形式填写的日期',
    'text-number': '以文本形式填写的数字',
    'ambiguous-rate': '未带 % 的比率（8 是 8% 还是 800%？）',
    'negative-rate': '负的比率',
    'not-a-date': '不是日期的值',
    'not-a-number': '不是数字的值',
  },
  statusOutside: (header) => `“${header}”中不在状态列表里的值（保持原样）：`,
  dropdownAdded: (column) => `已在${column}添加状态下拉菜单。`,
  dropdownKept: (column, rows) => `${column}已有您自己的下拉菜单（${rows}），予以保留，未添加状态下拉菜单。`,
  missingField: (field, header) => `${field}：“${header}”列已不存在，重新对应前其预警将跳过。`,
};

export const ROSTER: Table<RosterStrings> = { en, zh };
