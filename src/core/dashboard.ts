/**
 * The Dashboard tab's content, computed once from one read of the roster: every figure's declaration (for the live
 * formula), its value (the core's), whether it can be live, and the top / bottom lists.
 *
 * Live or "as of": a native formula reads only real numbers and dates. Where a column a figure reads holds values the
 * team reads as numbers or dates but Sheets holds as text (`3.4万`, `¥2,000` typed as text, `2026/11/30`), the
 * formula would quietly leave those rows out, so that figure is written as the add-on's value instead, with the time
 * it was computed, and the tab names the column and rows. Every other figure is a live formula.
 */
import { readCell, ruleText, type CellKind, type UncheckedReason } from './alerts-cells';
import type { RowReader } from './alerts-expr';
import { resolveAlerts } from './alerts';
import { readDateCell, serialOfDay, zoneClock, type Day, type ZoneClock } from './dates';
import { bandColour, BAND_DIRECTION, DEFAULT_DASHBOARD_SETTINGS, type BandColour, type BandKey, type DashboardSettings } from './dashboard-settings';
import { evaluateFigure, figureReads, type CellRead } from './dashboard-expr';
import { figureDefs, rankingDef, tierRanges, type FigureDef, type NotAvailable, type RankingDef, type TierRange } from './dashboard-figures';
import { rankRows, type RankedRow } from './dashboard-ranking';
import type { PerTier } from './domain';
import { parseNumber } from './parse';
import type { RosterDetection, RosterField } from './roster';
import type { Settings } from './settings';

/** The Allocation tab's plan, as its cells hold it now: budget and predicted revenue per tier. */
export interface PlanFigures {
  /** The tab's name, for the live references. */
  sheetName: string;
  budget: PerTier<number>;
  revenue: PerTier<number>;
}

export interface DashboardInput {
  roster: RosterDetection;
  /** The data rows under the header, as getValues returns them (numbers, strings, Dates, booleans, ''). */
  rows: readonly (readonly unknown[])[];
  /**
   * The roster sheet's last row (getMaxRows): the formulas' ranges run to it, so a row typed below the data counts
   * without re-running the add-on.
   */
  lastRow: number;
  settings: Settings;
  dashboard?: DashboardSettings;
  /** Now on the spreadsheet's wall clock, "2026-03-31T14:05" (seconds optional): "last refreshed" and "as of". */
  now: string;
  /** The spreadsheet's time zone, to read the day of Date cells. */
  timeZone: string;
  /** The Allocation tab's plan when the workbook has one: plan against actual. */
  allocation?: PlanFigures | null;
}

/** Cells of one column that the add-on reads but a native formula cannot. */
export interface TextCells {
  field: RosterField;
  column: number;
  header: string;
  reason: Extract<UncheckedReason, 'text-number' | 'text-date'>;
  rows: number[];
  examples: string[];
}

export interface FigureValue {
  id: string;
  /** The declaration the live formula comes from; null when the roster cannot give this figure. */
  def: FigureDef['figure'];
  /** The core's value; null for n/a (a ratio over nothing, or a figure the roster cannot give). */
  value: number | null;
  na?: NotAvailable;
  /** Columns holding text the formula cannot read: the figure is written as a value, as of `now`. */
  asOf: TextCells[];
}

export interface ListEntry extends RankedRow {
  name: string;
  /** The tier's index in `tiers`, or null without followers. */
  tier: number | null;
  spend: number | null;
  revenue: number | null;
}

export interface DashboardLists {
  def: RankingDef | null;
  na?: NotAvailable;
  count: number;
  top: ListEntry[];
  bottom: ListEntry[];
  asOf: TextCells[];
}

