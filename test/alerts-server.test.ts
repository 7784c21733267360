import { describe, expect, it } from 'vitest';
import { serialOfDay } from '../src/core/dates';
import { lettersToColumn, type SheetSnapshot } from '../src/offline/workbook';
import { isOwnedValidation, ownedRuleId } from '../src/plan/alerts-plan';
import type { SheetRulesPlan } from '../src/plan/types';
import type { AlertsResult } from '../src/shared/api';
import { loadAddon, type LoadedAddon } from './support/addon';
import { applyRules, engineToday, type EngineCell } from './support/alert-rules';

/** Today at midnight in the workbook's zone (Etc/GMT, the in-memory default), what TODAY() in a rule returns. */
const now = new Date();
const TODAY_MS = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
const day = (offset: number): Date => new Date(TODAY_MS + offset * 86_400_000);

const HEADER = ['Name', 'Followers', 'Engagement rate', 'Revenue', 'Spend', 'Status', 'Contract end', 'Payment due', 'Payment status', 'Score'];
/** A date cell as `offset` days from today, kept symbolic so the sheet and the formula engine each get their form. */
type Cell = string | number | { days: number };
const ROWS: Cell[][] = [
  // Row 2: ROAS 0.5 (low), contract ends in 10 days (expiring), paid 5 days late (overdue), score 80 (green).
  ['Amy', 12_000, 0.05, 1_000, 2_000, 'Active', { days: 10 }, { days: -5 }, 'Unpaid', 80],
  // Row 3: ROAS 15 (star), 9% at 600k followers (Mega: above 2 x 3%), score 40 (red).
  ['Bo', 600_000, 0.09, 30_000, 2_000, 'Contacted', { days: 100 }, { days: 5 }, 'Unpaid', 40],
  // Row 4: ROAS 3, contract ended 3 days ago and still Active (expired), paid, score 60 (yellow).
  ['Cy', 50_000, 0.04, 6_000, 2_000, 'Active', { days: -3 }, { days: -10 }, 'Paid', 60],
  // Row 5: a rate and a date written as text, which the live rules cannot read.
  ['Di', 5_000, '8%', 9_000, 2_000, 'Paused', '2026/11/30', '', '', ''],
  // Row 6: ROAS 0.5 (low), 50% at 2,000 followers (Micro: above 2 x 20%), contract ends in 30 days (expiring, the
  // last day), payment a day late, a status outside the list, score 75 (green).
  ['Ed', 2_000, 0.5, 500, 1_000, 'Prospekt', { days: 30 }, { days: -1 }, 'Unpaid', 75],
];

const sheetRows = (rows: Cell[][]): unknown[][] => rows.map((r) => r.map((c) => (typeof c === 'object' ? day(c.days) : c)));

function rosterAddon(rows: Cell[][] = ROWS): LoadedAddon {
  return loadAddon({ sheets: { Roster: [HEADER, ...sheetRows(rows)] } });
}

const app = (addon: LoadedAddon) => addon.workbook.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
const rosterSheet = (addon: LoadedAddon) => addon.workbook.spreadsheet.getSheetByName('Roster')!;
const snap = (addon: LoadedAddon): SheetSnapshot => addon.workbook.snapshot().sheets.find((s) => s.name === 'Roster')!;

/** Two conditional rules and a dropdown of the team's own, set up as a user would in Sheets. */
function addUserRules(addon: LoadedAddon): void {
  const sheet = rosterSheet(addon);
  const big = app(addon).newConditionalFormatRule().whenNumberGreaterThan(100_000).setBackground('#00ff00').setRanges([sheet.getRange('B2:B100')]).build();
  const paused = app(addon).newConditionalFormatRule().whenFormulaSatisfied('=$F2="Paused"').setBackground('#cccccc').setBold(true).setRanges([sheet.getRange('A2:A')]).build();
  sheet.setConditionalFormatRules([big, paused]);
  sheet.getRange('I2:I200').setDataValidation(app(addon).newDataValidation().requireValueInList(['Paid', 'Unpaid'], true).setHelpText('Paid or not').build());
}

