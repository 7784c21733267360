/**
 * The rows of the current tab the page holds: a window around what is in view, at one version of the workbook. The
 * server sends a window's cells when the page scrolls to rows it does not hold, and after a change only the cells of
 * the window that changed (page-view.ts), so the window is what the page tells the server it has.
 */
import type { PageWindow, WindowCells, WindowPatch } from '../page-view';
import type { CellView, SheetChrome } from '../view';

/** Rows held beyond those in view, above and below, so a short scroll needs nothing from the server. */
export const OVERSCAN = 40;
/** Windows start and end on multiples of this, so small scrolls keep the same window. */
const BLOCK = 50;

export interface Rows {
  from: number;
  to: number;
}

/**
 * The rows to hold when rows `first`..`last` are in view. Whatever the sheet's size, the page holds and draws about
 * a hundred rows: a larger page costs every edit its layout.
 */
export function wantedRows(sheet: SheetChrome, first: number, last: number): Rows {
  const from = Math.max(1, Math.floor((first - OVERSCAN - 1) / BLOCK) * BLOCK + 1);
  const to = Math.min(sheet.rows, Math.ceil((last + OVERSCAN) / BLOCK) * BLOCK);
  return { from, to: Math.max(from, to) };
}

const rowOf = (a1: string): number => Number(/\d+$/.exec(a1)?.[0] ?? 0);

export class WindowStore {
  sheet: string | null = null;
  from = 1;
  to = 0;
  /** The workbook version the cells are at; -1 before any arrived. */
  version = -1;
  /** Rows 1..frozen, the frozen rows, are held too whatever the window. */
  private frozen = 0;
  private cells = new Map<string, CellView>();

  get(a1: string): CellView | undefined {
    return this.cells.get(a1);
  }

  /** Whether the cells of `rows` on `sheet` are held. */
  covers(sheet: string, rows: Rows): boolean {
    return this.sheet === sheet && this.version >= 0 && this.from <= rows.from && this.to >= rows.to;
  }

  /** Forgets everything: another tab, or a workbook changed in ways the window cannot follow. */
  reset(sheet: string | null): void {
    this.sheet = sheet;
    this.from = 1;
    this.to = 0;
    this.version = -1;
    this.frozen = 0;
    this.cells.clear();
  }

  /** Takes a window the server sent; cells outside `keep` are let go. */
  take(win: WindowCells, keep: Rows = win): void {
    // Joined to what is held only when both are of the same moment and meet; otherwise it replaces it.
    const joins = win.sheet === this.sheet && win.version === this.version && this.to >= this.from && win.from <= this.to + 1 && win.to >= this.from - 1;
    if (!joins) {
      this.reset(win.sheet);
      this.version = win.version;
      this.from = win.from;
      this.to = win.to;
    } else {
      for (const a1 of [...this.cells.keys()]) {
        const row = rowOf(a1);
        const frozen = row <= win.frozen;
        if (frozen || (row >= win.from && row <= win.to) || row < keep.from || row > keep.to) this.cells.delete(a1);
      }
      this.from = Math.max(keep.from, Math.min(this.from, win.from));
      this.to = Math.min(keep.to, Math.max(this.to, win.to));
    }
    this.frozen = win.frozen;
    for (const [a1, cell] of Object.entries(win.cells)) this.cells.set(a1, cell);
  }

  /** Applies what a change did to the window the page sent with it; false when the window has to be fetched again. */
  apply(patch: WindowPatch, sentVersion: number, version: number): boolean {
    if (patch.sheet !== this.sheet) return false;
    if (patch.full) {
      this.take({ sheet: patch.sheet, from: patch.from, to: patch.to, frozen: patch.frozen, version, cells: patch.cells as Record<string, CellView> });
      return true;
    }
    if (sentVersion !== this.version || patch.from !== this.from || patch.to !== this.to) return false;
    for (const [a1, cell] of Object.entries(patch.cells)) {
      if (cell) this.cells.set(a1, cell);
      else this.cells.delete(a1);
    }
    this.version = version;
    return true;
  }

  /** The window as the server is told the page holds it; null when nothing is held. */
  request(chromeKey: string | undefined): PageWindow | null {
    if (this.sheet === null || this.version < 0 || this.to < this.from) return null;
    return { sheet: this.sheet, from: this.from, to: this.to, version: this.version, ...(chromeKey ? { chrome: chromeKey } : {}) };
  }
}
