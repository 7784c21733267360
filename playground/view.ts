/**
 * What the playground page draws: each tab's cells as display text with their formatting, conditional-format
 * colours applied, and charts resolved to the data they plot. Built on the server so the page holds no spreadsheet
 * logic, and so tests can read exactly what a person sees.
 */
import { formatNumber, formatText } from '../src/offline/number-format';
import { cellToA1, parseA1, resolveA1, type CellSnapshot, type SheetSnapshot, type WorkbookSnapshot } from '../src/offline/workbook';
import { chartView, type ChartView } from './chart-view';
import { applyConditionalFormats } from './conditional-view';
import { serialFromDate } from './dates';
import type { Overflow, SpillMap } from './engine-sync';
import type { EngineValue, FormulaEngine } from './formulas';
import { RuleResults } from './rule-formulas';
import { wordsFor, type Words } from './words';

export type { ChartView } from './chart-view';

export interface CellView {
  /** The text shown in the cell. */
  t: string;
  /** What the formula bar shows and an edit starts from: the formula, or the value as one would type it. */
  e?: string;
  bg?: string;
  fc?: string;
  b?: true;
  fs?: number;
  ha?: 'left' | 'center' | 'right';
  wrap?: true;
  /** The message Sheets shows on hover over an error. */
  err?: string;
  note?: string;
  /** Filled by another cell's array result. */
  spill?: true;
}

export interface SheetView {
  name: string;
  tabColor: string | null;
  hidden: boolean;
  /** The sheet's grid, as Sheets draws it: every row and column it has (the page draws the rows in view). */
  rows: number;
  columns: number;
  frozenRows: number;
  frozenColumns: number;
  widths: number[];
  /** The cells of the rows asked for (all of them unless a window was asked for), empty ones left out. */
  cells: Record<string, CellView>;
  merges: Array<{ row: number; column: number; numRows: number; numColumns: number }>;
  charts: ChartView[];
}

/** A sheet without its cells: what the page needs to lay out the grid and scroll it. */
export type SheetChrome = Omit<SheetView, 'cells'>;

export interface WorkbookView {
  name: string;
  locale: string;
  version: number;
  activeSheet: string | null;
  sheets: SheetView[];
  menu: Array<{ caption: string; functionName: string }>;
  sidebar: { title: string } | null;
  toasts: Array<{ title: string; message: string }>;
}

type Value = EngineValue;

const isError = (v: Value): v is { error: string; message: string } => v !== null && typeof v === 'object';

/** A stored (non-formula) value as the engine would see it: dates as serials. */
function literalValue(cell: CellSnapshot, timeZone: string): Value {
  const v = cell.v;
  if (v === undefined) return null;
  if (typeof v === 'object') return 'date' in v ? serialFromDate(new Date(v.date), timeZone) : { error: '#NUM!', message: '' };
  return v;
}

/**
 * Number formatting, remembered: a roster repeats the same dates and amounts down its columns, and formatting a date
 * through its time zone is the costliest part of drawing a cell.
 */
const formatted = new Map<string, string>();
function format(value: number, pattern: string | undefined): string {
  const key = `${pattern ?? ''}\u0000${value}`;
  let text = formatted.get(key);
  if (text === undefined) {
    if (formatted.size > 50_000) formatted.clear();
    formatted.set(key, (text = formatNumber(value, pattern)));
  }
  return text;
}

/** Pixels per character of Sheets' default font, near enough to decide how many decimals fit in a column. */
const CHAR_PX = 7;
const CELL_PADDING_PX = 6;

/**
 * The text a value shows. With no number format, Sheets shows as many decimals as fit the column (0.1268742857
 * becomes 0.126874 in a narrow column), so `width` trims them the same way.
 */
export function displayText(value: Value, numberFormat: string | undefined, isDate: boolean, width = Infinity): string {
  if (value === null || value === '') return '';
  if (isError(value)) return value.error;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    const pattern = numberFormat || (isDate ? 'yyyy-mm-dd' : undefined);
    const text = format(value, pattern);
    const room = Math.floor((width - CELL_PADDING_PX) / CHAR_PX);
    if (pattern || text.length <= room || !text.includes('.') || /E/.test(text)) return text;
    const decimals = Math.max(0, room - text.indexOf('.') - 1);
    return String(Number(value.toFixed(decimals)));
  }
  return formatText(value, numberFormat);
}