const formulaOf = (rule: SheetSnapshot['conditionalFormats'][number]): string => String(rule.values[0] ?? '');
const ownRules = (s: SheetSnapshot) => s.conditionalFormats.filter((r) => ownedRuleId(formulaOf(r)) !== null);

/** Everything of the team's on the roster: their rules and validations, and every cell (value, format, note). */
function userParts(s: SheetSnapshot) {
  // A cell that only carries the add-on's dropdown is the add-on's; the index of a validation may shift.
  const cells = Object.fromEntries(
    Object.entries(s.cells)
      .map(([a1, { dv: _dv, ...cell }]) => [a1, cell] as const)
      .filter(([, cell]) => Object.keys(cell).length > 0),
  );
  return JSON.stringify({
    rules: s.conditionalFormats.filter((r) => ownedRuleId(formulaOf(r)) === null),
    validations: s.validations.filter((v) => !isOwnedValidation(v.helpText)),
    cells,
  });
}

const counts = (result: AlertsResult) => Object.fromEntries(result.applied.map((a) => [a.id, a.count]));

describe('applyAlerts on the team roster, through the built bundle', () => {
  it('keeps the team rules, validation and cells identical after one apply, after three, and after removeAlerts', () => {
    const addon = rosterAddon();
    addUserRules(addon);
    const before = snap(addon);
    const mine = userParts(before);

    addon.run('applyAlerts');
    const once = snap(addon);
    expect(userParts(once)).toBe(mine);
    expect(ownRules(once)).toHaveLength(9);
    // The team's rules follow the add-on's, in their own order.
    expect(once.conditionalFormats.slice(-2).map((r) => r.criteria)).toEqual(['NUMBER_GREATER_THAN', 'CUSTOM_FORMULA']);

    addon.run('applyAlerts');
    addon.run('applyAlerts', {});
    const thrice = snap(addon);
    expect(userParts(thrice)).toBe(mine);
    expect(JSON.stringify(thrice)).toBe(JSON.stringify(once));

    expect(addon.run('removeAlerts')).toEqual({ sheet: 'Roster', removed: 9, dropdownRemoved: true });
    expect(JSON.stringify(snap(addon))).toBe(JSON.stringify(before));
  });

  it('reports per alert the rows it flags now and what it could not check, as the live rules colour them', () => {
    const addon = rosterAddon();
    const result = addon.run('applyAlerts') as AlertsResult;
    expect(result).toMatchObject({ sheet: 'Roster', headerRow: 1 });
    expect(counts(result)).toEqual({
      'roas-low': 2,
      'roas-star': 1,
      'contract-expired': 1,
      'contract-expiring': 2,
      'payment-overdue': 2,
      'bought-engagement': 2,
      'score-red': 1,
      'score-yellow': 1,
      'score-green': 2,
    });
    const byId = Object.fromEntries(result.applied.map((a) => [a.id, a]));
    expect(byId['roas-low']).toMatchObject({ colour: 'red', background: '#ea9999', column: 4, header: 'Revenue' });
    expect(byId['bought-engagement']!.unchecked).toEqual([
      { field: 'engagementRate', column: 3, header: 'Engagement rate', reason: 'text-number', rows: [5], examples: ['8%'] },
    ]);
    expect(byId['contract-expiring']!.unchecked).toEqual([
      { field: 'contractEnd', column: 7, header: 'Contract end', reason: 'text-date', rows: [5], examples: ['2026/11/30'] },
    ]);
    expect(result.statusDropdown).toEqual({ column: 6, header: 'Status', outside: [{ value: 'Prospekt', rows: [6] }] });

    // The rules on the sheet, evaluated by a formula engine, colour exactly the rows the legend counts.
    const engineDay = serialOfDay(engineToday());
    const engineRows: EngineCell[][] = ROWS.map((r) => r.map((c) => (typeof c === 'object' ? { serial: engineDay + c.days } : c)));
    const own = ownRules(snap(addon));
    const plan: SheetRulesPlan = {
      kind: 'roster-alerts',
      sheet: 'Roster',
      validations: [],
      rules: own.map((r) => {
        const [, letters, row] = /^([A-Z]+)(\d+):[A-Z]+$/.exec(r.ranges[0]!)!;
        return { id: ownedRuleId(formulaOf(r))!, range: r.ranges[0]!, row: Number(row), column: lettersToColumn(letters!), formula: formulaOf(r), background: r.format.background! };
      }),
    };
    const live = applyRules(plan, HEADER, engineRows);
    expect(live.oddities).toEqual([]);
    expect(Object.fromEntries([...live.shown].map(([id, rows]) => [id, rows.length]))).toEqual(counts(result));
  });

  it('lists the alerts it cannot run, with the columns they need', () => {
    const addon = rosterAddon();
    const result = addon.run('applyAlerts') as AlertsResult;
    expect(result.skipped.map((s) => [s.id, s.reason])).toEqual([
      ['rights-expired', { code: 'missing-columns', needs: [['rightsEnd', 'status']] }],
      ['rights-expiring', { code: 'missing-columns', needs: [['rightsEnd']] }],
      ['engagement-drop', { code: 'missing-columns', needs: [['engagementRate', 'prevEngagementRate']] }],
      ['follow-up-unresponsive', { code: 'missing-columns', needs: [['status', 'lastContacted']] }],
      ['follow-up-email', { code: 'missing-columns', needs: [['status', 'lastContacted']] }],
      ['follow-up', { code: 'missing-columns', needs: [['status', 'lastContacted']] }],
    ]);
    expect(result.skipped[0]!.label).toEqual({ en: 'Usage rights expired, still active', zh: '授权已到期仍在合作' });
  });

  it('writes rules that reference only the roster sheet, with the saved thresholds, updated by a re-apply', () => {
    const addon = rosterAddon();
    addon.run('applyAlerts');
    for (const rule of ownRules(snap(addon))) {
      const unquoted = formulaOf(rule).replace(/"(?:[^"]|"")*"/g, '""');
      expect(unquoted).not.toContain('!');
      expect(unquoted).not.toMatch(/INDIRECT/i);
    }
    const roasLow = () => ownRules(snap(addon)).find((r) => ownedRuleId(formulaOf(r)) === 'roas-low')!;
    expect(formulaOf(roasLow())).toContain('<2)');

    addon.run('saveSettings', { alerts: { roasLow: 0.4 } });
    const result = addon.run('applyAlerts') as AlertsResult;
    expect(formulaOf(roasLow())).toContain('<0.4)');
    expect(counts(result)['roas-low']).toBe(0); // the lowest ROAS on the roster is 0.5
    expect(ownRules(snap(addon))).toHaveLength(9);
  });

  it('writes the status dropdown in the requested language and never changes a value', () => {
    const addon = rosterAddon();
    const cells = JSON.stringify(snap(addon).cells.F6);
    addon.run('applyAlerts', { language: 'zh' });
    const dropdowns = snap(addon).validations.filter((v) => isOwnedValidation(v.helpText));
    expect(dropdowns).toHaveLength(1);
    expect(dropdowns[0]).toMatchObject({ criteria: 'VALUE_IN_LIST', values: [['潜在', '已联系', '洽谈中', '合作中', '暂停', '已结束'], true], allowInvalid: true });
    expect(dropdowns[0]!.ranges[0]).toMatch(/^F2:F\d+$/);
    const { dv: _dv, ...f6 } = snap(addon).cells.F6!;
    expect(JSON.stringify(f6)).toBe(cells);

    addon.run('applyAlerts', { language: 'en' });
    const again = snap(addon).validations.filter((v) => isOwnedValidation(v.helpText));
    expect(again).toHaveLength(1);
    expect(again[0]!.values[0]).toEqual(['Prospect', 'Contacted', 'In Negotiation', 'Active', 'Paused', 'Inactive']);
  });

  it('leaves a status column carrying a validation of the team alone, and says so', () => {
    const addon = rosterAddon();
    const sheet = rosterSheet(addon);
    sheet.getRange('F4').setDataValidation(app(addon).newDataValidation().requireValueInList(['Live', 'Done'], true).setHelpText('our stages').build());
    const before = JSON.stringify(snap(addon).validations);
    const result = addon.run('applyAlerts') as AlertsResult;
    expect(result.statusDropdown).toBeNull();
    expect(result.statusDropdownKept).toEqual({ column: 6, header: 'Status', rows: [4] });
    expect(JSON.stringify(snap(addon).validations)).toBe(before);
  });

  it('moves its dropdown when the status column is mapped elsewhere, clearing only its own', () => {
    const addon = loadAddon({ sheets: { Roster: [[...HEADER, 'Pipeline'], ...sheetRows(ROWS).map((r) => [...r, 'Active'])] } });
    addon.run('applyAlerts');
    expect(snap(addon).validations.filter((v) => isOwnedValidation(v.helpText)).map((v) => v.ranges[0]!.replace(/\d+$/, ''))).toEqual(['F2:F']);
    const view = addon.run('getRoster') as { fields: Array<{ field: string; column: number | null }> };
    const columns = Object.fromEntries(view.fields.filter((f) => f.column !== null).map((f) => [f.field, f.column]));
    addon.run('saveRoster', { sheet: 'Roster', headerRow: 1, columns: { ...columns, status: 11 } });
    const result = addon.run('applyAlerts') as AlertsResult;
    expect(result.statusDropdown).toMatchObject({ column: 11, header: 'Pipeline' });
    expect(snap(addon).validations.filter((v) => isOwnedValidation(v.helpText)).map((v) => v.ranges[0]!.replace(/\d+$/, ''))).toEqual(['K2:K']);
    expect(snap(addon).cells.F2!.dv).toBeUndefined();
  });

  it('moves its rules to the new roster sheet when the team confirms another one', () => {
    const addon = loadAddon({ sheets: { Roster: [HEADER, ...sheetRows(ROWS)], 'Roster 2026': [HEADER, ...sheetRows(ROWS)] } });
    addon.run('applyAlerts');
    expect(ownRules(snap(addon))).toHaveLength(9);
    addon.run('saveRoster', { sheet: 'Roster 2026', headerRow: 1, columns: { name: 1, revenue: 4, spend: 5 } });
    const result = addon.run('applyAlerts') as AlertsResult;
    expect(result.applied.map((a) => a.id)).toEqual(['roas-low', 'roas-star']);
    expect(snap(addon).conditionalFormats).toEqual([]);
    expect(snap(addon).validations).toEqual([]);
    const other = addon.workbook.snapshot().sheets.find((s) => s.name === 'Roster 2026')!;
    expect(ownRules(other)).toHaveLength(2);
    expect(addon.run('removeAlerts')).toEqual({ sheet: 'Roster 2026', removed: 2, dropdownRemoved: false });
  });

  it('answers removeAlerts with nothing to remove on a workbook where alerts never ran', () => {
    const addon = rosterAddon();
    expect(addon.run('removeAlerts')).toEqual({ sheet: null, removed: 0, dropdownRemoved: false });
  });

  it('refuses a bad request, and a workbook without a roster, with a clear message', () => {
    const addon = rosterAddon();
    expect(() => addon.run('applyAlerts', { language: 'fr' })).toThrow('Invalid alerts request: language: must be one of "en", "zh".');
    expect(() => addon.run('applyAlerts', { sheet: 'Roster' })).toThrow('unknown field "sheet"');
    expect(snap(addon).conditionalFormats).toEqual([]);
    const empty = loadAddon({ sheets: { Notes: [['Ideas'], ['Spring launch']] } });
    expect(() => empty.run('applyAlerts')).toThrow('No sheet looks like a roster yet');
  });

  it('says it must run inside a spreadsheet when called from outside one', () => {
    const addon = loadAddon({ outsideDocument: true });
    const calls: Array<[string, unknown[]]> = [
      ['getRoster', []],
      ['saveRoster', [{ sheet: 'Roster', headerRow: 1, columns: {} }]],
      ['getSettings', []],
      ['saveSettings', [{ alerts: { roasLow: 1 } }]],
      ['resetSettings', []],
      ['applyAlerts', []],
      ['removeAlerts', []],
      ['menuApplyAlerts', []],
    ];
    for (const [name, args] of calls) {
      expect(() => addon.run(name, ...args), name).toThrow('Influencer Matrix needs to run inside a spreadsheet: open it from Extensions → Influencer Matrix.');
    }
  });

  it('makes the same number of service calls for 30 roster rows and 3,000', () => {
    const calls = (rows: number) => {
      const addon = rosterAddon(Array.from({ length: rows }, (_, i) => ROWS[i % ROWS.length]!));
      const measure = (fn: () => void): number => {
        addon.workbook.calls.reset();
        fn();
        return addon.workbook.calls.total;
      };
      return { apply: measure(() => addon.run('applyAlerts')), again: measure(() => addon.run('applyAlerts')), remove: measure(() => addon.run('removeAlerts')) };
    };
    const small = calls(30);
    expect(calls(3_000)).toEqual(small);
    expect(small.apply).toBeLessThan(60); // a rule or a cell at a time would be hundreds
  });
});

