import { describe, expect, it } from 'vitest';
import { buildDashboardModel, type DashboardInput } from '../../src/core/dashboard';
import { count, figureFormula } from '../../src/core/dashboard-expr';
import { textIs } from '../../src/core/alerts-expr';
import { dashboardSummary, funnelStatus, planComparison, tierRoasStatus, tileStatus } from '../../src/core/dashboard-status';
import { serialOfDay } from '../../src/core/dates';
import { mapHeaders } from '../../src/core/roster';
import { DEFAULT_SETTINGS, mergeSettings } from '../../src/core/settings';
import { HAND_BOTTOM, HAND_FIGURES, HAND_TOP, HEADER, handRoster } from '../support/dashboard-roster';
import type { RosterCell } from '../support/dashboard-engine';

const TODAY = serialOfDay({ y: 2026, m: 3, d: 31 });
const NOW = '2026-03-31T09:30';

/** Rows as getValues gives them to the core: blanks as '', dates here as serial numbers (a number-formatted date). */
const values = (rows: RosterCell[][]): unknown[][] => rows.map((r) => r.map((c) => (c === null ? '' : typeof c === 'object' ? c.serial : c)));

function model(rows: RosterCell[][], over: Partial<DashboardInput> = {}, header = HEADER) {
  return buildDashboardModel({
    roster: { sheet: 'Roster', headerRow: 1, columns: mapHeaders(header) },
    rows: values(rows),
    lastRow: 200,
    settings: DEFAULT_SETTINGS,
    now: NOW,
    timeZone: 'UTC',
    ...over,
  });
}

const expectFigure = (actual: number | null | undefined, expected: number | null, id: string): void => {
  if (expected === null) expect(actual, id).toBeNull();
  else expect(actual, id).toBeCloseTo(expected, 9);
};

describe('the dashboard figures of a hand-made roster', () => {
  const d = model(handRoster(TODAY));

  it('computes every figure as worked out by hand', () => {
    expect(Object.keys(d.figures).sort()).toEqual(Object.keys(HAND_FIGURES).sort());
    for (const [id, expected] of Object.entries(HAND_FIGURES)) expectFigure(d.figures[id]!.value, expected, id);
  });

  it('lists the top 5 and bottom 5 by ROAS, equal ROAS in roster order, no one in both lists', () => {
    expect(d.lists.count).toBe(7);
    expect(d.lists.top.map(({ name, row, roas }) => ({ name, row, roas }))).toEqual(HAND_TOP);
    expect(d.lists.bottom.map(({ name, row, roas }) => ({ name, row, roas }))).toEqual(HAND_BOTTOM);
    expect(d.lists.top.map((e) => (e.tier === null ? null : d.tiers[e.tier]!.name))).toEqual(['Micro', 'Mid', 'Mid', 'Mid', 'Macro']);
    expect(d.lists.bottom[0]).toMatchObject({ name: 'Jo', tier: null, spend: 500, revenue: 500 });
  });

  it('colours the tiles, the pipeline rates and the tier ROAS by the default bands', () => {
    const tiles = tileStatus(d);
    expect(Object.fromEntries(Object.entries(tiles).map(([id, s]) => [id, s.colour]))).toEqual({
      activeInfluencers: 'red', // 4, below 35
      spend: null, // no plan to judge against
      revenue: null,
      roas: 'yellow', // 2.44: from 2.0, below the 3.0 target
      cpa: 'yellow', // 75.1: above 40, up to 80
      contractsExpiring: 'green', // 2, up to 2
      paymentsOverdue: 'yellow', // 1: above 0, up to 2
      followUpsDue: 'green', // 1, up to 5
    });
    expect(Object.values(funnelStatus(d)).map((s) => s.colour)).toEqual(['green', 'green', null, 'red']);
    expect(tierRoasStatus(d).map((s) => s.colour)).toEqual(['red', 'yellow', 'green', 'green', null, 'yellow']);
  });

  it('says which figures the roster cannot give, and why', () => {
    expect(d.figures.partnershipToRepeat).toMatchObject({ def: null, na: { code: 'no-repeat-column' } });
    expect(d.textCells).toEqual([]);
    expect(Object.values(d.figures).every((f) => f.asOf.length === 0)).toBe(true);
  });

  it('compares spend by tier with the Allocation tab when there is one', () => {
    const plan = {
      sheetName: 'Allocation',
      budget: { mega: 15_000, macro: 45_000, mid: 150_000, micro: 90_000, nano: 0 },
      revenue: { mega: 10_000, macro: 20_000, mid: 60_000, micro: 30_000, nano: 0 },
    };
    const withPlan = model(handRoster(TODAY), { allocation: plan });
    const compared = planComparison(withPlan)!;
    expect(compared.tiers.map((t) => t.budget)).toEqual([15_000, 45_000, 150_000, 90_000, 0]);
    const shares = compared.tiers.map((t) => t.spendOfPlan);
    [20_000 / 15_000, 10_000 / 45_000, 7_000 / 150_000, 800 / 90_000].forEach((v, i) => expect(shares[i]).toBeCloseTo(v, 12));
    expect(shares[4]).toBeNull(); // nothing planned for Nano
    expect(compared.total.spendOfPlan).toBeCloseTo(38_300 / 300_000, 12);
    expect(compared.total.revenueOfPlan).toBeCloseTo(93_500 / 120_000, 12);
    const tiles = tileStatus(withPlan);
    expect(tiles.spend.colour).toBe('green'); // 13% of the plan, within budget
    expect(tiles.revenue.colour).toBe('red'); // 78% of the forecast, below 80%
  });
});

