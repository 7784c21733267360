import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryWorkbook } from '../src/offline/workbook';
import { MemoryRange } from '../src/offline/workbook/range';
import type { PlanChart, SheetPlan } from '../src/plan/types';
import { renderPlan_ } from '../src/sheets/render';

function workbook() {
  const wb = createMemoryWorkbook();
  vi.stubGlobal('SpreadsheetApp', wb.globals.SpreadsheetApp);
  vi.stubGlobal('Charts', wb.globals.Charts);
  return wb;
}
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const plan = (rows: number): SheetPlan => ({
  kind: 'test',
  title: 'Report',
  blocks: [
    {
      row: 1,
      column: 1,
      cells: [
        [{ value: 'Name', bold: true }, { value: 'Score', bold: true }],
        ...Array.from({ length: rows }, (_, i) => [{ value: i === 0 ? '=HYPERLINK("http://evil.example","click")' : `@user${i}` }, { value: i, format: '0.0' }]),
        [{ value: 'Total' }, { formula: `=SUM(B2:B${rows + 1})`, format: '0.0' }],
      ],
    },
  ],
  rules: [{ range: `B2:B${rows + 1}`, formula: '=B2>5', background: '#ff0000' }],
  charts: [{ type: 'COLUMN', ranges: [`A1:B${rows + 1}`], anchor: { row: 1, column: 4 }, options: { title: 'Scores' } }],
});

describe('renderPlan_', () => {
  it('writes user text as text, never as a formula', () => {
    const wb = workbook();
    renderPlan_(wb.spreadsheet, plan(3));
    const cells = wb.snapshot().sheets.find((s) => s.name === 'Report')!.cells;
    expect(cells.A2).toMatchObject({ v: '=HYPERLINK("http://evil.example","click")' });
    expect(cells.A2!.f).toBeUndefined();
    expect(cells.A3).toMatchObject({ v: '@user1' });
    expect(cells.B5).toMatchObject({ f: '=SUM(B2:B4)', nf: '0.0' });
  });

  it('uses the same number of service calls whatever the size of the data', () => {
    const counts = [5, 900, 5_000].map((rows) => {
      const wb = workbook();
      renderPlan_(wb.spreadsheet, plan(rows));
      const created = wb.calls.total;
      wb.calls.reset();
      renderPlan_(wb.spreadsheet, plan(rows));
      return [created, wb.calls.total];
    });
    expect(counts[1]).toEqual(counts[0]);
    // Past the 1,000 rows of a new tab, one more call grows it once; nothing grows per row.
    expect(counts[2]).toEqual([counts[0]![0]! + 1, counts[0]![1]!]);
  });

  it('keeps one chart and one rule set across refreshes, and the chart keeps its id', () => {
    const wb = workbook();
    renderPlan_(wb.spreadsheet, plan(3));
    const before = wb.snapshot().sheets[1]!;
    renderPlan_(wb.spreadsheet, plan(3));
    const after = wb.snapshot().sheets[1]!;
    expect(after.charts.map((c) => c.id)).toEqual(before.charts.map((c) => c.id));
    expect(after.conditionalFormats).toHaveLength(1);
    expect(wb.snapshot().sheets).toHaveLength(2);
  });

  it('refreshes only its own tab: the user-made tab of the same name is left alone', () => {
    const wb = workbook();
    wb.seedSheet('Report', [['mine']]);
    const result = renderPlan_(wb.spreadsheet, plan(2));
    expect(result).toEqual({ sheetName: 'Report (2)', created: true });
    expect(wb.snapshot().sheets.find((s) => s.name === 'Report')!.cells).toEqual({ A1: { v: 'mine' } });
  });
});

