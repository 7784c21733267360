import type { PerformanceRecord } from '../core/performance';
import type { Decision, TierDecisions } from '../core/renewal';
import { tierLabel, type Language } from './labels';
import { figure, formula, FORMATS, header, section, text, type MoneyFormats } from './rebalance-cells';
import { REBALANCE_LABELS } from './rebalance-labels';
import { a1, type PlanCell } from './types';

/**
 * The renew / review / end / not-enough-data lists of the Rebalance tab, one section each, tier by tier in the
 * scheme's order and by rank within a tier. Names, platforms and statuses come from the roster and are written as
 * text; ROAS is a live formula over the row's spend and revenue.
 */
export const LIST_ORDER = ['renew', 'review', 'end', 'notEnoughData'] as const;
export type ListName = (typeof LIST_ORDER)[number];

/** Where each list starts on the tab: its title row and its first data row. */
export interface ListPlacement {
  list: ListName;
  title: number;
  first: number;
  rows: number;
}

/** Columns of a list row: tier, name, platform, spend, revenue, ROAS, rank (or why), status, roster row. */
const SPEND = 4;
const REVENUE = 5;

export function listsBlock(
  decisions: readonly TierDecisions[],
  current: readonly PerformanceRecord[],
  startRow: number,
  language: Language,
  money: MoneyFormats,
): { cells: PlanCell[][]; placements: ListPlacement[] } {
  const t = REBALANCE_LABELS[language];
  const byRow = new Map(current.map((r) => [r.row, r]));
  const cells: PlanCell[][] = [];
  const placements: ListPlacement[] = [];
  const roas = (row: number): PlanCell => formula(`=IFERROR(${a1(row, REVENUE)}/${a1(row, SPEND)},"")`, FORMATS.roas);

  for (const list of LIST_ORDER) {
    const titleRow = startRow + cells.length;
    const lines: PlanCell[][] = [];
    const rowAt = (): number => titleRow + 2 + lines.length;
    for (const tier of decisions) {
      const name = tierLabel(tier.tier, language);
      if (list === 'notEnoughData') {
        for (const u of tier.notEnoughData) {
          const record = byRow.get(u.row);
          lines.push([
            text(name), text(u.name), text(record?.platform ?? ''), figure(u.spend, money.whole), figure(record?.revenue, money.whole), roas(rowAt()),
            text(t.why[u.why]), text(u.status ?? ''), { value: u.row },
          ]);
        }
        continue;
      }
      for (const r of tier.ranked) {
        if (r.decision !== (list as Decision)) continue;
        lines.push([
          text(name), text(r.name), text(byRow.get(r.row)?.platform ?? ''), figure(r.spend, money.whole), figure(r.revenue, money.whole), roas(rowAt()),
          { value: r.rank }, text(r.status ?? ''), { value: r.row },
        ]);
      }
    }
    cells.push([section(t.lists[list](lines.length))]);
    cells.push((list === 'notEnoughData' ? t.unjudgedHeaders : t.listHeaders).map(header));
    placements.push({ list, title: titleRow, first: titleRow + 2, rows: lines.length });
    cells.push(...(lines.length ? lines : [[text(t.none)]]));
    cells.push([]);
  }
  return { cells, placements };
}
