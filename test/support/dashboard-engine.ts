import { HyperFormula, type RawCellContent } from 'hyperformula';
import { allocationPlan, defaultSettings } from '../../src/core/allocation';
import type { Dashboard, PlanFigures } from '../../src/core/dashboard';
import { FUNNEL_RATES, TILE_IDS, TILES } from '../../src/core/dashboard-status';
import { TIER_KEYS } from '../../src/core/domain';
import { allocationSheetPlan } from '../../src/plan/allocation-sheet';
import { dashboardLayout, STAGES } from '../../src/plan/dashboard-sheet';
import type { Language } from '../../src/plan/labels';
import { a1, type SheetPlan } from '../../src/plan/types';
import { parseA1, planGrid } from './formula-engine';

/**
 * The Dashboard tab in a real formula engine (HyperFormula), beside the roster it reads and, when asked, the
 * Allocation tab it compares against: the tab's formulas are evaluated exactly as the plan writes them.
 */

/** A roster cell as the engine holds it: text stays text, a date is its serial number. */
export type RosterCell = string | number | boolean | { serial: number } | null;

const raw = (cell: RosterCell): RawCellContent => {
  if (cell === null) return null;
  if (typeof cell === 'string') return `'${cell}`;
  if (typeof cell === 'object') return cell.serial;
  return cell;
};

export interface DashboardEngine {
  hf: HyperFormula;
  /** A cell of the Dashboard tab: its value, or "#ERROR <code>" for an error. */
  value(a1: string): unknown;
  /** Every value of the Dashboard tab that is an error. */
  errors(): string[];
  rosterId: number;
  destroy(): void;
}

/** The sheets: the roster (header row, data rows, blank rows up to `lastRow`), the Dashboard tab, the Allocation tab. */
export function dashboardEngine(
  plan: SheetPlan,
  roster: { sheet: string; header: string[]; rows: RosterCell[][]; lastRow: number; headerRow?: number },
  allocation?: SheetPlan,
): DashboardEngine {
  const headerRow = roster.headerRow ?? 1;
  const grid: RawCellContent[][] = Array.from({ length: headerRow - 1 }, () => []);
  grid.push(roster.header.map((h) => `'${h}`), ...roster.rows.map((r) => r.map(raw)));
  while (grid.length < roster.lastRow) grid.push([]);
  const sheets: Record<string, RawCellContent[][]> = { [roster.sheet]: grid, [plan.title]: planGrid(plan) };
  if (allocation) sheets[allocation.title] = planGrid(allocation);
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3' });
  const dashboard = hf.getSheetId(plan.title)!;
  const read = (row: number, col: number): unknown => {
    const v = hf.getCellValue({ sheet: dashboard, row, col });
    return typeof v === 'object' && v !== null && 'value' in v ? `#ERROR ${(v as { value: string }).value}` : v;
  };
  return {
    hf,
    rosterId: hf.getSheetId(roster.sheet)!,
    value: (a1) => {
      const { row, col } = parseA1(a1);
      return read(row, col);
    },
    errors: () => {
      const found: string[] = [];
      const { height, width } = hf.getSheetDimensions(dashboard);
      for (let r = 0; r < height; r++) for (let c = 0; c < width; c++) {
        const v = read(r, c);
        if (typeof v === 'string' && v.startsWith('#ERROR')) found.push(`${String.fromCharCode(65 + c)}${r + 1}: ${v}`);
      }
      return found;
    },
    destroy: () => hf.destroy(),
  };
}

/** An Allocation tab and the plan figures the core reads from it, from one budget. */
export function allocationFixture(budget: number, language: Language): { plan: SheetPlan; figures: PlanFigures } {
  const allocation = allocationPlan({ ...defaultSettings(budget), stage: 'maturity' });
  const plan = allocationSheetPlan(allocation, language);
  const budgetOf = Object.fromEntries(TIER_KEYS.map((k) => [k, allocation.tiers.find((t) => t.tier === k)!.budget]));
  const revenueOf = Object.fromEntries(TIER_KEYS.map((k) => [k, allocation.tiers.find((t) => t.tier === k)!.revenue]));
  return { plan, figures: { sheetName: plan.title, budget: budgetOf as PlanFigures['budget'], revenue: revenueOf as PlanFigures['revenue'] } };
}

const TIER_COLUMNS = { active: 2, spend: 3, revenue: 4, roas: 5 } as const;

/** Where the tab shows each figure of `d` (its first showing), by id. */
export function figureAddresses(d: Dashboard): Record<string, string> {
  const L = dashboardLayout(d.tiers.length);
  const at: Record<string, string> = {};
  for (const metric of Object.keys(TIER_COLUMNS) as Array<keyof typeof TIER_COLUMNS>) {
    d.tiers.forEach((_, i) => (at[`${metric}@${i}`] = a1(L.tierFirst + i, TIER_COLUMNS[metric])));
    at[metric] = a1(L.tierTotal, TIER_COLUMNS[metric]);
  }
  TILE_IDS.forEach((id, i) => {
    const { row, column } = L.tiles(i);
    at[TILES[id].figure] ??= a1(row + 1, column);
  });
  STAGES.forEach((id, i) => (at[id] = a1(L.funnel.first + i, 2)));
  FUNNEL_RATES.forEach((id, i) => (at[id] = a1(L.rates.first + i, 2)));
  return at;
}
