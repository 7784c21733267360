import { describe, it, expect } from 'vitest';
import vm from 'node:vm';
import {
  columnToLetters,
  createMemoryWorkbook,
  gridToA1,
  lettersToColumn,
  parseA1,
  quoteSheetName,
  type MemoryWorkbookOptions,
} from '../src/offline/workbook/index';

type SS = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

function setup(options?: MemoryWorkbookOptions) {
  const wb = createMemoryWorkbook(options);
  const g = wb.globals;
  return {
    wb,
    SpreadsheetApp: g.SpreadsheetApp as SS,
    PropertiesService: g.PropertiesService as GoogleAppsScript.Properties.PropertiesService,
    LockService: g.LockService as GoogleAppsScript.Lock.LockService,
    HtmlService: g.HtmlService as GoogleAppsScript.HTML.HtmlService,
    Utilities: g.Utilities as GoogleAppsScript.Utilities.Utilities,
    Session: g.Session as GoogleAppsScript.Base.Session,
    Charts: g.Charts as GoogleAppsScript.Charts.Charts,
    ScriptApp: g.ScriptApp as GoogleAppsScript.Script.ScriptApp,
    ss: wb.spreadsheet,
    sheet: wb.spreadsheet.getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet,
  };
}

describe('A1 notation', () => {
  it('converts columns both ways, including multi-letter columns', () => {
    expect(columnToLetters(1)).toBe('A');
    expect(columnToLetters(26)).toBe('Z');
    expect(columnToLetters(27)).toBe('AA');
    expect(columnToLetters(52)).toBe('AZ');
    expect(columnToLetters(53)).toBe('BA');
    expect(columnToLetters(702)).toBe('ZZ');
    expect(columnToLetters(703)).toBe('AAA');
    expect(lettersToColumn('aa')).toBe(27);
    for (let c = 1; c <= 2000; c++) expect(lettersToColumn(columnToLetters(c))).toBe(c);
  });

  it('parses sheet-qualified references, unquoting names', () => {
    expect(parseA1("'My Sheet'!A1:B2")).toMatchObject({ sheetName: 'My Sheet', row: 1, column: 1, endRow: 2, endColumn: 2 });
    expect(parseA1("'It''s'!C3")).toMatchObject({ sheetName: "It's", row: 3, column: 3, endRow: 3, endColumn: 3 });
    expect(parseA1('Data!$AA$10:AB12')).toMatchObject({ sheetName: 'Data', row: 10, column: 27, endRow: 12, endColumn: 28 });
    expect(parseA1('B2:A1')).toMatchObject({ row: 1, column: 1, endRow: 2, endColumn: 2 });
    expect(parseA1('A:B')).toMatchObject({ row: 1, column: 1, endRow: null, endColumn: 2 });
    expect(parseA1('2:3')).toMatchObject({ row: 2, column: 1, endRow: 3, endColumn: null });
    expect(parseA1('A2:B')).toMatchObject({ row: 2, column: 1, endRow: null, endColumn: 2 });
    for (const bad of ['A', '7', 'A0', 'AAAA1', 'A1:B2:C3', "'Open!A1", 'A:1', '']) expect(parseA1(bad)).toBeNull();
  });

  it('formats references and quotes sheet names only when Sheets would', () => {
    expect(gridToA1({ row: 10, column: 27, numRows: 3, numColumns: 2 })).toBe('AA10:AB12');
    expect(gridToA1({ row: 4, column: 3, numRows: 1, numColumns: 1 })).toBe('C4');
    expect(quoteSheetName('Sheet1')).toBe('Sheet1');
    expect(quoteSheetName('My Sheet')).toBe("'My Sheet'");
    expect(quoteSheetName("It's")).toBe("'It''s'");
    expect(quoteSheetName('AB12')).toBe("'AB12'");
    expect(quoteSheetName('达人')).toBe("'达人'");
  });

  it('resolves A1 through Sheet and Spreadsheet getRange', () => {
    const { ss, sheet } = setup();
    expect(() => sheet.getRange('AA10')).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    sheet.insertColumnsAfter(26, 4);
    const r = sheet.getRange('AA10:AB12');
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns(), r.getLastColumn()]).toEqual([10, 27, 3, 2, 28]);
    expect(r.getA1Notation()).toBe('AA10:AB12');
    const whole = sheet.getRange('A:B');
    expect(whole.getA1Notation()).toBe('A:B');
    expect(whole.getNumRows()).toBe(1000);
    expect(sheet.getRange('3:4').getNumColumns()).toBe(30);

    ss.insertSheet('My Sheet');
    const q = ss.getRange("'My Sheet'!B2:C3");
    expect(q.getSheet().getName()).toBe('My Sheet');
    expect(q.getA1Notation()).toBe('B2:C3');
    expect(() => ss.getRange("'Nope'!A1")).toThrow('Range not found');
    expect(() => sheet.getRange('hello')).toThrow('Range not found');
    expect(() => sheet.getRange('AE1')).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
  });
});

