import { describe, expect, it } from 'vitest';
import { ALERTS, resolveAlerts } from '../src/core/alerts';
import { alertsReport } from '../src/core/alerts-report';
import { addDays, dayFromIso, isoOfDay, type Day } from '../src/core/dates';
import { detectRoster } from '../src/core/roster';
import { DEFAULT_SETTINGS, mergeSettings, type Settings } from '../src/core/settings';
import { sampleRoster, type SampleCell } from '../src/offline/sample';
import { alertsRulesPlan } from '../src/plan/alerts-plan';
import { applyRules, engineToday, serialCell, type EngineCell } from './support/alert-rules';

/**
 * The legend's promise: the rows the core counts for an alert are exactly the rows its live rule colours. The
 * plan's formulas run in a formula engine over the same roster the core reads, and both must agree row for row.
 */

const TIME_ZONE = 'Asia/Shanghai';
/** Midnight of a day in Shanghai, as getValues hands a date cell of a Shanghai workbook to the script. */
const shanghaiMidnight = (day: Day): Date => new Date(Date.UTC(day.y, day.m - 1, day.d) - 8 * 3_600_000);

/** The same roster two ways: as the engine holds it and as getValues gives it to the core. */
function bothWays(rows: SampleCell[][]): { engine: EngineCell[][]; values: unknown[][] } {
  const day = (c: { date: string }): Day => dayFromIso(c.date)!;
  return {
    engine: rows.map((r) => r.map((c) => (c !== null && typeof c === 'object' ? serialCell(day(c)) : c))),
    values: rows.map((r) => r.map((c) => (c === null ? '' : typeof c === 'object' ? shanghaiMidnight(day(c)) : c))),
  };
}

function compareOn(sheetName: string, headers: string[], rows: SampleCell[][], today: Day, language: 'en' | 'zh', settings: Settings = DEFAULT_SETTINGS) {
  const { engine, values } = bothWays(rows);
  const roster = detectRoster(sheetName, [headers, ...values.slice(0, 9)]);
  if (!roster) throw new Error('roster not detected');
  const set = resolveAlerts(roster, settings, values);
  const report = alertsReport(set, values, { today, timeZone: TIME_ZONE, language });
  const plan = alertsRulesPlan(set, language);
  const live = applyRules(plan, headers, engine);
  return { set, report, plan, live };
}

describe.each(['en', 'zh'] as const)('the alert rules on the %s sample roster, in a formula engine', (language) => {
  const today = engineToday();
  const sample = sampleRoster({ language, today: isoOfDay(today) });
  const { report, plan, live } = compareOn(sample.sheetName, sample.headers, sample.rows, today, language);

  it('runs every alert of the table, each flagging some rows', () => {
    expect(report.skipped).toEqual([]);
    expect(plan.rules.map((r) => r.id)).toEqual(ALERTS.map((a) => a.id));
    for (const alert of report.alerts) expect(alert.count, alert.id).toBeGreaterThan(0);
  });

  it('colours exactly the rows the core counts, alert by alert', () => {
    expect(live.oddities).toEqual([]);
    for (const alert of report.alerts) expect(live.shown.get(alert.id), alert.id).toEqual(alert.rows);
  });

  it('writes rules that read only their own sheet, with absolute columns, so they hold on every row', () => {
    for (const rule of plan.rules) {
      expect(rule.formula).not.toMatch(/!|INDIRECT/);
      const refs = rule.formula.replace(/"[^"]*"/g, '').match(/\$?[A-Z]{1,3}\$?\d+/g) ?? [];
      expect(refs.length, rule.id).toBeGreaterThan(0);
      for (const ref of refs) expect(ref, rule.id).toMatch(/^\$[A-Z]{1,3}2$/);
      expect(rule.range).toMatch(/^[A-Z]{1,3}2:[A-Z]{1,3}$/);
    }
  });

  it('reports the text dates and text numbers it could not check, and the sheet leaves them uncoloured', () => {
    const unchecked = report.alerts.flatMap((a) => a.unchecked.map((u) => ({ id: a.id, ...u })));
    expect(new Set(unchecked.map((u) => u.reason))).toEqual(new Set(['text-date', 'text-number']));
    for (const u of unchecked) {
      const coloured = live.matches.get(u.id)!;
      for (const row of u.rows) expect(coloured, `${u.id} row ${row}`).not.toContain(row);
    }
  });
});

