/**
 * A realistic influencer roster generated from a seed, for the offline playground and tests. Pure and
 * deterministic: the same options always give the same rows (no clock, no Math.random), so a demo, a screenshot
 * and a test all see the same workbook.
 *
 * Numbers follow SPEC section 2: followers within each tier's band of the default "matrix" scheme, engagement rate
 * and cost per post within the tier's typical ranges, ROAS around seed 000's Q1 benchmark for the tier. Dates
 * (contract and usage-rights ends, payments due, last contacts) are days around `today`, so that every roster
 * alert (src/core/alerts.ts) fires on some rows of a roster generated that day; a few cells are written the way
 * exports write them and rules cannot read (text dates, `3.4万`), so the alerts' "could not check" shows too. A
 * Period column puts each row's results in one of the last four quarters (active partnerships in this one, ended ones
 * earlier), so the rebalance and the planner have quarters to calibrate on.
 */
import { PAID_WORD, PIPELINE_STATUSES, UNPAID_WORD, type PipelineStatus } from '../core/alerts-statuses';
import { dayFromIso } from '../core/dates';
import { TIER_KEYS, TIER_PROFILE, TIER_SCHEMES, type PerTier, type TierKey } from '../core/domain';
import { DEFAULT_SETTINGS } from '../core/settings';
import { createRandom, draw, shuffle, type Draw } from './sample-random';
import {
  CATEGORY_NAMES,
  CITIES,
  COLUMNS,
  FIRST_NAMES,
  FORMATS,
  HEADERS,
  NAME_SUFFIXES,
  PLATFORM_NAMES,
  SHEET_NAME,
  WIDTHS,
  ZH_PREFIXES,
  type Category,
  type Column,
  type Platform,
  type SampleLanguage,
} from './sample-words';

export { createRandom };
export { SAMPLE_FIELDS, type SampleLanguage } from './sample-words';

/** A cell of the sample: a date travels as an ISO calendar date, so the rows stay JSON-safe and time-zone free. */
export type SampleCell = string | number | { date: string } | null;

export interface SampleOptions {
  language?: SampleLanguage;
  seed?: number;
  /** Number of influencers (data rows). */
  count?: number;
  /** The day the roster is generated, as "2026-11-30": its dates fall around it. Default SAMPLE_REFERENCE_DATE. */
  today?: string;
  /**
   * Quarters the Period column spans, ending at the quarter of `today` (default 4, so the rebalance has history to
   * calibrate on); 0 leaves the column out: the roster is then one period.
   */
  quarters?: number;
}

export interface SampleRoster {
  sheetName: string;
  /** The header row, in the language asked for. */
  headers: string[];
  rows: SampleCell[][];
  /** Number format of each column's data cells (null: automatic). */
  numberFormats: Array<string | null>;
  /** Column widths in pixels. */
  columnWidths: number[];
}

/** The day the sample's dates revolve around unless told otherwise: the end of seed 000's benchmark quarter. */
export const SAMPLE_REFERENCE_DATE = '2026-03-31';
export const DEFAULT_SAMPLE_SEED = 1;
export const DEFAULT_SAMPLE_COUNT = 300;
export const DEFAULT_SAMPLE_QUARTERS = 4;

/**
 * Share of the roster per tier, shaped like seed 000's Q1 2026 portfolio (3 Mega, 10 Macro, 30 Mid and 60 Micro
 * partnerships) plus a pool of nano accounts for product seeding.
 */
const TIER_SHARE: PerTier<number> = { mega: 0.03, macro: 0.1, mid: 0.3, micro: 0.42, nano: 0.15 };
/** The top of the Mega band; the scheme leaves it open. */
const MEGA_CEILING = 5_000_000;
/** Nano accounts below this are not worth a row in anyone's roster. */
const NANO_FLOOR = 100;
/** Seed 000's Q1 2026 ROAS by tier; Nano has no benchmark and is taken between Mid and Micro. */
const TIER_ROAS: PerTier<number> = { mega: 1.8, macro: 2.8, mid: 3.8, micro: 4.5, nano: 4 };

type Status = 'Prospect' | 'Contacted' | 'In Negotiation' | 'Active' | 'Paused' | 'Inactive';
const STATUS_KEY: Record<Status, PipelineStatus> = {
  Prospect: 'prospect',
  Contacted: 'contacted',
  'In Negotiation': 'negotiating',
  Active: 'active',
  Paused: 'paused',
  Inactive: 'inactive',
};
const STATUS_WEIGHTS: Record<Status, number> = {
  Prospect: 0.2,
  Contacted: 0.15,
  'In Negotiation': 0.1,
  Active: 0.35,
  Paused: 0.08,
  Inactive: 0.12,
};
/** Statuses with partnership history, hence spend and results. */
const WORKED_WITH: ReadonlySet<Status> = new Set<Status>(['Active', 'Paused', 'Inactive']);

