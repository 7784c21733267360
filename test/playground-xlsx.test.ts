import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { formatGeneral, formatNumber, formatText, isDatePattern } from '../src/offline/number-format';
import { closeRange, columnWidthChars, safeSheetName, writeXlsx, type XlsxWorkbook } from '../src/offline/xlsx';

/** A small workbook with everything the playground exports: literals, formulas, an array result, styles and rules. */
const book: XlsxWorkbook = {
  activeSheet: 1,
  sheets: [
    {
      name: '达人名单',
      frozenRows: 1,
      columnWidths: { 1: 160, 3: 95 },
      cells: [
        { row: 1, column: 1, value: '达人昵称', bold: true, background: '#f1f3f4' },
        { row: 1, column: 3, value: '粉丝数', bold: true, background: '#f1f3f4' },
        { row: 2, column: 1, value: 'Mia <"&"> Chen' },
        { row: 2, column: 3, value: 12_500, numberFormat: '#,##0' },
        { row: 3, column: 1, value: '小鹿' },
        { row: 3, column: 3, value: 640_000, numberFormat: '#,##0' },
        { row: 2, column: 4, formula: '=TIER(C2:C3)', value: 'Mid', arrayRange: 'D2:D3' },
        { row: 3, column: 4, value: 'Mega' },
        { row: 2, column: 5, formula: '=ROAS_PREDICT(50000,"8%",2000,150)', value: 0.45, numberFormat: '0.00' },
        { row: 3, column: 5, formula: '=TIER("lots")', value: { error: '#ERROR!' } },
        { row: 4, column: 1, value: true },
        { row: 4, column: 2, value: 46_142, numberFormat: 'yyyy-mm-dd' },
      ],
    },
    {
      name: 'Allocation',
      tabColor: '#1a73e8',
      merges: ['A1:C1'],
      cells: [
        { row: 1, column: 1, value: 'Influencer budget allocation', bold: true },
        { row: 5, column: 2, value: 30_000, numberFormat: '"¥"#,##0', background: '#e8f0fe' },
        { row: 6, column: 2, formula: '=$B$5*0.5', value: 15_000, numberFormat: '"¥"#,##0', align: 'right' },
        { row: 7, column: 2, formula: '=IF($B$5>0,"On target","")', value: 'On target', color: '#137333' },
        { row: 8, column: 2, formula: '=B5>1', value: true },
      ],
      conditionalFormats: [
        { ranges: ['B6:B7'], condition: { type: 'expression', formula: '=LEN(B6)>0' }, style: { background: '#fce8e6', color: '#a50e0e', bold: true } },
        { ranges: ['B5'], condition: { type: 'cellIs', operator: 'lessThan', formulas: ['0'] }, style: { background: '#fce8e6' } },
        { ranges: ['A2:A'], condition: { type: 'containsText', text: 'Mega' }, style: { color: '#1a73e8' } },
      ],
      validations: [
        { ranges: ['B5'], type: 'decimal', operator: 'greaterThanOrEqual', formula1: '0', reject: true, prompt: 'A budget of 0 or more' },
        { ranges: ['C2:C'], type: 'list', list: ['Prospect', 'Active', 'Say "hi"'], reject: false },
      ],
    },
  ],
};

const bytes = writeXlsx(book);
const parts = unzipSync(bytes);
const xml = (path: string): string => strFromU8(parts[path]!);
const read = XLSX.read(bytes, { type: 'array', cellFormula: true, cellNF: true, cellStyles: true });

