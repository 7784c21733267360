import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlaygroundSession, type RosterSource } from '../playground/session';
import { cellsAlone } from '../playground/rule-formulas';
import { workbookView, type SheetView } from '../playground/view';
import { sampleRoster, type SampleCell, type SampleLanguage } from '../src/offline/sample';
import type { AlertsResult, RemoveAlertsResult, SettingsView } from '../src/shared/api';
import { DIST, readBundle } from './support/bundle';

/**
 * Issue 8 in the playground, without a browser: the real built add-on applies its alerts to the sample roster
 * generated around a fixed day, and the colours the playground draws on the grid are compared with the legend
 * applyAlerts returns, with what SPEC's alert table says each alert flags (worked out here from the sample's own
 * rows), and again after a settings change.
 */

const TODAY = '2026-05-15';
const DAY_MS = 86_400_000;
/** SPEC's alert table, in the add-on's ids; the sample has every column each of them needs. */
const SPEC_ALERTS = [
  'roas-low', 'roas-star', 'contract-expired', 'contract-expiring', 'rights-expired', 'rights-expiring', 'payment-overdue',
  'bought-engagement', 'engagement-drop', 'follow-up-unresponsive', 'follow-up-email', 'follow-up', 'score-red', 'score-yellow',
  'score-green',
];
const RED = '#ea9999';
const GREEN = '#b6d7a8';
const AMBER = '#f9cb9c';
const USER_BLUE = '#cfe2f3';

function openSample(language: SampleLanguage): PlaygroundSession {
  const source: RosterSource = { kind: 'sample', language, seed: 1, count: 300 };
  return new PlaygroundSession({ code: readBundle(), sidebarHtml: readFileSync(join(DIST, 'Sidebar.html'), 'utf8'), source, today: TODAY });
}

function call<T>(session: PlaygroundSession, name: string, ...args: unknown[]): T {
  const outcome = session.scriptRun(name, args);
  if (!outcome.ok) throw new Error(`${name}: ${outcome.message}`);
  return outcome.value as T;
}

/** The roster tab as the playground draws it. */
function rosterView(session: PlaygroundSession): SheetView {
  const view = workbookView(session.snapshot(), session.engine, { version: session.version, menu: [], rules: session.ruleResults });
  return view.sheets[0]!;
}

const letters = (column: number): string => String.fromCharCode(64 + column);

/** Sheet rows whose cell in `column` has `background`, ascending. */
function colouredRows(view: SheetView, column: number, background: string): number[] {
  return Object.entries(view.cells)
    .filter(([ref, cell]) => cell.bg === background && ref.replace(/\d+$/, '') === letters(column))
    .map(([ref]) => Number(ref.replace(/^[A-Z]+/, '')))
    .sort((a, b) => a - b);
}

/** The sample's rows with what SPEC's rules read, worked out from the generated values themselves. */
function sampleFacts(language: SampleLanguage) {
  const sample = sampleRoster({ language, seed: 1, count: 300, today: TODAY });
  const at = (header: string): ((row: SampleCell[]) => SampleCell) => {
    const i = sample.headers.indexOf(header);
    if (i < 0) throw new Error(`No column ${header}`);
    return (row) => row[i]!;
  };
  const [revenue, spend, contractEnd, status, name] =
    language === 'en'
      ? [at('Revenue'), at('Spend'), at('Contract end'), at('Status'), at('Influencer')]
      : [at('GMV'), at('花费'), at('合同到期'), at('状态'), at('达人昵称')];
  const today = Date.parse(TODAY);
  const rows = sample.rows.map((row, i) => {
    const r = revenue(row);
    const s = spend(row);
    const end = contractEnd(row);
    return {
      sheetRow: i + 2,
      roas: typeof r === 'number' && typeof s === 'number' && s > 0 ? r / s : null,
      daysToContractEnd: end !== null && typeof end === 'object' ? (Date.parse(end.date) - today) / DAY_MS : null,
      active: status(row) === (language === 'en' ? 'Active' : '合作中'),
      name: String(name(row)),
    };
  });
  const where = (test: (row: (typeof rows)[number]) => boolean): number[] => rows.filter(test).map((row) => row.sheetRow);
  return { rows, where };
}

