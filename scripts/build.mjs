// Builds the Apps Script project into dist/: Code.js (one IIFE plus generated top-level stubs), Sidebar.html
// (the sidebar with its script and styles inlined) and appsscript.json.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { generateStubs } from './stubs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
export const GLOBAL_NAME = 'InfluencerMatrix';
// Every custom-function call loads the whole project: the bench prints the load time this budget buys.
const MAX_BUNDLE_BYTES = 224 * 1024;

async function bundleServer() {
  const result = await build({
    entryPoints: [join(root, 'src/main.ts')],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL_NAME,
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    legalComments: 'none',
    charset: 'utf8',
    // Every custom-function call loads the whole project, so the bundle is fully minified. Users see our own error
    // messages, never identifiers; the public names (custom functions, entry points) are generated stubs and stay.
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: true,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** Reads the registries out of the bundle itself, so the stubs can only name what the bundle really exports. */
function readRegistries(iife) {
  const context = vm.createContext({});
  vm.runInContext(`${iife}\n;this.__help = ${GLOBAL_NAME}.customFunctionHelp; this.__entries = ${GLOBAL_NAME}.entryPointNames;`, context);
  return { help: context.__help, entries: context.__entries };
}

async function bundleSidebar() {
  const page = join(root, 'sidebar/index.html');
  if (!existsSync(page)) return null;
  const script = await build({
    entryPoints: [join(root, 'sidebar/main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
  });
  const css = ['style.css', 'planner.css', 'pages.css'].map((file) => readFileSync(join(root, 'sidebar', file), 'utf8')).join('\n');
  const js = script.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  return readFileSync(page, 'utf8')
    .replace('<!-- inline:style -->', () => `<style>\n${css}</style>`)
    .replace('<!-- inline:script -->', () => `<script>\n${js}</script>`);
}

export async function buildAll() {
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  const iife = await bundleServer();
  const { help, entries } = readRegistries(iife);
  const code = `${iife}\n${generateStubs(GLOBAL_NAME, help, entries)}`;
  if (/^\s*(import|export)\s/m.test(code)) throw new Error('dist/Code.js contains an import/export statement');
  if (Buffer.byteLength(code) > MAX_BUNDLE_BYTES) {
    throw new Error(`dist/Code.js is ${Buffer.byteLength(code)} bytes, over the ${MAX_BUNDLE_BYTES}-byte budget`);
  }
  writeFileSync(join(dist, 'Code.js'), code);
  writeFileSync(join(dist, 'appsscript.json'), readFileSync(join(root, 'appsscript.json')));
  const sidebar = await bundleSidebar();
  if (sidebar) writeFileSync(join(dist, 'Sidebar.html'), sidebar);
  return { codeBytes: Buffer.byteLength(code), functions: help.length, entryPoints: entries.length, sidebar: !!sidebar };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const summary = await buildAll();
  console.log(
    `dist/Code.js ${summary.codeBytes} bytes, ${summary.functions} custom functions, ${summary.entryPoints} entry points` +
      (summary.sidebar ? ', dist/Sidebar.html' : ''),
  );
}
