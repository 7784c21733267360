/**
 * How much one imported roster may hold. The playground keeps the whole workbook in memory and draws it in a
 * page, so a file past these is refused with a message rather than cut short.
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_ROWS = 100_000;
export const MAX_COLUMNS = 1_000;
/** Rows x columns of the roster as a rectangle. */
export const MAX_CELLS = 3_000_000;

export type SizeProblem = { reason: 'too-many-rows' | 'too-many-columns' | 'too-many-cells'; count: number; limit: number };

export function sizeProblem(rows: number, columns: number): SizeProblem | null {
  if (rows > MAX_ROWS) return { reason: 'too-many-rows', count: rows, limit: MAX_ROWS };
  if (columns > MAX_COLUMNS) return { reason: 'too-many-columns', count: columns, limit: MAX_COLUMNS };
  if (rows * columns > MAX_CELLS) return { reason: 'too-many-cells', count: rows * columns, limit: MAX_CELLS };
  return null;
}
