import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleRoster, type SampleCell } from '../src/offline/sample';
import type { RebalanceSummary } from '../src/shared/api';
import { loadAddon, type LoadedAddon } from './support/addon';
import { launchChromium, openSidebar, type OpenSidebar } from './support/browser';

/**
 * Issue 9 end to end: the Quarterly rebalance menu item opens the real built sidebar (as the bundle serves it) in
 * Chromium, its google.script.run calls executed by the built dist/Code.js against an in-memory workbook holding the
 * playground's sample roster (300 influencers, a Period column over four quarters). The user confirms the roster,
 * sees the proposal, builds the tab, and sends the proposed mix to the planner, whose forecast says it is calibrated
 * on the roster.
 */
const WAIT = { timeout: 20_000 };
let browser: Browser;
const open: OpenSidebar[] = [];

beforeAll(async () => {
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await Promise.all(open.map((s) => s.close()));
  await browser?.close();
}, 60_000);

const cell = (c: SampleCell): unknown => (c && typeof c === 'object' && 'date' in c ? new Date(`${c.date}T00:00:00Z`) : c);

function sampleWorkbook(language: 'en' | 'zh'): LoadedAddon {
  const sample = sampleRoster({ language });
  return loadAddon({ locale: language === 'zh' ? 'zh_CN' : 'en_US', sheets: { [sample.sheetName]: [sample.headers, ...sample.rows.map((r) => r.map(cell))] } });
}

/** The sidebar the menu item showed, opened in Chromium and answered by the same bundle. */
async function openFromMenu(addon: LoadedAddon): Promise<Page> {
  addon.run('menuRebalance');
  const html = addon.workbook.ui.sidebar!.content;
  const sidebar = await openSidebar(browser, (name, args) => addon.run(name, ...args), { html });
  open.push(sidebar);
  return sidebar.page;
}

const byId = (page: Page, id: string) => page.getByTestId(id);
/** A share as the planner's percent box holds it: 0.1127 -> "11.27". */
const percentBox = (share: number): string => String(Number((share * 100).toFixed(4)));

