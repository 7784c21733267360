import { describe, expect, it } from 'vitest';
import type { AlertsResult, RosterFieldView, RosterView, SetupInfo } from '../src/shared/api';
import { loadAddon, type LoadedAddon } from './support/addon';

/** A Chinese export: a title, a blank row, then the headers on row 3. */
const HEADERS = ['达人昵称', '平台', '粉丝数', '互动率', '报价', 'GMV', '合作状态', '合同到期'];
const chineseRoster = (rows: number): unknown[][] => [
  ['2026 达人名单'],
  [],
  HEADERS,
  ...Array.from({ length: rows }, (_, i) => [`达人${i}`, i === 0 ? '' : '小红书', `${i + 1}万`, '8%', '¥2,000', 5_000 + i, 'Active', '2026-12-31']),
];

const rosterAddon = (rows = 4): LoadedAddon => loadAddon({ locale: 'zh_CN', sheets: { Roster: chineseRoster(rows), Notes: [['Idea', 'Owner'], ['Spring launch', 'Amy']] } });
const sheet = (addon: LoadedAddon) => addon.workbook.spreadsheet.getSheetByName('Roster')!;

/** The mapped fields of a view as field -> [column, header, status]. */
const mapped = (view: RosterView) =>
  Object.fromEntries(view.fields.filter((f) => f.status !== 'none').map((f) => [f.field, [f.column, f.header, f.status, ...(f.savedColumn ? [f.savedColumn] : [])]]));

const DETECTED = {
  name: [1, '达人昵称', 'matched'],
  platform: [2, '平台', 'matched'],
  followers: [3, '粉丝数', 'matched'],
  engagementRate: [4, '互动率', 'matched'],
  cost: [5, '报价', 'matched'],
  revenue: [6, 'GMV', 'matched'],
  status: [7, '合作状态', 'matched'],
  contractEnd: [8, '合同到期', 'matched'],
};

/** The mapping the user confirms: the detected columns, without the platform. */
const MAPPING = { sheet: 'Roster', headerRow: 3, columns: { name: 1, followers: 3, engagementRate: 4, cost: 5, revenue: 6, status: 7, contractEnd: 8 } };