describe('renderPlan_ against the strict workbook', () => {
  it('writes every layer as a dense matrix exactly the size of its range, with number formats only where the plan sets one', () => {
    const wb = workbook();
    const sent: Array<{ method: string; rows: number; columns: number; matrix: unknown[][] }> = [];
    for (const method of ['setValues', 'setNumberFormats', 'setFontWeights', 'setBackgrounds', 'setFontColors', 'setHorizontalAlignments'] as const) {
      const original = MemoryRange.prototype[method] as (m: unknown[][]) => unknown;
      vi.spyOn(MemoryRange.prototype, method).mockImplementation(function (this: MemoryRange, matrix: any) {
        sent.push({ method, rows: this.getNumRows(), columns: this.getNumColumns(), matrix });
        return original.call(this, matrix) as never;
      });
    }
    // Blocks that leave gaps in their bounding box, with rows of different lengths.
    renderPlan_(wb.spreadsheet, {
      kind: 'gaps',
      title: 'Gaps',
      blocks: [
        { row: 1, column: 1, cells: [[{ value: 'Title', bold: true }], [{ value: 'Budget' }, { value: 1000, format: '"¥"#,##0', background: '#fff2cc' }]] },
        { row: 4, column: 3, cells: [[{ value: 0.25, format: '0%', color: '#cc0000', align: 'right' }]] },
      ],
    });
    expect(sent.map((s) => s.method)).toEqual(['setValues', 'setNumberFormats', 'setFontWeights', 'setBackgrounds', 'setFontColors', 'setHorizontalAlignments']);
    for (const { method, rows, columns, matrix } of sent) {
      expect(matrix, method).toHaveLength(rows);
      for (const row of matrix) {
        expect(row, method).toHaveLength(columns);
        expect(Object.keys(row), `${method} has holes`).toHaveLength(columns);
        expect(row.includes(undefined), `${method} has undefined`).toBe(false);
      }
    }
    expect([sent[0]!.rows, sent[0]!.columns]).toEqual([4, 3]);
    const cells = wb.snapshot().sheets.find((s) => s.name === 'Gaps')!.cells;
    expect(cells).toEqual({
      A1: { v: 'Title', bold: true },
      A2: { v: 'Budget' },
      B2: { v: 1000, nf: '"¥"#,##0', bg: '#fff2cc' },
      C4: { v: 0.25, nf: '0%', fc: '#cc0000', ha: 'right' },
    });
  });

  it('keeps text as text, whatever it starts with, although setValues reads typed input', () => {
    const wb = workbook();
    const names = ['+86 138 0000 0000', '-Sasha-', '@beauty', '=HYPERLINK("http://evil.example","click")', '0012', '3/4/2026', '8%', 'TRUE', "'quoted"];
    renderPlan_(wb.spreadsheet, { kind: 'names', title: 'Names', blocks: [{ row: 1, column: 1, cells: names.map((value) => [{ value }]) }] });
    const cells = wb.snapshot().sheets.find((s) => s.name === 'Names')!.cells;
    expect(names.map((_, i) => cells[`A${i + 1}`])).toEqual(names.map((v) => ({ v })));
  });

  it('finds its own charts by id: each keeps its id and settings, and a chart the user added to the tab survives refreshes', () => {
    const wb = workbook();
    const Charts = wb.globals.Charts as GoogleAppsScript.Charts.Charts;
    const chart = (title: string, column: number): PlanChart => ({ type: 'PIE', ranges: ['A1:B3'], anchor: { row: 1, column }, options: { title } });
    const twoCharts: SheetPlan = { ...plan(3), charts: [chart('Budget', 4), chart('Posts', 10)] };
    renderPlan_(wb.spreadsheet, twoCharts);
    const tab = wb.spreadsheet.getSheetByName('Report')!;
    const ours = () => tab.getCharts().map((c) => [c.getChartId(), c.getOptions().get('title')]);
    const before = ours();
    tab.insertChart(tab.newChart().setChartType(Charts.ChartType.LINE).addRange(tab.getRange('A1:B4')).setOption('title', 'Mine').setPosition(20, 1, 0, 0).build());
    const mine = tab.getCharts().find((c) => c.getOptions().get('title') === 'Mine')!.getChartId();

    renderPlan_(wb.spreadsheet, twoCharts);
    const after = ours();
    expect(after).toHaveLength(3);
    expect(after).toEqual(expect.arrayContaining([...before, [mine, 'Mine']]));

    renderPlan_(wb.spreadsheet, { ...plan(3), charts: [chart('Budget', 4)] });
    expect(ours().sort()).toEqual([before.find(([, t]) => t === 'Budget')!, [mine, 'Mine']].sort());
  });

  it('keeps the name of a new tab within the 100 characters Sheets allows', () => {
    const wb = workbook();
    const title = 'T'.repeat(100);
    wb.seedSheet(title, [['mine']]);
    const { sheetName } = renderPlan_(wb.spreadsheet, { ...plan(1), title });
    expect(sheetName.length).toBeLessThanOrEqual(100);
    expect(sheetName).toMatch(/ \(2\)$/);
  });
});
