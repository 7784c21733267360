import { currencyOfAmount, currencyOfName, currencyOfNumberFormat, parseAmount } from '../core/currency';
import { CURRENCIES, GEOGRAPHIES, PARTNERSHIP_TYPES, STAGES, TIER_KEYS, type CurrencyCode } from '../core/domain';
import { parseNumber } from '../core/parse';
import { fail, ok, quote, type Parsed } from '../core/result';
import type { AllocationField } from '../shared/api';
import { LABELS, type Language } from './labels';

/**
 * The Allocation tab's input cells: where each sits, which request field it feeds, what the build wrote there, and how
 * a value an exec typed into it reads back. The tab plan writes these cells; the server compares them with what it
 * wrote to find the edits the planner must start from (and a rebuild must not silently replace).
 */

export const LAYOUT = {
  budget: { row: 5, column: 2 },
  currency: { row: 6, column: 2 },
  period: { row: 7, column: 2 },
  stage: { row: 8, column: 2 },
  aov: { row: 9, column: 2 },
  targetRoas: { row: 10, column: 2 },
  reachRate: { row: 11, column: 2 },
  clickRate: { row: 12, column: 2 },
  conversionRate: { row: 13, column: 2 },
  /** Tier inputs: tier, mix, cost min, cost max, typical followers, engagement rate. */
  tierInputs: { header: 15, first: 16 },
  mixTotalRow: 21,
  /** Results per tier: tier, budget, posts min, posts max, reach, revenue, ROAS, against target, warning. */
  results: { title: 23, header: 24, first: 25 },
  resultsTotalRow: 30,
  partnership: { title: 32, header: 33, first: 34 },
  geography: { title: 40, header: 41, first: 42 },
} as const;

/** What a cell means, language aside: a number, a currency code, a period or a stage. */
export type Canonical = number | string;

export interface InputCell {
  /** The cell's path in AllocationSettings: "budget", "mix.mega", "costPerPost.mid.min". */
  key: string;
  row: number;
  column: number;
  /**
   * The request field the cell feeds; null for the model's assumptions (funnel rates, typical accounts), which the
   * request does not carry: a rebuild keeps their edits.
   */
  field: AllocationField | null;
}

const REQUEST_FIELDS: readonly string[] = ['budget', 'currency', 'period', 'stage', 'aov', 'targetRoas', 'mix', 'costPerPost', 'partnershipMix', 'geoMix'];
const SINGLES = ['budget', 'currency', 'period', 'stage', 'aov', 'targetRoas', 'reachRate', 'clickRate', 'conversionRate'] as const;
const TIER_COLUMNS = ['mix', 'costPerPost.#.min', 'costPerPost.#.max', 'typicalFollowers', 'engagementRate'];

const inputCell = (key: string, row: number, column = 2): InputCell => {
  const head = key.split('.')[0]!;
  return { key, row, column, field: REQUEST_FIELDS.includes(head) ? (head as AllocationField) : null };
};

/** Every input cell, in the tab's order. */
export const INPUT_CELLS: readonly InputCell[] = [
  ...SINGLES.map((key) => inputCell(key, LAYOUT[key].row)),
  ...TIER_KEYS.flatMap((t, i) =>
    TIER_COLUMNS.map((path, c) => inputCell(path.includes('#') ? path.replace('#', t) : `${path}.${t}`, LAYOUT.tierInputs.first + i, c + 2)),
  ),
  ...PARTNERSHIP_TYPES.map((p, i) => inputCell(`partnershipMix.${p}`, LAYOUT.partnership.first + i)),
  ...GEOGRAPHIES.map((g, i) => inputCell(`geoMix.${g}`, LAYOUT.geography.first + i)),
];

/** The rows and columns the input cells span, labels (column A) included: one read covers them all. */
export const INPUT_BLOCK = {
  top: LAYOUT.budget.row,
  bottom: LAYOUT.geography.first + GEOGRAPHIES.length - 1,
  left: 1,
  right: TIER_COLUMNS.length + 1,
} as const;

