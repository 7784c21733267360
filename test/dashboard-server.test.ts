import { describe, expect, it } from 'vitest';
import { buildDashboardModel } from '../src/core/dashboard';
import { mapHeaders } from '../src/core/roster';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import type { CellSnapshot } from '../src/offline/workbook';
import { DASHBOARD_LABELS } from '../src/plan/dashboard-labels';
import { LIST_COLUMNS } from '../src/plan/dashboard-lists';
import { dashboardLayout, dashboardSheetPlan } from '../src/plan/dashboard-sheet';
import { a1, type PlanCell } from '../src/plan/types';
import { loadAddon } from './support/addon';
import { build, ENGINE_ROWS, evaluate, rosterAddon, ROWS, sheetSnap } from './support/dashboard-addon';
import { HEADER } from './support/dashboard-roster';

/**
 * The Dashboard tab through the built bundle on the in-memory workbook: what buildDashboard writes, that a refresh
 * rewrites the same tab (one tab, one set of charts, one protection), that the team's tabs are untouched, and that
 * the formulas evaluate without an error on an empty and a one-row roster.
 */

const EN = DASHBOARD_LABELS.en;
const L = dashboardLayout(5); // the default "matrix" scheme has five tiers

describe('buildDashboard through the built bundle', () => {
  it('writes the Dashboard tab whose live formulas show the hand-worked figures of the roster', () => {
    const addon = rosterAddon();
    const result = build(addon);
    expect(result).toMatchObject({ sheetName: 'Dashboard', created: true });
    // Hand-worked (test/support/dashboard-roster.ts): 4 active, spend 38,300, revenue 93,500, 2 contracts expiring,
    // 1 payment overdue, 1 follow-up due; ROAS 93,500 / 38,300 = 2.44; CPA 36,800 / 490 = 75.1.
    const { tiles } = result.summary;
    expect(tiles.activeInfluencers).toEqual({ value: 4, judged: 4, colour: 'red' }); // below 35
    expect(tiles.roas.value).toBeCloseTo(2.4413, 4);
    expect(tiles.roas.colour).toBe('yellow'); // from 2, below 3
    expect(tiles.cpa.value).toBeCloseTo(75.102, 3);
    expect(tiles.cpa.colour).toBe('yellow'); // above 40, up to 80
    expect(tiles.contractsExpiring).toEqual({ value: 2, judged: 2, colour: 'green' });
    expect(tiles.paymentsOverdue).toEqual({ value: 1, judged: 1, colour: 'yellow' });
    expect(tiles.followUpsDue).toEqual({ value: 1, judged: 1, colour: 'green' });
    expect(tiles.spend).toEqual({ value: 38_300, judged: null, colour: null }); // no Allocation tab: nothing to judge against
    expect(result.summary).toMatchObject({ rowsRead: 10, againstPlan: false, asOf: [], textCells: [] });

    const tab = evaluate(addon, 'Dashboard', ENGINE_ROWS);
    expect(tab.errors()).toEqual([]);
    const tile = (i: number, offset: number) => tab.value(a1(L.tiles(i).row + offset, L.tiles(i).column));
    expect(tile(0, 1)).toBe(4);
    expect(tile(1, 1)).toBe(38_300);
    expect(tile(2, 1)).toBe(93_500);
    expect(tile(0, 3)).toBe(EN.status.red);
    expect(tile(5, 3)).toBe(EN.status.green);
    expect(tab.value(a1(L.tierTotal, 3))).toBe(38_300);
    expect(tab.value(a1(L.tierFirst + 2, 3))).toBe(7_000); // Mid: Cat 4,000 + Dan 2,000 + Ivy 1,000
    expect(tab.value(a1(L.top.first, LIST_COLUMNS.name))).toBe('Eve'); // ROAS 5, the best
  });

  it('writes every cell of the plan as the plan says: values, formulas, formats, looks, notes', () => {
    const addon = rosterAddon();
    const result = build(addon);
    // The same plan, from the same rows, at the refresh time the tab was written with.
    const d = buildDashboardModel({
      roster: { sheet: 'Roster', headerRow: 1, columns: mapHeaders(HEADER) },
      rows: ROWS,
      lastRow: 1_000,
      settings: DEFAULT_SETTINGS,
      now: result.summary.refreshed.replace(' ', 'T'),
      timeZone: 'Etc/GMT',
    });
    const plan = dashboardSheetPlan(d, { language: 'en', currency: 'USD' });
    const tab = sheetSnap(addon, 'Dashboard');
    let checked = 0;
    for (const block of plan.blocks) {
      block.cells.forEach((line, r) =>
        line.forEach((cell, c) => {
          const ref = a1(block.row + r, block.column + c);
          expect(written(tab.cells[ref]), ref).toEqual(expected(cell));
          checked++;
        }),
      );
    }
    expect(checked).toBeGreaterThan(300);
    expect(Object.values(tab.cells).filter((c) => c.note).length).toBeGreaterThan(0); // the n/a reasons
    expect(tab.frozenRows).toBe(plan.frozenRows);
    expect(tab.tabColor).toBe(plan.tabColor);
    expect(tab.conditionalFormats.map((r) => [r.ranges, r.values[0], r.format.background])).toEqual(plan.rules!.map((r) => [[r.range], r.formula, r.background]));
    expect(tab.charts.map((c) => [c.type, c.ranges, c.numHeaders, c.options.title])).toEqual(plan.charts!.map((c) => [c.type, c.ranges.map((r) => `Dashboard!${r}`), 1, c.options.title]));
  });

  it('refreshes in place: two builds leave one tab, one set of charts, one warning-only protection, the user tabs as they were', () => {
    // The team has a tab of its own called "Dashboard": it is theirs and stays as it is.
    const addon = rosterAddon(ROWS, { sheets: { Dashboard: [['Our own KPIs'], ['Q3', 12]] } });
    const users = ['Roster', 'Notes', 'Dashboard'].map((name) => JSON.stringify(sheetSnap(addon, name)));
    const first = build(addon);
    expect(first).toMatchObject({ sheetName: 'Dashboard (2)', created: true });
    const charts = sheetSnap(addon, 'Dashboard (2)').charts.map((c) => c.id);
    expect(charts).toHaveLength(3);

    const second = build(addon, {});
    expect(second).toMatchObject({ sheetName: 'Dashboard (2)', created: false });
    const names = addon.workbook.snapshot().sheets.map((s) => s.name);
    expect(names).toEqual(['Sheet1', 'Roster', 'Notes', 'Dashboard', 'Dashboard (2)']);
    const tab = sheetSnap(addon, 'Dashboard (2)');
    expect(tab.charts.map((c) => c.id)).toEqual(charts); // updated, not drawn again
    expect(tab.protections).toEqual([{ id: 1, type: 'SHEET', range: null, description: EN.protection, warningOnly: true }]);
    expect(['Roster', 'Notes', 'Dashboard'].map((name) => JSON.stringify(sheetSnap(addon, name)))).toEqual(users);
  });

  it('keeps a protection the team made stricter, and adds no other', () => {
    const addon = rosterAddon();
    build(addon);
    const sheet = addon.workbook.spreadsheet.getSheetByName('Dashboard')!;
    sheet.protect().setWarningOnly(false).setDescription('Only the growth lead edits this');
    build(addon);
    expect(sheetSnap(addon, 'Dashboard').protections).toEqual([
      { id: 1, type: 'SHEET', range: null, description: 'Only the growth lead edits this', warningOnly: false },
    ]);
  });

  it('writes figures the roster holds as text as values with a note, and clears those notes once the text is gone', () => {
    const rows = ROWS.map((r) => [...r]);
    rows[0]![3] = '3.6万'; // Ann's revenue, 36,000, typed as text
    const addon = rosterAddon(rows);
    const result = build(addon);
    expect(result.summary.textCells).toEqual([{ field: 'revenue', column: 4, header: 'Revenue', reason: 'text-number', rows: [2], examples: ['3.6万'] }]);
    expect(result.summary.asOf).toContain('revenue');
    expect(result.summary.tiles.revenue.value).toBe(93_500); // the add-on reads 3.6万 as 36,000
    const asOf = Object.values(sheetSnap(addon, 'Dashboard').cells).filter((c) => c.note?.startsWith('As of'));
    expect(asOf.length).toBeGreaterThan(0);

    addon.workbook.spreadsheet.getSheetByName('Roster')!.getRange('D2').setValue(36_000);
    const again = build(addon);
    expect(again.summary.asOf).toEqual([]);
    expect(Object.values(sheetSnap(addon, 'Dashboard').cells).filter((c) => c.note?.startsWith('As of'))).toEqual([]);
  });

  it('builds an empty roster (headers only) and a one-row roster with no formula error on the tab', () => {
    for (const rows of [[], [ROWS[0]!]]) {
      const addon = rosterAddon(rows);
      const result = build(addon);
      expect(result.summary.rowsRead).toBe(rows.length);
      const tab = evaluate(addon, 'Dashboard', rows.length ? [ENGINE_ROWS[0]!] : []);
      expect(tab.errors(), `${rows.length} rows`).toEqual([]);
      expect(tab.value(a1(L.tiles(0).row + 1, 1)), `${rows.length} rows`).toBe(rows.length ? 1 : 0); // Ann is Active
      // A ratio over nothing is "n/a", never #DIV/0!.
      if (!rows.length) expect(tab.value(a1(L.tiles(3).row + 1, L.tiles(3).column))).toBe(EN.na);
    }
  });

  it('shows money in the currency of the plan the team built, as the Allocation tab does', () => {
    const addon = rosterAddon(); // an en_US workbook: left to the locale, the money would be in USD
    expect(build(addon).currency).toBe('USD');
    addon.run('buildAllocation', { budget: 30_000, currency: 'CNY', stage: 'maturity' });
    expect(build(addon).currency).toBe('CNY');
    addon.run('saveSettings', { currency: 'EUR' }); // a Currency setting wins over the plan
    expect(build(addon).currency).toBe('EUR');
  });

  it('judges spend and revenue against the Allocation tab as its cells show them', () => {
    const addon = rosterAddon();
    addon.run('buildAllocation', { budget: 50_000, currency: 'USD', stage: 'maturity' });
    // Sheets computes the Allocation tab's formulas; here each tier's budget (B25:B29) and revenue (F25:F29) are set
    // as if it had: 10,000 and 20,000 a tier, 50,000 and 100,000 in all.
    for (let row = 25; row <= 29; row++) {
      addon.workbook.setComputedValue('Allocation', row, 2, 10_000);
      addon.workbook.setComputedValue('Allocation', row, 6, 20_000);
    }
    const result = build(addon);
    expect(result.summary.againstPlan).toBe(true);
    // Spend 38,300 of 50,000 planned: 77%, within the plan (green); revenue 93,500 of 100,000: 94%, yellow (80-100%).
    expect(result.summary.tiles.spend.judged).toBeCloseTo(0.766, 6);
    expect(result.summary.tiles.spend.colour).toBe('green');
    expect(result.summary.tiles.revenue.judged).toBeCloseTo(0.935, 6);
    expect(result.summary.tiles.revenue.colour).toBe('yellow');
    const cells = sheetSnap(addon, 'Dashboard').cells;
    const spendTile = L.tiles(1);
    expect(cells[a1(spendTile.row + 2, spendTile.column)]!.f).toBe(`=IFERROR(${a1(spendTile.row + 1, spendTile.column)}/'Allocation'!$B$30,"n/a")`);
    expect(cells[a1(L.tierFirst, 8)]!.f).toBe("='Allocation'!$B$25"); // Mega's planned budget, live
  });

  it('uses the saved dashboard bands, and refuses bands that contradict each other', () => {
    const addon = rosterAddon();
    addon.run('saveSettings', { dashboard: { bands: { activeInfluencers: { green: 4, yellow: 2 } } } });
    const result = build(addon);
    expect(result.summary.tiles.activeInfluencers.colour).toBe('green');
    const cells = sheetSnap(addon, 'Dashboard').cells;
    expect(cells[a1(L.thresholds.first, 2)]).toMatchObject({ v: 4 }); // the first band's green line, on the tab

    expect(() => addon.run('saveSettings', { dashboard: { bands: { roas: { yellow: 5 } } } })).toThrow(
      "Invalid settings: the roas band's yellow line must not be above its green line.",
    );
    expect(() => addon.run('saveSettings', { dashboard: { bands: { reach: { green: 1 } } } })).toThrow('unknown field "reach"');
    expect(() => addon.run('saveSettings', { dashboard: { bands: { churn: { green: -1 } } } })).toThrow('dashboard.bands.churn.green');
  });

  it('speaks the workbook language', () => {
    const addon = rosterAddon(ROWS, { locale: 'zh_CN' });
    expect(build(addon).sheetName).toBe('数据看板');
    expect(sheetSnap(addon, '数据看板').cells.A1).toMatchObject({ v: DASHBOARD_LABELS.zh.title });
    expect(build(addon, { language: 'en' })).toMatchObject({ sheetName: '数据看板', created: false });
    expect(sheetSnap(addon, '数据看板').cells.A1).toMatchObject({ v: EN.title });
  });

  it('refuses a bad request, and says what to do without a roster', () => {
    const addon = rosterAddon();
    expect(() => build(addon, { theme: 'dark' })).toThrow('Invalid dashboard request: unknown field "theme".');
    expect(() => build(addon, { language: 'fr' })).toThrow('Invalid dashboard request: language: must be one of "en", "zh".');
    expect(() => build(loadAddon())).toThrow('No sheet looks like a roster yet: open Roster & alerts in the sidebar and pick the sheet and its columns.');
    expect(addon.workbook.snapshot().sheets.map((s) => s.name)).toEqual(['Sheet1', 'Roster', 'Notes']);
  });

  it('makes the same number of service calls for 30 roster rows and 20,000', () => {
    const calls = (count: number) => {
      const addon = rosterAddon(Array.from({ length: count }, (_, i) => ROWS[i % ROWS.length]!));
      const measure = (fn: () => void): number => {
        addon.workbook.calls.reset();
        fn();
        return addon.workbook.calls.total;
      };
      return { first: measure(() => build(addon)), refresh: measure(() => build(addon)) };
    };
    const small = calls(30);
    expect(calls(20_000)).toEqual(small);
    expect(small.first).toBeLessThan(200); // the shape of the tab (12 colour rules, 3 charts); a cell or a row at a time would be thousands
  });
});

/** A written cell in the plan's terms: what a refresh must reproduce exactly. */
function written(cell: CellSnapshot | undefined) {
  const c = cell ?? {};
  return {
    value: c.f !== undefined ? undefined : c.v ?? null,
    formula: c.f,
    format: c.nf,
    bold: c.bold ?? false,
    background: c.bg,
    color: c.fc,
    align: c.ha,
    fontSize: c.fs,
    wrap: c.wrap ?? false,
    note: c.note,
  };
}

function expected(cell: PlanCell) {
  return {
    value: cell.formula !== undefined ? undefined : cell.value === '' || cell.value === undefined ? null : cell.value,
    formula: cell.formula,
    format: cell.format,
    bold: cell.bold ?? false,
    background: cell.background?.toLowerCase(),
    color: cell.color?.toLowerCase(),
    align: cell.align,
    fontSize: cell.fontSize,
    wrap: cell.wrap ?? false,
    note: cell.note,
  };
}
