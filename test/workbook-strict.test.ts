import { describe, expect, it } from 'vitest';
import { createMemoryWorkbook, type MemoryWorkbookOptions } from '../src/offline/workbook/index';

/**
 * The in-memory workbook refuses what Google refuses, so the add-on cannot pass here and trip in Sheets. Each rule
 * below is one Sheets or Apps Script behaviour the add-on could run into.
 */

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

function setup(options?: MemoryWorkbookOptions) {
  const wb = createMemoryWorkbook(options);
  return {
    wb,
    SpreadsheetApp: wb.globals.SpreadsheetApp as App,
    PropertiesService: wb.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService,
    LockService: wb.globals.LockService as GoogleAppsScript.Lock.LockService,
    Session: wb.globals.Session as GoogleAppsScript.Base.Session,
    Charts: wb.globals.Charts as GoogleAppsScript.Charts.Charts,
    ss: wb.spreadsheet,
    get sheet() {
      return wb.spreadsheet.getSheets()[0]!;
    },
  };
}

describe('conditional-format formulas', () => {
  it('refuse a reference to another sheet, which Sheets only reads through INDIRECT', () => {
    const { SpreadsheetApp, ss, sheet } = setup();
    ss.insertSheet('Roster data');
    const rule = (formula: string) =>
      SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(formula).setBackground('#ff0000').setRanges([sheet.getRange('B2:B9')]).build();
    for (const formula of ["='Roster data'!B2>5", '=SUM(Sheet2!A1:A3)>0', '=B2>MAX(Roster!C:C)']) {
      expect(() => sheet.setConditionalFormatRules([rule(formula)]), formula).toThrow('Conditional format rule cannot reference a different sheet.');
    }
    expect(sheet.getConditionalFormatRules()).toEqual([]);
    // Allowed: this sheet's own cells, by name or not, and other sheets through INDIRECT or inside text.
    sheet.setConditionalFormatRules([
      rule('=$B2>5'),
      rule('=Sheet1!B2>5'),
      rule('=B2>INDIRECT("\'Roster data\'!C1")'),
      rule('=B2="Roster!A1"'),
    ]);
    expect(sheet.getConditionalFormatRules()).toHaveLength(4);
  });
});

describe('sheet names', () => {
  it('refuses names Sheets refuses: blank, over 100 characters, or with line breaks and other control characters', () => {
    const { ss, sheet } = setup();
    for (const name of ['   ', 'x'.repeat(101), 'Plan\nQ3', 'Tab\tname', 'Bell\u0007']) {
      expect(() => ss.insertSheet(name), JSON.stringify(name)).toThrow(/sheet name/i);
      expect(() => sheet.setName(name), JSON.stringify(name)).toThrow(/sheet name/i);
    }
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    // Sheets accepts what Excel refuses, and exactly 100 characters.
    expect(ss.insertSheet('Q1/Q2 [draft]: *final?*').getName()).toBe('Q1/Q2 [draft]: *final?*');
    expect(ss.insertSheet('x'.repeat(100)).getName()).toHaveLength(100);
  });
});

describe('written matrices', () => {
  const holey = (): unknown[] => {
    const row = new Array<unknown>(3);
    row[0] = 'a';
    row[2] = 'c';
    return row;
  };

  it('refuse a matrix with holes or undefined entries, whatever the method', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:C1');
    const writes: Array<[string, (m: any[][]) => unknown]> = [
      ['setValues', (m) => range.setValues(m)],
      ['setNumberFormats', (m) => range.setNumberFormats(m)],
      ['setFontWeights', (m) => range.setFontWeights(m)],
      ['setBackgrounds', (m) => range.setBackgrounds(m)],
      ['setFontColors', (m) => range.setFontColors(m)],
      ['setHorizontalAlignments', (m) => range.setHorizontalAlignments(m)],
      ['setNotes', (m) => range.setNotes(m)],
    ];
    for (const [method, write] of writes) {
      expect(() => write([holey()]), method).toThrow(`The data for SpreadsheetApp.Range.${method} has no value at row 1, column 2.`);
      expect(() => write([['a', undefined, 'c']]), method).toThrow(/has no value at row 1, column 2/);
    }
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getRange('A1:C1').getNumberFormats()).toEqual([['0.###############', '0.###############', '0.###############']]);
  });
});

