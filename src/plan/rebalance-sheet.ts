import type { CurrencyCode } from '../core/domain';
import type { PerformanceRecord, TierPerformance } from '../core/performance';
import type { RebalanceModel } from '../core/rebalance';
import { tierLabel, type Language } from './labels';
import { figure, formula, FORMATS, header, input, moneyFormats, QUIET, quiet, section, text, title } from './rebalance-cells';
import { REBALANCE_LABELS, type BudgetSource, type QuarterSource } from './rebalance-labels';
import { listsBlock, type ListPlacement } from './rebalance-lists';
import { a1, a1Range, type PlanCell, type SheetPlan } from './types';

/**
 * The Rebalance tab of one quarter: the inputs (budget and bounds), tier performance, the proposed mix with the
 * reason for each move, expected ROAS before and after with the model that produced it, each tier's response curve,
 * and the renew / review / end lists. Figures read from the roster are values as of the build; every ratio, share,
 * budget, expected revenue and check is a native formula over them, so the tab stays consistent when an exec edits
 * the budget or the target. The proposed shares themselves come from the allocator and change only on a rebuild.
 */
export const REBALANCE_KIND = 'rebalance';
/** One tab per quarter: the owner marker carries the quarter, so rebuilding a quarter finds its own tab. */
export const rebalanceKind = (quarter: string): string => `${REBALANCE_KIND}:${quarter}`;

export interface RebalanceSheetInput {
  model: RebalanceModel;
  /** The reviewed quarter ("2026-Q3"). */
  quarter: string;
  quarterSource: QuarterSource;
  budget: number;
  budgetSource: BudgetSource;
  /** The planner's saved budget, when the budget came from it. */
  plan: { budget: number; period: 'month' | 'quarter' } | null;
  bounds: { minShare: number; maxChange: number };
  targetRoas: number;
  currency: CurrencyCode;
  language: Language;
  rosterSheet: string;
  /** Cells of the roster that did not read (counted as blank). */
  unreadCells: number;
}

/** Fixed rows and columns; the sections below the performance table move with the number of tiers. */
export function rebalanceLayout(tiers: number) {
  const perfFirst = 13;
  const perfTotal = perfFirst + tiers;
  const mixTitle = perfTotal + 4;
  const mixFirst = mixTitle + 2;
  const mixTotal = mixFirst + tiers;
  const expTitle = mixTotal + 3;
  const curvesTitle = expTitle + 8;
  const curvesFirst = curvesTitle + 2;
  return {
    budget: { row: 5, column: 2 },
    minShare: { row: 6, column: 2 },
    maxChange: { row: 7, column: 2 },
    targetRoas: { row: 8, column: 2 },
    perf: { title: 11, header: 12, first: perfFirst, total: perfTotal, notes: perfTotal + 1 },
    /** tier, spend, current share, proposed share, change, proposed budget, revenue now, revenue proposed, check, model, marginals, why */
    mix: { title: mixTitle, header: mixTitle + 1, first: mixFirst, total: mixTotal, note: mixTotal + 1 },
    expected: { title: expTitle, header: expTitle + 1, current: expTitle + 2, proposed: expTitle + 3, change: expTitle + 4, model: expTitle + 5, method: expTitle + 6 },
    /** tier, model, influencers, quarters, ceiling, half-saturation, shape, average ROAS, modelled, fit error */
    curves: { title: curvesTitle, header: curvesTitle + 1, first: curvesFirst },
    lists: curvesFirst + tiers + 1,
  };
}

const COL = { spend: 4, revenue: 5, roas: 6, vsTarget: 7, impressions: 8, engagements: 9, conversions: 10, cpm: 11, cpe: 12, cpa: 13, withRevenue: 14 } as const;
type Metric = 'revenue' | 'impressions' | 'engagements' | 'conversions';
const METRICS: readonly Metric[] = ['revenue', 'impressions', 'engagements', 'conversions'];

/**
 * The spend each ratio divides by: the spend of the rows that have its figure, as core/performance.ts counts it.
 * Written beside the table so the ratios can be native formulas that agree with the core.
 */
export function ratioBases(records: readonly PerformanceRecord[], tiers: readonly string[]): { tiers: Array<Record<Metric, number>>; total: Record<Metric, number> } {
  const zero = (): Record<Metric, number> => ({ revenue: 0, impressions: 0, engagements: 0, conversions: 0 });
  const byTier = new Map(tiers.map((t) => [t, zero()]));
  const total = zero();
  for (const r of records) {
    const spend = r.spend !== null && r.spend > 0 ? r.spend : 0;
    const own = r.tier === null ? undefined : byTier.get(r.tier);
    for (const m of METRICS) {
      if (r[m] === null) continue;
      total[m] += spend;
      if (own) own[m] += spend;
    }
  }
  return { tiers: tiers.map((t) => byTier.get(t)!), total };
}

