/**
 * The playground's HTTP server (node:http, bound to 127.0.0.1 only): the page, the add-on's sidebar with a
 * google.script.run shim, and a small JSON API over one PlaygroundSession.
 */
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { exportWorkbook } from './export';
import { PlaygroundSession, type Outcome, type RosterSource } from './session';
import { loadSession, saveSession, savedSession, writeAtomically } from './store';
import { workbookView, type WorkbookView } from './view';

export const HOST = '127.0.0.1';
export const DEFAULT_PORT = 5178;
const MAX_BODY_BYTES = 5 * 1024 * 1024;

export interface PlaygroundOptions {
  /** The repository root: dist/ and playground/client/ are read from here. */
  root: string;
  source: RosterSource;
  /** 0 picks a free port. */
  port?: number;
  locale?: string;
  /** The day the workbook lives on ("2026-11-30"); without it, the real clock (see SessionOptions.today). */
  today?: string;
  /** The only folder the playground writes to: the session state after each change, and exports. */
  outDir?: string | null;
  /** Ignore a session saved in outDir and start over from `source`. */
  fresh?: boolean;
  /** Where notices go (a saved session that could not be fully replayed, for example). */
  log?: (line: string) => void;
}

export interface Playground {
  url: string;
  port: number;
  readonly session: PlaygroundSession;
  /** Changes replayed from a saved session at start-up (0 for a new session). */
  resumed: number;
  close(): Promise<void>;
}

export class PlaygroundError extends Error {}

interface Assets {
  page: string;
  shim: string;
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

async function buildAssets(root: string): Promise<Assets> {
  const [main, shim] = await Promise.all([bundle(root, 'main.ts'), bundle(root, 'shim.ts')]);
  const css = readFileSync(join(root, 'playground/client/style.css'), 'utf8');
  const page = readFileSync(join(root, 'playground/client/index.html'), 'utf8')
    .replace('<!-- inline:style -->', () => `<style>\n${css}</style>`)
    .replace('<!-- inline:script -->', () => `<script>\n${main}</script>`);
  return { page, shim: `<script>\n${shim}</script>` };
}

function readDist(root: string): { code: string; sidebarHtml: string } {
  const code = join(root, 'dist/Code.js');
  const sidebar = join(root, 'dist/Sidebar.html');
  for (const file of [code, sidebar]) {
    if (!existsSync(file)) throw new PlaygroundError(`${file} is missing: run \`npm run build\` first (\`npm start\` does).`);
  }
  return { code: readFileSync(code, 'utf8'), sidebarHtml: readFileSync(sidebar, 'utf8') };
}

/** Puts the shim first in <head>, before the sidebar's own script looks for google.script.run. */
function withShim(html: string, shim: string): string {
  const head = /<head[^>]*>/i.exec(html);
  if (!head) return shim + html;
  const at = head.index + head[0].length;
  return html.slice(0, at) + shim + html.slice(at);
}

const CLOSED_SIDEBAR = `<!DOCTYPE html><meta charset="utf-8"><body style="font:13px Arial,sans-serif;color:#5f6368;padding:16px">
The planner is closed. Open it from Extensions › Influencer Matrix.</body>`;

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    ...headers,
  });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, data: unknown): void =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(data));

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  // A JSON content type cannot be sent cross-site without a CORS preflight, which this server never answers.
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) throw new HttpError(415, 'Send application/json.');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'Request too large.');
    chunks.push(chunk as Buffer);
  }
  try {
    const data = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    if (data && typeof data === 'object' && !Array.isArray(data)) return data as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new HttpError(400, 'The request body must be a JSON object.');
}

const text = (value: unknown, field: string): string => {
  if (typeof value !== 'string') throw new HttpError(400, `"${field}" must be a string.`);
  return value;
};

