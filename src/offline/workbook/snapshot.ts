/**
 * JSON-safe projection of the workbook state for tests, the playground grid
 * and exporters. Dates are tagged {date: ISO}, non-finite numbers
 * {number: "NaN"}, ranges {range: "'Sheet'!A1:B2"}; nothing here is counted.
 */
import { cellToA1, gridToA1, qualifiedA1, type GridRange } from './a1';
import type { MenuSnapshot, UiRecord } from './context';
import { contentExtent, DEFAULT_COLUMN_WIDTH, StoredRange, type Cell, type MetadataData, type SheetState, type ValidationData, type WorkbookState } from './state';
import { toJson, type JsonValue } from './values';

export type { JsonValue, MenuSnapshot };

export type SnapshotValue = string | number | boolean | { date: string } | { number: string };

export interface CellSnapshot {
  v?: SnapshotValue;
  f?: string;
  nf?: string;
  bg?: string;
  fc?: string;
  bold?: boolean;
  fs?: number;
  ha?: string;
  wrap?: boolean;
  note?: string;
  /** Index into the sheet's `validations`. */
  dv?: number;
}

export interface ValidationSnapshot {
  ranges: string[];
  criteria: string;
  values: JsonValue[];
  allowInvalid: boolean;
  helpText: string | null;
}

export interface ConditionalFormatSnapshot {
  ranges: string[];
  criteria: string | null;
  values: JsonValue[];
  format: { background?: string; fontColor?: string; bold?: boolean; italic?: boolean; strikethrough?: boolean; underline?: boolean };
}

export interface ChartSnapshot {
  id: number;
  type: string | null;
  ranges: string[];
  position: { anchorRow: number; anchorColumn: number; offsetX: number; offsetY: number };
  options: Record<string, JsonValue>;
  numHeaders: number;
  transposeRowsAndColumns: boolean;
  hiddenDimensionStrategy: string;
  mergeStrategy: string;
}

export type MetadataLocationSnapshot =
  | { type: 'SPREADSHEET' }
  | { type: 'SHEET'; sheet: string }
  | { type: 'ROW' | 'COLUMN'; sheet: string; range: string };

export interface DeveloperMetadataSnapshot {
  id: number;
  key: string;
  value: string | null;
  visibility: string;
  location: MetadataLocationSnapshot;
}

export interface ProtectionSnapshot {
  id: number;
  type: 'RANGE' | 'SHEET';
  /** A1 on the sheet; null for a whole-sheet protection. */
  range: string | null;
  description: string;
  warningOnly: boolean;
}

export interface SheetSnapshot {
  name: string;
  /** Only for a sheet that is not a grid: a chart sheet (OBJECT) or a data-source sheet (DATASOURCE). */
  type?: 'OBJECT' | 'DATASOURCE';
  id: number;
  /** 1-based position, as Sheet.getIndex(). */
  index: number;
  hidden: boolean;
  maxRows: number;
  maxColumns: number;
  lastRow: number;
  lastColumn: number;
  frozenRows: number;
  frozenColumns: number;
  defaultColumnWidth: number;
  /** Only non-default widths, keyed by 1-based column number. */
  columnWidths: Record<string, number>;
  tabColor: string | null;
  /** Sparse, row-major, keyed by A1 ("B3"). Cells with neither content nor formatting are omitted. */
  cells: Record<string, CellSnapshot>;
  merges: string[];
  conditionalFormats: ConditionalFormatSnapshot[];
  validations: ValidationSnapshot[];
  charts: ChartSnapshot[];
  developerMetadata: DeveloperMetadataSnapshot[];
  protections: ProtectionSnapshot[];
}

export interface WorkbookSnapshot {
  id: string;
  name: string;
  locale: string;
  timeZone: string;
  activeSheet: string | null;
  sheets: SheetSnapshot[];
  namedRanges: Array<{ name: string; range: string }>;
  developerMetadata: DeveloperMetadataSnapshot[];
  properties: { document: Record<string, string>; user: Record<string, string>; script: Record<string, string> };
  ui: UiRecord;
}

function describeFor(state: WorkbookState): (v: object) => JsonValue | undefined {
  return (v) => (v instanceof StoredRange ? { range: storedA1(state, v) } : undefined);
}

function storedA1(state: WorkbookState, ref: StoredRange): string {
  const sheet = state.sheets.find((s) => s.id === ref.sheetId);
  return sheet ? qualifiedA1(sheet.name, ref.grid, ref.open) : '#REF!';
}