const PLATFORM_WEIGHTS: Record<Platform, number> = { xiaohongshu: 0.4, douyin: 0.35, instagram: 0.15, tiktok: 0.1 };
const DOMESTIC: ReadonlySet<Platform> = new Set<Platform>(['xiaohongshu', 'douyin']);

const CATEGORY_WEIGHTS: Record<Category, number> = { beauty: 0.35, fashion: 0.25, lifestyle: 0.22, food: 0.18 };

/** Largest-remainder split of `count` rows over the tier shares, so the counts always add up exactly. */
export function tierCounts(count: number): PerTier<number> {
  const exact = TIER_KEYS.map((k) => TIER_SHARE[k] * count);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let left = count - counts.reduce((a, b) => a + b, 0), j = 0; left > 0; left--, j++) counts[order[j % order.length]!.i]!++;
  return Object.fromEntries(TIER_KEYS.map((k, i) => [k, counts[i]!])) as PerTier<number>;
}

/** The follower band of a tier in the default scheme, [min, max] inclusive. */
export function followerBand(tier: TierKey): [number, number] {
  const bands = TIER_SCHEMES.matrix;
  const i = bands.findIndex((b) => b.tier.toLowerCase() === tier);
  const min = Math.max(bands[i]!.minFollowers, tier === 'nano' ? NANO_FLOOR : 0);
  const max = i === 0 ? MEGA_CEILING : bands[i - 1]!.minFollowers - 1;
  return [min, max];
}

/** Rounds to a whole step (e.g. ¥50); fractions go through `decimals` so 0.087 stays 0.087, not 0.08700000000000001. */
const round = (x: number, step: number): number => Math.round(x / step) * step;
const decimals = (x: number, places: number): number => Math.round(x * 10 ** places) / 10 ** places;
const DAY_MS = 86_400_000;

/** Dates as days around the roster's `today`; a few written as text, the way some exports and hands write them. */
interface Calendar {
  day(offset: number): { date: string };
  /** The day, or now and then the same day as text (`2026/11/30`, `11/30/2026`, `2026年11月30日`). */
  dayAsWritten(offset: number): SampleCell;
}

/** Share of date cells (usage rights, payments, last contacts) written as text. */
const TEXT_DATE_SHARE = 0.04;

function calendar(today: string, language: SampleLanguage, d: Draw): Calendar {
  const start = Date.parse(`${today}T00:00:00Z`);
  const day = (offset: number): { date: string } => ({ date: new Date(start + offset * DAY_MS).toISOString().slice(0, 10) });
  return {
    day,
    dayAsWritten(offset) {
      const iso = day(offset).date;
      if (!d.chance(TEXT_DATE_SHARE)) return { date: iso };
      const [y, m, dd] = iso.split('-');
      const slashes = `${y}/${m}/${dd}`;
      if (language === 'zh') return d.chance(0.5) ? `${y}年${Number(m)}月${Number(dd)}日` : slashes;
      return d.chance(0.5) ? `${Number(m)}/${Number(dd)}/${y}` : slashes;
    },
  };
}

/** Revenue as a data tool exports it now and then: text in 万 (Chinese) or k (English), which rules cannot read. */
function revenueAsWritten(revenue: number, language: SampleLanguage, d: Draw): number | string {
  if (revenue < 10_000 || !d.chance(0.04)) return revenue;
  return language === 'zh' ? `${decimals(revenue / 10_000, 1)}万` : `${decimals(revenue / 1_000, 1)}k`;
}

/** Share of accounts whose engagement is far above their tier's norm (the possible-bought-engagement alert). */
const INFLATED_SHARE = 0.03;

function uniqueName(language: SampleLanguage, category: Category, d: Draw, taken: Set<string>): string {
  const make = (): string =>
    language === 'zh' ? `${d.pick(ZH_PREFIXES)}${d.pick(NAME_SUFFIXES.zh[category])}` : `${d.pick(FIRST_NAMES)} ${d.pick(NAME_SUFFIXES.en[category])}`;
  let name = make();
  for (let tries = 0; taken.has(name) && tries < 20; tries++) name = make();
  // A big roster can exhaust the combinations; numbered duplicates are what real rosters show then.
  for (let n = 2; taken.has(name); n++) name = `${name.replace(/ \d+$/, '')} ${n}`;
  taken.add(name);
  return name;
}

