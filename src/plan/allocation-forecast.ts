import type { PlannerModel } from '../core/forecast';
import { TIER_KEYS, type PerTier, type TierKey } from '../core/domain';
import { LAYOUT } from './allocation-inputs';
import type { Language } from './labels';
import { a1, a1Range, type PlanCell } from './types';

/**
 * The Allocation tab's forecast model (SPEC section 4: the planner forecasts with the rebalance's calibration when
 * the roster has results, with the seed funnel only when it has none). The tab writes each tier's calibrated
 * response curve as a table, and its predicted revenue reads the curve with live formulas, so an exec who changes
 * the mix or the budget still sees the same figures the planner would: the curve is read where the tier's share of
 * the reviewed quarter's spend puts it (core/forecast.ts).
 */

/** The calibration the tab writes: the team's per tier, or why the forecast is the seed funnel. */
export type TabCalibration =
  | {
      kind: 'calibrated';
      /** Each tier's spend in the reviewed quarter: a tier at share s is read at s times their total. */
      spend: PerTier<number>;
      models: PerTier<PlannerModel | null>;
      /** The reviewed quarter, null when the roster has no period column; quarters read, it included. */
      quarter: string | null;
      quarters: number;
    }
  | { kind: 'seed-funnel'; why: 'no-roster' | 'no-results' };

export const SEED_FUNNEL: TabCalibration = { kind: 'seed-funnel', why: 'no-results' };

type Model = 'hill' | 'average-roas' | 'seed-funnel';

const en = {
  title: 'Forecast model',
  headers: ['Tier', 'Model', 'Influencers', 'Quarters', 'Spend', 'ROAS', 'Curve b', 'Curve a', 'Curve g'],
  models: { hill: 'Hill curve', 'average-roas': 'Average ROAS', 'seed-funnel': 'Seed funnel' } as Record<Model, string>,
  /** Beside the results' title: what the predicted revenue and ROAS rest on. */
  calibrated: (n: string): string =>
    `=IF(${n}>0,"Revenue and ROAS: calibrated on "&${n}&" influencers (Forecast model below).","Revenue and ROAS: seed funnel, the planned tiers have no results.")`,
  seed: 'Revenue and ROAS: seed funnel, the roster has no results.',
  /** Under the model's title. */
  how: (quarter: string | null): string => `Fitted on the roster's results${quarter ? ` of ${quarter}` : ''}; a tier's revenue at share s is b / (1 + (g / (s x spend))^a).`,
};

type ForecastLabels = typeof en;

const zh: ForecastLabels = {
  title: '预测模型',
  headers: ['层级', '模型', '达人数', '季度数', '花费', '投产比', '曲线 b', '曲线 a', '曲线 g'],
  models: { hill: '饱和曲线', 'average-roas': '平均投产比', 'seed-funnel': '种子漏斗' },
  calibrated: (n) => `=IF(${n}>0,"销售额和投产比：基于 "&${n}&" 位达人的结果校准（见下方预测模型）。","销售额和投产比：种子漏斗，计划投放的层级没有结果。")`,
  seed: '销售额和投产比：种子漏斗，达人名单没有投放结果。',
  how: (quarter) => `按名单${quarter ? ` ${quarter} ` : ''}的结果拟合；占比 s 的层级销售额 = b / (1 + (g / (s × 花费))^a)。`,
};

export const FORECAST_LABELS: Record<Language, ForecastLabels> = { en, zh };

/** Where the forecast model sits: below the geography split, clear of the input block the server reads back. */
export const FORECAST = { title: 47, basis: 48, header: 49, first: 50, total: 50 + TIER_KEYS.length } as const;

/** Columns of the model table. */
const COL = { model: 2, influencers: 3, quarters: 4, spend: 5, roas: 6, b: 7, a: 8, g: 9 } as const;

const MONEY_WHOLE = (format: string): string => format.replace(/\.0+/, '');

export interface ForecastCells {
  /** The short line beside the results' title. */
  note: PlanCell;
  /** The model block, from FORECAST.title down. */
  block: PlanCell[][];
  /** Predicted revenue of tier i: the formula the results table writes. `seed` is the seed funnel's expression. */
  revenue(i: number, budget: string, seed: string): string;
}

export function forecastCells(calibration: TabCalibration, language: Language, tierNames: Record<TierKey, string>, money: string, style: {
  header: (text: string) => PlanCell;
  title: (text: string) => PlanCell;
  text: (text: string) => PlanCell;
  total: string;
}): ForecastCells {
  const t = FORECAST_LABELS[language];
  const at = (i: number, column: number, absolute = false): string => a1(FORECAST.first + i, column, absolute);
  const mix = a1Range(LAYOUT.tierInputs.first, 2, TIER_KEYS.length, 1);
  const influencers = a1Range(FORECAST.first, COL.influencers, TIER_KEYS.length, 1);
  const counted = `SUMIF(${mix},">0",${influencers})`;
  const whole = MONEY_WHOLE(money);
  const number = (value: number | null, format: string): PlanCell => (value === null ? { value: '' } : { value, format });

  const rows = TIER_KEYS.map((tier): PlanCell[] => {
    const m = calibration.kind === 'calibrated' ? calibration.models[tier] : null;
    const curve = m?.curve.kind === 'hill' ? m.curve : null;
    return [
      style.text(tierNames[tier]),
      style.text(t.models[m ? m.kind : 'seed-funnel']),
      number(m ? m.influencers : null, '#,##0'),
      number(m ? m.quarters : null, '#,##0'),
      number(calibration.kind === 'calibrated' ? calibration.spend[tier] : null, whole),
      // The tier's ROAS in the quarter: the straight line's slope, or the point every curve goes through.
      number(m ? (m.curve.kind === 'linear' ? m.curve.roas : m.anchor.revenue / m.anchor.spend) : null, '0.00'),
      number(curve ? curve.b : null, whole),
      number(curve ? curve.a : null, '0.00'),
      number(curve ? curve.g : null, whole),
    ];
  });
  const total = a1(FORECAST.total, COL.spend, true);
  const block: PlanCell[][] = [
    [style.title(t.title)],
    [style.text(calibration.kind === 'calibrated' ? t.how(calibration.quarter) : t.seed)],
    t.headers.map(style.header),
    ...rows,
    [style.title(style.total), {}, {}, {}, { formula: `=SUM(${a1Range(FORECAST.first, COL.spend, TIER_KEYS.length, 1)})`, format: whole }],
  ];

  return {
    note: calibration.kind === 'calibrated' ? { formula: t.calibrated(counted) } : style.text(t.seed),
    block,
    revenue(i, budget, seed) {
      const x = `${total}*${a1(LAYOUT.tierInputs.first + i, 2, true)}`;
      const [min, max] = [3, 4].map((c) => a1(LAYOUT.tierInputs.first + i, c));
      // A tier's average ROAS where its share of the quarter's spend puts it: its Hill curve, else its straight line.
      const roas = `IF(ISNUMBER(${at(i, COL.b, true)}),${at(i, COL.b, true)}/(1+(${at(i, COL.g, true)}/(${x}))^${at(i, COL.a, true)})/(${x}),${at(i, COL.roas, true)})`;
      return `=IF(ISNUMBER(${at(i, COL.roas, true)}),IF(AND(${budget}>0,${budget}>=${min},${min}+${max}>0),${budget}*${roas},0),${seed})`;
    },
  };
}
