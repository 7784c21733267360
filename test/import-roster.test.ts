import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importNotice, importRoster } from '../src/offline/import';
import { writeXlsx } from '../src/offline/xlsx';
import { junk, opened, refused, sheetJs, utf8 } from './support/import-files';

/**
 * Opening a roster file (issue: data tools export .xlsx and European CSVs): each fixture is built here, and each
 * expected roster is written out by hand.
 */

describe('an .xlsx export with Chinese headers and 万 values', () => {
  // 报价 mixes a number with "¥1,200" typed as text; 互动率 mixes percentages with "4.1%" typed as text.
  const file = sheetJs(
    [
      [
        '达人',
        [
          ['达人昵称', '平台', '粉丝数', '互动率', '报价', '合同到期'],
          ['小鹿', '小红书', '3.4万', { t: 'n', v: 0.052, z: '0.0%' }, 2000, { t: 'n', v: 46173, z: 'yyyy-mm-dd' }],
          ['李小雨', '抖音', '12.5万', '4.1%', '¥1,200', { t: 'n', v: 46188.75, z: 'yyyy/m/d h:mm' }],
          ['陈一', 'B站', 86000, { t: 'n', v: 0.035, z: '0.0%' }, 800, null],
        ],
      ],
    ],
    { sst: true },
  );

  it('gives the roster: 万 values kept as text for the add-on, numbers and dates typed, text numbers read', () => {
    const roster = opened(importRoster(file, '千瓜导出.xlsx'));
    expect(roster.rows).toEqual([
      ['达人昵称', '平台', '粉丝数', '互动率', '报价', '合同到期'],
      ['小鹿', '小红书', '3.4万', 0.052, 2000, { date: '2026-05-31' }],
      ['李小雨', '抖音', '12.5万', 0.041, 1200, { date: '2026-06-15 18:00:00' }],
      ['陈一', 'B站', 86000, 0.035, 800, null],
    ]);
    expect(roster.numberFormats).toEqual([
      [null, null, null, null, null, null],
      [null, null, null, '0.0%', null, 'yyyy-mm-dd'],
      [null, null, null, '0.0%', '"¥"#,##0', 'yyyy-mm-dd hh:mm:ss'],
      [null, null, null, '0.0%', null, null],
    ]);
    expect(roster).toMatchObject({ sheetNames: ['达人'], sheet: '达人', report: { format: 'xlsx', encoding: null, delimiter: null, ambiguous: [] } });
    // "¥1,200" reads either way on its own; "3.4万", "12.5万" and "4.1%" in the other columns settle it.
    expect(roster.report.columns.find((c) => c.header === '报价')).toEqual({ header: '报价', convention: 'us', decidedBy: 'file' });
    expect(importNotice(roster, '千瓜导出.xlsx', 'zh')).toBe('已打开“千瓜导出.xlsx”：表头下 3 行；数字写法 1,234.5。');
    expect(importNotice(roster, '千瓜导出.xlsx', 'en')).toBe('Opened "千瓜导出.xlsx": 3 rows below the header; numbers written 1,234.5.');
  });

  it('reads the same file written by the playground\'s own exporter, formulas bringing their last value', () => {
    const own = writeXlsx({
      sheets: [
        {
          name: '达人',
          cells: [
            { row: 1, column: 1, value: '达人昵称' },
            { row: 1, column: 2, value: '粉丝数' },
            { row: 1, column: 3, value: '等级' },
            { row: 2, column: 1, value: '小鹿' },
            { row: 2, column: 2, value: 34_000, numberFormat: '#,##0' },
            { row: 2, column: 3, value: 'Mid', formula: 'TIER(B2)' },
          ],
        },
      ],
    });
    expect(opened(importRoster(own, 'own.xlsx')).rows).toEqual([
      ['达人昵称', '粉丝数', '等级'],
      ['小鹿', 34000, 'Mid'],
    ]);
    expect(opened(importRoster(own, 'own.xlsx')).numberFormats[1]).toEqual([null, '#,##0', null]);
  });
});

