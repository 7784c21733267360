import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvError, detectDelimiter, parseCsv } from '../src/offline/csv';
import { parseUserEntry } from '../src/offline/user-entry';
import { decodeText } from '../src/offline/import/encoding';
import { parseArgs, readRoster } from '../playground/cli';

describe('parseCsv', () => {
  it('reads a comma-separated export with a BOM, CRLF line ends and quoted fields', () => {
    const text = '\uFEFFInfluencer,Followers,Bio\r\n"Chen, Mia",12500,"says ""hi""\r\non two lines"\r\nLeo,3.4万,\r\n\r\n';
    expect(parseCsv(text)).toEqual({
      delimiter: ',',
      rows: [
        ['Influencer', 'Followers', 'Bio'],
        ['Chen, Mia', '12500', 'says "hi"\r\non two lines'],
        ['Leo', '3.4万', ''],
      ],
    });
  });

  it('detects tabs (Excel "Unicode text", data-tool exports) and semicolons from the header row', () => {
    expect(parseCsv('达人昵称\t粉丝数\t报价\n小鹿\t"1,200"\t¥800\n').rows).toEqual([
      ['达人昵称', '粉丝数', '报价'],
      ['小鹿', '1,200', '¥800'],
    ]);
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    // A comma inside a quoted header does not vote.
    expect(detectDelimiter('"Cost, ¥"\tFollowers\n')).toBe('\t');
    expect(detectDelimiter('name\n')).toBe(',');
  });

  it('keeps empty fields, lone CR line ends and text after a closing quote', () => {
    expect(parseCsv('a,,c\r1,2,\r"x"y,z').rows).toEqual([
      ['a', '', 'c'],
      ['1', '2', ''],
      ['xy', 'z'],
    ]);
    expect(parseCsv('').rows).toEqual([]);
    expect(parseCsv('\uFEFF\r\n,,\r\n').rows).toEqual([]);
  });

  it('reports an unterminated quote with the line it starts on', () => {
    expect(() => parseCsv('name,bio\nMia,"never closed\nLeo,x')).toThrow(CsvError);
    expect(() => parseCsv('name,bio\nMia,"never closed\nLeo,x')).toThrow('Unterminated quoted field starting on line 2.');
  });
});

describe('parseUserEntry (what typing or importing a value gives)', () => {
  it('recognises numbers, percentages, money, booleans and ISO dates, with the format Sheets would apply', () => {
    expect(parseUserEntry('60000')).toEqual({ kind: 'value', value: 60000 });
    expect(parseUserEntry('-1.5')).toEqual({ kind: 'value', value: -1.5 });
    expect(parseUserEntry('12,500')).toEqual({ kind: 'value', value: 12500, numberFormat: '#,##0' });
    expect(parseUserEntry('8%')).toEqual({ kind: 'value', value: 0.08, numberFormat: '0%' });
    expect(parseUserEntry('7.5%')).toEqual({ kind: 'value', value: 0.075, numberFormat: '0.0%' });
    expect(parseUserEntry('¥2,000')).toEqual({ kind: 'value', value: 2000, numberFormat: '"¥"#,##0' });
    expect(parseUserEntry('$49.90')).toEqual({ kind: 'value', value: 49.9, numberFormat: '"$"#,##0.00' });
    expect(parseUserEntry('HK$300')).toEqual({ kind: 'value', value: 300, numberFormat: '"HK$"#,##0' });
    expect(parseUserEntry('true')).toEqual({ kind: 'value', value: true });
    expect(parseUserEntry('2026-04-30')).toEqual({ kind: 'value', value: { date: '2026-04-30' }, numberFormat: 'yyyy-mm-dd' });
    expect(parseUserEntry('2026/2/3')).toEqual({ kind: 'value', value: { date: '2026-02-03' }, numberFormat: 'yyyy-mm-dd' });
  });

  it('keeps as text what is not plainly a number: 3.4万, 12.5k, ids with leading zeros, impossible dates', () => {
    for (const text of ['3.4万', '12.5k', '0012', '2026-02-30', 'Mia Chen', '1,23', '¥', '  ']) {
      expect(parseUserEntry(text), text).toEqual({ kind: 'value', value: text });
    }
    expect(parseUserEntry('')).toEqual({ kind: 'empty' });
    expect(parseUserEntry("'60000")).toEqual({ kind: 'value', value: '60000' });
  });

  it('makes "=..." a formula when typed, but never when imported from a file', () => {
    expect(parseUserEntry('=TIER(C2)')).toEqual({ kind: 'formula', formula: '=TIER(C2)' });
    expect(parseUserEntry('=HYPERLINK("http://x")', { formulas: false })).toEqual({ kind: 'value', value: '=HYPERLINK("http://x")' });
    expect(parseUserEntry('=')).toEqual({ kind: 'value', value: '=' });
  });
});

