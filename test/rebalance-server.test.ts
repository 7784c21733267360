import { describe, expect, it } from 'vitest';
import { sampleRoster, type SampleCell } from '../src/offline/sample';
import { HISTORY_LAYOUT } from '../src/plan/history-sheet';
import { rebalanceLayout } from '../src/plan/rebalance-sheet';
import { a1 } from '../src/plan/types';
import type { BuildRebalanceResult, RebalanceSummary } from '../src/shared/api';
import { loadAddon, type LoadedAddon } from './support/addon';
import { createEngine, snapshotGrids } from './support/formula-engine';

/** The quarterly rebalance through the built bundle, on the in-memory workbook. */

const cell = (c: SampleCell): unknown => (c && typeof c === 'object' && 'date' in c ? new Date(`${c.date}T00:00:00Z`) : c);

/** The sample roster (one period, no period column): 300 influencers unless told otherwise. */
function sampleSheet(options: { count?: number; seed?: number; language?: 'en' | 'zh'; spendScale?: number } = {}): unknown[][] {
  const sample = sampleRoster({ count: options.count ?? 300, seed: options.seed ?? 1, language: options.language ?? 'en', quarters: 0 });
  const spend = sample.headers.indexOf(options.language === 'zh' ? '花费' : 'Spend');
  const revenue = sample.headers.findIndex((h) => h === 'Revenue' || h === 'GMV');
  const scale = options.spendScale ?? 1;
  const rows = sample.rows.map((r) =>
    r.map((c, i) => (scale !== 1 && (i === spend || i === revenue) && typeof c === 'number' ? Math.round(c * scale) : cell(c))),
  );
  return [sample.headers, ...rows];
}

/**
 * The sample spread over four quarters of 2026 with a Period column, written the ways rosters write it: Q1 as date
 * cells (midnight of the quarter's first day in Shanghai), Q2 as "2026-Q2", Q3 as "2026年第3季度", Q4 as a text date.
 * Each quarter is its own draw of the sample, its spend scaled so the quarters differ.
 */
function quarterlySheet(total: number): unknown[][] {
  const perQuarter = Math.ceil(total / 4);
  const periods: Array<() => unknown> = [
    () => new Date(Date.UTC(2025, 11, 31, 16)), // 2026-01-01 00:00 in Shanghai
    () => '2026-Q2',
    () => '2026年第3季度',
    () => '2026-10-15',
  ];
  const quarters = periods.map((period, q) => {
    const [headers, ...rows] = sampleSheet({ count: perQuarter, seed: q + 1, spendScale: [0.8, 1, 1.3, 1.6][q] });
    return { headers: headers as string[], rows: rows.map((r) => [...r, period()]) };
  });
  return [[...quarters[0]!.headers, 'Period'], ...quarters.flatMap((q) => q.rows).slice(0, total)];
}

const notes: unknown[][] = [['=SUM(1,2)', 'my own formula'], ['<b>plan</b>', 42]];

const snapshotOf = (addon: LoadedAddon, name: string) => addon.workbook.snapshot().sheets.find((s) => s.name === name);
const sheetJson = (addon: LoadedAddon, name: string) => JSON.stringify(snapshotOf(addon, name));
const names = (addon: LoadedAddon) => addon.workbook.snapshot().sheets.map((s) => s.name);
const build = (addon: LoadedAddon, input?: unknown) => (input === undefined ? addon.run('buildRebalance') : addon.run('buildRebalance', input)) as BuildRebalanceResult;

/** History's data rows as the tab shows them: quarter, tier, influencers with spend, spend, revenue. */
function historyRows(addon: LoadedAddon, sheet = 'Rebalance history'): unknown[][] {
  const tab = snapshotOf(addon, sheet)!;
  const out: unknown[][] = [];
  for (let row = HISTORY_LAYOUT.first; tab.cells[a1(row, 1)]; row++) out.push([1, 2, 3, 4, 5].map((c) => tab.cells[a1(row, c)]?.v ?? null));
  return out;
}