describe('a GB18030 CSV, as Excel saves "CSV" on Chinese Windows', () => {
  // 达人昵称,粉丝数,互动率,报价,合同到期 / 小鹿,12.5万,5.2%,"2,000",2026-05-31 / 李小雨,86000,3.8%,800,2026-06-15
  // (GB2312 codes: 达 B4EF 人 C8CB 昵 EAC7 称 B3C6 粉 B7DB 丝 CBBF 数 CAFD 互 BBA5 动 B6AF 率 C2CA 报 B1A8 价 BCDB
  // 合 BACF 同 CDAC 到 B5BD 期 C6DA 小 D0A1 鹿 C2B9 李 C0EE 雨 D3EA 万 CDF2), CRLF line ends.
  const bytes = Buffer.from(
    'b4efc8cbeac7b3c62cb7dbcbbfcafd2cbba5b6afc2ca2cb1a8bcdb2cbacfcdacb5bdc6da0d0a' +
      'd0a1c2b92c31322e35cdf22c352e32252c22322c303030222c323032362d30352d33310d0a' +
      'c0eed0a1d3ea2c38363030302c332e38252c3830302c323032362d30362d31350d0a',
    'hex',
  );

  it('is the fixture it claims to be', () => {
    expect(new TextDecoder('gb18030').decode(bytes)).toBe('达人昵称,粉丝数,互动率,报价,合同到期\r\n小鹿,12.5万,5.2%,"2,000",2026-05-31\r\n李小雨,86000,3.8%,800,2026-06-15\r\n');
  });

  it('gives the roster, and says it read GB18030 with commas', () => {
    const roster = opened(importRoster(bytes, 'kol.csv'));
    expect(roster.rows).toEqual([
      ['达人昵称', '粉丝数', '互动率', '报价', '合同到期'],
      ['小鹿', '12.5万', 0.052, 2000, { date: '2026-05-31' }],
      ['李小雨', 86000, 0.038, 800, { date: '2026-06-15' }],
    ]);
    expect(roster.numberFormats.slice(1)).toEqual([
      [null, null, '0.0%', '#,##0', 'yyyy-mm-dd'],
      [null, null, '0.0%', null, 'yyyy-mm-dd'],
    ]);
    expect(roster.report).toMatchObject({ format: 'csv', encoding: 'GB18030', delimiter: ',', ambiguous: [] });
    expect(importNotice(roster, 'kol.csv', 'zh')).toBe('已打开“kol.csv”：表头下 2 行；GB18030，逗号分隔；数字写法 1,234.5。');
  });

  it('tells UTF-8 (with or without BOM) and Windows-1252 apart from GB18030', () => {
    expect(opened(importRoster(utf8('\uFEFF达人昵称\t粉丝数\n小鹿\t3.4万\n'), 'a.tsv')).report).toMatchObject({ encoding: 'UTF-8 with BOM', delimiter: '\t' });
    expect(opened(importRoster(utf8('达人昵称,粉丝数\n小鹿,3.4万\n'), 'a.csv')).report.encoding).toBe('UTF-8');
    // "Name;City / René;Zürich" in Windows-1252 (é E9, ü FC): Latin text, not Chinese (the workbook stays English).
    const latin = Buffer.from([...Buffer.from('Name;City\r\nRen'), 0xe9, ...Buffer.from(';Z'), 0xfc, ...Buffer.from('rich\r\n')]);
    const roster = opened(importRoster(latin, 'villes.csv'));
    expect(roster.report.encoding).toBe('Windows-1252');
    expect(roster.rows).toEqual([
      ['Name', 'City'],
      ['René', 'Zürich'],
    ]);
  });
});

