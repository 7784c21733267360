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
