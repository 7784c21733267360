import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Playground } from '../playground/server';
import { launchChromium } from './support/browser';
import { startTestPlayground } from './support/playground';
import { cellLocator, goTo, openPlaygroundPage, shownText, WAIT, type PlaygroundPage } from './support/playground-page';

/**
 * The playground at real roster sizes, in headless Chromium: a roster of 20,000 influencers whose every row can be
 * reached and edited, input that survives a recalculation, a grid that grows so a spilled result has room, undo, the
 * page's words in Chinese, and not one request off this machine.
 */

const TODAY = '2026-05-01';
const tierOf = (n: number): string => (n >= 500_000 ? 'Mega' : n >= 100_000 ? 'Macro' : n >= 10_000 ? 'Mid' : n >= 1_000 ? 'Micro' : 'Nano');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
}, 30_000);

const expectShown = async (page: Page, a1: string, expected: string | RegExp): Promise<void> => {
  await expect.poll(() => shownText(page, a1), WAIT).toMatch(typeof expected === 'string' ? new RegExp(`^${expected.replace(/[$()*+.?[\\\]^{|}]/g, '\\$&')}$`) : expected);
};

describe('a roster of 20,000 influencers', () => {
  const LAST = 20_001;
  let pg: Playground;
  let open: PlaygroundPage;
  let page: Page;

  beforeAll(async () => {
    const started = Date.now();
    pg = await startTestPlayground({ source: { kind: 'sample', language: 'en', seed: 7, count: 20_000 }, today: TODAY });
    // Generating the roster and evaluating it takes a few seconds; the page itself holds only the rows in view.
    console.log(`20,000-row playground started in ${Date.now() - started} ms`);
    open = await openPlaygroundPage(browser, pg.url);
    page = open.page;
  }, 180_000);
  afterAll(async () => {
    await open?.close();
    await pg?.close();
  }, 30_000);

  const followers = (row: number): number => pg.session.engine.value('Roster', row, 3) as number;

  it('keeps a formula typed while the roster recalculates, and finds it in its cell', async () => {
    // The server's answer to the first formula is held back until the second is being typed, so the grid redraws
    // under the open editor; the recalculation itself is the server's, over all 20,000 rows.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let first = true;
    await page.route('**/api/edit', async (route) => {
      if (!first) return route.continue();
      first = false;
      const response = await route.fetch();
      await held;
      await route.fulfill({ response });
    });
    const before = pg.session.version;

    await goTo(page, 'W2');
    await page.keyboard.type(`=TIER(C2:C${LAST})`);
    await page.keyboard.press('Tab');
    // Shown as typed at once, greyed until the server answers; the selection has moved on.
    await expect.poll(() => cellLocator(page, 'W2').getAttribute('class'), WAIT).toContain('pending');
    expect(await page.getByTestId('cell-ref').inputValue()).toBe('X2');
    await page.keyboard.type('=ROAS_PREDICT(50000,"8%",2000,150)');
    await expect.poll(() => page.getByTestId('busy').isVisible(), WAIT).toBe(true);

    await expect.poll(() => pg.session.version, WAIT).toBe(before + 1); // the server has recalculated the roster
    release();
    await expectShown(page, 'W2', tierOf(followers(2)));
    await expectShown(page, 'W40', tierOf(followers(40)));
    // The grid was redrawn under the editor, which kept every keystroke.
    expect(await page.getByTestId('cell-editor').inputValue()).toBe('=ROAS_PREDICT(50000,"8%",2000,150)');
    await page.keyboard.press('Enter');
    await page.unroute('**/api/edit');

    // The seed's worked example: 50,000 followers at 8%, ¥2,000 a post, ¥150 AOV.
    await expectShown(page, 'X2', '0.45');
    await cellLocator(page, 'X2').click();
    expect(await page.getByTestId('formula-input').inputValue()).toBe('=ROAS_PREDICT(50000,"8%",2000,150)');
    await goTo(page, `W${LAST}`);
    await expectShown(page, `W${LAST}`, tierOf(followers(LAST)));
    expect(await page.getByTestId('toast').isVisible()).toBe(false);
  }, 120_000);

  it('scrolls to row 20,000 and edits it, holding only the rows around it', async () => {
    const grid = page.getByTestId('grid');
    await grid.evaluate((el) => el.scrollTo(0, 0));
    await expectShown(page, 'A2', String(pg.session.engine.value('Roster', 2, 1)));
    await grid.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    const name = String(pg.session.engine.value('Roster', 20_000, 1));
    await expectShown(page, 'A20000', name);
    await expectShown(page, `C${LAST}`, followers(LAST).toLocaleString('en'));
    // The frozen header row stays in view, with its words, 20,000 rows down.
    await expectShown(page, 'C1', 'Followers');
    expect(await page.locator('[data-testid="grid"] tbody tr[data-row]').count()).toBeLessThan(300);

    await cellLocator(page, 'A20000').click();
    await page.keyboard.type('Edited at row 20,000');
    await page.keyboard.press('Enter');
    await expectShown(page, 'A20000', 'Edited at row 20,000');
    expect(pg.session.engine.value('Roster', 20_000, 1)).toBe('Edited at row 20,000');
    expect(await page.getByTestId('cell-ref').inputValue()).toBe(`A${LAST}`);
    expect(open.requests.filter((url) => !url.startsWith(pg.url))).toEqual([]);
  }, 60_000);
});

