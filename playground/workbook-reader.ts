/**
 * Going through a whole workbook a chunk of rows at a time. A roster of 20,000 rows pictured whole is some 60 MB of
 * short-lived objects; read 2,000 rows at a time, the playground's memory stays close to what the workbook and the
 * formula engine hold themselves.
 */
import type { RawCellContent } from 'hyperformula';
import type { CellSnapshot, MemoryWorkbook, WorkbookSnapshot } from '../src/offline/workbook';
import { lettersToColumn } from '../src/offline/workbook';
import { rawContent, type ChangedCell, type EngineSheets } from './formulas';

/** Rows read at once. */
const CHUNK_ROWS = 2_000;

export interface RowsOfCells {
  sheet: string;
  cells: Record<string, CellSnapshot>;
}

/** Consecutive runs of sorted row numbers, each at most CHUNK_ROWS long. */
function runs(rows: readonly number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const row of rows) {
    const last = out.at(-1);
    if (last && row === last[1] + 1 && row - last[0] < CHUNK_ROWS) last[1] = row;
    else out.push([row, row]);
  }
  return out;
}

/**
 * The cells of every grid sheet of `structure` (a snapshot without cells, taken just now), or with `only` of just
 * those rows of those sheets, whole rows at a time.
 */
export function* readRows(workbook: MemoryWorkbook, structure: WorkbookSnapshot, only?: ReadonlyMap<string, readonly number[]>): Generator<RowsOfCells> {
  for (const sheet of structure.sheets) {
    if (sheet.type) continue;
    const wanted = only ? only.get(sheet.name) : Array.from({ length: sheet.lastRow }, (_, i) => i + 1);
    if (!wanted?.length) continue;
    const ranges = only ? runs(wanted) : Array.from({ length: Math.ceil(sheet.lastRow / CHUNK_ROWS) }, (_, i): [number, number] => [i * CHUNK_ROWS + 1, Math.min(sheet.lastRow, (i + 1) * CHUNK_ROWS)]);
    for (const [from, to] of ranges) yield { sheet: sheet.name, cells: workbook.snapshotRows(sheet.name, from, to) };
  }
}

const A1 = /^([A-Z]+)(\d+)$/;

/** Content for the engine and the formula cells, gathered from chunks of rows. */
export class EngineContents {
  readonly contents: Record<string, RawCellContent[][]> = {};
  readonly formulas: ChangedCell[] = [];

  constructor(private readonly timeZone: string) {}

  add({ sheet, cells }: RowsOfCells): void {
    const grid = (this.contents[sheet] ??= []);
    for (const key in cells) {
      const cell = cells[key]!;
      if (cell.v === undefined && cell.f === undefined) continue;
      const m = A1.exec(key)!;
      const row = Number(m[2]);
      const column = lettersToColumn(m[1]!);
      (grid[row - 1] ??= [])[column - 1] = rawContent(cell, this.timeZone);
      if (cell.f !== undefined) this.formulas.push({ sheet, row, column });
    }
  }

  /** Every sheet of `structure` (an empty one included), holes filled, as the engine is built from. */
  sheets(structure: WorkbookSnapshot): EngineSheets {
    const contents: Record<string, RawCellContent[][]> = {};
    for (const sheet of structure.sheets) {
      contents[sheet.name] = Array.from(this.contents[sheet.name] ?? [], (line) => Array.from(line ?? [], (v) => v ?? null));
    }
    return { timeZone: this.timeZone, contents };
  }
}
