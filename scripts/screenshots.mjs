// Writes the README's pictures, docs/playground.png, docs/sidebar.png and docs/dashboard.png: `npm run screenshots`
// builds dist/ first.
// The pages are set up with the browser tests' own harness (test/support), in the same Chromium the tests use.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importTs, root } from './load-ts.mjs';

const { launchChromium, openSidebar, SIDEBAR_HTML } = await importTs('test/support/browser.ts');
const { createFakeServer, fakeHandler, fakeSetup, FAKE_ROSTER } = await importTs('test/support/fake-server.ts');
const { startTestPlayground } = await importTs('test/support/playground.ts');

const WAIT = { timeout: 20_000 };
const docs = join(root, 'docs');
mkdirSync(docs, { recursive: true });

/** The Sheets sidebar (300 px wide) at the preview step: ¥30,000 a month at maturity, with its two warnings. */
async function sidebarPicture(browser) {
  const setup = fakeSetup({
    roster: { ...FAKE_ROSTER, sheet: 'Roster' },
    sheets: [
      { name: 'Roster', generated: false },
      { name: 'Notes', generated: false },
    ],
  });
  const sidebar = await openSidebar(browser, fakeHandler(createFakeServer(setup)), { html: readFileSync(SIDEBAR_HTML, 'utf8') });
  try {
    const byId = (id) => sidebar.page.getByTestId(id);
    await byId('step-title').filter({ hasText: /\S/ }).waitFor(WAIT);
    await byId('budget').fill('3万');
    await byId('budget-parsed').filter({ hasText: '¥30,000' }).waitFor(WAIT);
    await byId('next').click();
    await byId('stage-maturity').check();
    await byId('next').click();
    await byId('next').click();
    await byId('next').click();
    await byId('row-micro').waitFor(WAIT);
    await byId('warning').nth(1).waitFor(WAIT);
    await sidebar.page.screenshot({ path: join(docs, 'sidebar.png'), fullPage: true });
  } finally {
    await sidebar.close();
  }
}

/** The playground at 1920×1080: the sample roster's Allocation tab, built through the planner sidebar, at 75 %. */
async function playgroundPicture(browser) {
  const playground = await startTestPlayground();
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  try {
    const page = await context.newPage();
    const local = new URL(playground.url).origin;
    await page.route('**/*', (route) => (new URL(route.request().url()).origin === local ? route.continue() : route.abort()));
    await page.goto(playground.url);
    await page.locator('body[data-ready]').waitFor(WAIT);

    const frame = page.frameLocator('[data-testid="sidebar-frame"]');
    await frame.getByTestId('roster').filter({ hasText: 'Roster found' }).waitFor(WAIT);
    await frame.getByTestId('budget').fill('30000');
    await frame.getByTestId('currency').selectOption('CNY');
    await frame.getByTestId('next').click();
    await frame.getByTestId('stage-maturity').check();
    await frame.getByTestId('next').click();
    await frame.getByTestId('next').click();
    await frame.getByTestId('next').click();
    await frame.getByTestId('row-mid').waitFor(WAIT);
    await frame.getByTestId('build').click();
    await frame.getByTestId('status').filter({ hasText: '"Allocation" created' }).waitFor(WAIT);
    await page.locator('[data-testid="tab"][data-sheet="Allocation"][aria-selected="true"]').waitFor(WAIT);
    await page.getByTestId('chart').locator('svg').waitFor(WAIT);

    await page.getByTestId('zoom').selectOption('0.75');
    await page.locator('[data-testid="grid"] td[data-cell="B5"]').click(); // the budget input, its value in the formula bar
    await page.screenshot({ path: join(docs, 'playground.png') });
  } finally {
    await context.close();
    await playground.close();
  }
}

/**
 * The playground at 1920×1080 on the sample roster (on a fixed day, so the picture does not change from run to run):
 * the Dashboard tab after Refresh dashboard in the sidebar (its tiles, tier table and first two charts) and the sidebar's
 * summary of the tiles, at 75 %.
 */
async function dashboardPicture(browser) {
  const playground = await startTestPlayground({ today: '2026-05-15' });
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  try {
    const page = await context.newPage();
    const local = new URL(playground.url).origin;
    await page.route('**/*', (route) => (new URL(route.request().url()).origin === local ? route.continue() : route.abort()));
    await page.goto(playground.url);
    await page.locator('body[data-ready]').waitFor(WAIT);

    const frame = page.frameLocator('[data-testid="sidebar-frame"]');
    await frame.getByTestId('nav-back').click(WAIT);
    await frame.getByTestId('job-dashboard').click(WAIT);
    await frame.getByTestId('roster-confirm').click(WAIT);
    await frame.getByTestId('db-refresh').click(WAIT);
    await frame.getByTestId('status').filter({ hasText: '“Dashboard” created' }).waitFor(WAIT);
    await page.locator('[data-testid="tab"][data-sheet="Dashboard"][aria-selected="true"]').waitFor(WAIT);
    await page.getByTestId('chart').first().locator('svg').waitFor(WAIT);

    await page.getByTestId('zoom').selectOption('0.75');
    await page.locator('[data-testid="grid"] td[data-cell="A8"]').click(); // the first tile's figure, its formula in the formula bar
    await frame.getByTestId('db-tiles').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(docs, 'dashboard.png') });
  } finally {
    await context.close();
    await playground.close();
  }
}

const PICTURES = { sidebar: sidebarPicture, playground: playgroundPicture, dashboard: dashboardPicture };
// `npm run screenshots -- dashboard` writes only the pictures named; with no names, all of them.
const names = process.argv.slice(2);
const unknown = names.filter((name) => !(name in PICTURES));
if (unknown.length) throw new Error(`No picture named ${unknown.join(', ')}; the pictures are ${Object.keys(PICTURES).join(', ')}.`);
const chosen = names.length ? names : Object.keys(PICTURES);

const browser = await launchChromium();
try {
  for (const name of chosen) await PICTURES[name](browser);
} finally {
  await browser.close();
}
console.log(`Wrote ${chosen.map((name) => `docs/${name}.png`).join(', ')}`);