/** The bounds the SPEC sets by default: a tier with spend keeps 3%, no tier moves more than 5 points. */
function expectWithinBounds(summary: RebalanceSummary): void {
  for (const t of summary.tiers) {
    expect(t.proposedShare, t.tier).not.toBeNull();
    expect(Math.abs(t.proposedShare! - t.currentShare), t.tier).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(t.proposedShare!, t.tier).toBeGreaterThanOrEqual(Math.min(0.03, t.currentShare) - 1e-9);
    expect(t.reason, t.tier).toMatch(new RegExp(`^${t.label}`));
  }
}

describe('buildRebalance on the sample roster (one period, quarter given)', () => {
  const addon = loadAddon({ sheets: { Roster: sampleSheet(), Notes: notes } });
  const roster = sheetJson(addon, 'Roster');
  const mine = sheetJson(addon, 'Notes');
  const result = build(addon, { quarter: '2026-Q1' });
  const L = rebalanceLayout(5);

  it('writes one "Rebalance 2026-Q1" tab and a History tab, leaving the user tabs byte for byte', () => {
    expect(result).toMatchObject({ sheetName: 'Rebalance 2026-Q1', created: true, quarter: '2026-Q1', historySheet: 'Rebalance history' });
    expect(names(addon)).toEqual(['Sheet1', 'Roster', 'Notes', 'Rebalance 2026-Q1', 'Rebalance history']);
    expect(sheetJson(addon, 'Roster')).toBe(roster);
    expect(sheetJson(addon, 'Notes')).toBe(mine);
  });

  it('proposes a mix with a higher expected ROAS than the current one, within the bounds, each move explained', () => {
    const s = result.summary;
    expect(s).toMatchObject({ quarter: '2026-Q1', nextQuarter: '2026-Q2', quarterSource: 'input', budgetSource: 'spend', method: 'marginal-roas', influencers: 300 });
    expect(s.expected!.after.roas!).toBeGreaterThan(s.expected!.before.roas!);
    expect(s.model).toMatch(/^Hill curve calibrated on \d+ influencers \(1 quarter\)\.$/);
    expectWithinBounds(s);
    expect(s.budget).toBe(s.tiers.reduce((n, t) => n + t.spend, 0));
    expect(s.lists.renew + s.lists.review + s.lists.end + s.lists.notEnoughData).toBe(300);
  });

  it("shows on the tab, through a formula engine, the summary's figures: expected ROAS, shares, checks", () => {
    const engine = createEngine(snapshotGrids(addon.workbook.snapshot()));
    const v = (row: number, column: number) => engine.value('Rebalance 2026-Q1', a1(row, column));
    expect(v(L.expected.current, 3) as number).toBeCloseTo(result.summary.expected!.before.roas!, 8);
    expect(v(L.expected.proposed, 3) as number).toBeCloseTo(result.summary.expected!.after.roas!, 8);
    result.summary.tiers.forEach((t, i) => {
      expect(v(L.mix.first + i, 3) as number).toBeCloseTo(t.currentShare, 9);
      expect(v(L.mix.first + i, 4) as number).toBeCloseTo(t.proposedShare!, 9);
      expect(v(L.mix.first + i, 9)).toBe('Yes');
      expect(v(L.mix.first + i, 13)).toBe(t.reason);
    });
    const tab = snapshotOf(addon, 'Rebalance 2026-Q1')!;
    expect(tab.charts).toHaveLength(1);
    expect(tab.charts[0]).toMatchObject({ type: 'COLUMN', ranges: [`'Rebalance 2026-Q1'!A${L.mix.header}:A${L.mix.total - 1}`, `'Rebalance 2026-Q1'!C${L.mix.header}:D${L.mix.total - 1}`] });
  });

  it('records one row per tier for the quarter in History', () => {
    const rows = historyRows(addon);
    expect(rows.map((r) => r.slice(0, 2))).toEqual(['Mega', 'Macro', 'Mid', 'Micro', 'Nano'].map((t) => ['2026-Q1', t]));
    expect(rows.map((r) => r[3])).toEqual(result.summary.tiers.map((t) => t.spend));
  });

  it('previews the same summary without writing anything', () => {
    const before = JSON.stringify(addon.workbook.snapshot());
    expect(addon.run('previewRebalance', { quarter: '2026-Q1' })).toEqual(result.summary);
    expect(JSON.stringify(addon.workbook.snapshot())).toBe(before);
  });
});

