/**
 * The grid of one tab as HTML: column letters and row numbers, Sheets' 21-pixel rows, frozen rows that stay put,
 * merged blocks, text that runs on into empty cells to its right, and charts floating at their anchor cells.
 *
 * Only a window of rows is drawn (with the frozen rows): blank space above and below it keeps the scroll bar true
 * to the whole sheet, so a roster of 20,000 rows scrolls like one of 300 while the page holds a hundred rows.
 */
import type { Words } from '../words';
import type { CellView, SheetChrome } from '../view';
import { chartSvg } from './chart';
import { cellName, columnLetters, escapeHtml } from './html';

export const ROW_HEIGHT = 21;
export const HEADER_HEIGHT = 24;
export const ROW_HEADER_WIDTH = 46;
/** The header cell after the last column that adds columns. */
export const ADD_COLUMN_WIDTH = 34;
/** Columns the header's "+" adds. */
export const COLUMNS_ADDED = 10;
/** How far text may run on over empty neighbours, as in Sheets. */
const MAX_OVERFLOW_COLUMNS = 12;

type ShownCell = CellView & { pending?: true };

const isEmpty = (cell: CellView | undefined): boolean => !cell || (cell.t === '' && !cell.bg);

function cellStyle(cell: CellView): string {
  const style: string[] = [];
  if (cell.bg) style.push(`background:${cell.bg}`);
  if (cell.fc) style.push(`color:${cell.fc}`);
  if (cell.b) style.push('font-weight:700');
  if (cell.fs) style.push(`font-size:${Math.round((cell.fs * 4) / 3)}px`);
  if (cell.ha) style.push(`text-align:${cell.ha}`);
  return style.join(';');
}

/** Left offsets of each column's left edge, after the row headers. */
export function columnOffsets(view: Pick<SheetChrome, 'widths'>): number[] {
  const offsets: number[] = [ROW_HEADER_WIDTH];
  view.widths.forEach((w, i) => offsets.push(offsets[i]! + w));
  return offsets;
}

/** Where row `row` starts, from the top of the grid (rows are drawn 21 pixels high). */
export const rowTop = (row: number): number => HEADER_HEIGHT + (row - 1) * ROW_HEIGHT;

export interface GridState {
  /** Rows drawn besides the frozen ones. */
  from: number;
  to: number;
  cells: (a1: string) => CellView | undefined;
  selected: { row: number; column: number } | null;
  /** What was typed into cells the server has not answered for yet. */
  pending: ReadonlyMap<string, string>;
  words: Words;
}

