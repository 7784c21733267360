import { request } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { Playground } from '../playground/server';
import { STATE_FILE } from '../playground/store';
import { SAMPLE_FIELDS } from '../src/offline/sample';
import type { WorkbookView } from '../playground/view';
import { postJson, runCli, SAMPLE, startTestPlayground } from './support/playground';

/** The playground's server without a browser: its API, its persistence under --out, and `npm start` itself. */

type Answer = { ok: boolean; value?: unknown; message?: string; version?: number };
const run = async (pg: Playground, name: string, ...args: unknown[]): Promise<Answer> => (await postJson(pg.url, '/api/run', { name, args })).data as Answer;
const edit = async (pg: Playground, sheet: string, cell: string, input: string): Promise<Answer> =>
  (await postJson(pg.url, '/api/edit', { sheet, cell, input })).data as Answer;
const view = async (url: string): Promise<WorkbookView> => (await (await fetch(new URL('/api/workbook', url))).json()) as WorkbookView;
const PLAN = { budget: 30_000, currency: 'CNY', stage: 'maturity' };

function rawRequest(url: string, options: { method: string; path: string; headers: Record<string, string>; body?: string }): Promise<number> {
  return new Promise((resolve, reject) => {
    const { port } = new URL(url);
    const req = request({ host: '127.0.0.1', port, method: options.method, path: options.path, headers: options.headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('the playground API', () => {
  let pg: Playground;
  beforeAll(async () => {
    pg = await startTestPlayground();
  }, 60_000);
  afterAll(() => pg?.close());

  it('runs server functions as google.script.run does: JSON in and out, errors as messages, private names refused', async () => {
    const setup = await run(pg, 'getSetup');
    expect(setup.ok).toBe(true);
    const info = setup.value as { locale: string; timeZone: string; roster: { sheet: string; columns: Record<string, unknown> } };
    expect(info).toMatchObject({ locale: 'en_US', timeZone: 'Asia/Shanghai', roster: { sheet: 'Roster' } });
    expect(Object.keys(info.roster.columns)).toHaveLength(SAMPLE_FIELDS.length);
    expect(setup.version).toBe(0); // reading changes nothing

    for (const name of ['savedAllocation_', 'SpreadsheetApp', 'InfluencerMatrix', 'constructor', 'toString', 'no such']) {
      expect(await run(pg, name), name).toEqual({ ok: false, message: `Script function not found: ${name}`, version: 0 });
    }
    const refused = await run(pg, 'buildAllocation', { budget: -5, stage: 'maturity' });
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/budget/i);
    expect(refused.version).toBe(0);

    const built = await run(pg, 'buildAllocation', PLAN);
    expect(built).toMatchObject({ ok: true, value: { sheetName: 'Allocation', created: true }, version: 1 });
    const v = await view(pg.url);
    expect(v.activeSheet).toBe('Allocation');
    expect(v.sheets.find((s) => s.name === 'Allocation')!.cells.B27).toMatchObject({ t: '¥15,000', e: '=$B$5*B18', ha: 'right' });
  });

  it('runs menu items, and only the functions the menu names', async () => {
    // The add-on's jobs, in SPEC's order (other jobs' items may sit between them).
    const jobs = ['showSidebar', 'menuBuildAllocation', 'menuApplyAlerts', 'menuSettings'];
    expect((await view(pg.url)).menu.filter((m) => jobs.includes(m.functionName))).toEqual([
      { caption: 'Open planner', functionName: 'showSidebar' },
      { caption: 'Build allocation', functionName: 'menuBuildAllocation' },
      { caption: 'Apply alerts', functionName: 'menuApplyAlerts' },
      { caption: 'Settings', functionName: 'menuSettings' },
    ]);
    const rebuilt = (await postJson(pg.url, '/api/menu', { functionName: 'menuBuildAllocation' })).data as Answer;
    expect(rebuilt.ok).toBe(true);
    expect((await view(pg.url)).toasts.at(-1)).toEqual({ message: '"Allocation" refreshed.', title: 'Influencer Matrix' });
    expect((await postJson(pg.url, '/api/menu', { functionName: 'getSetup' })).data).toMatchObject({ ok: false, message: 'No menu item runs getSetup.' });

    // Settings opens the sidebar on its page; Apply alerts, on a roster nobody confirmed yet, on the roster page
    // that applies them once confirmed, with a toast saying so.
    const sidebarHtml = async (): Promise<string> => (await fetch(new URL('/sidebar', pg.url))).text();
    expect((await postJson(pg.url, '/api/menu', { functionName: 'menuSettings' })).data).toMatchObject({ ok: true });
    expect(await sidebarHtml()).toMatch(/<div id="app"[^>]* data-page="settings">/);
    expect((await postJson(pg.url, '/api/menu', { functionName: 'menuApplyAlerts' })).data).toMatchObject({ ok: true });
    expect(await sidebarHtml()).toMatch(/<div id="app"[^>]* data-page="roster" data-then="apply-alerts">/);
    expect((await view(pg.url)).toasts.at(-1)).toEqual({
      title: 'Influencer Matrix',
      message: 'Confirm the roster columns in the sidebar: the alerts are applied as soon as they are saved.',
    });
  });

  it('takes typed input as Sheets does, and refuses what the cell validation rejects', async () => {
    expect(await edit(pg, 'Allocation', 'B5', '60000')).toMatchObject({ ok: true });
    expect((await view(pg.url)).sheets.find((s) => s.name === 'Allocation')!.cells.B27!.t).toBe('¥30,000');
    expect(await edit(pg, 'Allocation', 'B5', '-1')).toMatchObject({ ok: false, message: 'A budget of 0 or more' });
    expect(await edit(pg, 'Allocation', 'B5:B6', '1')).toMatchObject({ ok: false, message: '"B5:B6" is not a single cell.' });
    expect(await edit(pg, 'Nowhere', 'A1', '1')).toMatchObject({ ok: false, message: 'No sheet named "Nowhere".' });
    // Text that looks like a formula stays text when quoted, exactly as typed in Sheets.
    expect(await edit(pg, 'Roster', 'X2', "'=1+1")).toMatchObject({ ok: true });
    expect((await view(pg.url)).sheets[0]!.cells.X2).toMatchObject({ t: '=1+1', e: "'=1+1" });
    expect(await edit(pg, 'Roster', 'X3', '=CLEAN_NUMBER("3.4万")')).toMatchObject({ ok: true });
    expect((await view(pg.url)).sheets[0]!.cells.X3!.t).toBe('34000');
  });

  it('serves the sidebar with google.script.run in place before the sidebar script runs', async () => {
    const html = await (await fetch(new URL('/sidebar', pg.url))).text();
    const shim = html.indexOf("Object.defineProperty(window,\"google\"");
    expect(shim).toBeGreaterThan(0);
    expect(shim).toBeLessThan(html.indexOf('id="app"'));
  });

  it('refuses requests from other sites: JSON only, addressed to 127.0.0.1 by its own name', async () => {
    const path = '/api/run';
    const body = JSON.stringify({ name: 'getSetup', args: [] });
    const host = new URL(pg.url).host;
    expect(await rawRequest(pg.url, { method: 'POST', path, headers: { Host: host, 'Content-Type': 'text/plain' }, body })).toBe(415);
    expect(await rawRequest(pg.url, { method: 'POST', path, headers: { Host: 'evil.example', 'Content-Type': 'application/json' }, body })).toBe(403);
    expect(
      await rawRequest(pg.url, { method: 'POST', path, headers: { Host: host, Origin: 'http://evil.example', 'Content-Type': 'application/json' }, body }),
    ).toBe(403);
    expect(await rawRequest(pg.url, { method: 'POST', path, headers: { Host: host, 'Content-Type': 'application/json' }, body })).toBe(200);
    expect((await fetch(new URL('/etc/passwd', pg.url))).status).toBe(404);
  });

  it('downloads the workbook as a named .xlsx', async () => {
    const response = await fetch(new URL('/api/export.xlsx', pg.url));
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Influencer Matrix sample.xlsx"; filename*=UTF-8''Influencer%20Matrix%20sample.xlsx`,
    );
    const book = XLSX.read(new Uint8Array(await response.arrayBuffer()), { type: 'array', cellFormula: true });
    expect(book.SheetNames).toEqual(['Roster', 'Allocation']);
    expect(book.Sheets.Roster!.X3).toMatchObject({ f: 'CLEAN_NUMBER("3.4万")', v: 34000 });
  });
});

describe('the Chinese sample', () => {
  it('opens as a zh_CN workbook whose headers the add-on finds, with the planner in Chinese', async () => {
    const pg = await startTestPlayground({ source: { kind: 'sample', language: 'zh', seed: 1, count: 300 } });
    try {
      const setup = (await run(pg, 'getSetup')).value as { language: string; currency: string; roster: { sheet: string; columns: Record<string, unknown> } };
      expect(setup).toMatchObject({ language: 'zh', currency: 'CNY', roster: { sheet: '达人名单' } });
      expect(Object.keys(setup.roster.columns)).toHaveLength(SAMPLE_FIELDS.length);
      const v = await view(pg.url);
      expect(v.name).toBe('达人矩阵示例');
      const jobs = ['打开预算规划', '生成预算分配表', '应用预警', '设置'];
      expect(v.menu.map((m) => m.caption).filter((c) => jobs.includes(c))).toEqual(jobs);
      expect(v.sheets[0]!.cells.F1!.t).toBe('GMV');
    } finally {
      await pg.close();
    }
  });
});

describe('--out', () => {
  it('saves the session after every change, atomically, and resumes it on the next start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'playground-out-'));
    const first = await startTestPlayground({ outDir: dir });
    await edit(first, 'Roster', 'X2', '=TIER(C2:C301)');
    await run(first, 'buildAllocation', PLAN);
    await edit(first, 'Allocation', 'B5', '60000');
    await run(first, 'getSetup'); // reads only: not a change worth saving
    expect(readdirSync(dir)).toEqual([STATE_FILE]); // no temporary file left behind
    const saved = JSON.parse(readFileSync(join(dir, STATE_FILE), 'utf8')) as { ops: unknown[]; activeSheet: string; source: unknown };
    expect(saved.ops).toEqual([
      { kind: 'edit', sheet: 'Roster', cell: 'X2', input: '=TIER(C2:C301)' },
      { kind: 'call', name: 'buildAllocation', args: [PLAN] },
      { kind: 'edit', sheet: 'Allocation', cell: 'B5', input: '60000' },
    ]);
    expect(saved.activeSheet).toBe('Allocation');
    // The sample was generated around the day the session started, which is kept so a reload rebuilds the same roster.
    const started = (first.session.source as { today: string }).today;
    expect(started).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(saved.source).toEqual({ kind: 'sample', language: 'en', seed: 1, count: 300, today: started });
    await first.close();

    const second = await startTestPlayground({ outDir: dir });
    try {
      expect(second.resumed).toBe(3);
      expect(second.session.engine.value('Allocation', 27, 2)).toBe(30_000);
      expect(second.session.engine.value('Roster', 3, 24)).toMatch(/^(Mega|Macro|Mid|Micro|Nano)$/);
      expect(second.session.snapshot().activeSheet).toBe('Allocation');
      await fetch(new URL('/api/export.xlsx', second.url));
      expect(readdirSync(dir).sort()).toEqual(['Influencer Matrix sample.xlsx', STATE_FILE]);
    } finally {
      await second.close();
    }

    const fresh = await startTestPlayground({ outDir: dir, fresh: true });
    try {
      expect(fresh.resumed).toBe(0);
      expect(fresh.session.snapshot().sheets.map((s) => s.name)).toEqual(['Roster']);
      expect(JSON.parse(readFileSync(join(dir, STATE_FILE), 'utf8')).ops).toEqual([]);
    } finally {
      await fresh.close();
    }
  }, 60_000);

  it('rebuilds a session saved before samples followed the calendar around the day they used, and takes --today', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'playground-out-'));
    writeFileSync(join(dir, STATE_FILE), JSON.stringify({ format: 'influencer-matrix-playground', version: 1, source: SAMPLE, ops: [], activeSheet: null }));
    const old = await startTestPlayground({ outDir: dir, today: '2026-11-30' });
    try {
      expect(old.session.source).toEqual({ ...SAMPLE, today: '2026-03-31' });
      // The saved roster keeps its day; the clock is the one asked for.
      expect(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(old.session.clock()))).toBe('2026-11-30');
    } finally {
      await old.close();
    }
    const fresh = await startTestPlayground({ outDir: dir, fresh: true, today: '2026-11-30' });
    try {
      expect(fresh.session.source).toEqual({ ...SAMPLE, today: '2026-11-30' });
      expect(JSON.parse(readFileSync(join(dir, STATE_FILE), 'utf8')).source).toEqual({ ...SAMPLE, today: '2026-11-30' });
    } finally {
      await fresh.close();
    }
    writeFileSync(join(dir, STATE_FILE), JSON.stringify({ format: 'influencer-matrix-playground', version: 1, source: { ...SAMPLE, today: 'soon' }, ops: [], activeSheet: null }));
    await expect(startTestPlayground({ outDir: dir })).rejects.toThrow('names a sample day that is not a date ("soon"); remove it or start with --fresh.');
  }, 60_000);

  it('will not start from a damaged state file, and says how to recover', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'playground-out-'));
    writeFileSync(join(dir, STATE_FILE), '{"format":');
    await expect(startTestPlayground({ outDir: dir })).rejects.toThrow('remove it or start with --fresh');
  });
});

