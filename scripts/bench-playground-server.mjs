// The playground server on its own, for `npm run bench`: started with --expose-gc by bench.mjs (forked, so the
// figures are this process's alone), it reports its address and start time, and on request its memory after a
// full garbage collection.
import { performance } from 'node:perf_hooks';
import { importTs } from './load-ts.mjs';

const rows = Number(process.argv[2]);
const { startTestPlayground } = await importTs('test/support/playground.ts');
const started = performance.now();
const playground = await startTestPlayground({ source: { kind: 'sample', language: 'en', seed: 1, count: rows }, today: '2026-05-01' });
const startMs = performance.now() - started;

function memory() {
  globalThis.gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  return { heapUsed, rss };
}

process.on('message', (message) => {
  if (message === 'memory') process.send({ memory: memory() });
  if (message === 'close') void playground.close().then(() => process.exit(0));
});
process.send({ url: playground.url, startMs, memory: memory() });
