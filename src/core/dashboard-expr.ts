/**
 * Dashboard figures as data: counts and sums over the roster's rows, and ratios and sums of those. One figure yields
 * both sides of a dashboard cell:
 *
 * - `figureFormula`: a native formula over the roster's columns, `ARRAYFORMULA(SUM(IF(...)))`, which Sheets and the
 *   offline formula engine both evaluate (no QUERY, no custom function), so the tab follows the roster as it changes;
 * - `evaluateFigure`: the core's value over the rows the add-on read.
 *
 * Which rows a figure takes is a condition of the alert language (alerts-expr.ts), guarded the same way: a row
 * counts only when every cell its condition reads holds a number (a date is a number to Sheets) and its divisors
 * are positive. In a formula the guards are nested IFs, so a text cell never reaches an arithmetic operation and
 * never turns the whole figure into #VALUE!; in the core, alerts-expr's `evaluate` returns "true" under exactly
 * those guards. A condition must need a filled cell (a number or a listed text), because the formula's ranges run
 * past the last roster row and blank rows must never count.
 */
import { evaluate, evaluateNum, type BoolExpr, type NumExpr, type RowReader } from './alerts-expr';
import type { CellKind } from './alerts-cells';
import type { RosterField } from './roster';

/** Rows a figure takes: those whose `has` cells hold numbers and whose condition holds. */
export interface Where {
  cond?: BoolExpr;
  has?: readonly RosterField[];
}

export type Figure =
  | { k: 'count'; where: Where }
  | { k: 'sum'; of: NumExpr; where: Where }
  /** a / b; nothing (n/a) when b is 0. */
  | { k: 'ratio'; a: Figure; b: Figure }
  | { k: 'add'; of: Figure[] };

export const count = (where: Where): Figure => ({ k: 'count', where });
export const sumOf = (of: NumExpr, where: Where = {}): Figure => ({ k: 'sum', of, where });
export const ratioOf = (a: Figure, b: Figure): Figure => ({ k: 'ratio', a, b });
export const addOf = (...of: Figure[]): Figure => ({ k: 'add', of });

// ---------------------------------------------------------------------------------------------------------------
// Which cells a figure reads as numbers (the columns whose text it cannot read live)

export interface CellRead {
  field: RosterField;
  as: CellKind;
}

function numReads(e: NumExpr, into: CellRead[]): void {
  if (e.k === 'cell') into.push({ field: e.field, as: e.as });
  else if (e.k === 'minus' || e.k === 'ratio') {
    numReads(e.a, into);
    numReads(e.b, into);
  } else if (e.k === 'bands') numReads(e.on, into);
}

export function boolReads(e: BoolExpr, into: CellRead[]): CellRead[] {
  if (e.k === 'compare') {
    numReads(e.a, into);
    numReads(e.b, into);
  } else if (e.k === 'all') e.of.forEach((c) => boolReads(c, into));
  return into;
}

function whereReads(w: Where, into: CellRead[]): void {
  for (const field of w.has ?? []) into.push({ field, as: 'number' });
  if (w.cond) boolReads(w.cond, into);
}

/** The cells a figure reads as numbers or dates, each once. */
export function figureReads(f: Figure, into: CellRead[] = []): CellRead[] {
  switch (f.k) {
    case 'count':
      whereReads(f.where, into);
      break;
    case 'sum':
      numReads(f.of, into);
      whereReads(f.where, into);
      break;
    case 'ratio':
      figureReads(f.a, into);
      figureReads(f.b, into);
      break;
    case 'add':
      f.of.forEach((x) => figureReads(x, into));
      break;
  }
  return into.filter((r, i) => into.findIndex((s) => s.field === r.field && s.as === r.as) === i);
}

/** Whether every row a condition accepts has a filled cell: a guarded number, or a text from a list. */
export function needsFilledCell(e: BoolExpr): boolean {
  if (e.k === 'compare') return boolReads(e, []).length > 0;
  if (e.k === 'textIs') return !e.negate && e.values.length > 0;
  return e.of.some(needsFilledCell);
}

const whereNeedsFilledCell = (w: Where): boolean => (w.has?.length ?? 0) > 0 || (w.cond !== undefined && needsFilledCell(w.cond));

// ---------------------------------------------------------------------------------------------------------------
// The formula

/** Where the roster's columns are: each field's A1 range on the roster sheet, from the first data row down. */
export type RangeOf = (field: RosterField) => string;

/** A number as a formula literal: never in exponent form, which not every engine parses. */
export function formulaNumber(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`Cannot write ${n} into a formula`);
  const text = String(n);
  return /e/i.test(text) ? n.toFixed(20).replace(/\.?0+$/, '') : text;
}

export const quoteText = (text: string): string => `"${text.replace(/"/g, '""')}"`;

export function numArray(e: NumExpr, range: RangeOf): string {
  switch (e.k) {
    case 'cell':
      return e.as === 'date' ? `INT(${range(e.field)})` : range(e.field);
    case 'const':
      return formulaNumber(e.value);
    case 'today':
      return 'TODAY()';
    case 'minus':
      return `${numArray(e.a, range)}-${e.b.k === 'minus' ? `(${numArray(e.b, range)})` : numArray(e.b, range)}`;
    case 'ratio':
      return `ROUND(${numArray(e.a, range)}/${e.b.k === 'minus' ? `(${numArray(e.b, range)})` : numArray(e.b, range)},9)`;
    case 'bands': {
      const on = numArray(e.on, range);
      let out = formulaNumber(e.bands[e.bands.length - 1]!.value);
      for (let i = e.bands.length - 2; i >= 0; i--) out = `IF(${on}>=${formulaNumber(e.bands[i]!.atLeast)},${formulaNumber(e.bands[i]!.value)},${out})`;
      return out;
    }
  }
}

