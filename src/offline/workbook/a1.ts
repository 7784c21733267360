/**
 * A1 notation: column letters, cell and range references, sheet-name quoting.
 *
 * Coordinates are 1-based everywhere, matching the Apps Script API, so a
 * GridRange can be handed straight to `Sheet.getRange(row, col, rows, cols)`.
 */

export interface GridRange {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/**
 * Which edges of an A1 reference were left out ("A:B" omits both row edges,
 * "A2:B" only the end row). Sheets echoes the original shape back from
 * getA1Notation(), so ranges remember it.
 */
export interface OpenEdges {
  startRow: boolean;
  endRow: boolean;
  startColumn: boolean;
  endColumn: boolean;
}

export const CLOSED: OpenEdges = Object.freeze({
  startRow: false,
  endRow: false,
  startColumn: false,
  endColumn: false,
});

/** A parsed reference; `null` ends mean "to the edge of the sheet". */
export interface A1Reference {
  sheetName: string | null;
  row: number;
  column: number;
  endRow: number | null;
  endColumn: number | null;
  open: OpenEdges;
}

/** Largest column Sheets allows (ZZZ is beyond it, but 18278 keeps parsing total). */
const MAX_COLUMN_LETTERS = 3;

export function columnToLetters(column: number): string {
  if (!Number.isInteger(column) || column < 1) {
    throw new RangeError(`Invalid column index: ${column}`);
  }
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function lettersToColumn(letters: string): number {
  if (!/^[A-Za-z]+$/.test(letters)) {
    throw new RangeError(`Invalid column letters: ${letters}`);
  }
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    n = n * 26 + (ch.charCodeAt(0) - 64);
  }
  return n;
}

export function cellToA1(row: number, column: number): string {
  return `${columnToLetters(column)}${row}`;
}

/**
 * Sheets quotes a sheet name when it is not a plain identifier or when it
 * could be mistaken for a cell (e.g. a sheet called "AB12") or R1C1 reference.
 */
export function quoteSheetName(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
  const looksLikeCell = new RegExp(`^[A-Za-z]{1,${MAX_COLUMN_LETTERS}}[0-9]+$`).test(name);
  const looksLikeR1C1 = /^[Rr][0-9]*[Cc][0-9]*$/.test(name);
  if (plain && !looksLikeCell && !looksLikeR1C1) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

export function gridToA1(grid: GridRange, open: OpenEdges = CLOSED): string {
  const endRow = grid.row + grid.numRows - 1;
  const endColumn = grid.column + grid.numColumns - 1;
  const isOpen = open.startRow || open.endRow || open.startColumn || open.endColumn;
  const start =
    (open.startColumn ? '' : columnToLetters(grid.column)) + (open.startRow ? '' : String(grid.row));
  if (!isOpen && grid.numRows === 1 && grid.numColumns === 1) return start;
  const end = (open.endColumn ? '' : columnToLetters(endColumn)) + (open.endRow ? '' : String(endRow));
  return `${start}:${end}`;
}

export function qualifiedA1(sheetName: string, grid: GridRange, open: OpenEdges = CLOSED): string {
  return `${quoteSheetName(sheetName)}!${gridToA1(grid, open)}`;
}

/** Splits "'My Sheet'!A1:B2" into the unquoted sheet name and the cell part. */
export function splitSheetPrefix(ref: string): { sheetName: string | null; cells: string } {
  const text = ref.trim();
  if (text.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < text.length) {
      const ch = text[i];
      if (ch === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += ch;
      i++;
    }
    if (i >= text.length || text[i + 1] !== '!') return { sheetName: null, cells: '' };
    return { sheetName: name, cells: text.slice(i + 2) };
  }
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { sheetName: null, cells: text };
  return { sheetName: text.slice(0, bang), cells: text.slice(bang + 1) };
}

interface Part {
  column: number | null;
  row: number | null;
}

function parsePart(part: string): Part | null {
  const m = /^\$?([A-Za-z]*)\$?([0-9]*)$/.exec(part);
  if (!m) return null;
  const letters = m[1] ?? '';
  const digits = m[2] ?? '';
  if (letters === '' && digits === '') return null;
  if (letters.length > MAX_COLUMN_LETTERS) return null;
  const row = digits === '' ? null : Number(digits);
  if (row !== null && row < 1) return null;
  return { column: letters === '' ? null : lettersToColumn(letters), row };
}

/** Orders two optional coordinates; one missing end means "open to the sheet edge". */
function span(a: number | null, b: number | null): { start: number; end: number | null } {
  if (a !== null && b !== null) return { start: Math.min(a, b), end: Math.max(a, b) };
  const only = a ?? b;
  return { start: only ?? 1, end: null };
}

/** Parses A1 notation, optionally sheet-qualified. Returns null when malformed. */
export function parseA1(ref: string): A1Reference | null {
  const { sheetName, cells } = splitSheetPrefix(ref);
  if (cells === '') return null;
  const pieces = cells.split(':');
  if (pieces.length > 2) return null;
  const first = parsePart(pieces[0] ?? '');
  if (!first) return null;
  if (pieces.length === 1) {
    if (first.row === null || first.column === null) return null;
    return {
      sheetName,
      row: first.row,
      column: first.column,
      endRow: first.row,
      endColumn: first.column,
      open: CLOSED,
    };
  }
  const second = parsePart(pieces[1] ?? '');
  if (!second) return null;
  const noRows = first.row === null && second.row === null;
  const noColumns = first.column === null && second.column === null;
  if (noRows && noColumns) return null;
  // "A:1" mixes a column-only edge with a row-only edge; Sheets rejects it.
  if ((first.row === null) !== (first.column === null) && (second.row === null) !== (second.column === null)) {
    if ((first.row === null) !== (second.row === null)) return null;
  }
  const rows = span(first.row, second.row);
  const cols = span(first.column, second.column);
  return {
    sheetName,
    row: rows.start,
    column: cols.start,
    endRow: rows.end,
    endColumn: cols.end,
    open: {
      startRow: first.row === null && second.row === null,
      endRow: rows.end === null,
      startColumn: first.column === null && second.column === null,
      endColumn: cols.end === null,
    },
  };
}

/** Resolves open ends against a sheet's current size. */
export function resolveA1(ref: A1Reference, maxRows: number, maxColumns: number): GridRange {
  const endRow = ref.endRow ?? maxRows;
  const endColumn = ref.endColumn ?? maxColumns;
  return {
    row: ref.row,
    column: ref.column,
    numRows: endRow - ref.row + 1,
    numColumns: endColumn - ref.column + 1,
  };
}

export function gridContains(outer: GridRange, inner: GridRange): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.column + inner.numColumns <= outer.column + outer.numColumns
  );
}

export function gridIntersects(a: GridRange, b: GridRange): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.column < b.column + b.numColumns &&
    b.column < a.column + a.numColumns
  );
}

export function gridEquals(a: GridRange, b: GridRange): boolean {
  return a.row === b.row && a.column === b.column && a.numRows === b.numRows && a.numColumns === b.numColumns;
}
