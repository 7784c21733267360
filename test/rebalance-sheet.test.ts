import { describe, expect, it } from 'vitest';
import { TIER_SCHEMES } from '../src/core/domain';
import type { PerformanceRecord } from '../src/core/performance';
import { toPerformanceRecords } from '../src/core/performance-records';
import { rebalanceModel, type RebalanceModel } from '../src/core/rebalance';
import { mapHeaders } from '../src/core/roster';
import { sampleRoster } from '../src/offline/sample';
import { mergeHistory, readHistory } from '../src/plan/history-sheet';
import { rebalanceLayout, rebalanceSheetPlan, type RebalanceSheetInput } from '../src/plan/rebalance-sheet';
import { a1, type SheetPlan } from '../src/plan/types';
import { createEngine, planGrid, type Engine } from './support/formula-engine';

/**
 * The Rebalance tab's formulas, evaluated by a real formula engine, agree with the core's figures and with figures
 * worked out by hand.
 */

const record = (row: number, tier: string, spend: number | null, revenue: number | null, extra: Partial<PerformanceRecord> = {}): PerformanceRecord => ({
  row, name: `creator ${row}`, platform: 'Douyin', tier, followers: null, spend, costPerPost: null, revenue,
  impressions: null, engagements: null, conversions: null, status: 'Active', quarter: '2026-Q3', ...extra,
});

/**
 * Two tiers, a handful of influencers: too few for a curve, so each tier keeps returning its average ROAS (the
 * seed's rule) and the proposal moves the 5 points the bounds allow from the lower-ROAS tier to the higher.
 *
 * Mid: ¥6,000 -> ¥30,000 and ¥4,000 -> ¥8,000, plus ¥2,000 with no revenue figure: spend ¥12,000, revenue ¥38,000,
 * ROAS 38,000 / 10,000 = 3.8 (the row without revenue does not count against it).
 * Micro: ¥5,000 -> ¥25,000, ¥3,000 -> ¥12,000, ¥2,000 -> ¥8,000, and a prospect with no spend: ROAS 45,000 / 10,000 = 4.5.
 */
const TINY: PerformanceRecord[] = [
  record(2, 'Mid', 6_000, 30_000, { impressions: 200_000, engagements: 10_000, conversions: 200, name: '=HYPERLINK("x")' }),
  record(3, 'Mid', 4_000, 8_000, { impressions: 100_000, engagements: 5_000, conversions: 50 }),
  record(4, 'Mid', 2_000, null, { engagements: 3_000 }),
  record(5, 'Micro', 5_000, 25_000, { impressions: 80_000, engagements: 8_000, conversions: 250 }),
  record(6, 'Micro', 3_000, 12_000, { engagements: 6_000, conversions: 100 }),
  record(7, 'Micro', 2_000, 8_000, { engagements: 4_000 }),
  record(8, 'Micro', null, null, { status: 'Prospect' }),
];
const TINY_TIERS = ['Mid', 'Micro'];

function sheetInput(model: RebalanceModel, overrides: Partial<RebalanceSheetInput> = {}): RebalanceSheetInput {
  return {
    model,
    quarter: model.quarter!,
    quarterSource: 'data',
    budget: model.proposal.ok ? model.proposal.budget : model.calibration.spend,
    budgetSource: 'spend',
    plan: null,
    bounds: { minShare: 0.03, maxChange: 0.05 },
    targetRoas: 3,
    currency: 'CNY',
    language: 'en',
    rosterSheet: 'Roster',
    unreadCells: 0,
    ...overrides,
  };
}

const SHEET = 'Rebalance';

/**
 * Equal to 10 significant digits: the formula engine, like Sheets, rounds its results to about that precision, so
 * a formula that reads the core's figure back can differ from it in the twelfth digit.
 */
