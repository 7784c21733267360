import { describe, expect, it } from 'vitest';
import { CUSTOM_FUNCTIONS } from '../src/functions/registry';
import { ENTRY_POINTS } from '../src/server/entry-points';
import { loadBundle, readBundle } from './support/bundle';

const code = readBundle();
const context = loadBundle();
const top = context as Record<string, unknown>;
/** Results cross the vm boundary as the other realm's arrays; compare them as plain data. */
const run = (name: string, ...args: unknown[]): unknown => JSON.parse(JSON.stringify((top[name] as (...a: unknown[]) => unknown)(...args)));

/** The JSDoc block directly above `function NAME(`, and the declared parameter list. */
function declaration(name: string): { doc: string; params: string[] } | null {
  const match = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\nfunction ${name}\\(([^)]*)\\)`).exec(code);
  if (!match) return null;
  return { doc: match[1]!, params: match[2]!.split(',').map((p) => p.trim()).filter(Boolean) };
}

describe('dist/Code.js as Apps Script sees it', () => {
  it('is one script without modules, small, and without full zod', () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(Buffer.byteLength(code)).toBeLessThan(224 * 1024);
    expect(code).not.toContain('"ZodString"'); // a class only the full zod build has; zod/mini names it ZodMiniString
  });

  it('runs in a bare V8 context and adds only its own globals', () => {
    // zod keeps its configuration on globalThis.__zod_globalConfig; nothing else may leak.
    const names = Object.keys(top).filter((n) => n !== '__zod_globalConfig').sort();
    const expected = ['InfluencerMatrix', ...CUSTOM_FUNCTIONS.map((f) => f.name), ...Object.keys(ENTRY_POINTS)].sort();
    expect(names).toEqual(expected);
  });

  it.each(CUSTOM_FUNCTIONS.map((f) => [f.name, f] as const))('%s is a top-level function with its JSDoc right above', (name, spec) => {
    expect(typeof top[name]).toBe('function');
    const decl = declaration(name);
    expect(decl, `no JSDoc block directly above function ${name}`).not.toBeNull();
    expect(decl!.params).toEqual(spec.params.map((p) => p.name));
    const paramTags = [...decl!.doc.matchAll(/@param \{[^}]+\} (\w+) \S/g)].map((m) => m[1]);
    expect(paramTags).toEqual(spec.params.map((p) => p.name));
    expect(decl!.doc).toContain('@customfunction');
    expect(decl!.doc).toMatch(/@return \{[^}]+\} \S/);
    expect(decl!.doc).toContain(spec.example);
    expect(decl!.doc.split('\n')[1]).toContain(spec.description);
  });

  it.each(Object.entries(ENTRY_POINTS))('entry point %s is a top-level function that is not a sheet function', (name, entry) => {
    expect(typeof top[name]).toBe('function');
    const decl = declaration(name);
    expect(decl?.params).toEqual(entry.params);
    expect(decl?.doc).not.toContain('@customfunction');
  });
});

describe('the bundle answers as the SPEC says', () => {
  it('gives the SPEC examples and boundaries', () => {
    expect(run('ROAS_PREDICT', 50_000, 0.08, 2_000, 150)).toBe(0.45);
    expect(run('FUNNEL_PREDICT', 50_000, '8%', '¥2,000', 150)).toEqual([[15_000, 1_200, 120, 6, 900, 0.45]]);
    expect(run('SELECTION_SCORE', '', 9, '12%', 8, '')).toBe(5.85);
    const boundaries = [[999], [1_000], [9_999], [10_000], [99_999], [100_000], [499_999], [500_000], [999_999], [1_000_000]];
    expect(run('TIER', boundaries)).toEqual([['Nano'], ['Micro'], ['Micro'], ['Mid'], ['Mid'], ['Macro'], ['Macro'], ['Mega'], ['Mega'], ['Mega']]);
    expect(run('TIER', boundaries, 'partnership')).toEqual([['Nano'], ['Micro'], ['Micro'], ['Micro'], ['Mid'], ['Mid'], ['Mid'], ['Macro'], ['Macro'], ['Mega']]);
    expect(run('UTM_LINK', 'https://a.example/p?x=1#top', 'xhs', 'kol', '双11')).toBe(
      'https://a.example/p?x=1&utm_source=xhs&utm_medium=kol&utm_campaign=%E5%8F%8C11#top',
    );
  });

  it('throws the clear error for a bad single argument', () => {
    expect(() => run('ROAS_PREDICT', 50_000, 8, 2_000, 150)).toThrow('ROAS_PREDICT: engagement_rate "8" is ambiguous: write 8% or 0.08.');
  });

  /** Calls of every function with the answer worked out by hand from SPEC sections 2 and 3: [arguments, result]. */
  const samples: Record<string, Array<[unknown[], unknown]>> = {
    TIER: [
      [[12_500], 'Mid'],
      [['3.4万'], 'Mid'],
      [[[[1e6], [''], ['12abc'], ['1.2M']]], [['Mega'], [''], ['⚠ followers "12abc" is not a number'], ['Mega']]],
      [[[[60_000]], 'partnership'], 'Mid'],
    ],
    ROAS_PREDICT: [
      [[50_000, '8%', 2_000, 150], 0.45],
      // Reach rate 50%: 25,000 reached, 2,000 engage, 200 click, 10 buy: ¥1,500 on ¥2,000.
      [[[[50_000], [''], ['5万']], [[0.08], [''], [8]], 2_000, 150, 0.5], [[0.75], [''], ['⚠ engagement_rate "8" is ambiguous: write 8% or 0.08']]],
    ],
    TOTAL_SCORE: [
      [[70, 80, 90], 80],
      [
        [[[20, 20, 20, 20], [25, 25, 25, 26]], [[80], [80]], [[70], [70]]],
        [[76.6666666667], ['⚠ engagement sub-score "audience growth" "26" is outside 0-25']],
      ],
    ],
    FUNNEL_PREDICT: [
      [[50_000, 0.08, 2_000, 150], [[15_000, 1_200, 120, 6, 900, 0.45]]],
      [
        [[[50_000], [10_000]], '8%', [[2_000], [0]], 150],
        [
          [15_000, 1_200, 120, 6, 900, 0.45],
          ['⚠ cost must be more than 0 to compute ROAS', '', '', '', '', ''],
        ],
      ],
    ],
    SELECTION_SCORE: [
      [['', 9, '12%', 8, ''], 5.85],
      // 2 x 0.3 + 9 x 0.25 + 12 x 0.2 + 8 x 0.15 + 5 x 0.1 = 6.95; the second row's factors are blank.
      [[[[2], ['']], [[9], ['']], [['12%'], ['']], 8, 5], [[6.95], ['']]],
    ],
    PERFORMANCE_RATING: [
      [[8.5], '⭐⭐'],
      [[[[9], [7.5], [6], ['x']]], [['⭐⭐⭐'], ['⭐'], ['Underperformer'], ['⚠ score "x" is not a number']]],
    ],
    AMBASSADOR_LEVEL: [
      [[60_000, '5%'], 'Gold'],
      [[[[1_000], [5_000], [300_000]], [['8%'], ['6%'], ['9%']]], [['Bronze'], ['Silver'], ['']]],
    ],
    UTM_LINK: [
      [['https://a.example', 's', 'm', 'c'], 'https://a.example/?utm_source=s&utm_medium=m&utm_campaign=c'],
      [
        [[['https://a.example'], ['nope'], ['']], 's', 'm', 'c', [['x'], ['y'], ['z']]],
        [['https://a.example/?utm_source=s&utm_medium=m&utm_campaign=c&utm_content=x'], ['⚠ url "nope" is not a web address'], ['']],
      ],
    ],
    CLEAN_NUMBER: [
      [['1.2万'], 12_000],
      [[[['12.5k'], ['¥2,000'], ['8%'], ['bad']]], [[12_500], [2_000], [0.08], ['⚠ value "bad" is not a number']]],
    ],
  };

  it('covers every registry function in the samples', () => {
    expect(Object.keys(samples).sort()).toEqual(CUSTOM_FUNCTIONS.map((f) => f.name).sort());
  });

  it.each(Object.entries(samples))('%s answers through the bundle as SPEC section 3 says', (name, calls) => {
    for (const [args, expected] of calls) expect(run(name, ...args), `${name}(${JSON.stringify(args)})`).toEqual(expected);
  });

  it('answers a 10,000-row range in one call with 10,000 rows', () => {
    const followers = Array.from({ length: 10_000 }, (_, i) => [i * 97]);
    const rates = Array.from({ length: 10_000 }, (_, i) => [`${(i % 20) + 1}%`]);
    const tiers = run('TIER', followers) as string[][];
    const roas = run('ROAS_PREDICT', followers, rates, 2_000, 150) as number[][];
    expect(tiers).toHaveLength(10_000);
    expect(roas).toHaveLength(10_000);
    // Row 1,000: 97,000 followers at 1% -> 29,100 reach, 291 engagements, 29.1 clicks, 1.455 orders, ¥218.25.
    expect(roas[1_000]).toEqual([0.109125]);
  });
});