describe('getRoster', () => {
  it('shows the detected roster: sheet, header row, every field with its column, and two samples per header', () => {
    const addon = rosterAddon();
    const view = addon.run('getRoster') as RosterView;
    expect(view).toMatchObject({ sheet: 'Roster', headerRow: 3, headerRows: 10, dataRows: 4, confirmed: false, warnings: [] });
    expect(view.sheets).toEqual([
      { name: 'Sheet1', generated: false },
      { name: 'Roster', generated: false },
      { name: 'Notes', generated: false },
    ]);
    expect(view.fields).toHaveLength(26);
    expect(view.fields.slice(0, 3).map((f) => f.field)).toEqual(['name', 'handle', 'platform']);
    expect(mapped(view)).toEqual(DETECTED);
    expect(view.headers).toEqual([
      { column: 1, header: '达人昵称', samples: ['达人0', '达人1'] },
      { column: 2, header: '平台', samples: ['小红书', '小红书'] }, // the blank first row is passed over
      { column: 3, header: '粉丝数', samples: ['1万', '2万'] },
      { column: 4, header: '互动率', samples: ['8%', '8%'] },
      { column: 5, header: '报价', samples: ['¥2,000', '¥2,000'] },
      { column: 6, header: 'GMV', samples: ['5000', '5001'] },
      { column: 7, header: '合作状态', samples: ['Active', 'Active'] },
      { column: 8, header: '合同到期', samples: ['2026-12-31', '2026-12-31'] },
    ]);
  });

  it('shows the sheet and header row the user picks, and warns when that row is empty or has nothing below', () => {
    const addon = rosterAddon();
    const notes = addon.run('getRoster', { sheet: 'Notes' }) as RosterView;
    expect(notes).toMatchObject({ sheet: 'Notes', headerRow: 1, dataRows: 1, confirmed: false, warnings: [] });
    expect(notes.headers).toEqual([
      { column: 1, header: 'Idea', samples: ['Spring launch'] },
      { column: 2, header: 'Owner', samples: ['Amy'] },
    ]);
    expect(mapped(notes)).toEqual({});

    const row2 = addon.run('getRoster', { sheet: 'Roster', headerRow: 2 }) as RosterView;
    expect(row2).toMatchObject({ headerRow: 2, headers: [], warnings: [{ code: 'empty-header-row', row: 2 }] });
    const below = addon.run('getRoster', { sheet: 'Roster', headerRow: 9 }) as RosterView;
    expect(below.warnings).toEqual([{ code: 'empty-header-row', row: 9 }, { code: 'no-data' }]);
  });

  it('says when no sheet looks like a roster', () => {
    const addon = loadAddon({ sheets: { Notes: [['Idea'], ['Spring launch']] } });
    const view = addon.run('getRoster') as RosterView;
    expect(view).toMatchObject({ sheet: null, headers: [], dataRows: 0, confirmed: false, warnings: [{ code: 'no-roster' }] });
    expect(view.fields.every((f) => f.status === 'none' && f.column === null)).toBe(true);
  });

  it.each([
    [{ sheet: 'Nope' }, 'There is no sheet named "Nope" in this workbook.'],
    [{ sheet: 'Roster', headerRow: 0 }, 'Invalid roster request: headerRow: the header row must be from 1 to 100.'],
    [{ sheet: 'Roster', headerRow: 2.5 }, 'headerRow: expected an int'],
    [{ tab: 'Roster' }, 'Invalid roster request: unknown field "tab".'],
  ])('refuses %j with a clear message', (request, message) => {
    expect(() => rosterAddon().run('getRoster', request)).toThrow(message);
  });

  it('does not offer the add-on tabs as a roster', () => {
    const addon = rosterAddon();
    const { sheetName } = addon.run('buildAllocation', { budget: 30_000, stage: 'maturity' }) as { sheetName: string };
    const view = addon.run('getRoster') as RosterView;
    expect(view.sheets.find((s) => s.name === sheetName)).toEqual({ name: sheetName, generated: true });
    expect(() => addon.run('getRoster', { sheet: sheetName })).toThrow(`"${sheetName}" is a tab Influencer Matrix writes, not a roster`);
    expect(() => addon.run('saveRoster', { sheet: sheetName, headerRow: 1, columns: {} })).toThrow(`"${sheetName}" is a tab Influencer Matrix writes`);
  });
});

