/**
 * The in-memory workbook and its formula engine, kept in step. The engine is built once; after that each change
 * updates it with what changed: the one cell a person typed into, or the rows an add-on call changed, found by
 * comparing the workbook's fingerprint before and after the call (content-index.ts). Formula results are written
 * back to their cells (engine-sync.ts), so the add-on reads computed values as it would in Sheets.
 */
import type { CellSnapshot, MemoryWorkbook, WorkbookSnapshot } from '../src/offline/workbook';
import type { Clock } from './clock';
import { ContentIndex, type WorkbookChanges } from './content-index';
import { formulaCells, rowUpdates, SpillMap, storeResults } from './engine-sync';
import { FormulaEngine, rawContent, type ChangedCell, type CustomFunctions, type EngineSheets } from './formulas';
import { EngineContents, readRows } from './workbook-reader';

/** Above this many rows changed by one add-on call, evaluating the workbook afresh is as quick as updating it. */
const MAX_ROWS_UPDATED = 5_000;

/**
 * Service methods that only read: getters and tests, finders and their filters, locks (not part of the workbook),
 * and builders and utilities, which write nothing to it.
 */
const READS = /\.(get|is|has|can|find|with|new|flush|tryLock|waitLock|releaseLock|create\w*Finder)\w*$|Builder\.|^(Utilities|Session)\./;

/** Whether a call between two counts of service methods used one that can write to the workbook. */
function mayHaveWritten(before: Record<string, number>, after: Record<string, number>): boolean {
  return Object.entries(after).some(([method, n]) => n !== (before[method] ?? 0) && !READS.test(method));
}

export class WorkbookEngine {
  /** Where array results spill, to tell which run past the edge of their sheet. */
  readonly spills = new SpillMap();
  private engineNow!: FormulaEngine;
  /** The workbook's fingerprint as of the last change; null when it must be taken again before an add-on call. */
  private index: ContentIndex | null = null;
  /** The workbook without its cells: rules, validations, charts, sizes. Retaken after a change that can alter it. */
  private structureNow: WorkbookSnapshot | null = null;

  constructor(
    private readonly workbook: MemoryWorkbook,
    private readonly functions: CustomFunctions,
    private readonly clock: Clock,
  ) {}

  get engine(): FormulaEngine {
    return this.engineNow;
  }

  /** The workbook without its cells (each sheet's `cells` is empty, and `lastRow` may lag behind edits). */
  structure(): WorkbookSnapshot {
    this.structureNow ??= this.workbook.snapshot({ cells: false });
    return this.structureNow;
  }

  private get timeZone(): string {
    return this.workbook.spreadsheet.getSpreadsheetTimeZone();
  }

  /**
   * Runs add-on code; `changed` says whether it changed the workbook, and then the engine is up to date with the
   * rows it changed. A call that used no method able to write is known to have changed nothing without looking at
   * the workbook at all.
   */
  addonCall<T>(work: () => T): { value: T; changed: boolean } {
    const index = (this.index ??= this.fingerprint(this.workbook.snapshot({ cells: false })));
    const calls = { ...this.workbook.calls.byMethod };
    const value = work();
    if (!mayHaveWritten(calls, this.workbook.calls.byMethod)) return { value, changed: false };
    const structure = this.workbook.snapshot({ cells: false });
    const next = this.fingerprint(structure);
    const changes = index.changesTo(next);
    this.index = next;
    if (!changes) return { value, changed: false };
    this.structureNow = structure;
    this.bringUpToDate(structure, changes);
    return { value, changed: true };
  }

  /** After one cell was written outside add-on code (`row` holds the cells of its row now, as snapshotRows gives them). */
  cellWritten(sheet: string, row: number, column: number, rowCells: Record<string, CellSnapshot>, a1: string): void {
    const cell = rowCells[a1];
    const content = cell && (cell.f !== undefined || cell.v !== undefined) ? rawContent(cell, this.timeZone) : null;
    const changed = this.engineNow.update([{ sheet, row, column, contents: [[content]] }]);
    this.afterEngineChange([{ sheet, row, column }, ...changed]);
    this.index?.setRow(sheet, row, rowCells);
  }

