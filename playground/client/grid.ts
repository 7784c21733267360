/**
 * The grid of one tab as HTML: column letters and row numbers, Sheets' 21-pixel rows, frozen rows that stay put,
 * merged blocks, text that runs on into empty cells to its right, and charts floating at their anchor cells.
 */
import type { CellView, SheetView } from '../view';
import { chartSvg } from './chart';
import { cellName, columnLetters, escapeHtml } from './html';

export const ROW_HEIGHT = 21;
export const HEADER_HEIGHT = 24;
export const ROW_HEADER_WIDTH = 46;
/** How far text may run on over empty neighbours, as in Sheets. */
const MAX_OVERFLOW_COLUMNS = 12;

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
export function columnOffsets(view: SheetView): number[] {
  const offsets: number[] = [ROW_HEADER_WIDTH];
  view.widths.forEach((w, i) => offsets.push(offsets[i]! + w));
  return offsets;
}

export function gridHtml(view: SheetView, selected: { row: number; column: number } | null): string {
  const { rows, columns, widths, cells } = view;
  const covered = new Set<string>();
  const spans = new Map<string, { rows: number; columns: number }>();
  for (const m of view.merges) {
    spans.set(cellName(m.row, m.column), { rows: m.numRows, columns: m.numColumns });
    for (let r = m.row; r < m.row + m.numRows; r++) {
      for (let c = m.column; c < m.column + m.numColumns; c++) if (r !== m.row || c !== m.column) covered.add(cellName(r, c));
    }
  }
  const offsets = columnOffsets(view);
  const total = offsets[offsets.length - 1]!;
  const frozenTop = (r: number): number => HEADER_HEIGHT + (r - 1) * ROW_HEIGHT;

  const out: string[] = [];
  out.push(`<table class="grid" style="width:${total}px"><colgroup><col style="width:${ROW_HEADER_WIDTH}px">`);
  for (const w of widths) out.push(`<col style="width:${w}px">`);
  out.push('</colgroup><thead><tr><th class="corner"></th>');
  for (let c = 1; c <= columns; c++) {
    const active = selected?.column === c ? ' active' : '';
    const frozen = c <= view.frozenColumns ? ` style="left:${offsets[c - 1]}px;z-index:6"` : '';
    out.push(`<th class="colhead${active}${c <= view.frozenColumns ? ' frozen-col' : ''}"${frozen}>${columnLetters(c)}</th>`);
  }
  out.push('</tr></thead><tbody>');

  for (let r = 1; r <= rows; r++) {
    const frozen = r <= view.frozenRows;
    const rowClass = [frozen ? 'frozen' : '', r === view.frozenRows ? 'frozen-edge' : ''].filter(Boolean).join(' ');
    const sticky = frozen ? ` style="top:${frozenTop(r)}px"` : '';
    out.push(`<tr data-row="${r}"${rowClass ? ` class="${rowClass}"` : ''}>`);
    out.push(`<th class="rowhead${selected?.row === r ? ' active' : ''}"${sticky}>${r}</th>`);
    for (let c = 1; c <= columns; c++) {
      const name = cellName(r, c);
      if (covered.has(name)) continue;
      const cell = cells[name];
      const span = spans.get(name);
      const classes: string[] = [];
      const styles: string[] = [];
      if (frozen) {
        classes.push('frozen');
        styles.push(`top:${frozenTop(r)}px`);
      }
      if (c <= view.frozenColumns) {
        classes.push('frozen-col');
        styles.push(`left:${offsets[c - 1]}px`);
      }
      if (c === view.frozenColumns) classes.push('frozen-col-edge');
      if (cell?.err) classes.push('err');
      if (cell?.wrap) classes.push('wrap');
      if (selected && selected.row === r && selected.column === c) classes.push('selected');
      if (cell) styles.push(cellStyle(cell));
      let inner = '';
      if (cell && cell.t !== '') {
        const leftAligned = !cell.ha || cell.ha === 'left';
        let room = widths[c - 1]!;
        if (leftAligned && !cell.wrap && !span) {
          // Text runs on over empty cells to its right, stopping at the first cell with content.
          for (let n = c + 1; n <= Math.min(columns, c + MAX_OVERFLOW_COLUMNS) && isEmpty(cells[cellName(r, n)]) && !covered.has(cellName(r, n)); n++) {
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
    out.push('</tr>');
  }
  out.push('</tbody></table>');

  for (const chart of view.charts) {
    const left = (offsets[chart.anchor.column - 1] ?? total) + chart.anchor.offsetX;
    const topPx = HEADER_HEIGHT + (chart.anchor.row - 1) * ROW_HEIGHT + chart.anchor.offsetY;
    out.push(
      `<figure class="chart" data-testid="chart" style="left:${left}px;top:${topPx}px;width:${chart.width}px;height:${chart.height}px">${chartSvg(chart)}</figure>`,
    );
  }
  if (view.hiddenRows > 0) {
    out.push(`<p class="more-rows">${view.hiddenRows.toLocaleString('en')} more rows are not shown here; the download has them all.</p>`);
  }
  return out.join('');
}
