import { describe, expect, it } from 'vitest';
import { loadAddon, type LoadedAddon } from './support/addon';

/**
 * Values an exec types into the Allocation tab's shaded input cells are the planner's next starting point, and a
 * rebuild never silently replaces them: it answers the edits instead of writing, until the user agrees. Through the
 * built bundle on the in-memory workbook; cells are edited with Range.setValue, which reads text as Sheets reads
 * typing (`¥25,000` becomes the number 25000).
 */

const SEED = { budget: 30_000, currency: 'CNY', stage: 'maturity' };

function built(locale = 'en_US'): { addon: LoadedAddon; tab: GoogleAppsScript.Spreadsheet.Sheet } {
  const addon = loadAddon({ locale });
  const result = addon.run('buildAllocation', SEED) as { sheetName: string };
  return { addon, tab: addon.workbook.spreadsheet.getSheetByName(result.sheetName)! };
}

const setup = (addon: LoadedAddon) => addon.run('getSetup') as { allocationEdits?: unknown; savedAllocation: unknown };
const snapshot = (addon: LoadedAddon) => JSON.stringify(addon.workbook.snapshot());

describe('getSetup reports the tab’s edited inputs', () => {
  it('reports nothing while the tab holds what was built', () => {
    const { addon } = built();
    expect(setup(addon).allocationEdits).toBeNull();
    expect(setup(loadAddon()).allocationEdits).toBeNull(); // no tab at all
  });

  it('reads a budget typed as ¥25,000 as 25000, and the planner starts from it', () => {
    const { addon, tab } = built();
    tab.getRange('B5').setValue('¥25,000');
    expect(setup(addon).allocationEdits).toEqual({ sheetName: 'Allocation', fields: ['budget'], input: { ...SEED, budget: 25_000 } });
  });

  it.each([
    ['25k', 25_000, 'CNY'],
    ['2.5万元', 25_000, 'CNY'],
    ['25000元', 25_000, 'CNY'],
  ])('reads a budget typed as %s (text in the cell) as %d', (typed, budget, currency) => {
    const { addon, tab } = built();
    tab.getRange('B5').setValue(typed);
    expect(tab.getRange('B5').getValue()).toBe(typed); // Sheets keeps these as text
    expect(setup(addon).allocationEdits).toMatchObject({ fields: ['budget'], input: { budget, currency } });
  });

  it('lets a currency typed with the budget set the currency', () => {
    const { addon, tab } = built();
    tab.getRange('B5').setValue('USD 25,000');
    expect(setup(addon).allocationEdits).toMatchObject({ fields: ['budget', 'currency'], input: { budget: 25_000, currency: 'USD' } });
  });

  it('reads the currency cell as a code, a sign or a Chinese name', () => {
    for (const [typed, code] of [['usd', 'USD'], ['€', 'EUR'], ['港币', 'HKD']] as const) {
      const { addon, tab } = built();
      tab.getRange('B6').setValue(typed);
      expect(setup(addon).allocationEdits, typed).toMatchObject({ fields: ['currency'], input: { currency: code } });
    }
  });

  it('puts edited tier shares, costs and splits into the request, whole', () => {
    const { addon, tab } = built();
    tab.getRange('B16').setValue(0.1); // Mega 5% -> 10%
    tab.getRange('B18').setValue('45%'); // Mid 50% -> 45%
    tab.getRange('D17').setValue(18_000); // Macro's dearest post
    tab.getRange('B35').setValue(0.35); // affiliate
    tab.getRange('B34').setValue(0.35); // sponsored
    const edits = setup(addon).allocationEdits as { fields: string[]; input: Record<string, any> };
    expect(edits.fields).toEqual(['mix', 'costPerPost', 'partnershipMix']);
    expect(edits.input.mix).toEqual({ mega: 0.1, macro: 0.15, mid: 0.45, micro: 0.3, nano: 0 });
    expect(edits.input.costPerPost.macro).toEqual({ min: 5_000, max: 18_000 });
    expect(edits.input.costPerPost.mid).toEqual({ min: 1_000, max: 5_000 });
    expect(edits.input.partnershipMix).toEqual({ sponsored: 0.35, affiliate: 0.35, seeding: 0.2, ambassador: 0.1 });
    expect(edits.input.geoMix).toBeUndefined();
  });

  it('reads a stage typed in the workbook’s language, and lets the stage bring its own mix', () => {
    const { addon, tab } = built('zh_CN');
    expect(tab.getRange('B8').getValue()).toBe('成熟期');
    expect(tab.getRange('B7').getValue()).toBe('按月');
    tab.getRange('B8').setValue('增长期');
    tab.getRange('B7').setValue('按季度');
    expect(setup(addon).allocationEdits).toEqual({
      sheetName: '预算分配',
      fields: ['period', 'stage'],
      input: { ...SEED, period: 'quarter', stage: 'growth' },
    });
  });

  it('reports a value it cannot read, keeping the built value beside it, never replacing it silently', () => {
    const { addon, tab } = built();
    tab.getRange('B5').setValue('thirty grand');
    tab.getRange('B8').setValue('boom');
    const edits = setup(addon).allocationEdits as { fields: string[]; input: Record<string, unknown>; problems: Array<Record<string, unknown>> };
    expect(edits.fields).toEqual(['budget', 'stage']);
    expect(edits.input).toEqual(SEED);
    expect(edits.problems).toEqual([
      { cell: 'B5', label: 'Budget', field: 'budget', value: 'thirty grand', message: expect.stringContaining('"thirty grand" is not an amount') },
      { cell: 'B8', label: 'Stage (preset of the mix)', field: 'stage', value: 'boom', message: expect.stringContaining('"boom" is not one of awareness') },
    ]);
  });

  it('says so when rows were inserted above the inputs, rather than reading the wrong cells', () => {
    const { addon, tab } = built();
    tab.insertRowsBefore(3, 2);
    const edits = setup(addon).allocationEdits as { fields: string[]; input: unknown; problems: Array<Record<string, unknown>> };
    expect(edits.fields).toEqual(['budget', 'currency', 'period', 'stage', 'aov', 'targetRoas', 'mix', 'costPerPost', 'partnershipMix', 'geoMix']);
    expect(edits.input).toEqual(SEED);
    expect(edits.problems).toEqual([expect.objectContaining({ cell: 'A5', label: 'Budget', message: expect.stringContaining('inserted or deleted') })]);
  });

  it('reads the whole input block in one getValues call', () => {
    const { addon, tab } = built();
    tab.getRange('B5').setValue(25_000);
    const count = (a: LoadedAddon) => {
      a.workbook.calls.reset();
      a.run('getSetup');
      return a.workbook.calls.byMethod['Range.getValues'] ?? 0;
    };
    expect(count(addon) - count(loadAddon())).toBe(1);
  });
});

