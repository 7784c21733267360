import type { Table } from '../../i18n';

/**
 * The dashboard page's wording. Tile names, status words and pipeline rates are the tab's own (DASHBOARD_LABELS), so
 * the sidebar and the tab say the same; this table holds the rest. The Chinese table is typed against the English one.
 */

/** At most this many roster rows are listed for a column before "and N more". */
export const ROWS_LISTED = 5;

const listRows = (rows: readonly number[], join: string): string => rows.slice(0, ROWS_LISTED).join(join);

const en = {
  title: 'Dashboard',
  summary: 'Key figures, tiers, pipeline and top influencers on one tab, coloured red / yellow / green.',
  intro:
    'Writes the Dashboard tab from the roster: key figures coloured red / yellow / green against the thresholds in Settings, results by tier, the pipeline funnel, the top and bottom influencers, and charts.',
  liveHint: 'Its figures are live formulas over the roster, so they follow edits there. Refresh after changing the settings, the roster’s columns or the plan.',
  refresh: 'Refresh dashboard',
  built: (sheet: string, created: boolean) => `“${sheet}” ${created ? 'created' : 'refreshed'}.`,
  heading: (sheet: string) => `“${sheet}”`,
  refreshedAt: (time: string, rows: number) => `Refreshed ${time} from ${rows} roster ${rows === 1 ? 'row' : 'rows'}.`,
  counts: (green: number, yellow: number, red: number) => `${green} on track, ${yellow} to watch, ${red} to act on now.`,
  tilesTitle: 'Key figures',
  ofPlan: (share: string) => `${share} of plan`,
  asOfTile: 'as of the refresh',
  ratesTitle: 'Pipeline conversion',
  allLive: 'Every figure is live: edits to the roster move them without a refresh.',
  asOf: (n: number, time: string) =>
    `${n} ${n === 1 ? 'figure is a value' : 'figures are values'} as of ${time}, not live: sheet formulas cannot read the numbers or dates written as text in these columns. Retype them as plain numbers or dates, then refresh.`,
  textColumn: (letter: string, header: string) => `Column ${letter} “${header}”`,
  /** A column's line in the as-of notice: the column, its text cells, their rows. */
  textLine: (column: string, cells: string, rows: string) => `${column}: ${cells} · ${rows}`,
  textCells: (count: number, dates: boolean, example: string) =>
    `${count} ${dates ? 'date' : 'number'}${count === 1 ? '' : 's'} as text, such as ${example}`,
  rows: (rows: readonly number[]) => {
    const more = rows.length - ROWS_LISTED;
    return `${rows.length === 1 ? 'row' : 'rows'} ${listRows(rows, ', ')}${more > 0 ? ` and ${more} more` : ''}`;
  },
};

export type DashboardStrings = typeof en;

const zh: DashboardStrings = {
  title: '数据看板',
  summary: '在一张表中汇总核心指标、各层级、合作漏斗和达人排名，并以红 / 黄 / 绿标示。',
  intro: '根据达人名单生成数据看板：按“设置”中的阈值以红 / 黄 / 绿标示的核心指标、各层级结果、合作漏斗、ROAS 最高和最低的达人，以及图表。',
  liveHint: '看板中的数字是读取达人名单的实时公式，名单修改后会自动更新。修改设置、名单的列或预算计划后，请刷新。',
  refresh: '刷新看板',
  built: (sheet, created) => `已${created ? '生成' : '刷新'}“${sheet}”。`,
  heading: (sheet) => `“${sheet}”`,
  refreshedAt: (time, rows) => `${time} 刷新，读取了名单中的 ${rows} 行。`,
  counts: (green, yellow, red) => `${green} 项达标，${yellow} 项需关注，${red} 项需立即处理。`,
  tilesTitle: '核心指标',
  ofPlan: (share) => `占计划 ${share}`,
  asOfTile: '截至刷新时',
  ratesTitle: '漏斗转化率',
  allLive: '所有数字均为实时公式：名单修改后无需刷新即会更新。',
  asOf: (n, time) => `${n} 项数字是截至 ${time} 的数值，不是实时公式：以下各列中有以文本形式书写的数字或日期，表格公式无法读取。请改为纯数字或日期后刷新。`,
  textColumn: (letter, header) => `${letter} 列“${header}”`,
  textLine: (column, cells, rows) => `${column}：${cells}，${rows}`,
  textCells: (count, dates, example) => `${count} 个文本${dates ? '日期' : '数字'}，如 ${example}`,
  rows: (rows) => (rows.length > ROWS_LISTED ? `第 ${listRows(rows, '、')} 行等共 ${rows.length} 行` : `第 ${listRows(rows, '、')} 行`),
};

export const DASHBOARD: Table<DashboardStrings> = { en, zh };
