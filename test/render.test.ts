import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryWorkbook } from '../src/offline/workbook';
import type { SheetPlan } from '../src/plan/types';
import { renderPlan_ } from '../src/sheets/render';

function workbook() {
  const wb = createMemoryWorkbook();
  vi.stubGlobal('SpreadsheetApp', wb.globals.SpreadsheetApp);
  vi.stubGlobal('Charts', wb.globals.Charts);
  return wb;
}
afterEach(() => vi.unstubAllGlobals());

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
