/**
 * npm run test:mutation [-- stryker options]: one Stryker run over src/core, src/functions and src/plan
 * (stryker.config.mjs), then each folder's score against its own threshold (scripts/mutation-thresholds.mjs).
 * Options pass through to `stryker run`, e.g. `-- --incremental` to re-test only what changed since the last run.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// The package exports no path to its bin, so it is found where npm installs it.
const stryker = join(import.meta.dirname, '..', 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
const started = Date.now();
const run = spawnSync(process.execPath, [stryker, 'run', ...process.argv.slice(2)], { stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);
console.log(`Mutation run took ${Math.round((Date.now() - started) / 1000)} s.`);
const check = spawnSync(process.execPath, [join(import.meta.dirname, 'mutation-thresholds.mjs')], { stdio: 'inherit' });
process.exit(check.status ?? 1);
