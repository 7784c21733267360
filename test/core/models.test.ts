import { describe, expect, it } from 'vitest';
import { predictFunnel } from '../../src/core/funnel';
import { ambassadorLevel, performanceRating, selectionScore, totalScore } from '../../src/core/scores';
import { utmLink } from '../../src/core/utm';

describe('predictFunnel (seed 000 worked example)', () => {
  it('50,000 followers, 8%, ¥2,000, AOV ¥150 gives 15,000 / 1,200 / 120 / 6 / ¥900 / ROAS 0.45', () => {
    expect(predictFunnel({ followers: 50_000, engagementRate: 0.08, cost: 2_000, aov: 150 })).toEqual({
      reach: 15_000,
      engagement: 1_200,
      clicks: 120,
      conversions: 6,
      revenue: 900,
      roas: 0.45,
    });
  });

  it('lets a team override the three rates', () => {
    const f = predictFunnel({ followers: 50_000, engagementRate: 0.08, cost: 2_000, aov: 150, reachRate: 0.6, clickRate: 0.2, conversionRate: 0.1 });
    expect(f.revenue).toBe(7_200);
    expect(f.roas).toBe(3.6);
  });
});

describe('scores', () => {
  it('total score is the mean of the three 0-100 scores', () => {
    expect(totalScore(72, 75, 81)).toBe(76);
    expect(totalScore(0, 0, 0)).toBe(0);
  });

  it('selection score reproduces the seed: audience 9, ER 12%, content 8, no history = 5.85', () => {
    expect(selectionScore({ pastRoas: null, audienceMatch: 9, engagementRate: 0.12, contentQuality: 8, partnershipEase: null })).toBe(5.85);
  });

  it('selection score weights each factor 30/25/20/15/10 and caps at 10', () => {
    expect(selectionScore({ pastRoas: 4, audienceMatch: 0, engagementRate: 0, contentQuality: 0, partnershipEase: 0 })).toBe(1.2);
    expect(selectionScore({ pastRoas: null, audienceMatch: null, engagementRate: null, contentQuality: null, partnershipEase: 10 })).toBe(1);
    expect(selectionScore({ pastRoas: 50, audienceMatch: 10, engagementRate: 0.3, contentQuality: 10, partnershipEase: 10 })).toBe(10);
  });

  it.each([
    [10, '⭐⭐⭐'],
    [9, '⭐⭐⭐'],
    [8.99, '⭐⭐'],
    [8, '⭐⭐'],
    [7.9, '⭐'],
    [7, '⭐'],
    [6.99, 'Underperformer'],
    [0, 'Underperformer'],
  ])('performance %d rates %s', (score, rating) => {
    expect(performanceRating(score).rating).toBe(rating);
  });

  it.each([
    [999, 0.5, null],
    [1_000, 0.08, 'Bronze'],
    [1_000, 0.079, null],
    [4_999, 0.08, 'Bronze'],
    [5_000, 0.06, 'Silver'],
    [5_000, 0.059, null],
    [49_999, 0.06, 'Silver'],
    [50_000, 0.04, 'Gold'],
    [200_000, 0.04, 'Gold'],
    [200_001, 0.2, null],
    [30_000, 0.05, null],
  ])('%i followers at %d ER: ambassador level %s', (followers, er, level) => {
    expect(ambassadorLevel(followers, er)).toBe(level);
  });
});

describe('utmLink', () => {
  const tags = { source: 'xiaohongshu', medium: 'influencer', campaign: 'spring_launch' };

  it('adds the three required tags', () => {
    expect(utmLink('https://shop.example.com/serum', tags)).toEqual({
      ok: true,
      value: 'https://shop.example.com/serum?utm_source=xiaohongshu&utm_medium=influencer&utm_campaign=spring_launch',
    });
  });

  it('keeps the existing query and fragment, and encodes values', () => {
    const link = utmLink('https://shop.example.com/p?sku=12&color=red#reviews', {
      ...tags,
      campaign: '618 大促 & more',
      content: '@美妆达人',
      term: 'a=b',
    });
    expect(link).toEqual({
      ok: true,
      value:
        'https://shop.example.com/p?sku=12&color=red&utm_source=xiaohongshu&utm_medium=influencer' +
        '&utm_campaign=618%20%E5%A4%A7%E4%BF%83%20%26%20more&utm_content=%40%E7%BE%8E%E5%A6%86%E8%BE%BE%E4%BA%BA&utm_term=a%3Db#reviews',
    });
  });

  it('replaces tags already on the link instead of duplicating them', () => {
    const once = utmLink('https://a.example/x', tags);
    const twice = once.ok ? utmLink(once.value, { ...tags, source: 'douyin' }) : once;
    expect(twice).toEqual({ ok: true, value: 'https://a.example/x?utm_source=douyin&utm_medium=influencer&utm_campaign=spring_launch' });
  });

  it('adds the root path to a bare domain', () => {
    expect(utmLink('HTTPS://Example.com', tags)).toMatchObject({ ok: true, value: expect.stringMatching(/^HTTPS:\/\/Example\.com\/\?utm_source=/) });
  });

  it('rejects what is not a web address', () => {
    for (const bad of ['shop.example.com/serum', 'ftp://x.com', 'https://', 'https://a b.com', 'javascript:alert(1)']) {
      expect(utmLink(bad, tags)).toMatchObject({ ok: false, reason: expect.stringContaining('is not a web address') });
    }
  });
});

