/**
 * Drawing the grid: the rows around the view (only those, whatever the sheet's size), a few rows again after a
 * change, the selection, and the name box and formula bar that follow it.
 */
import type { SheetChrome } from '../view';
import { columnOffsets, gridHtml, HEADER_HEIGHT, ROW_HEIGHT, rowTop } from './grid';
import { cellName } from './html';
import { currentSheet, dom, editor, page, pending, pendingOf, queue, store, zoom, chrome } from './state';
import { fetchWindow } from './sync';
import { wantedRows, type Rows } from './window';

/** Rows in view now, from the scroll position. */
export function rowsInView(sheet: SheetChrome): Rows {
  const { grid } = dom;
  const z = zoom();
  const first = Math.floor((grid.scrollTop / z - HEADER_HEIGHT) / ROW_HEIGHT) + 1;
  const last = Math.ceil(((grid.scrollTop + grid.clientHeight) / z - HEADER_HEIGHT) / ROW_HEIGHT) + 1;
  return { from: Math.max(1, first), to: Math.min(sheet.rows, Math.max(first, last)) };
}

/** The rows to hold for the view now. */
export const rowsWanted = (sheet: SheetChrome): Rows => {
  const seen = rowsInView(sheet);
  return wantedRows(sheet, seen.from, seen.to);
};

const state = (sheet: SheetChrome) => ({ ...page.drawn, cells: (a1: string) => store.get(a1), selected: page.selected, pending: pendingOf(sheet.name), words: chrome.words });

/** Draws the rows around the view, and asks the server for those the page does not hold yet. */
export function renderGrid(): void {
  const sheet = currentSheet();
  dom.grid.dataset.sheet = sheet?.name ?? '';
  if (!sheet) {
    dom.cellsBox.innerHTML = '';
    return;
  }
  page.drawn = rowsWanted(sheet);
  dom.zoomBox.style.zoom = dom.zoomSelect.value;
  dom.cellsBox.innerHTML = gridHtml(sheet, state(sheet));
  editor.place(sheet);
  renderFormulaBar();
  if (!store.covers(sheet.name, page.drawn) && !queue.has('fetch')) queue.push('fetch', fetchWindow);
}

/**
 * Redraws only the rows given (a change that touched a few cells): much cheaper than the whole window, and exact,
 * since a cell's look depends on nothing outside its row. Falls back to the whole window when a row is not drawn.
 */
export function redrawRows(rows: Iterable<number>): void {
  const sheet = currentSheet();
  if (!sheet) return;
  for (const [row, tr] of gridHtml(sheet, state(sheet), rows)) {
    const old = dom.cellsBox.querySelector(`tr[data-row="${row}"]`);
    if (!old) return renderGrid();
    old.outerHTML = tr;
  }
  editor.place(sheet);
  renderFormulaBar();
}

/** The name box and formula bar, for the selected cell (what was typed into it while on its way, if anything). */
export function renderFormulaBar(): void {
  const { nameBox, formulaInput } = dom;
  const a1 = cellName(page.selected.row, page.selected.column);
  if (document.activeElement !== nameBox) nameBox.value = a1;
  const typed = pending.get(`${page.sheetName}\u0000${a1}`);
  if (document.activeElement !== formulaInput) formulaInput.value = typed ?? store.get(a1)?.e ?? '';
}

/** Scrolls the least that shows the cell, past the frozen rows and columns; the scroll then draws its rows. */
function ensureVisible(sheet: SheetChrome, row: number, column: number): void {
  const { grid } = dom;
  const z = zoom();
  const frozenHeight = rowTop(Math.min(sheet.frozenRows, sheet.rows) + 1) * z;
  const top = rowTop(row) * z;
  const bottom = top + ROW_HEIGHT * z;
  if (row > sheet.frozenRows) {
    if (top < grid.scrollTop + frozenHeight) grid.scrollTop = top - frozenHeight;
    else if (bottom > grid.scrollTop + grid.clientHeight) grid.scrollTop = bottom - grid.clientHeight + 16;
  }
  const offsets = columnOffsets(sheet);
  const left = offsets[column - 1]! * z;
  const right = offsets[column]! * z;
  const frozenWidth = offsets[Math.min(sheet.frozenColumns, sheet.columns)]! * z;
  if (column > sheet.frozenColumns) {
    if (left < grid.scrollLeft + frozenWidth) grid.scrollLeft = left - frozenWidth;
    else if (right > grid.scrollLeft + grid.clientWidth) grid.scrollLeft = right - grid.clientWidth + 16;
  }
}

export function select(row: number, column: number, scroll = true): void {
  const sheet = currentSheet();
  if (!sheet) return;
  const { grid } = dom;
  page.selected = { row: Math.max(1, Math.min(sheet.rows, row)), column: Math.max(1, Math.min(sheet.columns, column)) };
  const { selected } = page;
  grid.querySelector('td.selected')?.classList.remove('selected');
  grid.querySelectorAll('th.active').forEach((th) => th.classList.remove('active'));
  grid.querySelector(`td[data-cell="${cellName(selected.row, selected.column)}"]`)?.classList.add('selected');
  grid.querySelector(`tr[data-row="${selected.row}"] th.rowhead`)?.classList.add('active');
  grid.querySelectorAll('thead th.colhead')[selected.column - 1]?.classList.add('active');
  if (scroll) ensureVisible(sheet, selected.row, selected.column);
  renderFormulaBar();
}
