import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlaygroundSession } from '../playground/session';
import { workbookView } from '../playground/view';
import { buildDashboardModel, type Dashboard } from '../src/core/dashboard';
import { dashboardSummary } from '../src/core/dashboard-status';
import { detectRoster } from '../src/core/roster';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { SAMPLE_FIELDS, type SampleLanguage } from '../src/offline/sample';
import { DASHBOARD_LABELS } from '../src/plan/dashboard-labels';
import { dashboardLayout } from '../src/plan/dashboard-sheet';
import { a1, columnLetter } from '../src/plan/types';
import type { BuildDashboardResult } from '../src/shared/api';
import { DIST, readBundle } from './support/bundle';
import { figureAddresses, type DashboardEngine } from './support/dashboard-engine';
import { parseA1 } from './support/formula-engine';
import { expectTabShowsCore } from './support/dashboard-tab';

/**
 * Issue 10 in the playground, without a browser: the real built add-on writes the Dashboard tab over the sample
 * roster, the playground's formula engine evaluates it, and every figure it shows is the core's, worked out from the
 * same roster rows. Then a roster cell is edited as a user types it, and the tab's live figures follow with no
 * refresh, by the amount the edit makes.
 */

const TODAY = '2026-05-15';
const TIME_ZONE = 'Asia/Shanghai';

function openSample(language: SampleLanguage): PlaygroundSession {
  return new PlaygroundSession({
    code: readBundle(),
    sidebarHtml: readFileSync(join(DIST, 'Sidebar.html'), 'utf8'),
    source: { kind: 'sample', language, seed: 1, count: 300 },
    today: TODAY,
  });
}

function call<T>(session: PlaygroundSession, name: string, ...args: unknown[]): T {
  const outcome = session.scriptRun(name, args);
  if (!outcome.ok) throw new Error(`${name}: ${outcome.message}`);
  return outcome.value as T;
}

/** The roster as getValues hands it to the add-on, its Dates made this realm's (the bundle runs in a vm context). */
function rosterValues(session: PlaygroundSession, sheetName: string): { headers: string[]; rows: unknown[][]; lastRow: number } {
  const sheet = session.workbook.spreadsheet.getSheetByName(sheetName)!;
  const values = sheet.getDataRange().getValues() as unknown[][];
  const local = (v: unknown): unknown => (Object.prototype.toString.call(v) === '[object Date]' ? new Date((v as Date).getTime()) : v);
  return { headers: values[0]!.map(String), rows: values.slice(1).map((r) => r.map(local)), lastRow: sheet.getMaxRows() };
}

/** The core's dashboard over the roster as the playground holds it now. */
function coreDashboard(session: PlaygroundSession, sheetName: string, refreshed: string): Dashboard {
  const { headers, rows, lastRow } = rosterValues(session, sheetName);
  return buildDashboardModel({
    roster: detectRoster(sheetName, [headers])!,
    rows,
    lastRow,
    settings: DEFAULT_SETTINGS,
    now: refreshed.replace(' ', 'T'),
    timeZone: TIME_ZONE,
    allocation: null,
  });
}

/** The Dashboard tab as the playground's formula engine evaluates it, in the shape the tab checks read. */
function playgroundEngine(session: PlaygroundSession, sheet: string): DashboardEngine {
  const value = (ref: string): unknown => {
    const { row, col } = parseA1(ref);
    const v = session.engine.value(sheet, row + 1, col + 1);
    return v !== null && typeof v === 'object' ? `#ERROR ${v.error}` : v;
  };
  const errors = (): string[] =>
    session.engine.values(sheet).flatMap((line, r) => line.flatMap((v, c) => (v !== null && typeof v === 'object' ? [`${a1(r + 1, c + 1)}: ${v.error}`] : [])));
  return { value, errors } as unknown as DashboardEngine;
}

const columnOf = (field: (typeof SAMPLE_FIELDS)[number]): number => SAMPLE_FIELDS.indexOf(field) + 1;

