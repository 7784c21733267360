/**
 * Apps Script enums. The real values are opaque objects whose toString() is
 * the member name; plain strings keep `===` comparisons and String() output
 * identical while staying JSON-safe for snapshots.
 */

function enumOf<T>(names: readonly string[]): T {
  const out: Record<string, string> = {};
  for (const name of names) out[name] = name;
  return Object.freeze(out) as unknown as T;
}

type SS = typeof GoogleAppsScript.Spreadsheet;

export const BooleanCriteria = enumOf<SS['BooleanCriteria']>([
  'CELL_EMPTY', 'CELL_NOT_EMPTY', 'DATE_AFTER', 'DATE_BEFORE', 'DATE_EQUAL_TO', 'DATE_AFTER_RELATIVE',
  'DATE_BEFORE_RELATIVE', 'DATE_EQUAL_TO_RELATIVE', 'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO', 'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS', 'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH', 'CUSTOM_FORMULA',
]);

export const DataValidationCriteria = enumOf<SS['DataValidationCriteria']>([
  'DATE_AFTER', 'DATE_BEFORE', 'DATE_BETWEEN', 'DATE_EQUAL_TO', 'DATE_IS_VALID_DATE', 'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER', 'DATE_ON_OR_BEFORE', 'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO', 'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS', 'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL', 'VALUE_IN_LIST', 'VALUE_IN_RANGE', 'CUSTOM_FORMULA', 'CHECKBOX',
]);

export const DeveloperMetadataVisibility = enumOf<SS['DeveloperMetadataVisibility']>(['DOCUMENT', 'PROJECT']);

export const DeveloperMetadataLocationType = enumOf<SS['DeveloperMetadataLocationType']>([
  'SPREADSHEET', 'SHEET', 'ROW', 'COLUMN',
]);

export const ProtectionType = enumOf<SS['ProtectionType']>(['RANGE', 'SHEET']);

export const RelativeDate = enumOf<SS['RelativeDate']>([
  'TODAY', 'TOMORROW', 'YESTERDAY', 'PAST_WEEK', 'PAST_MONTH', 'PAST_YEAR',
]);

export const SheetType = enumOf<SS['SheetType']>(['GRID', 'OBJECT', 'DATASOURCE']);

export const Dimension = enumOf<SS['Dimension']>(['COLUMNS', 'ROWS']);

export const ChartType = enumOf<typeof GoogleAppsScript.Charts.ChartType>([
  'TIMELINE', 'AREA', 'BAR', 'BUBBLE', 'CANDLESTICK', 'COLUMN', 'COMBO', 'GAUGE', 'GEO', 'HISTOGRAM', 'RADAR',
  'LINE', 'ORG', 'PIE', 'SCATTER', 'SPARKLINE', 'STEPPED_AREA', 'TABLE', 'TREEMAP', 'WATERFALL',
]);

export const ChartHiddenDimensionStrategy = enumOf<typeof GoogleAppsScript.Charts.ChartHiddenDimensionStrategy>([
  'IGNORE_BOTH', 'IGNORE_ROWS', 'IGNORE_COLUMNS', 'SHOW_BOTH',
]);

export const ChartMergeStrategy = enumOf<typeof GoogleAppsScript.Charts.ChartMergeStrategy>([
  'MERGE_COLUMNS', 'MERGE_ROWS',
]);

export const AuthMode = enumOf<typeof GoogleAppsScript.Script.AuthMode>([
  'NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL',
]);

export const Button = enumOf<typeof GoogleAppsScript.Base.Button>(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);

export const ButtonSet = enumOf<typeof GoogleAppsScript.Base.ButtonSet>([
  'OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL',
]);

export const SandboxMode = enumOf<typeof GoogleAppsScript.HTML.SandboxMode>(['EMULATED', 'IFRAME', 'NATIVE']);

export const XFrameOptionsMode = enumOf<typeof GoogleAppsScript.HTML.XFrameOptionsMode>(['ALLOWALL', 'DEFAULT']);

/** Stored form of an enum member; the API surfaces it cast back to the enum type. */
export type EnumName = string;

export function asEnum<T>(name: EnumName): T {
  return name as unknown as T;
}
