/**
 * The playground's HTTP server (node:http, bound to 127.0.0.1 only): the page, the add-on's sidebar with a
 * google.script.run shim, and a small JSON API over one PlaygroundSession.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { exportWorkbook } from './export';
import { languageOf, openedNotice, openRoster, readUpload, type ImportLanguage } from './roster-import';
import { PlaygroundSession, type Outcome, type RosterSource } from './session';
import { loadSession, saveSession, savedSession, writeAtomically } from './store';
import { workbookView, type WorkbookView } from './view';
import { buildAssets, closedSidebar, CONTENT_SECURITY_POLICY, LOCAL_ADD_ON_STYLESHEET, withShim } from './page-assets';
import { PageViews, pageWindow, type PageWindow } from './page-view';

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

function readDist(root: string): { code: string; sidebarHtml: string } {
  const code = join(root, 'dist/Code.js');
  const sidebar = join(root, 'dist/Sidebar.html');
  for (const file of [code, sidebar]) {
    if (!existsSync(file)) throw new PlaygroundError(`${file} is missing: run \`npm run build\` first (\`npm start\` does).`);
  }
  return { code: readFileSync(code, 'utf8'), sidebarHtml: readFileSync(sidebar, 'utf8') };
}

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
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
    const state = savedSession(session.source, session.ops, session.activeSheetName());
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
  const sidebarState = (): { sidebarSeq: number; savedTo: string | null } => {
    const ui = session.workbook.ui;
    if (ui.sidebar !== sidebarShown) {
      sidebarShown = ui.sidebar;
      sidebarSeq++;
    }
    return { sidebarSeq, savedTo: outDir };
  };
  /** What the page itself asks for: the rows in view, and only what a change it makes changed (page-view.ts). */
  const pages = new PageViews(() => session, sidebarState);
  /** The whole workbook, at most this many rows of each sheet: for tools and tests (the page uses `pages`). */
  const WHOLE_VIEW_ROWS = 1_000;
  const view = (): PageView => {
    const ui = session.workbook.ui;
    sidebarState();
    const key = [session.version, session.workbook.spreadsheet.getActiveSheet().getName(), ui.toasts.length, sidebarSeq, ui.sidebar ? 1 : 0].join('|');
    if (cached?.key !== key) {
      const picture = workbookView(session.snapshot(), session.engine, {
        version: session.version,
        menu: session.menuItems(),
        rules: session.ruleResults,
        spills: session.spills,
        rows: WHOLE_VIEW_ROWS,
      });
      cached = { key, view: { ...picture, sidebarSeq, savedTo: outDir } };
    }
    return cached.view;
  };

  const answer = (res: ServerResponse, outcome: Outcome, extra: Record<string, unknown> = {}): void => {
    persist();
    sendJson(res, 200, { ...outcome, version: session.version, ...extra });
  };
  /** A change the page asked for: the answer carries what changed in the page's window (page-view.ts). */
  const pageChange = (res: ServerResponse, window: PageWindow | null, change: () => Outcome): void => {
    const before = pages.before(window);
    const outcome = change();
    answer(res, outcome, pages.after(window, before));
  };
  const windowAsked = (params: URLSearchParams): { sheet: string; from: number; to: number } => {
    const from = Number(params.get('from') ?? 1);
    const to = Number(params.get('to') ?? from + 99);
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to < from) throw new HttpError(400, '"from" and "to" must be row numbers, from <= to.');
    const sheet = params.get('sheet') ?? session.activeSheetName() ?? '';
    return { sheet, from, to: Math.min(to, from + 999) };
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
        const locale = session.workbook.spreadsheet.getSpreadsheetLocale();
        return send(res, 200, 'text/html; charset=utf-8', sidebar ? withShim(sidebar.content, assets.shim) : closedSidebar(locale));
      }
      case `GET ${LOCAL_ADD_ON_STYLESHEET}`:
        return send(res, 200, 'text/css; charset=utf-8', assets.addOnCss);
      case 'GET /api/page': {
        // The page's first picture, and again after the sidebar changed the workbook: its chrome and the rows in view.
        const { chrome, key } = pages.chrome();
        const asked = windowAsked(url.searchParams);
        return sendJson(res, 200, { chrome, chromeKey: key, window: pages.window(asked.sheet ? asked : { ...asked, sheet: chrome.activeSheet ?? '' }) });
      }
      case 'GET /api/cells':
        return sendJson(res, 200, pages.window(windowAsked(url.searchParams)));
      case 'POST /api/view': {
        // After the sidebar changed the workbook: what changed in the page's window, as after its own changes.
        const body = await readJson(req);
        return pageChange(res, pageWindow(body.view), () => ({ ok: true, value: null }));
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
        return pageChange(res, pageWindow(body.view), () => session.menu(text(body.functionName, 'functionName')));
      }
      case 'POST /api/edit': {
        const body = await readJson(req);
        return pageChange(res, pageWindow(body.view), () => session.edit(text(body.sheet, 'sheet'), text(body.cell, 'cell'), text(body.input, 'input')));
      }
      case 'POST /api/undo': {
        const body = await readJson(req);
        return pageChange(res, pageWindow(body.view), () => session.undo());
      }
      case 'POST /api/grow': {
        const body = await readJson(req);
        const count = (value: unknown, field: string): number => {
          if (value !== undefined && typeof value !== 'number') throw new HttpError(400, `"${field}" must be a number.`);
          return value ?? 0;
        };
        return pageChange(res, pageWindow(body.view), () => session.grow(text(body.sheet, 'sheet'), count(body.rows, 'rows'), count(body.columns, 'columns')));
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
      case 'POST /api/import': {
        // Opening a file starts a new workbook from it (see roster-import.ts); a file that does not read changes nothing.
        const language = (): ImportLanguage => languageOf(session.workbook.spreadsheet.getSpreadsheetLocale());
        const upload = await readUpload(req, url.searchParams, language());
        if (!upload.ok) return sendJson(res, upload.status, { ok: false, message: upload.message, version: session.version });
        const opened = openRoster(upload.bytes, upload.fileName, { ...(upload.sheet ? { sheet: upload.sheet } : {}), language: language() });
        if (!opened.ok) return answer(res, opened);
        const next = newSession(opened.source);
        session.close();
        session = next;
        cached = null;
        const { sheetNames, sheet } = opened.source;
        return answer(res, { ok: true, value: { notice: openedNotice(opened.source, language()), sheetNames, sheet } });
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
