/**
 * Finding the roster in the team's own sheet: a header row within the first rows, headers matched by synonyms in
 * English and Chinese, as exported by Qiangua, Huitun, Chanmama, Modash or GRIN, or typed by hand.
 */

export const ROSTER_FIELDS = {
  name: ['influencer', 'name', 'creator', 'kol', 'nickname', '达人', '昵称', '博主', '达人昵称', '达人名称', '名称'],
  handle: ['handle', 'username', 'account', 'account id', '账号', '账号id', '小红书号', '抖音号', '主页链接'],
  platform: ['platform', 'channel', '平台', '渠道'],
  category: ['category', 'niche', 'vertical', '类目', '分类', '领域', '垂类'],
  city: ['city', 'location', 'region', '城市', '地区', '所在地'],
  followers: ['followers', 'follower count', 'fans', 'subscribers', '粉丝数', '粉丝', '粉丝量', '粉丝总数'],
  engagementRate: ['engagement rate', 'er', 'eng rate', 'engagement %', '互动率', '赞藏评率'],
  prevEngagementRate: ['previous engagement rate', 'prev er', 'last period er', 'previous er', '上期互动率', '上月互动率'],
  cost: ['cost', 'cost per post', 'fee', 'price', 'rate card', 'quote', '报价', '费用', '价格', '合作费用', '刊例价'],
  spend: ['spend', 'amount spent', 'paid amount', '花费', '投放金额', '实际花费', '消耗'],
  revenue: ['revenue', 'gmv', 'sales', '销售额', '成交额', '带货gmv', '营收'],
  conversions: ['conversions', 'orders', 'purchases', '转化', '订单', '订单数', '转化数', '成交单数'],
  impressions: ['impressions', 'views', 'reach', 'plays', '曝光', '曝光量', '阅读', '阅读量', '播放量'],
  engagements: ['engagements', 'interactions', '互动', '互动量', '互动数', '赞藏评'],
  status: ['status', 'pipeline status', 'stage', '状态', '合作状态', '进度'],
  contractEnd: ['contract end', 'contract expiry', 'contract ends', 'contract end date', '合同到期', '合同到期日', '到期日', '合同截止'],
  rightsEnd: ['usage rights end', 'rights expiry', 'usage rights', '授权到期', '版权到期', '素材授权到期'],
  paymentDue: ['payment due', 'payment date', 'due date', '付款日期', '付款日', '应付日期', '结算日期'],
  lastContacted: ['last contacted', 'contacted on', 'outreach date', '联系日期', '最近联系', '建联日期'],
  score: ['score', 'overall score', 'performance score', '评分', '总分', '综合评分'],
} as const satisfies Record<string, readonly string[]>;

export type RosterField = keyof typeof ROSTER_FIELDS;

export interface RosterDetection {
  sheet: string;
  /** 1-based row of the headers; data starts on the row below. */
  headerRow: number;
  /** 1-based column of each field found, with the header text that matched. */
  columns: Partial<Record<RosterField, { column: number; header: string }>>;
}

/** Rows searched for a header row. */
export const HEADER_SEARCH_ROWS = 10;
/** A row needs this many recognised headers, including followers or a name, to count as the roster's header. */
const MIN_MATCHES = 3;

export const normalizeHeader = (text: unknown): string =>
  String(text ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[（(][^)）]*[)）]/g, '') // "粉丝数(万)", "Cost (¥)"
    .replace(/[\s_:：.\-/]+/g, ' ')
    .trim();

const SYNONYMS: Array<{ field: RosterField; synonym: string }> = (Object.keys(ROSTER_FIELDS) as RosterField[]).flatMap(
  (field) => ROSTER_FIELDS[field].map((synonym) => ({ field, synonym: normalizeHeader(synonym) })),
);

/** How well a header names a field: an exact synonym beats a header that merely contains one. */
function matchScore(header: string, synonym: string): number {
  if (header === synonym) return 100 + synonym.length;
  const cjk = /[\u4e00-\u9fff]/.test(synonym);
  if (synonym.length < (cjk ? 2 : 3)) return 0;
  const contains = cjk ? header.includes(synonym) : new RegExp(`(^| )${escape(synonym)}( |$)`).test(header);
  return contains ? synonym.length : 0;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Maps one header row to fields; each column serves one field and each field takes its best column. */
export function mapHeaders(headers: readonly unknown[]): RosterDetection['columns'] {
  const candidates: Array<{ field: RosterField; column: number; score: number }> = [];
  headers.forEach((raw, index) => {
    const header = normalizeHeader(raw);
    if (!header) return;
    for (const { field, synonym } of SYNONYMS) {
      const score = matchScore(header, synonym);
      if (score > 0) candidates.push({ field, column: index + 1, score });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const columns: RosterDetection['columns'] = {};
  const taken = new Set<number>();
  for (const c of candidates) {
    if (columns[c.field] || taken.has(c.column)) continue;
    columns[c.field] = { column: c.column, header: String(headers[c.column - 1]).trim() };
    taken.add(c.column);
  }
  return columns;
}

/** Finds the header row among the first rows of a sheet, or null when the sheet does not look like a roster. */
export function detectRoster(sheet: string, topRows: readonly (readonly unknown[])[]): RosterDetection | null {
  let best: RosterDetection | null = null;
  let bestCount = 0;
  topRows.slice(0, HEADER_SEARCH_ROWS).forEach((row, index) => {
    const columns = mapHeaders(row);
    const count = Object.keys(columns).length;
    if (count > bestCount && count >= MIN_MATCHES && (columns.followers || columns.name)) {
      best = { sheet, headerRow: index + 1, columns };
      bestCount = count;
    }
  });
  return best;
}
