// Prints the figures that decide how the add-on feels in Sheets. Run with `npm run bench` (it builds first).
// Timings on a shared machine are noisy: read the ratios, which compare runs made side by side.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

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
