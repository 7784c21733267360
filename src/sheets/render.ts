import type { PlanCell, PlanChart, PlanValidation, SheetPlan } from '../plan/types';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Developer metadata that marks a tab as the add-on's own; its value is the plan kind ("allocation"). */
export const OWNER_KEY = 'influencer-matrix.tab';

export interface RenderResult {
  sheetName: string;
  created: boolean;
}

/**
 * The one place a plan becomes SpreadsheetApp calls. Batched: the whole tab is written as one grid (one call each for
 * values, number formats, weights, backgrounds, colours, alignments), conditional rules are set in one call, so the
 * call count depends on the plan's shape, never on the size of the data.
 *
 * Only a tab carrying our marker is ever cleared; a user's tab with the same name is left alone and ours takes
 * another name.
 */
export function renderPlan_(spreadsheet: Spreadsheet, plan: SheetPlan): RenderResult {
  let sheet = findOwnedSheet_(spreadsheet, plan.kind);
  const created = !sheet;
  if (sheet) {
    resetSheet_(sheet);
  } else {
    // At the end, so the user's tabs keep their positions.
    sheet = spreadsheet.insertSheet(freeName_(spreadsheet, plan.title), spreadsheet.getSheets().length);
    sheet.addDeveloperMetadata(OWNER_KEY, plan.kind);
  }
  writeBlocks_(sheet, plan);
  setColumnWidths_(sheet, plan.columnWidths ?? []);
  if (plan.frozenRows) sheet.setFrozenRows(plan.frozenRows);
  if (plan.tabColor) sheet.setTabColor(plan.tabColor);
  if (plan.rules?.length) sheet.setConditionalFormatRules(plan.rules.map((rule) => buildRule_(sheet!, rule)));
  for (const validation of plan.validations ?? []) sheet.getRange(validation.range).setDataValidation(buildValidation_(validation));
  placeCharts_(sheet, plan.charts ?? []);
  return { sheetName: sheet.getName(), created };
}

/** One call per run of equal widths. */
function setColumnWidths_(sheet: Sheet, widths: readonly number[]): void {
  for (let start = 0; start < widths.length; ) {
    let end = start + 1;
    while (end < widths.length && widths[end] === widths[start]) end++;
    sheet.setColumnWidths(start + 1, end - start, widths[start]!);
    start = end;
  }
}

/** Charts are updated in place when the tab already has them, so a refresh keeps their identity. */
function placeCharts_(sheet: Sheet, charts: readonly PlanChart[]): void {
  const existing = sheet.getCharts();
  charts.forEach((chart, i) => {
    const current = existing[i];
    if (current) sheet.updateChart(configureChart_(sheet, current.modify().clearRanges(), chart).build());
    else sheet.insertChart(configureChart_(sheet, sheet.newChart(), chart).build());
  });
  for (const extra of existing.slice(charts.length)) sheet.removeChart(extra);
}

/** The add-on's tab of this kind, found by its marker whatever the user renamed it to. */
export function findOwnedSheet_(spreadsheet: Spreadsheet, kind: string): Sheet | null {
  const found = spreadsheet.createDeveloperMetadataFinder().withKey(OWNER_KEY).withValue(kind).find();
  for (const metadata of found) {
    const sheet = metadata.getLocation().getSheet();
    if (sheet) return sheet;
  }
  return null;
}

/** Names of all tabs the add-on generated, in one lookup. */
export function ownedSheetNames_(spreadsheet: Spreadsheet): Set<string> {
  const names = new Set<string>();
  for (const metadata of spreadsheet.createDeveloperMetadataFinder().withKey(OWNER_KEY).find()) {
    const sheet = metadata.getLocation().getSheet();
    if (sheet) names.add(sheet.getName());
  }
  return names;
}

