/**
 * The cell editor: an input laid over the selected cell. It lives beside the grid's rows, not among them, so that
 * redrawing the rows (an answer from the server, a scroll) never takes it, or what is typed in it, away.
 */
import type { SheetChrome } from '../view';
import { columnOffsets, ROW_HEIGHT, rowTop } from './grid';

/** The cell an editor was opened on. */
export interface EditorTarget {
  sheet: string;
  row: number;
  column: number;
}

export interface EditorKeys {
  /**
   * Enter or Tab: `move` is where the selection goes next. `target` is the cell the editor was opened on, which
   * keeps what was typed even when the page has moved on meanwhile (the add-on opened another tab).
   */
  commit(input: string, move: { row: number; column: number }, target: EditorTarget): void;
  cancel(): void;
  typed(input: string): void;
}

export class CellEditor {
  private input: HTMLInputElement | null = null;

  constructor(private readonly layer: HTMLElement) {}

  get open(): boolean {
    return this.input !== null;
  }

  /** Opens on a cell with `value`, the caret at its end. */
  start(sheet: SheetChrome, row: number, column: number, value: string, keys: EditorKeys): void {
    this.close();
    const input = document.createElement('input');
    input.className = 'cell-editor';
    input.dataset.testid = 'cell-editor';
    input.dataset.row = String(row);
    input.dataset.column = String(column);
    const target = { sheet: sheet.name, row, column };
    input.spellcheck = false;
    input.value = value;
    this.input = input;
    this.place(sheet);
    this.layer.appendChild(input);
    input.focus({ preventScroll: true });
    input.setSelectionRange(input.value.length, input.value.length);
    input.addEventListener('input', () => keys.typed(input.value));
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        keys.commit(input.value, { row: 1, column: 0 }, target);
      } else if (event.key === 'Tab') {
        event.preventDefault();
        keys.commit(input.value, { row: 0, column: event.shiftKey ? -1 : 1 }, target);
      } else if (event.key === 'Escape') {
        this.close();
        keys.cancel();
      }
    });
  }

  /** Puts the editor over its cell again (after a redraw or a zoom). */
  place(sheet: SheetChrome): void {
    const input = this.input;
    if (!input) return;
    const row = Number(input.dataset.row);
    const column = Number(input.dataset.column);
    input.style.left = `${columnOffsets(sheet)[column - 1]}px`;
    input.style.top = `${rowTop(row)}px`;
    input.style.minWidth = `${sheet.widths[column - 1]}px`;
    input.style.height = `${ROW_HEIGHT}px`;
  }

  close(): void {
    this.input?.remove();
    this.input = null;
  }
}
