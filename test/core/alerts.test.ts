import { describe, expect, it } from 'vitest';
import { resolveAlerts } from '../../src/core/alerts';
import { alertsReport, type AlertOutcome } from '../../src/core/alerts-report';
import { detectRoster } from '../../src/core/roster';
import { DEFAULT_SETTINGS, mergeSettings, type Settings } from '../../src/core/settings';

/** Today, in the workbook's zone, for every case below. */
const TODAY = { y: 2026, m: 11, d: 20 };

/** A date cell of a Shanghai workbook as getValues returns it: midnight there (16:00 UTC the day before). */
const sh = (iso: string, time = '00:00'): Date => new Date(`${iso}T${time}:00+08:00`);

interface Run {
  settings?: Settings;
  timeZone?: string;
  language?: 'en' | 'zh';
  /** Rows above the header (a title, a blank row). */
  above?: unknown[][];
}

function run(headers: string[], rows: unknown[][], options: Run = {}) {
  const above = options.above ?? [];
  const roster = detectRoster('Roster', [...above, headers, ...rows].slice(0, 10));
  if (!roster) throw new Error('not a roster');
  const set = resolveAlerts(roster, options.settings ?? DEFAULT_SETTINGS, rows);
  const report = alertsReport(set, rows, { today: TODAY, timeZone: options.timeZone ?? 'Asia/Shanghai', language: options.language ?? 'en' });
  const alert = (id: string): AlertOutcome => {
    const found = report.alerts.find((a) => a.id === id);
    if (!found) throw new Error(`${id} did not run`);
    return found;
  };
  const rowsOf = (id: string): number[] => alert(id).rows;
  const uncheckedOf = (id: string) => alert(id).unchecked.map((u) => ({ header: u.header, reason: u.reason, rows: u.rows }));
  return { report, set, alert, rowsOf, uncheckedOf };
}

describe('ROAS low (< 2.0, red) and star (> 5.0, green)', () => {
  it('reads ROAS as revenue over spend when the roster has no ROAS column, at and around both lines', () => {
    const r = run(
      ['Influencer', 'Revenue', 'Spend'],
      [
        ['exactly 2', 4_000, 2_000],
        ['just under 2', 3_998, 2_000],
        ['exactly 5', 10_000, 2_000],
        ['just over 5', 10_002, 2_000],
        ['no revenue yet', 0, 2_000],
        ['nothing spent', 5_000, 0],
        ['revenue as exported', '3.4万', 2_000],
        ['blank revenue', '', 2_000],
      ],
    );
    expect(r.alert('roas-low')).toMatchObject({ header: 'Revenue', column: 2, rows: [3, 6], count: 2, colour: 'red' });
    expect(r.alert('roas-star')).toMatchObject({ rows: [5], colour: 'green' });
    // 3.4万 is 34,000 to a marketer but text to Sheets: the rule cannot colour it, so it is named, not counted.
    expect(r.uncheckedOf('roas-low')).toEqual([{ header: 'Revenue', reason: 'text-number', rows: [8] }]);
    expect(r.alert('roas-low').unchecked[0]!.examples).toEqual(['3.4万']);
  });

  it('divides by the cost (the quote) when there is no spend column, and prefers spend when there is', () => {
    const byCost = run(['Name', 'GMV', 'Fee', 'Followers'], [['a', 1_500, 1_000, 5_000], ['b', 6_000, 1_000, 5_000]]);
    expect(byCost.rowsOf('roas-low')).toEqual([2]);
    expect(byCost.rowsOf('roas-star')).toEqual([3]);
    const bySpend = run(['Name', 'GMV', 'Fee', 'Spend'], [['a', 1_500, 1_000, 500], ['b', 6_000, 1_000, 3_000]]);
    // 1,500 / 500 = 3 and 6,000 / 3,000 = 2: neither low nor star once the actual spend is used.
    expect(bySpend.rowsOf('roas-low')).toEqual([]);
    expect(bySpend.rowsOf('roas-star')).toEqual([]);
  });

  it("uses the roster's own ROAS column when it has one", () => {
    const r = run(['Name', 'Followers', 'ROAS', 'Revenue', 'Cost'], [['a', 1, 1.99, 1, 1], ['b', 1, 2, 1, 1], ['c', 1, 5, 1, 1], ['d', 1, 5.01, 1, 1], ['e', 1, '1.5x', 1, 1], ['f', 1, '1.5', 1, 1]]);
    expect(r.alert('roas-low')).toMatchObject({ header: 'ROAS', rows: [2] });
    expect(r.rowsOf('roas-star')).toEqual([5]);
    expect(r.uncheckedOf('roas-low')).toEqual([
      { header: 'ROAS', reason: 'not-a-number', rows: [6] },
      { header: 'ROAS', reason: 'text-number', rows: [7] },
    ]);
  });
});

