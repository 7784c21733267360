/**
 * The top 5 and bottom 5 influencers by ROAS on the Dashboard tab: live formulas (core/dashboard-ranking.ts), or the
 * add-on's lists as of the refresh when a column they read holds numbers written as text.
 */
import type { Dashboard, ListEntry } from '../core/dashboard';
import { LIST_SIZE, rankingFormulas } from '../core/dashboard-ranking';
import type { RosterField } from '../core/roster';
import { AS_OF_COLOR, HEADER_BG, LABEL_COLOR, naReason, rosterRefs, textColumns } from './dashboard-cells';
import { DASHBOARD_LABELS } from './dashboard-labels';
import type { DashboardLayout } from './dashboard-sheet';
import { tierLabel, type Language } from './labels';
import { a1, type PlanCell } from './types';

/** Columns of a list: influencer, tier, spend, revenue, ROAS, roster row. */
export const LIST_COLUMNS = { name: 1, tier: 2, spend: 3, revenue: 4, roas: 5, row: 6 } as const;

type Put = (row: number, column: number, cell: PlanCell) => void;

export function listSection(put: Put, d: Dashboard, L: DashboardLayout, language: Language, money: string): void {
  const t = DASHBOARD_LABELS[language];
  const C = LIST_COLUMNS;
  const lists = d.lists;
  const count = a1(L.ranked, 2, true);
  const field = (...options: RosterField[]): RosterField | null => options.find((f) => d.roster.columns[f]) ?? null;
  const nameField = field('name', 'handle');
  const spendField = field('spend', 'cost');
  const revenueField = field('revenue');
  const formats: Record<number, string | undefined> = { [C.spend]: money, [C.revenue]: money, [C.roas]: '0.00' };

  put(L.ranked, 1, { value: t.ranked, bold: true });
  put(L.ranked, 3, { value: t.rankedHow, color: LABEL_COLOR });
  if (!lists.def) put(L.ranked, 2, { value: t.na, note: naReason(lists.na, language) });

  const live = lists.def && lists.asOf.length === 0 ? rankingFormulas(lists.def, rosterRefs(d).range) : null;
  if (live) put(L.ranked, 2, { formula: `=${live.count()}`, format: '#,##0' });
  else if (lists.def) put(L.ranked, 2, asOfCell(lists.count, '#,##0'));

  for (const side of ['top', 'bottom'] as const) {
    const at = L[side];
    put(at.title, 1, { value: t.sections[side], bold: true, fontSize: 12 });
    t.listHeaders.forEach((h, i) => put(at.first - 1, i + 1, { value: h, bold: true, background: HEADER_BG }));
    if (!lists.def) {
      put(at.first, 1, { value: t.naReasons.noRanking, color: LABEL_COLOR });
      continue;
    }
    for (let k = 1; k <= LIST_SIZE; k++) {
      const row = at.first + k - 1;
      if (live) {
        const roasCell = a1(row, C.roas);
        const rowCell = a1(row, C.row);
        put(row, C.roas, { formula: `=${live.roas(side, k, { count })}`, format: formats[C.roas]! });
        put(row, C.row, { formula: `=${live.row(side, k, roasCell)}` });
        put(row, C.name, nameField ? { formula: `=${live.pick(nameField, rowCell, true)}` } : {});
        const names = d.tiers.map((tier) => tierLabel(tier.name, language));
        put(row, C.tier, d.roster.columns.followers ? { formula: `=${live.tier(rowCell, d.tiers, names)}` } : {});
        put(row, C.spend, spendField ? { formula: `=${live.pick(spendField, rowCell, false)}`, format: money } : {});
        put(row, C.revenue, revenueField ? { formula: `=${live.pick(revenueField, rowCell, false)}`, format: money } : {});
      } else {
        const entry: ListEntry | undefined = lists[side][k - 1];
        const tier = entry && entry.tier !== null ? d.tiers[entry.tier]! : null;
        put(row, C.name, entry && nameField ? asOfCell(entry.name) : {});
        put(row, C.tier, tier ? asOfCell(tierLabel(tier.name, language)) : {});
        put(row, C.spend, entry?.spend != null ? asOfCell(entry.spend, money) : {});
        put(row, C.revenue, entry?.revenue != null ? asOfCell(entry.revenue, money) : {});
        put(row, C.roas, entry ? asOfCell(entry.roas, formats[C.roas]) : {});
        put(row, C.row, entry ? asOfCell(entry.row) : {});
      }
    }
  }

  function asOfCell(value: string | number, format?: string): PlanCell {
    return { value, color: AS_OF_COLOR, note: t.asOfNote(d.refreshed.text, textColumns(lists.asOf, language)), ...(format ? { format } : {}) };
  }
}
