/**
 * A generated tab described as data. Builders return one; the renderer (src/sheets/render.ts) alone turns it into
 * batched SpreadsheetApp calls; tests assert on it and a formula engine evaluates its formulas.
 * Rows and columns are 1-based, as in Sheets.
 */

export type CellValue = string | number | boolean | null;

export interface PlanCell {
  /** A literal. Text is always written as text, even when it starts with "=", "+", "-" or "@". */
  value?: CellValue;
  /** A formula, starting with "=". Only the builder writes these, never user data. */
  formula?: string;
  format?: string;
  bold?: boolean;
  background?: string;
  color?: string;
  align?: 'left' | 'center' | 'right';
  note?: string;
  /** Font size in points; the sheet's default when absent. */
  fontSize?: number;
  /** Wrap long text within the column's width. */
  wrap?: boolean;
}

export interface PlanBlock {
  row: number;
  column: number;
  cells: PlanCell[][];
}

/** A conditional-format rule with a custom formula, evaluated relative to the top-left cell of its range. */
export interface PlanRule {
  range: string;
  formula: string;
  background?: string;
  color?: string;
  bold?: boolean;
}

export interface PlanValidation {
  range: string;
  list?: string[];
  /** Inclusive bounds of a number. */
  between?: [number, number];
  atLeast?: number;
  helpText: string;
}

export interface PlanChart {
  type: 'PIE' | 'COLUMN' | 'BAR' | 'LINE';
  /** Data ranges in A1 notation on this tab: a label column and value columns. */
  ranges: string[];
  anchor: { row: number; column: number };
  options: Record<string, string | number | boolean>;
  /** Rows at the top of each range that name the series (EmbeddedChartBuilder.setNumHeaders); none when absent. */
  headers?: number;
}

/**
 * Protection of a whole generated tab. Warning only: anyone who can edit the workbook still can, after a prompt, so
 * a stray edit does not silently break its formulas, and the add-on itself rewrites the tab on refresh.
 */
export interface PlanProtection {
  warningOnly: true;
  /** Shown in Data > Protected sheets and ranges; it names the add-on and how to refresh the tab. */
  description: string;
}

export interface SheetPlan {
  /** Which of the add-on's tabs this is; the marker that lets a re-run find and refresh it. */
  kind: string;
  /** The name the tab gets when it is created. */
  title: string;
  blocks: PlanBlock[];
  /** Widths in pixels of columns A, B, C ... */
  columnWidths?: number[];
  frozenRows?: number;
  rules?: PlanRule[];
  validations?: PlanValidation[];
  charts?: PlanChart[];
  tabColor?: string;
  protection?: PlanProtection;
}

/** Column letters of a 1-based column index (1 -> A, 27 -> AA). */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export const a1 = (row: number, column: number, absolute = false): string =>
  absolute ? `$${columnLetter(column)}$${row}` : `${columnLetter(column)}${row}`;

export const a1Range = (row: number, column: number, rows: number, columns: number): string =>
  rows === 1 && columns === 1 ? a1(row, column) : `${a1(row, column)}:${a1(row + rows - 1, column + columns - 1)}`;

/**
 * Rules and validations the add-on keeps on a sheet it does not own (the team's roster). The renderer replaces only
 * what carries the add-on's mark (see `ownedRuleId` and `isOwnedValidation` in plan/alerts-plan.ts): the user's
 * own rules keep their content and order, and no cell value is ever written.
 */
export interface SheetRulesPlan {
  /** Which job the rules belong to ("roster-alerts"). */
  kind: string;
  /** The sheet the rules go on, by name. */
  sheet: string;
  /** In priority order: where several rules cover a cell, Sheets shows the first that matches. */
  rules: OwnedRule[];
  validations: OwnedValidation[];
}

/** A conditional-format rule with a custom formula, relative to the first cell of its range. */
export interface OwnedRule {
  /** Which alert the rule shows; also written into the formula as the add-on's mark. */
  id: string;
  /** A1 range open at the bottom ("P2:P"): from the first data row to the sheet's last row, whatever its size. */
  range: string;
  /** The range's first row and column, for a renderer that works in numbers. */
  row: number;
  column: number;
  /** The custom formula, with its leading "=". */
  formula: string;
  background: string;
  color?: string;
}

/** A dropdown on a column of the user's sheet. */
export interface OwnedValidation {
  id: string;
  /** A1 range open at the bottom, as for rules. */
  range: string;
  row: number;
  column: number;
  list: string[];
  /** True: a value outside the list is kept and shown as invalid, never changed or refused. */
  allowInvalid: boolean;
  /** Help text; it carries the add-on's mark. */
  helpText: string;
}