describe('figures a formula cannot read live', () => {
  it('reads numbers and dates written as text, marks the figures that read them, and names the cells', () => {
    const rows = handRoster(TODAY);
    rows[9]![3] = '¥500'; // Jo's revenue as text
    rows[5]![9] = '2026/03/23'; // Fay contacted 8 days ago, written as text
    const d = model(rows);
    expect(d.figures.revenue!.value).toBe(93_500);
    expect(d.figures.followUpsDue!.value).toBe(1);
    expect(d.textCells).toEqual([
      { field: 'revenue', column: 4, header: 'Revenue', reason: 'text-number', rows: [11], examples: ['¥500'] },
      { field: 'lastContacted', column: 10, header: 'Last contacted', reason: 'text-date', rows: [7], examples: ['2026/03/23'] },
    ]);
    const asOf = Object.values(d.figures).filter((f) => f.asOf.length).map((f) => f.id).sort();
    expect(asOf).toEqual(['followUpsDue', 'revenue', 'revenue@0', 'revenue@1', 'revenue@2', 'revenue@3', 'revenue@4', 'roas', 'roas@0', 'roas@1', 'roas@2', 'roas@3', 'roas@4'].sort());
    expect(d.lists.asOf.map((c) => c.field)).toEqual(['revenue']);
    expect(d.lists.bottom[0]).toMatchObject({ name: 'Jo', roas: 1 });
    const summary = dashboardSummary(d);
    expect(summary.asOf).toContain('followUpsDue');
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary); // google.script.run passes it as is
  });
});

describe('rosters with fewer columns', () => {
  it('counts rows with spend as active without a status column, and gives no pipeline', () => {
    const header = ['Name', 'Followers', 'Spend', 'Revenue'];
    const rows = handRoster(TODAY).map((r) => r.slice(0, 4));
    const d = model(rows, {}, header);
    expect(d.activeBy).toBe('spend');
    expect(d.figures.active!.value).toBe(7);
    expect(d.figures['active@2']!.value).toBe(3); // Cat, Dan, Ivy
    expect(d.figures.reached).toMatchObject({ value: null, na: { code: 'missing-columns', needs: [['status']] } });
    expect(d.figures.churn).toMatchObject({ value: null, na: { code: 'missing-columns', needs: [['status', 'contractEnd']] } });
    expect(d.figures.cpa!.na).toEqual({ code: 'missing-columns', needs: [['spend', 'conversions'], ['cost', 'conversions']] });
    expect(d.figures.contractsExpiring!.na).toMatchObject({ code: 'alert-skipped', reason: { code: 'missing-columns' } });
  });

  it('takes spend from the cost column of partnerships only, when there is no spend column', () => {
    const header = ['Name', 'Followers', 'Cost', 'Revenue', 'Status'];
    const rows: RosterCell[][] = [
      ['A', 20_000, 2_000, 8_000, 'Active'],
      ['B', 20_000, 3_000, 3_000, 'Inactive'],
      ['C', 20_000, 5_000, null, 'Prospect'], // a quote, not money spent
      ['D', 20_000, 1_000, null, 'Paused'], // spent, no revenue figure yet
    ];
    const d = model(rows, {}, header);
    expect(d.spendField).toBe('cost');
    expect(d.figures.spend!.value).toBe(6_000);
    expect(d.figures.roas!.value).toBeCloseTo(11_000 / 5_000, 12); // D's spend has no revenue to set against
    expect(d.lists.top.map((e) => e.name)).toEqual(['A', 'B']);
  });

  it('follows a team tier table, leaving accounts below its smallest tier out of every tier', () => {
    const settings = mergeSettings({ tierScheme: { custom: [{ tier: 'KOC', minFollowers: 1_000 }, { tier: 'KOL', minFollowers: 100_000 }] } });
    const d = model(handRoster(TODAY), { settings });
    expect(d.tiers.map((t) => [t.name, t.min, t.below])).toEqual([
      ['KOL', 100_000, null],
      ['KOC', 1_000, 100_000],
    ]);
    expect(d.figures['spend@0']!.value).toBe(30_000); // Ann, Bob
    expect(d.figures['spend@1']!.value).toBe(7_800); // Cat, Dan, Eve, Ivy
    expect(d.figures.spend!.value).toBe(38_300);
  });
});

describe('an empty roster', () => {
  it('gives zero counts and n/a ratios', () => {
    const d = model([]);
    expect(d.figures.active!.value).toBe(0);
    expect(d.figures.spend!.value).toBe(0);
    expect(d.figures.roas!.value).toBeNull();
    expect(d.figures.outreachToResponse!.value).toBeNull();
    expect(d.lists).toMatchObject({ count: 0, top: [], bottom: [] });
  });
});

describe('inputs', () => {
  it('refuses a last row above the first data row and a malformed time', () => {
    expect(() => model([], { lastRow: 1 })).toThrow(/last row/);
    expect(() => model([], { now: '31/03/2026' })).toThrow(/wall-clock/);
  });

  it('records the refresh time as a serial number on the spreadsheet clock', () => {
    const d = model([]);
    expect(d.refreshed.serial).toBeCloseTo(TODAY + 9.5 / 24, 9);
    expect(d.refreshed.text).toBe('2026-03-31 09:30');
  });

  it('refuses to write a figure that would count the blank rows below the roster', () => {
    const everyoneButActive = count({ cond: textIs('status', ['Active'], true) });
    expect(() => figureFormula(everyoneButActive, () => 'Roster!$F$2:$F$100', 'n/a')).toThrow(/filled cell/);
  });
});
