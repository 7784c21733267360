import { describe, expect, it } from 'vitest';
import { createMemoryWorkbook, shiftFormula } from '../src/offline/workbook/index';

/**
 * What the Dashboard tab asks of the in-memory workbook beyond the other tabs: font sizes, wrapping and notes written
 * as grids, a warning-only sheet protection, chart header rows. Each refuses what Apps Script refuses, so the renderer
 * cannot pass here and trip in Sheets.
 */

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

function setup() {
  const wb = createMemoryWorkbook();
  const sheet = wb.spreadsheet.getSheets()[0]!;
  return { wb, sheet, SpreadsheetApp: wb.globals.SpreadsheetApp as App, Charts: wb.globals.Charts as GoogleAppsScript.Charts.Charts };
}

const ragged = (a: unknown, b: unknown, c: unknown): unknown[][] => [[a, b], [c]];

describe('font sizes', () => {
  it('writes a grid of sizes in one call and reads them back; a cell given none keeps 10', () => {
    const { wb, sheet } = setup();
    wb.calls.reset();
    sheet.getRange('A1:B2').setFontSizes([[16, 10], [18, 12]]);
    expect(wb.calls.byMethod).toEqual({ 'Sheet.getRange': 1, 'Range.setFontSizes': 1 });
    expect(sheet.getRange('A1:C2').getFontSizes()).toEqual([[16, 10, 10], [18, 12, 10]]);
    const cells = wb.snapshot().sheets[0]!.cells;
    expect(cells.A1!.fs).toBe(16);
    expect(cells.B1?.fs).toBeUndefined(); // the default size is no size of its own
  });

  it('refuses a grid that does not match the range, a hole, or a value that is not a number', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B2');
    expect(() => range.setFontSizes([[10, 10]])).toThrow('The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.');
    expect(() => range.setFontSizes(ragged(10, 10, 10) as number[][])).toThrow('The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.');
    expect(() => range.setFontSizes([[10, '12'], [10, 10]] as unknown as number[][])).toThrow("don't match the method signature for SpreadsheetApp.Range.setFontSizes");
    expect(() => range.setFontSizes([[10, null], [10, 10]] as unknown as number[][])).toThrow("don't match the method signature for SpreadsheetApp.Range.setFontSizes");
    expect(range.getFontSizes()).toEqual([[10, 10], [10, 10]]);
  });

  it('refuses a size no Sheets font-size box takes, in the grid and for one cell', () => {
    const { sheet } = setup();
    for (const size of [0, -4, 401]) {
      expect(() => sheet.getRange('A1').setFontSizes([[size]]), String(size)).toThrow(`font size ${size}`);
      expect(() => sheet.getRange('A1').setFontSize(size), String(size)).toThrow(`font size ${size}`);
    }
    sheet.getRange('A1').setFontSize(400);
    sheet.getRange('A2').setFontSizes([[1]]);
    expect(sheet.getRange('A1:A2').getFontSizes()).toEqual([[400], [1]]);
  });
});

describe('wrapping', () => {
  it('writes a grid of wrap flags in one call', () => {
    const { wb, sheet } = setup();
    wb.calls.reset();
    sheet.getRange('A1:B1').setWraps([[true, false]]);
    expect(wb.calls.byMethod['Range.setWraps']).toBe(1);
    expect(sheet.getRange('A1:B1').getWraps()).toEqual([[true, false]]);
  });

  it('refuses a grid that does not match the range, or flags that are not booleans', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B2');
    expect(() => range.setWraps([[true, true]])).toThrow('The number of rows in the data does not match');
    expect(() => range.setWraps(ragged(true, true, true) as boolean[][])).toThrow('The number of columns in the data does not match');
    for (const bad of ['yes', 1, null]) {
      expect(() => range.setWraps([[true, bad], [true, true]] as unknown as boolean[][]), String(bad)).toThrow("don't match the method signature for SpreadsheetApp.Range.setWraps");
    }
  });
});

describe('notes', () => {
  it('writes a grid of notes in one call, clears with "" or null, and Sheet.clearNotes removes every one', () => {
    const { wb, sheet } = setup();
    sheet.getRange('A1:B2').setNotes([['As of 2026-03-31 14:05', ''], [null, 'n/a: no spend column']]);
    expect(sheet.getRange('A1:B2').getNotes()).toEqual([['As of 2026-03-31 14:05', ''], ['', 'n/a: no spend column']]);
    sheet.getRange('A1:B1').setNotes([['', null]]);
    expect(sheet.getRange('A1:B2').getNotes()).toEqual([['', ''], ['', 'n/a: no spend column']]);
    sheet.getRange('A1').setValue('kept');
    sheet.clearNotes();
    expect(sheet.getRange('A1:B2').getNotes()).toEqual([['', ''], ['', '']]);
    expect(sheet.getRange('A1').getValue()).toBe('kept');
    expect(wb.snapshot().sheets[0]!.cells.B2?.note).toBeUndefined();
  });

  it('refuses a grid that does not match the range', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:B2').setNotes([['a', 'b']])).toThrow('The number of rows in the data does not match');
    expect(() => sheet.getRange('A1:B2').setNotes(ragged('a', 'b', 'c') as string[][])).toThrow('The number of columns in the data does not match');
  });
});