function near(actual: unknown, expected: number, what = ''): void {
  expect(typeof actual, what).toBe('number');
  expect(Math.abs((actual as number) - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}
const engineFor = (plan: SheetPlan): Engine => createEngine({ [SHEET]: planGrid(plan) });

/** Every cell of the tab that evaluates to an error, with its address. */
function errors(engine: Engine, plan: SheetPlan): string[] {
  const grid = planGrid(plan);
  const out: string[] = [];
  grid.forEach((line, r) =>
    line.forEach((_, c) => {
      const v = engine.value(SHEET, a1(r + 1, c + 1));
      if (typeof v === 'string' && v.startsWith('#ERROR')) out.push(`${a1(r + 1, c + 1)} ${v}`);
    }),
  );
  return out;
}

describe('the Rebalance tab on a hand-made roster (2 tiers, 7 influencers)', () => {
  const model = rebalanceModel(TINY, { tiers: TINY_TIERS });
  const plan = rebalanceSheetPlan(sheetInput(model));
  const L = rebalanceLayout(2);
  const engine = engineFor(plan);
  const v = (row: number, column: number) => engine.value(SHEET, a1(row, column));

  it('is the quarter\'s own tab: "Rebalance 2026-Q3", marked with its quarter', () => {
    expect(plan.title).toBe('Rebalance 2026-Q3');
    expect(plan.kind).toBe('rebalance:2026-Q3');
    expect(v(1, 1)).toBe('Quarterly rebalance: 2026-Q3 reviewed, mix proposed for 2026-Q4');
  });

  it('computes ROAS, CPM, CPE and CPA per tier with live formulas over the spend that has each figure', () => {
    const row = (i: number) => [4, 5, 6, 7, 11, 12, 13].map((c) => v(L.perf.first + i, c));
    // Mid: CPM = (6,000 + 4,000) / 300,000 x 1,000 = 33.33; CPE = 12,000 / 18,000 = 0.667; CPA = 10,000 / 250 = 40.
    const mid = row(0);
    expect(mid.slice(0, 4)).toEqual([12_000, 38_000, 3.8, 'On target']);
    expect(mid[4]).toBeCloseTo(33.3333, 3);
    expect(mid[5]).toBeCloseTo(0.6667, 3);
    expect(mid[6]).toBeCloseTo(40, 9);
    // Micro: CPM = 5,000 / 80,000 x 1,000 = 62.5; CPE = 10,000 / 18,000 = 0.556; CPA = 8,000 / 350 = 22.86.
    const micro = row(1);
    expect(micro.slice(0, 4)).toEqual([10_000, 45_000, 4.5, 'On target']);
    expect(micro[4]).toBeCloseTo(62.5, 9);
    expect(micro[5]).toBeCloseTo(0.5556, 3);
    expect(micro[6]).toBeCloseTo(22.857, 3);
    // Total: 83,000 / 20,000 = 4.15.
    expect(v(L.perf.total, 6)).toBeCloseTo(4.15, 9);
  });

  it('agrees with the core on every ratio', () => {
    [...model.performance.tiers, model.performance.total].forEach((p, i) => {
      const row = L.perf.first + i;
      for (const [column, value] of [[6, p.roas], [11, p.cpm], [12, p.cpe], [13, p.cpa]] as const) {
        if (value === null) expect(v(row, column), `${p.tier} column ${column}`).toBe('');
        else near(v(row, column), value, `${p.tier} column ${column}`);
      }
    });
  });

  it('moves 5 points from Mid (ROAS 3.8) to Micro (4.5), with budgets following the budget cell', () => {
    // Current: 12,000 / 22,000 = 54.55% and 45.45%; proposed 49.55% and 50.45% of ¥22,000 = ¥10,900 and ¥11,100.
    near(v(L.mix.first, 3), 12 / 22);
    near(v(L.mix.first + 1, 3), 10 / 22);
    expect(v(L.mix.first, 5) as number).toBeCloseTo(-5, 9);
    expect(v(L.mix.first + 1, 5) as number).toBeCloseTo(5, 9);
    expect(v(L.mix.first, 6) as number).toBeCloseTo(10_900, 6);
    expect(v(L.mix.first + 1, 6) as number).toBeCloseTo(11_100, 6);
    expect([v(L.mix.first, 9), v(L.mix.first + 1, 9)]).toEqual(['Yes', 'Yes']);
  });

  it('expects ROAS 4.118 at the current mix and 4.153 at the proposal, and names the model', () => {
    // Current: 3.8 x 12,000 + 4.5 x 10,000 = 90,600 on 22,000 = 4.1182; proposal: 3.8 x 10,900 + 4.5 x 11,100 = 91,370 = 4.1532.
    const E = L.expected;
    expect(v(E.current, 2) as number).toBeCloseTo(90_600, 6);
    expect(v(E.current, 3) as number).toBeCloseTo(90_600 / 22_000, 9);
    expect(v(E.proposed, 2) as number).toBeCloseTo(91_370, 6);
    expect(v(E.proposed, 3) as number).toBeCloseTo(91_370 / 22_000, 9);
    expect(v(E.change, 2) as number).toBeCloseTo(770, 6);
    if (!model.proposal.ok) throw new Error('no proposal');
    near(v(E.current, 3), model.proposal.before.roas!);
    near(v(E.proposed, 3), model.proposal.after.roas!);
    expect(v(E.model, 2)).toBe('Average ROAS (seed rule): too little data for a response curve.');
    // Both tiers stop at a bound: there is no level the tiers settle at to quote.
    expect(v(L.mix.first, 13)).toBe('Mid 54.5% → 49.5%. ROAS 3.80 (target 3.00); its next ¥1 returns ¥3.80, less than the others; moved by the most a quarter allows (5 points).');
    expect(v(L.mix.first + 1, 13)).toBe('Micro 45.5% → 50.5%. ROAS 4.50 (target 3.00); its next ¥1 returns ¥4.50, more than the others; moved by the most a quarter allows (5 points).');
  });

  it('lists Renew / Review / End / Not enough data by tier, names written as text', () => {
    const lists = Object.fromEntries(plan.lists.map((p) => [p.list, p]));
    const names = (list: string) => Array.from({ length: lists[list]!.rows }, (_, i) => v(lists[list]!.first + i, 2));
    // Mid: creator 2 (ROAS 5) renews, creator 3 (2.0) is reviewed; Micro: creator 5 (5.0) renews, 6 and 7 (4.0) reviewed.
    expect(names('renew')).toEqual([expect.anything(), 'creator 5']);
    // A name that looks like a formula is a value of the plan, never a formula (the renderer writes it as text).
    const cell = plan.blocks.find((b) => b.row === L.lists)!.cells[lists.renew!.first - L.lists]![1]!;
    expect(cell).toEqual({ value: '=HYPERLINK("x")' });
    expect(names('review')).toEqual(['creator 3', 'creator 6', 'creator 7']);
    expect(names('end')).toEqual([]);
    expect(names('notEnoughData')).toEqual(['creator 4', 'creator 8']);
    expect(v(lists.renew!.first, 6)).toBe(5);
    expect(v(lists.notEnoughData!.first, 7)).toBe('no revenue figure');
    expect(v(lists.end!.first, 1)).toBe('None');
  });

  it('flags a proposal outside bounds the exec tightened, and follows a new budget', () => {
    const edited = engineFor(plan);
    edited.set(SHEET, a1(L.maxChange.row, L.maxChange.column), 0.01);
    edited.set(SHEET, a1(L.budget.row, L.budget.column), 44_000);
    expect(edited.value(SHEET, a1(L.mix.first, 9))).toBe('No: run the rebalance again');
    expect(edited.value(SHEET, a1(L.mix.first + 1, 6)) as number).toBeCloseTo(22_200, 6);
  });

  it('evaluates without a single error value', () => {
    expect(errors(engine, plan)).toEqual([]);
  });

  it('speaks Chinese in a Chinese workbook: tab name, tier names, sentences', () => {
    const zh = rebalanceSheetPlan(sheetInput(model, { language: 'zh' }));
    const e = engineFor(zh);
    expect(zh.title).toBe('季度调配 2026-Q3');
    expect(e.value(SHEET, a1(L.perf.first, 1))).toBe('腰部');
    expect(e.value(SHEET, a1(L.perf.first + 1, 7))).toBe('达标');
    expect(String(e.value(SHEET, a1(L.mix.first + 1, 13)))).toMatch(/^尾部 45\.5% → 50\.5%。投产比 4\.50（目标 3\.00）/);
    expect(errors(e, zh)).toEqual([]);
  });
});

describe('the Rebalance tab on the sample roster (300 influencers, Hill curves)', () => {
  const sample = sampleRoster({ quarters: 0 }); // one period: no Period column
  const columns = Object.fromEntries(Object.entries(mapHeaders(sample.headers)).map(([field, found]) => [field, found!.column]));
  const rows = sample.rows.map((r) => r.map((c) => (c && typeof c === 'object' ? c.date : c)));
  const { records } = toPerformanceRecords(rows, columns, TIER_SCHEMES.matrix);
  const tiers = TIER_SCHEMES.matrix.map((b) => b.tier);
  const model = rebalanceModel(records, { tiers, quarter: '2026-Q1' });
  const plan = rebalanceSheetPlan(sheetInput(model));
  const L = rebalanceLayout(5);
  const engine = engineFor(plan);
  const v = (row: number, column: number) => engine.value(SHEET, a1(row, column));
  if (!model.proposal.ok) throw new Error(model.proposal.message);
  const proposal = model.proposal;

  it("evaluates each tier's Hill curve to the core's expected revenue, at the current and the proposed mix", () => {
    expect(model.method).toBe('marginal-roas');
    proposal.tiers.forEach((t, i) => {
      near(v(L.mix.first + i, 3), t.from, t.tier);
      near(v(L.mix.first + i, 7), t.revenueFrom!, t.tier);
      near(v(L.mix.first + i, 8), t.revenueTo!, t.tier);
    });
    near(v(L.expected.current, 3), proposal.before.roas!);
    near(v(L.expected.proposed, 3), proposal.after.roas!);
    expect(v(L.expected.proposed, 3) as number).toBeGreaterThan(v(L.expected.current, 3) as number);
  });

  it('agrees with the core on every tier ratio, and every move is within the bounds with its reason', () => {
    model.performance.tiers.forEach((p, i) => {
      for (const [column, value] of [[6, p.roas], [11, p.cpm], [12, p.cpe], [13, p.cpa]] as const) {
        near(v(L.perf.first + i, column), value!, `${p.tier} ${column}`);
      }
      expect(v(L.mix.first + i, 9)).toBe('Yes');
      expect(String(v(L.mix.first + i, 13))).toMatch(new RegExp(`^${p.tier} \\d+\\.\\d% → \\d+\\.\\d%\\. ROAS`));
    });
    expect(String(v(L.expected.model, 2))).toMatch(/^Hill curve calibrated on \d+ influencers \(1 quarter\)\.$/);
  });

  it('lists every influencer of the quarter once, with ROAS formulas matching the core', () => {
    const listed = plan.lists.reduce((n, p) => n + p.rows, 0);
    expect(listed).toBe(records.length - records.filter((r) => r.tier === null).length);
    const renew = plan.lists.find((p) => p.list === 'renew')!;
    const first = model.decisions.flatMap((d) => d.ranked.filter((r) => r.decision === 'renew'))[0]!;
    expect(v(renew.first, 2)).toBe(first.name);
    near(v(renew.first, 6), first.roas);
    expect(errors(engine, plan)).toEqual([]);
  });
});

describe('the Rebalance tab when no mix can be proposed', () => {
  // Spend but no revenue figure anywhere: ROAS cannot be computed, so the tab says so instead of guessing a mix.
  const model = rebalanceModel(
    TINY.map((r) => ({ ...r, revenue: null })),
    { tiers: TINY_TIERS },
  );
  const plan = rebalanceSheetPlan(sheetInput(model));
  const L = rebalanceLayout(2);
  const engine = engineFor(plan);

  it('shows the current mix, says why there is no proposal, and draws no chart', () => {
    expect(model.proposal.ok).toBe(false);
    near(engine.value(SHEET, a1(L.mix.first, 3)), 12 / 22);
    expect(engine.value(SHEET, a1(L.mix.first, 4))).toBeNull();
    expect(engine.value(SHEET, a1(L.mix.note, 1))).toBe('No mix proposed: no tier has both spend and revenue in the quarter, so ROAS cannot be computed.');
    expect(plan.charts).toEqual([]);
    expect(errors(engine, plan)).toEqual([]);
  });
});

describe('History rows read back', () => {
  it('maps tier names in either language to the scheme, keeps a team tier as written, and skips rows edited into nonsense', () => {
    const rows = [
      ['2026-Q1', '头部', 3, 30_000, 54_000],
      ['2026-Q1', 'Macro', 10, 100_000, ''],
      ['2026-Q2', 'KOC', 4, 8_000, 20_000],
      ['next year', 'Mid', 1, 1, 1],
      ['2026-Q2', 'Mid', 1, 'a lot', 1],
      ['', '', '', '', ''],
    ];
    expect(readHistory(rows, ['Mega', 'Macro', 'Mid', 'Micro', 'Nano'])).toEqual([
      { quarter: '2026-Q1', tier: 'Mega', influencers: 3, spend: 30_000, revenue: 54_000 },
      { quarter: '2026-Q1', tier: 'Macro', influencers: 10, spend: 100_000, revenue: null },
      { quarter: '2026-Q2', tier: 'KOC', influencers: 4, spend: 8_000, revenue: 20_000 },
    ]);
  });

  it("replaces only the rebuilt quarter's rows, in time and tier order", () => {
    const row = (quarter: string, tier: string, spend: number) => ({ quarter, tier, spend, revenue: spend * 2, influencers: 1 });
    const merged = mergeHistory([row('2026-Q2', 'Mid', 1), row('2026-Q1', 'Mega', 2), row('2026-Q2', 'Mega', 3)], [row('2026-Q2', 'Mid', 9), row('2026-Q2', 'Mega', 8)], ['Mega', 'Mid']);
    expect(merged.map((r) => [r.quarter, r.tier, r.spend])).toEqual([
      ['2026-Q1', 'Mega', 2],
      ['2026-Q2', 'Mega', 8],
      ['2026-Q2', 'Mid', 9],
    ]);
  });
});
