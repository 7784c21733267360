import { unzipSync, strFromU8 } from 'fflate';
import { readFileSync } from 'node:fs';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { tierOf } from '../src/core/tiers';
import { parseA1 } from '../src/offline/workbook';
import type { Playground } from '../playground/server';
import { launchChromium } from './support/browser';
import { runCli, startTestPlayground } from './support/playground';
import { reveal } from './support/playground-page';

/**
 * The offline playground end to end: the server started here on a free port, the page in headless Chromium with
 * every request off this machine refused, the add-on's real sidebar driven inside its iframe.
 * The tests run in order and build on each other, as a person would use the page.
 */

const WAIT = { timeout: 20_000 };
let playground: Playground;
let browser: Browser;
let page: Page;
const refused: string[] = [];

beforeAll(async () => {
  [playground, browser] = await Promise.all([startTestPlayground(), launchChromium()]);
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, acceptDownloads: true });
  page = await context.newPage();
  const local = new URL(playground.url).origin;
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === local) return route.continue();
    refused.push(url);
    return route.abort();
  });
  await page.goto(playground.url);
  await page.locator('body[data-ready]').waitFor(WAIT);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await playground?.close();
}, 30_000);

const cell = (a1: string) => page.locator(`[data-testid="grid"] td[data-cell="${a1}"]`);
const sidebar = (): FrameLocator => page.frameLocator('[data-testid="sidebar-frame"]');
const tab = (name: string) => page.locator(`[data-testid="tab"][data-sheet="${name}"]`);

/** Clicks a cell, scrolling the grid to it first when its row is not drawn. */
async function clickCell(a1: string): Promise<void> {
  await reveal(page, a1);
  await cell(a1).click();
}

async function cellText(a1: string): Promise<string> {
  await reveal(page, a1);
  return ((await cell(a1).textContent(WAIT)) ?? '').trim();
}

/** Waits for the grid to show `expected` in a cell (it redraws after the server answers). */
async function expectCell(a1: string, expected: string | RegExp): Promise<void> {
  await expect.poll(() => cellText(a1), WAIT).toMatch(typeof expected === 'string' ? new RegExp(`^${expected.replace(/[$()*+.?[\\\]^{|}]/g, '\\$&')}$`) : expected);
}

async function openTab(name: string): Promise<void> {
  await tab(name).click();
  await expect.poll(() => tab(name).getAttribute('aria-selected'), WAIT).toBe('true');
}

