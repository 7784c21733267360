import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYOUT } from '../src/plan/allocation-sheet';
import { a1 } from '../src/plan/types';
import { loadAddon } from './support/addon';
import { launchChromium, openSidebar, readSidebarHtml, type OpenSidebar } from './support/browser';
import { createEngine, snapshotGrids } from './support/formula-engine';

/**
 * The real thing end to end: the built sidebar in Chromium, its google.script.run calls executed by the built
 * dist/Code.js in a bare V8 context against an in-memory workbook, and the resulting tab's formulas evaluated by a
 * formula engine.
 */
const WAIT = { timeout: 20_000 };
let browser: Browser;
let html: string;
const open: OpenSidebar[] = [];

beforeAll(async () => {
  html = readSidebarHtml();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await Promise.all(open.map((s) => s.close()));
  await browser?.close();
}, 60_000);

const HOSTILE = '<img src=x onerror="window.__xss=1">达人';

function workbookWithRoster() {
  return loadAddon({
    locale: 'zh_CN',
    sheets: {
      [HOSTILE]: [
        ['达人昵称', '平台', '粉丝数', '互动率', '报价', 'GMV'],
        ['小美', '小红书', '3.4万', '8%', '¥2,000', 9_000],
      ],
    },
  });
}

async function openWith(addon: ReturnType<typeof loadAddon>): Promise<Page> {
  const sidebar = await openSidebar(browser, (name, args) => addon.run(name, ...args), { html });
  open.push(sidebar);
  await sidebar.page.getByTestId('step-title').filter({ hasText: /\S/ }).waitFor(WAIT);
  return sidebar.page;
}

const byId = (page: Page, id: string) => page.getByTestId(id);

describe('sidebar + built bundle + in-memory workbook', () => {
  it('builds an Allocation tab whose formulas give the seed figures and follow a changed budget', async () => {
    const addon = workbookWithRoster();
    const page = await openWith(addon);
    expect(await byId(page, 'roster').textContent()).toContain(HOSTILE); // the real getSetup found it; shown as text
    expect(await page.locator('img').count()).toBe(0);

    await byId(page, 'budget').fill('3万');
    await byId(page, 'next').click();
    await byId(page, 'stage-maturity').check();
    for (let step = 0; step < 3; step++) await byId(page, 'next').click();
    await byId(page, 'preview-table').waitFor(WAIT);
    expect(await byId(page, 'row-mid').textContent()).toContain('15,000');
    expect(await byId(page, 'warning').count()).toBe(2);
    await byId(page, 'build').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="status"]')?.textContent?.includes('预算分配'), undefined, WAIT);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    const snapshot = addon.workbook.snapshot();
    const tab = snapshot.sheets.find((s) => s.name === '预算分配');
    expect(tab, 'the Allocation tab (Chinese workbook)').toBeDefined();
    const engine = createEngine(snapshotGrids(snapshot));
    const budgetOf = (i: number) => engine.value('预算分配', a1(LAYOUT.results.first + i, 2));
    expect([0, 1, 2, 3, 4].map(budgetOf)).toEqual([1_500, 4_500, 15_000, 9_000, 0]);
    expect(engine.value('预算分配', a1(LAYOUT.results.first, 9))).toBe('预算不足最低报价的一条');

    engine.set('预算分配', a1(LAYOUT.budget.row, LAYOUT.budget.column), 300_000);
    expect([0, 1, 2, 3, 4].map(budgetOf)).toEqual([15_000, 45_000, 150_000, 90_000, 0]);
    expect(engine.value('预算分配', a1(LAYOUT.results.first, 9))).toBe('');
  }, 90_000);

  it('shows the server message for bad input and writes nothing', async () => {
    const addon = workbookWithRoster();
    const page = await openWith(addon);
    const before = JSON.stringify(addon.workbook.snapshot().sheets);
    // A request the wizard would never send, straight through google.script.run as any page script could.
    const message = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const run = (window as unknown as { google: { script: { run: any } } }).google.script.run;
          run
            .withSuccessHandler(() => resolve('no error'))
            .withFailureHandler((e: Error) => resolve(e.message))
            .buildAllocation({ budget: 30_000, stage: 'maturity', mix: { mega: 0.5, macro: 0.3, mid: 0.2, micro: 0.2, nano: 0 } });
        }),
    );
    expect(message).toBe('Invalid allocation request: mix: adds up to 120%; it must add up to 100%.');
    expect(JSON.stringify(addon.workbook.snapshot().sheets)).toBe(before);
  }, 60_000);
});