describe('reading a roster file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'playground-csv-'));
  const file = (name: string, bytes: string | Uint8Array): string => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };

  it('decodes UTF-8 with or without a BOM, UTF-16 with a BOM, and GB18030 as Excel saves it in China', () => {
    const decodeRoster = (bytes: Uint8Array): string | null => {
      const decoded = decodeText(bytes);
      return decoded.ok ? decoded.text : null;
    };
    expect(decodeRoster(new TextEncoder().encode('\uFEFF达人,粉丝数'))).toBe('达人,粉丝数');
    expect(decodeRoster(new TextEncoder().encode('达人,粉丝数'))).toBe('达人,粉丝数');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('达人\t粉丝数', 'utf16le')]);
    expect(decodeRoster(utf16)).toBe('达人\t粉丝数');
    expect(decodeRoster(Buffer.from('b4efc8cb2cb7dbcbbfcafd', 'hex'))).toBe('达人,粉丝数');
  });

  it('reads a file into a roster source named after it', () => {
    const path = file('qiangua export.csv', '\uFEFF达人昵称,粉丝数\n小鹿,"12,000"\n');
    // "12,000" alone could be twelve thousand or twelve: kept as written, and reported (test/import-roster.test.ts).
    expect(readRoster(path)).toMatchObject({ kind: 'import', fileName: 'qiangua export.csv', rows: [['达人昵称', '粉丝数'], ['小鹿', '12,000']] });
    expect(readRoster('qiangua export.csv', dir)).toMatchObject({ rows: [['达人昵称', '粉丝数'], ['小鹿', '12,000']] });
    expect(readRoster(file('qiangua.csv', '达人昵称,粉丝数\n小鹿,"12,000"\n小雨,8.5\n'))).toMatchObject({ rows: [['达人昵称', '粉丝数'], ['小鹿', 12000], ['小雨', 8.5]] });
  });

  it('says in one line what is wrong with a missing, unreadable or empty file', () => {
    expect(() => readRoster(join(dir, 'nope.csv'))).toThrow(`Cannot read roster file "${join(dir, 'nope.csv')}": no such file.`);
    mkdirSync(join(dir, 'folder.csv'));
    expect(() => readRoster(join(dir, 'folder.csv'))).toThrow('it is a folder');
    expect(() => readRoster(file('empty.csv', ''))).toThrow(/^".*empty\.csv" is empty\.$/);
    expect(() => readRoster(file('blank.csv', '\uFEFF\r\n\r\n'))).toThrow('is empty');
    expect(() => readRoster(file('broken.csv', 'a,b\n"x,y\n'))).toThrow('cannot be read as CSV: the quoted field starting on line 2 is never closed.');
  });
});

describe('npm start options', () => {
  it('defaults to the English sample on port 5178 and writes nowhere', () => {
    expect(parseArgs([])).toEqual({
      port: 5178,
      source: { kind: 'sample', language: 'en', seed: 1, count: 300 },
      outDir: null,
      fresh: false,
      locale: null,
      today: null,
      help: false,
    });
  });

  it('reads every option, in both --flag value and --flag=value forms, and resolves --out from where npm was run', () => {
    const options = parseArgs(['--port=0', '--sample', 'zh', '--seed', '9', '--rows=50', '--out', 'session', '--fresh', '--locale', 'zh_CN', '--today', '2026-11-30'], '/home/me');
    expect(options).toMatchObject({
      port: 0,
      source: { kind: 'sample', language: 'zh', seed: 9, count: 50 },
      outDir: '/home/me/session',
      fresh: true,
      locale: 'zh_CN',
      today: '2026-11-30',
    });
    expect(parseArgs(['--roster', 'my.csv']).source).toEqual({ kind: 'csv', fileName: 'my.csv', rows: [] });
  });

  it('refuses what it does not understand', () => {
    expect(() => parseArgs(['--port', 'eighty'])).toThrow('--port needs a whole number from 0 to 65535, got "eighty".');
    expect(() => parseArgs(['--port'])).toThrow('--port needs a value.');
    expect(() => parseArgs(['--sample', 'fr'])).toThrow('--sample takes en or zh');
    expect(() => parseArgs(['--roster', 'a.csv', '--sample', 'zh'])).toThrow('not both');
    expect(() => parseArgs(['--verbose'])).toThrow('Unknown option "--verbose"');
    expect(() => parseArgs(['--today', '2026-02-30'])).toThrow('--today takes a day written as YYYY-MM-DD, e.g. 2026-11-30, got "2026-02-30".');
    expect(() => parseArgs(['--today=30/11/2026'])).toThrow('--today takes a day written as YYYY-MM-DD');
  });
});
