import { describe, expect, it } from 'vitest';
import { CUSTOM_FUNCTION_BY_NAME, CUSTOM_FUNCTIONS } from '../src/functions/registry';
import { runCustomFunction } from '../src/functions/vectorize';

const call = (name: string, ...args: unknown[]) => runCustomFunction(CUSTOM_FUNCTION_BY_NAME[name]!, args);
const column = (...values: unknown[]) => values.map((v) => [v]);

describe('the custom-function registry', () => {
  it('has exactly the public functions of SPEC section 3, with their argument order', () => {
    const signatures = Object.fromEntries(CUSTOM_FUNCTIONS.map((f) => [f.name, f.params.map((p) => p.name)]));
    expect(signatures).toMatchObject({
      TIER: ['followers', 'scheme'],
      ROAS_PREDICT: ['followers', 'engagement_rate', 'cost', 'aov', 'reach_rate', 'click_rate', 'conversion_rate'],
      TOTAL_SCORE: ['engagement', 'partnership', 'strategic'],
      FUNNEL_PREDICT: ['followers', 'engagement_rate', 'cost', 'aov', 'reach_rate', 'click_rate', 'conversion_rate'],
      SELECTION_SCORE: ['past_roas', 'audience_match', 'engagement_rate', 'content_quality', 'partnership_ease'],
      PERFORMANCE_RATING: ['score'],
      AMBASSADOR_LEVEL: ['followers', 'engagement_rate'],
      UTM_LINK: ['url', 'source', 'medium', 'campaign', 'content', 'term'],
    });
  });

  it('documents every function and parameter, with an example that calls the function', () => {
    for (const f of CUSTOM_FUNCTIONS) {
      expect(f.description.length, f.name).toBeGreaterThan(20);
      expect(f.example.startsWith(`=${f.name}(`), f.name).toBe(true);
      for (const p of f.params) expect(p.description.length, `${f.name}.${p.name}`).toBeGreaterThan(5);
      const optional = f.params.map((p) => !!p.optional);
      expect(optional.indexOf(true) === -1 || optional.slice(optional.indexOf(true)).every(Boolean) || f.name === 'SELECTION_SCORE', f.name).toBe(true);
    }
  });
});

describe('single values', () => {
  it('answers the seed examples', () => {
    expect(call('TIER', 50_000)).toBe('Mid');
    expect(call('ROAS_PREDICT', 50_000, 0.08, 2_000, 150)).toBe(0.45);
    expect(call('ROAS_PREDICT', '5万', '8%', '¥2,000', '150元')).toBe(0.45);
    expect(call('FUNNEL_PREDICT', 50_000, '8%', 2_000, 150)).toEqual([[15_000, 1_200, 120, 6, 900, 0.45]]);
    expect(call('SELECTION_SCORE', '', 9, '12%', 8, '')).toBe(5.85);
    expect(call('SELECTION_SCORE', 'N/A', '9/10', 0.12, '8/10')).toBe(5.85);
    expect(call('PERFORMANCE_RATING', 9.5)).toBe('⭐⭐⭐');
    expect(call('AMBASSADOR_LEVEL', '3万', '7%')).toBe('Silver');
    expect(call('AMBASSADOR_LEVEL', '3万', '5%')).toBe('');
    expect(call('TOTAL_SCORE', 70, 80, 90)).toBe(80);
  });

  it('accepts the four sub-scores of a relationship score as a row', () => {
    expect(call('TOTAL_SCORE', [[20, 20, 20, 20]], [[18, 17, 25, 20]], [[25, 25, 15, 12]])).toBe(79);
  });

  it('throws a message naming the function, the argument, the value and what is expected', () => {
    expect(() => call('ROAS_PREDICT', 50_000, 8, 2_000, 150)).toThrow(
      'ROAS_PREDICT: engagement_rate "8" is ambiguous: write 8% or 0.08.',
    );
    expect(() => call('TIER', '12abc')).toThrow('TIER: followers "12abc" is not a number; expected a count such as 12000, 12.5k or 3.4万.');
    expect(() => call('TIER', 1000, 'big')).toThrow(/^TIER: scheme "big" is not a tier scheme; expected "matrix"/);
    expect(() => call('ROAS_PREDICT', 50_000, 0.08, 0, 150)).toThrow('ROAS_PREDICT: cost must be more than 0 to compute ROAS.');
    expect(() => call('ROAS_PREDICT', 50_000, 0.08, '', 150)).toThrow('ROAS_PREDICT: cost is required.');
    expect(() => call('TOTAL_SCORE', [[26, 20, 20, 15]], 80, 80)).toThrow(
      'TOTAL_SCORE: engagement sub-score "recent engagement rate" "26" is outside 0-25.',
    );
    expect(() => call('TOTAL_SCORE', 101, 80, 80)).toThrow(/engagement "101" is out of range; expected 0 to 100/);
    expect(() => call('PERFORMANCE_RATING', 12)).toThrow('PERFORMANCE_RATING: score "12" is out of range; expected 0 to 10.');
    expect(() => call('UTM_LINK', 'https://a.example', 'x', '', 'c')).toThrow('UTM_LINK: medium is required.');
    expect(() => call('TIER', 1, 'matrix', 'extra')).toThrow('TIER: takes at most 2 arguments, got 3.');
  });

  it('gives blank for a blank subject, so a formula filled down past the data stays quiet', () => {
    expect(call('TIER', '')).toBe('');
    expect(call('ROAS_PREDICT', '', '', 2_000, 150)).toBe('');
    expect(call('FUNNEL_PREDICT', '', '', 2_000, 150)).toEqual([['', '', '', '', '', '']]);
    expect(call('UTM_LINK', '', 'xhs', 'kol', 'spring')).toBe('');
  });
});

