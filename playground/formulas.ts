/**
 * The playground's formula engine: HyperFormula over the in-memory workbook, with the add-on's custom functions and
 * the workbook's clock plugged in (formula-plugins.ts).
 */
import { CellType, DetailedCellError, HyperFormula, type CellValue, type RawCellContent } from 'hyperformula';
import type { SheetSnapshot, SnapshotValue, WorkbookSnapshot } from '../src/offline/workbook';
import { parseA1 } from '../src/offline/workbook';
import type { Clock } from './clock';
import { serialFromDate, wallClockText } from './dates';
import { evaluatingWith, registerPlugins, type CustomFunctions, type Evaluating } from './formula-plugins';

export type { CustomFunctions } from './formula-plugins';

/** A computed cell: a value, or an error with the code Sheets shows and the message it shows on hover. */
export type EngineValue = string | number | boolean | null | { error: string; message: string };

export interface ArrayBlock {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/**
 * Raw content for HyperFormula: text is quoted with an apostrophe so "8%" or "1/2" stay text, as they are in the
 * workbook. A date is written as its wall-clock text so HyperFormula keeps it a date (a bare serial would be a plain
 * number), and a custom function given the cell receives a Date, as in Sheets.
 */
function rawContent(cell: { v?: SnapshotValue; f?: string }, timeZone: string): RawCellContent {
  if (cell.f !== undefined) return cell.f;
  const v = cell.v;
  if (v === undefined) return null;
  if (typeof v === 'string') return `'${v}`;
  if (typeof v === 'object') {
    if (!('date' in v)) return `'${v.number}`;
    const date = new Date(v.date);
    return wallClockText(date, timeZone) ?? serialFromDate(date, timeZone);
  }
  return v;
}

/** HyperFormula's default date and time forms, plus the ISO day that rawContent writes. */
const DATE_FORMATS = ['DD/MM/YYYY', 'DD/MM/YY', 'YYYY-MM-DD'];
const TIME_FORMATS = ['hh:mm', 'hh:mm:ss.sss'];

function sheetGrid(sheet: SheetSnapshot, timeZone: string): RawCellContent[][] {
  const grid: RawCellContent[][] = [];
  for (const [ref, cell] of Object.entries(sheet.cells)) {
    if (cell.v === undefined && cell.f === undefined) continue;
    const a1 = parseA1(ref)!;
    (grid[a1.row - 1] ??= [])[a1.column - 1] = rawContent(cell, timeZone);
  }
  return Array.from(grid, (row) => Array.from(row ?? [], (v) => v ?? null));
}

function fromHf(value: CellValue): EngineValue {
  if (value instanceof DetailedCellError) return { error: value.value, message: value.message ?? '' };
  if (value === null || value === undefined) return null;
  return value as string | number | boolean;
}

/** One evaluation of a workbook snapshot. Rebuilt after every change: simple, and fast at roster sizes. */
export class FormulaEngine {
  private readonly hf: HyperFormula;
  private readonly ids = new Map<string, number>();
  private readonly evaluating: Evaluating;

  /** `clock` is what TODAY() and NOW() read, on the workbook's wall clock. */
  constructor(functions: CustomFunctions, snapshot: WorkbookSnapshot, clock: Clock = Date.now) {
    registerPlugins(functions);
    this.evaluating = { functions, timeZone: snapshot.timeZone, clock };
    const sheets: Record<string, RawCellContent[][]> = {};
    for (const sheet of snapshot.sheets) sheets[sheet.name] = sheetGrid(sheet, snapshot.timeZone);
    this.hf = this.using(() =>
      HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3', dateFormats: DATE_FORMATS, timeFormats: TIME_FORMATS }),
    );
    for (const sheet of snapshot.sheets) this.ids.set(sheet.name, this.hf.getSheetId(sheet.name)!);
  }

  private using<T>(work: () => T): T {
    return evaluatingWith(this.evaluating, work);
  }

  private id(sheet: string): number {
    const id = this.ids.get(sheet);
    if (id === undefined) throw new Error(`No sheet named "${sheet}".`);
    return id;
  }

  /** The value shown at a cell (1-based), including cells filled by another cell's array result. */
  value(sheet: string, row: number, column: number): EngineValue {
    return fromHf(this.hf.getCellValue({ sheet: this.id(sheet), row: row - 1, col: column - 1 }));
  }

  /** All values of a sheet, row-major from A1. */
  values(sheet: string): EngineValue[][] {
    return this.hf.getSheetValues(this.id(sheet)).map((row) => row.map(fromHf));
  }

  /** The block an array formula at this cell fills, or null when its result is a single value. */
  arrayBlock(sheet: string, row: number, column: number): ArrayBlock | null {
    const id = this.id(sheet);
    const type = (r: number, c: number): CellType => this.hf.getCellType({ sheet: id, row: r - 1, col: c - 1 });
    if (type(row, column) !== CellType.ARRAYFORMULA) return null;
    let numColumns = 1;
    while (type(row, column + numColumns) === CellType.ARRAY) numColumns++;
    let numRows = 1;
    while (type(row + numRows, column) === CellType.ARRAY) numRows++;
    return numRows === 1 && numColumns === 1 ? null : { row, column, numRows, numColumns };
  }

  /** Evaluates a formula on a sheet without placing it (conditional-format rules). */
  evaluate(sheet: string, formula: string): EngineValue {
    const result = this.using(() => this.hf.calculateFormula(formula, this.id(sheet)));
    return fromHf(Array.isArray(result) ? (result[0]?.[0] ?? null) : result);
  }

  /** TODAY() on this workbook's clock, as a serial day number. */
  today(): number {
    return Math.floor(serialFromDate(new Date(this.evaluating.clock()), this.evaluating.timeZone));
  }

  destroy(): void {
    this.hf.destroy();
  }
}
