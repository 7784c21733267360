/**
 * The page's conversation with the server: the first picture, the rows it scrolls to, and every change, each taking
 * its turn in the queue and sending the window the page holds, so the answer carries only what changed in it.
 */
import type { PageChrome, WindowCells, WindowPatch } from '../page-view';
import { redrawRows, renderGrid, rowsWanted } from './draw';
import { request, type Answer } from './queue';
import { chrome, currentSheet, dom, page, pending, queue, store } from './state';
import type { Rows } from './window';

export interface ChangeAnswer extends Answer {
  undoable?: number;
  patch?: WindowPatch;
  chrome?: PageChrome;
  chromeKey?: string;
}

const rowOf = (a1: string): number => Number(/\d+$/.exec(a1)?.[0] ?? 0);

/** The window the page should hold now, fetched when it does not hold it (run from the queue, at its turn). */
export async function fetchWindow(): Promise<void> {
  const sheet = currentSheet();
  if (!sheet) return;
  const want = rowsWanted(sheet);
  if (store.covers(sheet.name, want)) return;
  // Only the rows missing, when what is held is current and meets the rows wanted.
  const joins = store.sheet === sheet.name && store.version === page.view?.version && store.from <= want.to + 1 && store.to >= want.from - 1;
  const ask: Rows = joins ? (want.from < store.from ? { from: want.from, to: store.from - 1 } : { from: store.to + 1, to: want.to }) : want;
  const win = (await request<WindowCells>(`/api/cells?sheet=${encodeURIComponent(sheet.name)}&from=${ask.from}&to=${ask.to}`, undefined, chrome.words.unreachable)) as WindowCells;
  if (!('cells' in win)) return;
  if (page.view && win.version !== page.view.version) {
    // The workbook changed meanwhile (the sidebar): start over from a full picture.
    await refresh();
    return;
  }
  store.take(win, want);
  if (want.from < store.from || want.to > store.to) queue.push('fetch', fetchWindow);
  renderGrid();
}

/** When the add-on activated another tab (a new one it built), the page shows it. */
function followServer(v: PageChrome): void {
  if (v.activeSheet === page.serverActive) return;
  page.serverActive = v.activeSheet;
  if (page.sheetName !== v.activeSheet) {
    page.sheetName = v.activeSheet;
    page.selected = { row: 1, column: 1 };
    store.reset(page.sheetName);
    dom.grid.scrollTo(0, 0);
  }
}

/**
 * Takes what a change answered: the chrome when it changed, the window's changed cells. `rows` are rows to redraw
 * besides the patch's (the cell that was typed into). `sent` is the version of the window the request carried.
 */
export function takeAnswer(answer: ChangeAnswer, sent: number, rows: number[] = []): void {
  const chromeChanged = !!answer.chrome;
  if (answer.chrome) {
    page.view = answer.chrome;
    page.chromeKey = answer.chromeKey;
  } else if (page.view && typeof answer.version === 'number') {
    page.view = { ...page.view, version: answer.version };
  }
  if (page.view && typeof answer.undoable === 'number') page.view = { ...page.view, undoable: answer.undoable };
  if (page.view) followServer(page.view);
  const version = answer.version ?? -1;
  const drawnSheet = store.sheet;
  let patched = false;
  // The patch is for the window the request carried; a tab switched meanwhile holds nothing yet.
  if (answer.patch?.sheet === store.sheet) {
    patched = store.apply(answer.patch, sent, version) && !answer.patch.full;
    if (!patched && !answer.patch.full) store.reset(store.sheet);
  } else if (store.version >= 0 && store.version !== version) store.reset(store.sheet);
  if (!page.view) return;
  if (chromeChanged) chrome.render(page.view, page.sheetName);
  else chrome.progress(page.view);
  if (patched && !chromeChanged && drawnSheet === page.sheetName) redrawRows(new Set([...rows, ...Object.keys(answer.patch!.cells).map(rowOf)]));
  else renderGrid();
}

/** A change to the workbook, queued: `path` is given the page's window and answers with what changed in it. */
export function change(
  path: string,
  body: Record<string, unknown>,
  options: { pendingKey?: string; row?: number; refused?: string; then?: (a: ChangeAnswer) => void } = {},
): void {
  queue.push('change', async () => {
    const sent = store.version;
    const answer = (await request<ChangeAnswer>(path, { ...body, view: store.request(page.chromeKey) }, chrome.words.unreachable)) as ChangeAnswer;
    if (options.pendingKey && pending.get(options.pendingKey) === body.input) pending.delete(options.pendingKey);
    if (!answer.ok) chrome.toast(answer.message ?? options.refused ?? chrome.words.editRefused, 'error');
    takeAnswer(answer, sent, options.row ? [options.row] : []);
    options.then?.(answer);
  });
}

/** The whole picture again: chrome and the rows in view (first load, Reset, a file opened). */
export async function refresh(): Promise<void> {
  const sheet = currentSheet();
  const want = sheet ? rowsWanted(sheet) : { from: 1, to: 100 };
  const query = `${sheet ? `sheet=${encodeURIComponent(sheet.name)}&` : ''}from=${want.from}&to=${want.to}`;
  type Picture = { chrome?: PageChrome; chromeKey: string; window: WindowCells };
  const picture = (await request<Picture>(`/api/page?${query}`, undefined, chrome.words.unreachable)) as Picture;
  if (!picture.chrome) return;
  const first = page.view === null;
  page.view = picture.chrome;
  page.chromeKey = picture.chromeKey;
  if (first) {
    page.sheetName = page.view.activeSheet;
    page.serverActive = page.view.activeSheet;
  } else followServer(page.view);
  // A fresh picture replaces whatever was held (after a reset the versions start again from 0).
  store.reset(page.sheetName);
  if (picture.window.sheet === page.sheetName) store.take(picture.window);
  chrome.render(page.view, page.sheetName);
  renderGrid();
}

/** After the sidebar changed the workbook: what changed in the window, as after the page's own changes. */
export async function catchUp(): Promise<void> {
  const window = store.request(page.chromeKey);
  if (!window) return refresh();
  const answer = (await request<ChangeAnswer>('/api/view', { view: window }, chrome.words.unreachable)) as ChangeAnswer;
  if (!answer.ok) return refresh();
  takeAnswer(answer, window.version);
}
