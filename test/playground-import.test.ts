import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { parseArgs, readRoster } from '../playground/cli';
import type { Playground } from '../playground/server';
import { STATE_FILE } from '../playground/store';
import { postJson, startTestPlayground } from './support/playground';

/** Opening a roster file in a running playground (POST /api/import) and with `npm start -- --roster FILE`. */

type Answer = { ok: boolean; value?: { notice: string; sheetNames: string[]; sheet: string | null }; message?: string; version?: number };

async function upload(pg: Playground, name: string, bytes: Uint8Array, sheet?: string): Promise<{ status: number; answer: Answer }> {
  const query = new URLSearchParams({ name, ...(sheet ? { sheet } : {}) });
  const response = await fetch(new URL(`/api/import?${query.toString()}`, pg.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream' },
    body: new Blob([bytes as Uint8Array<ArrayBuffer>]),
  });
  return { status: response.status, answer: (await response.json()) as Answer };
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const EUROPEAN = utf8('Influencer;Followers;ER\r\nAnna Rossi;489.955;5,1%\r\nLuca Bianchi;1.234.567;3,25%\r\n');
/** 达人昵称,粉丝数 / 小鹿,12.5万 / 李小雨,86000 in GB18030 (达 B4EF 人 C8CB 昵 EAC7 称 B3C6 粉 B7DB 丝 CBBF 数 CAFD 小 D0A1 鹿 C2B9 李 C0EE 雨 D3EA 万 CDF2). */
const GB18030 = Buffer.from('b4efc8cbeac7b3c62cb7dbcbbfcafd0d0ad0a1c2b92c31322e35cdf20d0ac0eed0a1d3ea2c38363030300d0a', 'hex');

function junk(length: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = 11;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const rosterValues = (pg: Playground): unknown[][] => pg.session.workbook.spreadsheet.getSheetByName('Roster')!.getDataRange().getValues();

describe('opening a file in the playground', () => {
  let pg: Playground;
  beforeAll(async () => {
    pg = await startTestPlayground();
  }, 60_000);
  afterAll(() => pg?.close());

  it('changes nothing when the file is refused', async () => {
    expect((await postJson(pg.url, '/api/edit', { sheet: 'Roster', cell: 'A2', input: 'Edited' })).data.ok).toBe(true);
    const session = pg.session;
    const before = JSON.stringify(session.snapshot());
    const ops = JSON.stringify(session.ops);
    const version = session.version;

    const refused = await upload(pg, 'junk.csv', junk(8192));
    expect(refused).toEqual({ status: 200, answer: { ok: false, message: '"junk.csv" is neither a CSV nor an .xlsx file: it holds binary data, not text.', version } });
    expect((await upload(pg, 'report.pdf', utf8('%PDF-1.4\n'))).answer.message).toBe('"report.pdf" is a PDF, not a roster: open a CSV or .xlsx file.');
    const wrongType = await fetch(new URL('/api/import?name=a.csv', pg.url), { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'a,b\n1,2\n' });
    expect(wrongType.status).toBe(415);
    const tooLarge = await upload(pg, 'big.csv', new Uint8Array(20 * 1024 * 1024 + 1));
    expect(tooLarge).toEqual({ status: 413, answer: { ok: false, message: '"big.csv" is larger than 20 MB, too large to open here.', version } });

    expect(pg.session).toBe(session);
    expect(JSON.stringify(session.snapshot())).toBe(before);
    expect(JSON.stringify(session.ops)).toBe(ops);
    expect(session.version).toBe(version);
    expect(session.workbook.spreadsheet.getSpreadsheetLocale()).toBe('en_US');
  });

  it('replaces the workbook with a semicolon CSV of European numbers, and reports how it read it', async () => {
    const { status, answer } = await upload(pg, 'kol-export.csv', EUROPEAN);
    expect(status).toBe(200);
    expect(answer).toEqual({
      ok: true,
      value: { notice: 'Opened "kol-export.csv": 2 rows below the header; UTF-8, semicolon-separated; numbers written 1.234,5.', sheetNames: [], sheet: null },
      version: 0,
    });
    expect(rosterValues(pg)).toEqual([
      ['Influencer', 'Followers', 'ER'],
      ['Anna Rossi', 489955, 0.051],
      ['Luca Bianchi', 1234567, 0.0325],
    ]);
    // A new workbook: the sample's edit, the add-on's state and its tabs are gone.
    const snapshot = pg.session.snapshot();
    expect(snapshot.name).toBe('kol-export');
    expect(snapshot.sheets.map((s) => s.name)).toEqual(['Roster']);
    expect(pg.session.ops).toEqual([]);
    expect(pg.session.workbook.spreadsheet.getSheetByName('Roster')!.getRange('C2').getNumberFormat()).toBe('0.0%');
  });

  it('opens a GB18030 CSV as a Chinese workbook, with its messages in Chinese from then on', async () => {
    const { answer } = await upload(pg, '达人.csv', GB18030);
    expect(answer.value?.notice).toBe('已打开“达人.csv”：表头下 2 行；GB18030，逗号分隔；数字写法 1,234.5。');
    expect(rosterValues(pg)).toEqual([
      ['达人昵称', '粉丝数'],
      ['小鹿', '12.5万'],
      ['李小雨', 86000],
    ]);
    expect(pg.session.workbook.spreadsheet.getSpreadsheetLocale()).toBe('zh_CN');
    expect((await upload(pg, 'junk.bin', junk(512))).answer.message).toBe('“junk.bin”既不是 CSV 也不是 .xlsx 文件：内容是二进制数据，不是文本。');
  });

  it('opens the worksheet picked from an .xlsx file with several', async () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['汇总'], [1]]), '汇总');
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['达人昵称', '粉丝数'], ['小鹿', '3.4万'], ['李小雨', 86000]]), '达人');
    const bytes = new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    expect((await upload(pg, '千瓜.xlsx', bytes)).answer.value).toMatchObject({ sheetNames: ['汇总', '达人'], sheet: '汇总' });
    const { answer } = await upload(pg, '千瓜.xlsx', bytes, '达人');
    expect(answer.value?.notice).toBe('已打开“千瓜.xlsx”：工作表“达人”（第 2 个，共 2 个）；表头下 2 行；数字写法 1,234.5。');
    expect(rosterValues(pg)).toEqual([
      ['达人昵称', '粉丝数'],
      ['小鹿', '3.4万'],
      ['李小雨', 86000],
    ]);
    expect(pg.session.snapshot().name).toBe('千瓜');
  });
});

