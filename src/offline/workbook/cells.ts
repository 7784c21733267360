/**
 * Block operations on a sheet's cells that ranges and sheets share: matrix
 * shape checks, writes with Sheets' input semantics, clearing and merging.
 */
import { parseUserEntry } from '../user-entry';
import { gridContains, gridEquals, gridIntersects, type GridRange } from './a1';
import { midnightIn } from './format-date';
import { shiftFormula } from './formula';
import { cellAt, touchCell, type Cell, type SheetState } from './state';
import { parseEntered, signatureError } from './values';

export function forEachCell(grid: GridRange, fn: (row: number, column: number, i: number, j: number) => void): void {
  for (let i = 0; i < grid.numRows; i++) {
    for (let j = 0; j < grid.numColumns; j++) fn(grid.row + i, grid.column + j, i, j);
  }
}

export function readMatrix<T>(sheet: SheetState, grid: GridRange, read: (cell: Cell | undefined) => T): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < grid.numRows; i++) {
    const cells = sheet.rows[grid.row - 1 + i];
    const line: T[] = new Array<T>(grid.numColumns);
    for (let j = 0; j < grid.numColumns; j++) line[j] = read(cells?.[grid.column - 1 + j]);
    out.push(line);
  }
  return out;
}

/**
 * The shape checks Sheets applies to every set*s(matrix) call, with its messages, and one more: every entry must be
 * there. A row built with `Array(n)` has holes that `.map` skips, and what Sheets makes of such a missing entry is
 * not something to rely on, so it is refused (null, where a method documents it as "reset", is a value).
 */
export function checkMatrix(method: string, matrix: unknown, grid: GridRange): asserts matrix is unknown[][] {
  if (!Array.isArray(matrix) || !matrix.every((row) => Array.isArray(row))) {
    throw signatureError(`SpreadsheetApp.Range.${method}`, [matrix]);
  }
  if (matrix.length !== grid.numRows) {
    throw new Error(
      `The number of rows in the data does not match the number of rows in the range. The data has ${matrix.length} but the range has ${grid.numRows}.`,
    );
  }
  for (const row of matrix as unknown[][]) {
    if (row.length !== grid.numColumns) {
      throw new Error(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${grid.numColumns}.`,
      );
    }
  }
  (matrix as unknown[][]).forEach((row, i) => {
    for (let j = 0; j < row.length; j++) {
      if (!(j in row) || row[j] === undefined) {
        throw new Error(`The data for SpreadsheetApp.Range.${method} has no value at row ${i + 1}, column ${j + 1}.`);
      }
    }
  });
}

/** Where setValue(s) text is read: the spreadsheet's locale and time zone. */
export interface Reading {
  locale: string;
  timeZone: string;
}

/**
 * setValue(s), setFormulas and appendRow: text is read as Sheets reads typed input (numbers, percentages, money,
 * dates, booleans, and formulas starting with =, +, - or @), and a recognised number or date also gets the format
 * Sheets gives it when the cell has none. Anything else is written as given.
 */
export function writeTyped(sheet: SheetState, row: number, column: number, input: unknown, reading: Reading): void {
  if (typeof input !== 'string') {
    writeEntered(sheet, row, column, input);
    return;
  }
  const entry = parseUserEntry(input, { sheetsLocale: reading.locale });
  if (entry.kind !== 'value') {
    writeEntered(sheet, row, column, entry.kind === 'formula' ? entry.formula : '');
    return;
  }
  const cell = touchCell(sheet, row, column);
  delete cell.f;
  const value = entry.value;
  cell.v = typeof value === 'object' ? midnightIn(value.date, reading.timeZone) : value;
  if (entry.numberFormat && cell.nf === undefined) cell.nf = entry.numberFormat;
}

export function writeEntered(sheet: SheetState, row: number, column: number, input: unknown): void {
  const entry = parseEntered(input);
  if (entry.kind === 'empty') {
    const cell = cellAt(sheet, row, column);
    if (cell) {
      delete cell.v;
      delete cell.f;
    }
    return;
  }
  const cell = touchCell(sheet, row, column);
  if (entry.kind === 'formula') {
    cell.f = entry.formula;
    // The cached result is stale until a formula engine recomputes it.
    delete cell.v;
  } else {
    delete cell.f;
    cell.v = entry.value;
  }
}

/** setFormula on a block: the formula is anchored at the top-left cell and shifted for the rest. */
export function writeFormulaBlock(sheet: SheetState, grid: GridRange, formula: string): void {
  forEachCell(grid, (r, c, i, j) => {
    writeEntered(sheet, r, c, formula.startsWith('=') ? shiftFormula(formula, i, j) : formula);
  });
}

export interface ClearParts {
  contents?: boolean;
  formats?: boolean;
  numberFormats?: boolean;
  validations?: boolean;
  notes?: boolean;
}

export function clearCells(sheet: SheetState, grid: GridRange, parts: ClearParts): void {
  const lastRow = Math.min(grid.row + grid.numRows - 1, sheet.rows.length);
  for (let r = grid.row; r <= lastRow; r++) {
    const cells = sheet.rows[r - 1];
    if (!cells) continue;
    const lastColumn = Math.min(grid.column + grid.numColumns - 1, cells.length);
    for (let c = grid.column; c <= lastColumn; c++) {
      const cell = cells[c - 1];
      if (!cell) continue;
      if (parts.contents) {
        delete cell.v;
        delete cell.f;
      }
      if (parts.formats) {
        delete cell.bg;
        delete cell.fc;
        delete cell.bold;
        delete cell.fs;
        delete cell.ha;
        delete cell.wrap;
      }
      if (parts.numberFormats) delete cell.nf;
      if (parts.validations) delete cell.dv;
      if (parts.notes) delete cell.note;
      if (Object.keys(cell).every((k) => (cell as Record<string, unknown>)[k] === undefined)) {
        cells[c - 1] = undefined;
      }
    }
  }
}

const PARTIAL_MERGE = 'You must select all cells in a merged range to merge or unmerge them.';

export function mergeCells(sheet: SheetState, grid: GridRange): void {
  const crosses = (start: number, length: number, frozen: number): boolean =>
    frozen > 0 && start <= frozen && start + length - 1 > frozen;
  if (crosses(grid.row, grid.numRows, sheet.frozenRows)) throw new Error("You can't merge frozen and non-frozen rows.");
  if (crosses(grid.column, grid.numColumns, sheet.frozenColumns)) {
    throw new Error("You can't merge frozen and non-frozen columns.");
  }
  for (const m of sheet.merges) {
    if (gridIntersects(m, grid) && !gridContains(grid, m)) throw new Error(PARTIAL_MERGE);
  }
  sheet.merges = sheet.merges.filter((m) => !gridContains(grid, m));
  if (grid.numRows === 1 && grid.numColumns === 1) return;
  sheet.merges.push({ ...grid });
  // Sheets keeps only the top-left value of a merged block.
  forEachCell(grid, (r, c, i, j) => {
    if (i === 0 && j === 0) return;
    const cell = cellAt(sheet, r, c);
    if (cell) {
      delete cell.v;
      delete cell.f;
    }
  });
}

export function breakApartCells(sheet: SheetState, grid: GridRange): void {
  for (const m of sheet.merges) {
    if (gridIntersects(m, grid) && !gridContains(grid, m)) throw new Error(PARTIAL_MERGE);
  }
  sheet.merges = sheet.merges.filter((m) => !gridContains(grid, m));
}

export function mergesTouching(sheet: SheetState, grid: GridRange): GridRange[] {
  return sheet.merges.filter((m) => gridIntersects(m, grid) || gridEquals(m, grid));
}