/** Xiaohongshu and Douyin identify accounts by number; global platforms by an @handle. */
function handleOf(name: string, index: number, platform: Platform): string {
  if (DOMESTIC.has(platform)) return `${platform === 'douyin' ? 'dy' : 'xhs'}${10_000_000 + ((index * 7_919) % 90_000_000)}`;
  const ascii = name.toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '');
  return `@${ascii || `creator${index + 1}`}`;
}

/** Share of a tier's partnerships with results in the current quarter; the rest spread evenly over earlier ones. */
const CURRENT_QUARTER_SHARE = 0.4;
const STATUS_RANK: Record<Status, number> = { Active: 0, Paused: 1, Inactive: 2, Prospect: 3, Contacted: 3, 'In Negotiation': 3 };

/**
 * Quarters back from today's of each row's results. Within a tier, partnerships are ranked active first, then
 * paused, then ended (ties broken by the row's own draw `u`); the first CURRENT_QUARTER_SHARE are this quarter's and
 * the rest go back one quarter after another up to `span - 1`, so every tier worked with has results this quarter and
 * every earlier quarter has some. Rows without results (the pipeline) are this quarter's.
 */
function quartersBack(rows: ReadonlyArray<{ tier: TierKey; status: Status; u: number }>, span: number): number[] {
  const back = rows.map(() => 0);
  if (span <= 1) return back;
  for (const tier of TIER_KEYS) {
    const worked = rows
      .map((r, i) => ({ ...r, i }))
      .filter((r) => r.tier === tier && WORKED_WITH.has(r.status))
      .sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || a.u - b.u);
    const current = Math.ceil(worked.length * CURRENT_QUARTER_SHARE);
    const earlier = worked.length - current;
    worked.forEach((r, j) => (back[r.i] = j < current ? 0 : 1 + Math.floor(((j - current) * (span - 1)) / earlier)));
  }
  return back;
}

/** A quarter as teams write it: "2026-Q1", or "2026年第1季度". */
function quarterLabel(today: string, back: number, language: SampleLanguage): string {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const index = year * 4 + Math.floor((month - 1) / 3) - back;
  const [y, q] = [Math.floor(index / 4), (index % 4) + 1];
  return language === 'zh' ? `${y}年第${q}季度` : `${y}-Q${q}`;
}

/** One influencer, as the fields of a roster row. Names come from their own stream (`names`), see sampleRoster. */
function influencer(tier: TierKey, index: number, language: SampleLanguage, d: Draw, names: Draw, taken: Set<string>, cal: Calendar): { row: Record<Column, SampleCell>; status: Status } {
  const profile = TIER_PROFILE[tier];
  const [minF, maxF] = followerBand(tier);
  // Follower counts are spread evenly on a log scale: real rosters have many more 12k than 95k accounts.
  const followers = Math.min(maxF, Math.max(minF, Math.round(Math.exp(d.between(Math.log(minF), Math.log(maxF + 1))))));
  const { boughtEngagementMultiple, engagementTop } = DEFAULT_SETTINGS.alerts;
  const engagementRate = d.chance(INFLATED_SHARE)
    ? decimals(Math.min(0.9, engagementTop[tier] * boughtEngagementMultiple * d.between(1.15, 1.8)), 3)
    : decimals(d.between(profile.engagementRate.min, profile.engagementRate.max), 3);
  const cost = round(d.between(profile.costPerPost.min, profile.costPerPost.max), profile.costPerPost.min >= 5_000 ? 500 : profile.costPerPost.min >= 1_000 ? 100 : 10);
  const platform = d.weighted(PLATFORM_WEIGHTS);
  const category = d.weighted(CATEGORY_WEIGHTS);
  const status = d.weighted(STATUS_WEIGHTS);
  const city = d.pick(DOMESTIC.has(platform) ? CITIES.domestic : CITIES.global)[language === 'zh' ? 1 : 0];
  const name = uniqueName(language, category, names, taken);
  // Most accounts drift a little between periods; a few drop sharply, which is what the drop alert is for.
  const drift = d.chance(0.06) ? d.between(1.6, 2.2) : d.between(0.85, 1.2);
  const prevEngagementRate = decimals(engagementRate * drift, 3);

  const row: Record<Column, SampleCell> = {
    name,
    platform: PLATFORM_NAMES[language][platform],
    followers,
    engagementRate,
    cost,
    revenue: null,
    spend: null,
    conversions: null,
    impressions: null,
    engagements: null,
    prevEngagementRate,
    category: CATEGORY_NAMES[language][category],
    city,
    status: language === 'zh' ? PIPELINE_STATUSES[STATUS_KEY[status]].zh : status,
    lastContacted: null,
    contractEnd: null,
    rightsEnd: null,
    paymentDue: null,
    paymentStatus: null,
    score: null,
    handle: handleOf(name, index, platform),
    period: null,
  };

  if (status === 'Contacted' || status === 'In Negotiation') row.lastContacted = cal.dayAsWritten(-d.int(1, 30));
  if (WORKED_WITH.has(status)) {
    const posts = d.int(1, tier === 'mega' ? 2 : 6);
    const spend = round(cost * posts * d.between(0.9, 1.1), 10);
    // ROAS scatters around the tier's benchmark (x0.4 to x2.2), so both the low and the star alerts have cases.
    const roas = TIER_ROAS[tier] * Math.exp(d.between(Math.log(0.4), Math.log(2.2)));
    const aov = d.between(90, 260);
    const revenue = Math.round(spend * roas);
    const engagements = Math.round(followers * engagementRate * posts * d.between(0.7, 1.1));
    row.spend = spend;
    row.revenue = revenueAsWritten(revenue, language, d);
    row.conversions = Math.max(1, Math.round(revenue / aov));
    // Feeds push posts beyond the account's followers; engagements never exceed what was seen.
    row.impressions = Math.max(engagements, Math.round(followers * posts * d.between(0.6, 2.5)));
    row.engagements = engagements;
    row.score = decimals(Math.min(10, Math.max(2, 3 + roas * 1.2 + d.between(-1, 1))), 1);
    row.lastContacted = cal.dayAsWritten(-d.int(1, 90));
    if (status === 'Active' || status === 'Paused') {
      // Some contracts end within the 30-day alert window, a few already ended; some payments are overdue.
      const contractEnd = status === 'Active' ? d.int(-12, 180) : d.int(-30, 90);
      row.contractEnd = cal.day(contractEnd);
      // Usage rights to the content usually run a little past the contract, when they were bought at all.
      row.rightsEnd = d.chance(0.7) ? cal.dayAsWritten(contractEnd + d.int(-30, 60)) : null;
      if (status === 'Active' || d.chance(0.5)) {
        const due = d.int(-20, 45);
        row.paymentDue = cal.dayAsWritten(due);
        // Most past payments were made; a few are overdue, and now and then one is paid ahead.
        row.paymentStatus = (due < 0 ? d.chance(0.6) : d.chance(0.1)) ? PAID_WORD[language] : UNPAID_WORD[language];
      }
    } else {
      row.contractEnd = cal.day(-d.int(10, 200));
    }
  }
  return { row, status };
}

