/**
 * A fingerprint of the workbook, kept between changes: one number per row of every sheet and one for everything
 * else (sheets, rules, charts, properties, the add-on's UI). It tells whether an add-on call changed the workbook and
 * which rows it changed, so the formula engine is brought up to date row by row instead of being rebuilt, and nothing
 * holds a second copy of a large roster.
 */
import type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from '../src/offline/workbook';

/**
 * A 53-bit hash (cyrb53) fed piece by piece, so a roster of 20,000 rows is fingerprinted without building a string
 * per cell or per row. Collisions between two versions of one row are not a practical concern.
 */
class Hasher {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;
  private static readonly float = new Float64Array(1);
  private static readonly words = new Uint32Array(Hasher.float.buffer);

  private code(ch: number): void {
    this.h1 = Math.imul(this.h1 ^ ch, 2654435761);
    this.h2 = Math.imul(this.h2 ^ ch, 1597334677);
  }

  text(value: string): this {
    for (let i = 0; i < value.length; i++) this.code(value.charCodeAt(i));
    this.code(0xffff);
    return this;
  }

  number(value: number): this {
    Hasher.float[0] = value;
    this.code(Hasher.words[0]! & 0xffff);
    this.code(Hasher.words[0]! >>> 16);
    this.code(Hasher.words[1]! & 0xffff);
    this.code(Hasher.words[1]! >>> 16);
    return this;
  }

  /** A field of a cell: its name, and its value when there is one. */
  field(tag: number, value: unknown): this {
    if (value === undefined) return this;
    this.code(tag);
    if (typeof value === 'string') return this.text(value);
    if (typeof value === 'number') return this.number(value);
    if (typeof value === 'boolean') return this.number(value ? 1 : 0);
    return this.text(JSON.stringify(value));
  }

  digest(): number {
    let { h1, h2 } = this;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 4294967296 * (2097151 & h2) + (h1 >>> 0);
  }
}

const hash = (text: string): number => new Hasher().text(text).digest();

/** The row of an A1 key ("AB12" is 12), without the cost of a full parse. */
function rowOf(key: string): number {
  let i = 0;
  while (i < key.length && key.charCodeAt(i) > 57) i++;
  return Number(key.slice(i));
}

/**
 * What a cell contributes to its row's fingerprint: everything but a formula's computed value (the engine writes
 * that, it is no change by anyone) and the validation index (the validations themselves are in the structure).
 */
function hashCell(h: Hasher, key: string, cell: CellSnapshot): void {
  h.text(key)
    .field(1, cell.f)
    .field(2, cell.f === undefined ? cell.v : undefined)
    .field(3, cell.nf)
    .field(4, cell.bg)
    .field(5, cell.fc)
    .field(6, cell.bold)
    .field(7, cell.fs)
    .field(8, cell.ha)
    .field(9, cell.wrap)
    .field(10, cell.note);
}

/** Row fingerprints of a set of cells given in row-major order (as snapshots list them). */
function rowHashes(cells: Record<string, CellSnapshot>): Map<number, number> {
  const rows = new Map<number, number>();
  let row = -1;
  let h = new Hasher();
  for (const key in cells) {
    const r = rowOf(key);
    if (r !== row) {
      if (row > 0) rows.set(row, h.digest());
      row = r;
      h = new Hasher();
    }
    hashCell(h, key, cells[key]!);
  }
  if (row > 0) rows.set(row, h.digest());
  return rows;
}

/** Everything but the cells (`snapshot` may have them or not), and the active sheet (switching tabs is no change). */
function structureHash(snapshot: WorkbookSnapshot): number {
  const sheets = snapshot.sheets.map((s: SheetSnapshot) => ({ ...s, cells: undefined, lastRow: undefined, lastColumn: undefined }));
  return hash(JSON.stringify({ ...snapshot, activeSheet: undefined, sheets }));
}

export interface WorkbookChanges {
  /** Sheets, rules, charts, validations, properties or the add-on's UI changed. */
  structure: boolean;
  added: string[];
  removed: string[];
  /** Rows whose cells changed, by sheet (sheets in both versions). */
  rows: Map<string, number[]>;
}

export class ContentIndex {
  private constructor(
    private structure: number,
    private activeSheet: string | null,
    private readonly sheets: Map<string, Map<number, number>>,
  ) {}

  /**
   * The fingerprint of a workbook given without its cells (`structure`) and its cells a chunk of rows at a time
   * (whole rows in each), so that no picture of the whole workbook is ever held at once.
   */
  static of(structure: WorkbookSnapshot, rows: Iterable<{ sheet: string; cells: Record<string, CellSnapshot> }>): ContentIndex {
    const index = new ContentIndex(structureHash(structure), structure.activeSheet, new Map(structure.sheets.map((s) => [s.name, new Map()])));
    for (const chunk of rows) index.addRows(chunk.sheet, chunk.cells);
    return index;
  }

  /** Takes in whole rows of a sheet (row-major, as snapshots give them). */
  addRows(sheet: string, cells: Record<string, CellSnapshot>): void {
    const rows = this.sheets.get(sheet);
    if (rows) for (const [row, h] of rowHashes(cells)) rows.set(row, h);
  }

  /** After an edit made outside an add-on call: the row's new cells (row-major, as snapshotRows gives them). */
  setRow(sheet: string, row: number, cells: Record<string, CellSnapshot>): void {
    const rows = this.sheets.get(sheet);
    if (!rows) return;
    const next = rowHashes(cells).get(row);
    if (next === undefined) rows.delete(row);
    else rows.set(row, next);
  }

  /** After a change to the structure alone (rows added at the end of a sheet). */
  setStructure(structure: WorkbookSnapshot): void {
    this.structure = structureHash(structure);
  }

  /** Switching tabs is not a change to the workbook. */
  setActiveSheet(name: string | null): void {
    this.activeSheet = name;
  }

  /** What differs in `next`; null when nothing does. */
  changesTo(next: ContentIndex): WorkbookChanges | null {
    const added = [...next.sheets.keys()].filter((name) => !this.sheets.has(name));
    const removed = [...this.sheets.keys()].filter((name) => !next.sheets.has(name));
    const rows = new Map<string, number[]>();
    for (const [name, after] of next.sheets) {
      const before = this.sheets.get(name);
      if (!before) continue;
      const changed: number[] = [];
      for (const [row, h] of after) if (before.get(row) !== h) changed.push(row);
      for (const row of before.keys()) if (!after.has(row)) changed.push(row);
      if (changed.length) rows.set(name, changed.sort((a, b) => a - b));
    }
    const structure = this.structure !== next.structure || this.activeSheet !== next.activeSheet;
    if (!structure && !added.length && !removed.length && !rows.size) return null;
    return { structure, added, removed, rows };
  }
}