describe('number formats', () => {
  it('refuse what is not a format pattern: undefined, null, numbers, "" and words like "undefined"', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B1');
    for (const bad of [null, 42, '', '  ', 'undefined', 'null', 'bold']) {
      expect(() => range.setNumberFormats([['0.00', bad as string]]), String(bad)).toThrow(/^Invalid number format/);
      expect(() => range.setNumberFormat(bad as string), String(bad)).toThrow(/^Invalid number format/);
    }
    expect(() => range.setNumberFormat(undefined as unknown as string)).toThrow(/^Invalid number format/);
    expect(range.getNumberFormats()).toEqual([['0.###############', '0.###############']]);
    const good = ['0.00', '#,##0', '"¥"#,##0', '[$$]#,##0.00', '0.0%', 'yyyy-mm-dd', 'd mmm yyyy h:mm AM/PM', '@', '#,##0;(#,##0);"-"', '[Red]0', '0.###############'];
    const cells = sheet.getRange(1, 1, 1, good.length);
    cells.setNumberFormats([good]);
    expect(cells.getNumberFormats()).toEqual([good]);
  });
});

describe('setValues reads text as Sheets reads typed input', () => {
  it('turns numbers, percentages, money, booleans and dates into values, and =, +, - and @ into formulas', () => {
    const { sheet } = setup({ timeZone: 'Asia/Shanghai' });
    const range = sheet.getRange('A1:L1');
    range.setValues([['60000', '1,234.5', '8%', '$2,000', 'TRUE', '2026-04-30', '0012', '=1+1', '+86 138 0000 0000', '-Sasha-', '@beauty', 'plain text']]);
    const [values] = range.getValues();
    expect(values!.slice(0, 5)).toEqual([60000, 1234.5, 0.08, 2000, true]);
    expect((values![5] as Date).toISOString()).toBe('2026-04-29T16:00:00.000Z'); // midnight in Shanghai
    expect(values![6]).toBe(12);
    expect(range.getFormulas()).toEqual([['', '', '', '', '', '', '', '=1+1', '=+86 138 0000 0000', '=-Sasha-', '=@beauty', '']]);
    expect(values![11]).toBe('plain text');
    expect(range.getNumberFormats()[0]!.slice(2, 4)).toEqual(['0%', '"$"#,##0']);
    expect(range.getNumberFormats()[0]![5]).toBe('yyyy-mm-dd');
  });

  it('reads dates and amounts in the spreadsheet locale, and keeps anything behind an apostrophe as text', () => {
    const us = setup({ locale: 'en_US' }).sheet;
    us.getRange('A1:B1').setValues([['4/30/2026', '3/4/2026']]);
    expect(us.getRange('A1:B1').getValues()[0]!.map((d) => (d as Date).toISOString().slice(0, 10))).toEqual(['2026-04-30', '2026-03-04']);
    const gb = setup({ locale: 'en_GB' }).sheet;
    gb.getRange('A1').setValue('3/4/2026');
    expect((gb.getRange('A1').getValue() as Date).toISOString().slice(0, 10)).toBe('2026-04-03');

    const { sheet } = setup();
    const texts = ["'=HYPERLINK(\"http://x\")", "'+86 138", "'-Sasha-", "'@beauty", "'0012", "'3/4/2026", "'8%"];
    sheet.getRange(1, 1, 1, texts.length).setValues([texts]);
    expect(sheet.getRange(1, 1, 1, texts.length).getValues()).toEqual([texts.map((t) => t.slice(1))]);
    expect(sheet.getRange(1, 1, 1, texts.length).getFormulas()).toEqual([texts.map(() => '')]);
  });

  it('applies the same reading to setValue', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('-A1');
    expect(sheet.getRange('A1').getFormula()).toBe('=-A1');
    sheet.getRange('A2').setValue('-12.5');
    expect(sheet.getRange('A2').getValue()).toBe(-12.5);
  });
});

