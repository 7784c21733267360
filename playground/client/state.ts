/**
 * What the page knows, shared by its parts: the workbook's chrome as last reported, the tab shown, the selection,
 * the rows held (window.ts) and drawn, what was typed and is on its way, and the queue of changes (queue.ts).
 */
import type { PageChrome } from '../page-view';
import type { SheetChrome } from '../view';
import { Chrome } from './chrome';
import { CellEditor } from './editor';
import { ChangeQueue } from './queue';
import { WindowStore, type Rows } from './window';

export const $ = <E extends HTMLElement>(testid: string): E => document.querySelector<E>(`[data-testid="${testid}"]`)!;

export const dom = {
  grid: $<HTMLDivElement>('grid'),
  nameBox: $<HTMLInputElement>('cell-ref'),
  formulaInput: $<HTMLInputElement>('formula-input'),
  zoomSelect: $<HTMLSelectElement>('zoom'),
  addRowsCount: $<HTMLInputElement>('add-rows-count'),
  zoomBox: document.querySelector<HTMLDivElement>('[data-testid="grid"] .zoom-box')!,
  cellsBox: document.querySelector<HTMLDivElement>('[data-testid="grid"] .cells')!,
};

export const page = {
  /** The workbook as last reported: its tabs, sizes, menu, version. */
  view: null as PageChrome | null,
  /** The key of that chrome, sent back so an unchanged chrome is not sent again. */
  chromeKey: undefined as string | undefined,
  /** The tab shown. */
  sheetName: null as string | null,
  /** The tab the server last reported as active: when the add-on activates another (a new tab), the page follows. */
  serverActive: null as string | null,
  selected: { row: 1, column: 1 },
  /** Rows drawn now (besides frozen ones). */
  drawn: { from: 1, to: 0 } as Rows,
};

export const chrome = new Chrome();
export const editor = new CellEditor(dom.zoomBox);
export const store = new WindowStore();
/** What was typed into cells ("Sheet\u0000A1") and is still on its way to the server. */
export const pending = new Map<string, string>();
export const queue = new ChangeQueue((size) => chrome.busy(size));

export const currentSheet = (): SheetChrome | undefined =>
  page.view?.sheets.find((s) => s.name === page.sheetName) ?? page.view?.sheets.find((s) => !s.hidden);

export const zoom = (): number => Number(dom.zoomSelect.value) || 1;

/** What is on its way for the cells of `sheet`, by A1. */
export const pendingOf = (sheet: string): Map<string, string> =>
  new Map([...pending].filter(([key]) => key.startsWith(`${sheet}\u0000`)).map(([key, input]) => [key.slice(sheet.length + 1), input]));
