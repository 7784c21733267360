import { CLOSED, gridToA1, type GridRange, type OpenEdges } from './a1';
import { breakApartCells, checkMatrix, clearCells, forEachCell, mergeCells, mergesTouching, readMatrix, writeFormulaBlock, writeTyped, type Reading } from './cells';
import { assertLive, SHEETS_SCOPE, type WorkbookContext } from './context';
import { instrument } from './counter';
import { addMetadata, metadataAt, MemoryDeveloperMetadataFinder, MemoryProtection, newProtection } from './metadata';
import { validationData, wrapValidation } from './builders';
import { applyNumberFormat, AUTOMATIC_NUMBER_FORMAT, checkNumberFormat } from './number-formats';
import { touchCell, StoredRange, type Cell, type SheetState } from './state';
import { displayValue, exportValue, isDate, signatureError } from './values';
import { zonedFields } from './format-date';
import { formatNumber, SERIAL_EPOCH_OFFSET } from '../number-format';
import { checkBoolean, checkFontSize, DEFAULT_BACKGROUND, DEFAULT_FONT_COLOR, DEFAULT_FONT_SIZE, setAlignment, setBold, setColor, setFontSize, setNote } from './cell-styles';
import type { SS } from './gas';

/**
 * What a cell shows: a number through its number format, a date as its day in the spreadsheet's time zone (as
 * yyyy-mm-dd unless formatted), anything else as its text.
 */
function shownValue(cell: Cell | undefined, timeZone: string): string {
  const value = cell?.v;
  if (isDate(value)) {
    const f = zonedFields(value, timeZone);
    const serial = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.millisecond) / 86_400_000 + SERIAL_EPOCH_OFFSET;
    return formatNumber(serial, cell?.nf || 'yyyy-mm-dd');
  }
  if (typeof value === 'number' && cell?.nf) return formatNumber(value, cell.nf);
  return displayValue(value);
}