/** The tab's sentences: why each tier moved, which model produced the figures, why no mix was proposed. */
export function describeRebalance(s: RebalanceSheetInput): { reasons: string[]; model: string; noProposal: string | null } {
  const t = REBALANCE_LABELS[s.language];
  const m = s.model;
  const free = m.proposal.ok && m.proposal.tiers.some((p) => p.modelled && p.limitedBy === null);
  const phrase = { symbol: moneyFormats(s.currency).symbol, quarter: s.quarter, ...s.bounds, level: m.proposal.ok && free ? m.proposal.lambda : null };
  const noProposal = m.proposal.ok ? null : t.noProposal(m.proposal.code === 'no-results' ? t.noResults : m.proposal.message);
  const hill = m.calibration.tiers.flatMap((c) => (c.model.kind === 'hill' ? [c.model.influencers] : []));
  const model =
    m.method === null
      ? noProposal ?? ''
      : t.modelSummary(hill.length ? { influencers: hill.reduce((a, b) => a + b, 0), quarters: 1 + m.calibration.pastQuarters.length } : null);
  return {
    reasons: m.performance.tiers.map((_, i) => {
      const r = m.reasons[i];
      return r ? t.reason(r, phrase, tierLabel(r.tier, s.language)) : '';
    }),
    model,
    noProposal,
  };
}