/** Coalesces cells (row-major) into maximal row runs, then stacks identical runs. */
function rectangles(cells: Array<[number, number]>): GridRange[] {
  const done: GridRange[] = [];
  let open = new Map<string, GridRange>();
  let i = 0;
  while (i < cells.length) {
    const row = (cells[i] as [number, number])[0];
    const next = new Map<string, GridRange>();
    while (i < cells.length && (cells[i] as [number, number])[0] === row) {
      const start = (cells[i] as [number, number])[1];
      let end = start;
      while (i + 1 < cells.length && (cells[i + 1] as [number, number])[0] === row && (cells[i + 1] as [number, number])[1] === end + 1) {
        end++;
        i++;
      }
      i++;
      const key = `${start}:${end}`;
      const prev = open.get(key);
      if (prev && prev.row + prev.numRows === row) {
        prev.numRows++;
        next.set(key, prev);
        open.delete(key);
      } else {
        next.set(key, { row, column: start, numRows: 1, numColumns: end - start + 1 });
      }
    }
    done.push(...open.values());
    open = next;
  }
  done.push(...open.values());
  return done.sort((a, b) => a.row - b.row || a.column - b.column);
}

function cellSnapshot(cell: Cell): CellSnapshot | null {
  const out: CellSnapshot = {};
  if (cell.v !== undefined) out.v = toJson(cell.v) as SnapshotValue;
  if (cell.f !== undefined) out.f = cell.f;
  if (cell.nf !== undefined) out.nf = cell.nf;
  if (cell.bg !== undefined) out.bg = cell.bg;
  if (cell.fc !== undefined) out.fc = cell.fc;
  if (cell.bold) out.bold = true;
  if (cell.fs !== undefined) out.fs = cell.fs;
  if (cell.ha !== undefined) out.ha = cell.ha;
  if (cell.wrap !== undefined) out.wrap = cell.wrap;
  if (cell.note !== undefined) out.note = cell.note;
  return Object.keys(out).length > 0 || cell.dv ? out : null;
}

function metadataSnapshot(state: WorkbookState, m: MetadataData): DeveloperMetadataSnapshot {
  const loc = m.location;
  const sheetName = (id: number): string => state.sheets.find((s) => s.id === id)?.name ?? '#REF!';
  let location: MetadataLocationSnapshot;
  if (loc.type === 'SPREADSHEET') location = { type: 'SPREADSHEET' };
  else if (loc.type === 'SHEET') location = { type: 'SHEET', sheet: sheetName(loc.sheetId) };
  else {
    const rows = loc.type === 'ROW';
    const grid = rows
      ? { row: loc.start, column: 1, numRows: loc.count, numColumns: 1 }
      : { row: 1, column: loc.start, numRows: 1, numColumns: loc.count };
    const range = gridToA1(grid, { startRow: !rows, endRow: !rows, startColumn: rows, endColumn: rows });
    location = { type: loc.type, sheet: sheetName(loc.sheetId), range };
  }
  return { id: m.id, key: m.key, value: m.value, visibility: m.visibility, location };
}

