/**
 * Plain-data model behind the service objects. Service objects are thin,
 * disposable views over this state (as in Apps Script, where every getRange()
 * returns a fresh handle), which keeps the snapshot a straight projection.
 */
import type { GridRange, OpenEdges } from './a1';
import type { EnumName } from './enums';
import type { CellValue } from './values';

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;

export interface Cell {
  v?: CellValue;
  f?: string;
  nf?: string;
  bg?: string;
  fc?: string;
  bold?: boolean;
  fs?: number;
  ha?: string;
  wrap?: boolean;
  note?: string;
  dv?: ValidationData;
}

/** A range held inside stored data (criteria values, chart sources, names). */
export class StoredRange {
  constructor(
    public sheetId: number,
    public grid: GridRange,
    public open: OpenEdges,
  ) {}

  clone(): StoredRange {
    return new StoredRange(this.sheetId, { ...this.grid }, this.open);
  }
}

export interface CfFormat {
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  strikethrough: boolean | null;
  underline: boolean | null;
}

export interface CfRuleData {
  ranges: StoredRange[];
  criteria: EnumName | null;
  values: unknown[];
  format: CfFormat;
}

export interface ValidationData {
  criteria: EnumName;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export interface ChartPosition {
  row: number;
  column: number;
  offsetX: number;
  offsetY: number;
}

export interface ChartData {
  id: number | null;
  type: EnumName | null;
  ranges: StoredRange[];
  position: ChartPosition;
  options: Map<string, unknown>;
  numHeaders: number;
  transpose: boolean;
  hiddenDimensionStrategy: EnumName;
  mergeStrategy: EnumName;
}

export type MetadataLocation =
  | { type: 'SPREADSHEET' }
  | { type: 'SHEET'; sheetId: number }
  | { type: 'ROW' | 'COLUMN'; sheetId: number; start: number; count: number };

export interface MetadataData {
  id: number;
  key: string;
  value: string | null;
  visibility: EnumName;
  location: MetadataLocation;
}

export interface ProtectionData {
  id: number;
  type: 'RANGE' | 'SHEET';
  sheetId: number;
  range: StoredRange | null;
  description: string;
  warningOnly: boolean;
}

export interface NamedRangeData {
  name: string;
  ref: StoredRange;
}

/** GRID is a normal sheet; OBJECT holds a single chart, DATASOURCE a connected data source (BigQuery, Looker). */
export type SheetKind = 'GRID' | 'OBJECT' | 'DATASOURCE';

export interface SheetState {
  id: number;
  name: string;
  type: SheetKind;
  hidden: boolean;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  columnWidths: Map<number, number>;
  tabColor: string | null;
  rows: Array<Array<Cell | undefined> | undefined>;
  merges: GridRange[];
  cfRules: CfRuleData[];
  charts: ChartData[];
}

export type LockHolder = 'self' | 'other' | null;
export type LockScope = 'document' | 'script' | 'user';

export interface WorkbookState {
  id: string;
  name: string;
  locale: string;
  timeZone: string;
  sheets: SheetState[];
  activeSheetId: number;
  seq: { sheet: number; chart: number; metadata: number; protection: number };
  metadata: MetadataData[];
  protections: ProtectionData[];
  namedRanges: NamedRangeData[];
  properties: Record<'document' | 'user' | 'script', Map<string, string>>;
  locks: Record<LockScope, LockHolder>;
}

export function newSheetState(id: number, name: string, type: SheetKind = 'GRID'): SheetState {
  return {
    id,
    name,
    type,
    hidden: false,
    maxRows: DEFAULT_ROWS,
    maxColumns: DEFAULT_COLUMNS,
    frozenRows: 0,
    frozenColumns: 0,
    columnWidths: new Map(),
    tabColor: null,
    rows: [],
    merges: [],
    cfRules: [],
    charts: [],
  };
}

export function cellAt(sheet: SheetState, row: number, column: number): Cell | undefined {
  return sheet.rows[row - 1]?.[column - 1];
}

export function touchCell(sheet: SheetState, row: number, column: number): Cell {
  let cells = sheet.rows[row - 1];
  if (!cells) {
    cells = [];
    sheet.rows[row - 1] = cells;
  }
  let cell = cells[column - 1];
  if (!cell) {
    cell = {};
    cells[column - 1] = cell;
  }
  return cell;
}

export function hasContent(cell: Cell | undefined): boolean {
  return cell !== undefined && (cell.v !== undefined || cell.f !== undefined);
}

export function isBlankCell(cell: Cell): boolean {
  for (const key in cell) {
    if ((cell as Record<string, unknown>)[key] !== undefined) return false;
  }
  return true;
}

/** getLastRow/getLastColumn semantics: only values and formulas count, not formats. */
export function contentExtent(sheet: SheetState): { lastRow: number; lastColumn: number } {
  let lastRow = 0;
  let lastColumn = 0;
  sheet.rows.forEach((cells, r) => {
    if (!cells) return;
    cells.forEach((cell, c) => {
      if (hasContent(cell)) {
        lastRow = Math.max(lastRow, r + 1);
        lastColumn = Math.max(lastColumn, c + 1);
      }
    });
  });
  return { lastRow, lastColumn };
}

export type Axis = 'ROWS' | 'COLUMNS';

/**
 * Moves a span for an insertion of `count` lines after line `after`: spans
 * below move down, spans crossing the insertion point grow, as in Sheets.
 */
export function shiftSpan(start: number, length: number, after: number, count: number): [number, number] {
  if (start > after) return [start + count, length];
  if (start + length - 1 > after) return [start, length + count];
  return [start, length];
}

function shiftGrid(grid: GridRange, axis: Axis, after: number, count: number): void {
  if (axis === 'ROWS') [grid.row, grid.numRows] = shiftSpan(grid.row, grid.numRows, after, count);
  else [grid.column, grid.numColumns] = shiftSpan(grid.column, grid.numColumns, after, count);
}

/** Inserts blank lines and re-anchors everything that refers to positions on the sheet. */
export function insertLines(state: WorkbookState, sheet: SheetState, axis: Axis, after: number, count: number): void {
  const shiftRef = (ref: StoredRange): void => {
    if (ref.sheetId === sheet.id) shiftGrid(ref.grid, axis, after, count);
  };
  if (axis === 'ROWS') {
    sheet.maxRows += count;
    if (after < sheet.rows.length) sheet.rows.splice(after, 0, ...new Array<undefined>(count));
  } else {
    sheet.maxColumns += count;
    for (const cells of sheet.rows) {
      if (cells && after < cells.length) cells.splice(after, 0, ...new Array<undefined>(count));
    }
    const widths = [...sheet.columnWidths.entries()];
    sheet.columnWidths.clear();
    for (const [col, width] of widths) sheet.columnWidths.set(col > after ? col + count : col, width);
  }
  for (const merge of sheet.merges) shiftGrid(merge, axis, after, count);
  for (const s of state.sheets) {
    for (const rule of s.cfRules) rule.ranges.forEach(shiftRef);
    for (const chart of s.charts) {
      chart.ranges.forEach(shiftRef);
      if (s.id === sheet.id) {
        if (axis === 'ROWS' && chart.position.row > after) chart.position.row += count;
        if (axis === 'COLUMNS' && chart.position.column > after) chart.position.column += count;
      }
    }
  }
  for (const named of state.namedRanges) shiftRef(named.ref);
  for (const p of state.protections) if (p.range) shiftRef(p.range);
  for (const meta of state.metadata) {
    const loc = meta.location;
    if ((loc.type === 'ROW' && axis === 'ROWS') || (loc.type === 'COLUMN' && axis === 'COLUMNS')) {
      if (loc.sheetId === sheet.id) [loc.start, loc.count] = shiftSpan(loc.start, loc.count, after, count);
    }
  }
}
