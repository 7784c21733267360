/**
 * Conditional-format rules, evaluated the way Sheets applies them (the formula written for the top-left cell of the
 * rule's first range, shifted for every other cell like a formula filled across it), with each result remembered.
 *
 * Formula engines are slow at this: a roster of 300 rows under 15 alert rules is 4,500 formulas to parse and run
 * after every change. Most of them repeat an earlier question, though: a rule that reads `$F2` and `$G2` gives the
 * same answer for every row whose F and G hold the same values (all the blank rows under the data, to begin with),
 * and the same answer again after an edit elsewhere. So a rule whose answer can only depend on the cells it names
 * is asked once per distinct set of values those cells hold and per day; anything else (a range, another sheet,
 * a function that looks at where it stands, builds a reference from text or is random) is evaluated cell by cell.
 */
import { lettersToColumn, shiftFormula } from '../src/offline/workbook';
import type { ArrayBlock, EngineValue, FormulaEngine } from './formulas';

/** A1 cell reference with optional $ parts, as formula.ts's shiftFormula reads them. */
const CELL_REF = /(^|[^A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)([0-9]+)(?![A-Za-z0-9_(])/g;
/**
 * Functions whose answer is not a function of the cells a formula names: where it stands (ROW, CELL ...), a reference
 * built from text or an offset (INDIRECT, OFFSET), or chance and the time of day.
 */
const NOT_CELLS_ALONE = /(^|[^A-Za-z0-9_.])(ROWS?|COLUMNS?|OFFSET|INDIRECT|ADDRESS|CELL|ISFORMULA|FORMULATEXT|SHEETS?|INFO|NOW|RAND|RANDBETWEEN|RANDARRAY)\s*\(/i;

export interface CellReference {
  row: number;
  column: number;
  rowAbsolute: boolean;
  columnAbsolute: boolean;
}

/** The text of a formula outside its string literals. */
function outsideStrings(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"?/g, '""');
}

/**
 * The single cells a formula reads, when they are all it reads; null when its answer may depend on anything else:
 * a range (A2:A9, F:F), a sheet name, or a function in NOT_CELLS_ALONE.
 */
export function cellsAlone(formula: string): CellReference[] | null {
  const text = outsideStrings(formula);
  if (/[:!']/.test(text) || NOT_CELLS_ALONE.test(text)) return null;
  return [...text.matchAll(CELL_REF)].map((m) => ({
    row: Number(m[5]),
    column: lettersToColumn(m[3]!.toUpperCase()),
    rowAbsolute: m[4] === '$',
    columnAbsolute: m[2] === '$',
  }));
}

/** Answers remembered at most; past this the memory starts over. */
const MAX_REMEMBERED = 200_000;

/** Rule answers by formula, day and the values of the cells the formula reads; kept across changes to the workbook. */
export class RuleResults {
  private readonly answers = new Map<string, EngineValue>();
  private readonly references = new Map<string, CellReference[] | null>();

  /**
   * The formula's answer for every cell of `block` (rows from the top, columns from the left). `anchor` is the cell
   * the formula is written for; `valueAt` the sheet's current values (1-based).
   */
  evaluate(
    engine: FormulaEngine,
    sheet: string,
    formula: string,
    anchor: { row: number; column: number },
    block: ArrayBlock,
    valueAt: (row: number, column: number) => EngineValue,
  ): EngineValue[][] {
    let refs = this.references.get(formula);
    if (refs === undefined) this.references.set(formula, (refs = cellsAlone(formula)));
    const prefix = `${sheet}\u0000${engine.today()}\u0000${formula}\u0000`;
    if (this.answers.size > MAX_REMEMBERED) this.answers.clear();
    return Array.from({ length: block.numRows }, (_, i) =>
      Array.from({ length: block.numColumns }, (_, j) => {
        const r = block.row + i;
        const c = block.column + j;
        const ask = (): EngineValue => engine.evaluate(sheet, shiftFormula(formula, r - anchor.row, c - anchor.column));
        if (!refs) return ask();
        const cells = refs.map((ref) => [ref.rowAbsolute ? ref.row : ref.row + r - anchor.row, ref.columnAbsolute ? ref.column : ref.column + c - anchor.column] as const);
        // Shifted off the sheet, a reference is #REF!: rare enough to ask each time.
        if (cells.some(([row, column]) => row < 1 || column < 1)) return ask();
        const key = prefix + JSON.stringify(cells.map(([row, column]) => valueAt(row, column)));
        if (!this.answers.has(key)) this.answers.set(key, ask());
        return this.answers.get(key)!;
      }),
    );
  }
}