export function rebalanceSheetPlan(s: RebalanceSheetInput): SheetPlan & { lists: ListPlacement[] } {
  const t = REBALANCE_LABELS[s.language];
  const m = s.model;
  const tiers = m.performance.tiers.map((p) => p.tier);
  const n = tiers.length;
  const L = rebalanceLayout(n);
  const money = moneyFormats(s.currency);
  const ref = (cell: { row: number; column: number }): string => a1(cell.row, cell.column, true);
  const budget = ref(L.budget);
  const target = ref(L.targetRoas);
  const label = (tier: string): string => tierLabel(tier, s.language);
  const proposal = m.proposal.ok ? m.proposal : null;
  const said = describeRebalance(s);

  const top: PlanCell[][] = [
    [title(t.title(s.quarter, m.nextQuarter))],
    [text(t.intro(s.rosterSheet, m.calibration.current.length))],
    [text(t.quarterFrom[s.quarterSource](s.quarter))],
    [header(t.inputs), header(''), header('')],
    [text(t.budget(m.nextQuarter)), input(s.budget, money.whole), quiet(t.budgetFrom(s.budgetSource, money.symbol, s.plan))],
    [text(t.minShare), input(s.bounds.minShare, FORMATS.share)],
    [text(t.maxChange), input(s.bounds.maxChange, FORMATS.share)],
    [text(t.targetRoas), input(s.targetRoas, FORMATS.roas)],
    [quiet(t.boundsNote)],
    [],
  ];

  // ---- Tier performance ----
  const bases = ratioBases(m.calibration.current, tiers);
  const perfRow = (p: TierPerformance, name: string, basis: Record<Metric, number>, row: number, bold = false): PlanCell[] => {
    const at = (column: number): string => a1(row, column);
    const basisAt = (metric: Metric): string => a1(row, COL.withRevenue + METRICS.indexOf(metric));
    return [
      bold ? title(name) : text(name),
      figure(p.influencers, FORMATS.count),
      figure(p.partnerships, FORMATS.count),
      figure(p.spend, money.whole),
      figure(p.revenue, money.whole),
      formula(`=IFERROR(${at(COL.revenue)}/${basisAt('revenue')},"")`, FORMATS.roas),
      formula(`=IF(${at(COL.roas)}="","",IF(${at(COL.roas)}>=${target},"${t.onTarget}","${t.belowTarget}"))`),
      figure(p.impressions, FORMATS.count),
      figure(p.engagements, FORMATS.count),
      figure(p.conversions, FORMATS.count),
      formula(`=IFERROR(${basisAt('impressions')}/${at(COL.impressions)}*1000,"")`, money.cents),
      formula(`=IFERROR(${basisAt('engagements')}/${at(COL.engagements)},"")`, money.cents),
      formula(`=IFERROR(${basisAt('conversions')}/${at(COL.conversions)},"")`, money.cents),
      ...METRICS.map((metric) => figure(basis[metric], money.whole, QUIET)),
    ];
  };
  const notes = [
    m.performance.untiered > 0 ? t.untiered(m.performance.untiered) : '',
    m.calibration.undated > 0 ? t.undated(m.calibration.undated) : '',
    s.unreadCells > 0 ? t.unread(s.unreadCells) : '',
  ].filter(Boolean);
  const performance: PlanCell[][] = [
    [section(t.performance(s.quarter))],
    t.performanceHeaders.map(header),
    ...m.performance.tiers.map((p, i) => perfRow(p, label(p.tier), bases.tiers[i]!, L.perf.first + i)),
    perfRow(m.performance.total, t.total, bases.total, L.perf.total, true),
    [quiet(t.basisNote)],
    [text(notes.join(' '))],
    [],
  ];

  // ---- Curves (referenced by the expected revenue formulas) ----
  const curveRow = (i: number): PlanCell[] => {
    const model = m.calibration.tiers[i]!.model;
    const curve = model.kind === 'none' ? null : model.curve;
    const average = model.kind === 'none' || model.anchor.spend <= 0 ? null : model.anchor.revenue / model.anchor.spend;
    return [
      text(label(tiers[i]!)),
      text(t.tierModel(model)),
      figure(model.kind === 'none' ? null : model.influencers, FORMATS.count),
      figure(model.kind === 'none' ? null : model.quarters, FORMATS.count),
      figure(curve?.kind === 'hill' ? curve.b : null, money.whole),
      figure(curve?.kind === 'hill' ? curve.g : null, money.whole),
      figure(curve?.kind === 'hill' ? curve.a : null, FORMATS.shape),
      figure(curve?.kind === 'linear' ? curve.roas : average, FORMATS.roas),
      { value: curve ? 1 : 0 },
      figure(model.kind === 'hill' ? model.fitError : null, FORMATS.fit),
    ];
  };
  const curves: PlanCell[][] = [[section(t.curves)], t.curveHeaders.map(header), ...tiers.map((_, i) => curveRow(i))];
  const curveAt = (i: number, column: number): string => a1(L.curves.first + i, column, true);
  /** Expected revenue of tier i at spend `x`: its Hill curve, or its average ROAS (a straight line). */
  const expectedRevenue = (i: number, x: string): string =>
    `=IF(${curveAt(i, 9)}=0,"",IF(${x}<=0,0,IF(ISNUMBER(${curveAt(i, 7)}),${curveAt(i, 5)}/(1+(${curveAt(i, 6)}/(${x}))^${curveAt(i, 7)}),${curveAt(i, 8)}*${x})))`;

  // ---- Proposed mix ----
  const spendRange = a1Range(L.mix.first, 2, n, 1);
  const mixRow = (i: number): PlanCell[] => {
    const row = L.mix.first + i;
    const at = (column: number): string => a1(row, column);
    const p = proposal?.tiers[i];
    const cells: PlanCell[] = [
      text(label(tiers[i]!)),
      figure(m.calibration.tiers[i]!.spend, money.whole),
      formula(`=IFERROR(${at(2)}/SUM(${spendRange}),0)`, FORMATS.share),
    ];
    if (!p) return cells;
    return [
      ...cells,
      { value: p.to, format: FORMATS.share, bold: true },
      formula(`=(${at(4)}-${at(3)})*100`, FORMATS.points),
      formula(`=${budget}*${at(4)}`, money.whole),
      formula(expectedRevenue(i, `${budget}*${at(3)}`), money.whole),
      formula(expectedRevenue(i, `${budget}*${at(4)}`), money.whole),
      formula(
        `=IF(AND(${at(4)}>=MIN(${ref(L.minShare)},${at(3)})-0.000001,ABS(${at(4)}-${at(3)})<=${ref(L.maxChange)}+0.000001),"${t.withinBounds}","${t.outsideBounds}")`,
      ),
      text(t.tierModel(m.calibration.tiers[i]!.model)),
      figure(p.marginalFrom, money.cents),
      figure(p.marginalTo, money.cents),
      text(said.reasons[i]!),
    ];
  };
  const sum = (column: number, format: string): PlanCell => formula(`=SUM(${a1Range(L.mix.first, column, n, 1)})`, format);
  const mixTotal: PlanCell[] = proposal
    ? [title(t.total), sum(2, money.whole), sum(3, FORMATS.share), sum(4, FORMATS.share), {}, sum(6, money.whole), sum(7, money.whole), sum(8, money.whole)]
    : [title(t.total), sum(2, money.whole), sum(3, FORMATS.share)];
  const noProposal = said.noProposal ?? '';
  const mix: PlanCell[][] = [
    [section(t.mix(m.nextQuarter))],
    t.mixHeaders(s.quarter, money.symbol).map(header),
    ...tiers.map((_, i) => mixRow(i)),
    mixTotal,
    [noProposal ? { value: noProposal, bold: true, color: '#a50e0e' } : {}],
    [],
  ];

  // ---- Expected ROAS ----
  const flags = a1Range(L.curves.first, 9, n, 1);
  const shares = (column: number): string => a1Range(L.mix.first, column, n, 1);
  const totalAt = (column: number): string => a1(L.mix.total, column);
  const E = L.expected;
  const expected: PlanCell[][] = [
    [section(t.expected)],
    t.expectedHeaders.map(header),
    proposal
      ? [text(t.currentMix), formula(`=${totalAt(7)}`, money.whole), formula(`=IFERROR(B${E.current}/(${budget}*SUMPRODUCT(${flags},${shares(3)})),"")`, FORMATS.roas)]
      : [text(t.currentMix)],
    proposal
      ? [text(t.proposedMix), formula(`=${totalAt(8)}`, money.whole), formula(`=IFERROR(B${E.proposed}/(${budget}*SUMPRODUCT(${flags},${shares(4)})),"")`, FORMATS.roas)]
      : [text(t.proposedMix)],
    proposal
      ? [title(t.change), formula(`=B${E.proposed}-B${E.current}`, money.whole), formula(`=IFERROR(C${E.proposed}-C${E.current},"")`, '+0.00;-0.00;0.00')]
      : [title(t.change)],
    [text(t.modelLine), text(said.model)],
    [text(t.methodLine), text(m.method ? t.method[m.method] : '')],
    [],
  ];

  const lists = listsBlock(m.decisions, m.calibration.current, L.lists, s.language, money);
  const checkColumn = a1Range(L.mix.first, 9, n, 1);
  const changeColumn = a1Range(L.mix.first, 5, n, 1);
  const targetColumn = a1Range(L.perf.first, COL.vsTarget, n + 1, 1);
  return {
    kind: rebalanceKind(s.quarter),
    title: t.sheet(s.quarter),
    blocks: [
      { row: 1, column: 1, cells: [...top, ...performance, ...mix, ...expected] },
      { row: L.curves.title, column: 1, cells: [...curves, []] },
      { row: L.lists, column: 1, cells: lists.cells },
    ],
    columnWidths: [160, 160, 110, 110, 110, 110, 150, 150, 150, 260, 130, 130, 520, 120, 120, 120, 120],
    frozenRows: 1,
    rules: [
      { range: targetColumn, formula: `=${a1(L.perf.first, COL.vsTarget)}="${t.belowTarget}"`, background: '#fef7e0', color: '#b06000' },
      { range: targetColumn, formula: `=${a1(L.perf.first, COL.vsTarget)}="${t.onTarget}"`, background: '#e6f4ea', color: '#137333' },
      { range: checkColumn, formula: `=${a1(L.mix.first, 9)}="${t.outsideBounds}"`, background: '#fce8e6', color: '#a50e0e' },
      { range: changeColumn, formula: `=AND(ISNUMBER(${a1(L.mix.first, 5)}),${a1(L.mix.first, 5)}>0.05)`, color: '#137333', bold: true },
      { range: changeColumn, formula: `=AND(ISNUMBER(${a1(L.mix.first, 5)}),${a1(L.mix.first, 5)}<-0.05)`, color: '#a50e0e', bold: true },
    ],
    validations: [
      { range: a1(L.budget.row, L.budget.column), atLeast: 0, helpText: t.validation.budget },
      { range: a1(L.minShare.row, L.minShare.column), between: [0, 1], helpText: t.validation.share },
      { range: a1(L.maxChange.row, L.maxChange.column), between: [0, 1], helpText: t.validation.share },
      { range: a1(L.targetRoas.row, L.targetRoas.column), atLeast: 0, helpText: t.validation.roas },
    ],
    charts: proposal
      ? [
          {
            type: 'COLUMN',
            ranges: [a1Range(L.mix.header, 1, n + 1, 1), a1Range(L.mix.header, 3, n + 1, 2)],
            anchor: { row: L.mix.title, column: 14 },
            options: { title: t.chartTitle, legend: 'bottom' },
          },
        ]
      : [],
    tabColor: '#188038',
    lists: lists.placements,
  };
}