describe('buildAllocation does not silently replace edited inputs', () => {
  it('answers the edits and writes nothing when the request would replace them', () => {
    const { addon, tab } = built();
    tab.getRange('B5').setValue('¥25,000');
    const before = snapshot(addon);
    expect(addon.run('buildAllocation', SEED)).toEqual({
      conflict: 'edited-inputs',
      edits: { sheetName: 'Allocation', fields: ['budget'], input: { ...SEED, budget: 25_000 } },
    });
    expect(snapshot(addon)).toBe(before);
  });

  it('writes over them once the user agreed, and then reports no edit', () => {
    const { addon, tab } = built();
    tab.getRange('B5').setValue('¥25,000');
    expect(addon.run('buildAllocation', SEED, { overwriteEdits: true })).toMatchObject({ sheetName: 'Allocation', created: false });
    expect(tab.getRange('B5').getValue()).toBe(30_000);
    expect(setup(addon).allocationEdits).toBeNull();
  });

  it('builds without asking when the request carries the edited values', () => {
    const { addon, tab } = built();
    tab.getRange('B5').setValue('25k');
    const edits = setup(addon).allocationEdits as { input: unknown };
    const result = addon.run('buildAllocation', edits.input) as { summary: { settings: { budget: number } } };
    expect(result.summary.settings.budget).toBe(25_000);
    expect(tab.getRange('B5').getValue()).toBe(25_000);
    expect(setup(addon)).toMatchObject({ allocationEdits: null, savedAllocation: { ...SEED, budget: 25_000 } });
  });

  it('answers a cell it cannot read, with the problem, and replaces it only when told', () => {
    const { addon, tab } = built();
    tab.getRange('B5').setValue('thirty grand');
    const before = snapshot(addon);
    const answer = addon.run('buildAllocation', SEED) as { conflict: string; edits: { fields: string[]; problems: unknown[] } };
    expect(answer.conflict).toBe('edited-inputs');
    expect(answer.edits.fields).toEqual(['budget']);
    expect(answer.edits.problems).toHaveLength(1);
    expect(snapshot(addon)).toBe(before);
    addon.run('buildAllocation', SEED, { overwriteEdits: true });
    expect(tab.getRange('B5').getValue()).toBe(30_000);
  });

  it('keeps edits of the model’s assumptions, which the planner does not send, and forecasts with them', () => {
    const { addon, tab } = built();
    tab.getRange('B11').setValue('50%'); // reach rate 30% -> 50%
    expect(setup(addon).allocationEdits).toBeNull(); // nothing the planner sends would replace it
    const result = addon.run('buildAllocation', { ...SEED, budget: 60_000 }) as { summary: { tiers: Array<{ reach: number }> } };
    // Mid: ¥30,000 / ¥3,000 average = 10 posts x 40,000 followers x 50% = 200,000.
    expect(result.summary.tiers[2]!.reach).toBe(200_000);
    expect(tab.getRange('B11').getValue()).toBe(0.5);
    expect(tab.getRange('B5').getValue()).toBe(60_000);
  });

  it('refuses options it does not know', () => {
    const { addon } = built();
    expect(() => addon.run('buildAllocation', SEED, { overwrite: true })).toThrow('Invalid build options: unknown field "overwrite".');
  });
});

