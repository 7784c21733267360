import type { AllocationSettings } from '../core/allocation';
import { CURRENCY_CODES, TIER_KEYS, type CurrencyCode } from '../core/domain';
import type { Parsed } from '../core/result';
import type { AllocationEditProblem, AllocationField, AllocationInput } from '../shared/api';
import { budgetCurrency, INPUT_BLOCK, INPUT_CELLS, LAYOUT, readInput, sameValue, setAt, shown, valueAt, type Canonical, type InputCell } from './allocation-inputs';
import { LABELS, type Language } from './labels';
import { a1, type SheetPlan } from './types';

/**
 * What the build wrote into the Allocation tab's input cells, kept with the workbook, and what an exec changed there
 * since: the planner starts from those edits, and a rebuild that would replace them asks first.
 */
export interface WrittenInputs {
  version: 1;
  language: Language;
  currency: CurrencyCode;
  /** What each of INPUT_CELLS means, in order. */
  values: Canonical[];
  /** Column A of the input block, top to bottom, as written: labels that moved show rows inserted or deleted. */
  labels: Array<string | null>;
}

export function writtenInputs(plan: SheetPlan, settings: AllocationSettings, language: Language): WrittenInputs {
  const labels: Array<string | null> = [];
  for (let row = INPUT_BLOCK.top; row <= INPUT_BLOCK.bottom; row++) {
    const block = plan.blocks.find((b) => row >= b.row && row < b.row + b.cells.length && b.column === 1);
    const value = block?.cells[row - block.row]?.[0]?.value;
    labels.push(typeof value === 'string' && value !== '' ? value : null);
  }
  return { version: 1, language, currency: settings.currency, values: INPUT_CELLS.map((c) => valueAt(settings, c.key)), labels };
}

/** The record as saved, or null when it is missing or of another shape (then no edit can be told apart). */
export function asWrittenInputs(saved: unknown): WrittenInputs | null {
  const r = saved as Partial<WrittenInputs> | null;
  const fits =
    r?.version === 1 &&
    (r.language === 'en' || r.language === 'zh') &&
    CURRENCY_CODES.includes(r.currency!) &&
    r.values?.length === INPUT_CELLS.length &&
    r.labels?.length === INPUT_BLOCK.bottom - INPUT_BLOCK.top + 1;
  return fits ? (r as WrittenInputs) : null;
}

/** The input block as read back from INPUT_BLOCK.top, column A: values and number formats. */
export interface InputBlock {
  values: unknown[][];
  formats: string[][];
}

export interface TabEdit {
  cell: InputCell;
  value: Parsed<Canonical>;
}

export interface TabReading {
  edits: TabEdit[];
  /** A typed `$25,000` or `25000元` in the budget cell names a currency other than the tab's. */
  budgetCurrency: CurrencyCode | null;
  problems: AllocationEditProblem[];
  /** Rows were inserted or deleted above an input: its cells no longer hold what they held. */
  moved: boolean;
}

const text = (raw: unknown): string => (raw === null || raw === undefined ? '' : raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw));

/** Compares the input block with what the build wrote. */
export function readTab(w: WrittenInputs, block: InputBlock): TabReading {
  const at = (row: number, column: number): unknown => block.values[row - INPUT_BLOCK.top]?.[column - 1];
  const moved = block.values.length === 0 ? INPUT_BLOCK.top : movedRow(w, at);
  if (moved !== null) {
    const problem: AllocationEditProblem = {
      cell: a1(moved, 1),
      label: w.labels[moved - INPUT_BLOCK.top] ?? '',
      field: null,
      value: text(at(moved, 1)),
      message: 'rows of the tab were inserted or deleted since it was built, so its inputs are not where they were written',
    };
    return { edits: [], budgetCurrency: null, moved: true, problems: [problem] };
  }
  const edits: TabEdit[] = [];
  const problems: AllocationEditProblem[] = [];
  INPUT_CELLS.forEach((cell, i) => {
    const written = w.values[i]!;
    const raw = at(cell.row, cell.column);
    const before = shown(cell, written, w.language);
    if (sameValue(raw, before) || (typeof raw === 'string' && raw.trim() === String(before))) return;
    const value = readInput(cell, raw, w.currency);
    if (value.ok && sameValue(value.value, written)) return;
    edits.push({ cell, value });
    if (!value.ok) problems.push({ cell: a1(cell.row, cell.column), label: labelOf(cell, w), field: cell.field, value: text(raw), message: value.reason });
  });
  // A currency typed into the currency cell says it outright; the budget's sign only speaks when that cell was left.
  const format = block.formats[LAYOUT.budget.row - INPUT_BLOCK.top]?.[LAYOUT.budget.column - 1] ?? '';
  const named = edits.some((e) => e.cell.key === 'currency') ? null : budgetCurrency(at(LAYOUT.budget.row, LAYOUT.budget.column), format, w.currency);
  return { edits, budgetCurrency: named !== w.currency ? named : null, problems, moved: false };
}

