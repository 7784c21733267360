/**
 * The changes a person makes in the page's grid: typing into a cell (recognised as Sheets recognises typed input,
 * and refused where the cell's validation rejects it), undoing the last edits, and adding rows and columns. Each
 * writes only what it changes and keeps the formula engine in step through WorkbookEngine.
 */
import { cellToA1, parseA1, type MemoryWorkbook } from '../src/offline/workbook';
import { parseUserEntry } from '../src/offline/user-entry';
import { cellValue, literal } from './roster-seed';
import type { Outcome, SessionOp } from './session';
import { restoreEntry, sameEntry, UndoStack } from './undo';
import { checkValidation } from './validation';
import type { Words } from './words';
import type { WorkbookEngine } from './workbook-engine';

/** Rows or columns added at once at most. */
const MAX_GROW = 10_000;
/** Sheets' limit on the cells of a spreadsheet, applied here to one sheet. */
const MAX_SHEET_CELLS = 10_000_000;

export class PageEdits {
  private readonly undoStack = new UndoStack();

  constructor(
    private readonly workbook: MemoryWorkbook,
    private readonly kept: WorkbookEngine,
    private readonly words: () => Words,
    /** Journals a change that was made. */
    private readonly journal: (op: SessionOp) => void,
  ) {}

  /** How many typed edits can be undone now. */
  get undoable(): number {
    return this.undoStack.size;
  }

  private sheetNamed(sheetName: string): GoogleAppsScript.Spreadsheet.Sheet | null {
    return this.workbook.spreadsheet.getSheetByName(String(sheetName));
  }

  private get timeZone(): string {
    return this.workbook.spreadsheet.getSpreadsheetTimeZone();
  }

  /** What typing into a cell does: numbers, percentages, dates and formulas are recognised as Sheets does. */
  edit(sheetName: string, cell: string, input: string): Outcome<null> {
    const sheet = this.sheetNamed(sheetName);
    if (!sheet) return { ok: false, message: this.words().noSheet(sheetName) };
    const ref = parseA1(String(cell));
    if (!ref || ref.sheetName !== null || ref.endRow !== ref.row || ref.endColumn !== ref.column) {
      return { ok: false, message: this.words().notOneCell(cell) };
    }
    if (typeof input !== 'string') return { ok: false, message: this.words().notText };
    const entry = parseUserEntry(input);
    const name = sheet.getName();
    const rejected = checkValidation(this.kept.structure(), name, ref.row, ref.column, entry);
    if (rejected) return { ok: false, message: rejected };
    return this.cellChange({ kind: 'edit', sheet: name, cell: String(cell).toUpperCase(), input }, name, ref.row, ref.column, (range) => {
      if (entry.kind === 'empty') range.clearContent();
      else if (entry.kind === 'formula') range.setFormula(entry.formula);
      else {
        range.setValue(literal(cellValue(entry.value, this.timeZone)));
        if (entry.numberFormat) range.setNumberFormat(entry.numberFormat);
      }
    });
  }

  /**
   * Undoes the last edit typed into the grid, unless its cell changed since (then the edit is forgotten and the cell
   * left alone). The value is the cell undone, "Sheet!A1".
   */
  undo(): Outcome<string> {
    const entry = this.undoStack.pop();
    if (!entry) return { ok: false, message: this.words().nothingToUndo };
    const a1 = cellToA1(entry.row, entry.column);
    const where = `${entry.sheet}!${a1}`;
    if (!this.sheetNamed(entry.sheet) || !sameEntry(this.workbook.snapshotRows(entry.sheet, entry.row, entry.row)[a1], entry.after)) {
      return { ok: false, message: this.words().changedSince(where) };
    }
    const outcome = this.cellChange({ kind: 'undo' }, entry.sheet, entry.row, entry.column, (range) => restoreEntry(range, entry), false);
    return outcome.ok ? { ok: true, value: where } : outcome;
  }

  /** Adds rows at the bottom and columns at the right of a sheet, as Sheets' "Add more rows" does. */
  grow(sheetName: string, rows: number, columns: number): Outcome<null> {
    const sheet = this.sheetNamed(sheetName);
    if (!sheet) return { ok: false, message: this.words().noSheet(sheetName) };
    const count = (n: number): boolean => Number.isInteger(n) && n >= 0 && n <= MAX_GROW;
    if (!count(rows) || !count(columns) || rows + columns === 0) return { ok: false, message: this.words().growCount };
    const maxRows = sheet.getMaxRows();
    const maxColumns = sheet.getMaxColumns();
    if ((maxRows + rows) * (maxColumns + columns) > MAX_SHEET_CELLS) return { ok: false, message: this.words().growLimit(MAX_SHEET_CELLS) };
    if (rows) sheet.insertRowsAfter(maxRows, rows);
    if (columns) sheet.insertColumnsAfter(maxColumns, columns);
    const name = sheet.getName();
    this.kept.grown(name, { maxRows, maxColumns });
    this.journal({ kind: 'grow', sheet: name, rows, columns });
    return { ok: true, value: null };
  }

  /**
   * A change to one cell (an edit, an undo): only that cell is written, the engine recalculates what depends on it,
   * and with `remember` the undo stack learns the cell's states before and after.
   */
  private cellChange(op: SessionOp, sheetName: string, row: number, column: number, write: (range: GoogleAppsScript.Spreadsheet.Range) => void, remember = true): Outcome<null> {
    const a1 = cellToA1(row, column);
    const before = this.workbook.snapshotRows(sheetName, row, row)[a1];
    write(this.sheetNamed(sheetName)!.getRange(row, column));
    const rowAfter = this.workbook.snapshotRows(sheetName, row, row);
    const after = rowAfter[a1];
    if (JSON.stringify(before ?? null) === JSON.stringify(after ?? null)) return { ok: true, value: null };
    this.kept.cellWritten(sheetName, row, column, rowAfter, a1);
    if (remember) this.undoStack.push({ sheet: sheetName, row, column, before, after });
    this.journal(op);
    return { ok: true, value: null };
  }
}