describe('the Quarterly rebalance page on the sample roster', () => {
  it('goes through the roster first, previews the proposal, builds the tab and sends the mix to the planner', async () => {
    const addon = sampleWorkbook('en');
    const page = await openFromMenu(addon);
    expect(addon.workbook.ui.sidebar!.content).toMatch(/<div id="app"[^>]* data-page="rebalance"/);

    // Not confirmed yet: the roster page comes first and carries on to the rebalance once saved.
    await byId(page, 'page-roster').waitFor(WAIT);
    expect(await byId(page, 'status').textContent()).toContain('Confirm the roster columns first');
    await byId(page, 'map-period').waitFor(WAIT);
    expect(await byId(page, 'map-period').inputValue()).toBe('22'); // the sample's Period column, V
    await byId(page, 'roster-confirm').click();
    await byId(page, 'page-rebalance').waitFor({ state: 'visible', ...WAIT });

    // The preview: the latest quarter of the roster, calibrated on the four quarters.
    await byId(page, 'rb-table').waitFor(WAIT);
    expect(await byId(page, 'rb-heading').textContent()).toBe('2026-Q1 → 2026-Q2');
    expect(await byId(page, 'rb-model').textContent()).toMatch(/^Hill curve calibrated on \d+ influencers \(4 quarters\)/);
    expect(await byId(page, 'rb-quarters').textContent()).toBe('Curves also read 2025-Q2, 2025-Q3, 2025-Q4.');
    expect(await byId(page, 'rb-quarter').locator('option').allTextContents()).toEqual(['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1']);
    expect(await byId(page, 'rb-reasons').locator('li').count()).toBe(5);
    expect(await byId(page, 'rb-expected').textContent()).toMatch(/^Expected ROAS \d\.\d\d now, \d\.\d\d with the proposed mix\.$/);
    expect(await byId(page, 'rb-min-share').inputValue()).toBe('3');
    expect(await byId(page, 'rb-max-change').inputValue()).toBe('5');

    await byId(page, 'rb-build').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="status"]')?.textContent?.includes('Rebalance 2026-Q1'), undefined, WAIT);
    const names = addon.workbook.snapshot().sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Rebalance 2026-Q1', 'Rebalance history']));

    // What the page proposes is what the server proposes; the planner receives it as a custom mix.
    const proposal = addon.run('previewRebalance', {}) as RebalanceSummary;
    await byId(page, 'rb-use-mix').click();
    await byId(page, 'page-planner').waitFor({ state: 'visible', ...WAIT });
    await expect.poll(() => byId(page, 'step-title').textContent(), WAIT).toBe('Tier mix');
    expect(await byId(page, 'stage-custom').isChecked()).toBe(true);
    const shown = await Promise.all(['mega', 'macro', 'mid', 'micro', 'nano'].map((k) => byId(page, `mix-${k}`).inputValue()));
    expect(shown.map(Number)).toEqual(proposal.tiers.map((t) => expect.closeTo(t.proposedShare! * 100, 2)));
    expect(shown).toEqual(shown.map((v) => percentBox(Number(v) / 100)));
    expect(await byId(page, 'mix-total').textContent()).toBe('Total 100%');
    expect(await byId(page, 'mix-source').textContent()).toBe('The mix the rebalance proposes for 2026-Q2.');

    // The planner started from the team's own quarter (nothing was planned yet), so its budget is that spend.
    await byId(page, 'back').click();
    expect(await byId(page, 'budget').inputValue()).toBe(String((addon.run('getSetup') as { teamMix: { spend: number } }).teamMix.spend));
    for (let step = 0; step < 4; step++) await byId(page, 'next').click();
    await byId(page, 'preview-table').waitFor(WAIT);
    expect(await byId(page, 'forecast-basis').textContent()).toMatch(
      /^Forecast calibrated on \d+ influencers of the roster \(2026-Q1 and 3 earlier quarters\)\. “Roster” is each tier's own ROAS in 2026-Q1\.$/,
    );
    expect(Number(await byId(page, 'roas-mid').textContent())).toBeGreaterThan(3); // the seed funnel says 0.225
  });

  it('speaks Chinese in a Chinese workbook and shows every workbook text as text', async () => {
    const addon = sampleWorkbook('zh');
    addon.run('saveRoster', { sheet: '达人名单', headerRow: 1, columns: { name: 1, followers: 3, cost: 5, revenue: 6, spend: 7, status: 14, period: 22 } });
    const page = await openFromMenu(addon);
    await byId(page, 'rb-table').waitFor(WAIT);
    expect(await byId(page, 'page-title').textContent()).toBe('季度调配');
    expect(await byId(page, 'rb-heading').textContent()).toBe('2026-Q1 → 2026-Q2');
    expect(await byId(page, 'rb-table').locator('tbody th').allTextContents()).toEqual(['头部', '肩部', '腰部', '尾部', '素人']);
    expect(await byId(page, 'rb-use-mix').textContent()).toBe('在预算规划中使用此配比');
    expect(await byId(page, 'rb-reasons').locator('li').first().textContent()).toMatch(/^头部 /);
  });

  it('says what is wrong with a bound before asking the server', async () => {
    const addon = sampleWorkbook('en');
    addon.run('saveRoster', { sheet: 'Roster', headerRow: 1, columns: { name: 1, followers: 3, cost: 5, revenue: 6, spend: 7, status: 14, period: 22 } });
    const page = await openFromMenu(addon);
    await byId(page, 'rb-table').waitFor(WAIT);
    await byId(page, 'rb-max-change').fill('150');
    await byId(page, 'rb-preview').click();
    expect(await byId(page, 'rb-input-error').textContent()).toBe('Enter a percentage from 0 to 100.');
    await byId(page, 'rb-max-change').fill('10');
    await byId(page, 'rb-preview').click();
    await expect.poll(() => byId(page, 'rb-input-error').textContent(), WAIT).toBe('');
    // Ten points a quarter: the page shows what the server proposes under the wider bound.
    const wider = addon.run('previewRebalance', { maxChange: 0.1 }) as RebalanceSummary;
    await expect.poll(() => Promise.all([0, 1, 2, 3, 4].map((i) => byId(page, `rb-proposed-${i}`).textContent())), WAIT).toEqual(
      wider.tiers.map((t) => `${Number((t.proposedShare! * 100).toFixed(1))}%`),
    );
  });
});
