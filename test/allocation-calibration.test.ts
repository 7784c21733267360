import { describe, expect, it } from 'vitest';
import { sampleRoster, type SampleCell } from '../src/offline/sample';
import { FORECAST } from '../src/plan/allocation-forecast';
import { LAYOUT } from '../src/plan/allocation-sheet';
import { a1 } from '../src/plan/types';
import type { AllocationPreview, BuildAllocationResult, SetupInfo } from '../src/shared/api';
import { loadAddon, type LoadedAddon } from './support/addon';
import { createEngine, snapshotGrids } from './support/formula-engine';

/**
 * The planner's forecast uses the rebalance's calibration when the roster has results, and the seed funnel only
 * when it has none (SPEC section 4: "a plan must never predict a tenth of what the team's own data shows"). Through
 * the built bundle, on the sample roster of the playground (300 influencers, a Period column over four quarters).
 *
 * The roster's own ROAS by tier is worked out here from the sample's rows, independently of the add-on: tiers by
 * SPEC's thresholds (Mega 500k+, Macro 100k+, Mid 10k+, Micro 1k+), revenue as exported (`12.5k` is 12,500).
 */

const TIERS = ['mega', 'macro', 'mid', 'micro', 'nano'] as const;
const tierOf = (followers: number): (typeof TIERS)[number] =>
  followers >= 500_000 ? 'mega' : followers >= 100_000 ? 'macro' : followers >= 10_000 ? 'mid' : followers >= 1_000 ? 'micro' : 'nano';
const money = (v: SampleCell): number | null => (typeof v === 'number' ? v : typeof v === 'string' ? Number(v.replace(/k$/, '')) * 1_000 : null);
const cell = (c: SampleCell): unknown => (c && typeof c === 'object' && 'date' in c ? new Date(`${c.date}T00:00:00Z`) : c);

const sample = sampleRoster();
const col = (header: string): number => sample.headers.indexOf(header);
const LATEST = '2026-Q1'; // the quarter of the sample's reference day, 2026-03-31

/** Spend, revenue and influencers with results per tier, in one quarter or in all of them. */
function rosterTotals(quarter: string | null) {
  const totals = Object.fromEntries(TIERS.map((t) => [t, { spend: 0, revenue: 0, influencers: 0 }]));
  for (const row of sample.rows) {
    const spend = money(row[col('Spend')]!);
    if (spend === null || (quarter !== null && row[col('Period')] !== quarter)) continue;
    const t = totals[tierOf(row[col('Followers')] as number)]!;
    t.spend += spend;
    t.revenue += money(row[col('Revenue')]!)!;
    t.influencers += 1;
  }
  return totals;
}

const sheetOf = (without: string[] = []): unknown[][] => {
  const keep = sample.headers.map((h, i) => (without.includes(h) ? -1 : i)).filter((i) => i >= 0);
  return [keep.map((i) => sample.headers[i]), ...sample.rows.map((r) => keep.map((i) => cell(r[i]!)))];
};

const preview = (addon: LoadedAddon, input: object) => addon.run('previewAllocation', input) as AllocationPreview;