describe('a semicolon CSV with European numbers', () => {
  const csv =
    'Influencer;Followers;ER;Cost per post;Contract end\r\n' +
    'Anna Rossi;489.955;5,1%;€1.250,00;31.05.2026\r\n' +
    'Luca Bianchi;1.234.567;3,25%;€800,00;15.06.2026\r\n' +
    'Marie Dupont;12.400;8%;€95,50;\r\n';

  it('converts every column: 489.955 followers are 489,955, 5,1% is 0.051', () => {
    const roster = opened(importRoster(utf8(csv), 'kol-export.csv'));
    expect(roster.rows).toEqual([
      ['Influencer', 'Followers', 'ER', 'Cost per post', 'Contract end'],
      ['Anna Rossi', 489955, 0.051, 1250, '31.05.2026'],
      ['Luca Bianchi', 1234567, 0.0325, 800, '15.06.2026'],
      ['Marie Dupont', 12400, 0.08, 95.5, null],
    ]);
    expect(roster.numberFormats.slice(1)).toEqual([
      [null, '#,##0', '0.0%', '"€"#,##0.00', null],
      [null, '#,##0', '0.00%', '"€"#,##0.00', null],
      [null, '#,##0', '0%', '"€"#,##0.00', null],
    ]);
    expect(roster.report.columns).toEqual([
      { header: 'Influencer', convention: 'none', decidedBy: null },
      { header: 'Followers', convention: 'european', decidedBy: 'column' },
      { header: 'ER', convention: 'european', decidedBy: 'column' },
      { header: 'Cost per post', convention: 'european', decidedBy: 'column' },
      { header: 'Contract end', convention: 'none', decidedBy: null },
    ]);
    expect(importNotice(roster, 'kol-export.csv', 'en')).toBe('Opened "kol-export.csv": 3 rows below the header; UTF-8, semicolon-separated; numbers written 1.234,5.');
  });

  it('settles a column of 489.955 alone from the file\'s other columns (5,1%)', () => {
    const roster = opened(importRoster(utf8('Influencer;Followers;ER\nAnna;489.955;5,1%\n'), 'issue.csv'));
    expect(roster.rows).toEqual([
      ['Influencer', 'Followers', 'ER'],
      ['Anna', 489955, 0.051],
    ]);
    expect(roster.report.columns[1]).toEqual({ header: 'Followers', convention: 'european', decidedBy: 'file' });
  });

  it('reports a column it cannot settle and keeps its values as written', () => {
    const roster = opened(importRoster(utf8('Influencer;Followers\nAnna;489.955\nLuca;12.400\n'), 'unclear.csv'));
    expect(roster.rows).toEqual([
      ['Influencer', 'Followers'],
      ['Anna', '489.955'],
      ['Luca', '12.400'],
    ]);
    expect(roster.report.ambiguous).toEqual([{ header: 'Followers', example: '489.955' }]);
    expect(importNotice(roster, 'unclear.csv', 'en')).toBe(
      'Opened "unclear.csv": 2 rows below the header; UTF-8, semicolon-separated; kept as text, unclear whether 1,234.5 or 1.234,5: Followers (489.955).',
    );
    expect(importNotice(roster, 'unclear.csv', 'zh')).toBe('已打开“unclear.csv”：表头下 2 行；UTF-8，分号分隔；无法判断是 1,234.5 还是 1.234,5，保留为文本：Followers（489.955）。');

    // A column written both ways, and a file whose columns disagree, settle nothing either.
    const mixed = opened(importRoster(utf8('Name,Followers,Cost\nA,"1,234.5","1,200"\nB,"1.234,5","1,200"\n'), 'mixed.csv'));
    expect(mixed.rows.slice(1)).toEqual([
      ['A', '1,234.5', '1,200'],
      ['B', '1.234,5', '1,200'],
    ]);
    expect(mixed.report.ambiguous).toEqual([
      { header: 'Followers', example: '1,234.5, 1.234,5' },
      { header: 'Cost', example: '1,200' },
    ]);
  });

  it('picks the delimiter that splits the lines evenly, quotes honoured', () => {
    expect(opened(importRoster(utf8('"Name; alias",Followers\n"Mia; M",12\n'), 'q.csv')).rows).toEqual([
      ['Name; alias', 'Followers'],
      ['Mia; M', 12],
    ]);
  });
});

