/**
 * A chart as the page draws it: its type and options, placed at its anchor cell, with the data of its ranges read
 * from the formula engine.
 */
import { parseA1, resolveA1, type ChartSnapshot } from '../src/offline/workbook';
import type { EngineValue, FormulaEngine } from './formulas';

type Value = EngineValue;

const isError = (v: Value): v is { error: string; message: string } => v !== null && typeof v === 'object';

export interface ChartView {
  type: string;
  title: string;
  anchor: { row: number; column: number; offsetX: number; offsetY: number };
  width: number;
  height: number;
  labels: string[];
  series: Array<{ name: string; values: number[] }>;
  options: Record<string, unknown>;
}

/** Sheets' size for a newly inserted chart. */
const CHART_SIZE = { width: 600, height: 371 };

export function chartView(chart: ChartSnapshot, engine: FormulaEngine, sheetName: string): ChartView {
  const columns: Value[][] = [];
  for (const range of chart.ranges) {
    const ref = parseA1(range);
    if (!ref) continue;
    const g = resolveA1(ref, ref.endRow ?? ref.row, ref.endColumn ?? ref.column);
    for (let c = 0; c < g.numColumns; c++) {
      const column: Value[] = [];
      for (let r = 0; r < g.numRows; r++) column.push(engine.value(ref.sheetName ?? sheetName, g.row + r, g.column + c));
      columns.push(column);
    }
  }
  const [labelColumn = [], ...valueColumns] = columns;
  // numHeaders -1 lets Sheets guess: a first row of text over numbers is a header row.
  const headers =
    chart.numHeaders > 0 ? chart.numHeaders : chart.numHeaders === 0 ? 0 : valueColumns.some((col) => typeof col[0] === 'string' && col[0] !== '') ? 1 : 0;
  const text = (v: Value): string => (v === null ? '' : isError(v) ? v.error : String(v));
  const options = chart.options as Record<string, unknown>;
  return {
    type: chart.type ?? 'COLUMN',
    title: typeof options.title === 'string' ? options.title : '',
    anchor: { row: chart.position.anchorRow, column: chart.position.anchorColumn, offsetX: chart.position.offsetX, offsetY: chart.position.offsetY },
    width: typeof options.width === 'number' ? options.width : CHART_SIZE.width,
    height: typeof options.height === 'number' ? options.height : CHART_SIZE.height,
    labels: labelColumn.slice(headers).map(text),
    series: valueColumns.map((col, i) => ({
      name: headers ? text(col[0] ?? null) : `Series ${i + 1}`,
      values: col.slice(headers).map((v) => (typeof v === 'number' ? v : 0)),
    })),
    options,
  };
}