describe('alerts on the playground sample roster', () => {
  it('colours exactly the rows the legend counts, for every alert in SPEC’s table, and a settings change re-colours them (English)', () => {
    const session = openSample('en');
    try {
      // The sample is generated around the session's day, and kept with it so a saved session rebuilds the same roster.
      expect(session.source).toEqual({ kind: 'sample', language: 'en', seed: 1, count: 300, today: TODAY });
      const facts = sampleFacts('en');

      const result = call<AlertsResult>(session, 'applyAlerts', {});
      expect(result.sheet).toBe('Roster');
      expect(result.skipped).toEqual([]);
      expect(result.applied.map((a) => a.id)).toEqual(SPEC_ALERTS);
      const view = rosterView(session);
      for (const alert of result.applied) {
        // Within a column every alert has a colour of its own, so the cells in that colour are the alert's.
        expect(colouredRows(view, alert.column, alert.background), alert.id).toHaveLength(alert.count);
        expect(alert.count, `${alert.id} flags some rows of the sample`).toBeGreaterThan(0);
      }

      // SPEC: ROAS below 2.0 red, above 5.0 green (revenue over actual spend, column F); a contract ending within 30
      // days from today amber, one that ended while the partnership is still Active red (column P).
      const roasLow = facts.where((r) => r.roas !== null && r.roas < 2);
      const roasStar = facts.where((r) => r.roas !== null && r.roas > 5);
      expect(colouredRows(view, 6, RED)).toEqual(roasLow);
      expect(colouredRows(view, 6, GREEN)).toEqual(roasStar);
      expect(colouredRows(view, 16, AMBER)).toEqual(facts.where((r) => r.daysToContractEnd !== null && r.daysToContractEnd >= 0 && r.daysToContractEnd <= 30));
      expect(colouredRows(view, 16, RED)).toEqual(facts.where((r) => r.daysToContractEnd !== null && r.daysToContractEnd < 0 && r.active));

      // ROAS low raised from 2.0 to 3.0: every row from 2.0 up to 3.0 turns red too; the stars stay as they were.
      const { settings } = call<SettingsView>(session, 'getSettings');
      call(session, 'saveSettings', { ...settings, alerts: { ...settings.alerts, roasLow: 3 } });
      const again = call<AlertsResult>(session, 'applyAlerts', {});
      const low = again.applied.find((a) => a.id === 'roas-low')!;
      const between = facts.where((r) => r.roas !== null && r.roas >= 2 && r.roas < 3);
      expect(between.length).toBeGreaterThan(0);
      expect(low.count).toBe(roasLow.length + between.length);
      const recoloured = rosterView(session);
      expect(colouredRows(recoloured, 6, RED)).toEqual([...roasLow, ...between].sort((a, b) => a - b));
      expect(colouredRows(recoloured, 6, GREEN)).toEqual(roasStar);
      expect(session.snapshot().sheets[0]!.conditionalFormats).toHaveLength(SPEC_ALERTS.length);
    } finally {
      session.close();
    }
  }, 60_000);

  it('the same on the Chinese sample', () => {
    const session = openSample('zh');
    try {
      const facts = sampleFacts('zh');
      const result = call<AlertsResult>(session, 'applyAlerts', {});
      expect(result.sheet).toBe('达人名单');
      expect(result.skipped).toEqual([]);
      expect(result.applied.map((a) => a.id)).toEqual(SPEC_ALERTS);
      const view = rosterView(session);
      for (const alert of result.applied) {
        expect(colouredRows(view, alert.column, alert.background), alert.id).toHaveLength(alert.count);
        expect(alert.count, alert.id).toBeGreaterThan(0);
      }
      // The Chinese sample holds the English one's numbers: the same ROAS rows, now under 合作中 and GMV.
      expect(colouredRows(view, 6, RED)).toEqual(facts.where((r) => r.roas !== null && r.roas < 2));
      expect(colouredRows(view, 16, RED)).toEqual(facts.where((r) => r.daysToContractEnd !== null && r.daysToContractEnd < 0 && r.active));
    } finally {
      session.close();
    }
  }, 60_000);

  it('keeps the user’s own rule and validation through every apply and remove, and re-colours after edits', () => {
    const session = openSample('en');
    try {
      const facts = sampleFacts('en');
      const app = session.workbook.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
      const sheet = session.workbook.spreadsheet.getSheetByName('Roster')!;
      // The team's own: names with "Glow" in blue, and a category list on column L.
      sheet.setConditionalFormatRules([app.newConditionalFormatRule().whenTextContains('Glow').setBackground(USER_BLUE).setRanges([sheet.getRange('A2:A301')]).build()]);
      sheet.getRange('L2:L301').setDataValidation(app.newDataValidation().requireValueInList(['Beauty', 'Fashion', 'Lifestyle', 'Food']).build());
      const userRule = JSON.stringify(session.snapshot().sheets[0]!.conditionalFormats);
      const userValidations = JSON.stringify(session.snapshot().sheets[0]!.validations);
      const glow = facts.where((r) => r.name.includes('Glow'));
      expect(glow.length).toBeGreaterThan(0);

      call(session, 'applyAlerts', {});
      call(session, 'applyAlerts', {});
      const rules = session.snapshot().sheets[0]!.conditionalFormats;
      expect(rules).toHaveLength(1 + SPEC_ALERTS.length);
      expect(JSON.stringify(rules.filter((rule) => !String(rule.values[0]).includes('Influencer Matrix alert:')))).toBe(userRule);
      expect(JSON.stringify(session.snapshot().sheets[0]!.validations.filter((v) => v.ranges.join() === 'L2:L301'))).toBe(userValidations);
      let view = rosterView(session);
      expect(colouredRows(view, 1, USER_BLUE)).toEqual(glow);

      // An edit re-colours the row it touches, whichever cell of the rule it is: revenue (F) or spend (G).
      const star = colouredRows(view, 6, GREEN)[0]!;
      const low = colouredRows(view, 6, RED)[0]!;
      expect(session.edit('Roster', `F${star}`, '1')).toEqual({ ok: true, value: null });
      expect(session.edit('Roster', `G${low}`, '1')).toEqual({ ok: true, value: null });
      view = rosterView(session);
      expect(view.cells[`F${star}`]!.bg).toBe(RED);
      expect(view.cells[`F${low}`]!.bg).toBe(GREEN);

      const removed = call<RemoveAlertsResult>(session, 'removeAlerts');
      expect(removed).toEqual({ sheet: 'Roster', removed: SPEC_ALERTS.length, dropdownRemoved: true });
      expect(JSON.stringify(session.snapshot().sheets[0]!.conditionalFormats)).toBe(userRule);
      expect(JSON.stringify(session.snapshot().sheets[0]!.validations)).toBe(userValidations);
      view = rosterView(session);
      expect(colouredRows(view, 6, RED)).toEqual([]);
      expect(colouredRows(view, 1, USER_BLUE)).toEqual(glow);
    } finally {
      session.close();
    }
  }, 60_000);
});