describe('the planner on the sample roster, which has results', () => {
  const addon = loadAddon({ sheets: { Roster: sheetOf() } });
  const setup = addon.run('getSetup') as SetupInfo;
  const latest = rosterTotals(LATEST);
  const quarterSpend = TIERS.reduce((s, t) => s + latest[t]!.spend, 0);

  it("starts from the team's own mix: each tier's share of the latest quarter's spend, adding up to 100%", () => {
    expect(setup.teamMix).toMatchObject({ quarter: LATEST, spend: quarterSpend });
    for (const t of TIERS) expect(setup.teamMix!.mix[t]).toBeCloseTo(latest[t]!.spend / quarterSpend, 4);
    expect(TIERS.reduce((s, t) => s + setup.teamMix!.mix[t] * 10_000, 0)).toBe(10_000);
  });

  const start = { budget: setup.teamMix!.spend, period: 'quarter', stage: 'custom', mix: setup.teamMix!.mix };
  const plan = preview(addon, start);

  it('says it is calibrated on the influencers with results, over the four quarters', () => {
    const all = rosterTotals(null);
    expect(plan.forecast!.basis).toEqual({
      kind: 'calibrated',
      influencers: TIERS.reduce((n, t) => n + all[t]!.influencers, 0),
      quarter: LATEST,
      quarters: 4,
    });
  });

  it("forecasts each tier within 10% of the roster's own ROAS at the planner's starting plan", () => {
    const forecast: Record<string, number | null> = {};
    TIERS.forEach((t, i) => {
      const own = latest[t]!.revenue / latest[t]!.spend;
      forecast[t] = plan.tiers[i]!.roas;
      expect(plan.tiers[i]!.tier).toBe(t);
      expect(Math.abs(plan.tiers[i]!.roas! / own - 1), t).toBeLessThan(0.1);
      expect(plan.forecast!.tiers[i]!.teamRoas, t).toBeCloseTo(own, 6);
    });
    expect(plan.forecast!.tiers.map((t) => t.model)).toEqual(['average-roas', 'hill', 'hill', 'hill', 'hill']);
    // Far above the seed funnel's 0.225 for Mid: the team's data decides.
    expect(forecast.mid!).toBeGreaterThan(3);
  });

  it('reads the curves at the planned mix: a tier given less than the team gave it returns more on each yuan, one given more returns less', () => {
    const maturity = preview(addon, { budget: quarterSpend, period: 'quarter', stage: 'maturity' });
    const team = (t: (typeof TIERS)[number]) => latest[t]!.revenue / latest[t]!.spend;
    // Maturity gives Macro 15% (the team spent about 56% there), Mid 50% and Micro 30% (about 25% and 8%).
    expect(maturity.tiers[1]!.roas!).toBeGreaterThan(team('macro'));
    expect(maturity.tiers[2]!.roas!).toBeLessThan(team('mid'));
    expect(maturity.tiers[3]!.roas!).toBeLessThan(team('micro'));
    for (const i of [1, 2, 3]) expect(maturity.tiers[i]!.roas!, TIERS[i]).toBeGreaterThan(team(TIERS[i]!) / 2);
    // Nano gets nothing at maturity: it forecasts nothing.
    expect(maturity.tiers[4]).toMatchObject({ budget: 0, revenue: 0, roas: null });
  });

  it('forecasts nothing for a tier whose budget buys no post, whatever its curve says', () => {
    // ¥30,000 a month at the team's mix: Mega's share is below its cheapest post (¥10,000).
    const small = preview(addon, { ...start, budget: 30_000, period: 'month' });
    expect(small.warnings).toContainEqual(expect.objectContaining({ code: 'below-one-post', tier: 'mega' }));
    expect(small.tiers[0]).toMatchObject({ tier: 'mega', reach: 0, revenue: 0, roas: 0, belowOnePost: true });
    expect(small.tiers[2]!.roas!).toBeGreaterThan(3);
  });
});

