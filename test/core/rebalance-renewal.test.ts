import { describe, expect, it } from 'vitest';
import type { PerformanceRecord } from '../../src/core/performance';
import { renewalDecisions } from '../../src/core/renewal';

const record = (name: string, tier: string, spend: number | null, revenue: number | null, costPerPost: number | null = null): PerformanceRecord => ({
  row: 0, name, platform: null, tier, followers: null, spend, costPerPost, revenue,
  impressions: null, engagements: null, conversions: null, status: 'Active', quarter: null,
});

const numbered = (rows: PerformanceRecord[]): PerformanceRecord[] => rows.map((r, i) => ({ ...r, row: i + 2 }));

describe('renew / review / end within each tier, ranked by ROAS', () => {
  it('renews the top 50%, ends the bottom 25%, reviews the rest; lists apart who lacks data and never ends them', () => {
    const rows = numbered([
      // Eight Mid influencers with results (ROAS = revenue / spend).
      record('Ada', 'Mid', 2_000, 9_000), // 4.5
      record('Bo', 'Mid', 3_000, 6_000), // 2.0
      record('Cy', 'Mid', 1_000, 5_200), // 5.2
      record('Di', 'Mid', 4_000, 4_000), // 1.0
      record('Ed', 'Mid', 2_500, 9_500), // 3.8
      record('Fa', 'Mid', 1_500, 4_200), // 2.8
      record('Gu', 'Mid', 2_000, 0), // 0
      record('Hu', 'Mid', 5_000, 16_000), // 3.2
      // Not enough data: no spend; less than one Mid post (the cheapest is ¥1,000); no revenue figure.
      record('Io', 'Mid', null, null),
      record('Jo', 'Mid', 600, 9_000),
      record('Ka', 'Mid', 2_000, null),
      // Another tier is ranked on its own.
      record('Lu', 'Micro', 500, 1_000),
    ]);
    const [mid, micro] = renewalDecisions(rows, ['Mid', 'Micro']);
    // Ranked: Cy 5.2, Ada 4.5, Ed 3.8, Hu 3.2 | Fa 2.8, Bo 2.0 | Di 1.0, Gu 0. 8 ranked: renew 4, end 2, review 2.
    expect(mid!.ranked.map((r) => [r.name, r.roas, r.rank, r.decision])).toEqual([
      ['Cy', 5.2, 1, 'renew'],
      ['Ada', 4.5, 2, 'renew'],
      ['Ed', 3.8, 3, 'renew'],
      ['Hu', 3.2, 4, 'renew'],
      ['Fa', 2.8, 5, 'review'],
      ['Bo', 2, 6, 'review'],
      ['Di', 1, 7, 'end'],
      ['Gu', 0, 8, 'end'],
    ]);
    expect(mid!.notEnoughData.map((r) => [r.name, r.why])).toEqual([
      ['Io', 'no-spend'],
      ['Jo', 'below-one-post'],
      ['Ka', 'no-revenue'],
    ]);
    expect(mid!.counts).toEqual({ renew: 4, review: 2, end: 2, notEnoughData: 3 });
    expect(micro!.ranked.map((r) => [r.name, r.decision])).toEqual([['Lu', 'review']]);
  });

  it('rounds both counts down in small tiers: 1 -> review; 3 -> 1 renew, 2 review; 4 -> 2 / 1 / 1; 5 -> 2 / 2 / 1', () => {
    const tier = (n: number) => numbered(Array.from({ length: n }, (_, i) => record(`M${i + 1}`, 'Macro', 10_000, 10_000 * (n - i))));
    const decisions = (n: number) => renewalDecisions(tier(n), ['Macro'])[0]!.ranked.map((r) => r.decision);
    expect(decisions(1)).toEqual(['review']);
    expect(decisions(2)).toEqual(['renew', 'review']);
    expect(decisions(3)).toEqual(['renew', 'review', 'review']);
    expect(decisions(4)).toEqual(['renew', 'renew', 'review', 'end']);
    expect(decisions(5)).toEqual(['renew', 'renew', 'review', 'review', 'end']);
  });

  it('for a team’s own tier names, one post’s worth is the row’s own quote', () => {
    const rows = numbered([record('A', '头部', 8_000, 20_000, 10_000), record('B', '头部', 10_000, 20_000, 10_000)]);
    const [own] = renewalDecisions(rows, ['头部']);
    expect(own!.notEnoughData.map((r) => [r.name, r.why])).toEqual([['A', 'below-one-post']]);
    expect(own!.ranked.map((r) => r.name)).toEqual(['B']);
  });

  it('ties on ROAS: more revenue ranks first; of two zero-revenue rows the dearer one ranks last', () => {
    const rows = numbered([
      record('small', 'Micro', 400, 800),
      record('big', 'Micro', 800, 1_600),
      record('cheap-zero', 'Micro', 300, 0),
      record('dear-zero', 'Micro', 900, 0),
    ]);
    expect(renewalDecisions(rows, ['Micro'])[0]!.ranked.map((r) => [r.name, r.decision])).toEqual([
      ['big', 'renew'],
      ['small', 'renew'],
      ['cheap-zero', 'review'],
      ['dear-zero', 'end'],
    ]);
  });
});