describe('the alert rules on values as teams write them, in a formula engine', () => {
  const today = engineToday();
  const at = (days: number) => ({ date: isoOfDay(addDays(today, days)) });
  const headers = ['Name', 'Followers', 'ER', 'Prev ER', 'Revenue', 'Spend', 'Status', 'Contract end', 'Payment due', 'Last contacted', 'Score'];
  // Every row is a case at or around a threshold, or a value a rule cannot read.
  const rows: SampleCell[][] = [
    ['exactly 2', 12_000, 0.05, 0.05, 4_000, 2_000, 'Active', at(30), at(-1), null, 7],
    ['just below 2', 12_000, 0.08, 0.1, 3_998, 2_000, 'active ', at(31), at(0), null, 6.99],
    ['exactly 5', 12_000, 0.07, 0.1, 10_000, 2_000, 'Paused', at(0), at(-3), null, 8],
    ['no spend', 12_000, 0.071, 0.1, 10_000, 0, '合作中', at(-1), at(-2), null, 10],
    ['text revenue', 12_000, '8%', 0.1, '3.4万', 2_000, 'Active', '2026/11/30', '2026年11月30日', null, '8.5/10'],
    ['ambiguous ER', 600_000, 8, 0.1, 20_000, 2_000, 'Contacted', null, null, at(-3), null],
    ['bought mega', 600_000, 0.061, 0.02, '', 2_000, 'Contacted', null, null, at(-7), null],
    ['mega at the line', 600_000, 0.06, 0.02, 1, 2_000, ' Contacted', null, null, at(-14), null],
    ['nano bought', 500, 0.41, 0.5, 1, 2_000, '已联系', null, null, at(-2), null],
    ['placeholder', '-', '-', 'N/A', '暂无', '-', 'On hold', '-', '-', '-', '-'],
  ];
  const { report, live, plan } = compareOn('Roster', headers, rows, today, 'en');

  it('agrees with the core on every rule, row for row', () => {
    expect(live.oddities).toEqual([]);
    expect(report.alerts.map((a) => a.id)).toEqual(plan.rules.map((r) => r.id));
    for (const alert of report.alerts) expect(live.shown.get(alert.id), alert.id).toEqual(alert.rows);
  });

  it('computes ROAS from revenue over spend when the roster has no ROAS column', () => {
    expect(report.alerts.find((a) => a.id === 'roas-low')).toMatchObject({ header: 'Revenue', rows: [3, 9, 10] });
    expect(report.alerts.find((a) => a.id === 'roas-star')?.rows).toEqual([7]);
  });
});

describe('a roster with its own ROAS column and a team tier table, in a formula engine', () => {
  const today = engineToday();
  const headers = ['Influencer', 'Followers', 'Engagement rate', 'ROAS', 'Revenue', 'Cost'];
  const rows: SampleCell[][] = [
    ['a', 2_000, 0.3, 1.99, 100, 1_000],
    ['b', 60_000, 0.13, 2, 100, 1_000],
    ['c', 60_000, 0.12, 5.01, 100, 1_000],
    ['d', 500, 0.9, '1.5x', 100, 1_000],
  ];
  const settings = mergeSettings({ tierScheme: { custom: [{ tier: '腰部', minFollowers: 50_000 }, { tier: 'Seed', minFollowers: 1_000, engagementTop: 0.14 }] } });
  const { report, live } = compareOn('Creators', headers, rows, today, 'en', settings);

  it('agrees with the core, reading ROAS from its column and tiers from the team table', () => {
    expect(live.oddities).toEqual([]);
    for (const alert of report.alerts) expect(live.shown.get(alert.id), alert.id).toEqual(alert.rows);
    expect(report.alerts.find((a) => a.id === 'roas-low')).toMatchObject({ header: 'ROAS', rows: [2] });
    expect(report.alerts.find((a) => a.id === 'roas-star')?.rows).toEqual([4]);
    // 腰部 (Mid): 2 x 10% = 20%; Seed: 2 x 14% = 28%; below 1,000 followers the table has no tier.
    expect(report.alerts.find((a) => a.id === 'bought-engagement')?.rows).toEqual([2]);
  });
});
