import type { Allocation } from '../core/allocation';
import { CURRENCIES, GEOGRAPHIES, PARTNERSHIP_TYPES, TIER_KEYS } from '../core/domain';
import { FORECAST, forecastCells, FORECAST_LABELS, SEED_FUNNEL, type TabCalibration } from './allocation-forecast';
import { INPUT_CELLS, LAYOUT, shown, valueAt } from './allocation-inputs';
import { fittedColumnWidths } from './column-widths';
import { LABELS, type Language } from './labels';
import { a1, a1Range, type PlanCell, type SheetPlan } from './types';

/**
 * The Allocation tab: an inputs block an exec may edit (shaded) and result tables of live formulas that reference
 * it, so changing the budget cell moves every figure. Cell positions are fixed (allocation-inputs.ts) and exported
 * for tests. Every word on the tab, tier names and formula results included, is in the tab's language.
 *
 * Predicted revenue and ROAS come from the team's calibration when the roster has results, else from the seed
 * funnel (allocation-forecast.ts): `allocation` carries the same figures (core/forecast.ts, withForecast).
 */
export const ALLOCATION_KIND = 'allocation';
export { LAYOUT };

const INPUT_BG = '#e8f0fe';
const HEADER_BG = '#f1f3f4';
const PERCENT = '0%';
const COUNT = '#,##0';
const ROAS = '0.00';

const header = (text: string): PlanCell => ({ value: text, bold: true, background: HEADER_BG });
const title = (text: string): PlanCell => ({ value: text, bold: true });
const inputCell = (value: string | number, format?: string): PlanCell => ({ value, background: INPUT_BG, ...(format ? { format } : {}) });
const formula = (f: string, format?: string): PlanCell => ({ formula: f, ...(format ? { format } : {}) });
const text = (value: string): PlanCell => ({ value });

