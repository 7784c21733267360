/**
 * The playground page: the workbook's tabs and grid, a formula bar, the add-on's menu, and its sidebar in an
 * iframe. Every change goes to the server, which owns the workbook; the page only draws what the server returns.
 */
import type { SheetView, WorkbookView } from '../view';
import { gridHtml } from './grid';
import { cellName, escapeHtml } from './html';

interface PageView extends WorkbookView {
  sidebarSeq: number;
  savedTo: string | null;
}

interface Answer {
  ok: boolean;
  value?: unknown;
  message?: string;
}

const $ = <E extends HTMLElement>(testid: string): E => document.querySelector<E>(`[data-testid="${testid}"]`)!;
const grid = $<HTMLDivElement>('grid');
const tabs = $<HTMLDivElement>('tabs');
const menu = $<HTMLSpanElement>('menu');
const nameBox = $<HTMLDivElement>('cell-ref');
const formulaInput = $<HTMLInputElement>('formula-input');
const sidebar = $<HTMLElement>('sidebar');
const sidebarFrame = $<HTMLIFrameElement>('sidebar-frame');
const toast = $<HTMLDivElement>('toast');
const zoomSelect = $<HTMLSelectElement>('zoom');

let view: PageView | null = null;
let sheetName: string | null = null;
/** The tab the server last reported as active: when the add-on activates another (a new tab), the page follows. */
let serverActive: string | null = null;
let selected = { row: 1, column: 1 };
let seenToasts = -1;
let sidebarSeq = 0;
let editor: HTMLInputElement | null = null;
let busy = 0;
let toastTimer: ReturnType<typeof setTimeout> | undefined;

async function request(path: string, body?: unknown): Promise<Answer> {
  busy++;
  document.body.classList.add('busy');
  try {
    const response = await fetch(path, body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return (await response.json()) as Answer;
  } catch (error) {
    return { ok: false, message: `The playground server is not reachable (${String(error)}).` };
  } finally {
    if (--busy === 0) document.body.classList.remove('busy');
  }
}

function showToast(message: string, kind: 'info' | 'error' = 'info'): void {
  toast.textContent = message;
  toast.className = `snackbar ${kind}`;
  toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (toast.hidden = true), kind === 'error' ? 8000 : 5000);
}

const currentSheet = (): SheetView | undefined => view?.sheets.find((s) => s.name === sheetName) ?? view?.sheets.find((s) => !s.hidden);

function renderChrome(v: PageView): void {
  $('workbook-name').textContent = v.name;
  document.title = `${v.name} · Influencer Matrix playground`;
  const saved = $('saved-to');
  saved.textContent = v.savedTo ? 'Saved in --out folder' : 'In memory only';
  saved.title = v.savedTo ? `The session is saved to ${v.savedTo} after every change.` : 'Start with --out DIR to keep the session between runs.';
  menu.innerHTML = v.menu
    .map((item) => `<button type="button" class="menu-item" data-testid="menu-${escapeHtml(item.functionName)}" data-fn="${escapeHtml(item.functionName)}">${escapeHtml(item.caption)}</button>`)
    .join('');
  tabs.innerHTML = v.sheets
    .filter((s) => !s.hidden)
    .map((s) => {
      const active = s.name === sheetName;
      const color = s.tabColor ? ` style="--tab-color:${escapeHtml(s.tabColor)}"` : '';
      return `<button type="button" role="tab" class="tab${active ? ' active' : ''}${s.tabColor ? ' colored' : ''}" aria-selected="${active}" data-testid="tab" data-sheet="${escapeHtml(s.name)}"${color}>${escapeHtml(s.name)}</button>`;
    })
    .join('');
}

function renderSidebar(v: PageView): void {
  if (!v.sidebar) {
    sidebar.hidden = true;
    sidebarSeq = v.sidebarSeq;
    return;
  }
  sidebar.hidden = false;
  $('sidebar-title').textContent = v.sidebar.title || 'Add-on';
  // Reloaded only when the add-on shows the sidebar again, so a refresh never loses what was typed in it.
  if (v.sidebarSeq !== sidebarSeq || !sidebarFrame.getAttribute('src')) {
    sidebarSeq = v.sidebarSeq;
    sidebarFrame.src = `/sidebar?v=${v.sidebarSeq}`;
  }
}

