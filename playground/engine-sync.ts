/**
 * Keeping the formula engine and the in-memory workbook in step after a change: the engine gets the new content of
 * the rows that changed, and every formula whose value moved gets its result written back to its cell, so the add-on
 * reads computed values through getValues() as it would in Sheets.
 *
 * It also knows where array results spill. Sheets does not grow a sheet for a result: one that would run past the
 * last row or column is #REF! ("Result was not automatically expanded, please insert more columns"), and shows
 * nothing beyond its own cell until the sheet is made larger.
 */
import type { RawCellContent } from 'hyperformula';
import { cellToA1, lettersToColumn, type CellSnapshot, type MemoryWorkbook } from '../src/offline/workbook';
import { rawContent, type ArrayBlock, type ChangedCell, type CellUpdate, type EngineValue, type FormulaEngine } from './formulas';

/** One array result that does not fit its sheet. */
export interface Overflow {
  block: ArrayBlock;
  /** Rows and columns missing below and to the right of the sheet. */
  rows: number;
  columns: number;
}

/** The array results of every sheet, by the cell holding the formula. */
export class SpillMap {
  private readonly blocks = new Map<string, Map<string, ArrayBlock>>();

  clear(): void {
    this.blocks.clear();
  }

  /** Looks again at the cells given: a formula may now spill, spill further, or no longer at all. */
  refresh(engine: FormulaEngine, cells: Iterable<ChangedCell>): void {
    for (const { sheet, row, column } of cells) {
      const key = cellToA1(row, column);
      const block = engine.hasFormula(sheet, row, column) ? engine.arrayBlock(sheet, row, column) : null;
      let map = this.blocks.get(sheet);
      if (block) {
        if (!map) this.blocks.set(sheet, (map = new Map()));
        map.set(key, block);
      } else map?.delete(key);
    }
  }

  renameSheet(from: string, to: string): void {
    const map = this.blocks.get(from);
    this.blocks.delete(from);
    if (map) this.blocks.set(to, map);
  }

  /** The results on `sheet` that run past its `maxRows` x `maxColumns` grid. */
  overflows(sheet: string, maxRows: number, maxColumns: number): Map<string, Overflow> {
    const out = new Map<string, Overflow>();
    for (const [key, block] of this.blocks.get(sheet) ?? []) {
      const rows = Math.max(0, block.row + block.numRows - 1 - maxRows);
      const columns = Math.max(0, block.column + block.numColumns - 1 - maxColumns);
      if (rows || columns) out.set(key, { block, rows, columns });
    }
    return out;
  }
}

/** What a formula cell stores for the add-on to read: its value, an error as its code. */
const stored = (value: EngineValue): unknown => (value !== null && typeof value === 'object' ? value.error : value);

/**
 * Writes the current result of every formula among `cells` into the workbook. `grid` gives a sheet's size, so a
 * result that does not fit is stored as #REF!, as Sheets shows it.
 */
export function storeResults(
  workbook: MemoryWorkbook,
  engine: FormulaEngine,
  spills: SpillMap,
  cells: Iterable<ChangedCell>,
  grid: (sheet: string) => { maxRows: number; maxColumns: number },
): void {
  const overflows = new Map<string, Map<string, Overflow>>();
  for (const { sheet, row, column } of cells) {
    if (!engine.hasFormula(sheet, row, column)) continue;
    let sheetOverflows = overflows.get(sheet);
    if (!sheetOverflows) {
      const { maxRows, maxColumns } = grid(sheet);
      overflows.set(sheet, (sheetOverflows = spills.overflows(sheet, maxRows, maxColumns)));
    }
    const value = sheetOverflows.has(cellToA1(row, column)) ? '#REF!' : stored(engine.value(sheet, row, column));
    try {
      workbook.setComputedValue(sheet, row, column, value);
    } catch {
      // The engine reads a formula where the workbook holds none (text it could not parse); nothing to store.
    }
  }
}

/** The formula cells among `cells` (a sheet's, keyed by A1), 1-based. */
export function formulaCells(sheet: string, cells: Record<string, CellSnapshot>): ChangedCell[] {
  const out: ChangedCell[] = [];
  for (const { row, column, cell } of cellsOf(cells)) if (cell.f !== undefined) out.push({ sheet, row, column });
  return out;
}

/**
 * Engine updates for whole rows of a sheet, from the cells those rows hold now: each row written from column 1 to
 * `width`, so cells emptied since are cleared too.
 */
export function rowUpdates(sheet: string, cells: Record<string, CellSnapshot>, rows: readonly number[], width: number, timeZone: string): CellUpdate[] {
  const lines = new Map<number, RawCellContent[]>();
  let widest = width;
  for (const { row, column, cell } of cellsOf(cells)) {
    if (cell.v === undefined && cell.f === undefined) continue;
    let line = lines.get(row);
    if (!line) lines.set(row, (line = []));
    line[column - 1] = rawContent(cell, timeZone);
    widest = Math.max(widest, column);
  }
  return rows.map((row) => {
    const line = lines.get(row) ?? [];
    return { sheet, row, column: 1, contents: [Array.from({ length: widest }, (_, i) => line[i] ?? null)] };
  });
}

function* cellsOf(cells: Record<string, CellSnapshot>): Generator<{ row: number; column: number; cell: CellSnapshot }> {
  for (const [ref, cell] of Object.entries(cells)) {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    yield { row: Number(m[2]), column: lettersToColumn(m[1]!), cell };
  }
}
