import type { Language } from '../core/settings';

/** What the menu's jobs say in a toast, in the workbook's language. */
export const TOAST_TITLE: Record<Language, string> = { en: 'Influencer Matrix', zh: '达人矩阵' };

export interface Toasts {
  confirmRoster: string;
  headersGone(headers: readonly string[]): string;
  alertsApplied(sheet: string, rules: number, flagged: number, skipped: number): string;
}

export const TOASTS: Record<Language, Toasts> = {
  en: {
    confirmRoster: 'Confirm the roster columns in the sidebar: the alerts are applied as soon as they are saved.',
    headersGone: (headers) =>
      `The roster no longer has ${headers.length > 1 ? 'the columns' : 'the column'} ${headers.map((h) => `"${h}"`).join(', ')}: pick ${headers.length > 1 ? 'their' : 'its'} new column or "none" in the sidebar, then the alerts are applied.`,
    alertsApplied: (sheet, rules, flagged, skipped) =>
      `Alerts applied to "${sheet}": ${rules} ${rules === 1 ? 'rule' : 'rules'}, ${flagged} ${flagged === 1 ? 'cell' : 'cells'} coloured now` +
      (skipped ? `; ${skipped} ${skipped === 1 ? 'alert' : 'alerts'} skipped (open Roster & alerts for why).` : '.'),
  },
  zh: {
    confirmRoster: '请在侧边栏确认达人名单的各列；保存后即应用预警。',
    headersGone: (headers) => `达人名单中已找不到列 ${headers.map((h) => `“${h}”`).join('、')}：请在侧边栏为其选择新列或“无”，随后应用预警。`,
    alertsApplied: (sheet, rules, flagged, skipped) =>
      `已为“${sheet}”应用预警：${rules} 条规则，当前标出 ${flagged} 个单元格` + (skipped ? `；${skipped} 项预警未应用（原因见“达人名单与预警”）。` : '。'),
  },
};
