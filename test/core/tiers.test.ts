import { describe, expect, it } from 'vitest';
import { TIER_SCHEMES } from '../../src/core/domain';
import { parseScheme, tierOf } from '../../src/core/tiers';

const tier = (followers: number, scheme: 'matrix' | 'partnership' = 'matrix') => {
  const result = tierOf(followers, TIER_SCHEMES[scheme]);
  return result.ok ? result.value : result.reason;
};

describe('tierOf, matrix scheme (the default, seed 000)', () => {
  it.each([
    [0, 'Nano'],
    [999, 'Nano'],
    [1_000, 'Micro'],
    [9_999, 'Micro'],
    [10_000, 'Mid'],
    [99_999, 'Mid'],
    [100_000, 'Macro'],
    [499_999, 'Macro'],
    [500_000, 'Mega'],
    [80_000_000, 'Mega'],
  ])('%i followers is %s', (followers, expected) => {
    expect(tier(followers)).toBe(expected);
  });

  it('is the scheme used when none is given', () => {
    expect(tierOf(10_000)).toEqual({ ok: true, value: 'Mid' });
  });
});

describe('tierOf, partnership scheme (seed 002)', () => {
  it.each([
    [999, 'Nano'],
    [1_000, 'Micro'],
    [49_999, 'Micro'],
    [50_000, 'Mid'],
    [499_999, 'Mid'],
    [500_000, 'Macro'],
    [999_999, 'Macro'],
    [1_000_000, 'Mega'],
  ])('%i followers is %s', (followers, expected) => {
    expect(tier(followers, 'partnership')).toBe(expected);
  });
});

describe('parseScheme', () => {
  it('knows the named schemes, case and spaces aside, and defaults to matrix', () => {
    expect(parseScheme(' Partnership ')).toEqual({ ok: true, value: TIER_SCHEMES.partnership });
    expect(parseScheme('')).toEqual({ ok: true, value: TIER_SCHEMES.matrix });
    expect(parseScheme(undefined)).toEqual({ ok: true, value: TIER_SCHEMES.matrix });
  });

  it('rejects an unknown scheme name, listing the choices', () => {
    expect(parseScheme('huge')).toMatchObject({ ok: false, reason: expect.stringContaining('"matrix", "partnership"') });
  });

  it('reads a team table in any order, skipping a header row and blank rows', () => {
    const table = [
      ['Tier', 'Min followers'],
      ['Small', '1k'],
      ['', ''],
      ['Huge', '10万'],
      ['Tiny', 0],
    ];
    const parsed = parseScheme(table);
    expect(parsed).toEqual({
      ok: true,
      value: [
        { tier: 'Huge', minFollowers: 100_000 },
        { tier: 'Small', minFollowers: 1_000 },
        { tier: 'Tiny', minFollowers: 0 },
      ],
    });
    if (parsed.ok) {
      expect(tierOf(100_000, parsed.value)).toEqual({ ok: true, value: 'Huge' });
      expect(tierOf(99_999, parsed.value)).toEqual({ ok: true, value: 'Small' });
    }
  });

  it('rejects broken tables with the row at fault', () => {
    expect(parseScheme([['A', 1], ['B', 'lots']])).toMatchObject({ ok: false, reason: expect.stringContaining('row 2') });
    expect(parseScheme([['A', 1], ['B', 1]])).toMatchObject({ ok: false, reason: expect.stringContaining('share the minimum 1') });
    expect(parseScheme([['A', 1, 2]])).toMatchObject({ ok: false, reason: expect.stringContaining('two columns') });
    expect(parseScheme([['', 5], ['B', 1]])).toMatchObject({ ok: false, reason: expect.stringContaining('no tier name') });
  });

  it('says when followers fall below a table without a zero tier', () => {
    const parsed = parseScheme([['Big', 1000], ['Small', 10]]);
    expect(parsed.ok && tierOf(5, parsed.value)).toMatchObject({ ok: false, reason: expect.stringContaining('below the lowest tier minimum (10)') });
  });
});

describe('parseScheme, more shapes of a team table', () => {
  it('reads a one-cell range holding a scheme name as that name', () => {
    expect(parseScheme([['partnership']])).toEqual({ ok: true, value: TIER_SCHEMES.partnership });
    expect(parseScheme([['']])).toEqual({ ok: true, value: TIER_SCHEMES.matrix });
  });

  it('says a one-column range is not a tier table', () => {
    expect(parseScheme([['Big'], ['Small']])).toEqual({ ok: false, reason: 'must be two columns: tier name, minimum followers' });
    expect(parseScheme([['Big', 1000], ['Small', 10, 'extra']])).toEqual({ ok: false, reason: 'must be two columns: tier name, minimum followers' });
  });

  it('says an empty table is empty', () => {
    expect(parseScheme([])).toEqual({ ok: false, reason: 'the tier table is empty' });
    expect(parseScheme([['Tier', 'Min followers'], ['', '']])).toEqual({ ok: false, reason: 'the tier table is empty' });
  });

  it('names the row of a missing minimum or a missing tier name', () => {
    expect(parseScheme([['Big', 1000], ['Small', '']])).toEqual({
      ok: false,
      reason: 'row 2 of the tier table needs a minimum follower count such as 10000 or 1万',
    });
    expect(parseScheme([['', 5], ['B', 1]])).toEqual({ ok: false, reason: 'row 1 of the tier table has no tier name' });
    expect(parseScheme([['Big', 1000], [null, 10]])).toEqual({ ok: false, reason: 'row 2 of the tier table has no tier name' });
  });

  it('trims tier names', () => {
    expect(parseScheme([[' Big ', '1万'], ['Small', 0]])).toEqual({
      ok: true,
      value: [
        { tier: 'Big', minFollowers: 10_000 },
        { tier: 'Small', minFollowers: 0 },
      ],
    });
  });
});