describe('buildRebalance with no argument', () => {
  it("reviews this quarter for a roster without a period column, on the quarter's own spend", () => {
    const addon = loadAddon({ sheets: { Roster: sampleSheet({ count: 60 }) } });
    const now = new Date();
    const quarter = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`; // the workbook's zone is GMT
    const result = build(addon);
    expect(result).toMatchObject({ sheetName: `Rebalance ${quarter}`, quarter, summary: { quarterSource: 'today', budgetSource: 'spend' } });
    expect(addon.run('previewRebalance', {})).toEqual(result.summary);
  });

  it("uses the planner's saved budget: a month's budget x 3 for the quarter", () => {
    const addon = loadAddon({ sheets: { Roster: sampleSheet({ count: 60 }) } });
    addon.run('buildAllocation', { budget: 30_000, currency: 'CNY', stage: 'maturity' });
    const { summary } = build(addon, {});
    expect(summary).toMatchObject({ budget: 90_000, budgetSource: 'plan' });
    expect(summary.tiers.reduce((n, t) => n + t.proposedBudget!, 0)).toBeCloseTo(90_000, 6);
    const tab = snapshotOf(addon, `Rebalance ${summary.quarter}`)!;
    expect(tab.cells[a1(5, 2)]).toMatchObject({ v: 90_000, nf: '"¥"#,##0' });
    expect(tab.cells[a1(5, 3)]?.v).toBe("the planner's ¥30,000 a month x 3");
  });
});

describe('one tab per quarter, History by quarter', () => {
  const addon = loadAddon({ timeZone: 'Asia/Shanghai', sheets: { Roster: quarterlySheet(400), Notes: notes } });
  const roster = sheetJson(addon, 'Roster');
  const first = build(addon);

  it('reviews the latest quarter, calibrated on the three before it', () => {
    expect(first).toMatchObject({ sheetName: 'Rebalance 2026-Q4', created: true, quarter: '2026-Q4' });
    expect(first.summary).toMatchObject({ quarterSource: 'data', pastQuarters: ['2026-Q1', '2026-Q2', '2026-Q3'], influencers: 100 });
    expect(first.summary.model).toMatch(/\(4 quarters\)\.$/);
    expect(first.summary.expected!.after.roas!).toBeGreaterThan(first.summary.expected!.before.roas!);
    expectWithinBounds(first.summary);
  });

  it('reads date cells in the spreadsheet time zone: midnight of 1 January in Shanghai is 2026-Q1', () => {
    const q1 = build(addon, { quarter: '2026-Q1' });
    expect(q1.summary.influencers).toBe(100);
    expect(q1.summary.pastQuarters).toEqual([]);
  });

  it('refreshes a quarter in place, adds a tab for another and leaves the first untouched', () => {
    const fresh = loadAddon({ timeZone: 'Asia/Shanghai', sheets: { Roster: quarterlySheet(400), Notes: notes } });
    build(fresh);
    const q4 = sheetJson(fresh, 'Rebalance 2026-Q4');
    expect(build(fresh)).toMatchObject({ sheetName: 'Rebalance 2026-Q4', created: false });
    expect(sheetJson(fresh, 'Rebalance 2026-Q4')).toBe(q4);
    expect(historyRows(fresh)).toHaveLength(5);

    expect(build(fresh, { quarter: '2026-Q3' })).toMatchObject({ sheetName: 'Rebalance 2026-Q3', created: true });
    expect(sheetJson(fresh, 'Rebalance 2026-Q4')).toBe(q4);
    expect(names(fresh)).toEqual(['Sheet1', 'Roster', 'Notes', 'Rebalance 2026-Q4', 'Rebalance history', 'Rebalance 2026-Q3']);
    const rows = historyRows(fresh);
    expect(rows.map((r) => `${r[0]} ${r[1]}`)).toEqual(['2026-Q3', '2026-Q4'].flatMap((q) => ['Mega', 'Macro', 'Mid', 'Micro', 'Nano'].map((t) => `${q} ${t}`)));
    expect(sheetJson(fresh, 'Roster')).toBe(sheetJson(addon, 'Roster'));
  });

  it("replaces the rebuilt quarter's History rows and keeps the others", () => {
    const fresh = loadAddon({ sheets: { Roster: sampleSheet({ count: 80 }) } });
    build(fresh, { quarter: '2026-Q1' });
    build(fresh, { quarter: '2026-Q2' });
    const before = historyRows(fresh);
    fresh.workbook.seedSheet('Roster', sampleSheet({ count: 80, spendScale: 2 }));
    build(fresh, { quarter: '2026-Q2' });
    const after = historyRows(fresh);
    expect(after).toHaveLength(10);
    expect(after.slice(0, 5)).toEqual(before.slice(0, 5));
    after.slice(5).forEach((row, i) => {
      expect(row.slice(0, 3)).toEqual(before[5 + i]!.slice(0, 3));
      // Spend doubled in the new roster: twice the recorded spend, or none for a tier that had none.
      expect(row[3]).toBe(2 * (before[5 + i]![3] as number));
    });
  });

  it('leaves the roster as it was', () => {
    expect(sheetJson(addon, 'Roster')).toBe(roster);
  });
});

describe('History feeds the calibration of a roster that is replaced every quarter', () => {
  it('calibrates on the quarters recorded before, in either language', () => {
    for (const [language, locale, historyName] of [['en', 'en_US', 'Rebalance history'], ['zh', 'zh_CN', '调配历史']] as const) {
      const addon = loadAddon({ locale, sheets: { Roster: sampleSheet({ language, seed: 1 }) } });
      build(addon, { quarter: '2026-Q1' });
      addon.workbook.seedSheet('Roster', sampleSheet({ language, seed: 2, spendScale: 1.5 }));
      build(addon, { quarter: '2026-Q2' });
      addon.workbook.seedSheet('Roster', sampleSheet({ language, seed: 3, spendScale: 2 }));
      const third = build(addon, { quarter: '2026-Q3' });
      expect(third.summary.pastQuarters, language).toEqual(['2026-Q1', '2026-Q2']);
      expect(historyRows(addon, historyName)).toHaveLength(15);
      // Each calibrated tier read three quarters: the tab's curve table says so.
      const L = rebalanceLayout(5);
      const tab = snapshotOf(addon, language === 'zh' ? '季度调配 2026-Q3' : 'Rebalance 2026-Q3')!;
      const quarters = [0, 1, 2, 3, 4].map((i) => tab.cells[a1(L.curves.first + i, 4)]?.v);
      expect(quarters, language).toEqual([3, 3, 3, 3, 3]);
      if (language === 'zh') {
        expect(historyRows(addon, historyName)[0]!.slice(0, 2)).toEqual(['2026-Q1', '头部']);
        expect(third.summary.model).toMatch(/（3 个季度）校准。$/);
      }
    }
  });
});

describe('refusals', () => {
  it.each([
    [{ budget: -1 }, 'budget: the budget must be more than 0'],
    [{ quarter: 'soon' }, 'quarter: must be a quarter such as 2026-Q3'],
    [{ minShare: 1 }, 'minShare: the minimum share must be from 0% to 99%'],
    [{ maxChange: 0 }, 'maxChange: the maximum change must be above 0'],
    [{ quarter: '2026-Q1', sheet: 'Roster' }, 'unknown field "sheet"'],
    [null, 'expected an object'],
  ])('rejects %j with a clear message and writes nothing', (input, message) => {
    const addon = loadAddon({ sheets: { Roster: sampleSheet({ count: 30 }) } });
    const before = JSON.stringify(addon.workbook.snapshot());
    expect(() => build(addon, input)).toThrow(message);
    expect(() => addon.run('previewRebalance', input)).toThrow(message);
    expect(JSON.stringify(addon.workbook.snapshot())).toBe(before);
  });

  it('says which quarters the roster holds when asked for another, and writes nothing', () => {
    const addon = loadAddon({ timeZone: 'Asia/Shanghai', sheets: { Roster: quarterlySheet(40) } });
    const before = JSON.stringify(addon.workbook.snapshot());
    expect(() => build(addon, { quarter: '2027-Q1' })).toThrow('The roster has no rows in 2027-Q1: its period column holds 2026-Q1, 2026-Q2, 2026-Q3, 2026-Q4.');
    expect(JSON.stringify(addon.workbook.snapshot())).toBe(before);
  });

  it('needs a roster with followers, spend or cost, and revenue', () => {
    expect(() => build(loadAddon({ sheets: { Notes: notes } }))).toThrow('No sheet looks like a roster yet');
    const noRevenue = loadAddon({ sheets: { Roster: [['Influencer', 'Followers', 'Cost', 'Status'], ['a', 20_000, 1_000, 'Active']] } });
    expect(() => build(noRevenue)).toThrow("The rebalance needs the roster's revenue (GMV, sales) column: map it in Roster & alerts in the sidebar.");
  });

  it('leaves a user tab that happens to be called "Rebalance 2026-Q1" alone', () => {
    const addon = loadAddon({ sheets: { Roster: sampleSheet({ count: 30 }), 'Rebalance 2026-Q1': [['my own notes', 1]] } });
    const theirs = sheetJson(addon, 'Rebalance 2026-Q1');
    expect(build(addon, { quarter: '2026-Q1' }).sheetName).toBe('Rebalance 2026-Q1 (2)');
    expect(build(addon, { quarter: '2026-Q1' })).toMatchObject({ sheetName: 'Rebalance 2026-Q1 (2)', created: false });
    expect(sheetJson(addon, 'Rebalance 2026-Q1')).toBe(theirs);
  });

  it('writes names that look like formulas as text', () => {
    const rows = sampleSheet({ count: 30 });
    const worked = rows.findIndex((r, i) => i > 0 && typeof r[6] === 'number');
    rows[worked]![0] = `'=IMPORTXML("http://x")`; // typed as text in the roster
    const addon = loadAddon({ sheets: { Roster: rows } });
    build(addon, { quarter: '2026-Q1' });
    const tab = snapshotOf(addon, 'Rebalance 2026-Q1')!;
    const found = Object.values(tab.cells).filter((c) => c.v === '=IMPORTXML("http://x")');
    expect(found).toHaveLength(1);
    expect(found[0]!.f).toBeUndefined();
  });
});

describe('service calls', () => {
  const calls = (rows: number) => {
    const addon = loadAddon({ timeZone: 'Asia/Shanghai', sheets: { Roster: quarterlySheet(rows), Notes: notes } });
    const measure = (fn: () => unknown) => {
      addon.workbook.calls.reset();
      fn();
      return { total: addon.workbook.calls.total, byMethod: { ...addon.workbook.calls.byMethod } };
    };
    return {
      preview: measure(() => addon.run('previewRebalance', {})),
      first: measure(() => build(addon, {})),
      rebuild: measure(() => build(addon, {})),
    };
  };

  it('are the same for a 30-row roster and a 20,000-row one', () => {
    const small = calls(30);
    const large = calls(20_000);
    expect(large.preview).toEqual(small.preview);
    expect(large.rebuild).toEqual(small.rebuild);
    // A new tab has 1,000 rows: the large quarter's lists grow it once, the only call the size adds.
    const { 'Sheet.insertRowsAfter': grown, ...rest } = large.first.byMethod;
    expect(grown).toBe(1);
    expect(rest).toEqual(small.first.byMethod);
    expect(small.first.total).toBeLessThan(150); // a write per cell would be thousands
  });
});
