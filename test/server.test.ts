import { describe, expect, it } from 'vitest';
import { LAYOUT } from '../src/plan/allocation-sheet';
import { a1 } from '../src/plan/types';
import { loadAddon } from './support/addon';
import { createEngine, snapshotGrids } from './support/formula-engine';

const SEED_REQUEST = { budget: 30_000, currency: 'CNY', stage: 'maturity' };

const chineseRoster = (rows: number): unknown[][] => [
  ['2026 达人名单'],
  [],
  ['达人昵称', '平台', '粉丝数', '互动率', '报价', 'GMV', '合作状态', '合同到期'],
  ...Array.from({ length: rows }, (_, i) => [`达人${i}`, '小红书', `${(i % 90) + 1}万`, '8%', '¥2,000', 5_000, 'Active', '2026-12-31']),
];

const userSheets = (rows = 3) => ({
  Roster: chineseRoster(rows),
  Notes: [['=SUM(1,2)', 'my own formula'], ['<b>plan</b>', 42]],
});

const sheetJson = (addon: ReturnType<typeof loadAddon>, name: string) =>
  JSON.stringify(addon.workbook.snapshot().sheets.find((s) => s.name === name));

describe('onOpen', () => {
  it('adds the add-on menu and touches nothing else, in AuthMode.NONE where Google forbids the rest', () => {
    const addon = loadAddon({ userLocale: 'zh_CN', authMode: 'NONE' });
    addon.run('onOpen', { authMode: 'NONE' });
    expect(addon.workbook.ui.menus).toHaveLength(1);
    expect(JSON.stringify(addon.workbook.ui.menus[0])).toContain('打开预算规划');
    const touched = Object.keys(addon.workbook.calls.byMethod);
    expect(touched.every((m) => /^(SpreadsheetApp\.getUi|Ui\.|Menu\.|Session\.)/.test(m)), touched.join()).toBe(true);
  });

  it('opens the planner sidebar', () => {
    const addon = loadAddon();
    addon.run('showSidebar');
    expect(addon.workbook.ui.sidebar?.title).toBe('Influencer Matrix');
    expect(addon.workbook.ui.sidebar?.content).toContain('<script>');
  });
});

describe('getSetup', () => {
  it('detects the roster under Chinese headers and picks language and currency from the locale', () => {
    const addon = loadAddon({ locale: 'zh_CN', sheets: userSheets() });
    const setup = addon.run('getSetup') as Record<string, any>;
    expect(setup).toMatchObject({ language: 'zh', currency: 'CNY', locale: 'zh_CN' });
    expect(setup.roster).toMatchObject({
      sheet: 'Roster',
      headerRow: 3,
      columns: {
        name: { column: 1, header: '达人昵称' },
        platform: { column: 2 },
        followers: { column: 3 },
        engagementRate: { column: 4 },
        cost: { column: 5 },
        revenue: { column: 6 },
        status: { column: 7 },
        contractEnd: { column: 8 },
      },
    });
    expect(setup.defaults.stageMix.maturity).toEqual({ mega: 0.05, macro: 0.15, mid: 0.5, micro: 0.3, nano: 0 });
  });
});

describe('sheets that are not grids', () => {
  it('getSetup skips chart sheets and data-source sheets: it neither reads them nor offers them', () => {
    const addon = loadAddon({ sheets: { 'Sales chart': [], ...userSheets() } });
    addon.workbook.addSheetOfType('Chart 1', 'OBJECT');
    addon.workbook.addSheetOfType('Orders (BigQuery)', 'DATASOURCE');
    const setup = addon.run('getSetup') as Record<string, any>;
    expect(setup.roster).toMatchObject({ sheet: 'Roster', headerRow: 3 });
    expect(setup.sheets.map((s: { name: string }) => s.name)).toEqual(['Sheet1', 'Sales chart', 'Roster', 'Notes']);
    addon.run('buildAllocation', SEED_REQUEST);
    expect(addon.workbook.snapshot().sheets.map((s) => s.name)).toContain('Allocation');
  });
});

describe('outside a spreadsheet', () => {
  it('says the add-on must run inside a spreadsheet, not that another build is running', () => {
    const addon = loadAddon({ outsideDocument: true });
    for (const [name, args] of [['buildAllocation', [SEED_REQUEST]], ['getSetup', []], ['menuBuildAllocation', []]] as const) {
      expect(() => addon.run(name, ...args), name).toThrow(
        'Influencer Matrix needs to run inside a spreadsheet: open it from Extensions → Influencer Matrix.',
      );
    }
  });
});