function freeName_(spreadsheet: Spreadsheet, title: string): string {
  const taken = new Set(spreadsheet.getSheets().map((s) => s.getName().toLowerCase()));
  if (!taken.has(title.toLowerCase())) return title;
  for (let n = 2; ; n++) {
    const name = `${title} (${n})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

function resetSheet_(sheet: Sheet): void {
  sheet.clear();
  sheet.clearConditionalFormatRules();
  sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).clearDataValidations();
}

/**
 * Text is written with a leading apostrophe, which Sheets keeps as a text marker and does not show: a name that
 * starts with "=", "+", "-" or "@" never becomes a formula, and "0012" or "3/4" never become a number or a date.
 */
export function literal_(value: PlanCell['value']): string | number | boolean {
  if (value === null || value === undefined || value === '') return '';
  return typeof value === 'string' ? `'${value}` : value;
}

/** A new tab has 1000 rows and 26 columns; a larger plan grows it first (one call per dimension, only when needed). */
function ensureSize_(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

function writeBlocks_(sheet: Sheet, plan: SheetPlan): void {
  if (plan.blocks.length === 0) return;
  const top = Math.min(...plan.blocks.map((b) => b.row));
  const left = Math.min(...plan.blocks.map((b) => b.column));
  const bottom = Math.max(...plan.blocks.map((b) => b.row + b.cells.length - 1));
  const right = Math.max(...plan.blocks.map((b) => b.column + Math.max(0, ...b.cells.map((r) => r.length)) - 1));
  const rows = bottom - top + 1;
  const columns = right - left + 1;
  const grid: Array<Array<PlanCell | undefined>> = Array.from({ length: rows }, () => Array<PlanCell | undefined>(columns));
  for (const block of plan.blocks) {
    block.cells.forEach((line, r) => line.forEach((cell, c) => (grid[block.row - top + r]![block.column - left + c] = cell)));
  }
  const layer = <T>(pick: (cell: PlanCell) => T | undefined, blank: T): { values: T[][]; used: boolean } => {
    let used = false;
    const values = grid.map((line) =>
      line.map((cell) => {
        const v = cell ? pick(cell) : undefined;
        if (v === undefined) return blank;
        used = true;
        return v;
      }),
    );
    return { values, used };
  };
  ensureSize_(sheet, bottom, right);
  const range = sheet.getRange(top, left, rows, columns);
  // One write for values and formulas together: setValues stores strings starting with "=" as formulas, which only
  // the builder's `formula` field produces; literals were escaped above.
  range.setValues(layer<string | number | boolean>((c) => (c.formula !== undefined ? c.formula : literal_(c.value)), '').values);
  const formats = layer((c) => c.format, '');
  if (formats.used) range.setNumberFormats(formats.values);
  const weights = layer((c) => (c.bold ? 'bold' : undefined), 'normal');
  if (weights.used) range.setFontWeights(weights.values);
  const backgrounds = layer((c) => c.background, null as unknown as string);
  if (backgrounds.used) range.setBackgrounds(backgrounds.values);
  const colors = layer((c) => c.color, null as unknown as string);
  if (colors.used) range.setFontColors(colors.values);
  const aligns = layer<'left' | 'center' | 'right' | null>((c) => c.align, null);
  if (aligns.used) range.setHorizontalAlignments(aligns.values);
}

function buildRule_(sheet: Sheet, rule: NonNullable<SheetPlan['rules']>[number]): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  let builder = SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(rule.formula).setRanges([sheet.getRange(rule.range)]);
  if (rule.background) builder = builder.setBackground(rule.background);
  if (rule.color) builder = builder.setFontColor(rule.color);
  if (rule.bold) builder = builder.setBold(true);
  return builder.build();
}

function buildValidation_(v: PlanValidation): GoogleAppsScript.Spreadsheet.DataValidation {
  let builder = SpreadsheetApp.newDataValidation().setAllowInvalid(false).setHelpText(v.helpText);
  if (v.list) builder = builder.requireValueInList(v.list, true);
  else if (v.between) builder = builder.requireNumberBetween(v.between[0], v.between[1]);
  else if (v.atLeast !== undefined) builder = builder.requireNumberGreaterThanOrEqualTo(v.atLeast);
  return builder.build();
}

function configureChart_(
  sheet: Sheet,
  start: GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder,
  chart: PlanChart,
): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
  let builder = start.setChartType(Charts.ChartType[chart.type]);
  for (const range of chart.ranges) builder = builder.addRange(sheet.getRange(range));
  builder = builder.setPosition(chart.anchor.row, chart.anchor.column, 0, 0);
  for (const [key, value] of Object.entries(chart.options)) builder = builder.setOption(key, value);
  return builder;
}