describe('contract and usage rights: expiring within 30 days (amber), expired while active (red)', () => {
  const headers = ['Name', 'Status', 'Contract end', 'Usage rights end'];

  it('counts real dates by their day, today and 30 days ahead included', () => {
    const r = run(headers, [
      ['today', 'Active', sh('2026-11-20'), ''],
      ['in 30 days', 'Active', sh('2026-12-20'), ''],
      ['in 31 days', 'Active', sh('2026-12-21'), ''],
      ['yesterday, active', 'Active', sh('2026-11-19'), ''],
      ['yesterday, paused', 'Paused', sh('2026-11-19'), ''],
      ['yesterday, 合作中', '合作中', sh('2026-11-19'), ''],
      ['in 30 days, late in the day', 'Active', sh('2026-12-20', '18:30'), ''],
    ]);
    expect(r.alert('contract-expiring')).toMatchObject({ header: 'Contract end', rows: [2, 3, 8], colour: 'amber' });
    expect(r.alert('contract-expired')).toMatchObject({ rows: [5, 7], colour: 'red' });
  });

  it('reads a number in a date column as Sheets does, as a serial day (46376 is 2026-12-20)', () => {
    const r = run(headers, [['serial', 'Active', 46_376, ''], ['serial + time', 'Active', 46_376.9, ''], ['serial + 1', 'Active', 46_377, '']]);
    expect(r.rowsOf('contract-expiring')).toEqual([2, 3]);
  });

  it('names text dates, which the sheet cannot compare with today, and colours none of them', () => {
    const r = run(headers, [
      ['iso text', 'Active', '2026-11-30', ''],
      ['slashes', 'Active', '2026/11/30', ''],
      ['chinese', 'Active', '2026年11月30日', ''],
      ['us', 'Active', '11/30/2026', ''],
      ['not a date', 'Active', 'next spring', ''],
      ['placeholder', 'Active', '-', ''],
    ]);
    expect(r.rowsOf('contract-expiring')).toEqual([]);
    expect(r.uncheckedOf('contract-expiring')).toEqual([
      { header: 'Contract end', reason: 'text-date', rows: [2, 3, 4, 5] },
      { header: 'Contract end', reason: 'not-a-date', rows: [6] },
    ]);
  });

  it('applies the same rules to the usage-rights column, and the expiry window is a setting', () => {
    const settings = mergeSettings({ alerts: { expiringDays: 7 } });
    const r = run(headers, [['a', 'Active', '', sh('2026-11-27')], ['b', 'Active', '', sh('2026-11-28')], ['c', 'Active', '', sh('2026-11-01')]], { settings });
    expect(r.alert('rights-expiring')).toMatchObject({ header: 'Usage rights end', rows: [2], thresholds: { days: 7 } });
    expect(r.rowsOf('rights-expired')).toEqual([4]);
  });

  it('reads the day of a Date in the workbook zone, not the machine zone', () => {
    // 20:00 on 2026-12-20 in Los Angeles is already noon on 2026-12-21 in Shanghai: day 30 there, day 31 here.
    const evening = new Date('2026-12-20T20:00:00-08:00');
    expect(run(headers, [['a', 'Active', evening, '']], { timeZone: 'America/Los_Angeles' }).rowsOf('contract-expiring')).toEqual([2]);
    expect(run(headers, [['a', 'Active', evening, '']], { timeZone: 'Asia/Shanghai' }).rowsOf('contract-expiring')).toEqual([]);
  });
});

describe('payment overdue (red)', () => {
  it('with a payment-status column: due before today and not marked paid', () => {
    const r = run(
      ['Name', 'Followers', 'Payment due', 'Payment status'],
      [
        ['unpaid', 1, sh('2026-11-19'), 'Unpaid'],
        ['paid', 1, sh('2026-11-19'), 'Paid'],
        ['paid, as typed', 1, sh('2026-11-19'), ' PAID '],
        ['ticked box', 1, sh('2026-11-19'), true],
        ['unticked box', 1, sh('2026-11-19'), false],
        ['no status', 1, sh('2026-11-19'), ''],
        ['已付', 1, sh('2026-11-19'), '已付'],
        ['due today', 1, sh('2026-11-20'), 'Unpaid'],
      ],
    );
    expect(r.rowsOf('payment-overdue')).toEqual([2, 6, 7]);
  });

  it('without one: due before today while the partnership is Active or Paused', () => {
    const r = run(
      ['Name', 'Status', 'Payment due'],
      [['a', 'Active', sh('2026-11-01')], ['b', 'Paused', sh('2026-11-01')], ['c', 'Inactive', sh('2026-11-01')], ['d', '暂停', sh('2026-11-01')], ['e', 'Prospect', sh('2026-11-01')]],
    );
    expect(r.rowsOf('payment-overdue')).toEqual([2, 3, 5]);
  });
});

