/**
 * The playground's formula engine: HyperFormula over the in-memory workbook, with the add-on's custom functions
 * registered as function plugins that call the built dist/Code.js in its vm context. A custom function receives
 * what Sheets would pass (a value, or a 2-D array for a range), and its array result spills like in Sheets.
 */
import {
  ArraySize,
  CellError,
  CellType,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type CellValue,
  type ImplementedFunctions,
  type RawCellContent,
} from 'hyperformula';
import type { SheetSnapshot, SnapshotValue, WorkbookSnapshot } from '../src/offline/workbook';
import { parseA1 } from '../src/offline/workbook';
import { dateFromSerial, serialFromDate, wallClockText } from './dates';

/** The custom functions of a loaded bundle, as the engine needs them. */
export interface CustomFunctions {
  /** Names and parameter counts, from the bundle's own help registry. */
  help: ReadonlyArray<{ name: string; params: readonly unknown[] }>;
  call(name: string, args: unknown[]): unknown;
}

/** A computed cell: a value, or an error with the code Sheets shows and the message it shows on hover. */
export type EngineValue = string | number | boolean | null | { error: string; message: string };

export interface ArrayBlock {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** The add-on that answers while an engine evaluates, and the time zone of the workbook it evaluates. */
interface Evaluating {
  functions: CustomFunctions;
  timeZone: string;
}

/** HyperFormula's function plugins are global; the engine that is evaluating says which add-on answers. */
let active: Evaluating | null = null;
let registered: string | null = null;

/** The part of HyperFormula's call node a plugin reads (its argument nodes are passed back to HyperFormula as they are). */
interface Call {
  args: unknown[];
}

/** HyperFormula's types of a number that is a date, a time or both (its own NumberType values). */
const DATE_TYPES = new Set(['NUMBER_DATE', 'NUMBER_TIME', 'NUMBER_DATETIME']);

interface RichNumber {
  val: number;
  getDetailedType(): string;
}

const isRichNumber = (value: unknown): value is RichNumber =>
  typeof value === 'object' && value !== null && 'val' in value && 'getDetailedType' in value;

/**
 * A value HyperFormula hands a plugin, as an Apps Script custom function would receive it: a date, time or
 * date-time as a Date for that wall-clock time in the workbook's zone (Sheets passes midnight there for a date
 * cell), percents and currency as plain numbers.
 */
function toScriptValue(value: unknown, timeZone: string): unknown {
  if (value === EmptyValue || value === undefined || value === null) return '';
  if (value instanceof CellError) return `#${value.type === ErrorType.ERROR ? 'ERROR!' : errorCode(value.type)}`;
  if (isRichNumber(value)) return DATE_TYPES.has(value.getDetailedType()) ? dateFromSerial(value.val, timeZone) : value.val;
  return value;
}

function errorCode(type: ErrorType): string {
  const codes: Partial<Record<ErrorType, string>> = {
    [ErrorType.DIV_BY_ZERO]: 'DIV/0!',
    [ErrorType.NA]: 'N/A',
    [ErrorType.NAME]: 'NAME?',
    [ErrorType.NUM]: 'NUM!',
    [ErrorType.REF]: 'REF!',
    [ErrorType.VALUE]: 'VALUE!',
    [ErrorType.SPILL]: 'SPILL!',
    [ErrorType.CYCLE]: 'CYCLE!',
  };
  return codes[type] ?? `${type}!`;
}

const errorMessage = (e: unknown): string =>
  typeof e === 'object' && e !== null && 'message' in e ? String((e as { message: unknown }).message) : String(e);

/** Builds the plugin class once per set of function names (the bundle's registry). */
function register(functions: CustomFunctions): void {
  const signature = functions.help.map((h) => `${h.name}/${h.params.length}`).join(',');
  if (registered === signature) return;
  if (registered !== null) HyperFormula.unregisterFunctionPlugin(AddonFunctions);

  const implemented: ImplementedFunctions = {};
  const translations: Record<string, Record<string, string>> = { enGB: {}, enUS: {} };
  for (const { name, params } of functions.help) {
    implemented[name] = {
      method: `run_${name}`,
      sizeOfResultArrayMethod: `size_${name}`,
      // Ranges go to the function whole, as Sheets passes them: the add-on vectorises itself.
      vectorizationForbidden: true,
      // passSubtype keeps a date a date (HyperFormula would otherwise hand over its bare serial number).
      parameters: params.map(() => ({ argumentType: FunctionArgumentType.ANY, optionalArg: true, passSubtype: true })),
    };
    translations.enGB![name] = name;
    translations.enUS![name] = name;
    const proto = AddonFunctions.prototype as unknown as Record<string, unknown>;
    proto[`run_${name}`] = function (this: AddonFunctions, ast: Call, state: unknown) {
      return this.run(name, ast, state);
    };
    proto[`size_${name}`] = function (this: AddonFunctions, ast: Call, state: unknown) {
      return this.predictSize(name, ast, state);
    };
  }
  AddonFunctions.implementedFunctions = implemented;
  HyperFormula.registerFunctionPlugin(AddonFunctions, translations);
  registered = signature;
}

class AddonFunctions extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {};

