/**
 * A realistic influencer roster generated from a seed, for the offline playground and tests. Pure and
 * deterministic: the same options always give the same rows (no clock, no Math.random), so a demo, a screenshot
 * and a test all see the same workbook.
 *
 * Numbers follow SPEC section 2: followers within each tier's band of the default "matrix" scheme, engagement rate
 * and cost per post within the tier's typical ranges, ROAS around seed 000's Q1 benchmark for the tier.
 */
import { TIER_KEYS, TIER_PROFILE, TIER_SCHEMES, type PerTier, type TierKey } from '../core/domain';

export type SampleLanguage = 'en' | 'zh';

/** A cell of the sample: a date travels as an ISO calendar date, so the rows stay JSON-safe and time-zone free. */
export type SampleCell = string | number | { date: string } | null;

export interface SampleOptions {
  language?: SampleLanguage;
  seed?: number;
  /** Number of influencers (data rows). */
  count?: number;
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

/** The day the sample's dates revolve around: the end of seed 000's benchmark quarter (Q1 2026). */
export const SAMPLE_REFERENCE_DATE = '2026-03-31';
export const DEFAULT_SAMPLE_SEED = 1;
export const DEFAULT_SAMPLE_COUNT = 300;

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

const STATUSES = ['Prospect', 'Contacted', 'In Negotiation', 'Active', 'Paused', 'Inactive'] as const;
type Status = (typeof STATUSES)[number];
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

const PLATFORMS = ['xiaohongshu', 'douyin', 'instagram', 'tiktok'] as const;
type Platform = (typeof PLATFORMS)[number];
const PLATFORM_WEIGHTS: Record<Platform, number> = { xiaohongshu: 0.4, douyin: 0.35, instagram: 0.15, tiktok: 0.1 };
const DOMESTIC: ReadonlySet<Platform> = new Set<Platform>(['xiaohongshu', 'douyin']);

const CATEGORIES = ['beauty', 'fashion', 'lifestyle', 'food'] as const;
type Category = (typeof CATEGORIES)[number];
const CATEGORY_WEIGHTS: Record<Category, number> = { beauty: 0.35, fashion: 0.25, lifestyle: 0.22, food: 0.18 };

const COLUMNS = [
  'name', 'platform', 'followers', 'engagementRate', 'cost', 'revenue', 'spend', 'conversions', 'impressions',
  'engagements', 'prevEngagementRate', 'category', 'city', 'status', 'lastContacted', 'contractEnd', 'rightsEnd',
  'paymentDue', 'score', 'handle',
] as const;
type Column = (typeof COLUMNS)[number];

/**
 * Headers as the teams' own sheets and data-tool exports write them; each one is a synonym the add-on's roster
 * detection knows (src/core/roster.ts). The first columns follow the README's examples, so
 * `=TIER(C2:C301)` and `=ROAS_PREDICT(C2:C301, D2:D301, E2:E301, 150)` work on the sample as written.
 */
const HEADERS: Record<SampleLanguage, Record<Column, string>> = {
  en: {
    name: 'Influencer',
    platform: 'Platform',
    followers: 'Followers',
    engagementRate: 'Engagement rate',
    cost: 'Cost per post',
    revenue: 'Revenue',
    spend: 'Spend',
    conversions: 'Conversions',
    impressions: 'Impressions',
    engagements: 'Engagements',
    prevEngagementRate: 'Previous engagement rate',
    category: 'Category',
    city: 'City',
    status: 'Status',
    lastContacted: 'Last contacted',
    contractEnd: 'Contract end',
    rightsEnd: 'Usage rights end',
    paymentDue: 'Payment due',
    score: 'Score',
    handle: 'Handle',
  },
  zh: {
    name: '达人昵称',
    platform: '平台',
    followers: '粉丝数',
    engagementRate: '互动率',
    cost: '报价',
    revenue: 'GMV',
    spend: '花费',
    conversions: '订单数',
    impressions: '曝光量',
    engagements: '互动量',
    prevEngagementRate: '上期互动率',
    category: '类目',
    city: '城市',
    status: '状态',
    lastContacted: '最近联系',
    contractEnd: '合同到期',
    rightsEnd: '授权到期',
    paymentDue: '付款日期',
    score: '综合评分',
    handle: '账号',
  },
};

const MONEY = '"¥"#,##0';
const DATE = 'yyyy-mm-dd';
const FORMATS: Record<Column, string | null> = {
  name: null,
  platform: null,
  followers: '#,##0',
  engagementRate: '0.0%',
  cost: MONEY,
  revenue: MONEY,
  spend: MONEY,
  conversions: '#,##0',
  impressions: '#,##0',
  engagements: '#,##0',
  prevEngagementRate: '0.0%',
  category: null,
  city: null,
  status: null,
  lastContacted: DATE,
  contractEnd: DATE,
  rightsEnd: DATE,
  paymentDue: DATE,
  score: '0.0',
  handle: null,
};
const WIDTHS: Record<Column, number> = {
  name: 160, platform: 100, followers: 95, engagementRate: 115, cost: 105, revenue: 100, spend: 95, conversions: 95,
  impressions: 105, engagements: 105, prevEngagementRate: 175, category: 90, city: 100, status: 120,
  lastContacted: 115, contractEnd: 105, rightsEnd: 130, paymentDue: 105, score: 70, handle: 150,
};

const SHEET_NAME: Record<SampleLanguage, string> = { en: 'Roster', zh: '达人名单' };

const PLATFORM_NAMES: Record<SampleLanguage, Record<Platform, string>> = {
  en: { xiaohongshu: 'Xiaohongshu', douyin: 'Douyin', instagram: 'Instagram', tiktok: 'TikTok' },
  zh: { xiaohongshu: '小红书', douyin: '抖音', instagram: 'Instagram', tiktok: 'TikTok' },
};
const CATEGORY_NAMES: Record<SampleLanguage, Record<Category, string>> = {
  en: { beauty: 'Beauty', fashion: 'Fashion', lifestyle: 'Lifestyle', food: 'Food' },
  zh: { beauty: '美妆', fashion: '时尚', lifestyle: '生活方式', food: '美食' },
};
/** [English, Chinese] city names; domestic platforms draw from the first list, global ones from the second. */
const CITIES: { domestic: Array<[string, string]>; global: Array<[string, string]> } = {
  domestic: [
    ['Shanghai', '上海'], ['Beijing', '北京'], ['Hangzhou', '杭州'], ['Guangzhou', '广州'], ['Shenzhen', '深圳'],
    ['Chengdu', '成都'], ['Wuhan', '武汉'], ['Nanjing', '南京'], ['Chongqing', '重庆'], ['Xiamen', '厦门'],
  ],
  global: [
    ['Singapore', '新加坡'], ['Hong Kong', '香港'], ['Tokyo', '东京'], ['Seoul', '首尔'], ['Los Angeles', '洛杉矶'],
    ['London', '伦敦'], ['Sydney', '悉尼'], ['Bangkok', '曼谷'],
  ],
};

const FIRST_NAMES = [
  'Mia', 'Leo', 'Luna', 'Chloe', 'Ivy', 'Zoe', 'Max', 'Nina', 'Coco', 'Yuki', 'Ella', 'Ryan', 'Sofia', 'Kai', 'Jade',
  'Lily', 'Aria', 'Evan', 'Ruby', 'Sam', 'Tina', 'Vivian', 'Wendy', 'Amber', 'Joy', 'Kiki', 'Momo', 'Nora', 'Olive', 'Peach',
];
const NAME_SUFFIXES: Record<SampleLanguage, Record<Category, string[]>> = {
  en: {
    beauty: ['Glow', 'Beauty', 'Skin Notes', 'Makeup Lab', 'Blush'],
    fashion: ['Style', 'Looks', 'Wardrobe', 'Fits', 'Closet'],
    lifestyle: ['Life', 'Daily', 'at Home', 'Journal', 'Days'],
    food: ['Eats', 'Kitchen', 'Bites', 'the Chef', 'Table'],
  },
  zh: {
    beauty: ['爱美妆', '的护肤日记', '美妆研究所', '的彩妆间', '素颜计划'],
    fashion: ['穿搭日记', '的衣橱', '时髦研究所', '搭配手册', '通勤穿搭'],
    lifestyle: ['的生活', '日常', '好物分享', 'vlog', '的小窝'],
    food: ['爱吃', '的厨房', '探店', '美食记', '下厨房'],
  },
};
const ZH_PREFIXES = [
  '小鹿', '阿橙', '糖糖', '木子', '奶茶', '柚子', '七七', 'Coco', '大白', '桃子', '芒果', '安安', '米粒', '豆豆', '可乐',
  '栗子', '团子', '西西', '悠悠', '一一', '果果', '小满', '阿青', 'Momo', '饭团', '橙子', '晴天', '布丁', '兔兔', '鹿鹿',
];

/** mulberry32: a tiny, well-distributed 32-bit generator; plenty for sample data and identical on every engine. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Draw {
  (): number;
  between(min: number, max: number): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  weighted<K extends string>(weights: Record<K, number>): K;
  chance(p: number): boolean;
}

function draw(seed: number): Draw {
  const next = createRandom(seed);
  const d = (() => next()) as Draw;
  d.between = (min, max) => min + (max - min) * next();
  d.int = (min, max) => Math.floor(d.between(min, max + 1));
  d.pick = (items) => items[Math.floor(next() * items.length)]!;
  d.weighted = <K extends string>(weights: Record<K, number>): K => {
    const keys = Object.keys(weights) as K[];
    const total = keys.reduce((sum, k) => sum + weights[k], 0);
    let x = next() * total;
    for (const k of keys) {
      x -= weights[k];
      if (x < 0) return k;
    }
    return keys[keys.length - 1]!;
  };
  d.chance = (p) => next() < p;
  return d;
}

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
const REFERENCE_MS = Date.parse(`${SAMPLE_REFERENCE_DATE}T00:00:00Z`);
const dayOffset = (days: number): { date: string } => ({ date: new Date(REFERENCE_MS + days * DAY_MS).toISOString().slice(0, 10) });

function shuffle<T>(items: T[], d: Draw): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(d() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

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

/** One influencer, as the fields of a roster row. Names come from their own stream (`names`), see sampleRoster. */
function influencer(tier: TierKey, index: number, language: SampleLanguage, d: Draw, names: Draw, taken: Set<string>): Record<Column, SampleCell> {
  const profile = TIER_PROFILE[tier];
  const [minF, maxF] = followerBand(tier);
  // Follower counts are spread evenly on a log scale: real rosters have many more 12k than 95k accounts.
  const followers = Math.min(maxF, Math.max(minF, Math.round(Math.exp(d.between(Math.log(minF), Math.log(maxF + 1))))));
  const engagementRate = decimals(d.between(profile.engagementRate.min, profile.engagementRate.max), 3);
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
    status,
    lastContacted: null,
    contractEnd: null,
    rightsEnd: null,
    paymentDue: null,
    score: null,
    handle: handleOf(name, index, platform),
  };