type Tree = Record<string, unknown>;

/** The value at a cell's path in the settings. */
export const valueAt = (settings: object, key: string): Canonical => key.split('.').reduce<unknown>((o, k) => (o as Tree)[k], settings) as Canonical;

/** Sets the value at a path, creating the objects on the way. */
export function setAt(target: object, key: string, value: unknown): void {
  const path = key.split('.');
  const last = path.pop()!;
  let node = target as Tree;
  for (const k of path) node = (node[k] ??= {}) as Tree;
  node[last] = value;
}

type Kind = 'money' | 'share' | 'count' | 'ratio' | 'currency' | 'period' | 'stage';

function kindOf(key: string): Kind {
  const head = key.split('.')[0]!;
  if (head === 'budget' || head === 'aov' || head === 'costPerPost') return 'money';
  if (head === 'currency' || head === 'period' || head === 'stage') return head;
  if (head === 'targetRoas') return 'ratio';
  return head === 'typicalFollowers' ? 'count' : 'share';
}

const PERIODS = ['month', 'quarter'] as const;
const STAGE_CHOICES = [...STAGES, 'custom'] as const;

/** What a cell shows for a value: numbers as they are, period and stage in the tab's language. */
export function shown(c: InputCell, value: Canonical, language: Language): string | number {
  const t = LABELS[language];
  const names: Record<string, string> | null = c.key === 'period' ? t.periodValues : c.key === 'stage' ? t.stageNames : null;
  return names?.[value] ?? value;
}

/** A period or stage typed in either language, or as its key. */
function named(raw: unknown, keys: readonly string[], names: (l: Language) => Record<string, string>): Parsed<Canonical> {
  const text = String(raw ?? '').normalize('NFKC').trim().toLowerCase();
  const key = keys.find((k) => k === text || names('en')[k]!.toLowerCase() === text || names('zh')[k] === text);
  return key ? ok(key) : fail(`${quote(raw)} is not one of ${keys.map((k) => names('en')[k]).join(', ')} (${keys.map((k) => names('zh')[k]).join('、')})`);
}

/**
 * Reads what an exec typed into an input cell, the way the planner reads a typed value (`¥25,000`, `2.5万`, `8%`).
 * `current` is the tab's currency, which a bare `$` or `¥` keeps when it is of that sign's family.
 */
export function readInput(c: InputCell, raw: unknown, current: CurrencyCode): Parsed<Canonical> {
  const kind = kindOf(c.key);
  if (kind === 'currency') {
    const code = currencyOfName(raw, current);
    return code ? ok(code) : fail(`${quote(raw)} is not a currency; expected a code such as CNY or USD, or a sign such as ¥ or $`);
  }
  if (kind === 'period') return named(raw, PERIODS, (l) => LABELS[l].periodValues);
  if (kind === 'stage') return named(raw, STAGE_CHOICES, (l) => LABELS[l].stageNames);
  const read: Parsed<number | null> =
    kind === 'money' ? mapAmount(parseAmount(raw, current)) : parseNumber(raw, kind === 'share' ? 'rate' : kind === 'count' ? 'count' : 'number');
  if (!read.ok) return read;
  if (read.value === null) return fail('the cell is empty');
  if (read.value < 0) return fail(`${quote(raw)} is negative`);
  return kind === 'share' && read.value > 1 ? fail(`${quote(raw)} is more than 100%`) : ok(read.value);
}

const mapAmount = (read: ReturnType<typeof parseAmount>): Parsed<number | null> => (read.ok ? ok(read.value?.amount ?? null) : read);

export const sameValue = (a: unknown, b: unknown): boolean =>
  typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)) : a === b;

/** The currency a typed budget names: its sign or code as text, or the currency format Sheets gave a typed `$25,000`. */
export function budgetCurrency(raw: unknown, format: string, current: CurrencyCode): CurrencyCode | null {
  if (typeof raw === 'string') return currencyOfAmount(raw, current)?.code ?? null;
  return format === CURRENCIES[current].format ? null : currencyOfNumberFormat(format, current);
}