  private invoke(name: string, args: unknown[]): { ok: true; value: unknown } | { ok: false; message: string } {
    if (!active) return { ok: false, message: `${name} is only available while the playground evaluates the workbook.` };
    try {
      return { ok: true, value: active.functions.call(name, args) };
    } catch (e) {
      return { ok: false, message: errorMessage(e) };
    }
  }

  /**
   * HyperFormula must know an array result's size before evaluating it. The add-on answers a blank row with a
   * blank row of the result's width, so calling it with blank arguments of the same shapes gives that size
   * without duplicating its vectorisation rules here.
   */
  predictSize(name: string, ast: Call, state: unknown): ArraySize {
    const args = ast.args.map((arg) => {
      const size = this.arraySizeForAst(arg as never, state as never);
      return size.width === 1 && size.height === 1 ? '' : Array.from({ length: size.height }, () => Array<string>(size.width).fill(''));
    });
    const result = this.invoke(name, args);
    if (!result.ok || !Array.isArray(result.value)) return ArraySize.scalar();
    const rows = result.value as unknown[][];
    return new ArraySize(rows[0]?.length ?? 1, rows.length);
  }

  run(name: string, ast: Call, state: unknown): unknown {
    const implementation = (...raw: unknown[]): unknown => {
      const timeZone = active?.timeZone ?? 'Etc/GMT';
      const read = (v: unknown): unknown => toScriptValue(v, timeZone);
      const args = raw.map((a) => (a instanceof SimpleRangeValue ? a.data.map((row) => row.map(read)) : read(a)));
      const result = this.invoke(name, args);
      if (!result.ok) return new CellError(ErrorType.ERROR, result.message);
      const value = result.value;
      if (!Array.isArray(value)) return value === undefined || value === null ? '' : value;
      const expected = this.predictSize(name, ast, state);
      const rows = value as unknown[][];
      // A result of another shape than announced would corrupt HyperFormula's array bookkeeping.
      if (rows.length !== expected.height || rows.some((r) => !Array.isArray(r) || r.length !== expected.width)) {
        if (expected.width === 1 && expected.height === 1) return rows[0]?.[0] ?? '';
        return new CellError(ErrorType.VALUE, `${name} returned ${rows.length} rows, expected ${expected.height}.`);
      }
      return SimpleRangeValue.onlyValues(rows.map((r) => r.map((v) => v ?? '')) as never);
    };
    // HyperFormula's argument and value types are internal to the package; the values above are the ones it accepts.
    return this.runFunction(ast.args as never, state as never, this.metadata(name), implementation as never);
  }
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

  constructor(functions: CustomFunctions, snapshot: WorkbookSnapshot) {
    register(functions);
    this.evaluating = { functions, timeZone: snapshot.timeZone };
    const sheets: Record<string, RawCellContent[][]> = {};
    for (const sheet of snapshot.sheets) sheets[sheet.name] = sheetGrid(sheet, snapshot.timeZone);
    this.hf = this.using(() =>
      HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3', dateFormats: DATE_FORMATS, timeFormats: TIME_FORMATS }),
    );
    for (const sheet of snapshot.sheets) this.ids.set(sheet.name, this.hf.getSheetId(sheet.name)!);
  }

  private using<T>(work: () => T): T {
    const previous = active;
    active = this.evaluating;
    try {
      return work();
    } finally {
      active = previous;
    }
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

  destroy(): void {
    this.hf.destroy();
  }
}
