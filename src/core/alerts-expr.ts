/**
 * The small language alert conditions are written in. One condition yields both sides of an alert:
 *
 * - `conditionFormula`: the Sheets custom formula of its conditional-format rule, for the first data row;
 * - `evaluate`: the core's verdict on one roster row: true, false, or unknown when a cell the rule needs holds
 *   something the rule cannot read (text where a number or a date belongs).
 *
 * Why the two agree. In the formula every comparison is guarded, `IF(AND(ISNUMBER(..), ..), comparison)`, so a
 * comparison whose cells are blank or unreadable is FALSE, and comparisons are combined with AND only (a NOT
 * applies to a text test, which is never unknown). Such a formula is monotone, so it is TRUE exactly when the
 * three-valued (Kleene) evaluation of the same condition is true: the rows the core counts are the rows the sheet
 * colours, and the rows it finds unknown are the ones the sheet cannot check. (An OR would keep this property; a
 * NOT over a comparison would not, which is why the language has none.)
 */
import type { RosterField } from './roster';
import type { CellKind } from './alerts-cells';

export type NumExpr =
  | { k: 'cell'; field: RosterField; as: CellKind }
  | { k: 'const'; value: number }
  | { k: 'today' }
  | { k: 'minus'; a: NumExpr; b: NumExpr }
  /** a / b, rounded to 9 decimals so a ratio exactly on a threshold compares equal; defined only when b > 0. */
  | { k: 'ratio'; a: NumExpr; b: NumExpr }
  /** The value of the first band whose minimum `on` reaches (bands largest first; the last one catches the rest). */
  | { k: 'bands'; on: NumExpr; bands: ReadonlyArray<{ atLeast: number; value: number }> };

export type CompareOp = '<' | '<=' | '>' | '>=';

export type BoolExpr =
  | { k: 'compare'; op: CompareOp; a: NumExpr; b: NumExpr }
  | { k: 'all'; of: BoolExpr[] }
  /** The cell's text is one of `values` (TRIM, any case), or with `negate` none of them. Never unknown. */
  | { k: 'textIs'; field: RosterField; values: readonly string[]; negate?: boolean };

/* Builders, so the alert table reads like the SPEC's. */
export const cell = (field: RosterField, as: CellKind): NumExpr => ({ k: 'cell', field, as });
export const num = (value: number): NumExpr => ({ k: 'const', value });
export const TODAY: NumExpr = { k: 'today' };
export const minus = (a: NumExpr, b: NumExpr): NumExpr => ({ k: 'minus', a, b });
export const ratio = (a: NumExpr, b: NumExpr): NumExpr => ({ k: 'ratio', a, b });
export const compare = (a: NumExpr, op: CompareOp, b: NumExpr): BoolExpr => ({ k: 'compare', op, a, b });
export const all = (...of: BoolExpr[]): BoolExpr => ({ k: 'all', of });
export const textIs = (field: RosterField, values: readonly string[], negate = false): BoolExpr => ({ k: 'textIs', field, values, negate });

// ---------------------------------------------------------------------------------------------------------------
// The formula

export interface FormulaContext {
  /** 1-based column of each field the expression reads. */
  column: (field: RosterField) => number;
  /** The row the formula is written for: the first data row of the rule's range. */
  row: number;
}

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A number as a formula literal: never in exponent form, which not every engine parses. */
function formulaNumber(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`Cannot write ${n} into a formula`);
  const text = String(n);
  if (!/e/i.test(text)) return text;
  return n.toFixed(20).replace(/\.?0+$/, '');
}

const quoteText = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** Column-absolute, row-relative: the same column on every row of the range, the row of each cell. */
const ref = (field: RosterField, ctx: FormulaContext): string => `$${columnLetters(ctx.column(field))}${ctx.row}`;