describe('writeXlsx', () => {
  it('writes the parts of a SpreadsheetML package', () => {
    expect(Object.keys(parts).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/sharedStrings.xml',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    expect(xml('xl/workbook.xml')).toContain('<workbookView activeTab="1"/>');
    expect(xml('xl/worksheets/sheet2.xml')).toContain('tabSelected="1"');
  });

  it('reopens in a reader with the same values, formulas, cached results and number formats', () => {
    expect(read.SheetNames).toEqual(['达人名单', 'Allocation']);
    const roster = read.Sheets['达人名单']!;
    expect(roster.A1?.v).toBe('达人昵称');
    expect(roster.A2?.v).toBe('Mia <"&"> Chen');
    expect(roster.C2).toMatchObject({ t: 'n', v: 12_500, z: '#,##0' });
    expect(roster.D2).toMatchObject({ f: 'TIER(C2:C3)', F: 'D2:D3', v: 'Mid' });
    expect(roster.D3?.v).toBe('Mega');
    expect(roster.E2).toMatchObject({ f: 'ROAS_PREDICT(50000,"8%",2000,150)', v: 0.45, z: '0.00' });
    // Sheets' #ERROR! is not an Excel error value; the cell still reads as an error.
    expect(roster.E3).toMatchObject({ t: 'e', f: 'TIER("lots")' });
    expect(roster.A4).toMatchObject({ t: 'b', v: true });
    expect(roster.B4).toMatchObject({ v: 46_142, z: 'yyyy-mm-dd' });

    const allocation = read.Sheets.Allocation!;
    expect(allocation.B5).toMatchObject({ v: 30_000, z: '"¥"#,##0' });
    expect(allocation.B6).toMatchObject({ f: '$B$5*0.5', v: 15_000 });
    expect(allocation.B7).toMatchObject({ f: 'IF($B$5>0,"On target","")', v: 'On target', t: 's' });
    expect(allocation.B8).toMatchObject({ f: 'B5>1', v: true, t: 'b' });
    expect(allocation['!merges']).toEqual([XLSX.utils.decode_range('A1:C1')]);
  });

  it('writes conditional formats as rules with their own styles, in Sheets\' order of precedence', () => {
    const sheet = xml('xl/worksheets/sheet2.xml');
    expect(sheet).toContain(
      '<conditionalFormatting sqref="B6:B7"><cfRule type="expression" dxfId="0" priority="1" stopIfTrue="1"><formula>LEN(B6)&gt;0</formula></cfRule></conditionalFormatting>',
    );
    expect(sheet).toContain('<cfRule type="cellIs" dxfId="1" priority="2" stopIfTrue="1" operator="lessThan"><formula>0</formula></cfRule>');
    // An open range ("A2:A", to the end of the sheet) is closed at Excel's last row.
    expect(sheet).toContain('<conditionalFormatting sqref="A2:A1048576"><cfRule type="containsText"');
    expect(sheet).toContain('<formula>NOT(ISERROR(SEARCH("Mega",A2)))</formula>');
    const styles = xml('xl/styles.xml');
    expect(styles).toContain('<dxfs count="3"><dxf><font><b/><color rgb="FFA50E0E"/></font><fill><patternFill><bgColor rgb="FFFCE8E6"/></patternFill></fill></dxf>');
    // Elements in the order the schema requires, or Excel offers to repair the file.
    const order = ['<sheetPr>', '<dimension', '<sheetViews>', '<sheetFormatPr', '<sheetData>', '<mergeCells', '<conditionalFormatting', '<dataValidations', '<pageMargins'];
    const at = order.map((tag) => sheet.indexOf(tag));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('writes data validation, frozen panes, widths, fills, fonts and tab colours', () => {
    const sheet = xml('xl/worksheets/sheet2.xml');
    expect(sheet).toContain(
      '<dataValidation type="decimal" operator="greaterThanOrEqual" allowBlank="1" showInputMessage="1" prompt="A budget of 0 or more" showErrorMessage="1" errorStyle="stop" sqref="B5"><formula1>0</formula1></dataValidation>',
    );
    expect(sheet).toContain('sqref="C2:C1048576"><formula1>"Prospect,Active,Say ""hi"""</formula1>');
    expect(sheet).toContain('<tabColor rgb="FF1A73E8"/>');
    const roster = xml('xl/worksheets/sheet1.xml');
    expect(roster).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(roster).toContain(`<col min="1" max="1" width="${columnWidthChars(160)}" customWidth="1"/>`);
    const styles = xml('xl/styles.xml');
    expect(styles).toContain('<numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>');
    expect(styles).toContain('<numFmt numFmtId="165" formatCode="&quot;¥&quot;#,##0"/>');
    expect(styles).toContain('<fgColor rgb="FFF1F3F4"/>');
    expect(styles).toContain('<font><b/><sz val="10"/><name val="Arial"/><family val="2"/></font>');
    expect(read.Sheets['达人名单']!['!cols']?.[0]?.width).toBe(columnWidthChars(160));
  });

  it('gives each text rule the operator name Excel expects', () => {
    const types = ['containsText', 'notContainsText', 'beginsWith', 'endsWith'] as const;
    const rules = types.map((type) => ({ ranges: ['A1:A9'], condition: { type, text: 'x' }, style: { bold: true } }));
    const sheet = strFromU8(unzipSync(writeXlsx({ sheets: [{ name: 'S', cells: [], conditionalFormats: rules }] }))['xl/worksheets/sheet1.xml']!);
    expect([...sheet.matchAll(/operator="(\w+)"/g)].map((m) => m[1])).toEqual(['containsText', 'notContains', 'beginsWith', 'endsWith']);
  });

  it('escapes text and drops characters XML cannot carry', () => {
    const escaped = writeXlsx({ sheets: [{ name: 'S', cells: [{ row: 1, column: 1, value: 'a\u0001b<c>' }, { row: 1, column: 2, formula: '=A1&"<"', value: 'ab<c><' }] }] });
    const back = XLSX.read(escaped, { type: 'array', cellFormula: true }).Sheets.S!;
    expect(back.A1?.v).toBe('ab<c>');
    expect(back.B1).toMatchObject({ f: 'A1&"<"', v: 'ab<c><' });
  });

  it('is byte-for-byte the same for the same workbook', () => {
    expect(Buffer.from(writeXlsx(book)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('makes sheet names Excel accepts and closes open ranges', () => {
    const taken = new Set<string>();
    expect(safeSheetName('Q3: plan/review [draft]', taken)).toBe('Q3_ plan_review _draft_');
    expect(safeSheetName('A'.repeat(40), taken)).toBe('A'.repeat(31));
    expect(safeSheetName('A'.repeat(40), taken)).toBe(`${'A'.repeat(27)} (2)`);
    expect(closeRange('A2:A')).toBe('A2:A1048576');
    expect(closeRange('B:D')).toBe('B1:D1048576');
    expect(closeRange('2:3')).toBe('A2:XFD3');
    expect(closeRange('B5')).toBe('B5');
    expect(() => writeXlsx({ sheets: [] })).toThrow('at least one sheet');
  });
});

describe('number formats for display', () => {
  it('shows the formats rosters and the add-on use', () => {
    expect(formatNumber(1500, '"¥"#,##0')).toBe('¥1,500');
    expect(formatNumber(-1500, '"¥"#,##0')).toBe('-¥1,500');
    expect(formatNumber(1234567.891, '#,##0')).toBe('1,234,568');
    expect(formatNumber(1234.5, '#,##0.00')).toBe('1,234.50');
    expect(formatNumber(0.45, '0.00')).toBe('0.45');
    expect(formatNumber(0.3, '0%')).toBe('30%');
    expect(formatNumber(0.075, '0.0%')).toBe('7.5%');
    expect(formatNumber(2500, '"HK$"#,##0')).toBe('HK$2,500');
    expect(formatNumber(12, '0 "posts"')).toBe('12 posts');
    expect(formatNumber(0, '#,##0;(#,##0);"-"')).toBe('-');
    expect(formatNumber(-5, '#,##0;(#,##0)')).toBe('(5)');
    expect(formatNumber(1500, '[$¥-804]#,##0')).toBe('¥1,500');
    expect(formatNumber(12.5, '[Red]0.0')).toBe('12.5');
  });

  it('shows date serials under date patterns', () => {
    expect(formatNumber(46_142, 'yyyy-mm-dd')).toBe('2026-04-30');
    expect(formatNumber(46_142, 'd mmm yyyy')).toBe('30 Apr 2026');
    expect(formatNumber(46_142.5625, 'yyyy-mm-dd hh:mm')).toBe('2026-04-30 13:30');
    expect(formatNumber(46_142.5625, 'h:mm AM/PM')).toBe('1:30 PM');
    expect(formatNumber(46_142, 'dddd')).toBe('Thursday');
    expect(isDatePattern('yyyy-mm-dd')).toBe(true);
    expect(isDatePattern('"¥"#,##0')).toBe(false);
  });

  it("uses Sheets' automatic format when there is none", () => {
    expect(formatGeneral(0.45)).toBe('0.45');
    expect(formatGeneral(1 / 3)).toBe('0.3333333333');
    expect(formatGeneral(0.2145)).toBe('0.2145');
    expect(formatGeneral(30000)).toBe('30000');
    expect(formatGeneral(1e20)).toBe('1E+20');
    expect(formatNumber(5, undefined)).toBe('5');
    expect(formatText('Mia', '"@"@')).toBe('@Mia');
    expect(formatText('Mia', '#,##0')).toBe('Mia');
  });
});
