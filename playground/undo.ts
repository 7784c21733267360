/**
 * Undo for what a person types into the grid. Each entry keeps the cell as it was before the edit and as the edit
 * left it; undoing puts the first back, but only while the cell still holds the second, so an undo never overwrites
 * what the add-on (or anything else) wrote there since.
 */
import type { CellSnapshot, SnapshotValue } from '../src/offline/workbook';
import { literal } from './roster-seed';

/** Edits remembered; older ones can no longer be undone. */
export const MAX_UNDO = 100;

export interface UndoEntry {
  sheet: string;
  row: number;
  column: number;
  before: CellSnapshot | undefined;
  after: CellSnapshot | undefined;
}

/** Whether two states of a cell hold the same thing as typed: formula, value and number format. */
export function sameEntry(a: CellSnapshot | undefined, b: CellSnapshot | undefined): boolean {
  if ((a?.f ?? null) !== (b?.f ?? null) || (a?.nf ?? null) !== (b?.nf ?? null)) return false;
  return a?.f !== undefined || JSON.stringify(a?.v ?? null) === JSON.stringify(b?.v ?? null);
}

/** A snapshot value as the workbook takes it back: a date as a Date, text so that it stays text. */
function writable(v: SnapshotValue): unknown {
  if (typeof v === 'object') return 'date' in v ? new Date(v.date) : Number(v.number);
  return literal(v);
}

/** The automatic number format: writing it clears the cell's own. */
const AUTOMATIC = 'General';

/** Puts `entry.before` back into `range` (the entry's cell). */
export function restoreEntry(range: GoogleAppsScript.Spreadsheet.Range, entry: UndoEntry): void {
  const { before, after } = entry;
  if (before?.f !== undefined) range.setFormula(before.f);
  else if (before?.v !== undefined) range.setValue(writable(before.v));
  else range.clearContent();
  if ((before?.nf ?? null) !== (after?.nf ?? null)) range.setNumberFormat(before?.nf ?? AUTOMATIC);
}

export class UndoStack {
  private readonly entries: UndoEntry[] = [];

  push(entry: UndoEntry): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_UNDO) this.entries.shift();
  }

  peek(): UndoEntry | undefined {
    return this.entries.at(-1);
  }

  pop(): UndoEntry | undefined {
    return this.entries.pop();
  }

  get size(): number {
    return this.entries.length;
  }
}
