import { describe, expect, it } from 'vitest';
import { CUSTOM_FUNCTION_BY_NAME, CUSTOM_FUNCTIONS } from '../src/functions/registry';
import { ArgumentError, runCustomFunction } from '../src/functions/vectorize';

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

describe('the help Sheets shows', () => {
  const NUM = 'number|Array<Array<number>>';
  const TEXT = 'string|Array<Array<string>>';

  it('marks as optional exactly the bracketed arguments of SPEC section 3 and the README', () => {
    const optional = Object.fromEntries(CUSTOM_FUNCTIONS.map((f) => [f.name, f.params.filter((p) => p.optional).map((p) => p.name)]));
    expect(optional).toEqual({
      TIER: ['scheme'],
      ROAS_PREDICT: ['reach_rate', 'click_rate', 'conversion_rate'],
      TOTAL_SCORE: [],
      FUNNEL_PREDICT: ['reach_rate', 'click_rate', 'conversion_rate'],
      SELECTION_SCORE: ['past_roas', 'audience_match', 'engagement_rate', 'content_quality', 'partnership_ease'],
      PERFORMANCE_RATING: [],
      AMBASSADOR_LEVEL: [],
      UTM_LINK: ['content', 'term'],
      CLEAN_NUMBER: [],
    });
  });

  it('declares what each function returns: a tier, a rating, a level and a link are text; the rest numbers', () => {
    const returns = Object.fromEntries(CUSTOM_FUNCTIONS.map((f) => [f.name, f.returns.type]));
    expect(returns).toEqual({
      TIER: TEXT,
      ROAS_PREDICT: NUM,
      TOTAL_SCORE: NUM,
      FUNNEL_PREDICT: 'Array<Array<number>>',
      SELECTION_SCORE: NUM,
      PERFORMANCE_RATING: TEXT,
      AMBASSADOR_LEVEL: TEXT,
      UTM_LINK: TEXT,
      CLEAN_NUMBER: NUM,
    });
    for (const f of CUSTOM_FUNCTIONS) expect(f.returns.description, f.name).toMatch(/\S{3}.*\.$/);
  });

  it('declares number arguments as numbers and text arguments as text', () => {
    const types = Object.fromEntries(CUSTOM_FUNCTIONS.map((f) => [f.name, f.params.map((p) => p.type)]));
    expect(types).toEqual({
      TIER: [NUM, 'string|Array<Array<string|number>>'],
      ROAS_PREDICT: Array(7).fill(NUM),
      TOTAL_SCORE: Array(3).fill(NUM),
      FUNNEL_PREDICT: Array(7).fill(NUM),
      SELECTION_SCORE: Array(5).fill(NUM),
      PERFORMANCE_RATING: [NUM],
      AMBASSADOR_LEVEL: [NUM, NUM],
      UTM_LINK: Array(6).fill(TEXT),
      CLEAN_NUMBER: [TEXT], // it takes the messy text exports hold
    });
  });

  it('looks every function up by its name', () => {
    for (const f of CUSTOM_FUNCTIONS) expect(CUSTOM_FUNCTION_BY_NAME[f.name]).toBe(f);
  });
});