function sheetSnapshot(state: WorkbookState, sheet: SheetState, withCells: boolean): SheetSnapshot {
  const describe = describeFor(state);
  const cells: Record<string, CellSnapshot> = {};
  const groups = new Map<ValidationData, Array<[number, number]>>();
  const groupIndex = new Map<ValidationData, number>();
  sheet.rows.forEach((line, r) => {
    line?.forEach((cell, c) => {
      if (!cell || (!withCells && !cell.dv)) return;
      const snap = cellSnapshot(cell);
      if (!snap) return;
      if (cell.dv) {
        let list = groups.get(cell.dv);
        if (!list) {
          list = [];
          groups.set(cell.dv, list);
          groupIndex.set(cell.dv, groupIndex.size);
        }
        snap.dv = groupIndex.get(cell.dv) ?? 0;
        list.push([r + 1, c + 1]);
      }
      if (withCells) cells[cellToA1(r + 1, c + 1)] = snap;
    });
  });
  const validations: ValidationSnapshot[] = [...groups].map(([data, list]) => ({
    ranges: rectangles(list).map((g) => gridToA1(g)),
    criteria: data.criteria,
    values: data.values.map((v) => toJson(v, describe)),
    allowInvalid: data.allowInvalid,
    helpText: data.helpText,
  }));
  const format = (f: ConditionalFormatSnapshot['format'], k: keyof ConditionalFormatSnapshot['format'], v: string | boolean | null): void => {
    if (v !== null) (f as Record<string, string | boolean>)[k] = v;
  };
  const { lastRow, lastColumn } = contentExtent(sheet);
  return {
    name: sheet.name,
    ...(sheet.type === 'GRID' ? {} : { type: sheet.type }),
    id: sheet.id,
    index: state.sheets.indexOf(sheet) + 1,
    hidden: sheet.hidden,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    lastRow,
    lastColumn,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    defaultColumnWidth: DEFAULT_COLUMN_WIDTH,
    columnWidths: Object.fromEntries([...sheet.columnWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [String(c), w])),
    tabColor: sheet.tabColor,
    cells,
    merges: sheet.merges.map((m) => gridToA1(m)),
    conditionalFormats: sheet.cfRules.map((rule) => {
      const f: ConditionalFormatSnapshot['format'] = {};
      format(f, 'background', rule.format.background);
      format(f, 'fontColor', rule.format.fontColor);
      format(f, 'bold', rule.format.bold);
      format(f, 'italic', rule.format.italic);
      format(f, 'strikethrough', rule.format.strikethrough);
      format(f, 'underline', rule.format.underline);
      return { ranges: rule.ranges.map((r) => gridToA1(r.grid, r.open)), criteria: rule.criteria, values: rule.values.map((v) => toJson(v, describe)), format: f };
    }),
    validations,
    charts: sheet.charts.map((c) => ({
      id: c.id ?? 0,
      type: c.type,
      ranges: c.ranges.map((r) => storedA1(state, r)),
      position: { anchorRow: c.position.row, anchorColumn: c.position.column, offsetX: c.position.offsetX, offsetY: c.position.offsetY },
      options: Object.fromEntries([...c.options].map(([k, v]) => [k, toJson(v, describe)])),
      numHeaders: c.numHeaders,
      transposeRowsAndColumns: c.transpose,
      hiddenDimensionStrategy: c.hiddenDimensionStrategy,
      mergeStrategy: c.mergeStrategy,
    })),
    developerMetadata: state.metadata
      .filter((m) => m.location.type !== 'SPREADSHEET' && m.location.sheetId === sheet.id)
      .map((m) => metadataSnapshot(state, m)),
    protections: state.protections
      .filter((p) => p.sheetId === sheet.id)
      .map((p) => ({ id: p.id, type: p.type, range: p.range ? gridToA1(p.range.grid, p.range.open) : null, description: p.description, warningOnly: p.warningOnly })),
  };
}

/**
 * The cells of rows `from`..`to` (1-based) of a sheet, as in its snapshot but without the validation index: a window
 * onto a large sheet without projecting all of it.
 */
export function rowsSnapshot(sheet: SheetState, from: number, to: number): Record<string, CellSnapshot> {
  const cells: Record<string, CellSnapshot> = {};
  for (let r = Math.max(1, from); r <= Math.min(to, sheet.rows.length); r++) {
    sheet.rows[r - 1]?.forEach((cell, c) => {
      const snap = cell ? cellSnapshot(cell) : null;
      if (snap) cells[cellToA1(r, c + 1)] = snap;
    });
  }
  return cells;
}

/** `withCells` false leaves every sheet's `cells` empty (everything else, validations included, is there). */
export function buildSnapshot(state: WorkbookState, ui: UiRecord, withCells = true): WorkbookSnapshot {
  const active = state.sheets.find((s) => s.id === state.activeSheetId) ?? state.sheets[0];
  return {
    id: state.id,
    name: state.name,
    locale: state.locale,
    timeZone: state.timeZone,
    activeSheet: active?.name ?? null,
    sheets: state.sheets.map((s) => sheetSnapshot(state, s, withCells)),
    namedRanges: state.namedRanges.map((n) => ({ name: n.name, range: storedA1(state, n.ref) })),
    developerMetadata: state.metadata.filter((m) => m.location.type === 'SPREADSHEET').map((m) => metadataSnapshot(state, m)),
    properties: {
      document: Object.fromEntries(state.properties.document),
      user: Object.fromEntries(state.properties.user),
      script: Object.fromEntries(state.properties.script),
    },
    ui: JSON.parse(JSON.stringify(ui)) as UiRecord,
  };
}
