/**
 * The sample roster's columns and words: headers as teams' sheets and data-tool exports write them, number
 * formats, and names and places in English and Chinese.
 */
import type { RosterField } from '../core/roster';

export type SampleLanguage = 'en' | 'zh';

export type Platform = 'xiaohongshu' | 'douyin' | 'instagram' | 'tiktok';
export type Category = 'beauty' | 'fashion' | 'lifestyle' | 'food';

export const COLUMNS = [
  'name', 'platform', 'followers', 'engagementRate', 'cost', 'revenue', 'spend', 'conversions', 'impressions',
  'engagements', 'prevEngagementRate', 'category', 'city', 'status', 'lastContacted', 'contractEnd', 'rightsEnd',
  'paymentDue', 'paymentStatus', 'score', 'handle', 'period',
] as const;
export type Column = (typeof COLUMNS)[number];
/** The roster field of each sample column, in order: the field the add-on's detection must find there. */
export const SAMPLE_FIELDS: readonly RosterField[] = COLUMNS;

/**
 * Headers as the teams' own sheets and data-tool exports write them; each one is a synonym the add-on's roster
 * detection knows (src/core/roster.ts). The first columns follow the README's examples, so
 * `=TIER(C2:C301)` and `=ROAS_PREDICT(C2:C301, D2:D301, E2:E301, 150)` work on the sample as written.
 */
export const HEADERS: Record<SampleLanguage, Record<Column, string>> = {
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
    paymentStatus: 'Payment status',
    score: 'Score',
    handle: 'Handle',
    period: 'Period',
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
    paymentStatus: '付款状态',
    score: '综合评分',
    handle: '账号',
    period: '季度',
  },
};

const MONEY = '"¥"#,##0';
const DATE = 'yyyy-mm-dd';
export const FORMATS: Record<Column, string | null> = {
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
  paymentStatus: null,
  score: '0.0',
  handle: null,
  period: null,
};
export const WIDTHS: Record<Column, number> = {
  name: 160, platform: 100, followers: 95, engagementRate: 115, cost: 105, revenue: 100, spend: 95, conversions: 95,
  impressions: 105, engagements: 105, prevEngagementRate: 175, category: 90, city: 100, status: 120,
  lastContacted: 115, contractEnd: 105, rightsEnd: 130, paymentDue: 105, paymentStatus: 115, score: 70, handle: 150,
  period: 110,
};

export const SHEET_NAME: Record<SampleLanguage, string> = { en: 'Roster', zh: '达人名单' };

export const PLATFORM_NAMES: Record<SampleLanguage, Record<Platform, string>> = {
  en: { xiaohongshu: 'Xiaohongshu', douyin: 'Douyin', instagram: 'Instagram', tiktok: 'TikTok' },
  zh: { xiaohongshu: '小红书', douyin: '抖音', instagram: 'Instagram', tiktok: 'TikTok' },
};
export const CATEGORY_NAMES: Record<SampleLanguage, Record<Category, string>> = {
  en: { beauty: 'Beauty', fashion: 'Fashion', lifestyle: 'Lifestyle', food: 'Food' },
  zh: { beauty: '美妆', fashion: '时尚', lifestyle: '生活方式', food: '美食' },
};
/** [English, Chinese] city names; domestic platforms draw from the first list, global ones from the second. */
export const CITIES: { domestic: Array<[string, string]>; global: Array<[string, string]> } = {
  domestic: [
    ['Shanghai', '上海'], ['Beijing', '北京'], ['Hangzhou', '杭州'], ['Guangzhou', '广州'], ['Shenzhen', '深圳'],
    ['Chengdu', '成都'], ['Wuhan', '武汉'], ['Nanjing', '南京'], ['Chongqing', '重庆'], ['Xiamen', '厦门'],
  ],
  global: [
    ['Singapore', '新加坡'], ['Hong Kong', '香港'], ['Tokyo', '东京'], ['Seoul', '首尔'], ['Los Angeles', '洛杉矶'],
    ['London', '伦敦'], ['Sydney', '悉尼'], ['Bangkok', '曼谷'],
  ],
};

export const FIRST_NAMES = [
  'Mia', 'Leo', 'Luna', 'Chloe', 'Ivy', 'Zoe', 'Max', 'Nina', 'Coco', 'Yuki', 'Ella', 'Ryan', 'Sofia', 'Kai', 'Jade',
  'Lily', 'Aria', 'Evan', 'Ruby', 'Sam', 'Tina', 'Vivian', 'Wendy', 'Amber', 'Joy', 'Kiki', 'Momo', 'Nora', 'Olive', 'Peach',
];
export const NAME_SUFFIXES: Record<SampleLanguage, Record<Category, string[]>> = {
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
export const ZH_PREFIXES = [
  '小鹿', '阿橙', '糖糖', '木子', '奶茶', '柚子', '七七', 'Coco', '大白', '桃子', '芒果', '安安', '米粒', '豆豆', '可乐',
  '栗子', '团子', '西西', '悠悠', '一一', '果果', '小满', '阿青', 'Momo', '饭团', '橙子', '晴天', '布丁', '兔兔', '鹿鹿',
];
