import { isBlank } from '../core/parse';
import { CalendarDay, type Parsed } from '../core/result';

/** What a cell can hold when a custom function returns it. */
export type Cell = string | number | boolean;

/** Prefix of the short reason shown in a cell of a range result when that row's input is bad. */
export const CELL_ERROR_MARK = '⚠ ';

/**
 * How one argument is read.
 * - `cell`: one value per row; a range is read cell by cell, a single value broadcasts against ranges.
 * - `row`: one value per row that may itself span several columns (e.g. four sub-scores); `read` receives the
 *   row's cells, or the single value.
 * - `whole`: read once as a whole (e.g. a tier table); never broadcast.
 */
export interface ParamSpec<T = unknown> {
  name: string;
  description: string;
  /** JSDoc type shown in the generated help, e.g. "number|Array<Array<number>>". */
  type: string;
  optional?: boolean;
  shape?: 'cell' | 'row' | 'whole';
  /** Widths a `row` argument may have (e.g. [1, 4]). */
  widths?: readonly number[];
  read(raw: unknown): Parsed<T | null>;
}

export interface FunctionSpec {
  name: string;
  description: string;
  params: readonly ParamSpec[];
  returns: { type: string; description: string };
  /** An example formula for the help, e.g. "=TIER(C2:C500)". */
  example: string;
  /** Columns each row of the result spans (default 1). */
  width?: number;
  /**
   * The arguments that say which influencer a row is about (indexes into params; default all). A row whose
   * subject is blank is a blank row, so a formula filled down past the data, such as
   * `=ROAS_PREDICT(A2, B2, 2000, 150)`, shows nothing rather than an error.
   */
  subject?: readonly number[];
  /** Computes one row from its parsed arguments (null for a blank optional argument). */
  compute(args: ReadonlyArray<unknown>): Parsed<Cell | readonly Cell[]>;
}

/** A custom-function error: the message Sheets shows on hover over #ERROR!. */
export class ArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArgumentError';
  }
}

/** What the caller knows that the core cannot. */
export interface RunOptions {
  /**
   * The calendar day ("yyyy-MM-dd") a Date argument names in the spreadsheet's time zone. Sheets passes a date cell
   * as a Date for midnight in that zone; without this, a Date is read as its UTC day.
   */
  dayOf?: (date: Date) => string;
}

type Grid = unknown[][];
const isGrid = (raw: unknown): raw is Grid => Array.isArray(raw) && raw.every(Array.isArray);

interface Slot {
  spec: ParamSpec;
  /** A grid this argument spans (rows x columns of its cells), or null for a single value. */
  grid: Grid | null;
  raw: unknown;
}

/**
 * Runs a function over single values or ranges. All ranges must have the same number of rows (and, for
 * one-value-per-cell arguments, columns); single values broadcast. A row whose range arguments are all blank gives
 * a blank result; a bad cell gives a short visible reason in its own cell while the other rows still compute. A bad
 * single value throws, naming the function, the argument, the value and what is expected.
 */
export function runCustomFunction(spec: FunctionSpec, rawArgs: ReadonlyArray<unknown>, options: RunOptions = {}): Cell | Cell[][] {
  const dayOf = options.dayOf ?? utcDay;
  const slots: Slot[] = spec.params.map((p, i) => {
    const raw = withDays(rawArgs[i], dayOf);
    if (p.shape === 'whole' || !isGrid(raw)) return { spec: p, grid: null, raw };
    const isSingle = raw.length === 1 && raw[0]!.length === 1;
    const isOneRow = p.shape === 'row' && raw.length === 1 && (p.widths ?? []).includes(raw[0]!.length);
    return isSingle || isOneRow ? { spec: p, grid: null, raw: isSingle ? raw[0]![0] : raw[0] } : { spec: p, grid: raw, raw };
  });
  if (rawArgs.length > spec.params.length) {
    throw new ArgumentError(`${spec.name}: takes at most ${spec.params.length} arguments, got ${rawArgs.length}.`);
  }

  const fixed = slots.map((slot) => (slot.grid ? undefined : readSingle(spec, slot)));
  const ranged = slots.filter((s) => s.grid !== null);
  if (ranged.length === 0) {
    if (subjectOf(spec).every((i) => isBlankValue(slots[i]?.raw))) return blankResult(spec);
    const missing = slots.find((s, i) => !s.spec.optional && fixed[i] === null);
    if (missing) throw new ArgumentError(`${spec.name}: ${missing.spec.name} is required.`);
    const result = spec.compute(fixed);
    if (!result.ok) throw new ArgumentError(`${spec.name}: ${result.reason}.`);
    return Array.isArray(result.value) ? [result.value.slice()] : (result.value as Cell);
  }

  const [rows, cols] = commonShape(spec, ranged);
  const out: Cell[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: Cell[] = [];
    for (let c = 0; c < cols; c++) line.push(...computeAt(spec, slots, fixed, r, c));
    out.push(line);
  }
  return out;
}