describe('conditional-format rules in the playground', () => {
  it('remembers only what a formula’s own cells decide', () => {
    expect(cellsAlone('=AND(ISTEXT("mark: A1"),$F2>0,G$3<1)')).toEqual([
      { row: 2, column: 6, rowAbsolute: false, columnAbsolute: true },
      { row: 3, column: 7, rowAbsolute: true, columnAbsolute: false },
    ]);
    expect(cellsAlone('=TODAY()-INT($P2)>=14')).toEqual([{ row: 2, column: 16, rowAbsolute: false, columnAbsolute: true }]);
    // A range, another sheet, where the cell stands, a reference built from text, chance or the time of day.
    for (const formula of ['=COUNTIF($C$2:$C$9,$C2)>1', "=A2>'Other tab'!A2", '=Sheet2!A2>0', '=ROW()=2', '=INDIRECT("A"&2)>0', '=RAND()>0.5', '=NOW()>$A2']) {
      expect(cellsAlone(formula), formula).toBeNull();
    }
  });

  it('colours rules that read a range or their own row, and follows edits', () => {
    const rows = [['Name', 'Followers', 'Platform'], ['Amy', '50000', 'Douyin'], ['Ben', '120000', 'TikTok'], ['Cai', '8000', 'Douyin'], ['Dee', '600000', 'Instagram']];
    const session = new PlaygroundSession({ code: readBundle(), sidebarHtml: readFileSync(join(DIST, 'Sidebar.html'), 'utf8'), source: { kind: 'csv', fileName: 'team.csv', rows }, today: TODAY });
    try {
      const app = session.workbook.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
      const sheet = session.workbook.spreadsheet.getSheetByName('Roster')!;
      const rule = (range: string, formula: string, colour: string) =>
        app.newConditionalFormatRule().whenFormulaSatisfied(formula).setBackground(colour).setRanges([sheet.getRange(range)]).build();
      sheet.setConditionalFormatRules([rule('B2:B5', '=$B2>=100000', GREEN), rule('C2:C5', '=COUNTIF($C$2:$C$5,$C2)>1', AMBER)]);
      // 100k followers and up: Ben and Dee; a platform listed twice: Douyin (Amy, Cai).
      expect(colouredRows(rosterView(session), 2, GREEN)).toEqual([3, 5]);
      expect(colouredRows(rosterView(session), 3, AMBER)).toEqual([2, 4]);
      session.edit('Roster', 'B2', '100000');
      session.edit('Roster', 'C3', 'Douyin');
      expect(colouredRows(rosterView(session), 2, GREEN)).toEqual([2, 3, 5]);
      expect(colouredRows(rosterView(session), 3, AMBER)).toEqual([2, 3, 4]);
    } finally {
      session.close();
    }
  });
});

describe('the playground’s day', () => {
  it('is the fixed day for the add-on and for TODAY(), in the workbook’s time zone', () => {
    const session = openSample('en');
    try {
      expect(session.edit('Roster', 'Z1', '=TODAY()')).toMatchObject({ ok: true });
      // 2026-05-15 is day 46,157 of Sheets' calendar (days since 1899-12-30).
      expect(session.engine.value('Roster', 1, 26)).toBe(46_157);
      // Asia/Shanghai: the add-on's clock reads a time on that day there.
      const shanghai = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(session.clock()));
      expect(shanghai).toBe(TODAY);
    } finally {
      session.close();
    }
  });

  it('is today by default, and the sample is generated around it', () => {
    const before = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const session = new PlaygroundSession({
      code: readBundle(),
      sidebarHtml: readFileSync(join(DIST, 'Sidebar.html'), 'utf8'),
      source: { kind: 'sample', language: 'en', seed: 1, count: 20 },
    });
    try {
      const after = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
      expect([before, after]).toContain(session.source.kind === 'sample' ? session.source.today : null);
    } finally {
      session.close();
    }
  });
});
