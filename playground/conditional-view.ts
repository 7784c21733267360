/**
 * Conditional-format colours on the cells drawn: Sheets applies the first rule that matches a cell, reading its
 * value, or for a custom formula the formula's answer at that cell (rule-formulas.ts).
 */
import { cellToA1, parseA1, resolveA1, type ConditionalFormatSnapshot, type SheetSnapshot } from '../src/offline/workbook';
import type { EngineValue, FormulaEngine } from './formulas';
import type { RuleResults } from './rule-formulas';
import type { CellView } from './view';

type Value = EngineValue;

const isError = (v: Value): v is { error: string; message: string } => v !== null && typeof v === 'object';

/** The rows of a sheet being drawn (`from`..`to`) and its width. */
export interface Grid {
  sheet: SheetSnapshot;
  from: number;
  to: number;
  columns: number;
}

function ruleMatches(rule: ConditionalFormatSnapshot, value: Value, formula: () => Value): boolean {
  const [a, b] = rule.values as unknown[];
  const n = typeof value === 'number' ? value : null;
  const text = value === null || isError(value) ? '' : String(value);
  switch (rule.criteria) {
    case 'CUSTOM_FORMULA': {
      const result = formula();
      return result === true || (typeof result === 'number' && result !== 0);
    }
    case 'CELL_EMPTY':
      return text === '';
    case 'CELL_NOT_EMPTY':
      return text !== '';
    case 'NUMBER_GREATER_THAN':
      return n !== null && n > Number(a);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return n !== null && n >= Number(a);
    case 'NUMBER_LESS_THAN':
      return n !== null && n < Number(a);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return n !== null && n <= Number(a);
    case 'NUMBER_EQUAL_TO':
      return n !== null && n === Number(a);
    case 'NUMBER_NOT_EQUAL_TO':
      return n !== null && n !== Number(a);
    case 'NUMBER_BETWEEN':
      return n !== null && n >= Math.min(Number(a), Number(b)) && n <= Math.max(Number(a), Number(b));
    case 'NUMBER_NOT_BETWEEN':
      return n !== null && (n < Math.min(Number(a), Number(b)) || n > Math.max(Number(a), Number(b)));
    case 'TEXT_CONTAINS':
      return text.toLowerCase().includes(String(a).toLowerCase());
    case 'TEXT_DOES_NOT_CONTAIN':
      return !text.toLowerCase().includes(String(a).toLowerCase());
    case 'TEXT_STARTS_WITH':
      return text.toLowerCase().startsWith(String(a).toLowerCase());
    case 'TEXT_ENDS_WITH':
      return text.toLowerCase().endsWith(String(a).toLowerCase());
    case 'TEXT_EQUAL_TO':
      return text === String(a);
    default:
      return false;
  }
}

/**
 * Sheets applies the first rule that matches a cell. A custom formula is written for the top-left cell of the
 * rule's first range and shifted for every other cell (rule-formulas.ts); only the rows drawn are evaluated.
 */
export function applyConditionalFormats(grid: Grid, engine: FormulaEngine, cells: Record<string, CellView>, valueAt: (r: number, c: number) => Value, rules: RuleResults): void {
  const { sheet } = grid;
  const styled = new Set<string>();
  for (const rule of sheet.conditionalFormats) {
    const refs = rule.ranges.map((r) => parseA1(r)).filter((r) => r !== null);
    const anchor = refs[0];
    if (!anchor) continue;
    const formula = typeof rule.values[0] === 'string' ? rule.values[0] : '';
    for (const ref of refs) {
      const g = resolveA1(ref, sheet.maxRows, sheet.maxColumns);
      const top = Math.max(g.row, grid.from);
      const bottom = Math.min(g.row + g.numRows - 1, grid.to);
      const block = { row: top, column: g.column, numRows: bottom - top + 1, numColumns: Math.min(g.numColumns, grid.columns - g.column + 1) };
      if (block.numRows < 1 || block.numColumns < 1) continue;
      const results = rule.criteria === 'CUSTOM_FORMULA' ? rules.evaluate(engine, sheet.name, formula, anchor, block, valueAt) : [];
      for (let r = block.row; r < block.row + block.numRows; r++) {
        for (let c = block.column; c < block.column + block.numColumns; c++) {
          const key = cellToA1(r, c);
          if (styled.has(key)) continue;
          if (!ruleMatches(rule, valueAt(r, c), () => results[r - block.row]?.[c - block.column] ?? null)) continue;
          styled.add(key);
          const view = (cells[key] ??= { t: '' });
          if (rule.format.background) view.bg = rule.format.background;
          if (rule.format.fontColor) view.fc = rule.format.fontColor;
          if (rule.format.bold) view.b = true;
        }
      }
    }
  }
}