describe('npm start', () => {
  it('starts from a CSV roster, writing nothing to disk without --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'playground-cli-'));
    writeFileSync(join(dir, 'huitun.csv'), '\uFEFF达人昵称\t平台\t粉丝数\t互动率\t报价\tGMV\r\n小鹿爱美妆\t小红书\t"12,000"\t8%\t¥800\t3.4万\r\n=cmd\t抖音\t640000\t3.5%\t¥12,000\t\r\n');
    let sheet: WorkbookView['sheets'][number] | undefined;
    let language: unknown;
    const cli = await runCli(['--port', '0', '--roster', 'huitun.csv'], {
      cwd: dir,
      whileRunning: async (url) => {
        language = ((await run({ url } as Playground, 'getSetup')).value as { language: string }).language;
        sheet = (await view(url)).sheets[0];
        await edit({ url } as Playground, 'Roster', 'G2', '=TIER(C2:C3)');
      },
    });
    expect(cli.code).toBe(0);
    expect(cli.stdout.split('\n').slice(0, 2)).toEqual([`Influencer Matrix playground: ${cli.url}`, 'Roster: huitun.csv, 2 rows.']);
    expect(cli.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(language).toBe('zh');
    // Typed like an import into Sheets: numbers and percentages become numbers, 3.4万 stays text, and a cell that
    // starts with "=" stays text rather than running.
    expect(sheet!.cells.C2).toMatchObject({ t: '12,000', ha: 'right' });
    expect(sheet!.cells.D2!.t).toBe('8%');
    expect(sheet!.cells.E3!.t).toBe('¥12,000');
    expect(sheet!.cells.F2!.t).toBe('3.4万');
    expect(sheet!.cells.A3!.t).toBe('=cmd');
    expect(readdirSync(dir)).toEqual(['huitun.csv']);
  }, 60_000);

  it('fails in one line, with a non-zero exit, for a missing or empty roster and an unknown option', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'playground-cli-'));
    writeFileSync(join(dir, 'empty.csv'), '');
    const [missing, empty, unknown] = await Promise.all([
      runCli(['--roster', 'missing.csv'], { cwd: dir }),
      runCli(['--roster', 'empty.csv'], { cwd: dir }),
      runCli(['--colour'], { cwd: dir }),
    ]);
    expect(missing).toMatchObject({ code: 1, stderr: 'Influencer Matrix playground: Cannot read roster file "missing.csv": no such file.\n', stdout: '' });
    expect(empty).toMatchObject({ code: 1, stderr: 'Influencer Matrix playground: "empty.csv" is empty.\n' });
    expect(unknown).toMatchObject({ code: 2, stderr: 'Influencer Matrix playground: Unknown option "--colour" (see --help).\n' });
  }, 60_000);
});
