import { describe, expect, it } from 'vitest';
import { dashboardLayout, dashboardSheetPlan } from '../src/plan/dashboard-sheet';
import { LIST_COLUMNS } from '../src/plan/dashboard-lists';
import { a1 } from '../src/plan/types';
import { figureAddresses, type RosterCell } from './support/dashboard-engine';
import { handRoster } from './support/dashboard-roster';
import { build, expectTabShowsCore, NOW, T } from './support/dashboard-tab';

/** The Dashboard tab's words, notes, charts and colours, and rosters shaped unlike the usual one. */

describe('what the tab says besides its figures', () => {
  it('writes a figure reading numbers written as text as a grey value with an "as of" note, and says so at the top', () => {
    const rows = handRoster(T);
    rows[9]![3] = '¥500'; // Jo's revenue, as text
    const built = build(rows);
    const plan = dashboardSheetPlan(built.d, { language: 'en', currency: 'CNY' });
    const cellAt = (address: string) => {
      const { row, col } = { row: Number(address.slice(1)) - 1, col: address.charCodeAt(0) - 65 };
      return plan.blocks[0]!.cells[row]![col]!;
    };
    const at = figureAddresses(built.d);
    const revenue = cellAt(at.revenue!);
    expect(revenue).toMatchObject({ value: 93_500, color: '#80868b' });
    expect(revenue.formula).toBeUndefined();
    expect(revenue.note).toBe(`As of ${NOW.replace('T', ' ')}, computed by Influencer Matrix: a live formula cannot read the values written as text in Revenue (1 number as text, such as ¥500 in row 11).`);
    expect(cellAt(at.active!).formula).toMatch(/^=ARRAYFORMULA\(/);
    expect(cellAt(a1(dashboardLayout(5).notice, 1)).value).toMatch(/^Grey figures are values as of .* written as text in Revenue \(1 number as text, such as ¥500 in row 11\)\./);
    expect(built.engine.value(at.revenue!)).toBe(93_500);
    expectTabShowsCore(built);
  });

  it('speaks Chinese in a Chinese workbook: tier names, statuses, titles', () => {
    const built = build(handRoster(T), { language: 'zh' });
    const plan = dashboardSheetPlan(built.d, { language: 'zh', currency: 'CNY' });
    const L = dashboardLayout(5);
    expect(plan.title).toBe('数据看板');
    expect(Array.from({ length: 5 }, (_, i) => built.engine.value(a1(L.tierFirst + i, 1)))).toEqual(['头部', '肩部', '腰部', '尾部', '素人']);
    expect(built.engine.value(a1(L.tierFirst, 7))).toBe('● 预警'); // Mega's ROAS 1.8
    expect(built.engine.value(a1(L.top.first, LIST_COLUMNS.tier))).toBe('尾部'); // Eve, Micro
    expect(plan.charts!.map((c) => c.options.title)).toEqual(['各层级 ROAS 对比目标', '各层级花费', '合作漏斗']);
    expectTabShowsCore(built);
  });

  it('says n/a, with the column it needs, where the roster cannot give a figure', () => {
    const built = build([['Ann', 600_000, 20_000, 36_000]], { header: ['Name', 'Followers', 'Spend', 'Revenue'] });
    const L = dashboardLayout(5);
    const at = figureAddresses(built.d);
    expect(built.engine.value(at.reached!)).toBe('n/a');
    expect(built.engine.value(a1(L.rates.first, 5))).toBe('n/a: needs Status');
    expect(built.engine.value(a1(L.rates.first + 2, 5))).toBe('n/a: a roster row does not record repeat partnerships');
    const contracts = L.tiles(5);
    expect(built.engine.value(a1(contracts.row + 2, contracts.column))).toBe('n/a: needs Contract end');
    expect(built.engine.value(at.active!)).toBe(1); // with spend, as there is no status column
  });

  it('charts tier ROAS against the target, spend by tier and the funnel from the tables, headers naming the series', () => {
    const plan = dashboardSheetPlan(build(handRoster(T)).d, { language: 'en', currency: 'CNY' });
    expect(plan.charts!.map((c) => ({ type: c.type, ranges: c.ranges, headers: c.headers }))).toEqual([
      { type: 'COLUMN', ranges: ['A18:A23', 'E18:E23', 'F18:F23'], headers: 1 },
      { type: 'PIE', ranges: ['A18:A23', 'C18:C23'], headers: 1 },
      { type: 'BAR', ranges: ['A28:A32', 'B28:B32'], headers: 1 },
    ]);
    // Each tile's cells take the colour of the status word three rows below its label.
    expect(plan.rules!.slice(0, 3)).toEqual([
      { range: 'A7:D10', formula: '=A$10="● On track"', background: '#b6d7a8' },
      { range: 'A7:D10', formula: '=A$10="● Watch"', background: '#ffe599' },
      { range: 'A7:D10', formula: '=A$10="● Act now"', background: '#ea9999' },
    ]);
  });
});

describe('a roster with its own ROAS column and no revenue', () => {
  it('ranks by that column, among the rows with spend', () => {
    const header = ['Name', 'Followers', 'Spend', 'ROAS'];
    const rows: RosterCell[][] = [
      ['A', 20_000, 1_000, 2.5],
      ['B', 20_000, 0, 9], // no spend: not ranked
      ['C', 20_000, 2_000, 4],
      ['D', 20_000, 500, '3x'], // not a number
    ];
    const built = build(rows, { header });
    expect(built.d.lists.top.map((e) => e.name)).toEqual(['C', 'A']);
    expect(built.engine.value(a1(dashboardLayout(5).top.first, LIST_COLUMNS.name))).toBe('C');
    expectTabShowsCore(built);
  });
});

describe('a roster sheet whose name needs quoting', () => {
  it("reads \"Team's roster 2026\" through correctly quoted references", () => {
    const built = build(handRoster(T), { sheet: "Team's roster 2026" });
    expect(built.engine.value(figureAddresses(built.d).spend!)).toBe(38_300);
    expectTabShowsCore(built);
  });
});