  if (status === 'Contacted' || status === 'In Negotiation') row.lastContacted = dayOffset(-d.int(1, 30));
  if (WORKED_WITH.has(status)) {
    const posts = d.int(1, tier === 'mega' ? 2 : 6);
    const spend = round(cost * posts * d.between(0.9, 1.1), 10);
    // ROAS scatters around the tier's benchmark (x0.4 to x2.2), so both the low and the star alerts have cases.
    const roas = TIER_ROAS[tier] * Math.exp(d.between(Math.log(0.4), Math.log(2.2)));
    const aov = d.between(90, 260);
    const revenue = Math.round(spend * roas);
    const engagements = Math.round(followers * engagementRate * posts * d.between(0.7, 1.1));
    row.spend = spend;
    row.revenue = revenue;
    row.conversions = Math.max(1, Math.round(revenue / aov));
    // Feeds push posts beyond the account's followers; engagements never exceed what was seen.
    row.impressions = Math.max(engagements, Math.round(followers * posts * d.between(0.6, 2.5)));
    row.engagements = engagements;
    row.score = decimals(Math.min(10, Math.max(2, 3 + roas * 1.2 + d.between(-1, 1))), 1);
    row.lastContacted = dayOffset(-d.int(1, 90));
    if (status === 'Active' || status === 'Paused') {
      // Some contracts end within the 30-day alert window, a few already ended; some payments are overdue.
      const contractEnd = status === 'Active' ? d.int(-5, 180) : d.int(-30, 90);
      row.contractEnd = dayOffset(contractEnd);
      // Usage rights to the content usually run a little past the contract, when they were bought at all.
      row.rightsEnd = d.chance(0.7) ? dayOffset(contractEnd + d.int(-30, 60)) : null;
      row.paymentDue = status === 'Active' || d.chance(0.5) ? dayOffset(d.int(-20, 45)) : null;
    } else {
      row.contractEnd = dayOffset(-d.int(10, 200));
    }
  }
  return row;
}