describe('the Dashboard tab on the English sample in the playground', () => {
  let session: PlaygroundSession;
  let result: BuildDashboardResult;
  let d: Dashboard;
  let at: Record<string, string>;
  let tab: DashboardEngine;
  const figure = (id: string): unknown => tab.value(at[id]!);

  beforeAll(() => {
    session = openSample('en');
    result = call<BuildDashboardResult>(session, 'buildDashboard', { language: 'en' });
    d = coreDashboard(session, 'Roster', result.summary.refreshed);
    at = figureAddresses(d);
    tab = playgroundEngine(session, result.sheetName);
  }, 60_000);
  afterAll(() => session?.close());

  it('shows every figure, list entry and status as the core works it out from the same rows, with no error value', () => {
    // The sample's money columns are formatted in yuan: the tab shows money as the planner would, not in the en locale's USD.
    expect(result).toMatchObject({ sheetName: 'Dashboard', created: true, currency: 'CNY' });
    expect(result.summary).toEqual(dashboardSummary(d));
    expect(Object.keys(at).length).toBeGreaterThan(30);
    expectTabShowsCore({ d, engine: tab, language: 'en' });
    // The sample writes a few revenues as "32.5k" and some dates as text: those figures are values as of the
    // refresh, everything else is a live formula.
    const live = Object.values(d.figures).filter((f) => f.def && f.asOf.length === 0).map((f) => f.id);
    expect(live).toEqual(expect.arrayContaining(['active', 'spend', 'cpa', 'contractsExpiring', 'spend@2', 'active@2', 'reached']));
    expect(result.summary.asOf).toContain('revenue');
    expect(result.summary.asOf).not.toContain('spend');
  });

  it('draws the tab in the grid: its charts plot the core’s figures, as-of cells carry their note, nothing shows protection', () => {
    const view = workbookView(session.snapshot(), session.engine, { version: session.version, menu: session.menuItems(), rules: session.ruleResults });
    expect(view.activeSheet).toBe('Dashboard');
    const sheet = view.sheets.find((s) => s.name === 'Dashboard')!;
    expect(sheet.charts.map((c) => c.type)).toEqual(['COLUMN', 'PIE', 'BAR']);
    const [roas, spend, funnel] = sheet.charts;
    expect(roas!.labels).toEqual(['Mega', 'Macro', 'Mid', 'Micro', 'Nano']);
    roas!.series[0]!.values.forEach((v, i) => expect(v, `ROAS of tier ${i}`).toBeCloseTo(d.figures[`roas@${i}`]!.value ?? 0, 6));
    expect(roas!.series[1]!.values).toEqual([3, 3, 3, 3, 3]); // the default target ROAS
    expect(spend!.series[0]!.values).toEqual([0, 1, 2, 3, 4].map((i) => d.figures[`spend@${i}`]!.value));
    expect(funnel!.series[0]!.values).toEqual(['identified', 'reached', 'responded', 'partnered'].map((id) => d.figures[id]!.value));
    // The revenue tile is a value as of the refresh: grey, with a note naming the column that holds text.
    expect(sheet.cells[at.revenue!]!.note).toMatch(/in Revenue \(\d+ numbers as text/);
    expect(sheet.cells[at.spend!]!.note).toBeUndefined();
    expect(JSON.stringify(sheet)).not.toMatch(/protect/i);
    // The tiles' status cells, coloured as the tab's rules say: active influencers on track, follow-ups to act on.
    const status = DASHBOARD_LABELS.en.status;
    const L = dashboardLayout(d.tiers.length);
    const active = L.tiles(0);
    expect(sheet.cells[a1(active.row + 3, active.column)]).toMatchObject({ t: status.green, bg: '#b6d7a8' });
  });

  it('follows an edit to the roster without a refresh: a spend raised by 1,000, then an Active row paused', () => {
    const spendColumn = columnOf('spend');
    const statusColumn = columnOf('status');
    const conversionsColumn = columnOf('conversions');
    const followersColumn = columnOf('followers');
    const { rows } = rosterValues(session, 'Roster');
    // An Active Mid-tier row (10k-100k followers) whose spend and conversions are numbers: it counts in the spend,
    // the Mid tier's spend, the CPA and the active influencers.
    const index = rows.findIndex(
      (r) =>
        r[statusColumn - 1] === 'Active' &&
        typeof r[spendColumn - 1] === 'number' &&
        (r[spendColumn - 1] as number) > 0 &&
        typeof r[conversionsColumn - 1] === 'number' &&
        (r[conversionsColumn - 1] as number) > 0 &&
        typeof r[followersColumn - 1] === 'number' &&
        (r[followersColumn - 1] as number) >= 10_000 &&
        (r[followersColumn - 1] as number) < 100_000,
    );
    expect(index).toBeGreaterThanOrEqual(0);
    const row = index + 2;
    const spendBefore = rows[index]![spendColumn - 1] as number;
    const before = Object.fromEntries(['spend', 'spend@2', 'cpa', 'active', 'active@2', 'roas', 'revenue'].map((id) => [id, figure(id)])) as Record<string, number>;
    // What the add-on wrote on the tab: formulas, and the values of cells without one (their computed values move).
    const written = (): string =>
      JSON.stringify(Object.entries(session.snapshot().sheets.find((s) => s.name === 'Dashboard')!.cells).map(([ref, c]) => [ref, c.f ?? c.v ?? null]));
    const formulas = written();
    const calls = session.ops.length;

    expect(session.edit('Roster', `${columnLetter(spendColumn)}${row}`, String(spendBefore + 1000))).toEqual({ ok: true, value: null });
    expect(figure('spend')).toBe(before.spend! + 1000);
    expect(figure('spend@2')).toBe(before['spend@2']! + 1000);
    // CPA is spend over all the roster's conversions: 1,000 more spend over the same conversions.
    const conversions = rows.reduce((sum, r) => sum + (typeof r[conversionsColumn - 1] === 'number' ? (r[conversionsColumn - 1] as number) : 0), 0);
    expect(figure('cpa') as number).toBeGreaterThan(before.cpa!);
    expect(figure('cpa')).toBeCloseTo(before.cpa! + 1000 / conversions, 6);
    // ROAS and revenue read the revenue column, which holds text: values as of the refresh, they stay.
    expect(figure('roas')).toBe(before.roas);
    expect(figure('revenue')).toBe(before.revenue);

    expect(session.edit('Roster', `${columnLetter(statusColumn)}${row}`, 'Paused')).toEqual({ ok: true, value: null });
    expect(figure('active')).toBe(before.active! - 1);
    expect(figure('active@2')).toBe(before['active@2']! - 1);

    // Nothing re-ran the add-on: only the two edits were made, the tab's cells are as written, and the live figures
    // are the core's over the edited roster.
    expect(session.ops.slice(calls).map((op) => op.kind)).toEqual(['edit', 'edit']);
    expect(written()).toBe(formulas);
    const after = coreDashboard(session, 'Roster', result.summary.refreshed);
    for (const f of Object.values(after.figures)) {
      const shown = figure(f.id);
      if (f.asOf.length > 0 || !f.def) continue;
      if (f.value === null) expect(shown, f.id).toBe('n/a');
      else expect(shown, f.id).toBeCloseTo(f.value, 6);
    }
    expect(tab.errors()).toEqual([]);
  });
});

describe('the Dashboard tab on the Chinese sample in the playground', () => {
  it('shows the core’s figures in Chinese, with no error value', () => {
    const session = openSample('zh');
    try {
      const result = call<BuildDashboardResult>(session, 'buildDashboard', {});
      expect(result).toMatchObject({ sheetName: '数据看板', created: true, currency: 'CNY' });
      const d = coreDashboard(session, '达人名单', result.summary.refreshed);
      expectTabShowsCore({ d, engine: playgroundEngine(session, result.sheetName), language: 'zh' });
    } finally {
      session.close();
    }
  }, 60_000);
});
