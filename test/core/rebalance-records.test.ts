import { describe, expect, it } from 'vitest';
import { TIER_SCHEMES } from '../../src/core/domain';
import { toPerformanceRecords } from '../../src/core/performance-records';

describe('toPerformanceRecords', () => {
  const scheme = TIER_SCHEMES.matrix;

  it('reads cells as exports write them, takes the tier from the followers, and the quarter from the period column', () => {
    const rows = [
      ['小鹿爱美妆', '小红书', '3.4万', '¥2,000', '1.2万', '2026年第1季度'],
      ['Mia Glow', 'Instagram', '520k', '15000', '27,000', '2026-02-14'],
      ['', '', '', '', '', ''],
      ['Leo Eats', 'Douyin', '800', 'N/A', '-', '2026-Q1'],
    ];
    const columns = { name: 1, platform: 2, followers: 3, cost: 4, revenue: 5, quarter: 6 };
    const { records, issues } = toPerformanceRecords(rows, columns, scheme, 5);
    expect(issues).toEqual([]);
    expect(records.map((r) => [r.row, r.name, r.tier, r.spend, r.costPerPost, r.revenue, r.quarter])).toEqual([
      [5, '小鹿爱美妆', 'Mid', 2_000, 2_000, 12_000, '2026-Q1'],
      [6, 'Mia Glow', 'Mega', 15_000, 15_000, 27_000, '2026-Q1'],
      // The blank row is skipped; placeholders read as blank.
      [8, 'Leo Eats', 'Nano', null, null, null, '2026-Q1'],
    ]);
  });

  it('uses the spend column when there is one, and reports what it cannot read without guessing', () => {
    const rows = [
      ['Ada', '12k', 3_000, 2_800, '9k', '8%'],
      ['Bo', 'lots', 3_000, 'about 3000', 12_000, 'Q3'],
    ];
    const columns = { name: 1, followers: 2, cost: 3, spend: 4, revenue: 5, quarter: 6 };
    const { records, issues } = toPerformanceRecords(rows, columns, scheme);
    expect(records.map((r) => [r.name, r.tier, r.spend, r.costPerPost, r.revenue, r.quarter])).toEqual([
      ['Ada', 'Mid', 2_800, 3_000, 9_000, null],
      ['Bo', null, null, 3_000, 12_000, null],
    ]);
    expect(issues).toEqual([
      { row: 2, field: 'quarter', reason: '"8%" is not a quarter; expected a quarter such as 2026-Q3, 2026年第3季度, a date or a month such as 2026-08' },
      { row: 3, field: 'followers', reason: '"lots" is not a number; expected a count such as 12000, 12.5k or 3.4万' },
      { row: 3, field: 'spend', reason: '"about 3000" is not a number; expected an amount such as 2000, ¥2,000 or 1.5万' },
      { row: 3, field: 'quarter', reason: '"Q3" is not a quarter; expected a quarter such as 2026-Q3, 2026年第3季度, a date or a month such as 2026-08' },
    ]);
  });
});
