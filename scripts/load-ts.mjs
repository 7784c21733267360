// Loads a TypeScript module from src/ into a Node script by bundling it in memory with esbuild (the scripts stay
// plain JavaScript; no TypeScript loader is needed at run time).
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function importTs(relativePath) {
  const result = await build({
    entryPoints: [join(root, relativePath)],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    packages: 'external',
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}
