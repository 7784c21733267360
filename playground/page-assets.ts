/**
 * What the playground serves besides its API: the page (its script bundled and inlined), the google.script.run
 * shim put into the sidebar, and a stand-in for Google's add-on stylesheet; and the content security policy that
 * keeps every request the page makes on this machine.
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { wordsFor } from './words';

export interface Assets {
  page: string;
  shim: string;
  /** Served in place of Google's add-on stylesheet, which the sidebar links (see withShim). */
  addOnCss: string;
}

async function bundle(root: string, entry: string): Promise<string> {
  const result = await build({
    entryPoints: [join(root, 'playground/client', entry)],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
  });
  // Inlined into <script>: a "</script" inside a string literal must not end the element.
  return result.outputFiles[0]!.text.replace(/<\/script/gi, '<\\/script');
}

export async function buildAssets(root: string): Promise<Assets> {
  const [main, shim] = await Promise.all([bundle(root, 'main.ts'), bundle(root, 'shim.ts')]);
  const css = readFileSync(join(root, 'playground/client/style.css'), 'utf8');
  const page = readFileSync(join(root, 'playground/client/index.html'), 'utf8')
    .replace('<!-- inline:style -->', () => `<style>\n${css}</style>`)
    .replace('<!-- inline:script -->', () => `<script>\n${main}</script>`);
  const addOnCss = readFileSync(join(root, 'playground/client/add-ons.css'), 'utf8');
  return { page, shim: `<script>\n${shim}</script>`, addOnCss };
}

/** Google's add-on stylesheet, which the sidebar links; the playground serves its own so nothing leaves the machine. */
const ADD_ON_STYLESHEET = /https:\/\/ssl\.gstatic\.com\/docs\/script\/css\/add-ons1\.css/g;
export const LOCAL_ADD_ON_STYLESHEET = '/add-ons1.css';

/**
 * Puts the shim first in <head>, before the sidebar's own script looks for google.script.run, and points the add-on
 * stylesheet at the playground's copy.
 */
export function withShim(sidebarHtml: string, shim: string): string {
  const html = sidebarHtml.replace(ADD_ON_STYLESHEET, LOCAL_ADD_ON_STYLESHEET);
  const head = /<head[^>]*>/i.exec(html);
  if (!head) return shim + html;
  const at = head.index + head[0].length;
  return html.slice(0, at) + shim + html.slice(at);
}

/** The sidebar's frame once the sidebar was closed. */
export const closedSidebar = (locale: string): string => `<!DOCTYPE html><meta charset="utf-8"><body style="font:13px Arial,'PingFang SC','Microsoft YaHei',sans-serif;color:#5f6368;padding:16px">
${wordsFor(locale).sidebarClosed}</body>`;

/** Everything the page loads comes from this server; a page that tried to reach further would be stopped here. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
].join('; ');
