import { SCORE_PARTS, type ScoreKind, type TierBand } from '../core/domain';
import { predictFunnel, type Funnel } from '../core/funnel';
import { isBlank, parseNumber, parseRating, parseText, type NumberKind } from '../core/parse';
import { fail, ok, quote, type Parsed } from '../core/result';
import { ambassadorLevel, performanceRating, selectionScore, totalScore } from '../core/scores';
import { parseScheme, tierOf } from '../core/tiers';
import { utmLink } from '../core/utm';
import type { FunctionSpec, ParamSpec } from './vectorize';

/**
 * The custom functions, declared once: the build generates each top-level stub and its JSDoc help from this list,
 * the README's reference table is checked against it, and the bundle tests call every entry.
 * Names and argument order are the public contract (SPEC section 3).
 */

const NUM = 'number|Array<Array<number>>';
const TEXT = 'string|Array<Array<string>>';

const num = (name: string, kind: NumberKind, description: string, optional = false): ParamSpec<number> => ({
  name,
  description,
  type: NUM,
  optional,
  read: (raw) => parseNumber(raw, kind),
});

const text = (name: string, description: string, optional = false): ParamSpec<string> => ({
  name,
  description,
  type: TEXT,
  optional,
  read: parseText,
});

const rating = (name: string, description: string): ParamSpec<number> => ({
  name,
  description,
  type: NUM,
  optional: true,
  read: (raw) => parseRating(raw, 10),
});

/** A relationship score: the 0-100 score itself, or its four sub-scores checked against their caps. */
const relationshipScore = (kind: ScoreKind, description: string): ParamSpec<number> => ({
  name: kind,
  description,
  type: NUM,
  shape: 'row',
  widths: [1, 4],
  read(raw) {
    if (!Array.isArray(raw)) return parseRating(raw, 100);
    const parts = SCORE_PARTS[kind];
    if (raw.every(isBlank)) return ok(null);
    let sum = 0;
    for (let i = 0; i < parts.length; i++) {
      const { part, cap } = parts[i]!;
      const value = parseRating(raw[i], cap);
      if (!value.ok) return fail(`sub-score "${part}" ${quote(raw[i])} is outside 0-${cap}`);
      if (value.value === null) return fail(`sub-score "${part}" is missing`);
      sum += value.value;
    }
    return ok(sum);
  },
});

const FUNNEL_PARAMS: readonly ParamSpec[] = [
  num('followers', 'count', 'Follower count, e.g. 50000, 12.5k or 3.4万.'),
  num('engagement_rate', 'rate', 'Engagement rate as 8% or 0.08.'),
  num('cost', 'money', 'Cost per post, e.g. 2000 or ¥2,000.'),
  num('aov', 'money', 'Average order value, e.g. 150.'),
  num('reach_rate', 'rate', 'Optional. Share of followers who see the post (default 30%).', true),
  num('click_rate', 'rate', 'Optional. Share of engagements that click through (default 10%).', true),
  num('conversion_rate', 'rate', 'Optional. Share of clicks that buy (default 5%).', true),
];

function funnelOf(args: ReadonlyArray<unknown>): Parsed<Funnel> {
  const [followers, engagementRate, cost, aov, reachRate, clickRate, conversionRate] = args as Array<number | null>;
  if (!cost) return fail('cost must be more than 0 to compute ROAS');
  return ok(
    predictFunnel({
      followers: followers!,
      engagementRate: engagementRate!,
      cost,
      aov: aov!,
      reachRate: reachRate ?? undefined,
      clickRate: clickRate ?? undefined,
      conversionRate: conversionRate ?? undefined,
    }),
  );
}