/** The grid's HTML, or with `only`, the HTML of just those rows (each a <tr>), to replace them where they are drawn. */
export function gridHtml(view: SheetChrome, state: GridState): string;
export function gridHtml(view: SheetChrome, state: GridState, only: Iterable<number>): Map<number, string>;
export function gridHtml(view: SheetChrome, state: GridState, only?: Iterable<number>): string | Map<number, string> {
  const { rows, columns, widths } = view;
  const { selected } = state;
  // What was typed shows at once, in grey, until the server's answer replaces it.
  const cells = (a1: string): ShownCell | undefined => {
    const typed = state.pending.get(a1);
    return typed === undefined ? state.cells(a1) : { t: typed, pending: true };
  };
  const frozenRows = Math.min(view.frozenRows, rows);
  const from = Math.max(frozenRows + 1, state.from);
  const to = Math.min(rows, state.to);
  const covered = new Set<string>();
  const spans = new Map<string, { rows: number; columns: number }>();
  // A merge whose top-left cell is not drawn (scrolled above the window) leaves its other cells as plain cells.
  for (const m of view.merges.filter((m) => m.row <= frozenRows || (m.row >= from && m.row <= to))) {
    spans.set(cellName(m.row, m.column), { rows: m.numRows, columns: m.numColumns });
    for (let r = m.row; r < m.row + m.numRows; r++) {
      for (let c = m.column; c < m.column + m.numColumns; c++) if (r !== m.row || c !== m.column) covered.add(cellName(r, c));
    }
  }
  const offsets = columnOffsets(view);
  const total = offsets[offsets.length - 1]! + ADD_COLUMN_WIDTH;

  const out: string[] = [];
  out.push(`<table class="grid" style="width:${total}px"><colgroup><col style="width:${ROW_HEADER_WIDTH}px">`);
  for (const w of widths) out.push(`<col style="width:${w}px">`);
  out.push(`<col style="width:${ADD_COLUMN_WIDTH}px"></colgroup><thead><tr><th class="corner"></th>`);
  for (let c = 1; c <= columns; c++) {
    const active = selected?.column === c ? ' active' : '';
    const frozen = c <= view.frozenColumns ? ` style="left:${offsets[c - 1]}px;z-index:6"` : '';
    out.push(`<th class="colhead${active}${c <= view.frozenColumns ? ' frozen-col' : ''}"${frozen}>${columnLetters(c)}</th>`);
  }
  const addColumns = escapeHtml(state.words.addColumnsTitle(COLUMNS_ADDED));
  out.push(`<th class="add-col"><button type="button" data-testid="add-columns" title="${addColumns}" aria-label="${addColumns}">+</button></th></tr></thead><tbody>`);

  const row = (r: number): void => {
    const frozen = r <= frozenRows;
    const rowClass = [frozen ? 'frozen' : '', r === frozenRows ? 'frozen-edge' : ''].filter(Boolean).join(' ');
    const sticky = frozen ? ` style="top:${rowTop(r)}px"` : '';
    out.push(`<tr data-row="${r}"${rowClass ? ` class="${rowClass}"` : ''}>`);
    out.push(`<th class="rowhead${selected?.row === r ? ' active' : ''}"${sticky}>${r}</th>`);
    for (let c = 1; c <= columns; c++) {
      const name = cellName(r, c);
      if (covered.has(name)) continue;
      const cell = cells(name);
      const span = spans.get(name);
      const classes: string[] = [];
      const styles: string[] = [];
      if (frozen) {
        classes.push('frozen');
        styles.push(`top:${rowTop(r)}px`);
      }
      if (c <= view.frozenColumns) {
        classes.push('frozen-col');
        styles.push(`left:${offsets[c - 1]}px`);
      }
      if (c === view.frozenColumns) classes.push('frozen-col-edge');
      if (cell?.err) classes.push('err');
      if (cell?.wrap) classes.push('wrap');
      if (cell?.pending) classes.push('pending');
      if (selected && selected.row === r && selected.column === c) classes.push('selected');
      if (cell) styles.push(cellStyle(cell));
      let inner = '';
      if (cell && cell.t !== '') {
        const leftAligned = !cell.ha || cell.ha === 'left';
        let room = widths[c - 1]!;
        if (leftAligned && !cell.wrap && !span) {
          // Text runs on over empty cells to its right, stopping at the first cell with content.
          for (let n = c + 1; n <= Math.min(columns, c + MAX_OVERFLOW_COLUMNS) && isEmpty(cells(cellName(r, n))) && !covered.has(cellName(r, n)); n++) {
            room += widths[n - 1]!;
          }
        }
        const runsOn = room > widths[c - 1]!;
        // A coloured cell keeps its colour to itself; the text runs on over the white neighbours.
        const runClass = runsOn ? (cell.bg ? ' ov clear' : ' ov') : '';
        inner = `<div class="v${runClass}"${runsOn ? ` style="max-width:${room - 7}px"` : ''}>${escapeHtml(cell.t)}</div>`;
        if (runsOn) classes.push('runs-on');
      }
      const attrs = [
        `data-cell="${name}"`,
        classes.length ? `class="${classes.join(' ')}"` : '',
        styles.some(Boolean) ? `style="${styles.filter(Boolean).join(';')}"` : '',
        span ? `rowspan="${span.rows}" colspan="${span.columns}"` : '',
        cell?.err || cell?.note ? `title="${escapeHtml(cell.err ?? cell.note ?? '')}"` : '',
      ].filter(Boolean);
      out.push(`<td ${attrs.join(' ')}>${inner}</td>`);
    }
    out.push('<td class="add-col"></td></tr>');
  };
  const spacer = (height: number, where: string): void => {
    if (height > 0) out.push(`<tr class="spacer" data-spacer="${where}"><td colspan="${columns + 2}" style="height:${height}px"></td></tr>`);
  };

  if (only) {
    const html = new Map<number, string>();
    for (const r of only) {
      out.length = 0;
      row(r);
      html.set(r, out.join(''));
    }
    return html;
  }
  for (let r = 1; r <= frozenRows; r++) row(r);
  spacer((from - frozenRows - 1) * ROW_HEIGHT, 'above');
  for (let r = from; r <= to; r++) row(r);
  spacer((rows - Math.max(to, frozenRows)) * ROW_HEIGHT, 'below');
  out.push('</tbody></table>');

  for (const chart of view.charts) {
    const left = (offsets[chart.anchor.column - 1] ?? total) + chart.anchor.offsetX;
    const topPx = rowTop(chart.anchor.row) + chart.anchor.offsetY;
    out.push(
      `<figure class="chart" data-testid="chart" style="left:${left}px;top:${topPx}px;width:${chart.width}px;height:${chart.height}px">${chartSvg(chart)}</figure>`,
    );
  }
  return out.join('');
}
