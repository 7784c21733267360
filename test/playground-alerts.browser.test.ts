import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Playground } from '../playground/server';
import { sampleRoster } from '../src/offline/sample';
import { launchChromium } from './support/browser';
import { startTestPlayground } from './support/playground';
import { cellsDrawn } from './support/playground-page';

/**
 * The alerts through the playground page, as a person uses them: the add-on's menu (Apply alerts, Settings) in the
 * page, the sidebar opening on the page the menu item asks for, toasts in the page, and the roster's cells coloured
 * as the legend counts. The sample roster is generated around a fixed day, so the rows each rule flags are known.
 * The tests run in order and build on each other.
 */

const WAIT = { timeout: 30_000 };
const TODAY = '2026-05-15';
const RED = '#ea9999';

/** Sheet rows of the English sample whose ROAS (revenue over spend) is below `threshold`, from the sample itself. */
function roasBelow(threshold: number): number {
  const sample = sampleRoster({ language: 'en', seed: 1, count: 300, today: TODAY });
  const [revenue, spend] = [sample.headers.indexOf('Revenue'), sample.headers.indexOf('Spend')];
  return sample.rows.filter((row) => {
    const [r, s] = [row[revenue], row[spend]];
    return typeof r === 'number' && typeof s === 'number' && s > 0 && r / s < threshold;
  }).length;
}

let playground: Playground;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [playground, browser] = await Promise.all([startTestPlayground({ today: TODAY }), launchChromium()]);
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  page = await context.newPage();
  const local = new URL(playground.url).origin;
  await page.route('**/*', (route) => (new URL(route.request().url()).origin === local ? route.continue() : route.abort()));
  await page.goto(playground.url);
  await page.locator('body[data-ready]').waitFor(WAIT);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await playground?.close();
}, 30_000);

const sidebar = (): FrameLocator => page.frameLocator('[data-testid="sidebar-frame"]');
const menuItem = (functionName: string) => page.getByTestId(`menu-${functionName}`);

/** Cells of a column the grid draws with a background, looking down the whole sheet. */
const colouredIn = async (column: string, background: string): Promise<number> => (await cellsDrawn(page, column, `background:${background}`)).size;

describe('alerts in the playground page', () => {
  it('shows the add-on’s menu with the alerts and settings items', async () => {
    const captions = await page.getByTestId('menu').locator('button').allTextContents();
    expect(captions.filter((c) => ['Open planner', 'Build allocation', 'Apply alerts', 'Settings'].includes(c))).toEqual([
      'Open planner',
      'Build allocation',
      'Apply alerts',
      'Settings',
    ]);
    expect(await colouredIn('F', RED)).toBe(0);
  });

  it('Apply alerts on an unconfirmed roster opens the roster page with a toast; confirming applies them and the grid shows the legend’s rows', async () => {
    await menuItem('menuApplyAlerts').click();
    await expect.poll(() => page.getByTestId('toast').textContent(), WAIT).toBe('Influencer Matrix: Confirm the roster columns in the sidebar: the alerts are applied as soon as they are saved.');
    const f = sidebar();
    await expect.poll(() => f.getByTestId('page-title').textContent(), WAIT).toBe('Roster & alerts');
    await f.getByTestId('roster-confirm').click(WAIT);
    await f.getByTestId('alerts-legend').waitFor(WAIT);
    const low = roasBelow(2);
    expect(await f.getByTestId('count-roas-low').textContent()).toBe(`${low} rows`);
    await expect.poll(() => colouredIn('F', RED), WAIT).toBe(low);
  }, 90_000);

  it('Settings opens the settings page; a higher ROAS low, applied from the menu, colours more rows', async () => {
    await menuItem('menuSettings').click();
    const f = sidebar();
    await expect.poll(() => f.getByTestId('page-title').textContent(), WAIT).toBe('Settings');
    await expect.poll(() => f.getByTestId('set-roasLow').inputValue(), WAIT).toBe('2');
    await f.getByTestId('set-roasLow').fill('3');
    await f.getByTestId('settings-save').click();
    await expect.poll(() => f.getByTestId('status').textContent(), WAIT).toContain('Settings saved.');

    // The roster is confirmed now, so the menu item applies the alerts at once and says so in a toast.
    await menuItem('menuApplyAlerts').click();
    await expect.poll(() => page.getByTestId('toast').textContent(), WAIT).toMatch(/^Influencer Matrix: Alerts applied to "Roster": 15 rules, \d+ cells coloured now\.$/);
    const low = roasBelow(3);
    expect(low).toBeGreaterThan(roasBelow(2));
    await expect.poll(() => colouredIn('F', RED), WAIT).toBe(low);
  }, 90_000);
});
