/**
 * What the alerts show on a roster now, from one batched read of its data rows: per alert the rows its colour is
 * on and the cells its rule cannot check, and the statuses the dropdown will not recognise. The sidebar's legend.
 */
import { readCell, ruleText, type CellReading, type UncheckedReason } from './alerts-cells';
import { evaluate, type RowReader } from './alerts-expr';
import { statusList } from './alerts-statuses';
import type { ActiveAlert, AlertColour, AlertSet, SkippedAlert } from './alerts';
import { serialOfDay, zoneClock, type Day, type ZoneClock } from './dates';
import type { RosterField } from './roster';
import type { Language } from './settings';

export interface UncheckedCells {
  field: RosterField;
  column: number;
  header: string;
  reason: UncheckedReason;
  /** Sheet rows, ascending. */
  rows: number[];
  /** The first few values as written, for the sidebar to quote. */
  examples: string[];
}

export interface AlertOutcome {
  id: string;
  label: Record<Language, string>;
  colour: AlertColour;
  background: string;
  /** The column the alert colours. */
  column: number;
  header: string;
  thresholds: Record<string, number>;
  /** Sheet rows the alert's colour is on now (a row an earlier rule on the same column already colours is not). */
  rows: number[];
  count: number;
  /** Rows the rule cannot decide because a cell it reads is text or out of range; they are never coloured. */
  unchecked: UncheckedCells[];
}

export interface AlertsReport {
  sheet: string;
  headerRow: number;
  alerts: AlertOutcome[];
  skipped: SkippedAlert[];
  scoreScale: AlertSet['scoreScale'];
  /** Status values outside the dropdown's list, by value; they are reported, never changed. */
  statusesOutsideList: Array<{ value: string; rows: number[] }>;
}

export interface ReportOptions {
  /** Today in the spreadsheet's time zone (what TODAY() returns there). */
  today: Day;
  /** The spreadsheet's time zone, to read the day of Date values. */
  timeZone: string;
  /** The language of the status dropdown. */
  language: Language;
}

const EXAMPLES = 3;

/**
 * The alerts of `set` on `rows`: the data rows below the header, as getValues returns them (numbers, strings,
 * Dates, booleans, ''), the first one being the row under the header.
 */
export function alertsReport(set: AlertSet, rows: readonly (readonly unknown[])[], options: ReportOptions): AlertsReport {
  const clock = zoneClock(options.timeZone);
  const today = serialOfDay(options.today);
  const firstRow = set.roster.headerRow + 1;
  const columnOf = (field: RosterField): number => set.roster.columns[field]!.column;
  const headerOf = (field: RosterField): string => set.roster.columns[field]!.header;

  // Each cell is read once, whichever alerts read it (a Date takes a time-zone conversion).
  const readings = rows.map(() => new Map<string, CellReading>());
  const taken = new Map<number, Set<number>>(); // column -> rows an earlier rule colours
  const alerts = set.active.map((alert) => {
    const column = columnOf(alert.target);
    const earlier = taken.get(column) ?? new Set<number>();
    taken.set(column, earlier);
    const outcome = evaluateAlert(alert, rows, { clock, today, firstRow, columnOf, headerOf, readings }, earlier);
    for (const row of outcome.rows) earlier.add(row);
    return outcome;
  });

  return {
    sheet: set.roster.sheet,
    headerRow: set.roster.headerRow,
    alerts,
    skipped: set.skipped,
    scoreScale: set.scoreScale,
    statusesOutsideList: set.roster.columns.status ? outsideList(rows, columnOf('status'), statusList(options.language), firstRow) : [],
  };
}

interface Context {
  clock: ZoneClock;
  today: number;
  firstRow: number;
  columnOf(field: RosterField): number;
  headerOf(field: RosterField): string;
  /** Per data row, the cells read so far, by field and kind. */
  readings: Array<Map<string, CellReading>>;
}

function evaluateAlert(alert: ActiveAlert, rows: readonly (readonly unknown[])[], ctx: Context, earlier: ReadonlySet<number>): AlertOutcome {
  const flagged: number[] = [];
  const unchecked = new Map<string, UncheckedCells>();
  rows.forEach((values, index) => {
    const sheetRow = ctx.firstRow + index;
    const readings = ctx.readings[index]!;
    const read = (field: RosterField, as: Parameters<RowReader['number']>[1]): CellReading => {
      const key = `${field}:${as}`;
      let reading = readings.get(key);
      if (!reading) readings.set(key, (reading = readCell(values[ctx.columnOf(field) - 1], as, ctx.clock)));
      return reading;
    };
    const reader: RowReader = { number: read, text: (field) => ruleText(values[ctx.columnOf(field) - 1]), today: ctx.today };
    const verdict = evaluate(alert.condition, reader);
    if (verdict.v === 'true') {
      if (!earlier.has(sheetRow)) flagged.push(sheetRow);
      return;
    }
    if (verdict.v !== 'unknown') return;
    for (const [key, reading] of readings) {
      const field = key.slice(0, key.indexOf(':')) as RosterField;
      // The cells this alert could not read: unreadable, in a field its verdict was unknown on.
      if (reading.state !== 'unreadable' || !verdict.fields.includes(field)) continue;
      const group = `${field}:${reading.reason}`;
      let cells = unchecked.get(group);
      if (!cells) unchecked.set(group, (cells = { field, column: ctx.columnOf(field), header: ctx.headerOf(field), reason: reading.reason, rows: [], examples: [] }));
      if (cells.rows[cells.rows.length - 1] !== sheetRow) cells.rows.push(sheetRow);
      if (cells.examples.length < EXAMPLES && !cells.examples.includes(reading.text)) cells.examples.push(reading.text);
    }
  });
  return {
    id: alert.id,
    label: alert.label,
    colour: alert.colour,
    background: alert.background,
    column: ctx.columnOf(alert.target),
    header: ctx.headerOf(alert.target),
    thresholds: alert.thresholds,
    rows: flagged,
    count: flagged.length,
    unchecked: [...unchecked.values()].sort((a, b) => a.column - b.column),
  };
}

/** Non-blank statuses the list does not hold (compared as the rules compare text: trimmed, any case). */
function outsideList(rows: readonly (readonly unknown[])[], column: number, list: string[], firstRow: number): Array<{ value: string; rows: number[] }> {
  const known = new Set(list.map((v) => ruleText(v)));
  const byValue = new Map<string, number[]>();
  rows.forEach((values, index) => {
    const raw = values[column - 1];
    if (raw === '' || raw === null || raw === undefined) return;
    const text = raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw).trim();
    if (text === '' || known.has(ruleText(raw))) return;
    const found = byValue.get(text);
    if (found) found.push(firstRow + index);
    else byValue.set(text, [firstRow + index]);
  });
  return [...byValue].map(([value, rows]) => ({ value, rows }));
}
