/**
 * How a dashboard figure becomes a cell: a live formula over the roster (from its declaration), the add-on's value
 * "as of" the refresh where the roster holds text a formula cannot read, or "n/a" with the reason. A figure shown
 * twice (a tile and a table total) is computed once: its other cells refer to the first.
 */
import { ALERT_LABELS, type Language } from './labels';
import { DASHBOARD_LABELS } from './dashboard-labels';
import { figureFormula, quoteText, type Figure, type RangeOf } from '../core/dashboard-expr';
import type { NotAvailable } from '../core/dashboard-figures';
import type { Dashboard, FigureValue, TextCells } from '../core/dashboard';
import type { RosterField } from '../core/roster';
import { a1, columnLetter, type PlanCell } from './types';

export const AS_OF_COLOR = '#80868b';
export const HEADER_BG = '#f1f3f4';
export const LABEL_COLOR = '#5f6368';

/** A sheet name as a formula writes it: always quoted, quotes doubled (names with spaces, quotes, Chinese). */
export const sheetRef = (name: string): string => `'${name.replace(/'/g, "''")}'`;

export interface RosterRefs {
  range: RangeOf;
}

/** Column ranges of the roster, from the first data row to the sheet's last row. */
export function rosterRefs(d: Dashboard): RosterRefs {
  const sheet = sheetRef(d.roster.sheet);
  const column = (field: RosterField): string => {
    const found = d.roster.columns[field];
    if (!found) throw new Error(`The roster has no ${field} column`);
    return columnLetter(found.column);
  };
  return {
    range: (field) => `${sheet}!$${column(field)}$${d.roster.firstRow}:$${column(field)}$${d.roster.lastRow}`,
  };
}

/** "Revenue (12 numbers as text, such as 3.4万 in row 14)", for each column. */
export function textColumns(cells: readonly TextCells[], language: Language): string {
  const t = DASHBOARD_LABELS[language];
  return cells.map((c) => t.textColumn(c.header, c.rows.length, c.examples[0] ?? '', c.rows[0] ?? 0, c.reason === 'text-date')).join(language === 'zh' ? '、' : '; ');
}

export function naReason(na: NotAvailable | undefined, language: Language): string {
  const t = DASHBOARD_LABELS[language];
  if (!na) return t.na;
  if (na.code === 'no-repeat-column') return t.naReasons.repeat;
  const reason = na.code === 'missing-columns' ? na : na.reason;
  if (reason.code !== 'missing-columns') return t.na;
  const fields = ALERT_LABELS[language].fields;
  const sets = reason.needs.map((set) => set.map((f) => fields[f]).join(' + '));
  return t.naReasons.needs(sets.join(language === 'zh' ? ' 或 ' : ' or '));
}

/** Places figures on the tab, remembering where each is so a second showing and a ratio can refer to it. */
export class FigureCells {
  private readonly homes = new Map<Figure, string>();
  private readonly t;
  private readonly refs: RosterRefs | null;

  constructor(
    private readonly d: Dashboard,
    private readonly language: Language,
  ) {
    this.t = DASHBOARD_LABELS[language];
    this.refs = Object.keys(d.roster.columns).length ? rosterRefs(d) : null;
  }

  get na(): string {
    return this.t.na;
  }

  figure(id: string): FigureValue | undefined {
    return this.d.figures[id];
  }

  /** The cell of figure `id` at (row, column); `style` adds formats and looks. */
  cell(id: string, row: number, column: number, style: Partial<PlanCell> = {}): PlanCell {
    const f = this.d.figures[id];
    if (!f || !f.def) return { ...style, value: this.t.na, ...(f?.na ? { note: naReason(f.na, this.language) } : {}) };
    const asOf = f.asOf.length ? { color: AS_OF_COLOR, note: this.t.asOfNote(this.d.refreshed.text, textColumns(f.asOf, this.language)) } : {};
    const home = this.homes.get(f.def);
    if (home) return { ...style, formula: `=${home}`, ...asOf };
    this.homes.set(f.def, a1(row, column));
    if (f.asOf.length) return { ...style, value: f.value ?? this.t.na, ...asOf };
    return { ...style, formula: `=${this.formula(f.def)}` };
  }

  /** The live formula of a declaration, referring to cells already placed for its parts. */
  formula(def: Figure): string {
    if (!this.refs) throw new Error('The roster has no mapped columns');
    return figureFormula(def, this.refs.range, this.t.na, (part) => (part === def ? undefined : this.homes.get(part)));
  }

  /** Where a figure was placed, if it was. */
  home(id: string): string | undefined {
    const def = this.d.figures[id]?.def;
    return def ? this.homes.get(def) : undefined;
  }
}

/** A status formula: the band's colour word for the number in `cell`, blank when it holds none. */
export function statusFormula(cell: string, green: string, yellow: string, direction: 'higher' | 'lower', words: Record<'green' | 'yellow' | 'red', string>): string {
  const at = direction === 'higher' ? '>=' : '<=';
  return `=IF(ISNUMBER(${cell}),IF(${cell}${at}${green},${quoteText(words.green)},IF(${cell}${at}${yellow},${quoteText(words.yellow)},${quoteText(words.red)})),"")`;
}
