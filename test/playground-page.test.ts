import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageChrome, PageWindow, WindowCells, WindowPatch } from '../playground/page-view';
import type { Playground } from '../playground/server';
import { postJson, startTestPlayground } from './support/playground';

/**
 * What the page is sent at roster scale: the rows it shows and, after a change, only the cells of those rows that
 * changed. A roster of 5,000 influencers (5,001 rows with the header) on a fixed day.
 */

const ROWS = 5_000;
const LAST = ROWS + 1;
const TODAY = '2026-05-01';

interface ChangeAnswer {
  ok: boolean;
  message?: string;
  value?: unknown;
  version: number;
  undoable: number;
  patch?: WindowPatch;
  chrome?: PageChrome;
  chromeKey?: string;
}

let pg: Playground;
let chromeKey: string;
let version: number;

async function page(query: string): Promise<{ chrome: PageChrome; chromeKey: string; window: WindowCells; bytes: number }> {
  const text = await (await fetch(new URL(`/api/page?${query}`, pg.url))).text();
  return { ...(JSON.parse(text) as { chrome: PageChrome; chromeKey: string; window: WindowCells }), bytes: Buffer.byteLength(text) };
}

/** A change sent as the page sends it, with the window it holds (rows 1-100 of the roster unless told). */
async function change(path: string, body: Record<string, unknown>, window: Partial<PageWindow> = {}): Promise<ChangeAnswer & { bytes: number }> {
  const view = { sheet: 'Roster', from: 1, to: 100, version, chrome: chromeKey, ...window };
  const response = await fetch(new URL(path, pg.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...body, view }) });
  const text = await response.text();
  const answer = JSON.parse(text) as ChangeAnswer;
  version = answer.version;
  if (answer.chromeKey) chromeKey = answer.chromeKey;
  return { ...answer, bytes: Buffer.byteLength(text) };
}

const edit = (cell: string, input: string, window: Partial<PageWindow> = {}) => change('/api/edit', { sheet: 'Roster', cell, input }, window);
const rowsOf = (cells: Record<string, unknown>): number[] => [...new Set(Object.keys(cells).map((a1) => Number(/\d+$/.exec(a1)![0])))].sort((a, b) => a - b);
const followers = (row: number, p: Playground = pg): number => p.session.engine.value('Roster', row, 3) as number;

beforeAll(async () => {
  pg = await startTestPlayground({ source: { kind: 'sample', language: 'en', seed: 1, count: ROWS }, today: TODAY });
  const first = await page('from=1&to=100');
  chromeKey = first.chromeKey;
  version = first.chrome.version;
}, 120_000);
afterAll(() => pg?.close());