/** Sheets' own bounds checks and messages for getRange/offset. */
export function checkedGrid(sheet: SheetState, row: number, column: number, numRows: number, numColumns: number): GridRange {
  const args = [row, column, numRows, numColumns];
  if (args.some((n) => typeof n !== 'number' || Number.isNaN(n))) throw signatureError('SpreadsheetApp.Sheet.getRange', args);
  if (row < 1) throw new Error('The starting row of the range is too small.');
  if (column < 1) throw new Error('The starting column of the range is too small.');
  if (numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
  if (numColumns < 1) throw new Error('The number of columns in the range must be at least 1.');
  if (row + numRows - 1 > sheet.maxRows || column + numColumns - 1 > sheet.maxColumns) {
    throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return { row: Math.trunc(row), column: Math.trunc(column), numRows: Math.trunc(numRows), numColumns: Math.trunc(numColumns) };
}

type RangeApi = Pick<SS.Range,
  | 'getA1Notation' | 'getRow' | 'getRowIndex' | 'getColumn' | 'getLastRow' | 'getLastColumn' | 'getNumRows' | 'getNumColumns'
  | 'getHeight' | 'getWidth' | 'getGridId' | 'getSheet' | 'getCell' | 'offset' | 'isBlank'
  | 'getValue' | 'getValues' | 'setValue' | 'setValues' | 'getDisplayValue' | 'getDisplayValues'
  | 'getFormula' | 'getFormulas' | 'setFormula' | 'setFormulas'
  | 'getNumberFormat' | 'getNumberFormats' | 'setNumberFormat' | 'setNumberFormats'
  | 'getBackground' | 'getBackgrounds' | 'setBackground' | 'setBackgrounds'
  | 'getFontColor' | 'getFontColors' | 'setFontColor' | 'setFontColors'
  | 'getFontWeight' | 'getFontWeights' | 'setFontWeight' | 'setFontWeights'
  | 'getFontSize' | 'getFontSizes' | 'setFontSize' | 'setFontSizes'
  | 'getHorizontalAlignment' | 'getHorizontalAlignments' | 'setHorizontalAlignment' | 'setHorizontalAlignments'
  | 'getWrap' | 'getWraps' | 'setWrap' | 'setWraps'
  | 'getNote' | 'getNotes' | 'setNote' | 'setNotes' | 'clearNote'
  | 'getDataValidation' | 'getDataValidations' | 'setDataValidation' | 'setDataValidations' | 'clearDataValidations'
  | 'clear' | 'clearContent' | 'clearFormat' | 'merge' | 'isPartOfMerge' | 'getMergedRanges' | 'breakApart'
  | 'addDeveloperMetadata' | 'getDeveloperMetadata' | 'createDeveloperMetadataFinder' | 'protect' | 'activate'>;

export class MemoryRange implements RangeApi {
  constructor(
    readonly ctx: WorkbookContext,
    private readonly sheet: SheetState,
    private readonly grid: GridRange,
    private readonly open: OpenEdges = CLOSED,
  ) {}

  _stored(): StoredRange {
    return new StoredRange(this.sheet.id, { ...this.grid }, this.open);
  }

  private _live(): SheetState {
    return assertLive(this.ctx, this.sheet);
  }

  private _self(): SS.Range {
    return this as unknown as SS.Range;
  }

  private _read<T>(read: (cell: Cell | undefined) => T): T[][] {
    return readMatrix(this._live(), this.grid, read);
  }

  private _first<T>(read: (cell: Cell | undefined) => T): T {
    return read(this._live().rows[this.grid.row - 1]?.[this.grid.column - 1]);
  }

  private _fill(write: (cell: Cell) => void): SS.Range {
    const sheet = this._live();
    forEachCell(this.grid, (r, c) => write(touchCell(sheet, r, c)));
    return this._self();
  }

  private _reading(): Reading {
    return { locale: this.ctx.state.locale, timeZone: this.ctx.state.timeZone };
  }

  private _fillEach<T>(method: string, matrix: T[][], write: (cell: Cell, value: T) => void): SS.Range {
    const sheet = this._live();
    checkMatrix(method, matrix, this.grid);
    forEachCell(this.grid, (r, c, i, j) => write(touchCell(sheet, r, c), (matrix[i] as T[])[j] as T));
    return this._self();
  }

  getA1Notation(): string { return gridToA1(this.grid, this.open); }
  getRow(): number { return this.grid.row; }
  getRowIndex(): number { return this.grid.row; }
  getColumn(): number { return this.grid.column; }
  getLastRow(): number { return this.grid.row + this.grid.numRows - 1; }
  getLastColumn(): number { return this.grid.column + this.grid.numColumns - 1; }
  getNumRows(): number { return this.grid.numRows; }
  getNumColumns(): number { return this.grid.numColumns; }
  getHeight(): number { return this.grid.numRows; }
  getWidth(): number { return this.grid.numColumns; }
  getGridId(): number { return this.sheet.id; }
  getSheet(): SS.Sheet { return this.ctx.sheet(this._live()); }
  activate(): SS.Range { this.ctx.state.activeSheetId = this._live().id; return this._self(); }

  getCell(row: number, column: number): SS.Range {
    if (row < 1 || column < 1 || row > this.grid.numRows || column > this.grid.numColumns) {
      throw new Error('Cell reference out of range');
    }
    return this.ctx.range(this._live(), { row: this.grid.row + row - 1, column: this.grid.column + column - 1, numRows: 1, numColumns: 1 });
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): SS.Range {
    const sheet = this._live();
    const grid = checkedGrid(sheet, this.grid.row + rowOffset, this.grid.column + columnOffset,
      numRows ?? this.grid.numRows, numColumns ?? this.grid.numColumns);
    return this.ctx.range(sheet, grid);
  }

  isBlank(): boolean {
    return this._read((c) => c?.v === undefined && c?.f === undefined).every((row) => row.every(Boolean));
  }

  getValue(): any { return this._first((c) => exportValue(c?.v, this.ctx.DateCtor)); }
  getValues(): any[][] { return this._read((c) => exportValue(c?.v, this.ctx.DateCtor)); }
  getDisplayValue(): string { return this._first((c) => shownValue(c, this.ctx.state.timeZone)); }
  getDisplayValues(): string[][] { return this._read((c) => shownValue(c, this.ctx.state.timeZone)); }

  setValue(value: any): SS.Range {
    const sheet = this._live();
    const reading = this._reading();
    forEachCell(this.grid, (r, c) => writeTyped(sheet, r, c, value, reading));
    return this._self();
  }

  setValues(values: any[][]): SS.Range {
    const sheet = this._live();
    checkMatrix('setValues', values, this.grid);
    const reading = this._reading();
    forEachCell(this.grid, (r, c, i, j) => writeTyped(sheet, r, c, values[i]?.[j], reading));
    return this._self();
  }

  getFormula(): string { return this._first((c) => c?.f ?? ''); }
  getFormulas(): string[][] { return this._read((c) => c?.f ?? ''); }

  setFormula(formula: string): SS.Range {
    if (typeof formula !== 'string') throw signatureError('SpreadsheetApp.Range.setFormula', [formula]);
    writeFormulaBlock(this._live(), this.grid, formula);
    return this._self();
  }

  setFormulas(formulas: string[][]): SS.Range {
    const sheet = this._live();
    checkMatrix('setFormulas', formulas, this.grid);
    const reading = this._reading();
    forEachCell(this.grid, (r, c, i, j) => writeTyped(sheet, r, c, formulas[i]?.[j] ?? '', reading));
    return this._self();
  }

  getNumberFormat(): string { return this._first((c) => c?.nf ?? AUTOMATIC_NUMBER_FORMAT); }
  getNumberFormats(): string[][] { return this._read((c) => c?.nf ?? AUTOMATIC_NUMBER_FORMAT); }
  setNumberFormat(numberFormat: string): SS.Range {
    const pattern = checkNumberFormat('setNumberFormat', numberFormat);
    return this._fill((c) => applyNumberFormat(c, pattern));
  }
  setNumberFormats(numberFormats: string[][]): SS.Range {
    checkMatrix('setNumberFormats', numberFormats, this.grid);
    const patterns = numberFormats.map((row) => row.map((v) => checkNumberFormat('setNumberFormats', v)));
    return this._fillEach('setNumberFormats', patterns, applyNumberFormat);
  }

  getBackground(): string { return this._first((c) => c?.bg ?? DEFAULT_BACKGROUND); }
  getBackgrounds(): string[][] { return this._read((c) => c?.bg ?? DEFAULT_BACKGROUND); }
  setBackground(color: string | null): SS.Range { return this._fill((c) => setColor(c, 'bg', color)); }
  setBackgrounds(color: Array<Array<string | null>>): SS.Range {
    return this._fillEach('setBackgrounds', color, (c, v) => setColor(c, 'bg', v));
  }

  getFontColor(): string { return this._first((c) => c?.fc ?? DEFAULT_FONT_COLOR); }
  getFontColors(): string[][] { return this._read((c) => c?.fc ?? DEFAULT_FONT_COLOR); }
  setFontColor(color: string | null): SS.Range { return this._fill((c) => setColor(c, 'fc', color)); }
  setFontColors(colors: any[][]): SS.Range {
    return this._fillEach('setFontColors', colors, (c, v) => setColor(c, 'fc', v as string | null));
  }

  getFontWeight(): SS.FontWeight { return this._first((c) => (c?.bold ? 'bold' : 'normal')); }
  getFontWeights(): SS.FontWeight[][] { return this._read((c) => (c?.bold ? 'bold' : 'normal')); }
  setFontWeight(fontWeight: SS.FontWeight | null): SS.Range { return this._fill((c) => setBold(c, fontWeight)); }
  setFontWeights(fontWeights: Array<Array<SS.FontWeight | null>>): SS.Range {
    return this._fillEach('setFontWeights', fontWeights, setBold);
  }

  getFontSize(): number { return this._first((c) => c?.fs ?? DEFAULT_FONT_SIZE); }
  getFontSizes(): number[][] { return this._read((c) => c?.fs ?? DEFAULT_FONT_SIZE); }
  setFontSize(size: number): SS.Range {
    const points = checkFontSize('setFontSize', size);
    return this._fill((c) => setFontSize(c, points));
  }
  setFontSizes(sizes: number[][]): SS.Range {
    checkMatrix('setFontSizes', sizes, this.grid);
    const points = sizes.map((row) => row.map((v) => checkFontSize('setFontSizes', v)));
    return this._fillEach('setFontSizes', points, setFontSize);
  }

  getHorizontalAlignment(): string { return this._first((c) => c?.ha ?? 'general'); }
  getHorizontalAlignments(): string[][] { return this._read((c) => c?.ha ?? 'general'); }
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): SS.Range {
    return this._fill((c) => setAlignment(c, alignment));
  }
  setHorizontalAlignments(alignments: Array<Array<'left' | 'center' | 'normal' | 'right' | null>>): SS.Range {
    return this._fillEach('setHorizontalAlignments', alignments, setAlignment);
  }

  getWrap(): boolean { return this._first((c) => c?.wrap ?? true); }
  getWraps(): boolean[][] { return this._read((c) => c?.wrap ?? true); }
  setWrap(isWrapEnabled: boolean): SS.Range { return this._fill((c) => { c.wrap = Boolean(isWrapEnabled); }); }
  setWraps(isWrapEnabled: boolean[][]): SS.Range {
    checkMatrix('setWraps', isWrapEnabled, this.grid);
    const wraps = isWrapEnabled.map((row) => row.map((v) => checkBoolean('setWraps', v, isWrapEnabled)));
    return this._fillEach('setWraps', wraps, (c, wrap) => { c.wrap = wrap; });
  }

  getNote(): string { return this._first((c) => c?.note ?? ''); }
  getNotes(): string[][] { return this._read((c) => c?.note ?? ''); }
  setNote(note: string | null): SS.Range { return this._fill((c) => setNote(c, note)); }
  setNotes(notes: Array<Array<string | null>>): SS.Range { return this._fillEach('setNotes', notes, setNote); }
  clearNote(): SS.Range { clearCells(this._live(), this.grid, { notes: true }); return this._self(); }

  getDataValidation(): SS.DataValidation | null { return this._first((c) => wrapValidation(this.ctx, c?.dv)); }
  getDataValidations(): Array<Array<SS.DataValidation | null>> { return this._read((c) => wrapValidation(this.ctx, c?.dv)); }
  setDataValidation(rule: SS.DataValidation | null): SS.Range {
    const data = validationData('SpreadsheetApp.Range.setDataValidation', rule);
    return this._fill((c) => { c.dv = data; });
  }
  setDataValidations(rules: Array<Array<SS.DataValidation | null>>): SS.Range {
    return this._fillEach('setDataValidations', rules, (c, rule) => {
      c.dv = validationData('SpreadsheetApp.Range.setDataValidations', rule);
    });
  }
  clearDataValidations(): SS.Range { clearCells(this._live(), this.grid, { validations: true }); return this._self(); }

  /** Without options: contents, formats, validations and notes, i.e. the cell as new. */
  clear(options?: { commentsOnly?: boolean; contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean }): SS.Range {
    const o = options ?? {};
    const any = Boolean(o.commentsOnly || o.contentsOnly || o.formatOnly || o.validationsOnly);
    clearCells(this._live(), this.grid, {
      contents: !any || o.contentsOnly,
      formats: !any || o.formatOnly,
      numberFormats: !any || o.formatOnly,
      // Sheets documents that clearing formats also drops validation rules.
      validations: !any || o.formatOnly || o.validationsOnly,
      notes: !any || o.commentsOnly,
    });
    return this._self();
  }

  clearContent(): SS.Range { clearCells(this._live(), this.grid, { contents: true }); return this._self(); }
  /** Sheets leaves number formats alone here (documented), unlike clear({formatOnly}). */
  clearFormat(): SS.Range { clearCells(this._live(), this.grid, { formats: true }); return this._self(); }

  merge(): SS.Range { mergeCells(this._live(), this.grid); return this._self(); }
  breakApart(): SS.Range { breakApartCells(this._live(), this.grid); return this._self(); }
  isPartOfMerge(): boolean { return mergesTouching(this._live(), this.grid).length > 0; }
  getMergedRanges(): SS.Range[] {
    const sheet = this._live();
    return mergesTouching(sheet, this.grid).map((m) => this.ctx.range(sheet, m));
  }

  addDeveloperMetadata(key: string, valueOrVisibility?: any, visibility?: SS.DeveloperMetadataVisibility): SS.Range {
    addMetadata(this.ctx, { kind: 'range', sheet: this._live(), grid: this.grid }, key, valueOrVisibility, visibility);
    return this._self();
  }

  getDeveloperMetadata(): SS.DeveloperMetadata[] {
    return metadataAt(this.ctx, { kind: 'range', sheet: this._live(), grid: this.grid });
  }

  createDeveloperMetadataFinder(): SS.DeveloperMetadataFinder {
    return new MemoryDeveloperMetadataFinder(this.ctx, { kind: 'range', sheet: this._live(), grid: this.grid }) as unknown as SS.DeveloperMetadataFinder;
  }

  protect(): SS.Protection {
    const data = newProtection(this.ctx, 'RANGE', this._live(), this._stored());
    return new MemoryProtection(this.ctx, data) as unknown as SS.Protection;
  }
}

instrument(MemoryRange, 'Range', 'service', { scope: SHEETS_SCOPE });