describe('a roster of 300', () => {
  let pg: Playground;
  let open: PlaygroundPage;
  let page: Page;

  beforeAll(async () => {
    pg = await startTestPlayground({ today: TODAY });
    open = await openPlaygroundPage(browser, pg.url);
    page = open.page;
  }, 120_000);
  afterAll(async () => {
    await open?.close();
    await pg?.close();
  }, 30_000);

  const followers = (row: number): number => pg.session.engine.value('Roster', row, 3) as number;

  it('adds columns so FUNNEL_PREDICT’s six columns have room, and rows at the bottom', async () => {
    await goTo(page, 'W2');
    await page.keyboard.type('=FUNNEL_PREDICT(C2:C301, D2:D301, E2:E301, 150)');
    await page.keyboard.press('Enter');
    // W..AB: the sheet ends at Z, as Sheets says.
    await expectShown(page, 'W2', '#REF!');
    expect(await cellLocator(page, 'W2').getAttribute('title')).toBe('Result was not automatically expanded, please insert more columns (2).');
    expect(await page.locator('thead th.colhead').last().textContent()).toBe('Z');

    await page.getByTestId('add-columns').click();
    await expect.poll(() => page.locator('thead th.colhead').last().textContent(), WAIT).toBe('AJ');
    // Reach: followers x the default 30% reach rate.
    await expect.poll(async () => Number((await shownText(page, 'W2')).replace(/,/g, '')), WAIT).toBeCloseTo(followers(2) * 0.3, 0);
    await goTo(page, 'AB301');
    await expect.poll(() => shownText(page, 'AB301'), WAIT).toMatch(/^\d+(\.\d+)?$/);

    await page.getByTestId('grid').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.getByTestId('add-rows-count').fill('500');
    await page.getByTestId('add-rows').click();
    await expect.poll(() => pg.session.workbook.spreadsheet.getSheetByName('Roster')!.getMaxRows(), WAIT).toBe(1500);
    await page.getByTestId('grid').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect.poll(() => page.locator('tr[data-row="1500"] th.rowhead').textContent(), WAIT).toBe('1500');
    await goTo(page, 'A1500');
    await page.keyboard.type('Row 1,500');
    await page.keyboard.press('Enter');
    await expectShown(page, 'A1500', 'Row 1,500');
  }, 60_000);

  it('undoes the last edits, from the button and with Ctrl+Z', async () => {
    const original = String(pg.session.engine.value('Roster', 2, 1));
    await goTo(page, 'A2');
    await page.keyboard.type('Changed');
    await page.keyboard.press('Enter');
    await expectShown(page, 'A2', 'Changed');
    await page.getByTestId('undo').click();
    await expectShown(page, 'A2', original);
    await expect.poll(() => page.getByTestId('cell-ref').inputValue(), WAIT).toBe('A2');

    // Before that came "Row 1,500" at the bottom, then the funnel formula.
    await page.getByTestId('grid').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => pg.session.engine.value('Roster', 1500, 1), WAIT).toBeNull();
    await page.keyboard.press('Control+z');
    await goTo(page, 'W2');
    await expectShown(page, 'W2', '');
    await expectShown(page, 'AB2', '');
    expect(await page.getByTestId('formula-input').inputValue()).toBe('');
  }, 60_000);

  it('makes no request off this machine, and the sidebar still looks like an add-on', async () => {
    expect(open.requests.length).toBeGreaterThan(5);
    expect(open.requests.filter((url) => !url.startsWith(pg.url))).toEqual([]);
    expect(open.requests).toContain(new URL('/add-ons1.css', pg.url).href);
    const frame = page.frameLocator('[data-testid="sidebar-frame"]');
    const next = frame.getByTestId('next');
    await next.waitFor(WAIT);
    // The add-on's blue action button and its 13 px Arial, without Google's stylesheet.
    expect(await next.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(77, 144, 254)');
    expect(await frame.locator('body').evaluate((el) => [getComputedStyle(el).fontSize, getComputedStyle(el).fontFamily.split(',')[0]])).toEqual(['13px', 'Arial']);
  });
});