describe('the page protocol at 5,000 rows', () => {
  it('sends the chrome and the rows asked for, never the whole roster', async () => {
    const { chrome, window, bytes } = await page('from=1&to=100');
    const roster = chrome.sheets.find((s) => s.name === 'Roster')!;
    // The grid is the sheet's: every row of the roster can be scrolled to (the sheet was made as tall as the data).
    expect(roster).toMatchObject({ rows: LAST, columns: 26, frozenRows: 1 });
    expect(window).toMatchObject({ sheet: 'Roster', from: 1, to: 100 });
    expect(rowsOf(window.cells)[0]).toBe(1);
    expect(rowsOf(window.cells).at(-1)).toBe(100);
    expect(window.cells.A1).toMatchObject({ t: 'Influencer', b: true });
    expect(bytes).toBeLessThan(150_000);

    // The last rows, as the page asks for them when scrolled to the bottom, with the frozen header row that stays in
    // view above them.
    const bottom = (await (await fetch(new URL(`/api/cells?sheet=Roster&from=${LAST - 49}&to=${LAST}`, pg.url))).json()) as WindowCells;
    expect(rowsOf(bottom.cells)).toEqual([1, ...Array.from({ length: 50 }, (_, i) => LAST - 49 + i)]);
    expect(bottom).toMatchObject({ frozen: 1 });
    expect(bottom.cells.C1!.t).toBe('Followers');
    expect(bottom.cells[`C${LAST}`]!.t).toBe(followers(LAST).toLocaleString('en'));
  });

  it('answers a text edit with that one cell: well under a kilobyte, whatever the roster’s size', async () => {
    const answer = await edit('A5', 'Renamed creator');
    expect(answer.ok).toBe(true);
    expect(answer.patch).toEqual({ sheet: 'Roster', from: 1, to: 100, frozen: 0, full: false, cells: { A5: { t: 'Renamed creator', e: 'Renamed creator' } } });
    expect(answer.chrome).toBeUndefined(); // nothing the page lays out changed
    expect(answer.undoable).toBe(1);
    expect(answer.bytes).toBeLessThan(400);

    // An edit below the page's window changes nothing it holds: an empty patch, the row fetched when scrolled to.
    const far = await edit(`A${LAST - 10}`, 'Far away');
    expect(far.patch).toMatchObject({ full: false, cells: {} });
    expect(far.bytes).toBeLessThan(300);
  });

  it('sends a spilled result only where the page looks, and the rest when it scrolls there', async () => {
    const answer = await edit('W2', `=TIER(C2:C${LAST})`);
    // Rows 2-100 of column W, the rows in the window, and nothing else.
    expect(Object.keys(answer.patch!.cells)).toEqual(Array.from({ length: 99 }, (_, i) => `W${i + 2}`));
    expect(answer.patch!.cells.W2).toMatchObject({ e: `=TIER(C2:C${LAST})` });
    expect(answer.patch!.cells.W3).toMatchObject({ spill: true });
    expect(answer.bytes).toBeLessThan(10_000);
    const tier = (n: number): string => (n >= 500_000 ? 'Mega' : n >= 100_000 ? 'Macro' : n >= 10_000 ? 'Mid' : n >= 1_000 ? 'Micro' : 'Nano');
    expect(answer.patch!.cells.W50!.t).toBe(tier(followers(50)));
    const bottom = (await (await fetch(new URL(`/api/cells?sheet=Roster&from=${LAST - 1}&to=${LAST}`, pg.url))).json()) as WindowCells;
    expect(bottom.cells[`W${LAST}`]!.t).toBe(tier(followers(LAST)));
  });

  it('sends the whole window when the page’s picture is out of date, and the chrome when it changed', async () => {
    const stale = await edit('B6', 'Somewhere', { version: version - 1 });
    expect(stale.patch!.full).toBe(true);
    expect(rowsOf(stale.patch!.cells)).toHaveLength(100);

    const unknownChrome = await edit('B7', 'Elsewhere', { chrome: 'not-the-key' });
    expect(unknownChrome.chrome?.sheets.map((s) => s.name)).toEqual(['Roster']);
    expect(unknownChrome.patch!.full).toBe(false);
  });

  it('undoes the last edits one by one, and refuses to undo over a cell changed since', async () => {
    const original = (await page('from=1&to=10')).window.cells.D3!;
    await edit('D3', '9%');
    expect((await edit('D3', '10%')).patch!.cells.D3).toMatchObject({ t: '10%' });
    const undone = await change('/api/undo', {});
    expect(undone).toMatchObject({ ok: true, value: 'Roster!D3' });
    expect(undone.patch!.cells.D3).toMatchObject({ t: '9%' });
    const again = await change('/api/undo', {});
    expect(again.patch!.cells.D3).toEqual(original);

    // An edit whose cell was written since by something else (here, straight into the workbook) is left alone.
    await edit('M4', 'Chengdu');
    pg.session.workbook.spreadsheet.getSheetByName('Roster')!.getRange('M4').setValue('Written since');
    const refused = await change('/api/undo', {});
    expect(refused).toMatchObject({ ok: false, message: 'Roster!M4 has changed since that edit, so it was not undone.' });
    expect(pg.session.workbook.spreadsheet.getSheetByName('Roster')!.getRange('M4').getValue()).toBe('Written since');
    pg.session.recalculate();
  });
});

