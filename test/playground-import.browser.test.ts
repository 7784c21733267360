import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { Playground } from '../playground/server';
import { launchChromium } from './support/browser';
import { startTestPlayground } from './support/playground';

/** Opening a roster file from the playground page: the Open file button, the worksheet picker, and a dropped file. */

const WAIT = { timeout: 20_000 };
let playground: Playground;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [playground, browser] = await Promise.all([startTestPlayground(), launchChromium()]);
  page = await (await browser.newContext({ viewport: { width: 1600, height: 900 } })).newPage();
  const local = new URL(playground.url).origin;
  await page.route('**/*', (route) => (new URL(route.request().url()).origin === local ? route.continue() : route.abort()));
  await page.goto(playground.url);
  await page.locator('body[data-ready]').waitFor(WAIT);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await playground?.close();
}, 30_000);

const cellText = async (a1: string): Promise<string> => ((await page.locator(`[data-testid="grid"] td[data-cell="${a1}"]`).textContent(WAIT)) ?? '').trim();
const toast = async (): Promise<string> => (await page.getByTestId('toast').textContent()) ?? '';

function rosterBook(): Buffer {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Summary'], ['Q2 spend']]), 'Summary');
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet([
      ['达人昵称', '粉丝数', '互动率'],
      ['小鹿', '3.4万', { t: 'n', v: 0.052, z: '0.0%' }],
    ]),
    '达人',
  );
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

describe('opening a roster file from the page', () => {
  it('opens a semicolon CSV chosen with the Open file button and shows how it was read', async () => {
    expect(await cellText('A1')).toBe('Influencer');
    await page.getByTestId('open-file-input').setInputFiles({
      name: 'kol-export.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Influencer;Followers;ER\r\nAnna Rossi;489.955;5,1%\r\n'),
    });
    await expect.poll(() => cellText('B2'), WAIT).toBe('489,955');
    expect(await cellText('C2')).toBe('5.1%');
    expect(await page.getByTestId('workbook-name').textContent()).toBe('kol-export');
    expect(await toast()).toBe('Opened "kol-export.csv": 1 row below the header; UTF-8, semicolon-separated; numbers written 1.234,5.');
    expect(await page.getByTestId('open-file-sheet').isHidden()).toBe(true);
  });

  it('offers the worksheets of an .xlsx file and opens the one picked', async () => {
    await page.getByTestId('open-file-input').setInputFiles({ name: '千瓜.xlsx', mimeType: 'application/octet-stream', buffer: rosterBook() });
    await expect.poll(() => cellText('A1'), WAIT).toBe('Summary');
    const picker = page.getByTestId('open-file-sheet');
    await expect.poll(() => picker.isVisible(), WAIT).toBe(true);
    expect(await picker.locator('option').allTextContents()).toEqual(['Summary', '达人']);
    await picker.selectOption('达人');
    await expect.poll(() => cellText('A1'), WAIT).toBe('达人昵称');
    expect(await cellText('B2')).toBe('3.4万');
    expect(await cellText('C2')).toBe('5.2%');
    await expect.poll(toast, WAIT).toBe('已打开“千瓜.xlsx”：工作表“达人”（第 2 个，共 2 个）；表头下 1 行；数字写法 1,234.5。');
  });

  it('refuses a dropped file of junk bytes in one line, and the workbook stays as it was', async () => {
    const version = await page.evaluate(() => document.body.dataset.version);
    const drop = await page.evaluateHandle(() => {
      const bytes = new Uint8Array(2048);
      let x = 5;
      for (let i = 0; i < bytes.length; i++) {
        x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0;
        bytes[i] = x >>> 24;
      }
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'export.csv', { type: 'text/csv' }));
      return data;
    });
    await page.dispatchEvent('[data-testid="grid"]', 'dragenter', { dataTransfer: drop });
    expect(await page.getByTestId('drop-overlay').isVisible()).toBe(true);
    await page.dispatchEvent('[data-testid="drop-overlay"]', 'drop', { dataTransfer: drop });
    await expect.poll(toast, WAIT).toBe('“export.csv”既不是 CSV 也不是 .xlsx 文件：内容是二进制数据，不是文本。');
    expect(await page.getByTestId('drop-overlay').isHidden()).toBe(true);
    expect(await cellText('A1')).toBe('达人昵称');
    expect(await page.evaluate(() => document.body.dataset.version)).toBe(version);
    expect(playground.session.workbook.spreadsheet.getSheetByName('Roster')!.getRange('A2:B2').getValues()).toEqual([['小鹿', '3.4万']]);
  });
});