function renderGrid(keepScroll: boolean): void {
  const sheet = currentSheet();
  const { scrollTop, scrollLeft } = grid;
  grid.innerHTML = sheet ? `<div class="zoom-box" style="zoom:${zoomSelect.value}">${gridHtml(sheet, selected)}</div>` : '';
  editor = null;
  if (keepScroll) {
    grid.scrollTop = scrollTop;
    grid.scrollLeft = scrollLeft;
  }
  grid.dataset.sheet = sheet?.name ?? '';
  renderFormulaBar();
}

function renderFormulaBar(): void {
  const cell = currentSheet()?.cells[cellName(selected.row, selected.column)];
  nameBox.textContent = cellName(selected.row, selected.column);
  if (document.activeElement !== formulaInput) formulaInput.value = cell?.e ?? '';
}

function render(keepScroll = true): void {
  if (!view) return;
  if (!currentSheet() || currentSheet()!.name !== sheetName) sheetName = currentSheet()?.name ?? null;
  renderChrome(view);
  renderSidebar(view);
  renderGrid(keepScroll);
}

async function refresh(): Promise<void> {
  const response = await fetch('/api/workbook');
  const next = (await response.json()) as PageView;
  const first = view === null;
  view = next;
  let moved = false;
  if (first || next.activeSheet !== serverActive) {
    moved = sheetName !== next.activeSheet;
    sheetName = next.activeSheet;
    serverActive = next.activeSheet;
  }
  if (moved && !first) selected = { row: 1, column: 1 };
  if (seenToasts >= 0 && next.toasts.length > seenToasts) {
    const last = next.toasts[next.toasts.length - 1]!;
    showToast(last.title ? `${last.title}: ${last.message}` : last.message);
  }
  seenToasts = next.toasts.length;
  render(!moved);
  document.body.dataset.version = String(next.version);
}

function select(row: number, column: number, scroll = true): void {
  const sheet = currentSheet();
  if (!sheet) return;
  selected = { row: Math.max(1, Math.min(sheet.rows, row)), column: Math.max(1, Math.min(sheet.columns, column)) };
  grid.querySelector('td.selected')?.classList.remove('selected');
  grid.querySelectorAll('th.active').forEach((th) => th.classList.remove('active'));
  const td = grid.querySelector<HTMLTableCellElement>(`td[data-cell="${cellName(selected.row, selected.column)}"]`);
  td?.classList.add('selected');
  grid.querySelector(`tr[data-row="${selected.row}"] th.rowhead`)?.classList.add('active');
  grid.querySelectorAll('thead th.colhead')[selected.column - 1]?.classList.add('active');
  if (scroll) td?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  renderFormulaBar();
}

async function commit(input: string, move: { row: number; column: number } = { row: 1, column: 0 }): Promise<void> {
  const sheet = currentSheet();
  if (!sheet) return;
  const target = { ...selected };
  closeEditor();
  const answer = await request('/api/edit', { sheet: sheet.name, cell: cellName(target.row, target.column), input });
  if (!answer.ok) showToast(answer.message ?? 'The edit was refused.', 'error');
  await refresh();
  // Someone who clicked elsewhere while the server answered keeps that selection.
  if (selected.row === target.row && selected.column === target.column) select(target.row + move.row, target.column + move.column);
  if (!editor && document.activeElement !== formulaInput) grid.focus({ preventScroll: true });
}

