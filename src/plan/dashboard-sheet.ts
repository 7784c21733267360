/**
 * The Dashboard tab for execs: KPI tiles coloured red / yellow / green, the roster by tier (with plan against actual
 * when the workbook has an Allocation tab), the pipeline funnel against the seed's targets, the top and bottom five
 * by ROAS, three charts and the thresholds in use. Figures are live formulas over the roster (dashboard-cells.ts);
 * colours are conditional-format rules that read only this tab's status cells, as Sheets requires.
 *
 * Cell positions come from `dashboardLayout`, which tests use to find each figure.
 */
import { ALERT_PALETTE } from '../core/alerts';
import { CURRENCIES, TIER_KEYS, type CurrencyCode } from '../core/domain';
import type { Dashboard } from '../core/dashboard';
import { BAND_DIRECTION, BAND_KEYS, targetRoasOf, type BandKey } from '../core/dashboard-settings';
import { FUNNEL_RATES, TILE_IDS, TILES, type TileId } from '../core/dashboard-status';
import { DASHBOARD_LABELS } from './dashboard-labels';
import { AS_OF_COLOR, FigureCells, HEADER_BG, LABEL_COLOR, naReason, sheetRef, statusFormula, textColumns } from './dashboard-cells';
import { listSection } from './dashboard-lists';
import { LAYOUT as ALLOCATION_LAYOUT } from './allocation-sheet';
import { tierLabel, type Language } from './labels';
import { a1, a1Range, type PlanCell, type PlanChart, type PlanRule, type SheetPlan } from './types';

export const DASHBOARD_KIND = 'dashboard';

const TILE_BG = '#f8f9fa';
const COUNT = '#,##0';
const ROAS = '0.00';
const RATE = '0.0%';
export const STAGES = ['identified', 'reached', 'responded', 'partnered'] as const;

/** Where everything is, for a tab with `tiers` tiers. */
export function dashboardLayout(tiers: number) {
  const tierFirst = 19;
  const tierTotal = tierFirst + tiers;
  const funnel = tierTotal + 3;
  const rates = funnel + STAGES.length + 3;
  const top = rates + FUNNEL_RATES.length + 3;
  const bottom = top + 8;
  const ranked = bottom + 7;
  const thresholds = ranked + 3;
  return {
    refreshed: { row: 2, column: 2 },
    notice: 4,
    /** Tiles: label, value, detail and status rows, four tiles a row in columns A-D. */
    tiles: (i: number) => ({ row: (i < 4 ? 7 : 12), column: (i % 4) + 1 }),
    tierHeader: tierFirst - 1,
    tierFirst,
    tierTotal,
    /** Columns of the tier table. */
    tierColumns: { active: 2, spend: 3, revenue: 4, roas: 5, target: 6, status: 7, plan: 8, ofPlan: 9 },
    funnel: { title: funnel, first: funnel + 2 },
    rates: { title: rates, first: rates + 2 },
    top: { title: top, first: top + 2 },
    bottom: { title: bottom, first: bottom + 2 },
    ranked,
    thresholds: { title: thresholds, first: thresholds + 2 },
  };
}
export type DashboardLayout = ReturnType<typeof dashboardLayout>;

export interface DashboardSheetOptions {
  language: Language;
  currency: CurrencyCode;
}