describe('engagement drop (>= 30% below the previous period, amber) and possible bought engagement (purple)', () => {
  it('flags a drop of exactly 30% and more, reading 8% and 0.08 alike', () => {
    const r = run(
      ['Name', 'Engagement rate', 'Previous engagement rate'],
      [
        ['exactly 30% down', 0.07, 0.1],
        ['29% down', 0.071, 0.1],
        ['halved', 0.04, 0.08],
        ['up', 0.09, 0.08],
        ['8% as text', '8%', 0.2],
        ['8 for 8%', 8, 0.2],
        ['no previous', 0.05, 0],
        ['negative', -0.01, 0.2],
      ],
    );
    expect(r.alert('engagement-drop')).toMatchObject({ header: 'Engagement rate', rows: [2, 4], thresholds: { drop: 0.3 } });
    expect(r.uncheckedOf('engagement-drop')).toEqual([
      { header: 'Engagement rate', reason: 'text-number', rows: [6] },
      { header: 'Engagement rate', reason: 'ambiguous-rate', rows: [7] },
      { header: 'Engagement rate', reason: 'negative-rate', rows: [9] },
    ]);
  });

  it('flags a rate above 2x the top of its tier: Mega 6%, Macro 10%, Mid 20%, Micro and Nano 40%', () => {
    const r = run(
      ['Name', 'Followers', 'ER'],
      [
        ['mega at the line', 500_000, 0.06],
        ['mega above', 500_000, 0.061],
        ['macro at the line', 499_999, 0.1],
        ['macro above', 100_000, 0.101],
        ['mid at the line', 99_999, 0.2],
        ['mid above', 10_000, 0.201],
        ['micro above', 9_999, 0.401],
        ['nano at the line', 999, 0.4],
        ['nano above', 0, 0.41],
        ['followers as exported', '3.4万', 0.5],
      ],
    );
    expect(r.alert('bought-engagement')).toMatchObject({ rows: [3, 5, 7, 8, 10], colour: 'purple', thresholds: { multiple: 2 } });
    expect(r.uncheckedOf('bought-engagement')).toEqual([{ header: 'Followers', reason: 'text-number', rows: [11] }]);
  });

  it('follows the tier scheme: 600k followers is Mega in "matrix" (6% line) but Macro in "partnership" (10%)', () => {
    const rows = [['a', 600_000, 0.08]];
    expect(run(['Name', 'Followers', 'ER'], rows).rowsOf('bought-engagement')).toEqual([2]);
    expect(run(['Name', 'Followers', 'ER'], rows, { settings: mergeSettings({ tierScheme: 'partnership' }) }).rowsOf('bought-engagement')).toEqual([]);
  });

  it('shows one colour per cell: bought engagement first, so a row both dropped and inflated counts as bought', () => {
    const r = run(['Name', 'Followers', 'ER', 'Prev ER'], [['both', 500_000, 0.07, 0.2], ['drop only', 500_000, 0.02, 0.2]]);
    expect(r.rowsOf('bought-engagement')).toEqual([2]);
    expect(r.rowsOf('engagement-drop')).toEqual([3]);
  });
});

describe('follow-up due: status Contacted, last contact 3 / 7 / 14 days ago', () => {
  it('bands the days since the last contact: follow up 3-6, email 7-13, unresponsive 14+', () => {
    const r = run(
      ['Name', 'Status', 'Last contacted'],
      [
        ['2 days', 'Contacted', sh('2026-11-18')],
        ['3 days', 'Contacted', sh('2026-11-17')],
        ['6 days', 'contacted', sh('2026-11-14')],
        ['7 days', 'Contacted', sh('2026-11-13')],
        ['13 days', '已联系', sh('2026-11-07')],
        ['14 days', 'Contacted ', sh('2026-11-06')],
        ['negotiating', 'In Negotiation', sh('2026-10-01')],
        ['text date', 'Contacted', '2026/11/01'],
      ],
    );
    expect(r.alert('follow-up')).toMatchObject({ rows: [3, 4], colour: 'lightYellow', thresholds: { fromDays: 3, toDays: 7 } });
    expect(r.alert('follow-up-email')).toMatchObject({ rows: [5, 6], colour: 'amber' });
    expect(r.alert('follow-up-unresponsive')).toMatchObject({ rows: [7], colour: 'red' });
    for (const id of ['follow-up', 'follow-up-email', 'follow-up-unresponsive']) {
      expect(r.uncheckedOf(id)).toEqual([{ header: 'Last contacted', reason: 'text-date', rows: [9] }]);
    }
  });
});