export interface Dashboard {
  roster: { sheet: string; headerRow: number; firstRow: number; lastRow: number; columns: RosterDetection['columns'] };
  tiers: TierRange[];
  settings: DashboardSettings;
  /** The roster alerts' windows the tiles name ("within 30 days", "3+ days"). */
  expiringDays: number;
  followUpDays: number;
  spendField: 'spend' | 'cost' | null;
  /** Whether active means a status of Active, or (without a status column) rows with spend. */
  activeBy: 'status' | 'spend' | null;
  figures: Record<string, FigureValue>;
  lists: DashboardLists;
  plan: PlanFigures | null;
  /** Every column with text the formulas cannot read, for the tab's notice. */
  textCells: TextCells[];
  refreshed: { serial: number; text: string; timeZone: string };
  rowsRead: number;
}

const EXAMPLES = 3;

function parseNow(now: string): { day: Day; serial: number; text: string } {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(now);
  if (!m) throw new Error(`"now" must be a wall-clock time such as 2026-03-31T14:05, got ${JSON.stringify(now)}`);
  const day = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  const seconds = Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6] ?? 0);
  return { day, serial: serialOfDay(day) + seconds / 86_400, text: `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}` };
}

/**
 * A roster row as the core reads it: real numbers and dates as the alert rules read them, and also numbers and dates
 * written as text, read the way the custom functions read them. A live formula sees the same row without the text
 * ones, which is why a figure reading such a cell is written as this value instead.
 */
export function dashboardRow(values: readonly unknown[], columns: RosterDetection['columns'], clock: ZoneClock, today: number): RowReader {
  const raw = (field: RosterField): unknown => {
    const found = columns[field];
    return found ? values[found.column - 1] : '';
  };
  return {
    today,
    text: (field) => ruleText(raw(field)),
    number(field: RosterField, as: CellKind) {
      const value = raw(field);
      const reading = readCell(value, as, clock);
      if (reading.state !== 'unreadable') return reading;
      if (reading.reason === 'text-number') {
        const parsed = parseNumber(value, as === 'rate' ? 'rate' : 'number');
        if (parsed.ok && parsed.value !== null) return { state: 'value', value: parsed.value };
      }
      if (reading.reason === 'text-date') {
        const cell = readDateCell(value, clock);
        if (cell.kind === 'text-date') return { state: 'value', value: serialOfDay(cell.day) };
      }
      return reading;
    },
  };
}

/** Per column read, the cells holding numbers or dates as text. */
function findTextCells(roster: RosterDetection, rows: readonly (readonly unknown[])[], reads: readonly CellRead[], clock: ZoneClock): Map<string, TextCells> {
  const found = new Map<string, TextCells>();
  const seen = new Set<string>();
  for (const { field, as } of reads) {
    const column = roster.columns[field];
    if (!column || seen.has(`${field}:${as}`)) continue;
    seen.add(`${field}:${as}`);
    rows.forEach((values, index) => {
      const reading = readCell(values[column.column - 1], as, clock);
      if (reading.state !== 'unreadable' || (reading.reason !== 'text-number' && reading.reason !== 'text-date')) return;
      const key = `${field}:${as}`;
      let cells = found.get(key);
      if (!cells) found.set(key, (cells = { field, column: column.column, header: column.header, reason: reading.reason, rows: [], examples: [] }));
      cells.rows.push(roster.headerRow + 1 + index);
      if (cells.examples.length < EXAMPLES && !cells.examples.includes(reading.text)) cells.examples.push(reading.text);
    });
  }
  return found;
}

const readKey = (r: CellRead): string => `${r.field}:${r.as}`;

