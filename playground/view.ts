/**
 * What the playground page draws: each tab's cells as display text with their formatting, conditional-format
 * colours applied, and charts resolved to the data they plot. Built on the server so the page holds no spreadsheet
 * logic, and so tests can read exactly what a person sees.
 */
import { formatNumber, formatText } from '../src/offline/number-format';
import {
  cellToA1,
  parseA1,
  resolveA1,
  type CellSnapshot,
  type ChartSnapshot,
  type ConditionalFormatSnapshot,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from '../src/offline/workbook';
import { serialFromDate } from './dates';
import type { EngineValue, FormulaEngine } from './formulas';
import { RuleResults } from './rule-formulas';

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

export interface ChartView {
  type: string;
  title: string;
  anchor: { row: number; column: number; offsetX: number; offsetY: number };
  width: number;
  height: number;
  labels: string[];
  series: Array<{ name: string; values: number[] }>;
  options: Record<string, unknown>;
}

export interface SheetView {
  name: string;
  tabColor: string | null;
  hidden: boolean;
  /** Rows and columns drawn (the content plus some room to type). */
  rows: number;
  columns: number;
  /** Rows of content beyond `rows`, left out to keep the page responsive. */
  hiddenRows: number;
  frozenRows: number;
  frozenColumns: number;
  widths: number[];
  cells: Record<string, CellView>;
  merges: Array<{ row: number; column: number; numRows: number; numColumns: number }>;
  charts: ChartView[];
}

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

/** Rows the page draws at most per tab; a roster of tens of thousands of rows would make the DOM crawl. */
export const MAX_VIEW_ROWS = 2_000;
const SPARE_ROWS = 30;
const SPARE_COLUMNS = 4;
const MIN_ROWS = 60;
const MIN_COLUMNS = 12;
const ROW_HEIGHT = 21;
/** Sheets' size for a newly inserted chart. */
const CHART_SIZE = { width: 600, height: 371 };

type Value = EngineValue;

const isError = (v: Value): v is { error: string; message: string } => v !== null && typeof v === 'object';

/** A stored (non-formula) value as the engine would see it: dates as serials. */
function literalValue(cell: CellSnapshot, timeZone: string): Value {
  const v = cell.v;
  if (v === undefined) return null;
  if (typeof v === 'object') return 'date' in v ? serialFromDate(new Date(v.date), timeZone) : { error: '#NUM!', message: '' };
  return v;
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
    const text = formatNumber(value, pattern);
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
  if (typeof v === 'object') return 'date' in v ? formatNumber(serialFromDate(new Date(v.date), timeZone), 'yyyy-mm-dd') : v.number;
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

interface Grid {
  sheet: SheetSnapshot;
  rows: number;
  columns: number;
}

function ruleMatches(rule: ConditionalFormatSnapshot, value: Value, formula: () => Value): boolean {
  const [a, b] = rule.values as unknown[];
  const n = typeof value === 'number' ? value : null;
  const text = value === null || isError(value) ? '' : String(value);
  switch (rule.criteria) {
    case 'CUSTOM_FORMULA': {
      const result = formula();
      return result === true || (typeof result === 'number' && result !== 0);
    }
    case 'CELL_EMPTY':
      return text === '';
    case 'CELL_NOT_EMPTY':
      return text !== '';
    case 'NUMBER_GREATER_THAN':
      return n !== null && n > Number(a);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return n !== null && n >= Number(a);
    case 'NUMBER_LESS_THAN':
      return n !== null && n < Number(a);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return n !== null && n <= Number(a);
    case 'NUMBER_EQUAL_TO':
      return n !== null && n === Number(a);
    case 'NUMBER_NOT_EQUAL_TO':
      return n !== null && n !== Number(a);
    case 'NUMBER_BETWEEN':
      return n !== null && n >= Math.min(Number(a), Number(b)) && n <= Math.max(Number(a), Number(b));
    case 'NUMBER_NOT_BETWEEN':
      return n !== null && (n < Math.min(Number(a), Number(b)) || n > Math.max(Number(a), Number(b)));
    case 'TEXT_CONTAINS':
      return text.toLowerCase().includes(String(a).toLowerCase());
    case 'TEXT_DOES_NOT_CONTAIN':
      return !text.toLowerCase().includes(String(a).toLowerCase());
    case 'TEXT_STARTS_WITH':
      return text.toLowerCase().startsWith(String(a).toLowerCase());
    case 'TEXT_ENDS_WITH':
      return text.toLowerCase().endsWith(String(a).toLowerCase());
    case 'TEXT_EQUAL_TO':
      return text === String(a);
    default:
      return false;
  }
}

/**
 * Sheets applies the first rule that matches a cell. A custom formula is written for the top-left cell of the
 * rule's first range and shifted for every other cell (rule-formulas.ts); open ranges (F2:F) stop at the rows drawn.
 */
function applyConditionalFormats(grid: Grid, engine: FormulaEngine, cells: Record<string, CellView>, valueAt: (r: number, c: number) => Value, rules: RuleResults): void {
  const { sheet } = grid;
  const styled = new Set<string>();
  for (const rule of sheet.conditionalFormats) {
    const refs = rule.ranges.map((r) => parseA1(r)).filter((r) => r !== null);
    const anchor = refs[0];
    if (!anchor) continue;
    const formula = typeof rule.values[0] === 'string' ? rule.values[0] : '';
    for (const ref of refs) {
      const g = resolveA1(ref, sheet.maxRows, sheet.maxColumns);
      const block = { row: g.row, column: g.column, numRows: Math.min(g.numRows, grid.rows - g.row + 1), numColumns: Math.min(g.numColumns, grid.columns - g.column + 1) };
      if (block.numRows < 1 || block.numColumns < 1) continue;
      const results = rule.criteria === 'CUSTOM_FORMULA' ? rules.evaluate(engine, sheet.name, formula, anchor, block, valueAt) : [];
      for (let r = block.row; r < block.row + block.numRows; r++) {
        for (let c = block.column; c < block.column + block.numColumns; c++) {
          const key = cellToA1(r, c);
          if (styled.has(key)) continue;
          if (!ruleMatches(rule, valueAt(r, c), () => results[r - block.row]?.[c - block.column] ?? null)) continue;
          styled.add(key);
          const view = (cells[key] ??= { t: '' });
          if (rule.format.background) view.bg = rule.format.background;
          if (rule.format.fontColor) view.fc = rule.format.fontColor;
          if (rule.format.bold) view.b = true;
        }
      }
    }
  }
}

function chartView(chart: ChartSnapshot, engine: FormulaEngine, sheetName: string): ChartView {
  const columns: Value[][] = [];
  for (const range of chart.ranges) {
    const ref = parseA1(range);
    if (!ref) continue;
    const g = resolveA1(ref, ref.endRow ?? ref.row, ref.endColumn ?? ref.column);
    for (let c = 0; c < g.numColumns; c++) {
      const column: Value[] = [];
      for (let r = 0; r < g.numRows; r++) column.push(engine.value(ref.sheetName ?? sheetName, g.row + r, g.column + c));
      columns.push(column);
    }
  }
  const [labelColumn = [], ...valueColumns] = columns;
  // numHeaders -1 lets Sheets guess: a first row of text over numbers is a header row.
  const headers =
    chart.numHeaders > 0 ? chart.numHeaders : chart.numHeaders === 0 ? 0 : valueColumns.some((col) => typeof col[0] === 'string' && col[0] !== '') ? 1 : 0;
  const text = (v: Value): string => (v === null ? '' : isError(v) ? v.error : String(v));
  const options = chart.options as Record<string, unknown>;
  return {
    type: chart.type ?? 'COLUMN',
    title: typeof options.title === 'string' ? options.title : '',
    anchor: { row: chart.position.anchorRow, column: chart.position.anchorColumn, offsetX: chart.position.offsetX, offsetY: chart.position.offsetY },
    width: typeof options.width === 'number' ? options.width : CHART_SIZE.width,
    height: typeof options.height === 'number' ? options.height : CHART_SIZE.height,
    labels: labelColumn.slice(headers).map(text),
    series: valueColumns.map((col, i) => ({
      name: headers ? text(col[0] ?? null) : `Series ${i + 1}`,
      values: col.slice(headers).map((v) => (typeof v === 'number' ? v : 0)),
    })),
    options,
  };
}

function sheetView(sheet: SheetSnapshot, engine: FormulaEngine, timeZone: string, rules: RuleResults): SheetView {
  const values = engine.values(sheet.name);
  const contentRows = Math.max(sheet.lastRow, values.length);
  const contentColumns = Math.max(sheet.lastColumn, ...values.map((r) => r.length));
  const chartBottom = Math.max(0, ...sheet.charts.map((c) => c.position.anchorRow + Math.ceil(CHART_SIZE.height / ROW_HEIGHT)));
  const chartRight = Math.max(0, ...sheet.charts.map((c) => c.position.anchorColumn + 6));
  const wanted = Math.max(MIN_ROWS, contentRows + SPARE_ROWS, chartBottom + 2);
  const rows = Math.min(wanted, MAX_VIEW_ROWS, Math.max(sheet.maxRows, contentRows));
  const columns = Math.max(MIN_COLUMNS, Math.min(sheet.maxColumns, Math.max(contentColumns + SPARE_COLUMNS, chartRight)), contentColumns);
  const widths = Array.from({ length: columns }, (_, i) => sheet.columnWidths[String(i + 1)] ?? sheet.defaultColumnWidth);
  const grid: Grid = { sheet, rows, columns };

  const cells: Record<string, CellView> = {};
  const valueAt = (r: number, c: number): Value => values[r - 1]?.[c - 1] ?? null;
  for (const [ref, cell] of Object.entries(sheet.cells)) {
    const a1 = parseA1(ref)!;
    if (a1.row > rows) continue;
    const value = cell.f !== undefined ? valueAt(a1.row, a1.column) : literalValue(cell, timeZone);
    const isDate = typeof cell.v === 'object' && cell.v !== null && 'date' in cell.v;
    const view: CellView = { t: displayText(value, cell.nf, isDate, widths[a1.column - 1] ?? sheet.defaultColumnWidth) };
    const edit = editText(cell, timeZone);
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
    cells[ref] = view;
  }
  // Values with no stored cell come from an array formula spilling over them.
  values.forEach((line, i) => {
    if (i >= rows) return;
    line.forEach((value, j) => {
      const ref = cellToA1(i + 1, j + 1);
      if (value === null || value === '' || sheet.cells[ref]?.v !== undefined || sheet.cells[ref]?.f !== undefined) return;
      const style = sheet.cells[ref];
      const view: CellView = { t: displayText(value, style?.nf, false, widths[j] ?? sheet.defaultColumnWidth), spill: true };
      const align = (style?.ha as CellView['ha']) ?? defaultAlign(value);
      if (align) view.ha = align;
      if (style?.bg) view.bg = style.bg;
      if (style?.fc) view.fc = style.fc;
      if (style?.bold) view.b = true;
      if (isError(value) && value.message) view.err = value.message;
      cells[ref] = view;
    });
  });
  applyConditionalFormats(grid, engine, cells, valueAt, rules);

  return {
    name: sheet.name,
    tabColor: sheet.tabColor,
    hidden: sheet.hidden,
    rows,
    columns,
    hiddenRows: Math.max(0, contentRows - rows),
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    widths,
    cells,
    merges: sheet.merges.map((m) => resolveA1(parseA1(m)!, sheet.maxRows, sheet.maxColumns)),
    charts: sheet.charts.map((c) => chartView(c, engine, sheet.name)),
  };
}

export function workbookView(
  snapshot: WorkbookSnapshot,
  engine: FormulaEngine,
  extra: { version: number; menu: WorkbookView['menu']; rules?: RuleResults },
): WorkbookView {
  const rules = extra.rules ?? new RuleResults();
  return {
    name: snapshot.name,
    locale: snapshot.locale,
    version: extra.version,
    activeSheet: snapshot.activeSheet,
    sheets: snapshot.sheets.map((s) => sheetView(s, engine, snapshot.timeZone, rules)),
    menu: extra.menu,
    sidebar: snapshot.ui.sidebar ? { title: snapshot.ui.sidebar.title } : null,
    toasts: snapshot.ui.toasts,
  };
}