describe('saveRoster', () => {
  it('saves the mapping per workbook with each header, and every later read uses it', () => {
    const addon = rosterAddon();
    const saved = addon.run('saveRoster', MAPPING) as RosterView;
    const confirmed = {
      name: [1, '达人昵称', 'saved'],
      followers: [3, '粉丝数', 'saved'],
      engagementRate: [4, '互动率', 'saved'],
      cost: [5, '报价', 'saved'],
      revenue: [6, 'GMV', 'saved'],
      status: [7, '合作状态', 'saved'],
      contractEnd: [8, '合同到期', 'saved'],
    };
    expect(saved).toMatchObject({ sheet: 'Roster', headerRow: 3, confirmed: true, warnings: [] });
    expect(mapped(saved)).toEqual(confirmed);
    expect(mapped(addon.run('getRoster') as RosterView)).toEqual(confirmed);

    const setup = addon.run('getSetup') as SetupInfo;
    expect(setup.rosterConfirmed).toBe(true);
    expect(setup.roster).toEqual({
      sheet: 'Roster',
      headerRow: 3,
      columns: {
        name: { column: 1, header: '达人昵称' },
        followers: { column: 3, header: '粉丝数' },
        engagementRate: { column: 4, header: '互动率' },
        cost: { column: 5, header: '报价' },
        revenue: { column: 6, header: 'GMV' },
        status: { column: 7, header: '合作状态' },
        contractEnd: { column: 8, header: '合同到期' },
      },
    });
    // Another header row of the same sheet is not the confirmed mapping.
    expect((addon.run('getRoster', { sheet: 'Roster', headerRow: 1 }) as RosterView).confirmed).toBe(false);
  });

  it('follows a column by its header when the user inserts a column before it', () => {
    const addon = rosterAddon();
    addon.run('saveRoster', MAPPING);
    sheet(addon).insertColumnsBefore(2, 1); // a new column B: everything from 平台 on moves one to the right
    const view = addon.run('getRoster') as RosterView;
    expect(mapped(view)).toEqual({
      name: [1, '达人昵称', 'saved'],
      followers: [4, '粉丝数', 'moved', 3],
      engagementRate: [5, '互动率', 'moved', 4],
      cost: [6, '报价', 'moved', 5],
      revenue: [7, 'GMV', 'moved', 6],
      status: [8, '合作状态', 'moved', 7],
      contractEnd: [9, '合同到期', 'moved', 8],
    });
    const result = addon.run('applyAlerts') as AlertsResult;
    expect(result.applied.find((a) => a.id === 'roas-low')).toMatchObject({ column: 7, header: 'GMV' });
    expect(result.statusDropdown).toMatchObject({ column: 8, header: '合作状态' });
  });

  it('follows two columns the user swapped', () => {
    const addon = rosterAddon();
    addon.run('saveRoster', MAPPING);
    sheet(addon).getRange(3, 5, 1, 2).setValues([['GMV', '报价']]);
    expect(mapped(addon.run('getRoster') as RosterView)).toMatchObject({ cost: [6, '报价', 'moved', 5], revenue: [5, 'GMV', 'moved', 6] });
  });

  it('says clearly when a mapped header has gone, and runs no alert on the column that took its place', () => {
    const addon = rosterAddon();
    addon.run('saveRoster', MAPPING);
    sheet(addon).getRange(3, 8).setValue('备注');
    const view = addon.run('getRoster') as RosterView;
    expect(view.fields.find((f) => f.field === 'contractEnd')).toEqual<RosterFieldView>({ field: 'contractEnd', column: null, header: '合同到期', status: 'missing' });
    expect(view.confirmed).toBe(true);
    const result = addon.run('applyAlerts') as AlertsResult;
    expect(result.missing).toEqual([{ field: 'contractEnd', header: '合同到期' }]);
    expect(result.skipped.map((s) => s.id)).toContain('contract-expiring');
  });

  it('says when the confirmed sheet is gone, and shows a fresh detection', () => {
    const addon = rosterAddon();
    addon.run('saveRoster', MAPPING);
    sheet(addon).setName('Roster 2026');
    const view = addon.run('getRoster') as RosterView;
    expect(view).toMatchObject({ sheet: 'Roster 2026', headerRow: 3, confirmed: false, warnings: [{ code: 'sheet-gone', sheet: 'Roster' }] });
    expect(mapped(view)).toEqual(DETECTED);
    expect((addon.run('getSetup') as SetupInfo).rosterConfirmed).toBe(false);
  });

  it.each([
    [{ ...MAPPING, columns: { cost: 5, revenue: 5 } }, 'Invalid roster mapping: columns: column E is mapped to Cost and Revenue; a column serves one field.'],
    [{ ...MAPPING, columns: { fans: 3 } }, 'Invalid roster mapping: columns: unknown field "fans".'],
    [{ ...MAPPING, columns: { name: 0 } }, 'columns.name: a column must be 1 (A) or more'],
    [{ ...MAPPING, columns: { name: 12 } }, 'Invalid roster mapping: Name: column L has no header in row 3.'],
    [{ ...MAPPING, sheet: 'Nope' }, 'There is no sheet named "Nope" in this workbook.'],
    [{ sheet: 'Roster', columns: {} }, 'headerRow: expected a number'],
  ])('refuses %j with a clear message and saves nothing', (mapping, message) => {
    const addon = rosterAddon();
    expect(() => addon.run('saveRoster', mapping)).toThrow(message);
    expect((addon.run('getSetup') as SetupInfo).rosterConfirmed).toBe(false);
    expect(addon.workbook.snapshot().properties.document).toEqual({});
  });

  it('reads only the top of the sheet, however long the roster', () => {
    const count = (rows: number) => {
      const addon = rosterAddon(rows);
      addon.workbook.calls.reset();
      addon.run('getRoster');
      const get = addon.workbook.calls.total;
      addon.workbook.calls.reset();
      addon.run('saveRoster', MAPPING);
      return { get, save: addon.workbook.calls.total };
    };
    expect(count(5_000)).toEqual(count(5));
  });
});
