import { TIER_KEYS, TIERS, type CurrencyCode } from '../core/domain';
import { parseNumber } from '../core/parse';
import { readQuarterKey } from '../core/quarter';
import type { TierQuarterTotals } from '../core/rebalance';
import { LABELS, tierLabel, type Language } from './labels';
import { figure, formula, FORMATS, header, moneyFormats, quiet, text, title } from './rebalance-cells';
import { REBALANCE_LABELS } from './rebalance-labels';
import { a1, type PlanCell, type SheetPlan } from './types';

/**
 * The History tab: each rebalance records its quarter's totals by tier here, one row per tier per quarter, and
 * later rebalances read them back to calibrate on several quarters (core/rebalance.ts, `history`). A roster that is
 * overwritten every quarter keeps its past this way. Rebuilding a quarter replaces that quarter's rows only.
 */
export const HISTORY_KIND = 'rebalance-history';

/** Columns: quarter, tier, influencers with spend, spend, revenue, ROAS. Data from `first` down. */
export const HISTORY_LAYOUT = { header: 3, first: 4, columns: 6 } as const;

/** The recorded rows with this build's quarter replaced by `record`, in time order and the scheme's tier order. */
export function mergeHistory(existing: readonly TierQuarterTotals[], record: readonly TierQuarterTotals[], tiers: readonly string[]): TierQuarterTotals[] {
  const replaced = new Set(record.map((r) => r.quarter));
  const rank = (tier: string): number => {
    const i = tiers.indexOf(tier);
    return i < 0 ? tiers.length : i;
  };
  return [...existing.filter((r) => !replaced.has(r.quarter)), ...record].sort((p, q) => (p.quarter < q.quarter ? -1 : p.quarter > q.quarter ? 1 : rank(p.tier) - rank(q.tier)));
}

/**
 * The tier a History cell names: a tier of the scheme, by its name or its name in either language (the tab is
 * written in the workbook's), else a known tier by its English name, else the text as written.
 */
function canonicalTier(raw: string, tiers: readonly string[]): string {
  const name = raw.trim();
  const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
  const inScheme = tiers.find((t) => same(t, name) || same(tierLabel(t, 'en'), name) || same(tierLabel(t, 'zh'), name));
  if (inScheme) return inScheme;
  const known = TIER_KEYS.findIndex((k) => same(LABELS.en.tierNames[k], name) || LABELS.zh.tierNames[k] === name);
  return known < 0 ? name : TIERS[known]!;
}

/** The History tab's data rows as getValues returns them; a row that does not read (edited by hand) is skipped. */
export function readHistory(values: readonly (readonly unknown[])[], tiers: readonly string[]): TierQuarterTotals[] {
  const out: TierQuarterTotals[] = [];
  for (const row of values) {
    const quarter = readQuarterKey(row[0]);
    const tier = typeof row[1] === 'string' ? row[1].trim() : '';
    const influencers = parseNumber(row[2], 'count');
    const spend = parseNumber(row[3], 'money');
    const revenue = parseNumber(row[4], 'money');
    if (!quarter.ok || tier === '' || !spend.ok || spend.value === null || !revenue.ok) continue;
    out.push({
      quarter: quarter.value.key,
      tier: canonicalTier(tier, tiers),
      spend: spend.value,
      revenue: revenue.value,
      influencers: influencers.ok && influencers.value !== null ? influencers.value : 0,
    });
  }
  return out;
}

export function historySheetPlan(rows: readonly TierQuarterTotals[], language: Language, currency: CurrencyCode): SheetPlan {
  const t = REBALANCE_LABELS[language].history;
  const money = moneyFormats(currency);
  const line = (r: TierQuarterTotals, i: number): PlanCell[] => {
    const row = HISTORY_LAYOUT.first + i;
    return [
      text(r.quarter),
      text(tierLabel(r.tier, language)),
      figure(r.influencers, FORMATS.count),
      figure(r.spend, money.whole),
      figure(r.revenue, money.whole),
      formula(`=IFERROR(${a1(row, 5)}/${a1(row, 4)},"")`, FORMATS.roas),
    ];
  };
  return {
    kind: HISTORY_KIND,
    title: t.sheet,
    blocks: [{ row: 1, column: 1, cells: [[title(t.title)], [quiet(t.intro)], t.headers.map(header), ...rows.map(line)] }],
    columnWidths: [120, 120, 150, 130, 130, 100],
    frozenRows: HISTORY_LAYOUT.header,
    tabColor: '#80868b',
  };
}