function numFormula(e: NumExpr, ctx: FormulaContext): string {
  switch (e.k) {
    case 'cell':
      return e.as === 'date' ? `INT(${ref(e.field, ctx)})` : ref(e.field, ctx);
    case 'const':
      return formulaNumber(e.value);
    case 'today':
      return 'TODAY()';
    case 'minus':
      return `${numFormula(e.a, ctx)}-${wrap(e.b, ctx)}`;
    case 'ratio':
      return `ROUND(${numFormula(e.a, ctx)}/${wrap(e.b, ctx)},9)`;
    case 'bands': {
      const on = numFormula(e.on, ctx);
      const bands = mergeEqualBands(e.bands);
      let out = formulaNumber(bands[bands.length - 1]!.value);
      for (let i = bands.length - 2; i >= 0; i--) out = `IF(${on}>=${formulaNumber(bands[i]!.atLeast)},${formulaNumber(bands[i]!.value)},${out})`;
      return out;
    }
  }
}

const wrap = (e: NumExpr, ctx: FormulaContext): string => (e.k === 'minus' ? `(${numFormula(e, ctx)})` : numFormula(e, ctx));

/** Neighbouring bands with the same value are one band (Micro and Nano share the 40% line by default). */
function mergeEqualBands(bands: ReadonlyArray<{ atLeast: number; value: number }>): Array<{ atLeast: number; value: number }> {
  const out: Array<{ atLeast: number; value: number }> = [];
  for (const band of bands) {
    const last = out[out.length - 1];
    if (last && last.value === band.value) last.atLeast = band.atLeast;
    else out.push({ ...band });
  }
  return out;
}

/** The conditions under which a numeric expression has a value: its cells hold numbers, its divisors are positive. */
function guards(e: NumExpr, ctx: FormulaContext, into: string[]): string[] {
  const add = (g: string): void => {
    if (!into.includes(g)) into.push(g);
  };
  switch (e.k) {
    case 'cell': {
      const r = ref(e.field, ctx);
      add(`ISNUMBER(${r})`);
      if (e.as === 'rate') {
        add(`${r}>=0`);
        add(`${r}<=1`);
      }
      break;
    }
    case 'minus':
      guards(e.a, ctx, into);
      guards(e.b, ctx, into);
      break;
    case 'ratio':
      guards(e.a, ctx, into);
      guards(e.b, ctx, into);
      add(`${numFormula(e.b, ctx)}>0`);
      break;
    case 'bands':
      guards(e.on, ctx, into);
      break;
    case 'const':
    case 'today':
      break;
  }
  return into;
}

const and = (parts: string[]): string => (parts.length === 1 ? parts[0]! : `AND(${parts.join(',')})`);

/** A guarded condition: its guards (hoisted through "all") and the comparison it guards. */
function compile(e: BoolExpr, ctx: FormulaContext): { guards: string[]; body: string } {
  switch (e.k) {
    case 'compare':
      return { guards: guards(e.b, ctx, guards(e.a, ctx, [])), body: `${numFormula(e.a, ctx)}${e.op}${numFormula(e.b, ctx)}` };
    case 'textIs': {
      const r = ref(e.field, ctx);
      const test = e.values.map((v) => `TRIM(${r})=${quoteText(v)}`);
      const any = test.length === 1 ? test[0]! : `OR(${test.join(',')})`;
      return { guards: [], body: e.negate ? `NOT(${any})` : any };
    }
    case 'all': {
      // Hoisting is sound for "all": if any guard fails, the conjunct it guards is FALSE and so is the whole.
      const parts = e.of.map((child) => compile(child, ctx));
      const hoisted: string[] = [];
      for (const p of parts) for (const g of p.guards) if (!hoisted.includes(g)) hoisted.push(g);
      return { guards: hoisted, body: and(parts.map((p) => p.body)) };
    }
  }
}

/** IF with two arguments is FALSE when the guard fails, and never evaluates a division it guards. */
const close = (c: { guards: string[]; body: string }): string => (c.guards.length ? `IF(${and(c.guards)},${c.body})` : c.body);

/** The custom formula of a condition, written for row `ctx.row`, without the leading "=". */
export const conditionFormula = (e: BoolExpr, ctx: FormulaContext): string => close(compile(e, ctx));

// ---------------------------------------------------------------------------------------------------------------
// The core's evaluation

