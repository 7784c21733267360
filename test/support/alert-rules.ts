import { HyperFormula, type RawCellContent } from 'hyperformula';
import { dayOfSerial, serialOfDay, type Day } from '../../src/core/dates';
import type { SheetRulesPlan } from '../../src/plan/types';

/**
 * Conditional-format rules evaluated by a real formula engine (HyperFormula), the way Sheets applies them: each
 * rule's formula is written for the first cell of its range and copied down, so its relative references move row
 * by row; where several rules cover a cell, the first that matches is the one shown.
 */

/** A cell as the engine should hold it: text stays text (a leading apostrophe), dates are serial numbers. */
export type EngineCell = string | number | boolean | { serial: number } | null;

const raw = (cell: EngineCell): RawCellContent => {
  if (cell === null) return null;
  if (typeof cell === 'string') return `'${cell}`;
  if (typeof cell === 'object') return cell.serial;
  return cell;
};

/** Today as the engine's TODAY() sees it, so the core and the formulas judge the same day. */
export function engineToday(): Day {
  const hf = HyperFormula.buildFromArray([['=TODAY()']], { licenseKey: 'gpl-v3' });
  const serial = hf.getCellValue({ sheet: 0, row: 0, col: 0 }) as number;
  hf.destroy();
  return dayOfSerial(serial);
}

export const serialCell = (day: Day): { serial: number } => ({ serial: serialOfDay(day) });

export interface RuleMatches {
  /** Per rule id: the sheet rows whose cell in the rule's range the rule's formula makes TRUE. */
  matches: Map<string, number[]>;
  /** Per rule id: the sheet rows showing that rule's colour (a row an earlier rule on the same range shows is not). */
  shown: Map<string, number[]>;
  /** Values that were not TRUE or FALSE (an error, a number): a rule should never produce one. */
  oddities: string[];
}

/**
 * Applies the plan's rules to a sheet whose first row is `header`, followed by `rows`, plus `blankRows` empty rows
 * below (the rules cover them too: they must not colour empty rows).
 */
/**
 * A rule's formula as Sheets applies it to the cell `offset` rows below the first of its range: relative row
 * numbers move, absolute ones ($2) and text in quotes stay.
 */
export function formulaAt(formula: string, offset: number): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/(\$?[A-Z]{1,3})(\d+)(?![\d(])/g, (_, column: string, row: string) => `${column}${Number(row) + offset}`)))
    .join('');
}

/**
 * Applies the plan's rules to a sheet whose first row is `header`, followed by `rows`, plus `blankRows` empty rows
 * below (the rules cover them too: they must not colour empty rows).
 */
export function applyRules(plan: SheetRulesPlan, header: string[], rows: EngineCell[][], blankRows = 5): RuleMatches {
  const width = Math.max(header.length, ...rows.map((r) => r.length));
  const lastRow = rows.length + 1 + blankRows;
  const grid: RawCellContent[][] = [header.map((h) => `'${h}`), ...rows.map((r) => r.map(raw))];
  while (grid.length < lastRow) grid.push([]);
  // Every column reference in a rule is absolute ($F2), so its formula means the same in a spare column.
  plan.rules.forEach((rule, k) => {
    for (let row = rule.row; row <= lastRow; row++) {
      const line = grid[row - 1]!;
      while (line.length < width + k) line.push(null);
      line[width + k] = formulaAt(rule.formula, row - rule.row);
    }
  });
  const hf = HyperFormula.buildFromSheets({ [plan.sheet]: grid }, { licenseKey: 'gpl-v3' });
  const sheet = hf.getSheetId(plan.sheet)!;
  const matches = new Map<string, number[]>();
  const oddities: string[] = [];
  plan.rules.forEach((rule, k) => {
    const found: number[] = [];
    for (let row = rule.row; row <= lastRow; row++) {
      const value = hf.getCellValue({ sheet, row: row - 1, col: width + k });
      if (value === true) found.push(row);
      else if (value !== false) oddities.push(`${rule.id} row ${row}: ${JSON.stringify(value)}`);
    }
    matches.set(rule.id, found);
  });
  hf.destroy();
  const shown = new Map<string, number[]>();
  const taken = new Map<string, Set<number>>();
  for (const rule of plan.rules) {
    const earlier = taken.get(rule.range) ?? new Set<number>();
    taken.set(rule.range, earlier);
    const rowsShown = matches.get(rule.id)!.filter((row) => !earlier.has(row));
    rowsShown.forEach((row) => earlier.add(row));
    shown.set(rule.id, rowsShown);
  }
  return { matches, shown, oddities };
}
