import { parseA1, resolveA1 } from './a1';
import { ruleData } from './builders';
import { clearCells, writeTyped } from './cells';
import { chartData, cloneChart, MemoryEmbeddedChart, MemoryEmbeddedChartBuilder } from './charts';
import { assertLive, SHEETS_SCOPE, type WorkbookContext } from './context';
import { instrument } from './counter';
import { addMetadata, MemoryDeveloperMetadataFinder, MemoryNamedRange, MemoryProtection, metadataAt, newProtection } from './metadata';
import { MemoryConditionalFormatRule } from './builders';
import { checkedGrid } from './range';
import { contentExtent, DEFAULT_COLUMN_WIDTH, insertLines, type SheetState } from './state';
import { asEnum } from './enums';
import { sheetsReferenced } from './formula';
import { normalizeColor, requireInteger, signatureError } from './values';
import type { SS } from './gas';

export function duplicateNameError(name: string): Error {
  return new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
}

/** Sheet names are unique ignoring case, as in the Sheets UI. */
export function findSheetByName(ctx: WorkbookContext, name: string): SheetState | undefined {
  const wanted = name.toLowerCase();
  return ctx.state.sheets.find((s) => s.name.toLowerCase() === wanted);
}

/** Longest sheet name Sheets accepts. */
export const MAX_SHEET_NAME = 100;

/** The names Sheets refuses: blank, longer than 100 characters, with a line break or other control character. */
export function assertSheetName(ctx: WorkbookContext, name: unknown, self?: SheetState): string {
  if (typeof name !== 'string') throw signatureError('SpreadsheetApp.Sheet.setName', [name]);
  if (name.trim() === '') throw new Error('Sheet names must not be empty.');
  if (name.length > MAX_SHEET_NAME) {
    throw new Error(`The sheet name "${name.slice(0, 20)}…" is too long: Sheets allows at most ${MAX_SHEET_NAME} characters.`);
  }
  if (/[\u0000-\u001f\u007f]/.test(name)) {
    throw new Error(`The sheet name ${JSON.stringify(name)} contains a line break or another control character, which Sheets does not allow.`);
  }
  const clash = findSheetByName(ctx, name);
  if (clash && clash !== self) throw duplicateNameError(name);
  return name;
}

export function assertGrid(sheet: SheetState): SheetState {
  if (sheet.type !== 'GRID') throw new Error(`The action is not supported for ${sheet.type} sheet.`);
  return sheet;
}

type SheetApi = Pick<SS.Sheet,
  | 'getName' | 'getSheetName' | 'setName' | 'getSheetId' | 'getIndex' | 'getParent' | 'getRange' | 'getDataRange'
  | 'getLastRow' | 'getLastColumn' | 'getMaxRows' | 'getMaxColumns' | 'insertRowsAfter' | 'insertColumnsAfter'
  | 'insertRowsBefore' | 'insertColumnsBefore' | 'appendRow'
  | 'clear' | 'clearContents' | 'clearFormats' | 'clearNotes'
  | 'clearConditionalFormatRules' | 'getConditionalFormatRules' | 'setConditionalFormatRules'
  | 'getCharts' | 'newChart' | 'insertChart' | 'removeChart' | 'updateChart'
  | 'addDeveloperMetadata' | 'getDeveloperMetadata' | 'createDeveloperMetadataFinder'
  | 'setFrozenRows' | 'getFrozenRows' | 'setFrozenColumns' | 'getFrozenColumns'
  | 'setColumnWidth' | 'setColumnWidths' | 'getColumnWidth' | 'setTabColor' | 'getTabColor'
  | 'protect' | 'getProtections' | 'getNamedRanges' | 'activate' | 'hideSheet' | 'showSheet' | 'isSheetHidden' | 'getType'>;

export class MemorySheet implements SheetApi {
  constructor(readonly ctx: WorkbookContext, private readonly sheet: SheetState) {}

  _state(): SheetState { return this._live(); }
  private _live(): SheetState { return assertLive(this.ctx, this.sheet); }
  /** Cells, rules and charts only exist on a grid; a chart sheet or data-source sheet refuses them. */
  private _grid(): SheetState { return assertGrid(this._live()); }
  private _self(): SS.Sheet { return this as unknown as SS.Sheet; }