describe('files that are not a roster', () => {
  it('refuses junk bytes with one line, whatever the extension says', () => {
    expect(refused(importRoster(junk(4096), 'junk.csv'))).toBe('"junk.csv" is neither a CSV nor an .xlsx file: it holds binary data, not text.');
    expect(refused(importRoster(junk(4096), '名单.xlsx', { language: 'zh' }))).toBe('“名单.xlsx”既不是 CSV 也不是 .xlsx 文件：内容是二进制数据，不是文本。');
  });

  it('names what it recognises: PDF, .xls, other zip files, an empty file, a quote never closed', () => {
    expect(refused(importRoster(utf8('%PDF-1.7\n%âãÏÓ\n'), 'brief.pdf'))).toBe('"brief.pdf" is a PDF, not a roster: open a CSV or .xlsx file.');
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...junk(504)]);
    expect(refused(importRoster(ole, 'old.xls'))).toBe('"old.xls" is an Excel 97-2003 (.xls) or password-protected file: save it as .xlsx or CSV, then open that.');
    expect(refused(importRoster(zipSync({ 'notes.txt': strToU8('hello') }), 'notes.zip'))).toBe('"notes.zip" is a zip archive, not an .xlsx workbook.');
    expect(refused(importRoster(zipSync({ 'xl/workbook.bin': junk(64) }), 'b.xlsb'))).toBe(
      '"b.xlsb" is an Excel binary workbook (.xlsb): save it as .xlsx or CSV, then open that.',
    );
    expect(refused(importRoster(new Uint8Array(0), 'empty.csv'))).toBe('"empty.csv" is empty.');
    expect(refused(importRoster(utf8('\uFEFF\r\n ; \r\n'), 'blank.csv'))).toBe('"blank.csv" is empty.');
    expect(refused(importRoster(utf8('a,b\n"x,y\n'), 'broken.csv'))).toBe('"broken.csv" cannot be read as CSV: the quoted field starting on line 2 is never closed.');
    const damaged = sheetJs([['S', [['a']]]]).slice(0, 300);
    expect(refused(importRoster(damaged, 'cut.xlsx'))).toBe('"cut.xlsx" looks like an .xlsx workbook but is damaged: open it in Excel and save it again.');
  });
});

describe('an .xlsx file with several sheets', () => {
  const book = (hidden?: number[]): Uint8Array =>
    sheetJs(
      [
        ['Summary', [['Total spend'], [12000]]],
        ['Roster', [['Influencer', 'Followers'], ['Mia', 12500], ['Leo', '3.4万']]],
      ],
      hidden ? { hidden } : {},
    );

  it('opens the first sheet, or the one picked, and says which', () => {
    const first = opened(importRoster(book(), 'book.xlsx'));
    expect(first).toMatchObject({ sheetNames: ['Summary', 'Roster'], sheet: 'Summary', rows: [['Total spend'], [12000]] });
    expect(importNotice(first, 'book.xlsx', 'en')).toBe('Opened "book.xlsx": sheet "Summary" (1 of 2); 1 row below the header.');
    const second = opened(importRoster(book(), 'book.xlsx', { sheet: 'Roster' }));
    expect(second.rows).toEqual([
      ['Influencer', 'Followers'],
      ['Mia', 12500],
      ['Leo', '3.4万'],
    ]);
    // "3.4万" is written 1,234.5-style (3.4, not 34).
    expect(importNotice(second, 'book.xlsx', 'zh')).toBe('已打开“book.xlsx”：工作表“Roster”（第 2 个，共 2 个）；表头下 2 行；数字写法 1,234.5。');
    expect(refused(importRoster(book(), 'book.xlsx', { sheet: 'Spend' }))).toBe('"book.xlsx" has no sheet named "Spend" (its sheets: Summary, Roster).');
  });

  it('skips a hidden first sheet when none is picked', () => {
    expect(opened(importRoster(book([0]), 'book.xlsx')).sheet).toBe('Roster');
  });
});
