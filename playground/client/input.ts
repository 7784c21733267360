/**
 * What the keyboard and mouse do in the grid, as in Sheets: click to select, arrows and Tab to move, typing or
 * Enter to edit, Delete to clear, Ctrl+Z to undo; the formula bar commits with Enter, and the name box goes to the
 * cell typed into it (A20000), wherever it is in the sheet.
 */
import { columnNumber } from './html';

export interface GridActions {
  selected(): { row: number; column: number };
  select(row: number, column: number, scroll?: boolean): void;
  editing(): boolean;
  startEdit(initial?: string): void;
  closeEditor(): void;
  commit(input: string, move?: { row: number; column: number }): void;
  undo(): void;
  /** Shows the selected cell in the name box and formula bar again. */
  showSelection(): void;
  notCell(text: string): void;
}

export interface GridInputs {
  grid: HTMLElement;
  nameBox: HTMLInputElement;
  formulaInput: HTMLInputElement;
  /** Other inputs where Ctrl+Z is the input's own. */
  others: HTMLElement[];
}

const backToGrid = (grid: HTMLElement): void => grid.focus({ preventScroll: true });

export function installGridInput({ grid, nameBox, formulaInput, others }: GridInputs, page: GridActions): void {
  grid.addEventListener('mousedown', (event) => {
    const td = (event.target as HTMLElement).closest<HTMLTableCellElement>('td[data-cell]');
    if (!td || (event.target as HTMLElement).classList.contains('cell-editor')) return;
    const m = /^([A-Z]+)(\d+)$/.exec(td.dataset.cell!)!;
    page.closeEditor();
    page.select(Number(m[2]), columnNumber(m[1]!), false);
  });
  grid.addEventListener('dblclick', (event) => {
    if ((event.target as HTMLElement).closest('td[data-cell]')) page.startEdit();
  });
  grid.addEventListener('keydown', (event) => {
    if (page.editing() || event.target !== grid) return;
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Tab: [0, event.shiftKey ? -1 : 1] };
    const move = moves[event.key];
    const { row, column } = page.selected();
    if (move) {
      event.preventDefault();
      page.select(row + move[0], column + move[1]);
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      page.startEdit();
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      page.commit('', { row: 0, column: 0 });
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      page.startEdit(event.key);
    }
  });
  document.addEventListener('keydown', (event) => {
    const typing = page.editing() || [formulaInput, nameBox, ...others].includes(event.target as HTMLElement);
    if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z' && !typing) {
      event.preventDefault();
      page.undo();
    }
  });
  formulaInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      page.commit(formulaInput.value);
    } else if (event.key === 'Escape') {
      formulaInput.blur();
      page.showSelection();
      backToGrid(grid);
    }
  });
  nameBox.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      const m = /^\s*\$?([A-Za-z]{1,3})\$?(\d{1,7})\s*$/.exec(nameBox.value);
      if (!m) return page.notCell(nameBox.value);
      backToGrid(grid);
      page.select(Number(m[2]), columnNumber(m[1]!));
    } else if (event.key === 'Escape') {
      backToGrid(grid);
      page.showSelection();
    }
  });
  nameBox.addEventListener('focus', () => nameBox.select());
}