describe('single values, rules of SPEC section 3', () => {
  it('ROAS_PREDICT and FUNNEL_PREDICT use each optional rate they are given', () => {
    // Seed example 0.45; doubling one rate doubles the ROAS, all three doubled gives 0.45 x 8 = 3.6.
    expect(call('ROAS_PREDICT', 50_000, '8%', 2_000, 150, '60%')).toBe(0.9);
    expect(call('ROAS_PREDICT', 50_000, '8%', 2_000, 150, '', 0.2)).toBe(0.9);
    expect(call('ROAS_PREDICT', 50_000, '8%', 2_000, 150, '', '', '10%')).toBe(0.9);
    expect(call('ROAS_PREDICT', 50_000, '8%', 2_000, 150, 0.6, 0.2, 0.1)).toBe(3.6);
    expect(call('FUNNEL_PREDICT', 50_000, '8%', 2_000, 150, '60%', '20%', '10%')).toEqual([[30_000, 2_400, 480, 48, 7_200, 3.6]]);
    expect(() => call('ROAS_PREDICT', 50_000, '8%', 2_000, 150, 30)).toThrow('ROAS_PREDICT: reach_rate "30" is ambiguous: write 30% or 0.3.');
    expect(() => call('FUNNEL_PREDICT', 50_000, '8%', 2_000, 150, '', '', '¥5')).toThrow(/^FUNNEL_PREDICT: conversion_rate "¥5" is not a rate/);
  });

  it('FUNNEL_PREDICT refuses a zero cost like ROAS_PREDICT', () => {
    expect(() => call('FUNNEL_PREDICT', 50_000, 0.08, 0, 150)).toThrow('FUNNEL_PREDICT: cost must be more than 0 to compute ROAS.');
  });

  it('accepts scores at the top of their scale', () => {
    expect(call('TOTAL_SCORE', 100, 100, 100)).toBe(100);
    expect(call('TOTAL_SCORE', '100/100', 0, 0)).toBe(33.3333333333);
    expect(call('PERFORMANCE_RATING', 10)).toBe('⭐⭐⭐');
    expect(call('PERFORMANCE_RATING', '10/10')).toBe('⭐⭐⭐');
    expect(call('PERFORMANCE_RATING', 0)).toBe('Underperformer');
    expect(call('SELECTION_SCORE', 10, 10, '10%', 10, 10)).toBe(10);
    expect(call('SELECTION_SCORE', 10, '10/10', 0.1, '10/10', '10/10')).toBe(10);
  });

  it('SELECTION_SCORE counts past ROAS as points up to 10 and refuses a negative one', () => {
    expect(call('SELECTION_SCORE', 4)).toBe(1.2);
    expect(call('SELECTION_SCORE', 0, 9)).toBe(2.25); // a past ROAS of 0 is a poor record, not a bad value
    expect(call('SELECTION_SCORE', '2.5')).toBe(0.75);
    expect(call('SELECTION_SCORE', 30, 9, '12%', 8)).toBe(8.85);
    expect(() => call('SELECTION_SCORE', -1, 9)).toThrow('SELECTION_SCORE: past_roas "-1" is negative; expected 0 or more.');
    expect(() => call('SELECTION_SCORE', '', 11)).toThrow('SELECTION_SCORE: audience_match "11" is out of range; expected 0 to 10.');
  });

  it('checks every sub-score against its own cap (SPEC section 2)', () => {
    const CAPS = {
      engagement: [
        ['recent engagement rate', 25],
        ['comment quality', 25],
        ['content consistency', 25],
        ['audience growth', 25],
      ],
      partnership: [
        ['responsiveness', 20],
        ['professionalism', 20],
        ['content quality', 30],
        ['results', 30],
      ],
      strategic: [
        ['audience match', 30],
        ['brand alignment', 30],
        ['growth potential', 20],
        ['competitive advantage', 20],
      ],
    } as const;
    const kinds = Object.keys(CAPS) as Array<keyof typeof CAPS>;
    for (const [k, kind] of kinds.entries()) {
      const caps = CAPS[kind].map(([, cap]) => cap);
      const args: unknown[] = [80, 80, 80];
      // Every sub-score at its cap makes a full 100.
      args[k] = [caps];
      expect(call('TOTAL_SCORE', ...args), kind).toBe(86.6666666667);
      CAPS[kind].forEach(([part, cap], i) => {
        const over = caps.map((c, j) => (j === i ? c + 1 : c));
        args[k] = [over];
        expect(() => call('TOTAL_SCORE', ...args), `${kind} ${part}`).toThrow(
          `TOTAL_SCORE: ${kind} sub-score "${part}" "${cap + 1}" is outside 0-${cap}.`,
        );
      });
    }
  });

  it('refuses a blank sub-score rather than counting it as 0', () => {
    expect(() => call('TOTAL_SCORE', [[20, '', 20, 20]], 80, 80)).toThrow('TOTAL_SCORE: engagement sub-score "comment quality" is missing.');
    expect(() => call('TOTAL_SCORE', [['', '', '', '']], 80, 80)).toThrow('TOTAL_SCORE: engagement is required.');
  });

  it('UTM_LINK tags the link, trims values and adds content and term only when given', () => {
    expect(call('UTM_LINK', ' https://shop.example.com/serum ', ' xiaohongshu ', 'influencer', 'spring_launch')).toBe(
      'https://shop.example.com/serum?utm_source=xiaohongshu&utm_medium=influencer&utm_campaign=spring_launch',
    );
    expect(call('UTM_LINK', 'http://a.example', 'xhs', 'kol', 'spring', '@amy', 'serum')).toBe(
      'http://a.example/?utm_source=xhs&utm_medium=kol&utm_campaign=spring&utm_content=%40amy&utm_term=serum',
    );
    expect(call('UTM_LINK', 'https://a.example', 'xhs', 'kol', 'spring', '', 'serum')).toBe(
      'https://a.example/?utm_source=xhs&utm_medium=kol&utm_campaign=spring&utm_term=serum',
    );
    expect(call('UTM_LINK', 'https://a.example', 'xhs', 'kol', 618)).toBe('https://a.example/?utm_source=xhs&utm_medium=kol&utm_campaign=618');
    expect(() => call('UTM_LINK', 'shop.example.com', 'xhs', 'kol', 'spring')).toThrow(
      'UTM_LINK: url "shop.example.com" is not a web address; expected a link starting with https:// (or http://).',
    );
  });

  it('CLEAN_NUMBER reads any messy metric, and says what it cannot read', () => {
    expect(call('CLEAN_NUMBER', '1.2万')).toBe(12_000);
    expect(call('CLEAN_NUMBER', '0.57万')).toBe(5_700);
    expect(call('CLEAN_NUMBER', '2.9%')).toBe(0.029);
    expect(call('CLEAN_NUMBER', '-3.5')).toBe(-3.5);
    expect(call('CLEAN_NUMBER', '')).toBe('');
    expect(call('CLEAN_NUMBER', column('12.5k', '¥2,000', '8%', 'bad', ''))).toEqual(
      column(12_500, 2_000, 0.08, '⚠ value "bad" is not a number', ''),
    );
    expect(() => call('CLEAN_NUMBER', 'bad')).toThrow('CLEAN_NUMBER: value "bad" is not a number; expected a number.');
  });

  it('reads a one-cell range as a single value', () => {
    expect(call('TIER', [[50_000]])).toBe('Mid');
    expect(call('ROAS_PREDICT', [[50_000]], [['8%']], [[2_000]], [[150]])).toBe(0.45);
    expect(call('TIER', [[60_000]], [['partnership']])).toBe('Mid');
  });

  it('throws errors of its own kind', () => {
    try {
      call('TIER', '12abc');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ArgumentError);
      expect((error as Error).name).toBe('ArgumentError');
    }
  });
});