/** A value, nothing to judge (blank cell, division by nothing), or a cell the rule cannot read. */
export type NumValue = { v: 'value'; n: number } | { v: 'none' } | { v: 'unknown'; fields: RosterField[] };
export type Verdict = { v: 'true' } | { v: 'false' } | { v: 'unknown'; fields: RosterField[] };

export interface RowReader {
  /** The cell of a field read as a rule reads it (see alerts-cells.ts). */
  number(field: RosterField, as: CellKind): { state: 'blank' } | { state: 'value'; value: number } | { state: 'unreadable' };
  /** The field's text as a rule compares it (trimmed, lower case). */
  text(field: RosterField): string;
  /** Today's serial number. */
  today: number;
}

const NONE: NumValue = { v: 'none' };
const TRUE: Verdict = { v: 'true' };
const FALSE: Verdict = { v: 'false' };

/** Sheets' ROUND: half away from zero. */
export const round9 = (x: number): number => (x < 0 ? -Math.round(-x * 1e9) / 1e9 : Math.round(x * 1e9) / 1e9);

/** Nothing to judge beats unknown: a ratio over a blank spend is no ROAS, whatever the revenue cell holds. */
function combine(parts: NumValue[], f: (ns: number[]) => NumValue): NumValue {
  if (parts.some((p) => p.v === 'none')) return NONE;
  const unknown = parts.filter((p): p is Extract<NumValue, { v: 'unknown' }> => p.v === 'unknown');
  if (unknown.length) return { v: 'unknown', fields: unknown.flatMap((p) => p.fields) };
  return f(parts.map((p) => (p as { n: number }).n));
}

export function evaluateNum(e: NumExpr, row: RowReader): NumValue {
  switch (e.k) {
    case 'cell': {
      const c = row.number(e.field, e.as);
      return c.state === 'value' ? { v: 'value', n: e.as === 'date' ? Math.floor(c.value) : c.value } : c.state === 'blank' ? NONE : { v: 'unknown', fields: [e.field] };
    }
    case 'const':
      return { v: 'value', n: e.value };
    case 'today':
      return { v: 'value', n: row.today };
    case 'minus':
      return combine([evaluateNum(e.a, row), evaluateNum(e.b, row)], ([a, b]) => ({ v: 'value', n: a! - b! }));
    case 'ratio': {
      const b = evaluateNum(e.b, row);
      if (b.v === 'value' && b.n <= 0) return NONE;
      return combine([evaluateNum(e.a, row), b], ([x, y]) => ({ v: 'value', n: round9(x! / y!) }));
    }
    case 'bands':
      return combine([evaluateNum(e.on, row)], ([on]) => ({ v: 'value', n: (e.bands.find((b) => on! >= b.atLeast) ?? e.bands[e.bands.length - 1]!).value }));
  }
}

const COMPARE: Record<CompareOp, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

export function evaluate(e: BoolExpr, row: RowReader): Verdict {
  switch (e.k) {
    case 'compare': {
      const value = combine([evaluateNum(e.a, row), evaluateNum(e.b, row)], ([a, b]) => ({ v: 'value', n: COMPARE[e.op](a!, b!) ? 1 : 0 }));
      if (value.v === 'value') return value.n ? TRUE : FALSE;
      return value.v === 'none' ? FALSE : { v: 'unknown', fields: value.fields };
    }
    case 'textIs': {
      const text = row.text(e.field);
      const found = e.values.some((v) => v.toLowerCase() === text);
      return found !== Boolean(e.negate) ? TRUE : FALSE;
    }
    case 'all': {
      // Kleene's AND: false if any part is false, else unknown if any part is unknown.
      const verdicts = e.of.map((child) => evaluate(child, row));
      if (verdicts.some((v) => v.v === 'false')) return FALSE;
      const unknown = verdicts.filter((v): v is Extract<Verdict, { v: 'unknown' }> => v.v === 'unknown');
      return unknown.length ? { v: 'unknown', fields: [...new Set(unknown.flatMap((u) => u.fields))] } : TRUE;
    }
  }
}
