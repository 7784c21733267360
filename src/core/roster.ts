/**
 * Finding the roster in the team's own sheet: a header row within the first rows (below a data tool's title and
 * export notes), headers matched by synonyms in English and Chinese, as exported by Qiangua, Huitun, Chanmama,
 * Modash or GRIN, or typed by hand. A synonym matches a header equal to it or containing it as words ("Instagram
 * Followers", "近30天直播销售额"); one written with a leading "=" matches only a header equal to it.
 */

export const ROSTER_FIELDS = {
  name: ['influencer', 'name', 'creator', 'kol', 'nickname', 'full name', 'creator name', 'influencer name', '达人', '昵称', '博主', '达人昵称', '达人名称', '名称', '博主昵称', '账号名称', '红人', '主播', '主播名称'],
  handle: ['handle', 'username', 'account', 'account id', 'user id', '=id', '账号', '账号id', '小红书号', '抖音号', '快手号', '视频号', '主页链接'],
  platform: ['platform', 'channel', 'social network', '平台', '渠道', '媒体平台'],
  category: ['category', 'niche', 'vertical', '类目', '分类', '领域', '垂类'],
  city: ['city', 'location', 'region', 'province', '城市', '地区', '所在地', '地域', 'ip属地', '省份'],
  country: ['country', 'country region', 'nation', 'market', '国家', '国家 地区', '国家地区'],
  followers: ['followers', 'follower count', '=follower', 'fans', 'subscribers', 'audience size', '粉丝数', '粉丝', '粉丝量', '粉丝总数', '总粉丝'],
  engagementRate: ['engagement rate', 'er', 'eng rate', 'engagement %', 'avg engagement rate', '互动率', '赞藏评率', '平均互动率'],
  prevEngagementRate: ['previous engagement rate', 'prev er', 'last period er', 'previous er', 'er last period', 'last month er', 'previous period er', '上期互动率', '上月互动率', '前期互动率', '上季度互动率', '上周期互动率'],
  cost: ['cost', 'cost per post', 'fee', 'price', 'rate card', '=rate', 'quote', 'price per post', 'fee per post', '报价', '费用', '价格', '合作费用', '刊例价', '图文报价', '视频报价', '合作报价', '笔记报价'],
  spend: ['spend', 'amount spent', 'paid amount', 'actual spend', 'total spend', '花费', '投放金额', '实际花费', '消耗', '投放费用', '实际投放'],
  revenue: ['revenue', 'gmv', 'sales', 'sales amount', 'attributed revenue', '销售额', '成交额', '带货gmv', '营收', '成交金额', '带货销售额', '直播销售额', '视频销售额'],
  roas: ['roas', 'roi', 'return on ad spend', '投产比', '投入产出比'],
  aov: ['aov', 'average order value', '客单价', '平均客单价'],
  conversions: ['conversions', 'orders', 'purchases', 'units sold', '转化', '订单', '订单数', '转化数', '成交单数', '销量', '成交订单'],
  impressions: ['impressions', 'views', 'reach', 'plays', '曝光', '曝光量', '曝光数', '阅读', '阅读量', '播放量', '观看量', '浏览量', '预估阅读'],
  engagements: ['engagements', 'interactions', '互动', '互动量', '互动数', '赞藏评', '赞评藏', '平均互动', '互动总量', '总互动'],
  posts: ['posts', 'number of posts', 'post count', 'deliverables', '笔记数', '笔记总数', '作品数', '视频数', '发文数', '合作笔记数'],
  status: ['status', 'pipeline status', 'stage', 'outreach status', '状态', '合作状态', '进度', '建联状态', '阶段'],
  period: ['period', '=date', 'month', 'quarter', 'reporting period', 'post date', 'publish date', '周期', '统计周期', '=日期', '发布日期', '发布时间', '月份', '季度', '投放月份', '投放日期'],
  contractEnd: ['contract end', 'contract expiry', 'contract ends', 'contract end date', 'contract expires', '=end date', '合同到期', '合同到期日', '到期日', '合同截止', '合同截止日期', '合同结束', '合作结束日期'],
  rightsEnd: ['usage rights end', 'rights expiry', 'usage rights', 'usage rights expiry', 'license expiry', '授权到期', '版权到期', '素材授权到期', '授权截止', '版权到期日'],
  paymentDue: ['payment due', 'payment date', 'due date', 'invoice due', '=due', '付款日期', '付款日', '应付日期', '结算日期', '付款截止', '应付款日期'],
  paymentStatus: ['payment status', 'paid', 'paid?', '=payment', 'invoice status', '付款状态', '支付状态', '结算状态', '打款状态', '是否付款', '是否已付款', '是否结算'],
  lastContacted: ['last contacted', 'contacted on', 'outreach date', 'last contact', 'last outreach', 'date contacted', '联系日期', '最近联系', '建联日期', '上次联系', '最后联系', '联系时间', '建联时间'],
  score: ['score', 'overall score', 'performance score', 'total score', 'rating', '评分', '总分', '综合评分', '得分', '综合得分'],
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

/** A synonym written "=rate" names the field only as the whole header: "Rate" is GRIN's fee, "Conversion rate" is not. */
const SYNONYMS: Array<{ field: RosterField; synonym: string; exact: boolean }> = (Object.keys(ROSTER_FIELDS) as RosterField[]).flatMap((field) =>
  ROSTER_FIELDS[field].map((written: string) => {
    const exact = written.startsWith('=');
    return { field, synonym: normalizeHeader(exact ? written.slice(1) : written), exact };
  }),
);

/** How well a header names a field: an exact synonym beats a header that merely contains one. */
function matchScore(header: string, synonym: string, exact: boolean): number {
  if (header === synonym) return 100 + synonym.length;
  const cjk = /[\u4e00-\u9fff]/.test(synonym);
  if (exact || synonym.length < (cjk ? 2 : 3)) return 0;
  // A Latin synonym must stand as words; Chinese text around it counts as a boundary ("近30天GMV").
  const contains = cjk ? header.includes(synonym) : new RegExp(`(^|[ \u3400-\u9fff])${escape(synonym)}( |[\u3400-\u9fff]|$)`).test(header);
  return contains ? synonym.length : 0;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Maps one header row to fields; each column serves one field and each field takes its best column. */
export function mapHeaders(headers: readonly unknown[]): RosterDetection['columns'] {
  const candidates: Array<{ field: RosterField; column: number; score: number }> = [];
  headers.forEach((raw, index) => {
    const header = normalizeHeader(raw);
    if (!header) return;
    for (const { field, synonym, exact } of SYNONYMS) {
      const score = matchScore(header, synonym, exact);
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