/** "Influencer Matrix sample.xlsx", as a Content-Disposition that keeps Chinese names intact. */
function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const log = options.log ?? (() => undefined);
  const dist = readDist(options.root);
  const assets = await buildAssets(options.root);
  const outDir = options.outDir ?? null;

  const saved = outDir && !options.fresh ? loadSession(outDir) : null;
  const newSession = (source: RosterSource): PlaygroundSession =>
    new PlaygroundSession({
      code: dist.code,
      sidebarHtml: dist.sidebarHtml,
      source,
      ...(options.locale ? { locale: options.locale } : {}),
      ...(options.today ? { today: options.today } : {}),
    });
  let session = newSession(saved?.source ?? options.source);
  let resumed = 0;
  if (saved) {
    for (const op of saved.ops) {
      const outcome = session.replay(op);
      if (outcome.ok) resumed++;
      else log(`A saved change could not be replayed and was dropped (${op.kind}): ${outcome.message}`);
    }
    if (saved.activeSheet) session.activate(saved.activeSheet);
  }

  /** The sidebar is reloaded in the page only when the add-on shows it again. */
  let sidebarShown = session.workbook.ui.sidebar;
  let sidebarSeq = 1;
  let lastSaved = '';
  const persist = (): void => {
    if (!outDir) return;
    const state = savedSession(session.source, session.ops, session.snapshot().activeSheet);
    const key = JSON.stringify(state);
    if (key === lastSaved) return;
    saveSession(outDir, state);
    lastSaved = key;
  };
  // From the start the file says what this session holds: a replay may have dropped changes, --fresh discards them.
  persist();

  type PageView = WorkbookView & { sidebarSeq: number; savedTo: string | null };
  // Conditional formats are evaluated cell by cell, so the picture is reused until something changes.
  let cached: { key: string; view: PageView } | null = null;
  const view = (): PageView => {
    const ui = session.workbook.ui;
    if (ui.sidebar !== sidebarShown) {
      sidebarShown = ui.sidebar;
      sidebarSeq++;
    }
    const key = [session.version, session.workbook.spreadsheet.getActiveSheet().getName(), ui.toasts.length, sidebarSeq, ui.sidebar ? 1 : 0].join('|');
    if (cached?.key !== key) {
      const picture = workbookView(session.snapshot(), session.engine, { version: session.version, menu: session.menuItems(), rules: session.ruleResults });
      cached = { key, view: { ...picture, sidebarSeq, savedTo: outDir } };
    }
    return cached.view;
  };

  const answer = (res: ServerResponse, outcome: Outcome): void => {
    persist();
    sendJson(res, 200, { ...outcome, version: session.version });
  };

  let port = 0;
  const allowedHosts = (): Set<string> => new Set([`${HOST}:${port}`, `localhost:${port}`]);

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Only this machine's browser, addressing us by our own name: a page elsewhere that rebinds its DNS name to
    // 127.0.0.1 still sends its own Host header and is refused.
    if (!allowedHosts().has(req.headers.host ?? '')) throw new HttpError(403, 'Forbidden host.');
    const origin = req.headers.origin;
    if (origin && ![...allowedHosts()].some((h) => origin === `http://${h}`)) throw new HttpError(403, 'Forbidden origin.');

    const url = new URL(req.url ?? '/', `http://${HOST}:${port}`);
    const key = `${req.method} ${url.pathname}`;
    switch (key) {
      case 'GET /':
        return send(res, 200, 'text/html; charset=utf-8', assets.page);
      case 'GET /sidebar': {
        const sidebar = session.workbook.ui.sidebar;
        return send(res, 200, 'text/html; charset=utf-8', sidebar ? withShim(sidebar.content, assets.shim) : CLOSED_SIDEBAR);
      }
      case 'GET /api/workbook':
        return sendJson(res, 200, view());
      case 'GET /api/export.xlsx': {
        const bytes = exportWorkbook(session.snapshot(), session.engine);
        const name = `${session.snapshot().name}.xlsx`;
        if (outDir) writeAtomically(outDir, name, bytes);
        return send(res, 200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes, { 'Content-Disposition': attachment(name) });
      }
      case 'POST /api/run': {
        const body = await readJson(req);
        if (!Array.isArray(body.args ?? [])) throw new HttpError(400, '"args" must be an array.');
        return answer(res, session.scriptRun(text(body.name, 'name'), (body.args as unknown[] | undefined) ?? []));
      }
      case 'POST /api/menu': {
        const body = await readJson(req);
        return answer(res, session.menu(text(body.functionName, 'functionName')));
      }
      case 'POST /api/edit': {
        const body = await readJson(req);
        return answer(res, session.edit(text(body.sheet, 'sheet'), text(body.cell, 'cell'), text(body.input, 'input')));
      }
      case 'POST /api/activate': {
        const body = await readJson(req);
        return answer(res, session.activate(text(body.sheet, 'sheet')));
      }
      case 'POST /api/close-sidebar':
        // What the sidebar's close button (or google.script.host.close) does in Sheets.
        await readJson(req);
        session.workbook.ui.sidebar = null;
        return answer(res, { ok: true, value: null });
      case 'POST /api/reset': {
        await readJson(req);
        const source = session.source;
        session.close();
        session = newSession(source);
        cached = null;
        return answer(res, { ok: true, value: null });
      }
      default:
        throw new HttpError(404, `Nothing at ${req.method} ${url.pathname}.`);
    }
  }

  const server: Server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500) log(`Playground error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!res.headersSent) sendJson(res, status, { ok: false, message: error instanceof Error ? error.message : String(error) });
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => {
      session.close();
      reject(error);
    });
    server.listen(options.port ?? DEFAULT_PORT, HOST, () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${HOST}:${port}/`,
    port,
    get session() {
      return session;
    },
    resumed,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        session.close();
      }),
  };
}