describe('ranges', () => {
  it('returns a same-height column, broadcasting single values', () => {
    expect(call('TIER', column(500_000, 499_999, 10_000, 999))).toEqual(column('Mega', 'Macro', 'Mid', 'Nano'));
    expect(call('ROAS_PREDICT', column(50_000, 100_000), column('8%', '8%'), 2_000, 150)).toEqual(column(0.45, 0.9));
    expect(call('ROAS_PREDICT', 50_000, column(0.08, 0.16), column(2_000, 1_000), 150)).toEqual(column(0.45, 1.8));
  });

  it('keeps blank rows blank and shows a short reason in a bad row while the others compute', () => {
    expect(call('TIER', column(12_000, '', '12abc', '3.4万', 'N/A'))).toEqual(
      column('Mid', '', '⚠ followers "12abc" is not a number', 'Mid', ''),
    );
    expect(call('ROAS_PREDICT', column(50_000, 50_000, '', 50_000), column('8%', 8, '', '8%'), column(2_000, 2_000, '', ''), 150)).toEqual(
      column(0.45, '⚠ engagement_rate "8" is ambiguous: write 8% or 0.08', '', '⚠ cost missing'),
    );
  });

  it('spreads FUNNEL_PREDICT over six columns per row', () => {
    expect(call('FUNNEL_PREDICT', column(50_000, '', 'x'), '8%', 2_000, 150)).toEqual([
      [15_000, 1_200, 120, 6, 900, 0.45],
      ['', '', '', '', '', ''],
      ['⚠ followers "x" is not a number', '', '', '', '', ''],
    ]);
  });

  it('mirrors a row range and a block element by element', () => {
    expect(call('TIER', [[1_000, 10_000, 100_000]])).toEqual([['Micro', 'Mid', 'Macro']]);
    expect(call('PERFORMANCE_RATING', [[9, 8], [7, 1]])).toEqual([['⭐⭐⭐', '⭐⭐'], ['⭐', 'Underperformer']]);
  });

  it('reads sub-score rows and score columns side by side in TOTAL_SCORE', () => {
    const engagement = [[20, 20, 20, 15], ['', '', '', ''], [20, 30, 20, 15]];
    expect(call('TOTAL_SCORE', engagement, column(80, '', 80), column(80, '', 80))).toEqual(
      column(78.3333333333, '', '⚠ engagement sub-score "comment quality" "30" is outside 0-25'),
    );
  });

  it('applies a team tier table to a whole column', () => {
    const table = [['Tier', 'Min'], ['KOL', 100_000], ['KOC', 1_000], ['素人', 0]];
    expect(call('TIER', column('12万', 5_000, 10), table)).toEqual(column('KOL', 'KOC', '素人'));
  });

  it('rejects ranges of different sizes and wrong widths as a whole', () => {
    expect(() => call('ROAS_PREDICT', column(1, 2, 3), column(0.1, 0.1), 1, 1)).toThrow(
      'ROAS_PREDICT: followers and engagement_rate must be ranges of the same size (3 rows vs 2 rows).',
    );
    expect(() => call('FUNNEL_PREDICT', [[1, 2], [3, 4]], 0.1, 1, 1)).toThrow('must be a single column');
    expect(() => call('TOTAL_SCORE', [[1, 2, 3], [1, 2, 3]], 1, 1)).toThrow('engagement must be 1 or 4 columns wide, got 3.');
  });

  it('still throws for a bad single argument next to a range', () => {
    expect(() => call('ROAS_PREDICT', column(50_000, 60_000), '8%', 2_000, 'lots')).toThrow(/^ROAS_PREDICT: aov "lots" is not a number/);
  });

  it('answers 10,000 rows in one call', () => {
    const followers = Array.from({ length: 10_000 }, (_, i) => [i * 97]);
    const tiers = call('TIER', followers) as string[][];
    expect(tiers).toHaveLength(10_000);
    expect(tiers[5_000]).toEqual(['Macro']);
    expect(tiers[9_999]).toEqual(['Mega']);
  });
});