describe('a result with no room, and a grid that grows', () => {
  it('shows #REF! where FUNNEL_PREDICT’s six columns would run past the sheet, and the result once columns are added', async () => {
    const small = await startTestPlayground({ source: { kind: 'sample', language: 'en', seed: 1, count: 300 }, today: TODAY });
    try {
      const sheet = small.session.workbook.spreadsheet.getSheetByName('Roster')!;
      expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
      const view = { sheet: 'Roster', from: 1, to: 40, version: 0 };
      // W..AB: the last two of its six columns fall past Z.
      const first = (await postJson(small.url, '/api/edit', { sheet: 'Roster', cell: 'W2', input: '=FUNNEL_PREDICT(C2:C301, D2:D301, E2:E301, 150)', view })).data as unknown as ChangeAnswer;
      expect(first.patch!.cells.W2).toMatchObject({ t: '#REF!', err: 'Result was not automatically expanded, please insert more columns (2).' });
      expect(first.patch!.cells.X2).toBeUndefined();
      expect(sheet.getRange('W2').getValue()).toBe('#REF!'); // what the add-on reads there, as in Sheets

      const grown = (await postJson(small.url, '/api/grow', { sheet: 'Roster', columns: 10, view: { ...view, version: first.version } })).data as unknown as ChangeAnswer;
      expect(grown.ok).toBe(true);
      expect(grown.chrome!.sheets[0]).toMatchObject({ columns: 36 });
      const reach = Math.round(followers(2, small) * 0.3);
      expect(Number(grown.patch!.cells.W2!.t.replace(/,/g, ''))).toBeCloseTo(reach, 0);
      expect(grown.patch!.cells.AB2!.spill).toBe(true);
      expect(sheet.getRange('W2').getValue()).toBeCloseTo(followers(2, small) * 0.3, 6);

      const rows = (await postJson(small.url, '/api/grow', { sheet: 'Roster', rows: 500 })).data;
      expect(rows).toMatchObject({ ok: true });
      expect(sheet.getMaxRows()).toBe(1500);
      // Reading the roster afterwards changes nothing: no new version, nothing journaled.
      const version = small.session.version;
      expect((await postJson(small.url, '/api/run', { name: 'getSetup', args: [] })).data).toMatchObject({ ok: true, version });
      expect((await postJson(small.url, '/api/grow', { sheet: 'Roster', rows: 0 })).data).toMatchObject({ ok: false, message: 'Add a whole number of rows or columns, from 1 to 10,000.' });
      expect((await postJson(small.url, '/api/grow', { sheet: 'Roster', rows: 10_000, columns: 9_000 })).data).toMatchObject({
        ok: false,
        message: 'That would make the sheet larger than 10,000,000 cells, the most Sheets allows.',
      });
      expect(small.session.ops.slice(-3)).toEqual([
        { kind: 'edit', sheet: 'Roster', cell: 'W2', input: '=FUNNEL_PREDICT(C2:C301, D2:D301, E2:E301, 150)' },
        { kind: 'grow', sheet: 'Roster', rows: 0, columns: 10 },
        { kind: 'grow', sheet: 'Roster', rows: 500, columns: 0 },
      ]);
    } finally {
      await small.close();
    }
  }, 60_000);

  it('keeps added rows and columns and undone edits across a restart with --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'playground-scale-'));
    const first = await startTestPlayground({ outDir: dir, today: TODAY });
    const a2 = first.session.engine.value('Roster', 2, 1);
    await postJson(first.url, '/api/edit', { sheet: 'Roster', cell: 'A2', input: 'first' });
    await postJson(first.url, '/api/edit', { sheet: 'Roster', cell: 'A3', input: 'second' });
    await postJson(first.url, '/api/undo', {});
    await postJson(first.url, '/api/grow', { sheet: 'Roster', rows: 100, columns: 2 });
    await first.close();
    const second = await startTestPlayground({ outDir: dir, today: TODAY });
    try {
      expect(second.resumed).toBe(4);
      const sheet = second.session.workbook.spreadsheet.getSheetByName('Roster')!;
      expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1100, 28]);
      expect(second.session.engine.value('Roster', 2, 1)).toBe('first');
      expect(second.session.engine.value('Roster', 3, 1)).not.toBe('second');
      // The undo stack is rebuilt by the replay: the next undo takes back the first edit.
      expect((await postJson(second.url, '/api/undo', {})).data).toMatchObject({ ok: true, value: 'Roster!A2' });
      expect(second.session.engine.value('Roster', 2, 1)).toBe(a2);
    } finally {
      await second.close();
    }
  }, 60_000);
});