describe('funnel rates a team overrides one at a time (seed 000 example otherwise)', () => {
  const base = { followers: 50_000, engagementRate: 0.08, cost: 2_000, aov: 150 };

  it.each([
    // Doubling any one rate doubles revenue: ¥900 -> ¥1,800, ROAS 0.45 -> 0.9.
    [{ reachRate: 0.6 }, { reach: 30_000, engagement: 2_400, clicks: 240, conversions: 12, revenue: 1_800, roas: 0.9 }],
    [{ clickRate: 0.2 }, { reach: 15_000, engagement: 1_200, clicks: 240, conversions: 12, revenue: 1_800, roas: 0.9 }],
    [{ conversionRate: 0.1 }, { reach: 15_000, engagement: 1_200, clicks: 120, conversions: 12, revenue: 1_800, roas: 0.9 }],
  ])('%j', (rates, funnel) => {
    expect(predictFunnel({ ...base, ...rates })).toEqual(funnel);
  });
});

describe('score edges', () => {
  it('total score reaches 100 and keeps fractions', () => {
    expect(totalScore(100, 100, 100)).toBe(100);
    expect(totalScore(100, 0, 0)).toBe(33.3333333333);
  });

  it('selection score counts past ROAS as points up to 10 (30% weight)', () => {
    const only = (pastRoas: number) =>
      selectionScore({ pastRoas, audienceMatch: null, engagementRate: null, contentQuality: null, partnershipEase: null });
    expect(only(10)).toBe(3);
    expect(only(25)).toBe(3);
    expect(only(2.5)).toBe(0.75);
  });

  it('a selection score of exactly 10 stays 10', () => {
    // 10 x 0.3 + 10 x 0.25 + 10% (10 points) x 0.2 + 10 x 0.15 + 10 x 0.1 = 10
    expect(selectionScore({ pastRoas: 10, audienceMatch: 10, engagementRate: 0.1, contentQuality: 10, partnershipEase: 10 })).toBe(10);
    expect(selectionScore({ pastRoas: 10, audienceMatch: 10, engagementRate: 0.09, contentQuality: 10, partnershipEase: 10 })).toBe(9.8);
  });

  it('rates an impossible negative score as the lowest band rather than failing', () => {
    expect(performanceRating(-1).rating).toBe('Underperformer');
  });

  it.each([
    [1_000, 0.0799, null],
    [5_000, 0.0599, null],
    [50_000, 0.0399, null],
    [4_999, 0.07, null], // Bronze size, below Bronze's 8%
    [200_000, 0.039, null],
  ])('%i followers at ER %d is just below the bar: %s', (followers, er, level) => {
    expect(ambassadorLevel(followers, er)).toBe(level);
  });
});

describe('utmLink edges', () => {
  const tags = { source: 'xiaohongshu', medium: 'influencer', campaign: 'spring_launch' };
  const tagged = '?utm_source=xiaohongshu&utm_medium=influencer&utm_campaign=spring_launch';

  it('tags http:// links too', () => {
    expect(utmLink('http://shop.example.com/serum', tags)).toEqual({ ok: true, value: `http://shop.example.com/serum${tagged}` });
  });

  it('ignores spaces around the link', () => {
    expect(utmLink('  https://shop.example.com/serum \n', tags)).toEqual({ ok: true, value: `https://shop.example.com/serum${tagged}` });
  });

  it('rejects text around a link instead of cutting the link out of it', () => {
    for (const bad of ['see https://shop.example.com', 'xhttps://shop.example.com', 'https://shop.example.com and more']) {
      expect(utmLink(bad, tags)).toMatchObject({ ok: false, reason: expect.stringContaining('is not a web address') });
    }
  });

  it('keeps parameters it cannot decode, and drops an empty pair', () => {
    expect(utmLink('https://a.example/p?q=%E0%A4%A&&x=1', tags)).toEqual({
      ok: true,
      value: `https://a.example/p?q=%E0%A4%A&x=1&${tagged.slice(1)}`,
    });
  });

  it('replaces a tag whatever its case or encoding, and leaves look-alike keys alone', () => {
    expect(utmLink('https://a.example/?UTM_SOURCE=old&utm%5Fmedium=old&utm_sources=keep', tags)).toEqual({
      ok: true,
      value: `https://a.example/?utm_sources=keep&${tagged.slice(1)}`,
    });
  });

  it('adds content and term only when given', () => {
    expect(utmLink('https://a.example/', { ...tags, content: '', term: null })).toEqual({ ok: true, value: `https://a.example/${tagged}` });
    expect(utmLink('https://a.example/', { ...tags, term: 'serum' })).toEqual({ ok: true, value: `https://a.example/${tagged}&utm_term=serum` });
  });
});