/** The sample roster: deterministic for a given language, seed and count. */
export function sampleRoster(options: SampleOptions = {}): SampleRoster {
  const language = options.language ?? 'en';
  const seed = options.seed ?? DEFAULT_SAMPLE_SEED;
  const count = options.count ?? DEFAULT_SAMPLE_COUNT;
  if (!Number.isInteger(count) || count < 1 || count > 100_000) throw new RangeError(`count must be 1-100000, got ${count}`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const today = options.today ?? SAMPLE_REFERENCE_DATE;
  if (!dayFromIso(today)) throw new RangeError(`today must be a day such as 2026-11-30, got ${today}`);
  const quarters = options.quarters ?? DEFAULT_SAMPLE_QUARTERS;
  if (!Number.isInteger(quarters) || quarters < 0 || quarters > 40) throw new RangeError(`quarters must be 0-40, got ${quarters}`);
  const d = draw(seed);
  // Names draw from a stream of their own, so the English and Chinese rosters of a seed hold the same numbers.
  const names = draw(seed ^ 0x5bd1e995);
  const counts = tierCounts(count);
  const tiers = shuffle(
    TIER_KEYS.flatMap((tier) => Array<TierKey>(counts[tier]).fill(tier)),
    d,
  );
  const taken = new Set<string>();
  const cal = calendar(today, language, d);
  const made = tiers.map((tier, i) => influencer(tier, i, language, d, names, taken, cal));
  // Periods draw from a stream of their own too, so adding the column left every other cell as it was.
  const periods = draw(seed ^ 0x27d4eb2f);
  const back = quartersBack(made.map((m, i) => ({ tier: tiers[i]!, status: m.status, u: periods() })), quarters);
  made.forEach((m, i) => (m.row.period = quarterLabel(today, back[i]!, language)));
  const columns = COLUMNS.filter((c) => c !== 'period' || quarters > 0);
  const rows = made.map((m) => columns.map((c) => m.row[c]));
  return {
    sheetName: SHEET_NAME[language],
    headers: columns.map((c) => HEADERS[language][c]),
    rows,
    numberFormats: columns.map((c) => FORMATS[c]),
    columnWidths: columns.map((c) => WIDTHS[c]),
  };
}