describe('authorisation modes', () => {
  it('in AuthMode.NONE lets onOpen build menus and refuses the services Google forbids there', () => {
    const { wb, SpreadsheetApp, PropertiesService, LockService, Session } = setup({ authMode: 'NONE' });
    const permission = (method: string) => new RegExp(`^You do not have permission to call ${method.replace('.', '\\.')}\\.`);
    expect(() => SpreadsheetApp.getActive()).toThrow(permission('SpreadsheetApp.getActive'));
    expect(() => SpreadsheetApp.getActiveSpreadsheet()).toThrow(permission('SpreadsheetApp.getActiveSpreadsheet'));
    expect(() => PropertiesService.getDocumentProperties()).toThrow(permission('PropertiesService.getDocumentProperties'));
    expect(() => LockService.getDocumentLock()).toThrow(permission('LockService.getDocumentLock'));
    expect(() => SpreadsheetApp.getUi().showSidebar(null as never)).toThrow(permission('Ui.showSidebar'));
    expect(() => wb.spreadsheet.getSheets()).toThrow(permission('Spreadsheet.getSheets'));

    SpreadsheetApp.getUi().createAddonMenu().addItem('Open', 'open').addToUi();
    expect(Session.getActiveUserLocale()).toBe('en');
    expect(wb.ui.menus).toHaveLength(1);

    // Once the user runs the add-on from its menu, the script runs with full authorisation.
    wb.setAuthMode('FULL');
    expect(SpreadsheetApp.getActive().getSheets()).toHaveLength(1);
  });
});

describe('sheets that are not grids', () => {
  it('are listed by getSheets but refuse every grid operation', () => {
    const { wb, SpreadsheetApp, ss } = setup();
    wb.addSheetOfType('Chart 1', 'OBJECT');
    wb.addSheetOfType('BigQuery orders', 'DATASOURCE');
    expect(ss.getSheets().map((s) => [s.getName(), String(s.getType())])).toEqual([
      ['Sheet1', 'GRID'],
      ['Chart 1', 'OBJECT'],
      ['BigQuery orders', 'DATASOURCE'],
    ]);
    expect(SpreadsheetApp.SheetType.OBJECT).toBe('OBJECT');
    const chart = ss.getSheetByName('Chart 1')!;
    expect(() => chart.getRange(1, 1)).toThrow('The action is not supported for OBJECT sheet.');
    expect(() => chart.getLastRow()).toThrow('The action is not supported for OBJECT sheet.');
    expect(() => chart.getDataRange()).toThrow('The action is not supported for OBJECT sheet.');
    expect(() => ss.getSheetByName('BigQuery orders')!.getRange('A1:B2').getValues()).toThrow('The action is not supported for DATASOURCE sheet.');
    expect(chart.getIndex()).toBe(2);
  });
});

describe('embedded charts', () => {
  it('are returned in no promised order (newest first here), so only their ids identify them', () => {
    const { Charts, sheet } = setup();
    const add = (title: string) =>
      sheet.insertChart(sheet.newChart().setChartType(Charts.ChartType.PIE).addRange(sheet.getRange('A1:B3')).setOption('title', title).build());
    add('first');
    add('second');
    add('third');
    const charts = sheet.getCharts();
    expect(charts.map((c) => c.getOptions().get('title'))).toEqual(['third', 'second', 'first']);
    expect(new Set(charts.map((c) => c.getChartId())).size).toBe(3);
  });
});

describe('scripts outside a document', () => {
  it('get null from getDocumentLock, getDocumentProperties and getActiveSpreadsheet, as a standalone script does', () => {
    const { SpreadsheetApp, PropertiesService, LockService } = setup({ outsideDocument: true });
    expect(LockService.getDocumentLock()).toBeNull();
    expect(PropertiesService.getDocumentProperties()).toBeNull();
    expect(SpreadsheetApp.getActiveSpreadsheet()).toBeNull();
    expect(SpreadsheetApp.getActive()).toBeNull();
    expect(LockService.getScriptLock().tryLock(10)).toBe(true);
  });
});
