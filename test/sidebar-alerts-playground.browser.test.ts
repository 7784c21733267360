import type { FrameLocator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './support/browser-suite';
import { startTestPlayground } from './support/playground';

/**
 * Issue 8 end to end, through the offline playground: the real built add-on on an in-memory workbook, its real
 * sidebar in the page's iframe, the grid drawing the conditional-format colours the add-on wrote. The user corrects
 * the revenue column the detection picked, applies the alerts, and sees the colours on the roster and the legend in
 * the sidebar; then the same in 简体中文.
 *
 * ROAS is revenue / quote (no ROAS or spend column). With the revenue the user means (F):
 * Amy 3,000 / 2,000 = 1.5 (low), Ben 6,000 / 1,000 = 6 (star), Cai 5,000 / 5,000 = 1 (low), Dee 8,000 / 2,000 = 4.
 * With the estimate the detection picked (E) there would be no star at all: 5, 1, 4 and 1.
 */

const WAIT = { timeout: 20_000 };
const RED = 'rgb(234, 153, 153)'; // #ea9999, ROAS low
const GREEN = 'rgb(182, 215, 168)'; // #b6d7a8, ROAS star

const ROWS = (headers: string[], statuses: string[]): string[][] => [
  headers,
  ['Amy', '50000', '8%', '2000', '10000', '3000', statuses[0]!],
  ['Ben', '20000', '5%', '1000', '1000', '6000', statuses[1]!],
  ['Cai', '80000', '4%', '5000', '20000', '5000', statuses[2]!],
  ['Dee', '5000', '12%', '2000', '2000', '8000', statuses[3]!],
];

const suite = browserSuite();

async function openPlayground(rows: string[][], locale: string): Promise<Page> {
  const playground = await startTestPlayground({ source: { kind: 'csv', fileName: 'roster.csv', rows }, locale });
  suite.closeAfter(playground);
  const context = await suite.browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  const local = new URL(playground.url).origin;
  await page.route('**/*', (route) => (new URL(route.request().url()).origin === local ? route.continue() : route.abort()));
  await page.goto(playground.url);
  await page.locator('body[data-ready]').waitFor(WAIT);
  return page;
}

const frame = (page: Page): FrameLocator => page.frameLocator('[data-testid="sidebar-frame"]');
const background = (page: Page, a1: string): Promise<string> =>
  page.locator(`[data-testid="grid"] td[data-cell="${a1}"]`).evaluate((el) => getComputedStyle(el).backgroundColor);

/** From the planner the menu opened, home, then "Roster & alerts"; corrects revenue to column F, confirms, applies. */
async function correctAndApply(page: Page): Promise<FrameLocator> {
  const f = frame(page);
  await f.getByTestId('nav-back').click(WAIT);
  await f.getByTestId('job-roster').click(WAIT);
  await expect.poll(() => f.getByTestId('map-revenue').inputValue(WAIT), WAIT).toBe('5');
  await f.getByTestId('map-revenue').selectOption('6');
  await f.getByTestId('roster-confirm').click();
  await expect.poll(() => f.getByTestId('alerts-apply').isEnabled(), WAIT).toBe(true);
  await f.getByTestId('alerts-apply').click();
  await f.getByTestId('alerts-legend').waitFor(WAIT);
  return f;
}

describe('roster mapping and alerts through the real add-on', () => {
  it('corrects the revenue column, applies alerts, and the roster shows the colours the legend counts', async () => {
    const page = await openPlayground(ROWS(['Influencer', 'Followers', 'Engagement rate', 'Quote', 'Revenue (est.)', 'Actual GMV', 'Status'], ['Active', 'Active', 'Paused', 'Contacted']), 'en_US');
    const f = await correctAndApply(page);
    expect(await f.getByTestId('count-roas-low').textContent()).toBe('2 rows');
    expect(await f.getByTestId('count-roas-star').textContent()).toBe('1 row');
    expect(await f.getByTestId('legend-roas-low').textContent()).toContain('column F “Actual GMV”');
    const swatch = await f.getByTestId('legend-roas-low').getByTestId('swatch').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(swatch).toBe(RED);

    await expect.poll(() => background(page, 'F2'), WAIT).toBe(RED);
    expect(await background(page, 'F3')).toBe(GREEN);
    expect(await background(page, 'F4')).toBe(RED);
    expect([RED, GREEN]).not.toContain(await background(page, 'F5'));
    expect([RED, GREEN]).not.toContain(await background(page, 'E3'));
  }, 90_000);

  it('the same in 简体中文', async () => {
    const page = await openPlayground(ROWS(['达人昵称', '粉丝数', '互动率', '报价', '预估销售额', '实际GMV', '状态'], ['合作中', '合作中', '暂停', '已联系']), 'zh_CN');
    await expect.poll(() => frame(page).getByTestId('nav-back').textContent(WAIT), WAIT).toBe('‹ 达人矩阵');
    const f = await correctAndApply(page);
    expect(await f.getByTestId('page-title').textContent()).toBe('达人名单与预警');
    expect(await f.getByTestId('legend-roas-low').textContent()).toContain('ROAS 偏低');
    expect(await f.getByTestId('count-roas-low').textContent()).toBe('2 行');
    expect(await f.getByTestId('count-roas-star').textContent()).toBe('1 行');

    await expect.poll(() => background(page, 'F2'), WAIT).toBe(RED);
    expect(await background(page, 'F3')).toBe(GREEN);
    expect(await background(page, 'F4')).toBe(RED);
  }, 90_000);
});
