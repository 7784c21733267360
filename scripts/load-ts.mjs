// Loads a TypeScript module (src/, playground/) into a Node script: bundled in memory with esbuild and imported from
// a data: URL, so the scripts stay plain JavaScript and nothing is written to disk. npm imports stay external and
// resolve to this checkout's node_modules.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const resolvePackages = {
  name: 'resolve-packages',
  setup(b) {
    // A data: URL module can import absolute URLs but not bare package names, so they are resolved here.
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || builtinModules.includes(args.path)) return { path: args.path, external: true };
      return { path: import.meta.resolve(args.path), external: true };
    });
  },
};

// Test support modules find dist/ and the repository from __dirname, which an ES module does not have: each file
// that uses it gets its own folder.
const dirnameShim = {
  name: 'dirname',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('__dirname')) return undefined;
      return { contents: `const __dirname = ${JSON.stringify(dirname(args.path))};\n${source}`, loader: 'ts' };
    });
  },
};

export async function importTs(relativePath) {
  const result = await build({
    entryPoints: [join(root, relativePath)],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    plugins: [resolvePackages, dirnameShim],
  });
  return import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
}
