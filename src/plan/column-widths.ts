import type { PlanBlock, PlanCell } from './types';

/**
 * Column widths that let a tab's labels read without anyone widening a column. Sheets cuts a text at the column edge
 * when the cell to its right holds something, so every such text, and every header, must fit its column. Widths are
 * estimated for Sheets' default font (Arial 10): a Chinese or other full-width character takes about twice the room
 * of a Latin one, and bold text a tenth more.
 */

const LATIN_PX = 7;
const WIDE_PX = 14;
const PADDING_PX = 10;

/** Hangul, CJK, full-width forms and CJK punctuation (，（）：) are double width. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

export function textWidth(text: string, bold = false): number {
  let units = 0;
  for (const ch of text) units += WIDE.test(ch) ? WIDE_PX : LATIN_PX;
  return Math.ceil(units * (bold ? 1.1 : 1)) + PADDING_PX;
}

export interface WidthOptions {
  columns: number;
  /** Text a column's formulas may produce (a warning, "Below target"), which must fit as well. */
  results?: Record<number, readonly string[]>;
  /** The narrowest a column gets, for the numbers it holds. */
  min: number;
}

/** The width of each column 1..columns: the widest text that must fit there, at least `min`. */
export function fittedColumnWidths(blocks: readonly PlanBlock[], options: WidthOptions): number[] {
  const grid = new Map<string, PlanCell>();
  for (const block of blocks) {
    block.cells.forEach((line, r) => line.forEach((cell, c) => grid.set(`${block.row + r}:${block.column + c}`, cell)));
  }
  const filled = (row: number, column: number): boolean => {
    const cell = grid.get(`${row}:${column}`);
    return !!cell && (cell.formula !== undefined || (cell.value !== undefined && cell.value !== null && cell.value !== ''));
  };
  const widths = Array.from({ length: options.columns }, () => options.min);
  for (const [key, cell] of grid) {
    const [row, column] = key.split(':').map(Number) as [number, number];
    if (column > options.columns || typeof cell.value !== 'string' || cell.value === '') continue;
    const isHeader = cell.bold === true && cell.background !== undefined;
    if (!isHeader && !filled(row, column + 1)) continue; // free to run on into the empty cell beside it
    widths[column - 1] = Math.max(widths[column - 1]!, textWidth(cell.value, cell.bold));
  }
  for (const [column, texts] of Object.entries(options.results ?? {})) {
    for (const text of texts) widths[Number(column) - 1] = Math.max(widths[Number(column) - 1]!, textWidth(text));
  }
  return widths;
}