/** The sample roster: deterministic for a given language, seed and count. */
export function sampleRoster(options: SampleOptions = {}): SampleRoster {
  const language = options.language ?? 'en';
  const seed = options.seed ?? DEFAULT_SAMPLE_SEED;
  const count = options.count ?? DEFAULT_SAMPLE_COUNT;
  if (!Number.isInteger(count) || count < 1 || count > 100_000) throw new RangeError(`count must be 1-100000, got ${count}`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const d = draw(seed);
  // Names draw from a stream of their own, so the English and Chinese rosters of a seed hold the same numbers.
  const names = draw(seed ^ 0x5bd1e995);
  const counts = tierCounts(count);
  const tiers = shuffle(
    TIER_KEYS.flatMap((tier) => Array<TierKey>(counts[tier]).fill(tier)),
    d,
  );
  const taken = new Set<string>();
  const rows = tiers.map((tier, i) => {
    const fields = influencer(tier, i, language, d, names, taken);
    return COLUMNS.map((c) => fields[c]);
  });
  return {
    sheetName: SHEET_NAME[language],
    headers: COLUMNS.map((c) => HEADERS[language][c]),
    rows,
    numberFormats: COLUMNS.map((c) => FORMATS[c]),
    columnWidths: COLUMNS.map((c) => WIDTHS[c]),
  };
}