describe('the Apply alerts and Settings menu items', () => {
  it('lists the jobs in English and Chinese, in the order of the spec', () => {
    for (const [userLocale, captions] of [
      ['en', ['Open planner', 'Build allocation', 'Apply alerts', 'Quarterly rebalance', 'Refresh dashboard', 'Settings']],
      ['zh_CN', ['打开预算规划', '生成预算分配表', '应用预警', '季度调配', '刷新看板', '设置']],
    ] as const) {
      const addon = loadAddon({ userLocale });
      addon.run('onOpen');
      const items = addon.workbook.ui.menus[0]!.items;
      expect(items.map((i) => i.caption)).toEqual(captions);
      expect(items.map((i) => i.functionName)).toEqual(['showSidebar', 'menuBuildAllocation', 'menuApplyAlerts', 'menuRebalance', 'menuRefreshDashboard', 'menuSettings']);
    }
  });

  it('opens the roster page first while the roster is not confirmed, then applies once it is', () => {
    const addon = rosterAddon();
    addon.run('menuApplyAlerts');
    expect(addon.workbook.ui.sidebar!.content).toContain('data-page="roster" data-then="apply-alerts"');
    expect(addon.workbook.ui.toasts.at(-1)).toEqual({
      title: 'Influencer Matrix',
      message: 'Confirm the roster columns in the sidebar: the alerts are applied as soon as they are saved.',
    });
    expect(snap(addon).conditionalFormats).toEqual([]);

    const view = addon.run('getRoster') as { fields: Array<{ field: string; column: number | null }> };
    addon.run('saveRoster', { sheet: 'Roster', headerRow: 1, columns: Object.fromEntries(view.fields.filter((f) => f.column !== null).map((f) => [f.field, f.column])) });
    addon.run('menuApplyAlerts');
    expect(addon.workbook.ui.toasts.at(-1)!.message).toBe(
      'Alerts applied to "Roster": 9 rules, 14 cells coloured now; 6 alerts skipped (open Roster & alerts for why).',
    );
    expect(ownRules(snap(addon))).toHaveLength(9);
  });

  it('speaks the workbook language in its toasts and names a mapped header that is gone', () => {
    const addon = loadAddon({ locale: 'zh_CN', sheets: { Roster: [HEADER, ...sheetRows(ROWS)] } });
    addon.run('saveRoster', { sheet: 'Roster', headerRow: 1, columns: { name: 1, revenue: 4, spend: 5, contractEnd: 7 } });
    rosterSheet(addon).getRange('G1').setValue('Notes');
    addon.run('menuApplyAlerts');
    expect(addon.workbook.ui.toasts.at(-1)).toEqual({
      title: '达人矩阵',
      message: '达人名单中已找不到列 “Contract end”：请在侧边栏为其选择新列或“无”，随后应用预警。',
    });
    expect(addon.workbook.ui.sidebar!.content).toContain('data-page="roster" data-then="apply-alerts"');
    expect(snap(addon).conditionalFormats).toEqual([]);
  });

  it('opens the settings page', () => {
    const addon = loadAddon();
    addon.run('menuSettings');
    expect(addon.workbook.ui.sidebar).toMatchObject({ title: 'Influencer Matrix' });
    expect(addon.workbook.ui.sidebar!.content).toContain('<div id="app" class="sidebar" data-page="settings">');
    addon.run('showSidebar');
    expect(addon.workbook.ui.sidebar!.content).toContain('data-page="planner"');
  });
});