  /** After rows or columns were added at the end of a sheet, which was `before` in size. */
  grown(sheet: string, before: { maxRows: number; maxColumns: number }): void {
    // Lines added at the end move no cell: only the structure changed.
    this.structureNow = this.workbook.snapshot({ cells: false });
    this.index?.setStructure(this.structureNow);
    // A result that ran past the old edge may fit now.
    const overflowing = [...this.spills.overflows(sheet, before.maxRows, before.maxColumns).values()].map(({ block }) => ({ sheet, row: block.row, column: block.column }));
    this.afterEngineChange(overflowing);
  }

  /** Switching tabs is no change to the workbook. */
  activated(sheet: string): void {
    this.index?.setActiveSheet(sheet);
  }

  /** Evaluates every formula from scratch, for a workbook that may have been changed behind the engine's back. */
  recalculate(): void {
    this.rebuild(this.readEngine(this.workbook.snapshot({ cells: false }), true));
  }

  close(): void {
    this.engineNow?.destroy();
  }

  private fingerprint(structure: WorkbookSnapshot): ContentIndex {
    return ContentIndex.of(structure, readRows(this.workbook, structure));
  }

  /** `structure` is the workbook without its cells, taken after the change; cells are read for the rows changed. */
  private bringUpToDate(structure: WorkbookSnapshot, changes: WorkbookChanges): void {
    const changedRows = [...changes.rows.values()].reduce((n, rows) => n + rows.length, 0);
    // A removed or renamed sheet changes what formulas elsewhere refer to; rare enough to evaluate everything again.
    if (changes.removed.length || changedRows > MAX_ROWS_UPDATED) {
      this.rebuild(this.readEngine(structure, false));
      return;
    }
    const cells = new Map<string, Record<string, CellSnapshot>>();
    for (const chunk of readRows(this.workbook, structure, changes.rows)) cells.set(chunk.sheet, { ...cells.get(chunk.sheet), ...chunk.cells });
    const updates = [...changes.rows].flatMap(([name, rows]) => rowUpdates(name, cells.get(name) ?? {}, rows, this.engineNow.extent(name).columns, this.timeZone));
    const added = new EngineContents(this.timeZone);
    const addedSheets = { ...structure, sheets: structure.sheets.filter((s) => changes.added.includes(s.name)) };
    for (const chunk of readRows(this.workbook, addedSheets)) added.add(chunk);
    const newSheets = Object.entries(added.sheets(addedSheets).contents).map(([name, contents]) => ({ name, contents }));
    const changed = this.engineNow.update(updates, newSheets);
    // Formulas the add-on wrote hold no result yet, even where their value equals what the cell held before.
    const written = [...added.formulas, ...[...cells].flatMap(([name, sheetCells]) => formulaCells(name, sheetCells))];
    this.afterEngineChange([...changed, ...written]);
  }

  /** Array results and stored formula results, after the engine moved the values of `cells`. */
  private afterEngineChange(cells: ChangedCell[]): void {
    this.spills.refresh(this.engineNow, cells);
    const grid = (name: string): { maxRows: number; maxColumns: number } => {
      const sheet = this.workbook.spreadsheet.getSheetByName(name);
      return { maxRows: sheet?.getMaxRows() ?? Infinity, maxColumns: sheet?.getMaxColumns() ?? Infinity };
    };
    storeResults(this.workbook, this.engineNow, this.spills, cells, grid);
  }

  /**
   * What building the engine takes, read from the workbook a chunk of rows at a time; with `fingerprint`, the
   * workbook's fingerprint and structure are taken in the same pass.
   */
  private readEngine(structure: WorkbookSnapshot, fingerprint: boolean): { formulas: ChangedCell[]; sheets: EngineSheets } {
    const contents = new EngineContents(this.timeZone);
    const index = fingerprint ? ContentIndex.of(structure, []) : null;
    for (const chunk of readRows(this.workbook, structure)) {
      contents.add(chunk);
      index?.addRows(chunk.sheet, chunk.cells);
    }
    if (index) {
      this.index = index;
      this.structureNow = structure;
    }
    return { formulas: contents.formulas, sheets: contents.sheets(structure) };
  }

  private rebuild(input: { formulas: ChangedCell[]; sheets: EngineSheets }): void {
    this.engineNow?.destroy();
    this.engineNow = new FormulaEngine(this.functions, input.sheets, this.clock);
    this.spills.clear();
    this.afterEngineChange(input.formulas);
  }
}
