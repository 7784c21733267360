/**
 * What the playground adds to HyperFormula: the add-on's custom functions, registered as function plugins that call
 * the built dist/Code.js in its vm context (a custom function receives what Sheets would pass, a value or a 2-D
 * array for a range, and its array result spills like in Sheets), and TODAY() and NOW() on the workbook's clock
 * and time zone rather than the machine's.
 */
import {
  ArraySize,
  CellError,
  CellValueDetailedType,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ImplementedFunctions,
} from 'hyperformula';
import type { Clock } from './clock';
import { dateFromSerial, serialFromDate } from './dates';

/** The custom functions of a loaded bundle, as the engine needs them. */
export interface CustomFunctions {
  /** Names and parameter counts, from the bundle's own help registry. */
  help: ReadonlyArray<{ name: string; params: readonly unknown[] }>;
  call(name: string, args: unknown[]): unknown;
}

/** The add-on that answers while an engine evaluates, and the time zone and clock of the workbook it evaluates. */
export interface Evaluating {
  functions: CustomFunctions;
  timeZone: string;
  clock: Clock;
}

/** HyperFormula's function plugins are global; the engine that is evaluating says which add-on and clock answer. */
let active: Evaluating | null = null;
let registered: string | null = null;
let clockRegistered = false;

/** Runs `work` with `evaluating` answering the plugins. */
export function evaluatingWith<T>(evaluating: Evaluating, work: () => T): T {
  const previous = active;
  active = evaluating;
  try {
    return work();
  } finally {
    active = previous;
  }
}

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

/** Builds the plugin classes once per set of function names (the bundle's registry). */
export function registerPlugins(functions: CustomFunctions): void {
  if (!clockRegistered) {
    HyperFormula.registerFunctionPlugin(WorkbookClock);
    clockRegistered = true;
  }
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
 * TODAY() and NOW() as Sheets answers them: the day and time on the spreadsheet's wall clock. HyperFormula's own
 * read the machine's zone, which would put a Shanghai workbook on yesterday's date every evening in London, and
 * judge the alert rules on another day than the add-on's counts.
 */
class WorkbookClock extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    TODAY: { method: 'today', parameters: [], isVolatile: true, returnNumberType: CellValueDetailedType.NUMBER_DATE },
    NOW: { method: 'now', parameters: [], isVolatile: true, returnNumberType: CellValueDetailedType.NUMBER_DATETIME },
  };

  private serialNow(): number {
    // Outside an engine of ours (another HyperFormula in the same process), the machine's clock and zone.
    const timeZone = active?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    return serialFromDate(new Date((active?.clock ?? Date.now)()), timeZone);
  }

  today(ast: Call, state: unknown): unknown {
    return this.runFunction(ast.args as never, state as never, this.metadata('TODAY'), () => Math.floor(this.serialNow()));
  }

  now(ast: Call, state: unknown): unknown {
    return this.runFunction(ast.args as never, state as never, this.metadata('NOW'), () => this.serialNow());
  }
}