describe('a Chinese workbook', () => {
  it('shows the page’s own words in 简体中文', async () => {
    const pg = await startTestPlayground({ source: { kind: 'sample', language: 'zh', seed: 1, count: 300 }, today: TODAY });
    const open = await openPlaygroundPage(browser, pg.url);
    const page = open.page;
    try {
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
      expect(await page.locator('.menu-label').textContent()).toBe('扩展程序 › 达人矩阵');
      expect(await page.getByTestId('undo').textContent()).toBe('撤消');
      expect(await page.getByTestId('reset').textContent()).toBe('重置');
      expect(await page.getByTestId('export').textContent()).toBe('下载 .xlsx');
      expect(await page.getByTestId('open-file').textContent()).toBe('打开文件');
      expect(await page.getByTestId('open-file').getAttribute('title')).toBe('打开达人名单：CSV 或 .xlsx');
      expect(await page.getByTestId('drop-overlay').textContent()).toBe('将 CSV 或 .xlsx 文件拖到这里打开');
      expect(await page.getByTestId('saved-to').textContent()).toBe('仅在内存中');
      expect(await page.getByTestId('add-rows').textContent()).toBe('在底部再添加');
      expect(await page.getByTestId('add-columns').getAttribute('title')).toBe('在右侧添加 10 列');
      expect(await page.getByTestId('sidebar-close').getAttribute('aria-label')).toBe('关闭边栏');
      expect(await page.title()).toBe('达人矩阵示例 · 达人矩阵 本地试用');

      await page.getByTestId('cell-ref').fill('第三行');
      await page.getByTestId('cell-ref').press('Enter');
      await expect.poll(() => page.getByTestId('toast').textContent(), WAIT).toBe('“第三行”不是单元格；请输入如 A1 或 B20000 的单元格。');
      await goTo(page, 'B2');
      await page.keyboard.press('Control+z');
      await expect.poll(() => page.getByTestId('toast').textContent(), WAIT).toBe('没有可撤消的修改。');

      await page.getByTestId('sidebar-close').click();
      await expect.poll(() => page.getByTestId('sidebar').isHidden(), WAIT).toBe(true);
      expect(await (await fetch(new URL('/sidebar', pg.url))).text()).toContain('边栏已关闭。可从“扩展程序 › 达人矩阵”重新打开。');
    } finally {
      await open.close();
      await pg.close();
    }
  }, 90_000);
});