describe('an opened file kept with --out', () => {
  it('is what the next start reloads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'playground-import-'));
    const first = await startTestPlayground({ outDir: dir });
    try {
      expect((await upload(first, 'kol-export.csv', EUROPEAN)).answer.ok).toBe(true);
      expect((await postJson(first.url, '/api/edit', { sheet: 'Roster', cell: 'D1', input: 'Note' })).data.ok).toBe(true);
    } finally {
      await first.close();
    }
    const saved = JSON.parse(readFileSync(join(dir, STATE_FILE), 'utf8')) as { source: { kind: string; fileName: string }; ops: unknown[] };
    expect(saved.source).toMatchObject({ kind: 'import', fileName: 'kol-export.csv' });
    expect(saved.ops).toEqual([{ kind: 'edit', sheet: 'Roster', cell: 'D1', input: 'Note' }]);
    const second = await startTestPlayground({ outDir: dir });
    try {
      expect(second.resumed).toBe(1);
      expect(rosterValues(second)).toEqual([
        ['Influencer', 'Followers', 'ER', 'Note'],
        ['Anna Rossi', 489955, 0.051, ''],
        ['Luca Bianchi', 1234567, 0.0325, ''],
      ]);
    } finally {
      await second.close();
    }
  }, 60_000);
});

describe('npm start -- --roster FILE.xlsx --sheet NAME', () => {
  it('reads the named worksheet, and refuses a name the file does not have', () => {
    const dir = mkdtempSync(join(tmpdir(), 'playground-import-cli-'));
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Notes']]), 'Notes');
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Influencer', 'Followers'], ['Mia', 12500]]), 'Roster');
    writeFileSync(join(dir, 'book.xlsx'), XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);

    expect(parseArgs(['--roster', 'book.xlsx', '--sheet', 'Roster'])).toMatchObject({ sheet: 'Roster' });
    expect(() => parseArgs(['--sheet', 'Roster'])).toThrow('--sheet goes with --roster, naming a worksheet of its .xlsx file.');
    expect(readRoster('book.xlsx', dir, 'Roster')).toMatchObject({
      kind: 'import',
      fileName: 'book.xlsx',
      sheet: 'Roster',
      rows: [
        ['Influencer', 'Followers'],
        ['Mia', 12500],
      ],
    });
    expect(() => readRoster('book.xlsx', dir, 'Spend')).toThrow('"book.xlsx" has no sheet named "Spend" (its sheets: Notes, Roster).');
  });
});