describe('sheet protection', () => {
  it('keeps one protection per sheet: protecting again hands back the one there, found by getProtections', () => {
    const { wb, sheet, SpreadsheetApp } = setup();
    const first = sheet.protect().setWarningOnly(true).setDescription('Generated by Influencer Matrix');
    expect(first.isWarningOnly()).toBe(true);
    expect(sheet.protect().getDescription()).toBe('Generated by Influencer Matrix');
    const found = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET);
    expect(found).toHaveLength(1);
    expect(found[0]!.isWarningOnly()).toBe(true);
    expect(sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)).toEqual([]);
    expect(wb.snapshot().sheets[0]!.protections).toEqual([
      { id: 1, type: 'SHEET', range: null, description: 'Generated by Influencer Matrix', warningOnly: true },
    ]);
  });

  it('starts as a full protection, not a warning, as Sheets does', () => {
    const { sheet } = setup();
    expect(sheet.protect().isWarningOnly()).toBe(false);
  });

  it('refuses a warning flag that is not a boolean and a missing description', () => {
    const { sheet } = setup();
    const protection = sheet.protect();
    for (const bad of ['true', 1, undefined]) {
      expect(() => protection.setWarningOnly(bad as unknown as boolean), String(bad)).toThrow("don't match the method signature for SpreadsheetApp.Protection.setWarningOnly");
    }
    expect(() => protection.setDescription(undefined as unknown as string)).toThrow("don't match the method signature for SpreadsheetApp.Protection.setDescription");
    expect(protection.isWarningOnly()).toBe(false);
  });

  it('refuses to protect a sheet that is not a grid', () => {
    const { wb } = setup();
    wb.addSheetOfType('Chart 1', 'OBJECT');
    expect(() => wb.spreadsheet.getSheetByName('Chart 1')!.protect()).toThrow('The action is not supported for OBJECT sheet.');
  });
});

describe('chart header rows', () => {
  it('keeps the header rows through build and modify; Sheets guesses (-1) until told', () => {
    const { sheet, Charts } = setup();
    const guessed = sheet.newChart().setChartType(Charts.ChartType.COLUMN).addRange(sheet.getRange('A1:B6')).setPosition(1, 4, 0, 0).build();
    expect(guessed.getNumHeaders()).toBe(-1);
    sheet.insertChart(sheet.newChart().setChartType(Charts.ChartType.COLUMN).addRange(sheet.getRange('A1:B6')).setNumHeaders(1).setPosition(1, 4, 0, 0).build());
    const chart = sheet.getCharts()[0]!;
    expect(chart.getNumHeaders()).toBe(1);
    sheet.updateChart(chart.modify().setOption('title', 'ROAS by tier').build());
    expect(sheet.getCharts()[0]!.getNumHeaders()).toBe(1);
  });

  it('refuses a header count that is not a number', () => {
    const { sheet } = setup();
    for (const bad of ['1', null, Number.NaN]) {
      expect(() => sheet.newChart().setNumHeaders(bad as unknown as number), String(bad)).toThrow("don't match the method signature for EmbeddedChartBuilder.setNumHeaders");
    }
  });
});

describe('conditional-format formulas across a range', () => {
  it('move a relative column and keep a fixed row, as a tile\'s four cells read its status cell three rows down', () => {
    // The rule's formula is written for the range's top-left cell (A7 of A7:D10); Sheets reads it shifted per cell.
    const rule = '=A$10="● On track"';
    expect(shiftFormula(rule, 0, 0)).toBe(rule);
    expect(shiftFormula(rule, 3, 0)).toBe('=A$10="● On track"');
    expect(shiftFormula(rule, 1, 2)).toBe('=C$10="● On track"');
    expect(shiftFormula(rule, 2, 3)).toBe('=D$10="● On track"');
    // Text inside quotes is never a reference, whatever it looks like.
    expect(shiftFormula('=A$10="A1 on track"', 0, 1)).toBe('=B$10="A1 on track"');
  });
});
