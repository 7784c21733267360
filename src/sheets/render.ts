import type { PlanCell, PlanChart, PlanProtection, PlanValidation, SheetPlan } from '../plan/types';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Developer metadata that marks a tab as the add-on's own; its value is the plan kind ("allocation"). */
export const OWNER_KEY = 'influencer-matrix.tab';
/** Developer metadata on the tab listing the ids of the add-on's charts, in plan order (JSON). */
export const CHARTS_KEY = 'influencer-matrix.charts';
/** Sheets' own limit on a tab name. */
const MAX_SHEET_NAME_ = 100;
/**
 * What Sheets reports for a cell on the automatic number format. Cells the plan gives no format are written with it,
 * so the number-format matrix is complete without inventing a format.
 */
const AUTOMATIC_FORMAT_ = '0.###############';
/** Sheets' default font size, for cells the plan gives none (setFontSizes needs a size in every position). */
const DEFAULT_FONT_SIZE_ = 10;

export interface RenderResult {
  sheetName: string;
  created: boolean;
}

/**
 * The one place a plan becomes SpreadsheetApp calls. Batched: the whole tab is written as one grid (one call each for
 * values, number formats, weights, backgrounds, colours, alignments, font sizes, wraps, notes), conditional rules are
 * set in one call, so the call count depends on the plan's shape, never on the size of the data.
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
  if (plan.protection) protectSheet_(sheet, plan.protection);
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

/**
 * The add-on's charts are known by id, recorded on the tab: getCharts() promises no order, and the user may add
 * charts of their own to the tab, which a refresh must leave alone. A recorded chart is updated in place (keeping
 * its id), a missing one is inserted, and one the plan no longer has is removed.
 */
function placeCharts_(sheet: Sheet, charts: readonly PlanChart[]): void {
  const record = sheet.createDeveloperMetadataFinder().withKey(CHARTS_KEY).find()[0] ?? null;
  const recorded = chartIds_(record?.getValue() ?? null);
  const byId = new Map<number, GoogleAppsScript.Spreadsheet.EmbeddedChart>();
  for (const chart of sheet.getCharts()) {
    const id = chart.getChartId();
    if (id !== null) byId.set(id, chart);
  }
  const ids = charts.map((chart, i) => {
    const current = byId.get(recorded[i] ?? NaN);
    if (current) {
      sheet.updateChart(configureChart_(sheet, current.modify().clearRanges(), chart).build());
      return recorded[i]!;
    }
    sheet.insertChart(configureChart_(sheet, sheet.newChart(), chart).build());
    // insertChart returns nothing: the new chart is the one whose id was not there before.
    const added = sheet.getCharts().find((c) => c.getChartId() !== null && !byId.has(c.getChartId()!))!;
    byId.set(added.getChartId()!, added);
    return added.getChartId()!;
  });
  for (const id of recorded.slice(charts.length)) {
    const stale = byId.get(id);
    if (stale) sheet.removeChart(stale);
  }
  const value = JSON.stringify(ids);
  if (record) record.setValue(value);
  else sheet.addDeveloperMetadata(CHARTS_KEY, value);
}

/** The recorded ids by plan position; a damaged entry matches no chart (NaN), so that chart is drawn afresh. */
function chartIds_(value: string | null): number[] {
  try {
    const ids: unknown = JSON.parse(value ?? '[]');
    return Array.isArray(ids) ? ids.map((id) => (typeof id === 'number' ? id : NaN)) : [];
  } catch {
    return [];
  }
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

/** The title, or "Title (2)", "Title (3)"... when a tab has it; shortened to fit Sheets' 100 characters. */
function freeName_(spreadsheet: Spreadsheet, title: string): string {
  const taken = new Set(spreadsheet.getSheets().map((s) => s.getName().toLowerCase()));
  const fit = (suffix: string): string => title.slice(0, MAX_SHEET_NAME_ - suffix.length) + suffix;
  if (!taken.has(fit('').toLowerCase())) return fit('');
  for (let n = 2; ; n++) {
    const name = fit(` (${n})`);
    if (!taken.has(name.toLowerCase())) return name;
  }
}

function resetSheet_(sheet: Sheet): void {
  sheet.clear();
  // Sheet.clear() documents contents and formats only: the last refresh's notes go explicitly.
  sheet.clearNotes();
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
  // Filled, not Array(n): every matrix sent to Sheets must have a value in every position of its range.
  const grid: Array<Array<PlanCell | null>> = Array.from({ length: rows }, () => Array.from({ length: columns }, () => null));
  for (const block of plan.blocks) {
    block.cells.forEach((line, r) => line.forEach((cell, c) => (grid[block.row - top + r]![block.column - left + c] = cell)));
  }
  /** One value per cell of the range: the plan's where it has one, `blank` elsewhere; `used` when any was the plan's. */
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
  // One write for values and formulas together: setValues reads strings as typed input ("=..." a formula, "8%" a
  // number), which only the builder's `formula` field may rely on; literal_ keeps every other string text.
  range.setValues(layer<string | number | boolean>((c) => (c.formula !== undefined ? c.formula : literal_(c.value)), '').values);
  const formats = layer((c) => c.format || undefined, AUTOMATIC_FORMAT_);
  if (formats.used) range.setNumberFormats(formats.values);
  const weights = layer((c) => (c.bold ? 'bold' : undefined), 'normal');
  if (weights.used) range.setFontWeights(weights.values);
  const backgrounds = layer((c) => c.background, null as unknown as string);
  if (backgrounds.used) range.setBackgrounds(backgrounds.values);
  const colors = layer((c) => c.color, null as unknown as string);
  if (colors.used) range.setFontColors(colors.values);
  const aligns = layer<'left' | 'center' | 'right' | null>((c) => c.align, null);
  if (aligns.used) range.setHorizontalAlignments(aligns.values);
  const sizes = layer((c) => c.fontSize, DEFAULT_FONT_SIZE_);
  if (sizes.used) range.setFontSizes(sizes.values);
  // Not wrapping is Sheets' default (text overflows into the empty cell beside it).
  const wraps = layer((c) => c.wrap, false);
  if (wraps.used) range.setWraps(wraps.values);
  const notes = layer((c) => c.note || undefined, '');
  if (notes.used) range.setNotes(notes.values);
}

/**
 * A warning-only protection: anyone who can edit the workbook still can, after a prompt, so a viewer does not break
 * the tab by accident. A refresh reuses the tab's protection rather than adding another; one the team made stricter
 * (named editors, not a warning) is theirs and stays as it is.
 */
function protectSheet_(sheet: Sheet, wanted: PlanProtection): void {
  const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
  if (existing && !existing.isWarningOnly()) return;
  (existing ?? sheet.protect().setWarningOnly(wanted.warningOnly)).setDescription(wanted.description);
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
  if (chart.headers !== undefined) builder = builder.setNumHeaders(chart.headers);
  builder = builder.setPosition(chart.anchor.row, chart.anchor.column, 0, 0);
  for (const [key, value] of Object.entries(chart.options)) builder = builder.setOption(key, value);
  return builder;
}
