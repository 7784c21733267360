/**
 * The playground's formula engine: HyperFormula over the in-memory workbook, with the add-on's custom functions and
 * the workbook's clock plugged in (formula-plugins.ts).
 */
import { CellType, DetailedCellError, ExportedCellChange, HyperFormula, type CellValue, type RawCellContent } from 'hyperformula';
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
export function rawContent(cell: { v?: SnapshotValue; f?: string }, timeZone: string): RawCellContent {
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
/**
 * The playground keeps its own undo (of what a person typed), so the engine keeps none; a sheet may grow past the
 * engine's default 40,000 rows.
 */
const CONFIG = { licenseKey: 'gpl-v3', dateFormats: DATE_FORMATS, timeFormats: TIME_FORMATS, undoLimit: 0, maxRows: 1_000_000 };

/** The whole content of a sheet, as the engine takes it. */
export function sheetContents(sheet: SheetSnapshot, timeZone: string): RawCellContent[][] {
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

/** The content of every sheet by name, in the workbook's time zone. */
export interface EngineSheets {
  timeZone: string;
  contents: Record<string, RawCellContent[][]>;
}

/** A cell whose value changed, 1-based. */
export interface ChangedCell {
  sheet: string;
  row: number;
  column: number;
}

/** New content for the cells of a sheet from `row`, `column` on (1-based), row-major. */
export interface CellUpdate {
  sheet: string;
  row: number;
  column: number;
  contents: RawCellContent[][];
}

/**
 * The evaluation of a workbook: built once from a snapshot, then kept current by the changes made to it, so an edit
 * recalculates only what depends on the cell edited.
 */
export class FormulaEngine {
  private readonly hf: HyperFormula;
  private readonly ids = new Map<string, number>();
  private readonly evaluating: Evaluating;

  /**
   * From a snapshot, or from the sheets' contents already read out of one (so a large snapshot need not stay alive
   * while the engine is built). `clock` is what TODAY() and NOW() read, on the workbook's wall clock.
   */
  constructor(functions: CustomFunctions, workbook: WorkbookSnapshot | EngineSheets, clock: Clock = Date.now) {
    registerPlugins(functions);
    this.evaluating = { functions, timeZone: workbook.timeZone, clock };
    const sheets: Record<string, RawCellContent[][]> = {};
    if ('contents' in workbook) Object.assign(sheets, workbook.contents);
    else for (const sheet of workbook.sheets) sheets[sheet.name] = sheetContents(sheet, workbook.timeZone);
    this.hf = this.using(() => HyperFormula.buildFromSheets(sheets, CONFIG));
    for (const name of Object.keys(sheets)) this.ids.set(name, this.hf.getSheetId(name)!);
  }

  private using<T>(work: () => T): T {
    return evaluatingWith(this.evaluating, work);
  }

  private id(sheet: string): number {
    const id = this.ids.get(sheet);
    if (id === undefined) throw new Error(`No sheet named "${sheet}".`);
    return id;
  }

  /**
   * Writes new content (and adds sheets not seen before) in one batch, recalculating what depends on it. Returns the
   * cells whose value changed: the ones written, and every formula or array result that moved with them.
   */
  update(updates: readonly CellUpdate[], addSheets: ReadonlyArray<{ name: string; contents: RawCellContent[][] }> = []): ChangedCell[] {
    const names = new Map([...this.ids].map(([name, id]) => [id, name]));
    const changes = this.using(() =>
      this.hf.batch(() => {
        for (const added of addSheets) {
          const name = this.hf.addSheet(added.name);
          const id = this.hf.getSheetId(name)!;
          this.ids.set(added.name, id);
          names.set(id, added.name);
          this.hf.setSheetContent(id, added.contents);
        }
        for (const u of updates) this.hf.setCellContents({ sheet: this.id(u.sheet), row: u.row - 1, col: u.column - 1 }, u.contents);
      }),
    );
    const changed: ChangedCell[] = [];
    for (const change of changes) {
      if (!(change instanceof ExportedCellChange)) continue;
      const sheet = names.get(change.sheet);
      if (sheet !== undefined) changed.push({ sheet, row: change.row + 1, column: change.col + 1 });
    }
    return changed;
  }

  /** Whether the cell holds a formula (an array result's other cells do not). */
  hasFormula(sheet: string, row: number, column: number): boolean {
    return this.hf.doesCellHaveFormula({ sheet: this.id(sheet), row: row - 1, col: column - 1 });
  }

  /** Rows and columns holding content or an array result. */
  extent(sheet: string): { rows: number; columns: number } {
    const { width, height } = this.hf.getSheetDimensions(this.id(sheet));
    return { rows: height, columns: width };
  }

  /** The values of rows `from`..`to` and columns 1..`columns` (1-based): what a window onto the sheet shows. */
  rows(sheet: string, from: number, to: number, columns: number): EngineValue[][] {
    if (to < from || columns < 1) return [];
    const range = { start: { sheet: this.id(sheet), row: from - 1, col: 0 }, end: { sheet: this.id(sheet), row: to - 1, col: columns - 1 } };
    return this.hf.getRangeValues(range).map((row) => row.map(fromHf));
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