describe('score bands', () => {
  it('reads a column of values all 10 or less as a 0-10 rating: green 8+, yellow 7-7.9, red below 7', () => {
    const r = run(['Name', 'Followers', 'Score'], [['a', 1, 8], ['b', 1, 7.99], ['c', 1, 7], ['d', 1, 6.99], ['e', 1, '']]);
    expect(r.report.scoreScale).toBe('rating');
    expect(r.rowsOf('score-green')).toEqual([2]);
    expect(r.rowsOf('score-yellow')).toEqual([3, 4]);
    expect(r.rowsOf('score-red')).toEqual([5]);
  });

  it('reads any value above 10 as a 0-100 total score: green 70+, yellow 50-69, red below 50', () => {
    const r = run(['Name', 'Followers', 'Total score'], [['a', 1, 70], ['b', 1, 69.9], ['c', 1, 50], ['d', 1, 49.9], ['e', 1, 8]]);
    expect(r.report.scoreScale).toBe('total');
    expect(r.rowsOf('score-green')).toEqual([2]);
    expect(r.rowsOf('score-yellow')).toEqual([3, 4]);
    expect(r.rowsOf('score-red')).toEqual([5, 6]);
    expect(r.alert('score-green').thresholds).toEqual({ green: 70, yellow: 50 });
  });
});

describe('what the report says besides counts', () => {
  it('skips an alert whose columns are not mapped, saying which columns it needs', () => {
    const r = run(['Name', 'Followers', 'Revenue', 'Status'], [['a', 1, 1, 'Active']]);
    const skipped = Object.fromEntries(r.report.skipped.map((s) => [s.id, s.reason]));
    expect(skipped['roas-low']).toEqual({ code: 'missing-columns', needs: [['roas'], ['revenue', 'spend'], ['revenue', 'cost']] });
    expect(skipped['payment-overdue']).toEqual({ code: 'missing-columns', needs: [['paymentDue', 'paymentStatus'], ['paymentDue', 'status']] });
    expect(r.report.alerts).toEqual([]);
  });

  it('skips possible bought engagement when a team tier table names tiers it cannot place', () => {
    const settings = mergeSettings({ tierScheme: { custom: [{ tier: 'Gold', minFollowers: 50_000 }, { tier: '腰部', minFollowers: 0 }] } });
    const r = run(['Name', 'Followers', 'ER'], [['a', 1, 0.1]], { settings });
    expect(r.report.skipped.find((s) => s.id === 'bought-engagement')?.reason).toEqual({ code: 'tier-engagement-unknown', tiers: ['Gold'] });
    expect(r.report.alerts.map((a) => a.id)).not.toContain('bought-engagement');
  });

  it('numbers rows as the sheet does when the header sits below a title and a blank row', () => {
    const r = run(['达人昵称', '粉丝数', '互动率', 'GMV', '花费'], [['小鹿', 12_000, 0.05, 1_000, 2_000]], { above: [['千瓜数据-达人榜单 2026-10'], []] });
    expect(r.report.headerRow).toBe(3);
    expect(r.rowsOf('roas-low')).toEqual([4]);
  });

  it('reports statuses outside the dropdown of the workbook language, and leaves them as they are', () => {
    const rows = [['a', 1, 'Active'], ['b', 1, '合作中'], ['c', 1, 'On hold'], ['d', 1, 'On hold'], ['e', 1, ''], ['f', 1, ' active']];
    expect(run(['Name', 'Followers', 'Status'], rows).report.statusesOutsideList).toEqual([
      { value: '合作中', rows: [3] },
      { value: 'On hold', rows: [4, 5] },
    ]);
    expect(run(['Name', 'Followers', 'Status'], rows, { language: 'zh' }).report.statusesOutsideList).toEqual([
      { value: 'Active', rows: [2] },
      { value: 'On hold', rows: [4, 5] },
      { value: 'active', rows: [7] },
    ]);
  });
});
