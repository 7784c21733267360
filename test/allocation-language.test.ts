import { describe, expect, it } from 'vitest';
import { CURRENCY_CODES } from '../src/core/domain';
import type { SheetSnapshot } from '../src/offline/workbook';
import { loadAddon } from './support/addon';
import { createEngine, parseA1, snapshotGrids, type Engine } from './support/formula-engine';

/**
 * The Allocation tab in a Chinese workbook speaks Chinese throughout (SPEC section 4, "Language"): labels, tier names
 * 头部/肩部/腰部/尾部/素人, stage and period, chart, validation help and every text a formula produces. Its figures are
 * the seed's, evaluated by a formula engine, and a tier whose budget buys no post reaches no one.
 */

const SEED = { budget: 30_000, currency: 'CNY', stage: 'maturity' };

function builtTab(locale: string) {
  const addon = loadAddon({ locale });
  const { sheetName } = addon.run('buildAllocation', SEED) as { sheetName: string };
  const snap = addon.workbook.snapshot();
  const tab = snap.sheets.find((s) => s.name === sheetName)!;
  return { addon, sheetName, tab, engine: createEngine(snapshotGrids(snap)) };
}

/** An English word: three Latin letters in a row, other than a currency code such as CNY. */
const englishWords = (text: string): string[] => (text.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !(CURRENCY_CODES as string[]).includes(w));
const quotedLiterals = (formula: string): string[] => (formula.match(/"[^"]*"/g) ?? []).map((q) => q.slice(1, -1));
const value = (e: Engine, sheet: string, ref: string) => e.value(sheet, ref);
const close = (n: unknown) => (typeof n === 'number' ? Number(n.toPrecision(12)) : n);

describe('the Allocation tab of a zh_CN workbook', () => {
  const { sheetName, tab, engine } = builtTab('zh_CN');

  it('is named in Chinese', () => {
    expect(sheetName).toBe('预算分配');
  });

  it('writes no English word in any cell, nor in any text a formula can produce', () => {
    const found: string[] = [];
    for (const [ref, cell] of Object.entries(tab.cells)) {
      if (typeof cell.v === 'string' && cell.f === undefined) found.push(...englishWords(cell.v).map((w) => `${ref}: ${w}`));
      if (cell.f) found.push(...quotedLiterals(cell.f).flatMap(englishWords).map((w) => `${ref} formula: ${w}`));
    }
    expect(found).toEqual([]);
    expect(tab.cells.A1!.v).toBe('达人预算分配');
  });

  it('names the tiers 头部, 肩部, 腰部, 尾部, 素人 in the inputs, the results and the chart legend', () => {
    const names = ['头部', '肩部', '腰部', '尾部', '素人'];
    expect([16, 17, 18, 19, 20].map((r) => tab.cells[`A${r}`]!.v)).toEqual(names);
    expect([25, 26, 27, 28, 29].map((r) => tab.cells[`A${r}`]!.v)).toEqual(names);
    const [chart] = tab.charts;
    expect(chart!.options.title).toBe('各层级预算');
    // The pie's legend is its first column.
    const [from, to] = chart!.ranges[0]!.replace(/^.*!/, '').split(':') as [string, string];
    const rows = Array.from({ length: parseA1(to).row - parseA1(from).row + 1 }, (_, i) => parseA1(from).row + 1 + i);
    expect(rows.map((r) => value(engine, sheetName, `A${r}`))).toEqual(names);
  });

  it('shows the stage and the period in Chinese', () => {
    expect(tab.cells.B7!.v).toBe('按月');
    expect(tab.cells.B8!.v).toBe('成熟期');
    expect(tab.cells.C5!.v).toBe('每月');
  });

  it('gives Chinese help on its validations and Chinese words to its rules', () => {
    for (const validation of tab.validations) expect(englishWords(validation.helpText ?? ''), validation.helpText ?? '').toEqual([]);
    expect(tab.validations.length).toBeGreaterThan(0);
    for (const rule of tab.conditionalFormats) {
      for (const literal of rule.values.flatMap((v) => (typeof v === 'string' ? quotedLiterals(v) : []))) expect(englishWords(literal)).toEqual([]);
    }
  });

  it('evaluates every formula without an error', () => {
    const errors = Object.entries(tab.cells)
      .filter(([, cell]) => cell.f)
      .map(([ref]) => [ref, value(engine, sheetName, ref)] as const)
      .filter(([, v]) => typeof v === 'string' && v.startsWith('#ERROR'));
    expect(errors).toEqual([]);
  });

  it('gives the seed figures: ¥30,000 at maturity is ¥1,500 / ¥4,500 / ¥15,000 / ¥9,000, and only Mid and Micro reach anyone', () => {
    const column = (c: string) => [25, 26, 27, 28, 29, 30].map((r) => close(value(engine, sheetName, `${c}${r}`)));
    expect(column('B')).toEqual([1_500, 4_500, 15_000, 9_000, 0, 30_000]);
    // Mid: ¥15,000 / ¥3,000 average = 5 posts x 40,000 x 30% = 60,000; Micro: 15 posts x 4,000 x 30% = 18,000.
    expect(column('E')).toEqual([0, 0, 60_000, 18_000, 0, 78_000]);
    // Revenue: 60,000 x 7.5% x 10% x 5% x ¥150 = ¥3,375; 18,000 x 15% x ... = ¥2,025.
    expect(column('F')).toEqual([0, 0, 3_375, 2_025, 0, 5_400]);
    expect(column('G')).toEqual([0, 0, 0.225, 0.225, '', 0.18]);
    expect(column('H')).toEqual(['低于目标', '低于目标', '低于目标', '低于目标', '', '低于目标']);
    expect(column('I')).toEqual(['预算不足最低报价的一条', '预算不足最低报价的一条', '', '', '', '']);
  });

  it('forecasts no reach for a tier whose budget buys no post, and reach as soon as it buys one', () => {
    const e = createEngine(snapshotGrids(loadAddonSnapshot()));
    // Mega gets 5%: ¥9,999 of ¥199,980 is a yuan short of its cheapest post (¥10,000).
    e.set(sheetName, 'B5', 199_980);
    expect([value(e, sheetName, 'E25'), value(e, sheetName, 'F25'), value(e, sheetName, 'I25')]).toEqual([0, 0, '预算不足最低报价的一条']);
    // ¥10,000 buys one: ¥10,000 / ¥30,000 average x 1,000,000 followers x 30% = 100,000.
    e.set(sheetName, 'B5', 200_000);
    expect(close(value(e, sheetName, 'E25'))).toBe(100_000);
    expect(value(e, sheetName, 'I25')).toBe('');
  });

  /** The workbook as built, afresh for a test that edits cells. */
  function loadAddonSnapshot() {
    const addon = loadAddon({ locale: 'zh_CN' });
    addon.run('buildAllocation', SEED);
    return addon.workbook.snapshot();
  }
});

describe('the planner’s preview agrees: no post, no reach', () => {
  it('predicts no reach, revenue or ROAS above 0 for a tier below one post', () => {
    const addon = loadAddon();
    const preview = addon.run('previewAllocation', SEED) as { tiers: Array<{ tier: string; reach: number; revenue: number; roas: number | null; belowOnePost: boolean }> };
    expect(preview.tiers.slice(0, 2)).toEqual([
      expect.objectContaining({ tier: 'mega', reach: 0, revenue: 0, roas: 0, belowOnePost: true }),
      expect.objectContaining({ tier: 'macro', reach: 0, revenue: 0, roas: 0, belowOnePost: true }),
    ]);
  });
});

describe('labels read without widening a column', () => {
  /**
   * A lower bound of the room a text takes in Sheets' default font (Arial 10): about 6 px a Latin character and 12 px a
   * Chinese one, plus a little padding.
   */
  const room = (text: string): number => [...text].reduce((px, ch) => px + (/[\u2e80-\ua4cf\uff00-\uff60]/.test(ch) ? 12 : 6), 6);
  const widthOf = (tab: SheetSnapshot, column: number): number => tab.columnWidths[String(column)] ?? tab.defaultColumnWidth;

  it.each(['en_US', 'zh_CN'])('in a %s workbook, every label beside a filled cell and every header fits its column', (locale) => {
    const { tab } = builtTab(locale);
    const tooNarrow: string[] = [];
    for (const [ref, cell] of Object.entries(tab.cells)) {
      if (typeof cell.v !== 'string' || cell.f) continue;
      const { row, col } = parseA1(ref);
      const right = tab.cells[`${String.fromCharCode(66 + col)}${row + 1}`];
      const header = cell.bold === true && cell.bg !== undefined && cell.bg !== '#ffffff';
      if (!header && !(right && (right.v !== undefined || right.f))) continue; // free to run on into an empty cell
      if (room(cell.v) > widthOf(tab, col + 1)) tooNarrow.push(`${ref} "${cell.v}" needs ${room(cell.v)}px, has ${widthOf(tab, col + 1)}px`);
    }
    expect(tooNarrow).toEqual([]);
  });

  it.each(['en_US', 'zh_CN'])('in a %s workbook, the warnings and verdicts the formulas write fit their columns', (locale) => {
    const addon = loadAddon({ locale });
    const { sheetName } = addon.run('buildAllocation', SEED) as { sheetName: string };
    const snap = addon.workbook.snapshot();
    const tab = snap.sheets.find((s) => s.name === sheetName)!;
    const e = createEngine(snapshotGrids(snap));
    e.set(sheetName, 'B16', 0.5); // the mix now adds up to 145%: the total row warns too
    const texts = [25, 26, 27, 28, 29, 30].flatMap((r) => [['H', 8], ['I', 9]].map(([c, n]) => [value(e, sheetName, `${c}${r}`), n] as const));
    for (const [text, column] of texts) {
      if (typeof text === 'string' && text !== '') expect(room(text), text).toBeLessThanOrEqual(widthOf(tab, column as number));
    }
    expect(texts.some(([t]) => typeof t === 'string' && t.length > 0)).toBe(true);
  });
});