const utcDay = (date: Date): string => date.toISOString().slice(0, 10);

/**
 * Dates (a single value or inside a range) replaced by their calendar day. The check is by tag rather than
 * `instanceof`, so a Date made in another realm (a test's, or the offline playground's engine) counts as one.
 */
function withDays(raw: unknown, dayOf: (date: Date) => string): unknown {
  if (Array.isArray(raw)) return raw.map((item: unknown) => withDays(item, dayOf));
  if (Object.prototype.toString.call(raw) === '[object Date]') return new CalendarDay(dayOf(raw as Date));
  return raw;
}

function readSingle(spec: FunctionSpec, slot: Slot): unknown {
  const parsed = slot.spec.read(slot.raw);
  if (!parsed.ok) throw new ArgumentError(`${spec.name}: ${slot.spec.name} ${parsed.reason}.`);
  return parsed.value;
}

function commonShape(spec: FunctionSpec, ranged: Slot[]): [number, number] {
  const width = spec.width ?? 1;
  let shape: [number, number] | null = null;
  let first = '';
  for (const slot of ranged) {
    const grid = slot.grid!;
    const cols = grid[0]?.length ?? 0;
    if (slot.spec.shape === 'row' && !(slot.spec.widths ?? [1]).includes(cols)) {
      throw new ArgumentError(`${spec.name}: ${slot.spec.name} must be ${(slot.spec.widths ?? [1]).join(' or ')} columns wide, got ${cols}.`);
    }
    if (grid.some((row) => row.length !== cols)) {
      throw new ArgumentError(`${spec.name}: ${slot.spec.name} is not a rectangular range.`);
    }
    const here: [number, number] = [grid.length, slot.spec.shape === 'row' ? 1 : cols];
    if (width > 1 && here[1] !== 1) {
      throw new ArgumentError(`${spec.name}: ${slot.spec.name} must be a single column (one influencer per row).`);
    }
    if (!shape) {
      shape = here;
      first = slot.spec.name;
    } else if (shape[0] !== here[0] || shape[1] !== here[1]) {
      throw new ArgumentError(
        `${spec.name}: ${first} and ${slot.spec.name} must be ranges of the same size (${describe(shape)} vs ${describe(here)}).`,
      );
    }
  }
  return shape!;
}

const describe = ([rows, cols]: [number, number]): string =>
  `${rows} row${rows === 1 ? '' : 's'}${cols > 1 ? ` x ${cols} columns` : ''}`;

function computeAt(spec: FunctionSpec, slots: Slot[], fixed: unknown[], r: number, c: number): Cell[] {
  const cellRaw = slots.map((slot) => {
    if (!slot.grid) return undefined;
    const row = slot.grid[r]!;
    return slot.spec.shape === 'row' ? (row.length === 1 ? row[0] : row) : row[c];
  });
  const valueAt = (i: number): unknown => (slots[i]?.grid ? cellRaw[i] : slots[i]?.raw);
  const rangedBlank = slots.every((slot, i) => !slot.grid || isBlankValue(cellRaw[i]));
  if (rangedBlank || subjectOf(spec).every((i) => isBlankValue(valueAt(i)))) return blankRow(spec)[0]!;
  const args: unknown[] = [];
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!;
    if (!slot.grid) {
      args.push(fixed[i]);
      continue;
    }
    const parsed = slot.spec.read(cellRaw[i]);
    if (!parsed.ok) return errorRow(spec, `${slot.spec.name} ${shortReason(parsed.reason)}`);
    if (parsed.value === null && !slot.spec.optional) return errorRow(spec, `${slot.spec.name} missing`);
    args.push(parsed.value);
  }
  const missing = slots.findIndex((slot, i) => !slot.grid && !slot.spec.optional && args[i] === null);
  if (missing >= 0) return errorRow(spec, `${slots[missing]!.spec.name} missing`);
  const result = spec.compute(args);
  if (!result.ok) return errorRow(spec, shortReason(result.reason));
  return Array.isArray(result.value) ? result.value.slice() : [result.value as Cell];
}

const isBlankValue = (raw: unknown): boolean => (Array.isArray(raw) ? raw.every(isBlank) : isBlank(raw));

/** The cell form of a reason: the part before any "; expected ..." hint, which the hover error carries in full. */
const shortReason = (reason: string): string => reason.split('; expected')[0]!;

function subjectOf(spec: FunctionSpec): readonly number[] {
  return spec.subject ?? spec.params.map((_, i) => i).filter((i) => spec.params[i]!.shape !== 'whole');
}

function blankResult(spec: FunctionSpec): Cell | Cell[][] {
  return (spec.width ?? 1) > 1 ? blankRow(spec) : '';
}

function blankRow(spec: FunctionSpec): Cell[][] {
  return [Array<Cell>(spec.width ?? 1).fill('')];
}

function errorRow(spec: FunctionSpec, reason: string): Cell[] {
  const row = Array<Cell>(spec.width ?? 1).fill('');
  row[0] = CELL_ERROR_MARK + reason;
  return row;
}