function startEdit(initial?: string): void {
  const td = grid.querySelector<HTMLTableCellElement>(`td[data-cell="${cellName(selected.row, selected.column)}"]`);
  const box = grid.querySelector<HTMLDivElement>('.zoom-box');
  if (!td || !box) return;
  closeEditor();
  const input = document.createElement('input');
  input.className = 'cell-editor';
  input.dataset.testid = 'cell-editor';
  input.spellcheck = false;
  input.value = initial ?? currentSheet()?.cells[cellName(selected.row, selected.column)]?.e ?? '';
  input.style.left = `${td.offsetLeft}px`;
  input.style.top = `${td.offsetTop}px`;
  input.style.minWidth = `${td.offsetWidth}px`;
  input.style.height = `${td.offsetHeight}px`;
  box.appendChild(input);
  editor = input;
  input.focus();
  input.setSelectionRange(input.value.length, input.value.length);
  input.addEventListener('input', () => (formulaInput.value = input.value));
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void commit(input.value, { row: 1, column: 0 });
    } else if (event.key === 'Tab') {
      event.preventDefault();
      void commit(input.value, { row: 0, column: event.shiftKey ? -1 : 1 });
    } else if (event.key === 'Escape') {
      closeEditor();
      renderFormulaBar();
      grid.focus({ preventScroll: true });
    }
  });
}

function closeEditor(): void {
  editor?.remove();
  editor = null;
}

// ---- Events ----
grid.addEventListener('mousedown', (event) => {
  const td = (event.target as HTMLElement).closest<HTMLTableCellElement>('td[data-cell]');
  if (!td || (event.target as HTMLElement).classList.contains('cell-editor')) return;
  const m = /^([A-Z]+)(\d+)$/.exec(td.dataset.cell!)!;
  const column = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  closeEditor();
  select(Number(m[2]), column, false);
});
grid.addEventListener('dblclick', (event) => {
  if ((event.target as HTMLElement).closest('td[data-cell]')) startEdit();
});
grid.addEventListener('keydown', (event) => {
  if (editor || event.target !== grid) return;
  const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Tab: [0, event.shiftKey ? -1 : 1] };
  const move = moves[event.key];
  if (move) {
    event.preventDefault();
    select(selected.row + move[0], selected.column + move[1]);
  } else if (event.key === 'Enter' || event.key === 'F2') {
    event.preventDefault();
    startEdit();
  } else if (event.key === 'Delete' || event.key === 'Backspace') {
    event.preventDefault();
    void commit('', { row: 0, column: 0 });
  } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
    event.preventDefault();
    startEdit(event.key);
  }
});
formulaInput.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') {
    event.preventDefault();
    void commit(formulaInput.value);
  } else if (event.key === 'Escape') {
    formulaInput.blur();
    renderFormulaBar();
    grid.focus({ preventScroll: true });
  }
});
tabs.addEventListener('click', (event) => {
  const tab = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-sheet]');
  if (!tab || tab.dataset.sheet === sheetName) return;
  sheetName = tab.dataset.sheet!;
  serverActive = sheetName;
  selected = { row: 1, column: 1 };
  render(false);
  grid.scrollTo(0, 0);
  void request('/api/activate', { sheet: sheetName });
});
menu.addEventListener('click', async (event) => {
  const item = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-fn]');
  if (!item) return;
  const answer = await request('/api/menu', { functionName: item.dataset.fn });
  if (!answer.ok) showToast(answer.message ?? 'The menu item failed.', 'error');
  await refresh();
});
$('reset').addEventListener('click', async () => {
  if (!window.confirm('Start again from the roster? Every change in this session is discarded.')) return;
  await request('/api/reset', {});
  seenToasts = -1;
  sidebarSeq = 0;
  await refresh();
});
$('sidebar-close').addEventListener('click', async () => {
  await request('/api/close-sidebar', {});
  await refresh();
});
zoomSelect.addEventListener('change', () => {
  localStorage.setItem('playground.zoom', zoomSelect.value);
  renderGrid(true);
});
window.addEventListener('message', (event) => {
  if (event.origin === window.location.origin && (event.data as { type?: string } | null)?.type === 'playground:script-run') void refresh();
});

const savedZoom = localStorage.getItem('playground.zoom');
if (savedZoom && [...zoomSelect.options].some((o) => o.value === savedZoom)) zoomSelect.value = savedZoom;
void refresh().then(() => {
  document.body.dataset.ready = 'true';
});
