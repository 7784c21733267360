import { describe, expect, it } from 'vitest';
import { createMemoryWorkbook } from '../src/offline/workbook/index';

/**
 * What the roster's alert rules and status dropdown ask of the in-memory workbook: list dropdowns with help text on
 * open-ended columns like F2:F, custom-formula rules read back from a user's sheet, and toasts. Each refuses what Apps
 * Script refuses (or documents as a limit), so the add-on cannot pass here and trip in Sheets.
 */

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

function setup() {
  const wb = createMemoryWorkbook();
  const sheet = wb.spreadsheet.getSheets()[0]!;
  return { wb, sheet, SpreadsheetApp: wb.globals.SpreadsheetApp as App };
}

const items = (n: number): string[] => Array.from({ length: n }, (_, i) => `Item ${i + 1}`);

describe('list dropdowns', () => {
  it('take up to 500 items and refuse 501 with Sheets\' message', () => {
    const { sheet, SpreadsheetApp } = setup();
    const ok = SpreadsheetApp.newDataValidation().requireValueInList(items(500), true).build();
    sheet.getRange('F2:F').setDataValidation(ok);
    expect((sheet.getRange('F2').getDataValidation()!.getCriteriaValues()[0] as string[]).length).toBe(500);
    expect(() => SpreadsheetApp.newDataValidation().requireValueInList(items(501), true)).toThrow(
      "The data validation rule has more items than the limit of 500. Use the 'List from a range' criteria instead.",
    );
  });

  it('refuse an empty list, items that are not text, and a dropdown flag that is not a boolean', () => {
    const { SpreadsheetApp } = setup();
    const builder = () => SpreadsheetApp.newDataValidation() as any;
    expect(() => builder().requireValueInList([], true)).toThrow('A dropdown list needs at least one item.');
    expect(() => builder().requireValueInList(['On track', null], true)).toThrow(
      "The parameters (Object[],Boolean) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.",
    );
    expect(() => builder().requireValueInList(['On track'], 'true')).toThrow(
      "The parameters (Object[],String) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.",
    );
    expect(() => builder().requireValueInList('On track, Late')).toThrow(/don't match the method signature/);
  });

  it('refuse help text that is not text and an allow-invalid flag that is not a boolean', () => {
    const { SpreadsheetApp } = setup();
    const builder = () => SpreadsheetApp.newDataValidation().requireValueInList(['On track'], true) as any;
    expect(() => builder().setHelpText(undefined)).toThrow(
      "The parameters (undefined) don't match the method signature for SpreadsheetApp.DataValidationBuilder.setHelpText.",
    );
    expect(() => builder().setHelpText(42)).toThrow(/setHelpText/);
    expect(() => builder().setAllowInvalid('false')).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.DataValidationBuilder.setAllowInvalid.",
    );
    expect(() => builder().setAllowInvalid(0)).toThrow(/setAllowInvalid/);
  });

  it('read back null help text for a rule without any, as Sheets does, so callers must not assume a string', () => {
    const { sheet, SpreadsheetApp } = setup();
    sheet.getRange('F2:F').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['Yes', 'No'], true).build());
    const rules = sheet.getRange('F1:F3').getDataValidations();
    expect(rules[0]).toEqual([null]);
    expect(rules[1]![0]!.getHelpText()).toBeNull();
    expect(SpreadsheetApp.newDataValidation().getHelpText()).toBeNull();
  });

  it('refuse a grid of rules that does not cover the whole open-ended column', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('F2:F').setDataValidations([[null]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 999.',
    );
  });
});

describe('conditional-format rules on open-ended columns', () => {
  it('keep F2:F and the custom formula through set and get', () => {
    const { sheet, SpreadsheetApp } = setup();
    const rule = SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied('=$F2="Late"')
      .setRanges([sheet.getRange('F2:F')])
      .setBackground('#f4cccc')
      .build();
    sheet.setConditionalFormatRules([rule]);
    const got = sheet.getConditionalFormatRules();
    expect(got).toHaveLength(1);
    expect(got[0]!.getRanges().map((r) => r.getA1Notation())).toEqual(['F2:F']);
    expect(got[0]!.getBooleanCondition()!.getCriteriaType()).toBe(SpreadsheetApp.BooleanCriteria.CUSTOM_FORMULA);
    expect(got[0]!.getBooleanCondition()!.getCriteriaValues()).toEqual(['=$F2="Late"']);
  });

  it('refuse a custom formula that is not text', () => {
    const { SpreadsheetApp } = setup();
    expect(() => (SpreadsheetApp.newConditionalFormatRule() as any).whenFormulaSatisfied(undefined)).toThrow(
      "The parameters (undefined) don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.whenFormulaSatisfied.",
    );
  });
});

describe('toasts', () => {
  it('record message and title, and refuse a missing message, a title that is not text or a timeout that is not a number', () => {
    const { wb } = setup();
    const ss = wb.spreadsheet as any;
    ss.toast('"Dashboard" refreshed.', 'Influencer Matrix', 5);
    expect(wb.ui.toasts.at(-1)).toEqual({ message: '"Dashboard" refreshed.', title: 'Influencer Matrix' });
    expect(() => ss.toast()).toThrow("The parameters () don't match the method signature for SpreadsheetApp.Spreadsheet.toast.");
    expect(() => ss.toast(undefined, 'Influencer Matrix')).toThrow(/\(undefined,String\) don't match/);
    expect(() => ss.toast('Done', { text: 'Influencer Matrix' })).toThrow(/\(String,Object\) don't match/);
    expect(() => ss.toast('Done', 'Influencer Matrix', '5')).toThrow(/\(String,String,String\) don't match/);
    expect(wb.ui.toasts).toHaveLength(1);
  });
});