export function buildDashboardModel(input: DashboardInput): Dashboard {
  const { roster, rows, settings } = input;
  const dashboard = input.dashboard ?? DEFAULT_DASHBOARD_SETTINGS;
  const firstRow = roster.headerRow + 1;
  if (!Number.isInteger(input.lastRow) || input.lastRow < firstRow) throw new Error(`The roster's last row (${input.lastRow}) must be below its header row (${roster.headerRow})`);
  const clock = zoneClock(input.timeZone);
  const now = parseNow(input.now);
  const today = serialOfDay(now.day);
  const has = (field: RosterField): boolean => roster.columns[field] !== undefined;
  const tiers = tierRanges(settings.tierScheme);
  const ctx = { has, tiers, alerts: resolveAlerts(roster, settings, rows) };
  const defs = figureDefs(ctx);
  const ranking = rankingDef(ctx);
  const rankingReads = 'na' in ranking ? [] : figureReads({ k: 'sum', of: ranking.key, where: { ...ranking.where, has: [...(ranking.where.has ?? []), ...(has('followers') ? ['followers' as const] : [])] } });

  const allReads = [...defs.flatMap((d) => (d.figure ? figureReads(d.figure) : [])), ...rankingReads];
  const text = findTextCells(roster, rows, allReads, clock);
  const asOf = (reads: readonly CellRead[]): TextCells[] => [...new Set(reads.map(readKey))].flatMap((k) => (text.has(k) ? [text.get(k)!] : []));
  const readers = rows.map((values) => dashboardRow(values, roster.columns, clock, today));

  const figures: Record<string, FigureValue> = {};
  for (const def of defs) {
    figures[def.id] = {
      id: def.id,
      def: def.figure,
      value: def.figure ? evaluateFigure(def.figure, readers) : null,
      ...(def.na ? { na: def.na } : {}),
      asOf: def.figure ? asOf(figureReads(def.figure)) : [],
    };
  }

  return {
    roster: { sheet: roster.sheet, headerRow: roster.headerRow, firstRow, lastRow: input.lastRow, columns: roster.columns },
    tiers,
    settings: dashboard,
    expiringDays: settings.alerts.expiringDays,
    followUpDays: settings.alerts.followUpDays.followUp,
    spendField: has('spend') ? 'spend' : has('cost') ? 'cost' : null,
    activeBy: has('status') ? 'status' : has('spend') || has('cost') ? 'spend' : null,
    figures,
    lists: lists(ranking, readers, rows, roster, tiers, asOf(rankingReads)),
    plan: input.allocation ?? null,
    textCells: [...text.values()],
    refreshed: { serial: now.serial, text: now.text, timeZone: input.timeZone },
    rowsRead: rows.length,
  };
}

function lists(ranking: RankingDef | { na: NotAvailable }, readers: readonly RowReader[], rows: readonly (readonly unknown[])[], roster: RosterDetection, tiers: readonly TierRange[], asOf: TextCells[]): DashboardLists {
  if ('na' in ranking) return { def: null, na: ranking.na, count: 0, top: [], bottom: [], asOf: [] };
  const firstRow = roster.headerRow + 1;
  const ranked = rankRows(ranking, readers, firstRow);
  const spendField: RosterField | null = roster.columns.spend ? 'spend' : roster.columns.cost ? 'cost' : null;
  const nameField: RosterField | null = roster.columns.name ? 'name' : roster.columns.handle ? 'handle' : null;
  const numberOf = (row: RowReader, field: RosterField | null): number | null => {
    if (!field || !roster.columns[field]) return null;
    const r = row.number(field, 'number');
    return r.state === 'value' ? r.value : null;
  };
  const entry = (r: RankedRow): ListEntry => {
    const row = readers[r.index]!;
    const followers = numberOf(row, 'followers');
    const tier = followers === null ? -1 : tiers.findIndex((t) => followers >= t.min);
    const name = nameField ? rows[r.index]![roster.columns[nameField]!.column - 1] : '';
    return { ...r, name: nameText(name), tier: tier < 0 ? null : tier, spend: numberOf(row, spendField), revenue: numberOf(row, 'revenue') };
  };
  return { def: ranking, count: ranked.count, top: ranked.top.map(entry), bottom: ranked.bottom.map(entry), asOf };
}

/** A name cell as `INDEX(...)&""` shows it. */
function nameText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** The colour a figure's band gives it; null for n/a. */
export const figureColour = (value: number | null, band: BandKey, settings: DashboardSettings): BandColour | null =>
  bandColour(value, settings.bands[band], BAND_DIRECTION[band]);

