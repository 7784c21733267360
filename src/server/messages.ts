import type { Language } from '../core/settings';

/** What the menu's jobs say in a toast, in the workbook's language. */
export const TOAST_TITLE: Record<Language, string> = { en: 'Influencer Matrix', zh: '达人矩阵' };

export interface Toasts {
  confirmRoster: string;
  headersGone(headers: readonly string[]): string;
  alertsApplied(sheet: string, rules: number, flagged: number, skipped: number): string;
  /** Refresh dashboard on a roster not confirmed yet, or that lost a mapped column: the sidebar refreshes once saved. */
  dashboardNeedsRoster: string;
  dashboardHeadersGone(headers: readonly string[]): string;
  /** Tiles by colour; `asOf`: figures written as values because the roster holds text a formula cannot read. */
  dashboardRefreshed(sheet: string, created: boolean, tiles: { green: number; yellow: number; red: number }, asOf: number): string;
}

const quoted = (headers: readonly string[]): string => headers.map((h) => `"${h}"`).join(', ');

export const TOASTS: Record<Language, Toasts> = {
  en: {
    confirmRoster: 'Confirm the roster columns in the sidebar: the alerts are applied as soon as they are saved.',
    headersGone: (headers) =>
      `The roster no longer has ${headers.length > 1 ? 'the columns' : 'the column'} ${headers.map((h) => `"${h}"`).join(', ')}: pick ${headers.length > 1 ? 'their' : 'its'} new column or "none" in the sidebar, then the alerts are applied.`,
    alertsApplied: (sheet, rules, flagged, skipped) =>
      `Alerts applied to "${sheet}": ${rules} ${rules === 1 ? 'rule' : 'rules'}, ${flagged} ${flagged === 1 ? 'cell' : 'cells'} coloured now` +
      (skipped ? `; ${skipped} ${skipped === 1 ? 'alert' : 'alerts'} skipped (open Roster & alerts for why).` : '.'),
    dashboardNeedsRoster: 'Confirm the roster columns in the sidebar: the dashboard is refreshed as soon as they are saved.',
    dashboardHeadersGone: (headers) =>
      `The roster no longer has ${headers.length > 1 ? 'the columns' : 'the column'} ${quoted(headers)}: pick ${headers.length > 1 ? 'their' : 'its'} new column or "none" in the sidebar, then the dashboard is refreshed.`,
    dashboardRefreshed: (sheet, created, tiles, asOf) =>
      `"${sheet}" ${created ? 'created' : 'refreshed'}: ${tiles.green} on track, ${tiles.yellow} to watch, ${tiles.red} to act on now` +
      (asOf ? `; ${asOf} ${asOf === 1 ? 'figure is a value' : 'figures are values'} as of now (the roster holds numbers or dates as text: see the note at the top of the tab).` : '.'),
  },
  zh: {
    confirmRoster: '请在侧边栏确认达人名单的各列；保存后即应用预警。',
    headersGone: (headers) => `达人名单中已找不到列 ${headers.map((h) => `“${h}”`).join('、')}：请在侧边栏为其选择新列或“无”，随后应用预警。`,
    alertsApplied: (sheet, rules, flagged, skipped) =>
      `已为“${sheet}”应用预警：${rules} 条规则，当前标出 ${flagged} 个单元格` + (skipped ? `；${skipped} 项预警未应用（原因见“达人名单与预警”）。` : '。'),
    dashboardNeedsRoster: '请在侧边栏确认达人名单的各列；保存后即刷新看板。',
    dashboardHeadersGone: (headers) => `达人名单中已找不到列 ${headers.map((h) => `“${h}”`).join('、')}：请在侧边栏为其选择新列或“无”，随后刷新看板。`,
    dashboardRefreshed: (sheet, created, tiles, asOf) =>
      `“${sheet}”已${created ? '生成' : '刷新'}：${tiles.green} 项达标，${tiles.yellow} 项需关注，${tiles.red} 项需立即处理` +
      (asOf ? `；${asOf} 项为截至此刻的数值（达人名单中有以文本形式保存的数字或日期，详见看板顶部说明）。` : '。'),
  },
};