export function allocationSheetPlan(allocation: Allocation, language: Language, calibration: TabCalibration = SEED_FUNNEL): SheetPlan {
  const t = LABELS[language];
  const s = allocation.settings;
  const money = CURRENCIES[s.currency].format;
  const ref = (cell: { row: number; column: number }): string => a1(cell.row, cell.column, true);
  const budget = ref(LAYOUT.budget);
  const values = new Map(INPUT_CELLS.map((c) => [c.key, shown(c, valueAt(s, c.key), language)]));
  /** An input cell's value, as INPUT_CELLS says: the same the server records as written. */
  const input = (key: string, format?: string): PlanCell => inputCell(values.get(key)!, format);
  const forecast = forecastCells(calibration, language, t.tierNames, money, { header, title, text, total: t.total });

  const top: PlanCell[][] = [
    [title(t.allocationTitle)],
    [text(t.allocationIntro)],
    [],
    [header(t.inputs), header('')],
    [text(t.budget), input('budget', money), text(t.periodNames[s.period])],
    [text(t.currency), input('currency')],
    [text(t.period), input('period')],
    [text(t.stage), input('stage')],
    [text(t.aov), input('aov', money)],
    [text(t.targetRoas), input('targetRoas', ROAS)],
    [text(t.reachRate), input('reachRate', PERCENT)],
    [text(t.clickRate), input('clickRate', PERCENT)],
    [text(t.conversionRate), input('conversionRate', '0.0%')],
    [],
    t.tierInputHeaders.map(header),
    ...TIER_KEYS.map((key) => [
      text(t.tierNames[key]),
      input(`mix.${key}`, PERCENT),
      input(`costPerPost.${key}.min`, money),
      input(`costPerPost.${key}.max`, money),
      input(`typicalFollowers.${key}`, COUNT),
      input(`engagementRate.${key}`, '0.0%'),
    ]),
    [title(t.total), formula(`=SUM(${a1Range(LAYOUT.tierInputs.first, 2, TIER_KEYS.length, 1)})`, PERCENT)],
    [],
    [title(t.allocation), forecast.note],
    t.resultHeaders.map(header),
    ...TIER_KEYS.map((key, i) => tierResultRow(key, i)),
    totalRow(),
  ];

  function tierResultRow(key: (typeof TIER_KEYS)[number], i: number): PlanCell[] {
    const r = LAYOUT.results.first + i;
    const inRow = LAYOUT.tierInputs.first + i;
    const [share, min, max, followers, er] = [2, 3, 4, 5, 6].map((c) => a1(inRow, c));
    const cell = (column: number): string => a1(r, column);
    return [
      text(t.tierNames[key]),
      formula(`=${budget}*${share}`, money),
      formula(`=IF(${max}>0,INT(${cell(2)}/${max}),0)`, COUNT),
      formula(`=IF(${min}>0,INT(${cell(2)}/${min}),0)`, COUNT),
      // A tier that cannot buy one post at its cheapest rate reaches no one (and so earns nothing).
      formula(`=IF(AND(${cell(2)}>0,${cell(2)}>=${min},${min}+${max}>0),${cell(2)}/((${min}+${max})/2)*${followers}*${ref(LAYOUT.reachRate)},0)`, COUNT),
      formula(forecast.revenue(i, cell(2), `${cell(5)}*${er}*${ref(LAYOUT.clickRate)}*${ref(LAYOUT.conversionRate)}*${ref(LAYOUT.aov)}`), money),
      formula(`=IF(${cell(2)}>0,${cell(6)}/${cell(2)},"")`, ROAS),
      formula(`=IF(${cell(2)}>0,IF(${cell(7)}>=${ref(LAYOUT.targetRoas)},"${t.onTarget}","${t.belowTarget}"),"")`),
      formula(`=IF(AND(${cell(2)}>0,${cell(2)}<${min}),"${t.belowOnePost}","")`),
    ];
  }

  function totalRow(): PlanCell[] {
    const r = LAYOUT.resultsTotalRow;
    const sum = (column: number, format: string): PlanCell =>
      formula(`=SUM(${a1Range(LAYOUT.results.first, column, TIER_KEYS.length, 1)})`, format);
    const mixTotal = a1(LAYOUT.mixTotalRow, 2);
    return [
      title(t.total),
      sum(2, money),
      sum(3, COUNT),
      sum(4, COUNT),
      sum(5, COUNT),
      sum(6, money),
      formula(`=IF(${a1(r, 2)}>0,${a1(r, 6)}/${a1(r, 2)},"")`, ROAS),
      formula(`=IF(${a1(r, 2)}>0,IF(${a1(r, 7)}>=${ref(LAYOUT.targetRoas)},"${t.onTarget}","${t.belowTarget}"),"")`),
      formula(`=IF(ABS(${mixTotal}-1)>0.000001,"${t.mixTotalPrefix}"&ROUND(${mixTotal}*100,1)&"${t.mixTotalSuffix}","")`),
    ];
  }

  const splitBlock = (
    heading: string,
    headers: readonly string[],
    rows: ReadonlyArray<{ label: string; key: string }>,
    first: number,
  ): PlanCell[][] => [
    [title(heading)],
    headers.map(header),
    ...rows.map((row, i) => [text(row.label), input(row.key, PERCENT), formula(`=${budget}*${a1(first + i, 2)}`, money)]),
    [
      title(t.total),
      formula(`=SUM(${a1Range(first, 2, rows.length, 1)})`, PERCENT),
      formula(`=SUM(${a1Range(first, 3, rows.length, 1)})`, money),
    ],
  ];

  const partnership = splitBlock(
    t.partnershipTitle,
    t.splitHeaders(t.partnershipType),
    PARTNERSHIP_TYPES.map((type) => ({ label: t.partnershipNames[type], key: `partnershipMix.${type}` })),
    LAYOUT.partnership.first,
  );
  const geography = splitBlock(
    t.geographyTitle,
    t.splitHeaders(t.region),
    GEOGRAPHIES.map((region) => ({ label: t.geographyNames[region], key: `geoMix.${region}` })),
    LAYOUT.geography.first,
  );

  const warningColumn = a1Range(LAYOUT.results.first, 9, TIER_KEYS.length + 1, 1);
  const targetColumn = a1Range(LAYOUT.results.first, 8, TIER_KEYS.length + 1, 1);
  const mixTotalCell = a1(LAYOUT.mixTotalRow, 2);
  const blocks = [
    { row: 1, column: 1, cells: top },
    { row: LAYOUT.partnership.title, column: 1, cells: partnership },
    { row: LAYOUT.geography.title, column: 1, cells: geography },
    { row: FORECAST.title, column: 1, cells: forecast.block },
  ];
  return {
    kind: ALLOCATION_KIND,
    title: t.allocationSheet,
    blocks,
    // The texts the formulas may show must fit too: the warning column is the widest.
    columnWidths: fittedColumnWidths(blocks, {
      columns: 9,
      min: 90,
      results: {
        2: Object.values(FORECAST_LABELS[language].models),
        8: [t.onTarget, t.belowTarget],
        9: [t.belowOnePost, `${t.mixTotalPrefix}100.5${t.mixTotalSuffix}`],
      },
    }),
    frozenRows: 1,
    rules: [
      { range: warningColumn, formula: `=LEN(${a1(LAYOUT.results.first, 9)})>0`, background: '#fce8e6', color: '#a50e0e' },
      { range: targetColumn, formula: `=${a1(LAYOUT.results.first, 8)}="${t.belowTarget}"`, background: '#fef7e0', color: '#b06000' },
      { range: targetColumn, formula: `=${a1(LAYOUT.results.first, 8)}="${t.onTarget}"`, background: '#e6f4ea', color: '#137333' },
      { range: mixTotalCell, formula: `=ABS(${mixTotalCell}-1)>0.000001`, background: '#fce8e6', color: '#a50e0e', bold: true },
    ],
    validations: [
      { range: a1(LAYOUT.budget.row, LAYOUT.budget.column), atLeast: 0, helpText: t.validationBudget },
      { range: a1Range(LAYOUT.tierInputs.first, 2, TIER_KEYS.length, 1), between: [0, 1], helpText: t.validationShare },
      { range: a1Range(LAYOUT.partnership.first, 2, PARTNERSHIP_TYPES.length, 1), between: [0, 1], helpText: t.validationShare },
      { range: a1Range(LAYOUT.geography.first, 2, GEOGRAPHIES.length, 1), between: [0, 1], helpText: t.validationShare },
    ],
    charts: [
      {
        type: 'PIE',
        ranges: [a1Range(LAYOUT.results.first, 1, TIER_KEYS.length, 2)],
        anchor: { row: 4, column: 11 },
        options: { title: t.chartTitle, pieHole: 0.4, legend: 'right' },
      },
    ],
    tabColor: '#1a73e8',
  };
}
