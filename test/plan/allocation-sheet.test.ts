import { describe, expect, it } from 'vitest';
import { allocationPlan, defaultSettings } from '../../src/core/allocation';
import { allocationSheetPlan, LAYOUT } from '../../src/plan/allocation-sheet';
import { textWidth } from '../../src/plan/column-widths';
import { LABELS, type Language } from '../../src/plan/labels';
import { a1, type PlanCell, type PlanRule, type SheetPlan } from '../../src/plan/types';
import { createEngine, parseA1, planGrid, type Engine } from '../support/formula-engine';

/** The Allocation tab as the exec sees it: what is shaded for editing, how figures are formatted, what turns red. */

const plan = (options: { budget?: number; currency?: 'CNY' | 'USD'; period?: 'month' | 'quarter'; language?: Language } = {}) => {
  const settings = defaultSettings(options.budget ?? 30_000, 'maturity', options.currency ?? 'CNY');
  settings.period = options.period ?? 'month';
  return allocationSheetPlan(allocationPlan(settings), options.language ?? 'en');
};

/** Every cell the plan writes, by A1 address. */
function cells(p: SheetPlan): Map<string, PlanCell> {
  const map = new Map<string, PlanCell>();
  for (const block of p.blocks) {
    block.cells.forEach((line, r) => line.forEach((cell, c) => map.set(a1(block.row + r, block.column + c), cell)));
  }
  return map;
}

const range = (from: string, to: string): string[] => {
  const a = parseA1(from);
  const b = parseA1(to);
  const out: string[] = [];
  for (let row = a.row; row <= b.row; row++) for (let col = a.col; col <= b.col; col++) out.push(a1(row + 1, col + 1));
  return out;
};
const cellsOf = (ref: string): string[] => (ref.includes(':') ? range(...(ref.split(':') as [string, string])) : [ref]);

/** Moves the relative references of a formula by rows and columns, as Sheets does for each cell of a rule's range. */
function shift(formula: string, rows: number, columns: number): string {
  return formula
    .split(/("[^"]*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/(\$?)([A-Z]{1,3})(\$?)(\d+)/g, (_, colAbs: string, col: string, rowAbs: string, row: string) => {
            const { col: c } = parseA1(`${col}1`);
            const letters = colAbs ? col : a1(1, c + 1 + columns).replace(/\d+$/, '');
            return `${colAbs}${letters}${rowAbs}${rowAbs ? row : Number(row) + rows}`;
          }),
    )
    .join('');
}

/** The cells a conditional-format rule paints, evaluated by the formula engine the way Sheets applies it. */
function painted(e: Engine, rule: PlanRule): string[] {
  const all = cellsOf(rule.range);
  const origin = parseA1(all[0]!);
  const sheet = e.hf.getSheetId('Allocation')!;
  return all.filter((ref) => {
    const at = parseA1(ref);
    return e.hf.calculateFormula(shift(rule.formula, at.row - origin.row, at.col - origin.col), sheet) === true;
  });
}

/** The hue (0-360) of a #rrggbb colour. */
function hue(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  if (d === 0) return 0;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}
const isRed = (hex?: string) => !!hex && /^#[0-9a-f]{6}$/i.test(hex) && (hue(hex) < 15 || hue(hex) > 345);
const isAmber = (hex?: string) => !!hex && /^#[0-9a-f]{6}$/i.test(hex) && hue(hex) >= 30 && hue(hex) <= 60;
const isGreen = (hex?: string) => !!hex && /^#[0-9a-f]{6}$/i.test(hex) && hue(hex) >= 90 && hue(hex) <= 160;

describe('A1 helpers', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [53, 'BA'],
    [702, 'ZZ'],
    [703, 'AAA'],
  ])('column %i is %s', (column, letters) => {
    expect(a1(1, column)).toBe(`${letters}1`);
  });

  it('writes relative references unless asked for absolute ones', async () => {
    const { a1Range } = await import('../../src/plan/types');
    expect(a1(5, 2)).toBe('B5');
    expect(a1(5, 2, true)).toBe('$B$5');
    expect(a1Range(5, 2, 1, 1)).toBe('B5');
    expect(a1Range(25, 9, 6, 1)).toBe('I25:I30');
    expect(a1Range(3, 2, 1, 3)).toBe('B3:D3');
    expect(a1Range(25, 1, 5, 2)).toBe('A25:B29');
  });
});

