/**
 * Mutation testing of the rules the custom functions and the planner implement (SPEC sections 2-4): `npm run
 * test:mutation` runs this once, then scripts/mutation-thresholds.mjs fails the run when a folder scores below its
 * threshold (90% src/core and src/functions, 80% src/plan).
 *
 * MEASURED lists the modules mutated: the custom functions and the planner. The alerts, dashboard, rebalance and
 * forecast modules are not in it yet: with them the three folders hold over 7,000 mutants, hours on two cores. A
 * module joins with one line here and its tests' file in vitest.mutation.config.mjs. The whole folders, once:
 *   npm run test:mutation -- --mutate "src/core/**,src/functions/**,src/plan/**"
 * (with their tests added to vitest.mutation.config.mjs).
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
const MEASURED = {
  'src/core': ['allocation', 'domain', 'funnel', 'parse', 'result', 'roster', 'scores', 'tiers', 'utm'],
  'src/functions': ['registry', 'vectorize'],
  'src/plan': ['allocation-sheet', 'labels', 'types'],
};

export default {
  mutate: Object.entries(MEASURED).flatMap(([folder, modules]) => modules.map((m) => `${folder}/${m}.ts`)),
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.mjs' },
  coverageAnalysis: 'perTest',
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  clearTextReporter: { reportMutants: false, reportTests: false },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  tempDirName: '.stryker-tmp',
  // The sandbox needs sources and tests only: dist/ is rebuilt by other commands and none of these tests read it.
  ignorePatterns: ['/dist', '/docs', '/out', '/playground-out', '/coverage'],
  cleanTempDir: 'always',
  // One run covers three folders; scripts/mutation-thresholds.mjs applies each folder's own threshold.
  thresholds: { high: 90, low: 80, break: null },
};