/** The formula bar's text for a stored value, in the form that would type it back in. */
function editText(cell: CellSnapshot, timeZone: string): string | undefined {
  if (cell.f !== undefined) return cell.f;
  const v = cell.v;
  if (v === undefined) return undefined;
  if (typeof v === 'object') return 'date' in v ? format(serialFromDate(new Date(v.date), timeZone), 'yyyy-mm-dd') : v.number;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number' && cell.nf && /%/.test(cell.nf)) return `${Number((v * 100).toPrecision(12))}%`;
  if (typeof v === 'string' && (/^[=+'-]/.test(v) || /^[\d.,%]+$/.test(v))) return `'${v}`;
  return String(v);
}

function defaultAlign(value: Value): CellView['ha'] {
  if (typeof value === 'number') return 'right';
  if (typeof value === 'boolean' || isError(value)) return 'center';
  return undefined;
}

/** A sheet's grid, widths, merges and charts. */
export function sheetChrome(sheet: SheetSnapshot, engine: FormulaEngine): SheetChrome {
  const columns = sheet.maxColumns;
  return {
    name: sheet.name,
    tabColor: sheet.tabColor,
    hidden: sheet.hidden,
    rows: sheet.maxRows,
    columns,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    widths: Array.from({ length: columns }, (_, i) => sheet.columnWidths[String(i + 1)] ?? sheet.defaultColumnWidth),
    merges: sheet.merges.map((m) => resolveA1(parseA1(m)!, sheet.maxRows, sheet.maxColumns)),
    charts: sheet.charts.map((c) => chartView(c, engine, sheet.name)),
  };
}

export interface WindowOptions {
  /** Rows `from`..`to` of the sheet (clamped to its grid). */
  from: number;
  to: number;
  timeZone: string;
  rules: RuleResults;
  /** Array results that run past the sheet's edge, by the cell holding the formula (engine-sync.ts). */
  overflows?: ReadonlyMap<string, Overflow>;
  words?: Words;
}

/**
 * What rows `from`..`to` of a sheet show. `cells` are the sheet's stored cells for those rows (a whole snapshot's
 * sheet will do); values come from the engine, for only the rows drawn.
 */
export function windowCells(sheet: SheetSnapshot, cells: Record<string, CellSnapshot>, engine: FormulaEngine, options: WindowOptions): Record<string, CellView> {
  const columns = sheet.maxColumns;
  const from = Math.max(1, options.from);
  const to = Math.min(sheet.maxRows, options.to);
  const out: Record<string, CellView> = {};
  if (sheet.type || to < from) return out;
  const widths = Array.from({ length: columns }, (_, i) => sheet.columnWidths[String(i + 1)] ?? sheet.defaultColumnWidth);
  const values = engine.rows(sheet.name, from, to, columns);
  // Rules may read cells outside the rows drawn (a threshold in $B$1, the row above): those come from the engine.
  const valueAt = (r: number, c: number): Value => (r >= from && r <= to && c <= columns ? (values[r - from]?.[c - 1] ?? null) : engine.value(sheet.name, r, c));
  const words = options.words ?? wordsFor('en');
  const overflows = options.overflows ?? new Map<string, Overflow>();
  const hidden = (r: number, c: number): boolean =>
    [...overflows.values()].some(({ block: b }) => r >= b.row && r < b.row + b.numRows && c >= b.column && c < b.column + b.numColumns);

  for (const [ref, cell] of Object.entries(cells)) {
    const a1 = parseA1(ref)!;
    if (a1.row < from || a1.row > to || a1.column > columns) continue;
    let value = cell.f !== undefined ? valueAt(a1.row, a1.column) : literalValue(cell, options.timeZone);
    const overflow = cell.f !== undefined ? overflows.get(ref) : undefined;
    if (overflow) {
      const [n, what] = overflow.columns ? [overflow.columns, 'columns' as const] : [overflow.rows, 'rows' as const];
      value = { error: '#REF!', message: words.notExpanded(n, what) };
    }
    const isDate = typeof cell.v === 'object' && cell.v !== null && 'date' in cell.v;
    const view: CellView = { t: displayText(value, cell.nf, isDate, widths[a1.column - 1] ?? sheet.defaultColumnWidth) };
    const edit = editText(cell, options.timeZone);
    if (edit !== undefined) view.e = edit;
    if (cell.bg) view.bg = cell.bg;
    if (cell.fc) view.fc = cell.fc;
    if (cell.bold) view.b = true;
    if (cell.fs) view.fs = cell.fs;
    const align = (cell.ha as CellView['ha']) ?? defaultAlign(value);
    if (align) view.ha = align;
    if (cell.wrap) view.wrap = true;
    if (isError(value) && value.message) view.err = value.message;
    if (cell.note) view.note = cell.note;
    out[ref] = view;
  }
  // Values with no stored cell come from an array formula spilling over them.
  values.forEach((line, i) => {
    const row = from + i;
    line.forEach((value, j) => {
      const ref = cellToA1(row, j + 1);
      if (value === null || value === '' || cells[ref]?.v !== undefined || cells[ref]?.f !== undefined) return;
      if (overflows.size && hidden(row, j + 1)) return;
      const style = cells[ref];
      const view: CellView = { t: displayText(value, style?.nf, false, widths[j] ?? sheet.defaultColumnWidth), spill: true };
      const align = (style?.ha as CellView['ha']) ?? defaultAlign(value);
      if (align) view.ha = align;
      if (style?.bg) view.bg = style.bg;
      if (style?.fc) view.fc = style.fc;
      if (style?.bold) view.b = true;
      if (isError(value) && value.message) view.err = value.message;
      out[ref] = view;
    });
  });
  applyConditionalFormats({ sheet, from, to, columns }, engine, out, valueAt, options.rules);
  return out;
}

/**
 * The whole workbook as the page would show it, every row of every sheet (or rows 1..`rows` of each): for tests and
 * tools. The page itself asks for the rows in view (page-view.ts).
 */
export function workbookView(
  snapshot: WorkbookSnapshot,
  engine: FormulaEngine,
  extra: { version: number; menu: WorkbookView['menu']; rules?: RuleResults; spills?: SpillMap; rows?: number },
): WorkbookView {
  const rules = extra.rules ?? new RuleResults();
  const words = wordsFor(snapshot.locale);
  const sheetView = (s: SheetSnapshot): SheetView => {
    const overflows = extra.spills?.overflows(s.name, s.maxRows, s.maxColumns);
    const window = { from: 1, to: extra.rows ?? s.maxRows, timeZone: snapshot.timeZone, rules, words, ...(overflows ? { overflows } : {}) };
    return { ...sheetChrome(s, engine), cells: windowCells(s, s.cells, engine, window) };
  };
  return {
    name: snapshot.name,
    locale: snapshot.locale,
    version: extra.version,
    activeSheet: snapshot.activeSheet,
    sheets: snapshot.sheets.map(sheetView),
    menu: extra.menu,
    sidebar: snapshot.ui.sidebar ? { title: snapshot.ui.sidebar.title } : null,
    toasts: snapshot.ui.toasts,
  };
}