describe('buildAllocation through the built bundle', () => {
  it('previews without writing anything', () => {
    const addon = loadAddon({ sheets: userSheets() });
    const before = JSON.stringify(addon.workbook.snapshot().sheets);
    const preview = addon.run('previewAllocation', SEED_REQUEST) as Record<string, any>;
    expect(preview.tiers.map((t: any) => t.budget)).toEqual([1_500, 4_500, 15_000, 9_000, 0]);
    expect(preview.warnings.map((w: any) => w.tier)).toEqual(['mega', 'macro']);
    expect(JSON.stringify(addon.workbook.snapshot().sheets)).toBe(before);
  });

  it('writes one Allocation tab of live formulas, refreshes it in place, and leaves user tabs untouched', () => {
    const addon = loadAddon({ sheets: userSheets() });
    const roster = sheetJson(addon, 'Roster');
    const notes = sheetJson(addon, 'Notes');
    const first = addon.run('buildAllocation', SEED_REQUEST) as Record<string, any>;
    expect(first).toMatchObject({ sheetName: 'Allocation', created: true });
    const afterFirst = sheetJson(addon, 'Allocation');
    const second = addon.run('buildAllocation', SEED_REQUEST) as Record<string, any>;
    expect(second).toMatchObject({ sheetName: 'Allocation', created: false });

    const snap = addon.workbook.snapshot();
    expect(snap.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Roster', 'Notes', 'Allocation']);
    expect(sheetJson(addon, 'Allocation')).toBe(afterFirst); // idempotent: same rules, one chart, same cells
    const tab = snap.sheets.find((s) => s.name === 'Allocation')!;
    expect(tab.charts).toHaveLength(1);
    expect(tab.conditionalFormats).toHaveLength(4);
    expect(sheetJson(addon, 'Roster')).toBe(roster);
    expect(sheetJson(addon, 'Notes')).toBe(notes);

    const engine = createEngine(snapshotGrids(snap));
    const budgets = [0, 1, 2, 3, 4].map((i) => engine.value('Allocation', a1(LAYOUT.results.first + i, 2)));
    expect(budgets).toEqual([1_500, 4_500, 15_000, 9_000, 0]);
    engine.set('Allocation', a1(LAYOUT.budget.row, LAYOUT.budget.column), 60_000);
    expect(engine.value('Allocation', a1(LAYOUT.results.first + 2, 2))).toBe(30_000);
  });

  it('formats money in the chosen currency', () => {
    const addon = loadAddon();
    addon.run('buildAllocation', { ...SEED_REQUEST, currency: 'USD' });
    const cells = addon.workbook.snapshot().sheets.find((s) => s.name === 'Allocation')!.cells;
    expect(cells[a1(LAYOUT.budget.row, LAYOUT.budget.column)]).toMatchObject({ v: 30_000, nf: '"$"#,##0' });
    expect(cells[a1(LAYOUT.results.first, 2)]).toMatchObject({ nf: '"$"#,##0' });
    expect(cells[a1(LAYOUT.results.first, 7)]).toMatchObject({ nf: '0.00' });
  });

  it('never touches a user tab that happens to be called Allocation', () => {
    const addon = loadAddon({ sheets: { Allocation: [['my own allocation', 123]] } });
    const mine = sheetJson(addon, 'Allocation');
    const result = addon.run('buildAllocation', SEED_REQUEST) as Record<string, any>;
    expect(result.sheetName).toBe('Allocation (2)');
    addon.run('buildAllocation', { ...SEED_REQUEST, budget: 50_000 });
    expect(sheetJson(addon, 'Allocation')).toBe(mine);
    expect(addon.workbook.snapshot().sheets.map((s) => s.name)).toEqual(['Sheet1', 'Allocation', 'Allocation (2)']);
  });

  it('finds its tab again after the user renames it', () => {
    const addon = loadAddon();
    addon.run('buildAllocation', SEED_REQUEST);
    addon.workbook.spreadsheet.getSheetByName('Allocation')!.setName('Budget plan');
    const result = addon.run('buildAllocation', SEED_REQUEST) as Record<string, any>;
    expect(result).toMatchObject({ sheetName: 'Budget plan', created: false });
    expect(addon.workbook.snapshot().sheets).toHaveLength(2);
  });

  it.each([
    [{ budget: -5, stage: 'maturity' }, 'budget: the budget must be more than 0'],
    [{ budget: 30_000, stage: 'maturity', mix: { mega: 0.5, macro: 0.3, mid: 0.2, micro: 0.2, nano: 0 } }, 'mix: adds up to 120%; it must add up to 100%'],
    [{ budget: 30_000, stage: 'boom' }, 'stage: must be one of "awareness", "growth", "maturity", "roi-first", "custom"'],
    [{ budget: 30_000, stage: 'maturity', sheet: 'Roster' }, 'unknown field "sheet"'],
    [{ budget: 'thirty thousand', stage: 'maturity' }, 'budget: "thirty thousand" is not an amount'],
    [null, 'expected an object'],
  ])('rejects %j with a clear message and writes nothing', (request, message) => {
    const addon = loadAddon({ sheets: userSheets() });
    const before = JSON.stringify(addon.workbook.snapshot());
    expect(() => addon.run('buildAllocation', request)).toThrow(message);
    expect(() => addon.run('previewAllocation', request)).toThrow(message);
    expect(JSON.stringify(addon.workbook.snapshot())).toBe(before);
  });

  it('waits for another build holding the lock, then gives up with a clear message', () => {
    const addon = loadAddon();
    addon.workbook.holdDocumentLockElsewhere(true);
    expect(() => addon.run('buildAllocation', SEED_REQUEST)).toThrow('Another Influencer Matrix build is running');
    expect(addon.workbook.snapshot().sheets).toHaveLength(1);
  });

  it('remembers the last request to prefill the planner', () => {
    const addon = loadAddon();
    addon.run('buildAllocation', { ...SEED_REQUEST, budget: 45_000, period: 'quarter' });
    const setup = addon.run('getSetup') as Record<string, any>;
    expect(setup.savedAllocation).toEqual({ ...SEED_REQUEST, budget: 45_000, period: 'quarter' });
  });

  it('makes the same number of service calls for a tiny workbook and one with a 5,000-row roster', () => {
    const count = (rows: number, budget: number) => {
      const addon = loadAddon({ sheets: userSheets(rows) });
      addon.workbook.calls.reset();
      addon.run('buildAllocation', { ...SEED_REQUEST, budget });
      const build = addon.workbook.calls.total;
      addon.workbook.calls.reset();
      addon.run('getSetup');
      return { build, setup: addon.workbook.calls.total };
    };
    const tiny = count(3, 1_000);
    const large = count(5_000, 5_000_000);
    expect(large).toEqual(tiny);
    // Per-cell writes would be hundreds; the build also reads the roster once, for the forecast's calibration.
    expect(tiny.build).toBeLessThan(120);
  });
});