describe('the offline playground', () => {
  it('opens on the sample roster with the planner beside it', async () => {
    await expect.poll(() => tab('Roster').getAttribute('aria-selected'), WAIT).toBe('true');
    expect(await cellText('A1')).toBe('Influencer');
    expect(await cellText('C1')).toBe('Followers');
    expect(await cellText('A2')).not.toBe('');
    expect(await cellText('A301')).not.toBe(''); // 300 influencers under the header
    expect(await cellText('A302')).toBe('');
    expect(await cellText('C2')).toMatch(/^\d{1,3}(,\d{3})*$/); // "#,##0" applied for display
    expect(await cellText('D2')).toMatch(/^\d+\.\d%$/);
    expect(await cellText('E2')).toMatch(/^¥[\d,]+$/);
    await expect.poll(() => sidebar().getByTestId('roster').textContent(), WAIT).toContain('Roster found on sheet “Roster”, 22 columns');
    expect(await page.getByTestId('menu').textContent()).toContain('Open planner');
  });

  it('builds the Allocation tab through the sidebar wizard: ¥30,000 at maturity', async () => {
    const f = sidebar();
    await f.getByTestId('budget').fill('30000');
    // The sample workbook is en_US, which suggests dollars; the team plans in yuan.
    await f.getByTestId('currency').selectOption('CNY');
    await f.getByTestId('next').click();
    await f.getByTestId('stage-maturity').check();
    await f.getByTestId('next').click();
    await f.getByTestId('next').click();
    await f.getByTestId('next').click();
    await f.getByTestId('row-mid').waitFor(WAIT);
    expect(await f.getByTestId('row-mid').textContent()).toContain('¥15,000');
    await f.getByTestId('build').click();
    await expect.poll(() => f.getByTestId('status').textContent(), WAIT).toContain('"Allocation" created');

    // Creating the tab makes it the active one, as in Sheets, and the grid follows.
    await expect.poll(() => tab('Allocation').getAttribute('aria-selected'), WAIT).toBe('true');
    await expectCell('B5', '¥30,000');
    await expectCell('B25', '¥1,500');
    await expectCell('B26', '¥4,500');
    await expectCell('B27', '¥15,000');
    await expectCell('B28', '¥9,000');
    await expectCell('B30', '¥30,000');
    await expectCell('I25', 'Buys less than one post at the cheapest rate');
    // Conditional formats, evaluated per cell: the warning column and the below-target band are coloured.
    expect(await cell('I25').getAttribute('style')).toContain('background:#fce8e6');
    expect(await cell('I27').getAttribute('style') ?? '').not.toContain('background:#fce8e6');
    // The target column is banded by what it says: below target amber, on target green.
    for (const row of [25, 26, 27, 28]) {
      const verdict = await cellText(`H${row}`);
      const band = verdict === 'Below target' ? 'background:#fef7e0' : verdict === 'On target' ? 'background:#e6f4ea' : null;
      if (band) expect(await cell(`H${row}`).getAttribute('style'), `H${row} ${verdict}`).toContain(band);
      else expect(await cell(`H${row}`).getAttribute('style') ?? '', `H${row}`).not.toMatch(/#fef7e0|#e6f4ea/);
    }
    expect(await page.getByTestId('chart').locator('svg').count()).toBe(1);
    expect(await page.getByTestId('chart').textContent()).toContain('Budget by tier');
  });

  it('recalculates every figure when the budget cell is changed to 60000', async () => {
    await clickCell('B5');
    await page.keyboard.type('60000');
    await page.keyboard.press('Enter');
    await expectCell('B5', '¥60,000');
    await expectCell('B27', '¥30,000');
    await expectCell('B25', '¥3,000');
    await expectCell('B30', '¥60,000');
    // The shaded input keeps its number format and validation: a negative budget is refused with the help text.
    await clickCell('B5');
    await page.keyboard.type('-5');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('toast').textContent(), WAIT).toContain('A budget of 0 or more');
    await expectCell('B5', '¥60,000');
  });

  it('computes custom functions typed into the grid, spilling a column result', async () => {
    await openTab('Roster');
    await clickCell('X2');
    await page.keyboard.type('=TIER(C2:C301)');
    await page.keyboard.press('Enter');
    await expect.poll(() => cellText('X2'), WAIT).toMatch(/^(Mega|Macro|Mid|Micro|Nano)$/);
    for (const row of [2, 3, 4, 150, 301]) {
      const followers = Number((await cellText(`C${row}`)).replace(/,/g, ''));
      expect({ ok: true, value: await cellText(`X${row}`) }, `X${row} for ${followers} followers`).toEqual(tierOf(followers));
    }
    expect(await cellText('X302')).toBe('');

    // Through the formula bar this time: the seed's worked example, 50,000 followers at 8%, ¥2,000, AOV ¥150.
    await clickCell('Y2');
    await page.getByTestId('formula-input').fill('=ROAS_PREDICT(50000,"8%",2000,150)');
    await page.getByTestId('formula-input').press('Enter');
    await expectCell('Y2', '0.45');
    await clickCell('Y2');
    expect(await page.getByTestId('formula-input').inputValue()).toBe('=ROAS_PREDICT(50000,"8%",2000,150)');

    // A bad argument shows #ERROR! with the add-on's message on hover, as in Sheets.
    await clickCell('Z2');
    await page.keyboard.type('=TIER("lots")');
    await page.keyboard.press('Enter');
    await expectCell('Z2', '#ERROR!');
    expect(await cell('Z2').getAttribute('title')).toContain('TIER: followers');
  });

  it('downloads an .xlsx that a reader opens with the same formulas, values and conditional formats', async () => {
    const [download] = await Promise.all([page.waitForEvent('download', WAIT), page.getByTestId('export').click()]);
    expect(download.suggestedFilename()).toBe('Influencer Matrix sample.xlsx');
    const bytes = readFileSync((await download.path())!);
    const book = XLSX.read(bytes, { type: 'buffer', cellFormula: true, cellNF: true });
    expect(book.SheetNames).toEqual(['Roster', 'Allocation']);

    const snapshot = playground.session.snapshot();
    const engine = playground.session.engine;
    let formulas = 0;
    for (const sheet of snapshot.sheets) {
      const ws = book.Sheets[sheet.name]!;
      for (const [ref, c] of Object.entries(sheet.cells)) {
        const { row, column } = parseA1(ref)!;
        const exported = ws[ref] as XLSX.CellObject | undefined;
        const shown = engine.value(sheet.name, row, column);
        if (c.f !== undefined) {
          formulas++;
          expect(`=${exported?.f}`, `${sheet.name}!${ref} formula`).toBe(c.f);
        }
        if (shown === null || shown === '') continue;
        // The engine shows numbers rounded to about 11 significant digits; the file keeps them whole.
        if (typeof shown === 'number') expect(Math.abs((exported?.v as number) - shown), `${sheet.name}!${ref}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(shown)));
        else if (typeof shown === 'object') expect(exported?.t, `${sheet.name}!${ref} error`).toBe('e');
        else expect(exported?.v, `${sheet.name}!${ref}`).toBe(shown);
      }
    }
    expect(formulas).toBeGreaterThan(60);

    const allocation = book.Sheets.Allocation!;
    expect(allocation.B5?.v).toBe(60000);
    expect(allocation.B5?.z).toBe('"¥"#,##0');
    expect(allocation.B27?.f).toBe('$B$5*B18');
    expect(allocation.B27?.v).toBe(30000);
    const roster = book.Sheets.Roster!;
    // The custom function is exported as its formula over the block it fills, each cell with its cached result.
    expect(roster.X2?.f).toBe('TIER(C2:C301)');
    expect(roster.X2?.F).toBe('X2:X301');
    expect(roster.X301?.v).toBe(engine.value('Roster', 301, 24));
    expect(roster.Y2?.f).toBe('ROAS_PREDICT(50000,"8%",2000,150)');
    expect(roster.Y2?.v).toBeCloseTo(0.45, 12);

    const parts = unzipSync(new Uint8Array(bytes));
    const sheetXml = strFromU8(parts['xl/worksheets/sheet2.xml']!);
    expect(sheetXml).toContain('<conditionalFormatting sqref="I25:I30"><cfRule type="expression"');
    expect(sheetXml).toContain('<formula>LEN(I25)&gt;0</formula>');
    expect(sheetXml).toContain('<dataValidation type="decimal" operator="greaterThanOrEqual"');
    expect(strFromU8(parts['xl/styles.xml']!)).toContain('<bgColor rgb="FFFCE8E6"/>');
  });

  it('keeps the workbook across a page reload', async () => {
    await page.reload();
    await page.locator('body[data-ready]').waitFor(WAIT);
    // The last tab used stays open, and nothing built or typed is lost.
    await expect.poll(() => tab('Roster').getAttribute('aria-selected'), WAIT).toBe('true');
    await expect.poll(() => cellText('X2'), WAIT).toMatch(/^(Mega|Macro|Mid|Micro|Nano)$/);
    await expectCell('Y2', '0.45');
    await openTab('Allocation');
    await expectCell('B5', '¥60,000');
    await expectCell('B27', '¥30,000');
    // Nothing tried to leave the machine: the sidebar's add-on stylesheet is served by the playground itself.
    expect(refused).toEqual([]);
  });

  it('says clearly that the port is taken when a second playground starts on it', async () => {
    const run = await runCli(['--port', String(playground.port)]);
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toEqual([`Influencer Matrix playground: port ${playground.port} is already in use; stop what is using it or pick another port with --port N (--port 0 picks a free one).`]);
  });
});
