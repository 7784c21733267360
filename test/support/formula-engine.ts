import { HyperFormula, type RawCellContent } from 'hyperformula';
import type { WorkbookSnapshot } from '../../src/offline/workbook';
import type { SheetPlan } from '../../src/plan/types';

/**
 * Evaluates the formulas the add-on writes with a real spreadsheet engine (HyperFormula: a test-only dependency,
 * GPL-3.0, never bundled), so a formula that Sheets would compute differently from the core fails a test here.
 */
export interface Engine {
  value(sheet: string, a1: string): unknown;
  set(sheet: string, a1: string, content: RawCellContent): void;
  hf: HyperFormula;
}

export function parseA1(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a1);
  if (!m) throw new Error(`Not a cell: ${a1}`);
  const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(m[2]) - 1, col };
}

export function createEngine(sheets: Record<string, RawCellContent[][]>): Engine {
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3' });
  const id = (sheet: string): number => {
    const n = hf.getSheetId(sheet);
    if (n === undefined) throw new Error(`No sheet ${sheet}`);
    return n;
  };
  return {
    hf,
    value: (sheet, a1) => {
      const v = hf.getCellValue({ sheet: id(sheet), ...parseA1(a1) });
      return typeof v === 'object' && v !== null && 'value' in v ? `#ERROR ${(v as { value: string }).value}` : v;
    },
    set: (sheet, a1, content) => {
      hf.setCellContents({ sheet: id(sheet), ...parseA1(a1) }, [[content]]);
    },
  };
}

/** The raw grid of a plan: formulas as "=..." strings, literals as themselves. */
export function planGrid(plan: SheetPlan): RawCellContent[][] {
  const grid: RawCellContent[][] = [];
  for (const block of plan.blocks) {
    block.cells.forEach((line, r) =>
      line.forEach((cell, c) => {
        const row = (grid[block.row - 1 + r] ??= []);
        row[block.column - 1 + c] = cell.formula ?? cell.value ?? null;
      }),
    );
  }
  return Array.from(grid, (row) => Array.from(row ?? [], (v) => v ?? null));
}

/** A workbook snapshot's sheets as raw grids (formulas as "=..." strings), for the formula engine. */
export function snapshotGrids(snapshot: WorkbookSnapshot): Record<string, RawCellContent[][]> {
  const grids: Record<string, RawCellContent[][]> = {};
  for (const sheet of snapshot.sheets) {
    const grid: RawCellContent[][] = [];
    for (const [ref, cell] of Object.entries(sheet.cells)) {
      const { row, col } = parseA1(ref);
      const v = cell.v;
      const literal = v === undefined ? null : typeof v === 'object' ? ('date' in v ? v.date : null) : v;
      (grid[row] ??= [])[col] = cell.f ?? literal;
    }
    grids[sheet.name] = Array.from(grid, (row) => Array.from(row ?? [], (v) => v ?? null));
  }
  return grids;
}