/** Guards in two layers: the cells hold numbers; then, on numbers only, rates lie in 0-1 and divisors are positive. */
export interface Guards {
  cells: string[];
  values: string[];
}

const push = (list: string[], item: string): void => {
  if (!list.includes(item)) list.push(item);
};

export function numGuards(e: NumExpr, range: RangeOf, into: Guards): Guards {
  switch (e.k) {
    case 'cell':
      push(into.cells, `ISNUMBER(${range(e.field)})`);
      if (e.as === 'rate') {
        push(into.values, `(${range(e.field)}>=0)`);
        push(into.values, `(${range(e.field)}<=1)`);
      }
      break;
    case 'minus':
      numGuards(e.a, range, into);
      numGuards(e.b, range, into);
      break;
    case 'ratio':
      numGuards(e.a, range, into);
      numGuards(e.b, range, into);
      push(into.values, `(${numArray(e.b, range)}>0)`);
      break;
    case 'bands':
      numGuards(e.on, range, into);
      break;
    case 'const':
    case 'today':
      break;
  }
  return into;
}

/** A condition as an array of truth values (booleans or 0/1), for rows whose guards hold. */
export function boolArray(e: BoolExpr, range: RangeOf, guards: Guards): string {
  switch (e.k) {
    case 'compare':
      numGuards(e.a, range, guards);
      numGuards(e.b, range, guards);
      return `(${numArray(e.a, range)}${e.op}${numArray(e.b, range)})`;
    case 'textIs': {
      // Sums of equalities rather than OR, which folds a whole array into one value; the listed words differ, so
      // at most one matches and the sum is 0 or 1.
      const matches = e.values.map((v) => `(TRIM(${range(e.field)})=${quoteText(v)})`).join('+');
      return e.negate ? `(1-(${matches}))` : `(${matches})`;
    }
    case 'all':
      return `(${e.of.map((c) => boolArray(c, range, guards)).join('*')})`;
  }
}

const product = (parts: string[]): string => parts.join('*');

/** The per-row array a figure adds up: `value` where the row is taken, `otherwise` elsewhere. */
export function rowArray(where: Where, value: NumExpr | null, range: RangeOf, otherwise = '0'): string {
  const guards: Guards = { cells: [], values: [] };
  for (const field of where.has ?? []) push(guards.cells, `ISNUMBER(${range(field)})`);
  const body = where.cond ? boolArray(where.cond, range, guards) : null;
  const v = value ? numArray(value, range) : '1';
  if (value) numGuards(value, range, guards);
  let inner = body ? `IF(${body},${v},${otherwise})` : v;
  if (guards.values.length) inner = `IF(${product(guards.values)},${inner},${otherwise})`;
  if (guards.cells.length) inner = `IF(${product(guards.cells)},${inner},${otherwise})`;
  return inner;
}

/**
 * The formula of a figure, without the leading "=". `na` is what a ratio over nothing shows. `cellOf` names the
 * tab's cell that already shows a part (the same declaration), so a ratio reads "=IFERROR(B21/B20, ...)" rather than
 * repeating both sums.
 */
export function figureFormula(f: Figure, range: RangeOf, na: string, cellOf: (f: Figure) => string | undefined = () => undefined): string {
  const placed = cellOf(f);
  if (placed) return placed;
  const part = (x: Figure): string => figureFormula(x, range, na, cellOf);
  switch (f.k) {
    case 'count':
    case 'sum': {
      const value = f.k === 'sum' ? f.of : null;
      if (!whereNeedsFilledCell(f.where) && !(value && numReadsOf(value).length > 0)) throw new Error('A dashboard figure must take only rows with a filled cell');
      return `ARRAYFORMULA(SUM(${rowArray(f.where, value, range)}))`;
    }
    case 'ratio':
      return `IFERROR(${part(f.a)}/${part(f.b)},${quoteText(na)})`;
    case 'add':
      return `(${f.of.map(part).join('+')})`;
  }
}

const numReadsOf = (e: NumExpr): CellRead[] => {
  const into: CellRead[] = [];
  numReads(e, into);
  return into;
};

// ---------------------------------------------------------------------------------------------------------------
// The core's value

function takes(where: Where, row: RowReader): boolean {
  for (const field of where.has ?? []) if (row.number(field, 'number').state !== 'value') return false;
  return where.cond ? evaluate(where.cond, row).v === 'true' : true;
}

/** A figure over rows: a number, or null for a ratio over nothing (what the tab shows as n/a). */
export function evaluateFigure(f: Figure, rows: readonly RowReader[]): number | null {
  switch (f.k) {
    case 'count':
      return rows.filter((row) => takes(f.where, row)).length;
    case 'sum': {
      let total = 0;
      for (const row of rows) {
        if (!takes(f.where, row)) continue;
        const v = evaluateNum(f.of, row);
        if (v.v === 'value') total += v.n;
      }
      return total;
    }
    case 'ratio': {
      const a = evaluateFigure(f.a, rows);
      const b = evaluateFigure(f.b, rows);
      return a === null || b === null || b === 0 ? null : a / b;
    }
    case 'add': {
      const parts = f.of.map((x) => evaluateFigure(x, rows));
      return parts.some((p) => p === null) ? null : parts.reduce<number>((s, p) => s + p!, 0);
    }
  }
}