  getName(): string { return this._live().name; }
  getSheetName(): string { return this._live().name; }
  setName(name: string): SS.Sheet {
    const sheet = this._live();
    sheet.name = assertSheetName(this.ctx, name, sheet);
    return this._self();
  }
  getSheetId(): number { return this._live().id; }
  getIndex(): number { return this.ctx.state.sheets.indexOf(this._live()) + 1; }
  getParent(): SS.Spreadsheet { return this.ctx.spreadsheet(); }
  getType(): SS.SheetType { return asEnum(this._live().type); }

  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): SS.Range {
    const sheet = this._grid();
    if (typeof rowOrA1 === 'string') {
      const ref = parseA1(rowOrA1);
      if (!ref || (ref.sheetName !== null && ref.sheetName.toLowerCase() !== sheet.name.toLowerCase())) {
        throw new Error('Range not found');
      }
      const grid = resolveA1(ref, sheet.maxRows, sheet.maxColumns);
      checkedGrid(sheet, grid.row, grid.column, grid.numRows, grid.numColumns);
      return this.ctx.range(sheet, grid, ref.open);
    }
    if (column === undefined) throw signatureError('SpreadsheetApp.Sheet.getRange', [rowOrA1]);
    return this.ctx.range(sheet, checkedGrid(sheet, rowOrA1, column, numRows ?? 1, numColumns ?? 1));
  }

  getDataRange(): SS.Range {
    const sheet = this._grid();
    const { lastRow, lastColumn } = contentExtent(sheet);
    return this.ctx.range(sheet, { row: 1, column: 1, numRows: Math.max(lastRow, 1), numColumns: Math.max(lastColumn, 1) });
  }
  getLastRow(): number { return contentExtent(this._grid()).lastRow; }
  getLastColumn(): number { return contentExtent(this._grid()).lastColumn; }
  getMaxRows(): number { return this._grid().maxRows; }
  getMaxColumns(): number { return this._grid().maxColumns; }

  insertRowsAfter(afterPosition: number, howMany: number): SS.Sheet { return this._insert('ROWS', afterPosition, howMany, 0); }
  insertRowsBefore(beforePosition: number, howMany: number): SS.Sheet { return this._insert('ROWS', beforePosition, howMany, -1); }
  insertColumnsAfter(afterPosition: number, howMany: number): SS.Sheet { return this._insert('COLUMNS', afterPosition, howMany, 0); }
  insertColumnsBefore(beforePosition: number, howMany: number): SS.Sheet { return this._insert('COLUMNS', beforePosition, howMany, -1); }

  private _insert(axis: 'ROWS' | 'COLUMNS', position: number, howMany: number, delta: number): SS.Sheet {
    const sheet = this._grid();
    const pos = requireInteger('SpreadsheetApp.Sheet.insert', position, howMany);
    const count = requireInteger('SpreadsheetApp.Sheet.insert', howMany, position);
    const max = axis === 'ROWS' ? sheet.maxRows : sheet.maxColumns;
    if (pos < 1 || pos > max) throw new Error(`Those ${axis === 'ROWS' ? 'rows' : 'columns'} are out of bounds.`);
    if (count < 1) throw new Error(`The number of ${axis === 'ROWS' ? 'rows' : 'columns'} to insert must be at least 1.`);
    insertLines(this.ctx.state, sheet, axis, pos + delta, count);
    return this._self();
  }

  appendRow(rowContents: any[]): SS.Sheet {
    const sheet = this._grid();
    if (!Array.isArray(rowContents)) throw signatureError('SpreadsheetApp.Sheet.appendRow', [rowContents]);
    const row = contentExtent(sheet).lastRow + 1;
    if (row > sheet.maxRows) insertLines(this.ctx.state, sheet, 'ROWS', sheet.maxRows, row - sheet.maxRows);
    if (rowContents.length > sheet.maxColumns) {
      insertLines(this.ctx.state, sheet, 'COLUMNS', sheet.maxColumns, rowContents.length - sheet.maxColumns);
    }
    const reading = { locale: this.ctx.state.locale, timeZone: this.ctx.state.timeZone };
    rowContents.forEach((value, i) => writeTyped(sheet, row, i + 1, value, reading));
    return this._self();
  }

  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): SS.Sheet {
    const o = options ?? {};
    const all = !o.formatOnly && !o.contentsOnly;
    clearCells(this._grid(), this._whole(), {
      contents: all || o.contentsOnly,
      formats: all || o.formatOnly,
      numberFormats: all || o.formatOnly,
      validations: all || o.formatOnly,
      notes: all,
    });
    return this._self();
  }
  clearContents(): SS.Sheet { clearCells(this._grid(), this._whole(), { contents: true }); return this._self(); }
  clearFormats(): SS.Sheet { clearCells(this._grid(), this._whole(), { formats: true, numberFormats: true }); return this._self(); }
  clearNotes(): SS.Sheet { clearCells(this._grid(), this._whole(), { notes: true }); return this._self(); }

  private _whole(): { row: number; column: number; numRows: number; numColumns: number } {
    return { row: 1, column: 1, numRows: this.sheet.maxRows, numColumns: this.sheet.maxColumns };
  }

  clearConditionalFormatRules(): void { this._grid().cfRules = []; }
  getConditionalFormatRules(): SS.ConditionalFormatRule[] {
    return this._grid().cfRules.map((r) => new MemoryConditionalFormatRule(this.ctx, r) as unknown as SS.ConditionalFormatRule);
  }
  setConditionalFormatRules(rules: SS.ConditionalFormatRule[]): void {
    const sheet = this._grid();
    if (!Array.isArray(rules)) throw signatureError('SpreadsheetApp.Sheet.setConditionalFormatRules', [rules]);
    const data = rules.map((r) => ruleData('SpreadsheetApp.Sheet.setConditionalFormatRules', r));
    for (const rule of data) {
      if (rule.ranges.length === 0) throw new Error('Conditional format rules must have at least one range.');
      if (rule.ranges.some((r) => r.sheetId !== sheet.id)) {
        throw new Error('Conditional format rule ranges must be on the sheet the rules are set on.');
      }
      // Sheets evaluates a custom formula on its own sheet only; another sheet has to be reached through INDIRECT.
      const formula = rule.criteria === 'CUSTOM_FORMULA' ? String(rule.values[0] ?? '') : '';
      if (sheetsReferenced(formula).some((name) => name.toLowerCase() !== sheet.name.toLowerCase())) {
        throw new Error('Conditional format rule cannot reference a different sheet.');
      }
    }
    sheet.cfRules = data;
  }

  /** Sheets documents no order for getCharts(); newest first here, so code that matches charts by position fails. */
  getCharts(): SS.EmbeddedChart[] {
    return this._grid().charts.map((c) => new MemoryEmbeddedChart(this.ctx, cloneChart(c)) as unknown as SS.EmbeddedChart).reverse();
  }
  newChart(): SS.EmbeddedChartBuilder {
    this._grid();
    return new MemoryEmbeddedChartBuilder(this.ctx) as unknown as SS.EmbeddedChartBuilder;
  }
  insertChart(chart: SS.EmbeddedChart): void {
    const sheet = this._grid();
    const data = chartData('SpreadsheetApp.Sheet.insertChart', chart);
    data.id = ++this.ctx.state.seq.chart;
    sheet.charts.push(data);
  }
  updateChart(chart: SS.EmbeddedChart): void {
    const sheet = this._grid();
    const data = chartData('SpreadsheetApp.Sheet.updateChart', chart);
    const i = sheet.charts.findIndex((c) => data.id !== null && c.id === data.id);
    if (i < 0) throw new Error('The chart could not be found on this sheet.');
    sheet.charts[i] = data;
  }
  removeChart(chart: SS.EmbeddedChart): void {
    const sheet = this._grid();
    const data = chartData('SpreadsheetApp.Sheet.removeChart', chart);
    const i = sheet.charts.findIndex((c) => data.id !== null && c.id === data.id);
    if (i < 0) throw new Error('The chart could not be found on this sheet.');
    sheet.charts.splice(i, 1);
  }

  addDeveloperMetadata(key: string, valueOrVisibility?: any, visibility?: SS.DeveloperMetadataVisibility): SS.Sheet {
    addMetadata(this.ctx, { kind: 'sheet', sheet: this._live() }, key, valueOrVisibility, visibility);
    return this._self();
  }
  getDeveloperMetadata(): SS.DeveloperMetadata[] { return metadataAt(this.ctx, { kind: 'sheet', sheet: this._live() }); }
  createDeveloperMetadataFinder(): SS.DeveloperMetadataFinder {
    return new MemoryDeveloperMetadataFinder(this.ctx, { kind: 'sheet', sheet: this._live() }) as unknown as SS.DeveloperMetadataFinder;
  }

  setFrozenRows(rows: number): void { this._freeze('ROWS', rows); }
  getFrozenRows(): number { return this._grid().frozenRows; }
  setFrozenColumns(columns: number): void { this._freeze('COLUMNS', columns); }
  getFrozenColumns(): number { return this._grid().frozenColumns; }

  private _freeze(axis: 'ROWS' | 'COLUMNS', n: number): void {
    const sheet = this._grid();
    const count = requireInteger('SpreadsheetApp.Sheet.setFrozen', n);
    const rows = axis === 'ROWS';
    if (count < 0 || count >= (rows ? sheet.maxRows : sheet.maxColumns)) {
      throw new Error(`You can't freeze all visible ${rows ? 'rows' : 'columns'} on the sheet.`);
    }
    const splits = sheet.merges.some((m) => {
      const start = rows ? m.row : m.column;
      const end = start + (rows ? m.numRows : m.numColumns) - 1;
      return start <= count && end > count;
    });
    if (count > 0 && splits) throw new Error(`You can't freeze ${rows ? 'rows' : 'columns'} which contain only part of a merged cell.`);
    if (rows) sheet.frozenRows = count;
    else sheet.frozenColumns = count;
  }

  setColumnWidth(columnPosition: number, width: number): SS.Sheet { return this.setColumnWidths(columnPosition, 1, width); }
  setColumnWidths(startColumn: number, numColumns: number, width: number): SS.Sheet {
    const sheet = this._grid();
    checkedGrid(sheet, 1, startColumn, 1, numColumns);
    const w = requireInteger('SpreadsheetApp.Sheet.setColumnWidths', width);
    for (let c = startColumn; c < startColumn + numColumns; c++) {
      if (w === DEFAULT_COLUMN_WIDTH) sheet.columnWidths.delete(c);
      else sheet.columnWidths.set(c, w);
    }
    return this._self();
  }
  getColumnWidth(columnPosition: number): number {
    const sheet = this._grid();
    checkedGrid(sheet, 1, columnPosition, 1, 1);
    return sheet.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }

  setTabColor(color: string | null): SS.Sheet {
    this._live().tabColor = color ? normalizeColor(color) : null;
    return this._self();
  }
  getTabColor(): string | null { return this._live().tabColor; }

  protect(): SS.Protection {
    return new MemoryProtection(this.ctx, newProtection(this.ctx, 'SHEET', this._grid(), null)) as unknown as SS.Protection;
  }
  getProtections(type: SS.ProtectionType): SS.Protection[] {
    const sheet = this._grid();
    return this.ctx.state.protections
      .filter((p) => p.sheetId === sheet.id && p.type === String(type))
      .map((p) => new MemoryProtection(this.ctx, p) as unknown as SS.Protection);
  }
  getNamedRanges(): SS.NamedRange[] {
    const sheet = this._grid();
    return this.ctx.state.namedRanges
      .filter((n) => n.ref.sheetId === sheet.id)
      .map((n) => new MemoryNamedRange(this.ctx, n) as unknown as SS.NamedRange);
  }

  activate(): SS.Sheet { this.ctx.state.activeSheetId = this._live().id; return this._self(); }
  hideSheet(): SS.Sheet {
    const sheet = this._live();
    const state = this.ctx.state;
    if (!state.sheets.some((s) => s !== sheet && !s.hidden)) throw new Error("You can't hide all the sheets in a document.");
    sheet.hidden = true;
    if (state.activeSheetId === sheet.id) {
      state.activeSheetId = (state.sheets.find((s) => !s.hidden) ?? sheet).id;
    }
    return this._self();
  }
  showSheet(): SS.Sheet { this._live().hidden = false; return this._self(); }
  isSheetHidden(): boolean { return this._live().hidden; }
}

instrument(MemorySheet, 'Sheet', 'service', { scope: SHEETS_SCOPE });
