/**
 * What the page is sent. A roster of 20,000 rows is far more than a page should hold, so the page asks for the rows
 * it shows (a window) and, after a change it makes, receives only the cells of that window that changed, and the
 * workbook's chrome (tabs, sizes, charts, menu) only when that changed too. An edit of one cell costs the bytes of
 * the cells it changed in view, whatever the size of the roster.
 */
import type { CellView, SheetChrome } from './view';
import { sheetChrome, windowCells } from './view';
import type { PlaygroundSession } from './session';

/** Rows sent at most in one window. */
export const MAX_WINDOW_ROWS = 1_000;

export interface PageChrome {
  name: string;
  locale: string;
  version: number;
  activeSheet: string | null;
  sheets: SheetChrome[];
  menu: Array<{ caption: string; functionName: string }>;
  sidebar: { title: string } | null;
  /** How many toasts the add-on has shown, and the last one. */
  toastCount: number;
  lastToast: { title: string; message: string } | null;
  sidebarSeq: number;
  savedTo: string | null;
  /** Edits that can be undone. */
  undoable: number;
}

/** The rows of one sheet the page shows, and the version of the workbook it shows them at. */
export interface PageWindow {
  sheet: string;
  from: number;
  to: number;
  version: number;
  /** The key of the chrome the page has. */
  chrome?: string;
}

export interface WindowCells {
  sheet: string;
  from: number;
  to: number;
  /** Rows 1..frozen, the sheet's frozen rows above the window, are in `cells` too. */
  frozen: number;
  version: number;
  cells: Record<string, CellView>;
}

/** What changed in the page's window: every cell of it when `full`, else only the cells that changed (null: now empty). */
export interface WindowPatch {
  sheet: string;
  from: number;
  to: number;
  /** As in WindowCells. */
  frozen: number;
  full: boolean;
  cells: Record<string, CellView | null>;
}

type Rendered = { window: PageWindow; frozen: number; cells: Record<string, CellView> };

/** A window the page asked for, checked; null when it asked for none or for one that cannot be read. */
export function pageWindow(value: unknown): PageWindow | null {
  if (!value || typeof value !== 'object') return null;
  const w = value as Record<string, unknown>;
  const whole = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1;
  if (typeof w.sheet !== 'string' || !whole(w.from) || !whole(w.to) || typeof w.version !== 'number') return null;
  const to = Math.min(w.to, w.from + MAX_WINDOW_ROWS - 1);
  if (to < w.from) return null;
  return { sheet: w.sheet, from: w.from, to, version: w.version, ...(typeof w.chrome === 'string' ? { chrome: w.chrome } : {}) };
}

/** A 53-bit hash of the chrome's JSON: the page sends it back so an unchanged chrome is not sent again. */
function keyOf(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  return `${(h1 >>> 0).toString(36)}${(h2 >>> 0).toString(36)}`;
}

export class PageViews {
  /** The window last sent, so the next change finds the page's picture without drawing it again. */
  private last: Rendered | null = null;

  constructor(
    private readonly session: () => PlaygroundSession,
    private readonly extra: () => { sidebarSeq: number; savedTo: string | null },
  ) {}

  chrome(): { chrome: PageChrome; key: string } {
    const session = this.session();
    const structure = session.structure();
    const ui = session.workbook.ui;
    const chrome: PageChrome = {
      name: structure.name,
      locale: structure.locale,
      version: session.version,
      activeSheet: session.activeSheetName(),
      sheets: structure.sheets.map((s) => sheetChrome(s, session.engine)),
      menu: session.menuItems(),
      sidebar: ui.sidebar ? { title: ui.sidebar.title } : null,
      toastCount: ui.toasts.length,
      lastToast: ui.toasts.at(-1) ?? null,
      ...this.extra(),
      undoable: session.undoable,
    };
    // The version and the undo count move with every change (each answer carries them); the key says whether
    // anything the page lays out did.
    return { chrome, key: keyOf(JSON.stringify({ ...chrome, version: 0, undoable: 0 })) };
  }

  /**
   * The cells of a window at the current version, with the sheet's frozen rows above it (they stay in view however
   * far down the page scrolls). Rows past the sheet's end come back empty.
   */
  render(window: Omit<PageWindow, 'version'>): Rendered {
    const session = this.session();
    const sheet = session.structure().sheets.find((s) => s.name === window.sheet);
    const version = session.version;
    const frozen = Math.min(sheet?.frozenRows ?? 0, window.from - 1);
    if (!sheet) return { window: { ...window, version }, frozen, cells: {} };
    const options = {
      timeZone: session.structure().timeZone,
      rules: session.ruleResults,
      overflows: session.spills.overflows(sheet.name, sheet.maxRows, sheet.maxColumns),
      words: session.words,
    };
    const rows = (from: number, to: number): Record<string, CellView> =>
      to < from ? {} : windowCells(sheet, session.workbook.snapshotRows(sheet.name, from, to), session.engine, { ...options, from, to });
    const cells = { ...rows(1, frozen), ...rows(window.from, Math.min(window.to, sheet.maxRows)) };
    this.last = { window: { sheet: window.sheet, from: window.from, to: window.to, version }, frozen, cells };
    return this.last;
  }

  window(window: Omit<PageWindow, 'version'>): WindowCells {
    const { window: w, frozen, cells } = this.render(window);
    return { sheet: w.sheet, from: w.from, to: w.to, frozen, version: w.version, cells };
  }

  /** Before a change the page asked for: its window as it has it, when it is up to date (else null). */
  before(window: PageWindow | null): Rendered | null {
    if (!window) return null;
    // The window last sent is what the page holds when it names the same rows at the same version, even when the
    // workbook has changed since (the sidebar's calls): the page is then sent what changed from it.
    const last = this.last?.window;
    if (last && last.sheet === window.sheet && last.from === window.from && last.to === window.to && last.version === window.version) return this.last;
    return window.version === this.session().version ? this.render(window) : null;
  }

  /**
   * After the change: the window's cells that differ from `before` (all of them without it), and the chrome when
   * its key is not the page's.
   */
  after(window: PageWindow | null, before: Rendered | null): { undoable: number; patch?: WindowPatch; chrome?: PageChrome; chromeKey?: string } {
    const undoable = this.session().undoable;
    if (!window) return { undoable };
    const now = this.render(window);
    const cells: Record<string, CellView | null> = {};
    if (before) {
      for (const [ref, cell] of Object.entries(now.cells)) {
        const old = before.cells[ref];
        if (!old || JSON.stringify(old) !== JSON.stringify(cell)) cells[ref] = cell;
      }
      for (const ref of Object.keys(before.cells)) if (!(ref in now.cells)) cells[ref] = null;
    } else Object.assign(cells, now.cells);
    const patch: WindowPatch = { sheet: window.sheet, from: window.from, to: window.to, frozen: now.frozen, full: !before, cells };
    const { chrome, key } = this.chrome();
    return key === window.chrome ? { undoable, patch, chromeKey: key } : { undoable, patch, chrome, chromeKey: key };
  }
}