/** The row's label and, in the tier table, the column's header: "Mega · Cost per post (min)". */
function labelOf(cell: InputCell, w: WrittenInputs): string {
  const row = w.labels[cell.row - INPUT_BLOCK.top] ?? '';
  const inTierTable = cell.row >= LAYOUT.tierInputs.first && cell.row < LAYOUT.tierInputs.first + TIER_KEYS.length;
  return inTierTable ? `${row} · ${LABELS[w.language].tierInputHeaders[cell.column - 1]}` : row;
}

/**
 * The first input row whose label is gone while it sits a few rows away: rows were inserted or deleted. A label that
 * was merely retyped is found nowhere near and does not count.
 */
function movedRow(w: WrittenInputs, at: (row: number, column: number) => unknown): number | null {
  const label = (row: number): string => text(at(row, 1)).trim();
  for (const row of new Set(INPUT_CELLS.map((c) => c.row))) {
    const expected = w.labels[row - INPUT_BLOCK.top];
    if (!expected || label(row) === expected) continue;
    for (let shift = 1; shift <= 5; shift++) if (label(row + shift) === expected || label(row - shift) === expected) return row;
  }
  return null;
}

const FIELD_ORDER = [...new Set(INPUT_CELLS.flatMap((c) => (c.field ? [c.field] : [])))];
const ordered = (fields: Iterable<AllocationField>): AllocationField[] => {
  const set = new Set(fields);
  return FIELD_ORDER.filter((f) => set.has(f));
};

/** The fields whose cells were edited (or cannot be read), in the tab's order. */
export function editedFields(reading: TabReading): AllocationField[] {
  if (reading.moved) return FIELD_ORDER.slice();
  return ordered([...reading.edits.flatMap((e) => (e.cell.field ? [e.cell.field] : [])), ...(reading.budgetCurrency ? ['currency' as const] : [])]);
}

/**
 * The last built request with the tab's readable edits in place: the planner's starting point. A cell that cannot
 * be read keeps the built value (the problem is reported beside it).
 */
export function startingRequest(saved: AllocationInput, w: WrittenInputs, reading: TabReading): AllocationInput {
  const input = { ...saved } as Record<string, unknown> & AllocationInput;
  if (reading.moved) return input;
  const tab: Record<string, unknown> = {};
  INPUT_CELLS.forEach((c, i) => setAt(tab, c.key, w.values[i]));
  const touched = new Set<string>();
  for (const e of reading.edits) {
    if (!e.value.ok || !e.cell.field) continue;
    setAt(tab, e.cell.key, e.value.value);
    touched.add(e.cell.field);
  }
  if (reading.budgetCurrency) {
    tab.currency = reading.budgetCurrency;
    touched.add('currency');
  }
  for (const field of touched) input[field] = tab[field];
  // A stage picked in the sheet is a preset and brings its own mix, unless the mix was edited too or it is custom.
  if (touched.has('stage') && !touched.has('mix')) {
    if (input.stage === 'custom') input.mix = tab.mix as AllocationInput['mix'];
    else delete input.mix;
  }
  return input;
}

/**
 * The fields a build with `next` would replace: edited cells whose value differs from what the build writes, and
 * every cell that cannot be read. Empty when the build keeps or repeats every edit.
 */
export function replacedFields(reading: TabReading, next: AllocationSettings): AllocationField[] {
  if (reading.moved) return FIELD_ORDER.slice();
  const fields = reading.edits.flatMap((e) => (e.cell.field && (!e.value.ok || !sameValue(e.value.value, valueAt(next, e.cell.key))) ? [e.cell.field] : []));
  return ordered(reading.budgetCurrency && reading.budgetCurrency !== next.currency ? [...fields, 'currency'] : fields);
}

/** The model's assumptions an exec edited (funnel rates, typical accounts), which the request does not carry: kept. */
export function keepModelEdits(reading: TabReading, settings: AllocationSettings): AllocationSettings {
  const kept = JSON.parse(JSON.stringify(settings)) as AllocationSettings;
  for (const e of reading.edits) if (!e.cell.field && e.value.ok) setAt(kept, e.cell.key, e.value.value);
  return kept;
}