describe('the menu’s Build allocation', () => {
  it('rebuilds from the tab’s edits, keeping them', () => {
    const { addon, tab } = built();
    tab.getRange('B5').setValue('¥25,000');
    addon.run('menuBuildAllocation');
    expect(tab.getRange('B5').getValue()).toBe(25_000);
    expect(setup(addon)).toMatchObject({ allocationEdits: null, savedAllocation: { ...SEED, budget: 25_000 } });
    expect(addon.workbook.ui.toasts).toHaveLength(1);
  });

  it('opens the planner instead when the tab holds a value it cannot read', () => {
    const { addon, tab } = built();
    tab.getRange('B5').setValue('thirty grand');
    const before = JSON.stringify(addon.workbook.snapshot().sheets);
    addon.run('menuBuildAllocation');
    expect(addon.workbook.ui.sidebar).not.toBeNull();
    expect(JSON.stringify(addon.workbook.snapshot().sheets)).toBe(before);
  });
});

describe('the currency', () => {
  const roster = (cost: unknown): Record<string, unknown[][]> => ({
    Roster: [
      ['Influencer', 'Platform', 'Followers', 'Engagement rate', 'Cost per post'],
      ['Lina', 'Xiaohongshu', 52_000, '8%', cost],
      ['Mo', 'Douyin', 8_000, '12%', cost],
    ],
  });
  const currency = (addon: LoadedAddon) => (addon.run('getSetup') as { currency: string }).currency;

  it('follows a sign or code typed with the budget', () => {
    const addon = loadAddon({ locale: 'zh_CN' });
    const result = addon.run('buildAllocation', { budget: '$25,000', stage: 'maturity' }) as { summary: { settings: { budget: number; currency: string } } };
    expect(result.summary.settings).toMatchObject({ budget: 25_000, currency: 'USD' });
    const tab = addon.workbook.snapshot().sheets.find((s) => s.name === '预算分配')!;
    expect(tab.cells.B5).toMatchObject({ v: 25_000, nf: '"$"#,##0' });
    expect(tab.cells.B6!.v).toBe('USD');
    expect(setup(addon).savedAllocation).toEqual({ budget: 25_000, currency: 'USD', stage: 'maturity' });
    expect(addon.run('previewAllocation', { budget: '2.5万元', stage: 'maturity' })).toMatchObject({ settings: { budget: 25_000, currency: 'CNY' } });
    expect(addon.run('previewAllocation', { budget: 'HK$25,000', stage: 'maturity' })).toMatchObject({ settings: { currency: 'HKD' } });
  });

  it('refuses a budget whose sign contradicts the chosen currency, and one that is not an amount, writing nothing', () => {
    const addon = loadAddon();
    const before = snapshot(addon);
    expect(() => addon.run('buildAllocation', { budget: '$25,000', currency: 'CNY', stage: 'maturity' })).toThrow(
      'Invalid allocation request: budget: "$25,000" is in USD ($) but the currency is CNY.',
    );
    expect(() => addon.run('previewAllocation', { budget: 'lots', stage: 'maturity' })).toThrow('Invalid allocation request: budget: "lots" is not an amount');
    expect(() => addon.run('previewAllocation', { budget: '¥0', stage: 'maturity' })).toThrow('budget: the budget must be more than 0');
    expect(() => addon.run('previewAllocation', { budget: null, stage: 'maturity' })).toThrow('budget: expected a number or an amount such as 25000 or ¥25,000');
    // A bare $ is the dollar already chosen: no contradiction.
    expect(addon.run('previewAllocation', { budget: '$25,000', currency: 'SGD', stage: 'maturity' })).toMatchObject({ settings: { currency: 'SGD' } });
    expect(snapshot(addon)).toBe(before);
  });

  it('defaults to the currency the roster’s cost column shows, over the workbook locale', () => {
    expect(currency(loadAddon({ locale: 'en_US', sheets: roster('¥2,000') }))).toBe('CNY'); // typed as text
    const formatted = loadAddon({ locale: 'en_US', sheets: roster(2_000) });
    formatted.workbook.spreadsheet.getSheetByName('Roster')!.getRange('E2:E3').setNumberFormat('[$¥-804]#,##0.00');
    expect(currency(formatted)).toBe('CNY');
    const euros = loadAddon({ locale: 'zh_CN', sheets: roster(2_000) });
    euros.workbook.spreadsheet.getSheetByName('Roster')!.getRange('E2:E3').setNumberFormat('"€"#,##0');
    expect(currency(euros)).toBe('EUR');
  });

  it('defaults to the workbook locale’s currency when the roster shows none', () => {
    expect(currency(loadAddon({ locale: 'zh_CN', sheets: roster(2_000) }))).toBe('CNY');
    expect(currency(loadAddon({ locale: 'en_GB' }))).toBe('GBP');
    expect(currency(loadAddon({ locale: 'ja_JP' }))).toBe('JPY');
    expect(currency(loadAddon({ locale: 'en_US' }))).toBe('USD');
  });

  it('lets the Currency setting decide when it is not "auto"', () => {
    const addon = loadAddon({ locale: 'en_US', sheets: roster('¥2,000') });
    addon.run('saveSettings', { currency: 'SGD' });
    expect(currency(addon)).toBe('SGD');
  });
});
