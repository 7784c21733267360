import type { FrameLocator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RosterSource } from '../playground/session';
import { browserSuite } from './support/browser-suite';
import { startTestPlayground } from './support/playground';

/**
 * Issue 10 end to end, through the offline playground: the real built add-on on the sample workbook, its real sidebar
 * in the page's iframe. From the sidebar's Dashboard page the user confirms the roster (the page needs it), refreshes
 * the dashboard and sees its tiles with their status words in the sidebar, and the Dashboard tab with the same
 * statuses and its three charts in the grid. Then the Refresh dashboard menu item on a fresh Chinese sample: the
 * roster page first, and the dashboard refreshes by itself once the columns are confirmed.
 */

const WAIT = { timeout: 30_000 };
const TODAY = '2026-05-15';
const GREEN = 'rgb(182, 215, 168)'; // #b6d7a8, the tab's "on track"
/** The tiles in the tab's order: four in a row, the row's status three rows under its labels (A10:D10, A15:D15). */
const TILES = ['activeInfluencers', 'spend', 'revenue', 'roas', 'cpa', 'contractsExpiring', 'paymentsOverdue', 'followUpsDue'];
const statusCell = (i: number): string => `${'ABCD'[i % 4]}${i < 4 ? 10 : 15}`;

const suite = browserSuite();

async function openPlayground(source: RosterSource): Promise<Page> {
  const playground = await startTestPlayground({ source, today: TODAY });
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
const cell = (page: Page, a1: string) => page.locator(`[data-testid="grid"] td[data-cell="${a1}"]`);
const background = (page: Page, a1: string): Promise<string> => cell(page, a1).evaluate((el) => getComputedStyle(el).backgroundColor);

/** The tiles' status words as the sidebar shows them, and as the grid shows them on the Dashboard tab. */
async function statuses(page: Page): Promise<{ sidebar: string[]; grid: string[] }> {
  const f = frame(page);
  const sidebar = await Promise.all(TILES.map((id) => f.getByTestId(`db-tile-${id}`).getByTestId('db-tile-status').textContent()));
  const grid = await Promise.all(TILES.map((_, i) => cell(page, statusCell(i)).textContent()));
  return { sidebar: sidebar.map((s) => s ?? ''), grid: grid.map((s) => s ?? '') };
}

async function expectDashboardTab(page: Page, sheet: string): Promise<void> {
  await page.locator(`[data-testid="tab"][data-sheet="${sheet}"][aria-selected="true"]`).waitFor(WAIT);
  await expect.poll(() => page.getByTestId('chart').locator('svg').count(), WAIT).toBe(3);
}

describe('the Dashboard page in the sidebar, through the real add-on', () => {
  it('confirms the roster, refreshes the dashboard, and shows the tiles in the sidebar and the tab with its charts', async () => {
    const page = await openPlayground({ kind: 'sample', language: 'en', seed: 1, count: 300 });
    const f = frame(page);
    await f.getByTestId('nav-back').click(WAIT);
    await f.getByTestId('job-dashboard').click(WAIT);
    // The dashboard reads the confirmed roster: the roster page comes first, and goes on to the dashboard.
    expect(await f.getByTestId('page-title').textContent(WAIT)).toBe('Roster & alerts');
    await expect.poll(() => f.getByTestId('roster-confirm').isEnabled(), WAIT).toBe(true);
    await f.getByTestId('roster-confirm').click();
    await expect.poll(() => f.getByTestId('page-title').textContent(), WAIT).toBe('Dashboard');
    expect(await f.getByTestId('db-result').textContent()).toBe('');

    await f.getByTestId('db-refresh').click();
    await f.getByTestId('status').filter({ hasText: '“Dashboard” created.' }).waitFor(WAIT);
    expect(await f.getByTestId('db-heading').textContent()).toBe('“Dashboard”');
    expect(await f.getByTestId('db-refreshed').textContent()).toBe(`Refreshed ${TODAY} 09:00 from 300 roster rows.`);
    await expectDashboardTab(page, 'Dashboard');

    // Every tile says the same in the sidebar as on the tab; spend and revenue have no plan to be judged against.
    const words = await statuses(page);
    expect(words.sidebar).toEqual(words.grid);
    expect(words.sidebar.filter((w) => w !== '').length).toBe(6);
    for (const word of words.sidebar) expect(['', '● On track', '● Watch', '● Act now']).toContain(word);
    expect(await f.getByTestId('db-tile-spend').textContent()).toContain('no plan: build the Allocation tab');
    const green = words.sidebar.indexOf('● On track');
    expect(green).toBeGreaterThanOrEqual(0);
    const tile = f.getByTestId(`db-tile-${TILES[green]}`);
    expect(await tile.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(GREEN);
    expect(await background(page, statusCell(green))).toBe(GREEN);
    // A tile's value is the tab's: the active influencers, and the spend in the currency the sample's money columns
    // are formatted in (yuan), as the planner would use, not the en_US locale's dollars.
    const tileValue = (id: string) => f.getByTestId(`db-tile-${id}`).getByTestId('db-tile-value').textContent();
    expect(await tileValue('activeInfluencers')).toBe(await cell(page, 'A8').textContent());
    expect(await tileValue('spend')).toMatch(/^¥\d{1,3}(,\d{3})+$/);
    expect(await tileValue('spend')).toBe(await cell(page, 'B8').textContent());

    // The sample writes a few revenues as "32.5k": those figures are values as of the refresh, and the page says where.
    expect(await f.getByTestId('db-text-revenue').textContent()).toMatch(/^Column F “Revenue”: \d+ numbers as text, such as [\d.]+k · rows \d+(, \d+)*/);
    expect(await f.getByTestId('db-tile-revenue').textContent()).toContain('as of the refresh');

    // Refreshing again updates the same tab.
    await f.getByTestId('db-refresh').click();
    await f.getByTestId('status').filter({ hasText: '“Dashboard” refreshed.' }).waitFor(WAIT);
    expect(await page.locator('[data-testid="tab"]').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('data-sheet')))).toEqual(['Roster', 'Dashboard']);
  }, 120_000);

  it('the Refresh dashboard menu item on an unconfirmed roster: the roster page, then the dashboard by itself (简体中文)', async () => {
    const page = await openPlayground({ kind: 'sample', language: 'zh', seed: 1, count: 300 });
    await page.getByTestId('menu-menuRefreshDashboard').click();
    await page.getByTestId('toast').filter({ hasText: '请在侧边栏确认达人名单的各列；保存后即刷新看板。' }).waitFor(WAIT);
    const f = frame(page);
    await expect.poll(() => f.getByTestId('page-title').textContent(), WAIT).toBe('达人名单与预警');
    await expect.poll(() => f.getByTestId('roster-confirm').isEnabled(), WAIT).toBe(true);
    await f.getByTestId('roster-confirm').click();

    await f.getByTestId('status').filter({ hasText: '已生成“数据看板”。' }).waitFor(WAIT);
    expect(await f.getByTestId('page-title').textContent()).toBe('数据看板');
    await expectDashboardTab(page, '数据看板');
    const words = await statuses(page);
    expect(words.sidebar).toEqual(words.grid);
    for (const word of words.sidebar) expect(['', '● 正常', '● 关注', '● 预警']).toContain(word);
    expect(await f.getByTestId('db-counts').textContent()).toMatch(/^\d 项达标，\d 项需关注，\d 项需立即处理。$/);
    expect(await f.getByTestId('db-rates').textContent()).toContain('邀约 → 回复');
  }, 120_000);
});