export function dashboardSheetPlan(d: Dashboard, options: DashboardSheetOptions): SheetPlan {
  const { language } = options;
  const t = DASHBOARD_LABELS[language];
  const L = dashboardLayout(d.tiers.length);
  const money = CURRENCIES[options.currency].format;
  const cells = new FigureCells(d, language);
  const grid: PlanCell[][] = [];
  const put = (row: number, column: number, cell: PlanCell): void => {
    const line = (grid[row - 1] ??= []);
    for (let c = line.length; c < column - 1; c++) line[c] = {};
    line[column - 1] = cell;
  };
  const text = (value: string, extra: Partial<PlanCell> = {}): PlanCell => ({ value, ...extra });
  const header = (value: string): PlanCell => ({ value, bold: true, background: HEADER_BG });
  const threshold = (band: BandKey, which: 'green' | 'yellow'): string => a1(L.thresholds.first + BAND_KEYS.indexOf(band), which === 'green' ? 2 : 3, true);
  const status = (cell: string, band: BandKey): PlanCell => ({ formula: statusFormula(cell, threshold(band, 'green'), threshold(band, 'yellow'), BAND_DIRECTION[band], t.status), bold: true });
  const plan = d.plan;
  const planCell = (row: number, column: number): string => `${sheetRef(plan!.sheetName)}!${a1(row, column, true)}`;
  const planTotalRow = ALLOCATION_LAYOUT.resultsTotalRow;

  // Title, refresh time, what the tab reads, and which figures are values rather than formulas.
  put(1, 1, text(t.title, { bold: true, fontSize: 16 }));
  put(2, 1, text(t.lastRefreshed, { color: LABEL_COLOR }));
  put(L.refreshed.row, L.refreshed.column, { value: d.refreshed.serial, format: 'yyyy-mm-dd hh:mm', align: 'left' });
  put(2, 3, text(`(${d.refreshed.timeZone})`, { color: LABEL_COLOR }));
  put(3, 1, text(t.source(d.roster.sheet, d.roster.firstRow, d.roster.lastRow), { color: LABEL_COLOR }));
  const asOf = d.textCells.length ? t.asOfNotice(d.refreshed.text, textColumns(d.textCells, language)) : t.allLive;
  put(L.notice, 1, text(asOf, { color: d.textCells.length ? AS_OF_COLOR : LABEL_COLOR }));

  // The tier table first, so the tiles can refer to its totals.
  const C = L.tierColumns;
  put(L.tierHeader - 1, 1, text(t.sections.tiers, { bold: true, fontSize: 12 }));
  [...t.tierHeaders, ...(plan ? t.planHeaders : [])].forEach((h, i) => put(L.tierHeader, i + 1, header(h)));
  const scopes = [...d.tiers.map((_, i) => i), 'all' as const];
  scopes.forEach((scope, i) => {
    const row = L.tierFirst + i;
    const id = (metric: string): string => (scope === 'all' ? metric : `${metric}@${scope}`);
    const tier = scope === 'all' ? null : d.tiers[scope]!;
    const name = tier ? tierLabel(tier.name, language) : t.allTiers;
    put(row, 1, text(name, { bold: scope === 'all' }));
    put(row, C.active, cells.cell(id('active'), row, C.active, { format: COUNT }));
    put(row, C.spend, cells.cell(id('spend'), row, C.spend, { format: money }));
    put(row, C.revenue, cells.cell(id('revenue'), row, C.revenue, { format: money }));
    put(row, C.roas, cells.cell(id('roas'), row, C.roas, { format: ROAS }));
    put(row, C.target, { formula: `=${threshold('roas', 'green')}`, format: ROAS });
    put(row, C.status, status(a1(row, C.roas), 'roas'));
    if (plan) {
      const key = tier?.key ?? null;
      const budget = scope === 'all' ? planCell(planTotalRow, 2) : key ? planCell(ALLOCATION_LAYOUT.results.first + TIER_KEYS.indexOf(key), 2) : null;
      put(row, C.plan, budget ? { formula: `=${budget}`, format: money } : text(t.na));
      put(row, C.ofPlan, { formula: `=IFERROR(${a1(row, C.spend)}/${a1(row, C.plan)},"${t.na}")`, format: '0%' });
    }
  });
  const noteRow = L.tierTotal + 1;
  const tierNotes = [...(plan ? [] : [t.noPlanLine]), ...(d.spendField === 'cost' && d.activeBy === 'status' ? [t.fromCost] : [])];
  if (tierNotes.length) put(noteRow, 1, text(tierNotes.join(' '), { color: LABEL_COLOR }));

  // Tiles: label, value, detail, status.
  put(6, 1, text(t.sections.tiles, { bold: true, fontSize: 12 }));
  const target = targetRoasOf(d.settings);
  TILE_IDS.forEach((id, i) => {
    const { row, column } = L.tiles(i);
    const tile = TILES[id];
    put(row, column, text(tileLabel(id, d, language, target), { color: LABEL_COLOR, background: TILE_BG, wrap: true }));
    const format = id === 'activeInfluencers' || id === 'contractsExpiring' || id === 'paymentsOverdue' || id === 'followUpsDue' ? COUNT : id === 'roas' ? ROAS : money;
    const value = cells.cell(tile.figure, row + 1, column, { format, bold: true, fontSize: 18, background: TILE_BG });
    put(row + 1, column, value);
    const valueCell = a1(row + 1, column);
    let judged = valueCell;
    if (tile.againstPlan) {
      const planTotal = plan ? planCell(planTotalRow, id === 'spend' ? 2 : 6) : null;
      put(row + 2, column, planTotal ? { formula: `=IFERROR(${valueCell}/${planTotal},"${t.na}")`, format: t.details.ofPlan, background: TILE_BG } : text(t.details.noPlan, { color: LABEL_COLOR, background: TILE_BG }));
      judged = a1(row + 2, column);
    } else {
      const figure = cells.figure(tile.figure);
      const detail = figure?.def ? tileDetail(id, d, language) : naReason(figure?.na, language);
      put(row + 2, column, text(detail, { color: LABEL_COLOR, background: TILE_BG, wrap: true }));
    }
    put(row + 3, column, { ...status(judged, tile.band), background: TILE_BG });
  });

  listSection(put, d, L, language, money);
  funnelSection();
  thresholdSection();

  function funnelSection(): void {
    put(L.funnel.title, 1, text(t.sections.funnel, { bold: true, fontSize: 12 }));
    t.funnelHeaders.forEach((h, i) => put(L.funnel.first - 1, i + 1, header(h)));
    STAGES.forEach((stage, i) => {
      const row = L.funnel.first + i;
      put(row, 1, text(t.stages[stage][0]));
      put(row, 2, cells.cell(stage, row, 2, { format: COUNT }));
      put(row, 3, text(t.stages[stage][1], { color: LABEL_COLOR }));
    });
    put(L.rates.title, 1, text(t.sections.rates, { bold: true, fontSize: 12 }));
    t.rateHeaders.forEach((h, i) => put(L.rates.first - 1, i + 1, header(h)));
    FUNNEL_RATES.forEach((rate, i) => {
      const row = L.rates.first + i;
      const figure = cells.figure(rate);
      put(row, 1, text(t.rates[rate][0]));
      put(row, 2, cells.cell(rate, row, 2, { format: RATE }));
      const sign = BAND_DIRECTION[rate] === 'higher' ? '≥' : '≤';
      put(row, 3, { formula: `=${threshold(rate, 'green')}`, format: `"${sign} "0%` });
      put(row, 4, status(a1(row, 2), rate));
      put(row, 5, text(figure?.def ? t.rates[rate][1] : naReason(figure?.na, language), { color: LABEL_COLOR }));
    });
  }

  function thresholdSection(): void {
    put(L.thresholds.title, 1, text(t.sections.thresholds, { bold: true, fontSize: 12 }));
    t.thresholdHeaders.forEach((h, i) => put(L.thresholds.first - 1, i + 1, header(h)));
    BAND_KEYS.forEach((band, i) => {
      const row = L.thresholds.first + i;
      const format = band === 'cpa' ? money : band === 'roas' ? ROAS : band === 'spendOfPlan' || band === 'revenueOfPlan' || FUNNEL_RATES.includes(band as never) ? '0%' : COUNT;
      put(row, 1, text(t.bands[band]));
      put(row, 2, { value: d.settings.bands[band].green, format });
      put(row, 3, { value: d.settings.bands[band].yellow, format });
      put(row, 4, text(BAND_DIRECTION[band] === 'higher' ? t.higher : t.lower, { color: LABEL_COLOR }));
    });
  }

  const width = Math.max(...Array.from(grid, (line) => line?.length ?? 0));
  const rows = Array.from(grid, (line) => Array.from({ length: width }, (_, c) => line?.[c] ?? {}));
  return {
    kind: DASHBOARD_KIND,
    title: t.sheet,
    blocks: [{ row: 1, column: 1, cells: rows }],
    columnWidths: [230, 160, 160, 160, 110, 110, 120, 130, 110],
    frozenRows: 2,
    rules: colourRules(L, d.tiers.length),
    charts: charts(L, d.tiers.length, language),
    tabColor: '#0f9d58',
    protection: { warningOnly: true, description: t.protection },
  };

  function colourRules(layout: DashboardLayout, tiers: number): PlanRule[] {
    const colours = (range: string, first: string): PlanRule[] =>
      (['green', 'yellow', 'red'] as const).map((c) => ({ range, formula: `=${first}="${t.status[c]}"`, background: ALERT_PALETTE[c] }));
    const tileRows = [layout.tiles(0).row, layout.tiles(4).row];
    return [
      // Each tile's four cells take the colour of its status cell, three rows down: the column moves, the row does not.
      ...tileRows.flatMap((row) => colours(a1Range(row, 1, 4, 4), `A$${row + 3}`)),
      ...colours(a1Range(layout.tierFirst, C.status, tiers + 1, 1), a1(layout.tierFirst, C.status)),
      ...colours(a1Range(layout.rates.first, 4, FUNNEL_RATES.length, 1), a1(layout.rates.first, 4)),
    ];
  }
}