describe('the inputs block', () => {
  it('shades exactly the cells an exec may edit, and none of them holds a formula', () => {
    const c = cells(plan());
    const shaded = [...c].filter(([, cell]) => cell.background === c.get('B5')!.background).map(([ref]) => ref);
    const inputs = [
      ...range('B5', 'B13'), // budget, currency, period, stage, AOV, target ROAS, reach, click and conversion rates
      ...range('B16', 'F20'), // per tier: mix, cheapest and dearest cost, typical followers, engagement rate
      ...range('B34', 'B37'), // partnership shares
      ...range('B42', 'B44'), // geography shares
    ];
    expect(shaded.sort()).toEqual(inputs.sort());
    for (const ref of inputs) expect(c.get(ref)!.formula, ref).toBeUndefined();
    expect(c.get('B5')!.background).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('writes the settings next to their labels', () => {
    const c = cells(plan({ period: 'quarter', currency: 'USD' }));
    const rows = range('A5', 'B13').reduce<unknown[][]>((acc, ref, i) => {
      if (i % 2 === 0) acc.push([c.get(ref)?.value]);
      else acc[acc.length - 1]!.push(c.get(ref)?.value);
      return acc;
    }, []);
    expect(rows).toEqual([
      ['Budget', 30_000],
      ['Currency', 'USD'],
      ['Period', 'quarter'],
      ['Stage (preset of the mix)', 'maturity'],
      ['Average order value', 150],
      ['Target ROAS', 3],
      ['Reach rate (share of followers)', 0.3],
      ['Click rate (share of engagements)', 0.1],
      ['Conversion rate (share of clicks)', 0.05],
    ]);
    expect(c.get('C5')!.value).toBe('per quarter');
    expect(cells(plan()).get('C5')!.value).toBe('per month');
  });

  it('lists the tier inputs under their headers', () => {
    const c = cells(plan());
    const row = (r: number) => ['A', 'B', 'C', 'D', 'E'].map((col) => c.get(`${col}${r}`)?.value);
    expect(row(15)).toEqual(['Tier', 'Mix', 'Cost per post (min)', 'Cost per post (max)', 'Typical followers']);
    expect(row(16)).toEqual(['Mega', 0.05, 10_000, 50_000, 1_000_000]);
    expect(row(18)).toEqual(['Mid', 0.5, 1_000, 5_000, 40_000]);
    expect(row(20)).toEqual(['Nano', 0, 50, 200, 500]);
  });

  it('formats money in the currency, shares as percentages, counts with separators and ROAS with two decimals', () => {
    const formats = (p: SheetPlan, refs: string[]) => refs.map((ref) => cells(p).get(ref)?.format);
    const cny = plan();
    expect(formats(cny, ['B5', 'B9', 'C16', 'D16', 'B25', 'F25', 'B30', 'F30', 'C34', 'C38', 'C42', 'C45'])).toEqual(Array(12).fill('"¥"#,##0'));
    expect(formats(plan({ currency: 'USD' }), ['B5', 'B25', 'C34'])).toEqual(Array(3).fill('"$"#,##0'));
    expect(formats(cny, ['B11', 'B12', 'B16', 'B20', 'B21', 'B34', 'B38', 'B42', 'B45'])).toEqual(Array(9).fill('0%'));
    expect(formats(cny, ['B13', 'F16', 'F20'])).toEqual(Array(3).fill('0.0%')); // 5%, 7.5%: one decimal
    expect(formats(cny, ['E16', 'C25', 'D25', 'E25', 'C30', 'D30', 'E30'])).toEqual(Array(7).fill('#,##0'));
    expect(formats(cny, ['B10', 'G25', 'G30'])).toEqual(Array(3).fill('0.00'));
  });

  it('sets headers and titles in bold, headers on a grey band', () => {
    const c = cells(plan());
    const headers = ['A4', 'B4', ...range('A15', 'F15'), ...range('A24', 'I24'), ...range('A33', 'C33'), ...range('A41', 'C41')];
    for (const ref of headers) expect(c.get(ref), ref).toMatchObject({ bold: true, background: c.get('A4')!.background });
    expect(c.get('A4')!.background).toMatch(/^#[0-9a-f]{6}$/i);
    expect(c.get('B4')!.value).toBe('');
    for (const ref of ['A1', 'A21', 'A23', 'A30', 'A32', 'A38', 'A40', 'A45']) expect(c.get(ref), ref).toMatchObject({ bold: true });
    expect(c.get('A1')!.value).toBe('Influencer budget allocation');
    expect(c.get('A2')!.value).toBe('Made by Influencer Matrix. Edit the shaded inputs; every figure below follows.');
    expect(c.get('A23')!.value).toBe('Allocation by tier');
    expect(c.get('A3')).toBeUndefined(); // a spacer row
    expect(c.get('A14')).toBeUndefined();
    expect(c.get('A22')).toBeUndefined();
  });

  it('sets a width for each of the nine columns, wide enough for the texts its formulas show, and freezes the title row', () => {
    for (const language of ['en', 'zh'] as const) {
      const p = plan({ language });
      const t = LABELS[language];
      const widths = p.columnWidths!;
      expect(widths, language).toHaveLength(9);
      for (const w of widths) expect(Number.isFinite(w) && w >= 90, `${language}: ${widths.join()}`).toBe(true);
      expect(Math.max(...widths)).toBe(widths[8]); // the warning column
      for (const warning of [t.belowOnePost, `${t.mixTotalPrefix}100.5${t.mixTotalSuffix}`]) {
        expect(widths[8], `${language}: ${warning}`).toBeGreaterThanOrEqual(textWidth(warning));
      }
      for (const verdict of [t.onTarget, t.belowTarget]) expect(widths[7]).toBeGreaterThanOrEqual(textWidth(verdict));
    }
    const p = plan();
    expect(p.frozenRows).toBe(1);
    expect(p.tabColor).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('points every figure at the inputs block with absolute references, so a copied row still reads the budget', () => {
    const c = cells(plan());
    for (const ref of [...range('B25', 'B29'), ...range('C34', 'C37'), ...range('C42', 'C44')]) {
      expect(c.get(ref)!.formula, ref).toMatch(/^=\$B\$5\*B\d+$/);
    }
    // Reach reads the reach rate, revenue the click and conversion rates and the AOV, the verdict the target ROAS.
    for (const ref of [...range('E25', 'F29'), ...range('H25', 'H29')]) expect(c.get(ref)!.formula, ref).toMatch(/\$B\$(9|10|11|12|13)\b/);
  });
});

describe('the rules, evaluated where Sheets applies them', () => {
  const engineFor = (p: SheetPlan) => createEngine({ Allocation: planGrid(p) });
  const ruleOf = (p: SheetPlan, target: string, pick: (r: PlanRule) => boolean = () => true) => {
    const rules = p.rules!.filter((r) => cellsOf(r.range).includes(target) && pick(r));
    expect(rules.length, target).toBeGreaterThan(0);
    return rules;
  };

  it('paints a tier warning red, down to the total row', () => {
    const p = plan();
    const [rule] = ruleOf(p, 'I25');
    const e = engineFor(p);
    expect(isRed(rule!.background) && isRed(rule!.color)).toBe(true);
    expect(painted(e, rule!)).toEqual(['I25', 'I26']); // Mega and Macro buy less than one post
    e.set('Allocation', 'B16', 0.5); // Mega 50%: ¥15,000 buys a post, and the mix adds up to 145%
    expect(painted(e, rule!)).toEqual(['I26', 'I30']);
  });

  it('paints "Below target" amber and "On target" green, tiers and total', () => {
    const p = plan();
    const [below] = ruleOf(p, 'H25', (r) => isAmber(r.background));
    const [onTarget] = ruleOf(p, 'H25', (r) => isGreen(r.background));
    expect(isAmber(below!.color) && isGreen(onTarget!.color)).toBe(true);
    const e = engineFor(p);
    expect(painted(e, below!)).toEqual(['H25', 'H26', 'H27', 'H28', 'H30']);
    expect(painted(e, onTarget!)).toEqual([]);
    e.set('Allocation', 'B10', 0.15); // Mid and Micro (ROAS 0.225) and the total (0.18) now meet the target
    expect(painted(e, below!)).toEqual(['H25', 'H26']);
    expect(painted(e, onTarget!)).toEqual(['H27', 'H28', 'H30']);
  });

  it('paints the mix total red and bold while it is not 100%', () => {
    const p = plan();
    const [rule] = ruleOf(p, 'B21');
    expect(rule).toMatchObject({ range: 'B21', bold: true });
    expect(isRed(rule!.background) && isRed(rule!.color)).toBe(true);
    const e = engineFor(p);
    expect(painted(e, rule!)).toEqual([]);
    e.set('Allocation', 'B16', 0.5);
    expect(painted(e, rule!)).toEqual(['B21']);
  });

  it('has only these four rules', () => {
    expect(plan().rules).toHaveLength(4);
  });
});

describe('validations and chart', () => {
  it('accepts a budget of 0 or more and shares between 0% and 100%, with help in the tab language', () => {
    for (const language of ['en', 'zh'] as const) {
      const p = plan({ language });
      const t = LABELS[language];
      const byCell = new Map(p.validations!.flatMap((v) => cellsOf(v.range).map((ref) => [ref, v] as const)));
      expect([...byCell.keys()].sort()).toEqual(['B5', ...range('B16', 'B20'), ...range('B34', 'B37'), ...range('B42', 'B44')].sort());
      expect(byCell.get('B5')).toMatchObject({ atLeast: 0, helpText: t.validationBudget });
      expect(byCell.get('B5')!.between).toBeUndefined();
      for (const ref of ['B16', 'B20', 'B34', 'B37', 'B42', 'B44']) {
        expect(byCell.get(ref), ref).toMatchObject({ between: [0, 1], helpText: t.validationShare });
      }
    }
  });

  it('charts the budget by tier as a doughnut beside the tables', () => {
    const p = plan();
    expect(p.charts).toHaveLength(1);
    const chart = p.charts![0]!;
    expect(chart).toMatchObject({ type: 'PIE', options: { title: 'Budget by tier', pieHole: 0.4, legend: 'right' } });
    expect(chart.anchor.column).toBeGreaterThan(9); // right of the nine columns of tables
    expect(chart.anchor.row).toBeGreaterThanOrEqual(1);
    const e = createEngine({ Allocation: planGrid(p) });
    expect(chart.ranges).toHaveLength(1);
    const values = cellsOf(chart.ranges[0]!).map((ref) => e.value('Allocation', ref));
    expect(values).toEqual(['Mega', 1_500, 'Macro', 4_500, 'Mid', 15_000, 'Micro', 9_000, 'Nano', 0]);
  });
});

describe('labels', () => {
  /** Every piece of text a label table holds, functions called with a sample argument. */
  const texts = (value: unknown, path = ''): Array<[string, string]> => {
    if (typeof value === 'string') return [[path, value]];
    if (typeof value === 'function') return texts((value as (x: string) => unknown)('X'), `${path}()`);
    if (Array.isArray(value)) return value.flatMap((v, i) => texts(v, `${path}[${i}]`));
    if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => texts(v, `${path}.${k}`));
    return [];
  };

  it('has every label in both languages, the Chinese ones in Chinese', () => {
    const en = texts(LABELS.en);
    const zh = texts(LABELS.zh);
    expect(zh.map(([path]) => path)).toEqual(en.map(([path]) => path));
    expect(en.length).toBeGreaterThan(50);
    for (const [path, text] of en) {
      expect(text.trim(), path).not.toBe('');
      expect(text, path).not.toMatch(/[\u4e00-\u9fff]/);
    }
    for (const [path, text] of zh) {
      expect(text.trim(), path).not.toBe('');
      if (text !== 'X') expect(text, path).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('uses them in the tab', () => {
    const c = cells(plan({ language: 'zh' }));
    expect(c.get('A1')!.value).toBe(LABELS.zh.allocationTitle);
    expect(c.get('A5')!.value).toBe('预算');
    expect(c.get('C5')!.value).toBe('每月');
    expect(c.get('A34')!.value).toBe('付费内容');
    expect(c.get('A44')!.value).toBe('海外');
    expect(c.get('B41')!.value).toBe('占比');
  });

  it('names the tiers in the tab language (SPEC section 4: 头部, 肩部, 腰部, 尾部, 素人)', () => {
    const zh = cells(plan({ language: 'zh' }));
    const en = cells(plan());
    expect(range('A25', 'A29').map((ref) => zh.get(ref)!.value)).toEqual(['头部', '肩部', '腰部', '尾部', '素人']);
    expect(range('A16', 'A20').map((ref) => zh.get(ref)!.value)).toEqual(['头部', '肩部', '腰部', '尾部', '素人']);
    expect(range('A25', 'A29').map((ref) => en.get(ref)!.value)).toEqual(['Mega', 'Macro', 'Mid', 'Micro', 'Nano']);
  });
});
