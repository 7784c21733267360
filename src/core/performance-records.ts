import type { TierBand } from './domain';
import { parseNumber, parseText, type NumberKind } from './parse';
import type { PerformanceRecord } from './performance';
import { parseQuarter } from './quarter';
import { tierOf } from './tiers';

/**
 * From roster cells to performance records: the columns the mapping found (1-based), read with the same parsers as
 * the custom functions. A cell that does not read is left out of the figures (null) and reported with its row and
 * column, never guessed.
 */
export type PerformanceField =
  | 'name'
  | 'platform'
  | 'followers'
  | 'spend'
  | 'cost'
  | 'revenue'
  | 'impressions'
  | 'engagements'
  | 'conversions'
  | 'status'
  | 'quarter';

export interface RecordIssue {
  row: number;
  field: PerformanceField;
  reason: string;
}

const NUMBERS: ReadonlyArray<readonly [PerformanceField, NumberKind]> = [
  ['followers', 'count'],
  ['spend', 'money'],
  ['cost', 'money'],
  ['revenue', 'money'],
  ['impressions', 'count'],
  ['engagements', 'count'],
  ['conversions', 'count'],
];

/**
 * `rows` are the data rows under the header, `firstRow` the sheet row of the first one. Blank rows (no cell of a
 * mapped column filled) are skipped. Spend is the spend column, else the cost / quote column (SPEC section 4).
 */
export function toPerformanceRecords(
  rows: readonly (readonly unknown[])[],
  columns: Partial<Record<PerformanceField, number>>,
  scheme: readonly TierBand[],
  firstRow = 2,
): { records: PerformanceRecord[]; issues: RecordIssue[] } {
  const records: PerformanceRecord[] = [];
  const issues: RecordIssue[] = [];
  const mapped = Object.values(columns).filter((c): c is number => typeof c === 'number');
  rows.forEach((cells, index) => {
    const row = firstRow + index;
    const cell = (field: PerformanceField): unknown => (columns[field] === undefined ? null : cells[columns[field]! - 1]);
    if (mapped.every((c) => isEmpty(cells[c - 1]))) return;
    const numbers: Partial<Record<PerformanceField, number | null>> = {};
    for (const [field, kind] of NUMBERS) {
      const parsed = parseNumber(cell(field), kind);
      if (parsed.ok) numbers[field] = parsed.value;
      else {
        numbers[field] = null;
        issues.push({ row, field, reason: parsed.reason });
      }
    }
    const quarter = parseQuarter(cell('quarter'));
    if (!quarter.ok) issues.push({ row, field: 'quarter', reason: quarter.reason });
    const followers = numbers.followers ?? null;
    const tier = followers === null ? null : tierOf(followers, scheme);
    const text = (field: PerformanceField): string | null => {
      const parsed = parseText(cell(field));
      return parsed.ok ? parsed.value : null;
    };
    const cost = numbers.cost ?? null;
    records.push({
      row,
      name: text('name') ?? `#${row}`,
      platform: text('platform'),
      tier: tier?.ok ? tier.value : null,
      followers,
      spend: columns.spend !== undefined ? numbers.spend ?? null : cost,
      costPerPost: cost,
      revenue: numbers.revenue ?? null,
      impressions: numbers.impressions ?? null,
      engagements: numbers.engagements ?? null,
      conversions: numbers.conversions ?? null,
      status: text('status'),
      quarter: quarter.ok && quarter.value ? quarter.value.key : null,
    });
  });
  return { records, issues };
}

const isEmpty = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
