import { expect } from 'vitest';
import { buildDashboardModel, type Dashboard, type DashboardInput } from '../../src/core/dashboard';
import { funnelStatus, FUNNEL_RATES, tierRoasStatus, TILE_IDS, tileStatus } from '../../src/core/dashboard-status';
import { isoOfDay, serialOfDay, type Day } from '../../src/core/dates';
import { mapHeaders } from '../../src/core/roster';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { DASHBOARD_LABELS } from '../../src/plan/dashboard-labels';
import { LIST_COLUMNS } from '../../src/plan/dashboard-lists';
import { dashboardLayout, dashboardSheetPlan } from '../../src/plan/dashboard-sheet';
import type { Language } from '../../src/plan/labels';
import { a1 } from '../../src/plan/types';
import { engineToday } from './alert-rules';
import { allocationFixture, dashboardEngine, figureAddresses, type DashboardEngine, type RosterCell } from './dashboard-engine';
import { HEADER } from './dashboard-roster';

/** Building the Dashboard tab for a roster and checking, cell by cell, that the formula engine shows the core's figures. */

/** Today as the engine's TODAY() sees it, as a day and a serial number, and a refresh time on that day. */
export const TODAY: Day = engineToday();
export const T = serialOfDay(TODAY);
export const NOW = `${isoOfDay(TODAY)}T08:15`;

const values = (rows: RosterCell[][]): unknown[][] => rows.map((r) => r.map((c) => (c === null ? '' : typeof c === 'object' ? c.serial : c)));

export interface Built {
  d: Dashboard;
  engine: DashboardEngine;
  language: Language;
}

export interface BuildOptions {
  header?: string[];
  sheet?: string;
  lastRow?: number;
  language?: Language;
  /** Add an Allocation tab (maturity stage, 300,000). */
  allocation?: boolean;
  timeZone?: string;
  /** The rows as getValues gives them, when they differ from the engine's (Dates for date cells). */
  coreRows?: unknown[][];
  settings?: DashboardInput['settings'];
}

/** The core's dashboard over `rows`, and its tab evaluated in a formula engine beside the same roster. */
export function build(rows: RosterCell[][], options: BuildOptions = {}): Built {
  const header = options.header ?? HEADER;
  const sheet = options.sheet ?? 'Roster';
  const language = options.language ?? 'en';
  const lastRow = options.lastRow ?? 40;
  const fixture = options.allocation ? allocationFixture(300_000, language) : null;
  const d = buildDashboardModel({
    roster: { sheet, headerRow: 1, columns: mapHeaders(header) },
    rows: options.coreRows ?? values(rows),
    lastRow,
    settings: options.settings ?? DEFAULT_SETTINGS,
    now: NOW,
    timeZone: options.timeZone ?? 'UTC',
    allocation: fixture?.figures ?? null,
  });
  const plan = dashboardSheetPlan(d, { language, currency: 'CNY' });
  return { d, language, engine: dashboardEngine(plan, { sheet, header, rows, lastRow }, fixture?.plan) };
}

/** Every figure, list entry and status on the tab against the core. */
export function expectTabShowsCore({ d, engine, language }: Built): void {
  const t = DASHBOARD_LABELS[language];
  const at = figureAddresses(d);
  for (const [id, address] of Object.entries(at)) {
    const value = d.figures[id]!.value;
    if (value === null) expect(engine.value(address), `${id} at ${address}`).toBe(t.na);
    else expect(engine.value(address), `${id} at ${address}`).toBeCloseTo(value, 6);
  }
  const L = dashboardLayout(d.tiers.length);
  for (const side of ['top', 'bottom'] as const) {
    if (!d.lists.def) {
      expect(engine.value(a1(L[side].first, LIST_COLUMNS.name))).toBe(t.naReasons.noRanking);
      continue;
    }
    for (let k = 0; k < 5; k++) {
      const row = L[side].first + k;
      const entry = d.lists[side][k];
      // A place the list does not fill is blank: "" from a formula, nothing at all where a value was written.
      const cell = (column: number): unknown => engine.value(a1(row, column)) ?? '';
      expect(cell(LIST_COLUMNS.row), `${side} ${k + 1}`).toBe(entry ? entry.row : '');
      expect(cell(LIST_COLUMNS.name), `${side} ${k + 1}`).toBe(entry ? entry.name : '');
      if (entry) expect(cell(LIST_COLUMNS.roas)).toBeCloseTo(entry.roas, 9);
      else expect(cell(LIST_COLUMNS.roas)).toBe('');
    }
  }
  const word = (colour: string | null): string => (colour ? t.status[colour as 'green'] : '');
  const tiles = tileStatus(d);
  TILE_IDS.forEach((id, i) => {
    const { row, column } = L.tiles(i);
    expect(engine.value(a1(row + 3, column)), id).toBe(word(tiles[id].colour));
  });
  const funnel = funnelStatus(d);
  FUNNEL_RATES.forEach((id, i) => expect(engine.value(a1(L.rates.first + i, 4)), id).toBe(word(funnel[id].colour)));
  tierRoasStatus(d).forEach((s, i) => expect(engine.value(a1(L.tierFirst + i, 7)), `tier ${i}`).toBe(word(s.colour)));
  expect(engine.errors()).toEqual([]);
}
