/**
 * The playground page: the workbook's tabs and grid, a formula bar, the add-on's menu, and its sidebar in an
 * iframe. Every change goes to the server, which owns the workbook; the page only draws what the server returns:
 * the rows in view (window.ts, draw.ts) and, after each change, what changed in them (sync.ts). Changes wait their
 * turn in a queue (queue.ts), so typing never waits for the server and nothing typed is lost.
 */
import { redrawRows, renderFormulaBar, renderGrid, rowsWanted, select } from './draw';
import type { EditorTarget } from './editor';
import { COLUMNS_ADDED } from './grid';
import { cellName, columnNumber } from './html';
import { installImport } from './import';
import { installGridInput } from './input';
import { request } from './queue';
import { $, chrome, currentSheet, dom, editor, page, pending, queue, store } from './state';
import { catchUp, change, refresh } from './sync';

/**
 * Sends what was typed into the selected cell (or the cell the editor was opened on); the selection moves on at
 * once, as in Sheets.
 */
function commit(input: string, move: { row: number; column: number } = { row: 1, column: 0 }, into?: EditorTarget): void {
  const sheet = currentSheet();
  if (!sheet) return;
  const target = into ?? { sheet: sheet.name, ...page.selected };
  const a1 = cellName(target.row, target.column);
  editor.close();
  const pendingKey = `${target.sheet}\u0000${a1}`;
  pending.set(pendingKey, input);
  change('/api/edit', { sheet: target.sheet, cell: a1, input }, { pendingKey, row: target.row });
  if (target.sheet === sheet.name) {
    // Moving on first, while the layout is clean, then redrawing the row: one layout for both, not two.
    select(target.row + move.row, target.column + move.column);
    redrawRows([target.row]);
  }
  if (document.activeElement !== dom.formulaInput) dom.grid.focus({ preventScroll: true });
}

/** Opens the editor on the selected cell, with what it holds (or what was typed into it and is on its way). */
function startEdit(initial?: string): void {
  const sheet = currentSheet();
  if (!sheet) return;
  const { row, column } = page.selected;
  const a1 = cellName(row, column);
  const value = initial ?? pending.get(`${sheet.name}\u0000${a1}`) ?? store.get(a1)?.e ?? '';
  editor.start(sheet, row, column, value, {
    commit,
    typed: (input) => (dom.formulaInput.value = input),
    cancel: () => {
      renderFormulaBar();
      dom.grid.focus({ preventScroll: true });
    },
  });
}

function switchTab(name: string): void {
  page.sheetName = name;
  page.serverActive = name;
  page.selected = { row: 1, column: 1 };
  editor.close();
  store.reset(name);
  dom.grid.scrollTo(0, 0);
  if (page.view) chrome.render(page.view, name);
  renderGrid();
  void request('/api/activate', { sheet: name }, chrome.words.unreachable);
}

function undo(): void {
  change('/api/undo', {}, {
    then: (answer) => {
      const where = typeof answer.value === 'string' ? /^(.*)!([A-Z]+)(\d+)$/.exec(answer.value) : null;
      if (answer.ok && where && where[1] === page.sheetName) select(Number(where[3]), columnNumber(where[2]!));
    },
  });
}

// ---- Events ----
dom.grid.addEventListener('scroll', () => {
  const sheet = currentSheet();
  if (!sheet) return;
  const want = rowsWanted(sheet);
  if (want.from !== page.drawn.from || want.to !== page.drawn.to) renderGrid();
});
installGridInput(
  { grid: dom.grid, nameBox: dom.nameBox, formulaInput: dom.formulaInput, others: [dom.addRowsCount] },
  {
    selected: () => page.selected,
    select,
    editing: () => editor.open,
    startEdit,
    closeEditor: () => editor.close(),
    commit,
    undo,
    showSelection: renderFormulaBar,
    notCell: (text) => chrome.toast(chrome.words.badCell(text), 'error'),
  },
);
dom.grid.addEventListener('click', (event) => {
  if (!(event.target as HTMLElement).closest('[data-testid="add-columns"]')) return;
  const sheet = currentSheet();
  if (sheet) change('/api/grow', { sheet: sheet.name, columns: COLUMNS_ADDED });
});
$('add-rows').addEventListener('click', () => {
  const sheet = currentSheet();
  if (sheet) change('/api/grow', { sheet: sheet.name, rows: Number(dom.addRowsCount.value) });
});
$('undo').addEventListener('click', undo);
chrome.tabs.addEventListener('click', (event) => {
  const tab = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-sheet]');
  if (tab && tab.dataset.sheet !== page.sheetName) switchTab(tab.dataset.sheet!);
});
chrome.menu.addEventListener('click', (event) => {
  const item = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-fn]');
  if (item) change('/api/menu', { functionName: item.dataset.fn }, { refused: chrome.words.menuFailed });
});
$('reset').addEventListener('click', () => {
  if (!window.confirm(chrome.words.resetConfirm)) return;
  queue.push('reset', async () => {
    await request('/api/reset', {}, chrome.words.unreachable);
    chrome.restart();
    store.reset(null);
    await refresh();
  });
});
$('sidebar-close').addEventListener('click', () => {
  queue.push('refresh', async () => {
    await request('/api/close-sidebar', {}, chrome.words.unreachable);
    await refresh();
  });
});
dom.zoomSelect.addEventListener('change', () => {
  localStorage.setItem('playground.zoom', dom.zoomSelect.value);
  renderGrid();
});
window.addEventListener('message', (event) => {
  const data = event.data as { type?: string; version?: number } | null;
  if (event.origin !== window.location.origin || data?.type !== 'playground:script-run') return;
  // Most of the sidebar's calls only read: nothing to redraw when the workbook is at the version the page shows.
  if (typeof data.version === 'number' && data.version === page.view?.version) return;
  if (!queue.has('refresh')) queue.push('refresh', catchUp);
});

// Opening a file replaces the workbook on the server, as Reset does (see import.ts).
installImport({
  words: () => chrome.words,
  reload: async () => {
    chrome.restart();
    await refresh();
  },
  notify: (message, kind) => chrome.toast(message, kind),
  hasChanges: () => (page.view?.version ?? 0) > 0,
});

const savedZoom = localStorage.getItem('playground.zoom');
if (savedZoom && [...dom.zoomSelect.options].some((o) => o.value === savedZoom)) dom.zoomSelect.value = savedZoom;
queue.push('refresh', async () => {
  await refresh();
  document.body.dataset.ready = 'true';
});