export const CUSTOM_FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: 'TIER',
    description: 'The influencer tier (Mega, Macro, Mid, Micro, Nano) of a follower count or a column of them.',
    params: [
      num('followers', 'count', 'Follower count or a column of them, e.g. C2:C500. Accepts 12,000, 12.5k, 3.4万.'),
      {
        name: 'scheme',
        description:
          'Optional. "matrix" (default: Mega 500k+, Macro 100k+, Mid 10k+, Micro 1k+), "partnership" (Mega 1M+, Macro 500k+, Mid 50k+, Micro 1k+) or a two-column range of (tier name, minimum followers).',
        type: 'string|Array<Array<string|number>>',
        optional: true,
        shape: 'whole',
        read: parseScheme,
      } satisfies ParamSpec<readonly TierBand[]>,
    ],
    returns: { type: TEXT, description: 'The tier name, one per row.' },
    example: '=TIER(C2:C500)',
    subject: [0],
    compute: ([followers, bands]) => tierOf(followers as number, (bands as readonly TierBand[] | null) ?? undefined),
  },
  {
    name: 'ROAS_PREDICT',
    description:
      'Predicted return on ad spend of a post: followers x reach rate x engagement rate x click rate x conversion rate x AOV / cost.',
    params: FUNNEL_PARAMS,
    returns: { type: NUM, description: 'Predicted ROAS (revenue / cost), one per row.' },
    example: '=ROAS_PREDICT(C2:C500, D2:D500, E2:E500, 150)',
    subject: [0, 1],
    compute: (args) => {
      const funnel = funnelOf(args);
      return funnel.ok ? ok(funnel.value.roas) : funnel;
    },
  },
  {
    name: 'TOTAL_SCORE',
    description:
      'Total relationship score (0-100): the mean of the engagement, partnership and strategic scores. Each may be the score or its four sub-scores.',
    params: [
      relationshipScore(
        'engagement',
        'Engagement score 0-100, or its four sub-scores as a row: engagement rate, comment quality, consistency, growth (each 0-25).',
      ),
      relationshipScore(
        'partnership',
        'Partnership score 0-100, or its four sub-scores: responsiveness (0-20), professionalism (0-20), content quality (0-30), results (0-30).',
      ),
      relationshipScore(
        'strategic',
        'Strategic value score 0-100, or its four sub-scores: audience match (0-30), brand alignment (0-30), growth potential (0-20), competitive advantage (0-20).',
      ),
    ],
    returns: { type: NUM, description: 'The total score 0-100, one per row.' },
    example: '=TOTAL_SCORE(F2:I50, J2:M50, N2:Q50)',
    compute: ([e, p, s]) => ok(totalScore(e as number, p as number, s as number)),
  },
  {
    name: 'FUNNEL_PREDICT',
    description: 'The predicted funnel of a post, one row per influencer: reach, engagement, clicks, conversions, revenue, ROAS.',
    params: FUNNEL_PARAMS,
    returns: { type: 'Array<Array<number>>', description: 'Six columns per row: reach, engagement, clicks, conversions, revenue, ROAS.' },
    example: '=FUNNEL_PREDICT(C2:C500, D2:D500, E2:E500, 150)',
    width: 6,
    subject: [0, 1],
    compute: (args) => {
      const funnel = funnelOf(args);
      if (!funnel.ok) return funnel;
      const f = funnel.value;
      return ok([f.reach, f.engagement, f.clicks, f.conversions, f.revenue, f.roas]);
    },
  },
  {
    name: 'SELECTION_SCORE',
    description:
      'Prospect selection score (0-10): past ROAS 30%, audience match 25%, engagement rate 20%, content quality 15%, partnership ease 10%. Blank factors count 0.',
    params: [
      { ...num('past_roas', 'number', 'Past ROAS with this influencer (its value counts as points up to 10); blank if none.', true), read: (raw) => nonNegative(raw) },
      rating('audience_match', 'Audience match 0-10 (or "9/10"); blank if unknown.'),
      num('engagement_rate', 'rate', 'Engagement rate as 12% or 0.12; it counts as its percentage value (12% = 12 points).', true),
      rating('content_quality', 'Content quality 0-10; blank if unknown.'),
      rating('partnership_ease', 'Partnership ease 0-10; blank if unknown.'),
    ],
    returns: { type: NUM, description: 'The 0-10 selection score, one per row.' },
    example: '=SELECTION_SCORE(, 9, 12%, 8, )',
    compute: ([pastRoas, audienceMatch, engagementRate, contentQuality, partnershipEase]) =>
      ok(
        selectionScore({
          pastRoas: pastRoas as number | null,
          audienceMatch: audienceMatch as number | null,
          engagementRate: engagementRate as number | null,
          contentQuality: contentQuality as number | null,
          partnershipEase: partnershipEase as number | null,
        }),
      ),
  },
  {
    name: 'PERFORMANCE_RATING',
    description: 'The rating band of an overall 0-10 performance score: ⭐⭐⭐ (9+), ⭐⭐ (8-8.9), ⭐ (7-7.9) or Underperformer.',
    params: [{ ...rating('score', 'Overall performance score 0-10.'), optional: false }],
    returns: { type: TEXT, description: 'The rating, one per row.' },
    example: '=PERFORMANCE_RATING(R2:R50)',
    compute: ([score]) => ok(performanceRating(score as number).rating),
  },
  {
    name: 'AMBASSADOR_LEVEL',
    description:
      'Ambassador programme level: Gold (50k-200k followers, ER 4%+), Silver (5k-50k, 6%+), Bronze (1k-5k, 8%+), or blank when not eligible.',
    params: [
      num('followers', 'count', 'Follower count, e.g. 30000 or 3万.'),
      num('engagement_rate', 'rate', 'Engagement rate as 8% or 0.08.'),
    ],
    returns: { type: TEXT, description: 'Gold, Silver, Bronze or blank, one per row.' },
    example: '=AMBASSADOR_LEVEL(C2:C500, D2:D500)',
    compute: ([followers, rate]) => ok(ambassadorLevel(followers as number, rate as number) ?? ''),
  },
  {
    name: 'UTM_LINK',
    description: 'The link with UTM tracking parameters added, correctly encoded; the existing query and #fragment are kept.',
    params: [
      text('url', 'The landing page, starting with https://.'),
      text('source', 'utm_source, e.g. xiaohongshu.'),
      text('medium', 'utm_medium, e.g. influencer.'),
      text('campaign', 'utm_campaign, e.g. spring_launch.'),
      text('content', 'Optional utm_content, e.g. the influencer handle.', true),
      text('term', 'Optional utm_term.', true),
    ],
    returns: { type: TEXT, description: 'The tagged link, one per row.' },
    example: '=UTM_LINK("https://shop.example.com/serum", "xiaohongshu", "influencer", "spring_launch", B2)',
    subject: [0],
    compute: ([url, source, medium, campaign, content, term]) =>
      utmLink(url as string, {
        source: source as string,
        medium: medium as string,
        campaign: campaign as string,
        content: content as string | null,
        term: term as string | null,
      }),
  },
  {
    name: 'CLEAN_NUMBER',
    description: 'Turns a messy metric into a plain number: 12.5k -> 12500, 3.4万 -> 34000, ¥2,000 -> 2000, 8% -> 0.08.',
    params: [
      {
        name: 'value',
        description: 'A value or a column of values as exported by data tools.',
        type: TEXT,
        read: (raw) => parseNumber(raw, 'number'),
      },
    ],
    returns: { type: NUM, description: 'The number, one per row.' },
    example: '=CLEAN_NUMBER(C2:C500)',
    compute: ([value]) => ok(value as number),
  },
];

function nonNegative(raw: unknown): Parsed<number | null> {
  const parsed = parseNumber(raw, 'number');
  if (parsed.ok && parsed.value !== null && parsed.value < 0) return fail(`${quote(raw)} is negative; expected 0 or more`);
  return parsed;
}

export const CUSTOM_FUNCTION_BY_NAME: Readonly<Record<string, FunctionSpec>> = Object.fromEntries(
  CUSTOM_FUNCTIONS.map((spec) => [spec.name, spec]),
);
