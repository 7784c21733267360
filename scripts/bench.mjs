// Prints the figures that decide how the add-on feels in Sheets. Run with `npm run bench` (it builds first).
// Timings on a shared machine are noisy: read the ratios, which compare runs made side by side.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { importTs } from './load-ts.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const code = readFileSync(join(root, 'dist/Code.js'), 'utf8');
const script = new vm.Script(code, { filename: 'Code.js' });
const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);

/** A fresh context with the bundle evaluated: what every custom-function call pays on Apps Script. */
function freshContext() {
  const context = vm.createContext({});
  script.runInContext(context);
  return context;
}

const ms = (n) => `${n.toFixed(1)} ms`;
function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(fn) {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

console.log(`dist/Code.js: ${Buffer.byteLength(code)} bytes`);

for (let i = 0; i < 20; i++) freshContext(); // warm up V8 before timing
const evalTimes = Array.from({ length: 200 }, () => time(freshContext));
console.log(`evaluate bundle in a fresh vm context: median ${ms(median(evalTimes))} over ${evalTimes.length} runs`);

const followers = Array.from({ length: ROWS }, (_, i) => [1_000 + ((i * 7_919) % 900_000)]);
const rates = Array.from({ length: ROWS }, (_, i) => [`${(i % 15) + 1}%`]);

const cases = [
  { name: 'TIER', array: (c) => c.TIER(followers), single: (c, i) => c.TIER(followers[i][0]) },
  {
    name: 'ROAS_PREDICT',
    array: (c) => c.ROAS_PREDICT(followers, rates, 2_000, 150),
    single: (c, i) => c.ROAS_PREDICT(followers[i][0], rates[i][0], 2_000, 150),
  },
];

for (const { name, array, single } of cases) {
  let rows = 0;
  const arrayMs = time(() => {
    rows = array(freshContext()).length;
  });
  if (rows !== ROWS) throw new Error(`${name} returned ${rows} rows for ${ROWS}`);
  const singleMs = time(() => {
    for (let i = 0; i < ROWS; i++) single(freshContext(), i);
  });
  console.log(
    `${name} over ${ROWS} rows: one array call ${ms(arrayMs)} | ${ROWS} single-cell calls (fresh context each) ${ms(singleMs)} | ratio ${(singleMs / arrayMs).toFixed(0)}x`,
  );
}

// Service calls per build: a tiny workbook against one with a large roster and a large budget. Batched I/O means
// the two are equal: the count follows the shape of the tab, not the size of the data.
const { createMemoryWorkbook } = await importTs('src/offline/workbook/index.ts');
const sidebarHtml = readFileSync(join(root, 'dist/Sidebar.html'), 'utf8');

function addonWith(rosterRows) {
  const context = vm.createContext({});
  const workbook = createMemoryWorkbook({ htmlFiles: { Sidebar: sidebarHtml }, dateConstructor: vm.runInContext('Date', context) });
  workbook.seedSheet('Roster', [
    ['Influencer', 'Platform', 'Followers', 'Engagement rate', 'Cost', 'Revenue', 'Status'],
    ...Array.from({ length: rosterRows }, (_, i) => [`creator${i}`, 'Douyin', 1_000 + i * 37, '6%', 2_000, 9_000, 'Active']),
  ]);
  Object.assign(context, workbook.globals);
  script.runInContext(context);
  return { workbook, context };
}

function callsFor(rosterRows, budget) {
  const { workbook, context } = addonWith(rosterRows);
  const measure = (fn) => {
    workbook.calls.reset();
    fn();
    return workbook.calls.total;
  };
  const request = { budget, currency: 'CNY', stage: 'growth' };
  return {
    getSetup: measure(() => context.getSetup()),
    firstBuild: measure(() => context.buildAllocation(request)),
    rebuild: measure(() => context.buildAllocation(request)),
  };
}

const tiny = callsFor(3, 1_000);
const large = callsFor(20_000, 50_000_000);
console.log('service calls    | getSetup | buildAllocation (new tab) | buildAllocation (refresh)');
for (const [label, c] of [['tiny (3 rows)', tiny], ['large (20,000)', large]]) {
  console.log(`${label.padEnd(16)} | ${String(c.getSetup).padStart(8)} | ${String(c.firstBuild).padStart(25)} | ${String(c.rebuild).padStart(25)}`);
}

// Alerts on the roster: the rules and the status dropdown are ranges open to the bottom of the sheet, the rows are
// read once, so the service calls are the same for 30 rows and 20,000. Builder calls (rule and validation objects,
// no round trip to the spreadsheet) are listed apart: re-applying inspects each cell of the status column that
// already carries a dropdown, to leave a team's own validation alone.
function alertCallsFor(rosterRows) {
  const { workbook, context } = addonWith(rosterRows);
  const measure = (fn) => {
    workbook.calls.reset();
    fn();
    return `${workbook.calls.total} (+${workbook.calls.builder} builder)`;
  };
  return {
    apply: measure(() => context.applyAlerts()),
    reapply: measure(() => context.applyAlerts()),
    remove: measure(() => context.removeAlerts()),
  };
}

const alertsSmall = alertCallsFor(30);
const alertsLarge = alertCallsFor(20_000);
console.log('service calls    | applyAlerts (first) | applyAlerts (again) | removeAlerts');
for (const [label, c] of [['30 rows', alertsSmall], ['20,000 rows', alertsLarge]]) {
  console.log(`${label.padEnd(16)} | ${c.apply.padStart(19)} | ${c.reapply.padStart(19)} | ${c.remove.padStart(12)}`);
}

// The quarterly rebalance on the sample roster (one period) of 30 and 20,000 influencers: the roster is read once and
// each tab written in one batch, so the service calls match; a new tab has 1,000 rows, so the large quarter's lists
// grow it once (insertRowsAfter). Compute time is the whole server call on the in-memory workbook: read, model,
// plan and render, all in one V8 context as on Apps Script.
const { sampleRoster } = await importTs('src/offline/sample.ts');

function rebalanceAddon(count) {
  const context = vm.createContext({});
  const workbook = createMemoryWorkbook({ htmlFiles: { Sidebar: sidebarHtml }, dateConstructor: vm.runInContext('Date', context) });
  const sample = sampleRoster({ count });
  const cell = (c) => (c && typeof c === 'object' ? new Date(`${c.date}T00:00:00Z`) : c);
  workbook.seedSheet('Roster', [sample.headers, ...sample.rows.map((r) => r.map(cell))]);
  Object.assign(context, workbook.globals);
  script.runInContext(context);
  return { workbook, context };
}

function rebalanceFor(count) {
  const { workbook, context } = rebalanceAddon(count);
  const request = { quarter: '2026-Q1' };
  const measure = (fn) => {
    workbook.calls.reset();
    const elapsed = time(fn);
    return { calls: workbook.calls.total, elapsed };
  };
  return { preview: measure(() => context.previewRebalance(request)), first: measure(() => context.buildRebalance(request)), rebuild: measure(() => context.buildRebalance(request)) };
}

const rebalanceSmall = rebalanceFor(30);
const rebalanceLarge = rebalanceFor(20_000);
console.log('buildRebalance   | previewRebalance | buildRebalance (new tab) | buildRebalance (refresh)');
for (const [label, c] of [['30 influencers', rebalanceSmall], ['20,000', rebalanceLarge]]) {
  const cellOf = (m, width) => `${m.calls} calls, ${ms(m.elapsed)}`.padStart(width);
  console.log(`${label.padEnd(16)} | ${cellOf(c.preview, 16)} | ${cellOf(c.first, 24)} | ${cellOf(c.rebuild, 24)}`);
}

// The Dashboard tab on the sample roster of 30 and 20,000 influencers: the roster is read once and the tab written in
// one batch with live formulas over whole columns, so the service calls match whatever the roster's size.
const { sampleRoster: dashboardSample } = await importTs('src/offline/sample.ts');

function dashboardFor(count) {
  const context = vm.createContext({});
  const workbook = createMemoryWorkbook({ htmlFiles: { Sidebar: sidebarHtml }, dateConstructor: vm.runInContext('Date', context) });
  const sample = dashboardSample({ count });
  const cell = (c) => (c && typeof c === 'object' ? new Date(`${c.date}T00:00:00Z`) : c);
  workbook.seedSheet('Roster', [sample.headers, ...sample.rows.map((r) => r.map(cell))]);
  Object.assign(context, workbook.globals);
  script.runInContext(context);
  const measure = (fn) => {
    workbook.calls.reset();
    const elapsed = time(fn);
    return { calls: workbook.calls.total, elapsed };
  };
  return { first: measure(() => context.buildDashboard()), refresh: measure(() => context.buildDashboard()) };
}

const dashboardSmall = dashboardFor(30);
const dashboardLarge = dashboardFor(20_000);
console.log('buildDashboard   | new tab                  | refresh');
for (const [label, c] of [['30 influencers', dashboardSmall], ['20,000', dashboardLarge]]) {
  const cellOf = (m, width) => `${m.calls} calls, ${ms(m.elapsed)}`.padStart(width);
  console.log(`${label.padEnd(16)} | ${cellOf(c.first, 24)} | ${cellOf(c.refresh, 24)}`);
}

// The playground at 300, 5,000 and 20,000 rows, in headless Chromium: from the Enter that commits an edit to the
// frame that shows the server's answer in its cell, the bytes the server sends for it, and the server's memory (heap
// and resident set after a full collection, in a process of its own) once started and after the edits.
const { fork } = await import('node:child_process');
const { launchChromium } = await importTs('test/support/chromium.ts');
const page = await importTs('test/support/playground-page.ts');

function startServer(rows) {
  const child = fork(join(root, 'scripts/bench-playground-server.mjs'), [String(rows)], { execArgv: ['--expose-gc'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const next = () => new Promise((resolve) => child.once('message', resolve));
  return { child, ready: next(), memory: () => (child.send('memory'), next().then((m) => m.memory)), close: () => child.send('close') };
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const browser = await launchChromium();
const results = [];
try {
  for (const rows of [300, 5_000, 20_000]) {
    const server = startServer(rows);
    const { url, startMs, memory: started } = await server.ready;
    const open = await page.openPlaygroundPage(browser, url);
    // The sidebar reads the roster as it opens (the add-on's own work, seconds at 20,000 rows): measured after it.
    await open.page.frameLocator('[data-testid="sidebar-frame"]').getByTestId('roster').filter({ hasText: 'Roster found' }).waitFor({ timeout: 120_000 });
    const last = rows + 1;
    // Text in view, further text, a number the tier formula reads, a formula, and the roster's last row.
    const edits = [
      ['A5', 'Renamed', 'Renamed'],
      ['A6', 'Renamed too', 'Renamed too'],
      ['B7', 'Guangzhou', 'Guangzhou'],
      ['W2', '=1+2', '3'],
      ['W3', '=TIER(120000)', 'Macro'],
      [`A${last}`, 'The last one', 'The last one'],
      [`A${last - 1}`, 'Second to last', 'Second to last'],
    ];
    const timings = [];
    const sizes = [];
    for (const [a1, input, expected] of edits) {
      await page.typeInto(open.page, a1, input);
      let elapsed = 0;
      sizes.push(await open.bytesDuring(async () => (elapsed = await page.timedCommit(open.page, a1, expected))));
      timings.push(elapsed);
    }
    const after = await server.memory();
    await open.close();
    server.close();
    results.push({ rows, startMs, started, after, timings, sizes, offMachine: open.requests.filter((u) => !u.startsWith(url)).length });
  }
} finally {
  await browser.close();
}
console.log('playground   | start    | edit to repaint (median, max) | bytes per edit (median, max) | server heap, RSS idle | after edits');
for (const r of results) {
  const sorted = [...r.timings].sort((a, b) => a - b);
  const bytes = [...r.sizes].sort((a, b) => a - b);
  console.log(
    `${`${r.rows.toLocaleString('en')} rows`.padEnd(12)} | ${ms(r.startMs).padStart(8)} | ${`${ms(median(sorted))}, ${ms(sorted.at(-1))}`.padStart(29)} | ${`${median(bytes)} B, ${bytes.at(-1)} B`.padStart(28)} | ${`${mb(r.started.heapUsed)}, ${mb(r.started.rss)}`.padStart(21)} | ${mb(r.after.heapUsed)}, ${mb(r.after.rss)}`,
  );
  if (r.offMachine) console.log(`  ${r.offMachine} requests left the machine!`);
}