describe('ranges, row by row', () => {
  it('shows the reason in the row whose calculation fails', () => {
    expect(call('ROAS_PREDICT', column(50_000, 50_000), '8%', column(2_000, 0), 150)).toEqual(
      column(0.45, '⚠ cost must be more than 0 to compute ROAS'),
    );
    expect(call('FUNNEL_PREDICT', column(50_000, 50_000), '8%', column(0, 2_000), 150)).toEqual([
      ['⚠ cost must be more than 0 to compute ROAS', '', '', '', '', ''],
      [15_000, 1_200, 120, 6, 900, 0.45],
    ]);
  });

  it('shows a missing required single value in every row of a range', () => {
    expect(call('ROAS_PREDICT', column(50_000, 60_000), '8%', '', 150)).toEqual(column('⚠ cost missing', '⚠ cost missing'));
    expect(call('ROAS_PREDICT', '', column('8%', '8%'), 2_000, 150)).toEqual(column('⚠ followers missing', '⚠ followers missing'));
  });

  it('computes a row whose subject is half filled, and blanks one whose subject is empty', () => {
    // ROAS_PREDICT's subject is the influencer: followers and engagement rate. A cost alone is not a row.
    expect(call('ROAS_PREDICT', column(50_000, '', 50_000), column('', '', '8%'), column(2_000, 2_000, 2_000), 150)).toEqual(
      column('⚠ engagement_rate missing', '', 0.45),
    );
  });

  it('refuses a blank sub-score inside a range rather than counting it as 0', () => {
    expect(call('TOTAL_SCORE', [[20, '', 20, 20], [20, 20, 20, 20]], column('', 80), column('', 80))).toEqual(
      column('⚠ engagement sub-score "comment quality" is missing', 80),
    );
  });

  it('refuses ranges of the same height but different widths', () => {
    expect(() => call('AMBASSADOR_LEVEL', [[1_000, 5_000], [50_000, 1_000]], column('8%', '6%'))).toThrow(
      'AMBASSADOR_LEVEL: followers and engagement_rate must be ranges of the same size (2 rows x 2 columns vs 2 rows).',
    );
    expect(() => call('AMBASSADOR_LEVEL', [[1_000, 5_000, 50_000]], [['8%', '6%']])).toThrow(
      'AMBASSADOR_LEVEL: followers and engagement_rate must be ranges of the same size (1 row x 3 columns vs 1 row x 2 columns).',
    );
    expect(call('AMBASSADOR_LEVEL', [[1_000, 5_000], [50_000, 1_000]], [['8%', '6%'], ['4%', '7%']])).toEqual([
      ['Bronze', 'Silver'],
      ['Gold', ''],
    ]);
  });

  it('refuses a range that is not rectangular', () => {
    expect(() => call('TIER', [[1_000, 2_000], [3_000]])).toThrow('TIER: followers is not a rectangular range.');
  });
});