describe('values', () => {
  it('round-trips typed values and returns "" for empty cells', () => {
    const { sheet } = setup();
    const when = new Date(Date.UTC(2024, 4, 17, 8, 30));
    sheet.getRange(2, 2, 2, 3).setValues([
      ['name', 42, true],
      [when, -0.5, ''],
    ]);
    const back = sheet.getRange(2, 2, 2, 3).getValues();
    expect(back[0]).toEqual(['name', 42, true]);
    expect((back[1]?.[0] as Date).getTime()).toBe(when.getTime());
    expect(back[1]?.slice(1)).toEqual([-0.5, '']);
    expect(sheet.getRange('A1').getValue()).toBe('');
    // Stored dates are copies: mutating the caller's Date must not change the cell.
    when.setUTCFullYear(1999);
    expect((sheet.getRange('B3').getValue() as Date).getUTCFullYear()).toBe(2024);
    expect(sheet.getRange('B2:D2').getDisplayValues()).toEqual([['name', '42', 'TRUE']]);
    expect(sheet.getLastRow()).toBe(3);
    expect(sheet.getLastColumn()).toBe(4);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:D3');
    // Formatting alone does not extend the data region.
    sheet.getRange('Z100').setBackground('#abcdef');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([3, 4]);
  });

  it('rejects matrices whose shape differs from the range, with Sheets messages', () => {
    const { sheet } = setup();
    const range = sheet.getRange(1, 1, 3, 2);
    expect(() => range.setValues([[1, 2], [3, 4]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
    expect(() => range.setValues([[1, 2], [3], [5, 6]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(() => range.setValues('x' as unknown as unknown[][])).toThrow(/don't match the method signature/);
    expect(() => range.setBackgrounds([['red', 'red']])).toThrow(/number of rows/);
    // A failed write leaves the sheet untouched.
    expect(sheet.getLastRow()).toBe(0);
  });

  it('enforces the grid bounds and grows with insertRowsAfter/insertColumnsAfter', () => {
    const { sheet } = setup();
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getMaxColumns()).toBe(26);
    expect(() => sheet.getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(1, 1, 1, 27)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');

    sheet.getRange('A5').setValue('moved');
    sheet.getRange('C1').setValue('stays');
    sheet.insertRowsAfter(2, 3);
    expect(sheet.getMaxRows()).toBe(1003);
    expect(sheet.getRange('A8').getValue()).toBe('moved');
    expect(sheet.getRange('A5').getValue()).toBe('');
    sheet.insertColumnsAfter(1, 2);
    expect(sheet.getMaxColumns()).toBe(28);
    expect(sheet.getRange('E1').getValue()).toBe('stays');
    sheet.getRange(1003, 28).setValue('corner');
    expect(sheet.getLastRow()).toBe(1003);
  });
});

describe('formulas and text', () => {
  it('stores "=..." as a formula with a cached value filled by the engine', () => {
    const { wb, sheet } = setup();
    sheet.getRange('A1:A2').setValues([[1], [2]]);
    sheet.getRange('A3').setValue('=SUM(A1:A2)');
    expect(sheet.getRange('A3').getFormula()).toBe('=SUM(A1:A2)');
    expect(sheet.getRange('A3').getValue()).toBe('');
    wb.setComputedValue('Sheet1', 3, 1, 3);
    expect(sheet.getRange('A3').getValue()).toBe(3);
    expect(sheet.getRange('A3').getDisplayValue()).toBe('3');
    expect(sheet.getRange('A1:A3').getFormulas()).toEqual([[''], [''], ['=SUM(A1:A2)']]);
    expect(() => wb.setComputedValue('Sheet1', 1, 1, 5)).toThrow(/holds no formula/);

    sheet.getRange('A3').setValue(7);
    expect(sheet.getRange('A3').getFormula()).toBe('');
    expect(sheet.getRange('A3').getValue()).toBe(7);
  });

  it('treats a leading apostrophe as literal text; without it, numeric-looking text becomes a number as in Sheets', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([["'=not a formula", "'0012", '0012']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['=not a formula', '0012', 12]]);
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([['', '', '']]);
  });

  it('setFormulas writes and "" clears; setFormula on a block shifts relative references', () => {
    const { sheet } = setup();
    sheet.getRange('B1:B2').setFormulas([['=A1*2'], ['=A2*2']]);
    expect(sheet.getRange('B2').getFormula()).toBe('=A2*2');
    sheet.getRange('B1:B2').setFormulas([[''], ['=A2*3']]);
    expect(sheet.getRange('B1:B2').getFormulas()).toEqual([[''], ['=A2*3']]);
    expect(sheet.getRange('B1').getValue()).toBe('');

    sheet.getRange('C2:D3').setFormula('=A2*$F$1+"B2"&\'My Sheet\'!A1');
    expect(sheet.getRange('C2:D3').getFormulas()).toEqual([
      ['=A2*$F$1+"B2"&\'My Sheet\'!A1', '=B2*$F$1+"B2"&\'My Sheet\'!B1'],
      ['=A3*$F$1+"B2"&\'My Sheet\'!A2', '=B3*$F$1+"B2"&\'My Sheet\'!B2'],
    ]);
  });
});

describe('sheets', () => {
  it('rejects duplicate names (ignoring case) with the Sheets message', () => {
    const { ss } = setup();
    ss.insertSheet('Plan');
    expect(() => ss.insertSheet('Plan')).toThrow('A sheet with the name "Plan" already exists. Please enter another name.');
    expect(() => ss.insertSheet('plan')).toThrow('A sheet with the name "plan" already exists. Please enter another name.');
    expect(() => ss.getSheetByName('Sheet1')?.setName('PLAN')).toThrow(/already exists/);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'Plan']);
  });

  it('inserts after the active sheet unless given an index, and activates the new sheet', () => {
    const { ss } = setup();
    ss.insertSheet('B');
    ss.setActiveSheet(ss.getSheetByName('Sheet1') as GoogleAppsScript.Spreadsheet.Sheet);
    const a = ss.insertSheet('A');
    expect(ss.getActiveSheet().getName()).toBe('A');
    expect(ss.insertSheet('First', 0).getIndex()).toBe(1);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['First', 'Sheet1', 'A', 'B']);
    expect(a.getIndex()).toBe(3);
    expect(ss.getSheetById(a.getSheetId())?.getName()).toBe('A');
    expect(ss.insertSheet().getName()).toBe('Sheet5');

    ss.deleteSheet(a);
    expect(ss.getSheetByName('A')).toBeNull();
    expect(() => a.getName()).toThrow(/deleted/);
  });

  it('refuses to hide or delete the last visible sheet', () => {
    const { ss, sheet } = setup();
    expect(() => sheet.hideSheet()).toThrow("You can't hide all the sheets in a document.");
    expect(() => ss.deleteSheet(sheet)).toThrow("You can't remove all the sheets in a document.");
    const other = ss.insertSheet('Other');
    other.hideSheet();
    expect(other.isSheetHidden()).toBe(true);
    expect(ss.getActiveSheet().getName()).toBe('Sheet1');
  });

  it('keeps layout settings and guards frozen/merged interactions', () => {
    const { sheet } = setup();
    sheet.setColumnWidth(2, 240).setColumnWidths(3, 2, 80).setTabColor('#F00');
    expect([sheet.getColumnWidth(1), sheet.getColumnWidth(2), sheet.getColumnWidth(4)]).toEqual([100, 240, 80]);
    expect(sheet.getTabColor()).toBe('#ff0000');
    sheet.getRange('A1:B2').setValues([[1, 2], [3, 4]]);
    sheet.getRange('A1:B2').merge();
    expect(sheet.getRange('A1:B2').getValues()).toEqual([[1, ''], ['', '']]);
    expect(sheet.getRange('B2').isPartOfMerge()).toBe(true);
    expect(() => sheet.setFrozenRows(1)).toThrow(/part of a merged cell/);
    expect(() => sheet.getRange('B2:C2').breakApart()).toThrow(/select all cells in a merged range/);
    sheet.getRange('A1:B2').breakApart();
    sheet.setFrozenRows(1);
    expect(sheet.getFrozenRows()).toBe(1);
    expect(() => sheet.getRange('D1:D3').merge()).toThrow("You can't merge frozen and non-frozen rows.");
  });
});

describe('conditional format rules', () => {
  it('round-trips rules through set/get and keeps them as independent values', () => {
    const { SpreadsheetApp, ss, sheet } = setup();
    const rule = SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied('=$C2>100')
      .setBackground('#B7E1CD')
      .setFontColor('red')
      .setBold(true)
      .setRanges([sheet.getRange('A2:F20'), sheet.getRange('H2:H20')])
      .build();
    const between = SpreadsheetApp.newConditionalFormatRule().whenNumberBetween(1, 10).setItalic(true).setRanges([sheet.getRange('C:C')]).build();
    sheet.setConditionalFormatRules([rule, between]);

    const got = sheet.getConditionalFormatRules();
    expect(got).toHaveLength(2);
    expect(got[0]?.getRanges().map((r) => r.getA1Notation())).toEqual(['A2:F20', 'H2:H20']);
    const cond = got[0]?.getBooleanCondition();
    expect(cond?.getCriteriaType()).toBe(SpreadsheetApp.BooleanCriteria.CUSTOM_FORMULA);
    expect(String(cond?.getCriteriaType())).toBe('CUSTOM_FORMULA');
    expect(cond?.getCriteriaValues()).toEqual(['=$C2>100']);
    expect([cond?.getBackground(), cond?.getFontColor(), cond?.getBold(), cond?.getItalic()]).toEqual(['#b7e1cd', '#ff0000', true, null]);
    expect(got[0]?.getGradientCondition()).toBeNull();
    expect(got[1]?.getBooleanCondition()?.getCriteriaType()).toBe('NUMBER_BETWEEN');
    expect(got[1]?.getBooleanCondition()?.getCriteriaValues()).toEqual([1, 10]);
    expect(got[1]?.getRanges()[0]?.getA1Notation()).toBe('C:C');

    // copy() is a new builder; editing it must not change the stored rule.
    const edited = got[0]!.copy().whenNumberLessThan(0).build();
    expect(edited.getBooleanCondition()?.getCriteriaType()).toBe('NUMBER_LESS_THAN');
    expect(sheet.getConditionalFormatRules()[0]?.getBooleanCondition()?.getCriteriaType()).toBe('CUSTOM_FORMULA');

    sheet.insertRowsAfter(1, 2);
    expect(sheet.getConditionalFormatRules()[0]?.getRanges()[0]?.getA1Notation()).toBe('A4:F22');

    const other = ss.insertSheet('Other');
    const foreign = SpreadsheetApp.newConditionalFormatRule().whenCellEmpty().setRanges([other.getRange('A1')]).build();
    expect(() => sheet.setConditionalFormatRules([foreign])).toThrow(/on the sheet/);
    expect(() => SpreadsheetApp.newConditionalFormatRule().setBackground('#fff').build()).toThrow(/condition/);
    sheet.clearConditionalFormatRules();
    expect(sheet.getConditionalFormatRules()).toEqual([]);
  });
});

describe('data validation', () => {
  it('applies, reads back per cell and clears rules', () => {
    const { SpreadsheetApp, wb, sheet } = setup();
    const list = SpreadsheetApp.newDataValidation()
      .requireValueInList(['Yes', 'No'], true)
      .setAllowInvalid(false)
      .setHelpText('Pick one')
      .build();
    sheet.getRange('B2:B4').setDataValidation(list);

    const got = sheet.getRange('B3').getDataValidation();
    expect(got?.getCriteriaType()).toBe(SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST);
    expect(got?.getCriteriaValues()).toEqual([['Yes', 'No'], true]);
    expect(got?.getAllowInvalid()).toBe(false);
    expect(got?.getHelpText()).toBe('Pick one');
    const grid = sheet.getRange('A1:B2').getDataValidations();
    expect(grid[0]).toEqual([null, null]);
    expect(grid[1]?.[0]).toBeNull();
    expect(grid[1]?.[1]?.getCriteriaType()).toBe('VALUE_IN_LIST');

    const between = SpreadsheetApp.newDataValidation().requireNumberBetween(0, 1).build();
    expect(between.getAllowInvalid()).toBe(true);
    const inRange = SpreadsheetApp.newDataValidation().requireValueInRange(sheet.getRange('Z1:Z9')).build();
    sheet.getRange('C2').setDataValidation(inRange);
    expect((sheet.getRange('C2').getDataValidation()?.getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range).getA1Notation()).toBe('Z1:Z9');
    expect(SpreadsheetApp.newDataValidation().requireCheckbox().build().getCriteriaType()).toBe('CHECKBOX');
    expect(SpreadsheetApp.newDataValidation().requireNumberGreaterThanOrEqualTo(5).build().getCriteriaValues()).toEqual([5]);
    expect(SpreadsheetApp.newDataValidation().requireFormulaSatisfied('=A1>0').build().getCriteriaType()).toBe('CUSTOM_FORMULA');

    const snap = wb.snapshot().sheets[0]!;
    expect(snap.validations.map((v) => [v.criteria, v.ranges])).toEqual([
      ['VALUE_IN_LIST', ['B2:B4']],
      ['VALUE_IN_RANGE', ['C2']],
    ]);
    expect(snap.validations[1]?.values).toEqual([{ range: 'Sheet1!Z1:Z9' }, true]);
    expect(snap.cells.B3?.dv).toBe(0);

    sheet.getRange('B2:B3').clearDataValidations();
    expect(sheet.getRange('B2').getDataValidation()).toBeNull();
    expect(sheet.getRange('B4').getDataValidation()).not.toBeNull();
    sheet.getRange('B4').setDataValidation(null);
    expect(sheet.getRange('B4').getDataValidation()).toBeNull();
  });
});

describe('charts', () => {
  it('inserts, modifies in place, updates and removes with stable ids', () => {
    const { Charts, wb, sheet } = setup();
    expect(Charts.ChartType.PIE).toBe('PIE');
    const built = sheet
      .newChart()
      .setChartType(Charts.ChartType.PIE)
      .addRange(sheet.getRange('A1:B5'))
      .setPosition(2, 4, 10, 20)
      .setOption('title', 'Mix')
      .build();
    expect(built.getChartId()).toBeNull();
    sheet.insertChart(built);
    sheet.insertChart(sheet.newChart().asColumnChart().addRange(sheet.getRange('C1:D5')).build());

    // getCharts() promises no order: find each chart by what it is.
    const pie = sheet.getCharts().find((c) => String(c.modify().getChartType()) === 'PIE');
    const column = sheet.getCharts().find((c) => String(c.modify().getChartType()) === 'COLUMN');
    const pieId = pie!.getChartId();
    const columnId = column!.getChartId();
    expect(pieId).not.toBeNull();
    expect(columnId).not.toBe(pieId);
    expect(pie!.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B5']);
    expect(pie!.getOptions().get('title')).toBe('Mix');
    const info = pie!.getContainerInfo();
    expect([info.getAnchorRow(), info.getAnchorColumn(), info.getOffsetX(), info.getOffsetY()]).toEqual([2, 4, 10, 20]);

    const updated = pie!.modify().setOption('title', 'Share').setPosition(7, 1, 0, 0).build();
    expect(updated.getChartId()).toBe(pieId);
    sheet.updateChart(updated);
    expect(sheet.getCharts().map((c) => c.getChartId()).sort()).toEqual([pieId, columnId].sort());
    const pieAfter = sheet.getCharts().find((c) => c.getChartId() === pieId)!;
    expect(pieAfter.getOptions().get('title')).toBe('Share');
    expect(pieAfter.getContainerInfo().getAnchorRow()).toBe(7);
    expect(pieAfter.modify().getChartType()).toBe('PIE');

    sheet.removeChart(pieAfter);
    expect(sheet.getCharts().map((c) => c.getChartId())).toEqual([columnId]);
    expect(() => sheet.removeChart(pieAfter)).toThrow(/could not be found/);
    expect(() => sheet.updateChart(updated)).toThrow(/could not be found/);
    sheet.insertChart(sheet.newChart().setChartType(Charts.ChartType.LINE).build());
    const ids = sheet.getCharts().map((c) => c.getChartId());
    expect(new Set(ids).size).toBe(2);
    expect(ids).not.toContain(pieId);

    const snap = wb.snapshot().sheets[0]!.charts;
    expect(snap.map((c) => c.type)).toEqual(['COLUMN', 'LINE']);
    expect(snap[0]?.ranges).toEqual(['Sheet1!C1:D5']);
    expect(() => sheet.newChart().build()).toThrow(/chart type/);
  });
});

describe('developer metadata', () => {
  it('finds metadata by key, value and location type', () => {
    const { SpreadsheetApp, ss, sheet } = setup();
    const plan = ss.insertSheet('Plan');
    plan.addDeveloperMetadata('owner', 'allocation');
    sheet.addDeveloperMetadata('owner', 'roster');
    ss.addDeveloperMetadata('schema', '3', SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
    plan.getRange('2:3').addDeveloperMetadata('row-tag', 'header');

    const found = ss.createDeveloperMetadataFinder().withKey('owner').withValue('allocation').find();
    expect(found).toHaveLength(1);
    const location = found[0]!.getLocation();
    expect(location.getLocationType()).toBe(SpreadsheetApp.DeveloperMetadataLocationType.SHEET);
    expect(location.getSheet()?.getName()).toBe('Plan');
    expect(ss.createDeveloperMetadataFinder().withKey('owner').find()).toHaveLength(2);
    expect(plan.createDeveloperMetadataFinder().find().map((m) => m.getKey())).toEqual(['owner', 'row-tag']);
    const rows = ss.createDeveloperMetadataFinder().withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.ROW).find();
    expect(rows.map((m) => m.getLocation().getRow()?.getA1Notation())).toEqual(['2:3']);
    expect(ss.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue(), m.getVisibility()])).toEqual([['schema', '3', 'PROJECT']]);

    plan.insertRowsAfter(1, 5);
    expect(rows[0]!.getLocation().getRow()?.getA1Notation()).toBe('7:8');

    expect(() => sheet.getRange('A1:B2').addDeveloperMetadata('k', 'v')).toThrow(
      /Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column/,
    );

    found[0]!.setValue('renamed');
    expect(ss.createDeveloperMetadataFinder().withValue('allocation').find()).toHaveLength(0);
    sheet.getDeveloperMetadata()[0]!.remove();
    expect(ss.createDeveloperMetadataFinder().withKey('owner').find()).toHaveLength(1);
    ss.deleteSheet(plan);
    expect(ss.createDeveloperMetadataFinder().withKey('owner').find()).toHaveLength(0);
  });
});

describe('named ranges and protections', () => {
  it('creates, resolves, re-points and removes named ranges', () => {
    const { ss, sheet } = setup();
    ss.setNamedRange('Totals', sheet.getRange('B2:B9'));
    expect(ss.getRangeByName('Totals')?.getA1Notation()).toBe('B2:B9');
    ss.setNamedRange('Totals', sheet.getRange('C2:C9'));
    expect(ss.getNamedRanges().map((n) => [n.getName(), n.getRange().getA1Notation()])).toEqual([['Totals', 'C2:C9']]);
    sheet.insertRowsAfter(1, 1);
    expect(ss.getRangeByName('Totals')?.getA1Notation()).toBe('C3:C10');
    // Rows inserted inside a named range grow it, as in Sheets; rows after it leave it alone.
    sheet.insertRowsAfter(5, 2);
    sheet.insertRowsAfter(12, 4);
    expect(ss.getRangeByName('Totals')?.getA1Notation()).toBe('C3:C12');
    ss.getNamedRanges()[0]!.setName('Sum_2024');
    expect(ss.getRangeByName('Totals')).toBeNull();
    expect(sheet.getNamedRanges().map((n) => n.getName())).toEqual(['Sum_2024']);
    expect(() => ss.setNamedRange('A1', sheet.getRange('A1'))).toThrow(/not valid/);
    expect(() => ss.setNamedRange('has space', sheet.getRange('A1'))).toThrow(/not valid/);
    ss.removeNamedRange('Sum_2024');
    expect(ss.getNamedRanges()).toEqual([]);
  });

  it('records range and sheet protections', () => {
    const { SpreadsheetApp, sheet } = setup();
    const p = sheet.getRange('A1:C1').protect().setDescription('headers').setWarningOnly(true);
    expect(p.getProtectionType()).toBe(SpreadsheetApp.ProtectionType.RANGE);
    expect(p.getRange().getA1Notation()).toBe('A1:C1');
    expect(p.isWarningOnly()).toBe(true);
    expect(p.canEdit()).toBe(true);
    const whole = sheet.protect().setDescription('locked');
    expect(sheet.protect().getDescription()).toBe('locked');
    expect(sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)).toHaveLength(1);
    expect(sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).map((x) => x.getDescription())).toEqual(['headers']);
    whole.remove();
    expect(sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)).toHaveLength(0);
  });
});