describe('the Allocation tab on the sample roster', () => {
  for (const [locale, said] of [
    ['en_US', /^Revenue and ROAS: calibrated on (\d+) influencers \(Forecast model below\)\.$/],
    ['zh_CN', /^销售额和投产比：基于 (\d+) 位达人的结果校准（见下方预测模型）。$/],
  ] as const) {
    it(`computes with live formulas the forecast the planner shows, and says what it rests on (${locale})`, () => {
      const addon = loadAddon({ locale, sheets: { Roster: sheetOf() } });
      const setup = addon.run('getSetup') as SetupInfo;
      const request = { budget: setup.teamMix!.spend, period: 'quarter', stage: 'custom', mix: setup.teamMix!.mix };
      const built = addon.run('buildAllocation', request) as BuildAllocationResult;
      const engine = createEngine(snapshotGrids(addon.workbook.snapshot()));
      const v = (row: number, column: number) => engine.value(built.sheetName, a1(row, column));
      built.summary.tiers.forEach((t, i) => {
        expect(v(LAYOUT.results.first + i, 6), t.tier).toBeCloseTo(t.revenue, 4);
        if (t.roas !== null) expect(v(LAYOUT.results.first + i, 7), t.tier).toBeCloseTo(t.roas, 9);
      });
      expect(v(LAYOUT.resultsTotalRow, 6)).toBeCloseTo(built.summary.totals.revenue, 4);
      const basis = built.summary.forecast!.basis;
      if (basis.kind !== 'calibrated') throw new Error('not calibrated');
      expect(String(v(LAYOUT.results.title, 2)).match(said)?.[1]).toBe(String(basis.influencers));

      // An exec edits the mix on the tab: every figure follows to what the planner forecasts for that mix.
      const maturity = { mega: 0.05, macro: 0.15, mid: 0.5, micro: 0.3, nano: 0 };
      TIERS.forEach((t, i) => engine.set(built.sheetName, a1(LAYOUT.tierInputs.first + i, 2), maturity[t]));
      const planned = preview(addon, { ...request, mix: maturity });
      planned.tiers.forEach((t, i) => {
        expect(v(LAYOUT.results.first + i, 6), t.tier).toBeCloseTo(t.revenue, 4);
        expect(v(LAYOUT.results.first + i, 7) === '' ? null : v(LAYOUT.results.first + i, 7), t.tier).toEqual(t.roas === null ? null : expect.closeTo(t.roas, 9));
      });
      // Nano at 0% no longer counts: the sentence counts the influencers behind the planned tiers.
      expect(String(v(LAYOUT.results.title, 2)).match(said)?.[1]).toBe(String(planned.forecast!.basis.kind === 'calibrated' && planned.forecast!.basis.influencers));
    });
  }

  it("writes each tier's model beside its curve, and the whole of it below the geography split", () => {
    const addon = loadAddon({ sheets: { Roster: sheetOf() } });
    const built = addon.run('buildAllocation', { budget: 300_000, stage: 'maturity' }) as BuildAllocationResult;
    const tab = addon.workbook.snapshot().sheets.find((s) => s.name === built.sheetName)!;
    const at = (row: number, column: number) => tab.cells[a1(row, column)]?.v;
    expect(at(FORECAST.title, 1)).toBe('Forecast model');
    expect(at(FORECAST.basis, 1)).toMatch(/^Fitted on the roster's results of 2026-Q1;/);
    expect(TIERS.map((_, i) => at(FORECAST.first + i, 2))).toEqual(['Average ROAS', 'Hill curve', 'Hill curve', 'Hill curve', 'Hill curve']);
    // Quarters read per tier; Mega's one influencer with results is too few for a curve of its own.
    expect(TIERS.map((_, i) => at(FORECAST.first + i, 4))).toEqual([1, 4, 4, 4, 4]);
    const latest = rosterTotals(LATEST);
    TIERS.forEach((t, i) => expect(at(FORECAST.first + i, 5), t).toBe(latest[t]!.spend));
  });
});

describe('a tier with spend but no revenue figures', () => {
  it('forecasts with the seed funnel while the others read their curves, on the tab as in the planner', () => {
    // Nano's revenue cells blanked: its spend still counts in the quarter's total the curves are read against.
    const rows = sheetOf().map((r, i) => (i > 0 && tierOf(r[col('Followers')] as number) === 'nano' ? r.map((c, j) => (j === col('Revenue') ? null : c)) : r));
    const addon = loadAddon({ sheets: { Roster: rows } });
    const request = { budget: 600_000, period: 'quarter', stage: 'custom', mix: { mega: 0.1, macro: 0.4, mid: 0.3, micro: 0.1, nano: 0.1 } };
    const built = addon.run('buildAllocation', request) as BuildAllocationResult;
    expect(built.summary.forecast!.tiers.map((t) => t.model)).toEqual(['average-roas', 'hill', 'hill', 'hill', 'seed-funnel']);
    // Nano's ¥60,000 by the seed funnel: 480 posts of 500 followers, 480 x 500 x 0.3 x 25% x 0.1 x 0.05 x ¥150 = ¥13,500.
    expect(built.summary.tiers[4]).toMatchObject({ revenue: 13_500, roas: 0.225 });
    const engine = createEngine(snapshotGrids(addon.workbook.snapshot()));
    built.summary.tiers.forEach((t, i) => expect(engine.value(built.sheetName, a1(LAYOUT.results.first + i, 6)), t.tier).toBeCloseTo(t.revenue, 4));
  });
});

describe('the planner on a roster without results', () => {
  it('forecasts with the seed funnel and says the roster has no results', () => {
    const addon = loadAddon({ sheets: { Roster: sheetOf(['Revenue']) } });
    expect((addon.run('getSetup') as SetupInfo).teamMix).toBeNull();
    const plan = preview(addon, { budget: 30_000, stage: 'maturity' });
    expect(plan.forecast).toEqual({
      basis: { kind: 'seed-funnel', why: 'no-results' },
      tiers: TIERS.map((tier) => ({ tier, model: 'seed-funnel', teamRoas: null })),
    });
    // SPEC's worked example: ¥15,000 for Mid buys 5 posts of 40,000 followers; 5 x 40,000 x 0.3 x 7.5% x 0.1 x 0.05 x
    // ¥150 = ¥3,375, ROAS 0.225. Mega and Macro buy no post and forecast nothing.
    expect(plan.tiers.map((t) => [t.revenue, t.roas])).toEqual([[0, 0], [0, 0], [3_375, 0.225], [2_025, 0.225], [0, null]]);

    const built = addon.run('buildAllocation', { budget: 30_000, stage: 'maturity' }) as BuildAllocationResult;
    const tab = addon.workbook.snapshot().sheets.find((s) => s.name === built.sheetName)!;
    expect(tab.cells[a1(LAYOUT.results.title, 2)]?.v).toBe('Revenue and ROAS: seed funnel, the roster has no results.');
    expect(tab.cells[a1(FORECAST.first + 2, 2)]?.v).toBe('Seed funnel');
  });

  it('says so too when no sheet looks like a roster', () => {
    const addon = loadAddon();
    expect(preview(addon, { budget: 30_000, stage: 'maturity' }).forecast!.basis).toEqual({ kind: 'seed-funnel', why: 'no-roster' });
  });
});
