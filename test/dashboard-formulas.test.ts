import { describe, expect, it } from 'vitest';
import { planComparison } from '../src/core/dashboard-status';
import { dayFromIso, isoOfDay, parseDateText, serialOfDay, type Day } from '../src/core/dates';
import { parseNumber } from '../src/core/parse';
import { detectRoster, type RosterField } from '../src/core/roster';
import { SAMPLE_FIELDS, sampleRoster, type SampleCell } from '../src/offline/sample';
import { LIST_COLUMNS } from '../src/plan/dashboard-lists';
import { dashboardLayout, dashboardSheetPlan } from '../src/plan/dashboard-sheet';
import type { Language } from '../src/plan/labels';
import { a1 } from '../src/plan/types';
import { figureAddresses, type DashboardEngine, type RosterCell } from './support/dashboard-engine';
import { HAND_BOTTOM, HAND_FIGURES, HAND_TOP, handRoster } from './support/dashboard-roster';
import { build, expectTabShowsCore, T, TODAY, type Built } from './support/dashboard-tab';

/**
 * The Dashboard tab's promise: its formulas, evaluated by a real formula engine over the roster, show the core's
 * figures; a row added to or removed from the roster moves them; and no cell ever shows an error value.
 */

describe('the Dashboard tab over a hand-made roster, in a formula engine', () => {
  const built = build(handRoster(T));
  const at = figureAddresses(built.d);

  it('shows every figure as worked out by hand', () => {
    for (const [id, expected] of Object.entries(HAND_FIGURES)) {
      if (expected === null) expect(built.engine.value(at[id]!), id).toBe('n/a');
      else expect(built.engine.value(at[id]!), id).toBeCloseTo(expected, 9);
    }
  });

  it('lists the top and bottom influencers by ROAS as worked out by hand', () => {
    const L = dashboardLayout(5);
    const list = (first: number, n: number) =>
      Array.from({ length: n }, (_, k) => ({
        name: built.engine.value(a1(first + k, LIST_COLUMNS.name)),
        row: built.engine.value(a1(first + k, LIST_COLUMNS.row)),
        roas: built.engine.value(a1(first + k, LIST_COLUMNS.roas)),
      }));
    expect(list(L.top.first, 5)).toEqual(HAND_TOP);
    expect(list(L.bottom.first, 3)).toEqual([...HAND_BOTTOM, { name: '', row: '', roas: '' }]);
    expect(built.engine.value(a1(L.top.first, LIST_COLUMNS.tier))).toBe('Micro');
    expect(built.engine.value(a1(L.bottom.first, LIST_COLUMNS.tier))).toBe(''); // Jo has no follower count
    expect(built.engine.value(a1(L.ranked, 2))).toBe(7);
  });

  it('agrees with the core on every figure, list entry and colour', () => expectTabShowsCore(built));

  it('colours tiles and statuses with rules that read only the tab itself', () => {
    const plan = dashboardSheetPlan(built.d, { language: 'en', currency: 'CNY' });
    expect(plan.rules!.length).toBeGreaterThan(0);
    for (const rule of plan.rules!) expect(rule.formula).not.toMatch(/!|INDIRECT/);
    expect(plan.protection).toEqual({ warningOnly: true, description: expect.stringContaining('Refresh dashboard') });
    expect(plan.charts!.map((c) => c.type)).toEqual(['COLUMN', 'PIE', 'BAR']);
  });

  it('writes formulas Sheets and the engine both know: no QUERY, FILTER, SORT, LET or custom function', () => {
    const plan = dashboardSheetPlan(built.d, { language: 'en', currency: 'CNY' });
    const formulas = plan.blocks.flatMap((b) => b.cells.flat()).flatMap((c) => (c.formula ? [c.formula] : []));
    expect(formulas.length).toBeGreaterThan(50);
    const used = new Set(formulas.flatMap((f) => f.replace(/"[^"]*"/g, '').match(/[A-Z][A-Z.]*(?=\()/g) ?? []));
    expect([...used].sort()).toEqual(['ARRAYFORMULA', 'IF', 'IFERROR', 'INDEX', 'INT', 'ISNUMBER', 'LARGE', 'MIN', 'ROUND', 'ROW', 'ROWS', 'SEQUENCE', 'SMALL', 'SUM', 'TODAY', 'TRIM']);
  });
});
describe('plan against actual, with an Allocation tab in the workbook', () => {
  const built = build(handRoster(T), { allocation: true });
  const L = dashboardLayout(5);

  it('reads the planned budget per tier from the Allocation tab and compares the spend with it', () => {
    const plan = planComparison(built.d)!;
    // Maturity stage on 300,000: Mega 5%, Macro 15%, Mid 50%, Micro 30%, Nano 0%.
    expect(plan.tiers.map((t) => t.budget)).toEqual([15_000, 45_000, 150_000, 90_000, 0]);
    plan.tiers.forEach((tier, i) => {
      expect(built.engine.value(a1(L.tierFirst + i, 8))).toBe(tier.budget);
      const share = built.engine.value(a1(L.tierFirst + i, 9));
      if (tier.spendOfPlan === null) expect(share).toBe('n/a');
      else expect(share).toBeCloseTo(tier.spendOfPlan, 9);
    });
    expect(built.engine.value(a1(L.tierTotal, 8))).toBe(300_000);
    const spendTile = L.tiles(1);
    expect(built.engine.value(a1(spendTile.row + 2, spendTile.column))).toBeCloseTo(38_300 / 300_000, 9);
    expectTabShowsCore(built);
  });
});

describe('rows added to and removed from the roster move the tab without a refresh', () => {
  const kim: RosterCell[] = ['Kim', 700_000, 5_000, 20_000, 20, 'Active', { serial: T + 5 }, { serial: T - 1 }, 'Unpaid', null];
  const set = (engine: DashboardEngine, row: number, cells: RosterCell[]): void => {
    engine.hf.setCellContents({ sheet: engine.rosterId, row: row - 1, col: 0 }, [cells.map((c) => (c === null ? null : typeof c === 'object' ? c.serial : typeof c === 'string' ? `'${c}` : c))]);
  };

  it('counts a row inserted in the middle of the roster', () => {
    const built = build(handRoster(T));
    built.engine.hf.addRows(built.engine.rosterId, [3, 1]); // a new sheet row 4, above Cat
    set(built.engine, 4, kim);
    const at = figureAddresses(built.d);
    const v = (id: string): unknown => built.engine.value(at[id]!);
    expect(v('active')).toBe(5);
    expect(v('active@0')).toBe(2);
    expect(v('spend')).toBe(43_300);
    expect(v('roas@0')).toBeCloseTo(56_000 / 25_000, 9);
    expect(v('cpa')).toBeCloseTo(41_800 / 510, 9);
    expect(v('contractsExpiring')).toBe(3);
    expect(v('paymentsOverdue')).toBe(2);
    // Kim's ROAS 4 ties with Cat's and Kim is now higher up; Bob drops out of the top 5 into the bottom list.
    const rows = [...handRoster(T).slice(0, 2), kim, ...handRoster(T).slice(2)];
    const after = { ...built, d: build(rows).d };
    expect(after.d.lists.top.map((e) => e.name)).toEqual(['Eve', 'Kim', 'Cat', 'Dan', 'Ivy']);
    expect(after.d.lists.bottom.map((e) => e.name)).toEqual(['Jo', 'Ann', 'Bob']);
    expectTabShowsCore(after);
  });

  it('counts a row typed below the last one, within the sheet', () => {
    const built = build(handRoster(T));
    set(built.engine, 12, kim);
    const after = { ...built, d: build([...handRoster(T), kim]).d };
    expect(built.engine.value(figureAddresses(built.d).active!)).toBe(5);
    expectTabShowsCore(after);
  });

  it('drops a row removed from the roster', () => {
    const built = build(handRoster(T));
    built.engine.hf.removeRows(built.engine.rosterId, [1, 1]); // Ann
    const at = figureAddresses(built.d);
    expect(built.engine.value(at.active!)).toBe(3);
    expect(built.engine.value(at.spend!)).toBe(18_300);
    expect(built.engine.value(at.revenue!)).toBe(57_500);
    expect(built.engine.value(at.contractsExpiring!)).toBe(1);
    expect(built.engine.value(at.paymentsOverdue!)).toBe(0);
    expectTabShowsCore({ ...built, d: build(handRoster(T).slice(1)).d });
  });
});

describe('no error value on a tab over an empty or tiny roster', () => {
  const cases: Array<[string, RosterCell[][], string[]?]> = [
    ['an empty roster', []],
    ['a one-row roster', [handRoster(T)[0]!]],
    ['a single prospect', [handRoster(T)[7]!]],
    ['a roster of names and followers only', [['Ann', 600_000]], ['Name', 'Followers']],
    ['an empty roster of names only', [], ['Name', 'Handle']],
  ];
  it.each(cases)('%s', (_, rows, header) => {
    const built = build(rows, { header, lastRow: 3 });
    expect(built.engine.errors()).toEqual([]);
    expectTabShowsCore(built);
  });

  it('in Chinese, with an Allocation tab, on an empty roster', () => {
    const built = build([], { language: 'zh', allocation: true });
    expect(built.engine.errors()).toEqual([]);
    expect(built.engine.value(figureAddresses(built.d).roas!)).toBe('暂无');
  });
});
const TIME_ZONE = 'Asia/Shanghai';
/** Midnight of a day in Shanghai, as getValues hands a date cell of a Shanghai workbook to the script. */
const shanghaiMidnight = (day: Day): Date => new Date(Date.UTC(day.y, day.m - 1, day.d) - 8 * 3_600_000);

const DATE_FIELDS = new Set<RosterField>(['lastContacted', 'contractEnd', 'rightsEnd', 'paymentDue']);

/** The sample with the numbers and dates it writes as text retyped as real ones, as a team would fix them. */
function retyped(rows: SampleCell[][]): SampleCell[][] {
  return rows.map((r) =>
    r.map((c, i) => {
      if (typeof c !== 'string') return c;
      const field = SAMPLE_FIELDS[i]!;
      if (DATE_FIELDS.has(field)) {
        const day = parseDateText(c);
        return day ? { date: isoOfDay(day) } : c;
      }
      const n = parseNumber(c, 'number');
      return field !== 'name' && field !== 'handle' && n.ok && n.value !== null ? n.value : c;
    }),
  );
}

function sampleBuilt(language: Language, rows: SampleCell[][]): Built {
  const sample = sampleRoster({ language, today: isoOfDay(TODAY) });
  const day = (c: { date: string }): Day => dayFromIso(c.date)!;
  const engineRows: RosterCell[][] = rows.map((r) => r.map((c) => (c !== null && typeof c === 'object' ? { serial: serialOfDay(day(c)) } : c)));
  const coreRows = rows.map((r) => r.map((c) => (c === null ? '' : typeof c === 'object' ? shanghaiMidnight(day(c)) : c)));
  const roster = detectRoster(sample.sheetName, [sample.headers])!;
  expect(Object.keys(roster.columns).length).toBe(sample.headers.length);
  return build(engineRows, { header: sample.headers, sheet: sample.sheetName, lastRow: rows.length + 50, language, timeZone: TIME_ZONE, coreRows, allocation: true });
}

describe.each(['en', 'zh'] as const)('the %s sample roster', (language) => {
  const sample = sampleRoster({ language, today: isoOfDay(TODAY) });

  it('as exported: live figures equal the core; those reading text numbers or dates are values as of the refresh', () => {
    const built = sampleBuilt(language, sample.rows);
    const asOf = Object.values(built.d.figures).filter((f) => f.asOf.length > 0).map((f) => f.id);
    expect(asOf).toContain('revenue'); // the sample writes some revenue as 3.4万 / 12.5k
    expect(asOf).not.toContain('spend');
    expect(built.d.textCells.map((c) => c.field)).toContain('revenue');
    expectTabShowsCore(built);
  });

  it('with its text retyped as numbers and dates: every figure is live and equals the core', () => {
    const built = sampleBuilt(language, retyped(sample.rows));
    expect(built.d.textCells).toEqual([]);
    expect(Object.values(built.d.figures).filter((f) => f.asOf.length > 0)).toEqual([]);
    expect(built.d.lists.count).toBeGreaterThan(10);
    expect(built.d.figures.active!.value).toBeGreaterThan(0);
    expect(built.d.figures.contractsExpiring!.value).toBeGreaterThan(0);
    expect(built.d.figures.paymentsOverdue!.value).toBeGreaterThan(0);
    expect(built.d.figures.followUpsDue!.value).toBeGreaterThan(0);
    expectTabShowsCore(built);
  });
});