function charts(L: DashboardLayout, tiers: number, language: Language): PlanChart[] {
  const t = DASHBOARD_LABELS[language];
  const column = (c: number): string => a1Range(L.tierHeader, c, tiers + 1, 1);
  const stages = (c: number): string => a1Range(L.funnel.first - 1, c, STAGES.length + 1, 1);
  return [
    { type: 'COLUMN', ranges: [column(1), column(L.tierColumns.roas), column(L.tierColumns.target)], headers: 1, anchor: { row: 6, column: 11 }, options: { title: t.charts.tierRoas, legend: 'bottom' } },
    { type: 'PIE', ranges: [column(1), column(L.tierColumns.spend)], headers: 1, anchor: { row: 24, column: 11 }, options: { title: t.charts.spend, pieHole: 0.4, legend: 'right' } },
    { type: 'BAR', ranges: [stages(1), stages(2)], headers: 1, anchor: { row: 42, column: 11 }, options: { title: t.charts.funnel, legend: 'none' } },
  ];
}

function tileLabel(id: TileId, d: Dashboard, language: Language, target: number): string {
  const t = DASHBOARD_LABELS[language];
  if (id === 'roas') return t.roasTile(target.toFixed(1));
  if (id === 'contractsExpiring') return t.expiringTile(d.expiringDays);
  if (id === 'followUpsDue') return t.followUpTile(d.followUpDays);
  return t.tiles[id];
}

function tileDetail(id: TileId, d: Dashboard, language: Language): string {
  const t = DASHBOARD_LABELS[language].details;
  switch (id) {
    case 'activeInfluencers':
      return d.activeBy === 'spend' ? t.activeBySpend : t.activeByStatus;
    case 'roas':
      return t.roas;
    case 'cpa':
      return t.cpa;
    case 'contractsExpiring':
      return t.expiring;
    case 'paymentsOverdue':
      return t.overdue;
    case 'followUpsDue':
      return t.followUp;
    default:
      return '';
  }
}