describe('properties', () => {
  it('stores strings and supports bulk operations', () => {
    const { PropertiesService, wb } = setup();
    const doc = PropertiesService.getDocumentProperties();
    doc.setProperty('count', 3 as unknown as string).setProperty('flag', 'on');
    expect(doc.getProperty('count')).toBe('3');
    expect(doc.getProperty('missing')).toBeNull();
    // A second handle sees the same store; user properties are separate.
    expect(PropertiesService.getDocumentProperties().getKeys().sort()).toEqual(['count', 'flag']);
    expect(PropertiesService.getUserProperties().getKeys()).toEqual([]);
    const copy = doc.getProperties();
    copy.count = 'tampered';
    expect(doc.getProperty('count')).toBe('3');
    doc.setProperties({ a: '1' }, true);
    expect(doc.getProperties()).toEqual({ a: '1' });
    doc.setProperties({ b: '2' });
    expect(doc.getProperties()).toEqual({ a: '1', b: '2' });
    doc.deleteProperty('a');
    expect(wb.snapshot().properties.document).toEqual({ b: '2' });
    expect(() => doc.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    expect(doc.getProperty('big')).toBeNull();
    doc.deleteAllProperties();
    expect(doc.getKeys()).toEqual([]);
  });
});

describe('locks', () => {
  it('models contention with another execution', () => {
    const { LockService, wb } = setup();
    const lock = LockService.getDocumentLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(LockService.getDocumentLock().hasLock()).toBe(true);
    expect(() => wb.holdDocumentLockElsewhere(true)).toThrow(/release it/);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);

    wb.holdDocumentLockElsewhere(true);
    expect(lock.tryLock(1000)).toBe(false);
    expect(lock.hasLock()).toBe(false);
    expect(() => lock.waitLock(1000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    expect(LockService.getScriptLock().tryLock(10)).toBe(true);
    wb.holdDocumentLockElsewhere(false);
    expect(lock.tryLock(1000)).toBe(true);
  });
});

describe('call counting', () => {
  it('counts one call per API invocation regardless of range size', () => {
    const { SpreadsheetApp, wb } = setup();
    const rows = Array.from({ length: 1000 }, (_, i) => [i, `n${i}`, true, i / 2, '']);
    wb.calls.reset();
    const sheet = SpreadsheetApp.getActive().getSheetByName('Sheet1')!;
    sheet.getRange(1, 1, 1000, 5).setValues(rows);
    expect(wb.calls.total).toBe(4);
    expect(wb.calls.byMethod).toEqual({
      'SpreadsheetApp.getActive': 1,
      'Spreadsheet.getSheetByName': 1,
      'Sheet.getRange': 1,
      'Range.setValues': 1,
    });
    expect(sheet.getRange('A1000:E1000').getValues()[0]?.[1]).toBe('n999');
  });

  it('counts builders separately, nested calls once, and nothing for the internal API', () => {
    const { SpreadsheetApp, wb, sheet } = setup();
    const byMethod = wb.calls.byMethod;
    wb.calls.reset();
    // getActiveSheet on SpreadsheetApp delegates to the spreadsheet internally: still one call.
    SpreadsheetApp.getActiveSheet();
    expect(wb.calls.total).toBe(1);
    expect(wb.calls.byMethod['Spreadsheet.getActiveSheet']).toBeUndefined();

    const rule = SpreadsheetApp.newConditionalFormatRule().whenCellEmpty().setRanges([sheet.getRange('A1')]).build();
    rule.getBooleanCondition()?.getCriteriaType();
    expect(wb.calls.builder).toBe(5);
    expect(wb.calls.total).toBe(3);
    expect(wb.calls.byMethod['ConditionalFormatRuleBuilder.whenCellEmpty']).toBe(1);
    expect(wb.calls.byMethod['BooleanCondition.getCriteriaType']).toBe(1);

    wb.seedSheet('Sheet1', [[1, 2]]);
    wb.snapshot();
    expect(wb.calls.total).toBe(3);
    // A failing call is still a call.
    expect(() => sheet.getRange(0, 0)).toThrow();
    expect(wb.calls.byMethod['Sheet.getRange']).toBe(2);

    wb.calls.reset();
    expect([wb.calls.total, wb.calls.builder]).toEqual([0, 0]);
    expect(wb.calls.byMethod).toBe(byMethod);
    expect(Object.keys(byMethod)).toEqual([]);
  });
});

describe('ui, html and misc services', () => {
  it('records menus, sidebars and alerts', () => {
    const { SpreadsheetApp, HtmlService, wb } = setup({ htmlFiles: { Sidebar: '<p>hi</p>' } });
    const ui = SpreadsheetApp.getUi();
    ui.createAddonMenu()
      .addItem('Build plan', 'buildPlan')
      .addSeparator()
      .addSubMenu(ui.createMenu('More').addItem('About', 'about'))
      .addToUi();
    ui.createAddonMenu().addItem('Build plan', 'buildPlan').addToUi();
    expect(wb.ui.menus).toHaveLength(1);
    expect(wb.ui.menus[0]?.items).toEqual([{ kind: 'item', caption: 'Build plan', functionName: 'buildPlan' }]);

    const output = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Influencer Matrix');
    ui.showSidebar(output);
    expect(wb.ui.sidebar).toEqual({ title: 'Influencer Matrix', content: '<p>hi</p>' });
    expect(HtmlService.createHtmlOutputFromFile('Sidebar.html').getContent()).toBe('<p>hi</p>');
    expect(() => HtmlService.createHtmlOutputFromFile('Missing')).toThrow('No HTML file named Missing was found.');
    expect(ui.alert('Done')).toBe(ui.Button.OK);
    expect(ui.alert('Sure?', 'Really?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    expect(wb.ui.alerts).toEqual(['Done', 'Really?']);
  });

  it('exposes locale, time zone and formats dates in a zone', () => {
    const { Utilities, Session, ScriptApp, ss } = setup({ locale: 'zh_CN', timeZone: 'Asia/Shanghai', userLocale: 'zh-CN' });
    expect(ss.getSpreadsheetLocale()).toBe('zh_CN');
    ss.setSpreadsheetLocale('en_GB');
    expect(ss.getSpreadsheetLocale()).toBe('en_GB');
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Shanghai');
    expect(Session.getActiveUserLocale()).toBe('zh-CN');
    expect(Session.getScriptTimeZone()).toBe('Asia/Shanghai');
    expect(ScriptApp.AuthMode.FULL).toBe('FULL');

    const d = new Date(Date.UTC(2024, 0, 31, 20, 5, 9));
    expect(Utilities.formatDate(d, 'UTC', "yyyy-MM-dd'T'HH:mm:ss")).toBe('2024-01-31T20:05:09');
    expect(Utilities.formatDate(d, 'Etc/UTC', 'dd/MM/yy')).toBe('31/01/24');
    expect(Utilities.formatDate(d, 'Asia/Shanghai', 'yyyy-MM-dd HH:mm Z')).toBe('2024-02-01 04:05 +0800');
    expect(Utilities.formatDate(d, 'GMT-03:30', 'HH:mm XXX')).toBe('16:35 -03:30');
    expect(Utilities.formatDate(new Date(Date.UTC(2024, 6, 1, 12)), 'America/New_York', 'HH:mm')).toBe('08:00');
    expect(Utilities.formatDate(d, 'UTC', "EEE, d MMM yyyy h:mm a 'o''clock'")).toBe("Wed, 31 Jan 2024 8:05 PM o'clock");
  });

  it('returns Dates from the realm given as dateConstructor', () => {
    const context = vm.createContext({});
    const VmDate = vm.runInContext('Date', context) as DateConstructor;
    const wb = createMemoryWorkbook({ dateConstructor: VmDate });
    Object.assign(context, wb.globals);
    const result = vm.runInContext(
      `const r = SpreadsheetApp.getActive().getActiveSheet().getRange('A1');
       r.setValue(new Date(Date.UTC(2020, 1, 2)));
       const v = r.getValue();
       [v instanceof Date, v.toISOString()].join('|');`,
      context,
    ) as string;
    expect(result).toBe('true|2020-02-02T00:00:00.000Z');
  });
});

describe('snapshot', () => {
  it('is complete and JSON-serialisable', () => {
    const { wb, SpreadsheetApp, PropertiesService, Charts, ss, sheet } = setup({ name: 'Matrix' });
    wb.seedSheet('Roster', [
      ['Handle', 'Followers', 'Joined'],
      ['@a', 1200, new Date(Date.UTC(2023, 4, 1))],
      ['@b', Number.NaN, '=B2*2'],
    ]);
    wb.setComputedValue('Roster', 3, 3, 2400);
    const roster = ss.getSheetByName('Roster')!;
    roster.getRange('A1:C1').setFontWeight('bold').setBackground('#EEE').setNote('header');
    roster.getRange('B2:B3').setNumberFormat('#,##0').setHorizontalAlignment('right');
    roster.setFrozenRows(1);
    roster.getRange('E1:F1').merge();
    roster.getRange('D2:D3').setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
    roster.setConditionalFormatRules([
      SpreadsheetApp.newConditionalFormatRule().whenDateBefore(new Date(Date.UTC(2024, 0, 1))).setBackground('#f4cccc').setRanges([roster.getRange('C2:C3')]).build(),
    ]);
    roster.insertChart(
      roster.newChart().setChartType(Charts.ChartType.BAR).addRange(roster.getRange('A1:B3')).setOption('colors', ['#111', '#222']).setOption('since', new Date(0)).build(),
    );
    roster.addDeveloperMetadata('owner', 'roster');
    ss.addDeveloperMetadata('schema', '1');
    roster.getRange('A1:C1').protect().setDescription('headers');
    ss.setNamedRange('Handles', roster.getRange('A2:A3'));
    PropertiesService.getDocumentProperties().setProperty('k', 'v');
    sheet.setColumnWidth(3, 150).setTabColor('blue');
    SpreadsheetApp.getUi().createMenu('Matrix').addItem('Open', 'open').addToUi();

    const snap = wb.snapshot();
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);

    expect(snap.name).toBe('Matrix');
    expect(snap.sheets.map((s) => [s.name, s.index])).toEqual([['Sheet1', 1], ['Roster', 2]]);
    const r = snap.sheets[1]!;
    expect(r.cells.A1).toEqual({ v: 'Handle', bg: '#eeeeee', bold: true, note: 'header' });
    expect(r.cells.B3).toEqual({ v: { number: 'NaN' }, nf: '#,##0', ha: 'right' });
    expect(r.cells.C2).toEqual({ v: { date: '2023-05-01T00:00:00.000Z' } });
    expect(r.cells.C3).toEqual({ v: 2400, f: '=B2*2' });
    expect(r.frozenRows).toBe(1);
    expect(r.merges).toEqual(['E1:F1']);
    expect(r.validations).toEqual([{ ranges: ['D2:D3'], criteria: 'CHECKBOX', values: [], allowInvalid: true, helpText: null }]);
    expect(r.conditionalFormats).toEqual([
      { ranges: ['C2:C3'], criteria: 'DATE_BEFORE', values: [{ date: '2024-01-01T00:00:00.000Z' }], format: { background: '#f4cccc' } },
    ]);
    expect(r.charts[0]).toMatchObject({ type: 'BAR', ranges: ['Roster!A1:B3'], options: { colors: ['#111', '#222'], since: { date: '1970-01-01T00:00:00.000Z' } } });
    expect(r.developerMetadata).toEqual([{ id: 1, key: 'owner', value: 'roster', visibility: 'DOCUMENT', location: { type: 'SHEET', sheet: 'Roster' } }]);
    expect(r.protections).toEqual([{ id: 1, type: 'RANGE', range: 'A1:C1', description: 'headers', warningOnly: false }]);
    expect(snap.developerMetadata.map((m) => m.key)).toEqual(['schema']);
    expect(snap.namedRanges).toEqual([{ name: 'Handles', range: 'Roster!A2:A3' }]);
    expect(snap.sheets[0]).toMatchObject({ columnWidths: { '3': 150 }, tabColor: '#0000ff', cells: {} });
    expect(snap.ui.menus[0]).toEqual({ caption: 'Matrix', addon: false, items: [{ kind: 'item', caption: 'Open', functionName: 'open' }] });
    expect(snap.properties.document).toEqual({ k: 'v' });

    // The snapshot is a copy: later edits do not leak into it.
    roster.getRange('A1').setValue('changed');
    expect(snap.sheets[1]!.cells.A1?.v).toBe('Handle');
  });
});
