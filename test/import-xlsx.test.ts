import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importRoster } from '../src/offline/import';
import { handMade, opened, refused, sheetData } from './support/import-files';

/** The .xlsx reader on files other writers produce, and the limits that keep an uploaded file from filling memory. */

describe('SpreadsheetML as other writers spell it', () => {
  it('reads inline and rich strings, prefixed elements, cells without references, errors and 1904 dates; expands no entity', () => {
    const sheet =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>Influencer</x:t></x:is></x:c><x:c t="s"><x:v>0</x:v></x:c><x:c t="inlineStr"><x:is><x:t>Joined</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>Note</x:t></x:is></x:c></x:row>' +
      '<x:row><x:c t="s"><x:v>1</x:v></x:c><x:c><x:f>SUM(1,2)</x:f><x:v>12500</x:v></x:c><x:c s="1"><x:v>44681</x:v></x:c><x:c t="inlineStr"><x:is><x:t xml:space="preserve">line one_x000D_&#10;line two &amp; more</x:t></x:is></x:c></x:row>' +
      '<x:row><x:c t="inlineStr"><x:is><x:t>=HYPERLINK("http://x")</x:t></x:is></x:c><x:c t="e"><x:v>#N/A</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c><!-- a > b --><x:c/></x:row>' +
      '</x:sheetData></x:worksheet>';
    const file = handMade(sheet, {
      'xl/workbook.xml':
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="1"/><sheets><sheet name="Roster" sheetId="1" r:id="rId1"/></sheets></workbook>',
      'xl/sharedStrings.xml':
        '<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' +
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><t>Follow</t></r><r><rPr><b/></rPr><t>ers</t></r><rPh><t>フォロワー</t></rPh></si><si><t>小鹿</t></si><si><t>&b;</t></si></sst>',
      'xl/styles.xml':
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>',
    });
    expect(opened(importRoster(file, 'other.xlsx')).rows).toEqual([
      ['Influencer', 'Followers', 'Joined', 'Note'],
      ['小鹿', 12500, { date: '2026-05-01' }, 'line one\r\nline two & more'],
      ['=HYPERLINK("http://x")', '#N/A', true, '&b;'],
    ]);
  });
});

describe('limits on what one file may hold', () => {
  it('stops a zip bomb at 100 MB unpacked, and refuses archives of too many files or sheets of too many rows', () => {
    const bomb = handMade(sheetData(''), { 'xl/sharedStrings.xml': ' '.repeat(101 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(refused(importRoster(bomb, 'bomb.xlsx'))).toBe('"bomb.xlsx" unpacks to more than 100 MB, too large to open here.');

    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i <= 10_000; i++) many[`f${i}`] = new Uint8Array(0);
    expect(refused(importRoster(zipSync(many, { level: 0 }), 'many.xlsx'))).toBe('"many.xlsx" is a zip archive of more than 10,000 files, not an .xlsx workbook.');

    const far = handMade(sheetData('<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row><row r="100001"><c r="A100001"><v>1</v></c></row>'));
    expect(refused(importRoster(far, 'far.xlsx'))).toBe('"far.xlsx" has more than 100,000 rows, too many to open here.');
    const wide = handMade(sheetData('<row r="1"><c r="ALN1"><v>1</v></c></row>'));
    expect(refused(importRoster(wide, 'wide.xlsx'))).toBe('"wide.xlsx" has more than 1,000 columns, too many to open here.');
    expect(refused(importRoster(new Uint8Array(20 * 1024 * 1024 + 1), 'huge.csv'))).toBe('"huge.csv" is larger than 20 MB, too large to open here.');
  });
});
