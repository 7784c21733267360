/**
 * Conditional-format and data-validation builders and the rule objects they
 * produce. Rules are immutable value objects (copy() returns a new builder),
 * so sheets store the data and hand out fresh wrappers.
 */
import { rangeFromStored, storedOf, type WorkbookContext } from './context';
import { instrument } from './counter';
import { asEnum, RelativeDate, type EnumName } from './enums';
import { StoredRange, type CfFormat, type CfRuleData, type ValidationData } from './state';
import { isDate, normalizeColor, signatureError } from './values';
import type { SS } from './gas';

function copyValue(v: unknown): unknown {
  if (v instanceof StoredRange) return v.clone();
  if (isDate(v)) return new Date(v.getTime());
  if (Array.isArray(v)) return v.map(copyValue);
  return v;
}

/** Criteria values as the API returns them: ranges become Range objects, Dates join the caller's realm. */
function exportValues(ctx: WorkbookContext, values: unknown[]): any[] {
  const out = (v: unknown): unknown => {
    if (v instanceof StoredRange) return rangeFromStored(ctx, v);
    if (isDate(v)) return new ctx.DateCtor(v.getTime());
    if (Array.isArray(v)) return v.map(out);
    return v;
  };
  return values.map(out);
}

export function cloneRule(rule: CfRuleData): CfRuleData {
  return {
    ranges: rule.ranges.map((r) => r.clone()),
    criteria: rule.criteria,
    values: rule.values.map(copyValue),
    format: { ...rule.format },
  };
}

const EMPTY_FORMAT: CfFormat = { background: null, fontColor: null, bold: null, italic: null, strikethrough: null, underline: null };

export function emptyRule(): CfRuleData {
  return { ranges: [], criteria: null, values: [], format: { ...EMPTY_FORMAT } };
}

export class MemoryBooleanCondition implements Pick<SS.BooleanCondition,
  'getCriteriaType' | 'getCriteriaValues' | 'getBackground' | 'getFontColor' | 'getBold' | 'getItalic' | 'getStrikethrough' | 'getUnderline'> {
  constructor(readonly ctx: WorkbookContext, private readonly rule: CfRuleData) {}

  getCriteriaType(): SS.BooleanCriteria { return asEnum(this.rule.criteria ?? ''); }
  getCriteriaValues(): any[] { return exportValues(this.ctx, this.rule.values); }
  getBackground(): string | null { return this.rule.format.background; }
  getFontColor(): string | null { return this.rule.format.fontColor; }
  getBold(): boolean | null { return this.rule.format.bold; }
  getItalic(): boolean | null { return this.rule.format.italic; }
  getStrikethrough(): boolean | null { return this.rule.format.strikethrough; }
  getUnderline(): boolean | null { return this.rule.format.underline; }
}

function condition(ctx: WorkbookContext, rule: CfRuleData): SS.BooleanCondition | null {
  return rule.criteria === null ? null : (new MemoryBooleanCondition(ctx, cloneRule(rule)) as unknown as SS.BooleanCondition);
}

export class MemoryConditionalFormatRule implements Pick<SS.ConditionalFormatRule,
  'getRanges' | 'getBooleanCondition' | 'getGradientCondition' | 'copy'> {
  constructor(readonly ctx: WorkbookContext, private readonly rule: CfRuleData) {}

  _data(): CfRuleData { return cloneRule(this.rule); }
  getRanges(): SS.Range[] { return this.rule.ranges.map((r) => rangeFromStored(this.ctx, r)); }
  getBooleanCondition(): SS.BooleanCondition | null { return condition(this.ctx, this.rule); }
  getGradientCondition(): SS.GradientCondition | null { return null; }
  copy(): SS.ConditionalFormatRuleBuilder {
    return new MemoryConditionalFormatRuleBuilder(this.ctx, cloneRule(this.rule)) as unknown as SS.ConditionalFormatRuleBuilder;
  }
}

type CfBuilderApi = Pick<SS.ConditionalFormatRuleBuilder,
  | 'build' | 'copy' | 'getRanges' | 'getBooleanCondition' | 'getGradientCondition' | 'setRanges'
  | 'setBackground' | 'setFontColor' | 'setBold' | 'setItalic' | 'setStrikethrough' | 'setUnderline'
  | 'whenFormulaSatisfied' | 'whenCellEmpty' | 'whenCellNotEmpty'
  | 'whenNumberLessThan' | 'whenNumberLessThanOrEqualTo' | 'whenNumberGreaterThan' | 'whenNumberGreaterThanOrEqualTo'
  | 'whenNumberBetween' | 'whenNumberNotBetween' | 'whenNumberEqualTo' | 'whenNumberNotEqualTo'
  | 'whenTextEqualTo' | 'whenTextContains' | 'whenTextDoesNotContain' | 'whenTextStartsWith' | 'whenTextEndsWith'
  | 'whenDateBefore' | 'whenDateAfter' | 'whenDateEqualTo' | 'withCriteria'>;

export class MemoryConditionalFormatRuleBuilder implements CfBuilderApi {
  constructor(readonly ctx: WorkbookContext, private readonly rule: CfRuleData = emptyRule()) {}

  private _self(): SS.ConditionalFormatRuleBuilder { return this as unknown as SS.ConditionalFormatRuleBuilder; }
  private _when(criteria: EnumName, values: unknown[]): SS.ConditionalFormatRuleBuilder {
    this.rule.criteria = criteria;
    this.rule.values = values.map(copyValue);
    return this._self();
  }
  private _format<K extends keyof CfFormat>(key: K, value: CfFormat[K]): SS.ConditionalFormatRuleBuilder {
    this.rule.format[key] = value;
    return this._self();
  }
  private _date(base: string, date: unknown): SS.ConditionalFormatRuleBuilder {
    if (typeof date === 'string' && date in RelativeDate) return this._when(`${base}_RELATIVE`, [date]);
    if (!isDate(date)) throw signatureError(`SpreadsheetApp.ConditionalFormatRuleBuilder.when${base}`, [date]);
    return this._when(base, [date]);
  }

  build(): SS.ConditionalFormatRule {
    if (this.rule.criteria === null) throw new Error('A conditional format rule needs a condition before it can be built.');
    return new MemoryConditionalFormatRule(this.ctx, cloneRule(this.rule)) as unknown as SS.ConditionalFormatRule;
  }
  copy(): SS.ConditionalFormatRuleBuilder {
    return new MemoryConditionalFormatRuleBuilder(this.ctx, cloneRule(this.rule)) as unknown as SS.ConditionalFormatRuleBuilder;
  }
  getRanges(): SS.Range[] { return this.rule.ranges.map((r) => rangeFromStored(this.ctx, r)); }
  getBooleanCondition(): SS.BooleanCondition | null { return condition(this.ctx, this.rule); }
  getGradientCondition(): SS.GradientCondition | null { return null; }
  setRanges(ranges: SS.Range[]): SS.ConditionalFormatRuleBuilder {
    if (!Array.isArray(ranges)) throw signatureError('SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges', [ranges]);
    this.rule.ranges = ranges.map((r) => storedOf('SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges', r));
    return this._self();
  }

  setBackground(color: string | null): SS.ConditionalFormatRuleBuilder { return this._format('background', color ? normalizeColor(color) : null); }
  setFontColor(color: string | null): SS.ConditionalFormatRuleBuilder { return this._format('fontColor', color ? normalizeColor(color) : null); }
  setBold(bold: boolean | null): SS.ConditionalFormatRuleBuilder { return this._format('bold', bold); }
  setItalic(italic: boolean | null): SS.ConditionalFormatRuleBuilder { return this._format('italic', italic); }
  setStrikethrough(v: boolean | null): SS.ConditionalFormatRuleBuilder { return this._format('strikethrough', v); }
  setUnderline(v: boolean | null): SS.ConditionalFormatRuleBuilder { return this._format('underline', v); }

  whenFormulaSatisfied(formula: string): SS.ConditionalFormatRuleBuilder {
    if (typeof formula !== 'string') throw signatureError('SpreadsheetApp.ConditionalFormatRuleBuilder.whenFormulaSatisfied', [formula]);
    return this._when('CUSTOM_FORMULA', [formula]);
  }
  whenCellEmpty(): SS.ConditionalFormatRuleBuilder { return this._when('CELL_EMPTY', []); }
  whenCellNotEmpty(): SS.ConditionalFormatRuleBuilder { return this._when('CELL_NOT_EMPTY', []); }
  whenNumberLessThan(n: number): SS.ConditionalFormatRuleBuilder { return this._when('NUMBER_LESS_THAN', [n]); }
  whenNumberLessThanOrEqualTo(n: number): SS.ConditionalFormatRuleBuilder { return this._when('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]); }
  whenNumberGreaterThan(n: number): SS.ConditionalFormatRuleBuilder { return this._when('NUMBER_GREATER_THAN', [n]); }
  whenNumberGreaterThanOrEqualTo(n: number): SS.ConditionalFormatRuleBuilder { return this._when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]); }
  whenNumberBetween(start: number, end: number): SS.ConditionalFormatRuleBuilder { return this._when('NUMBER_BETWEEN', [start, end]); }
  whenNumberNotBetween(start: number, end: number): SS.ConditionalFormatRuleBuilder { return this._when('NUMBER_NOT_BETWEEN', [start, end]); }
  whenNumberEqualTo(n: number): SS.ConditionalFormatRuleBuilder { return this._when('NUMBER_EQUAL_TO', [n]); }
  whenNumberNotEqualTo(n: number): SS.ConditionalFormatRuleBuilder { return this._when('NUMBER_NOT_EQUAL_TO', [n]); }
  whenTextEqualTo(text: string): SS.ConditionalFormatRuleBuilder { return this._when('TEXT_EQUAL_TO', [text]); }
  whenTextContains(text: string): SS.ConditionalFormatRuleBuilder { return this._when('TEXT_CONTAINS', [text]); }
  whenTextDoesNotContain(text: string): SS.ConditionalFormatRuleBuilder { return this._when('TEXT_DOES_NOT_CONTAIN', [text]); }
  whenTextStartsWith(text: string): SS.ConditionalFormatRuleBuilder { return this._when('TEXT_STARTS_WITH', [text]); }
  whenTextEndsWith(text: string): SS.ConditionalFormatRuleBuilder { return this._when('TEXT_ENDS_WITH', [text]); }
  whenDateBefore(date: any): SS.ConditionalFormatRuleBuilder { return this._date('DATE_BEFORE', date); }
  whenDateAfter(date: any): SS.ConditionalFormatRuleBuilder { return this._date('DATE_AFTER', date); }
  whenDateEqualTo(date: any): SS.ConditionalFormatRuleBuilder { return this._date('DATE_EQUAL_TO', date); }
  withCriteria(criteria: SS.BooleanCriteria, args: any[]): SS.ConditionalFormatRuleBuilder {
    return this._when(String(criteria), Array.isArray(args) ? args : []);
  }
}

/** The most items a VALUE_IN_LIST rule may have in Sheets. */
const MAX_LIST_ITEMS = 500;

function cloneValidation(d: ValidationData): ValidationData {
  return { criteria: d.criteria, values: d.values.map(copyValue), allowInvalid: d.allowInvalid, helpText: d.helpText };
}

export class MemoryDataValidation implements Pick<SS.DataValidation,
  'getCriteriaType' | 'getCriteriaValues' | 'getAllowInvalid' | 'getHelpText' | 'copy'> {
  constructor(readonly ctx: WorkbookContext, private readonly data: ValidationData) {}

  _data(): ValidationData { return this.data; }
  getCriteriaType(): SS.DataValidationCriteria { return asEnum(this.data.criteria); }
  getCriteriaValues(): any[] { return exportValues(this.ctx, this.data.values); }
  getAllowInvalid(): boolean { return this.data.allowInvalid; }
  /** Sheets answers null, not "", for a rule without help text: code reading it must cope with that. */
  getHelpText(): string { return this.data.helpText as string; }
  copy(): SS.DataValidationBuilder {
    return new MemoryDataValidationBuilder(this.ctx, cloneValidation(this.data)) as unknown as SS.DataValidationBuilder;
  }
}

type DvBuilderApi = Pick<SS.DataValidationBuilder,
  | 'build' | 'copy' | 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText' | 'setAllowInvalid' | 'setHelpText'
  | 'requireValueInList' | 'requireValueInRange' | 'requireCheckbox' | 'requireFormulaSatisfied'
  | 'requireNumberBetween' | 'requireNumberNotBetween' | 'requireNumberEqualTo' | 'requireNumberNotEqualTo'
  | 'requireNumberGreaterThan' | 'requireNumberGreaterThanOrEqualTo' | 'requireNumberLessThan' | 'requireNumberLessThanOrEqualTo'
  | 'requireTextContains' | 'requireTextDoesNotContain' | 'requireTextEqualTo' | 'requireTextIsEmail' | 'requireTextIsUrl'
  | 'requireDate' | 'withCriteria'>;

export class MemoryDataValidationBuilder implements DvBuilderApi {
  constructor(
    readonly ctx: WorkbookContext,
    // Sheets' builder defaults: invalid input is shown with a warning rather than rejected.
    private readonly data: ValidationData = { criteria: '', values: [], allowInvalid: true, helpText: null },
  ) {}

  private _self(): SS.DataValidationBuilder { return this as unknown as SS.DataValidationBuilder; }
  private _require(criteria: EnumName, values: unknown[]): SS.DataValidationBuilder {
    this.data.criteria = criteria;
    this.data.values = values.map(copyValue);
    return this._self();
  }

  build(): SS.DataValidation {
    if (this.data.criteria === '') throw new Error('A data validation rule needs a criteria before it can be built.');
    return new MemoryDataValidation(this.ctx, cloneValidation(this.data)) as unknown as SS.DataValidation;
  }
  copy(): SS.DataValidationBuilder {
    return new MemoryDataValidationBuilder(this.ctx, cloneValidation(this.data)) as unknown as SS.DataValidationBuilder;
  }
  getAllowInvalid(): boolean { return this.data.allowInvalid; }
  getCriteriaType(): SS.DataValidationCriteria { return asEnum(this.data.criteria); }
  getCriteriaValues(): any[] { return exportValues(this.ctx, this.data.values); }
  getHelpText(): string | null { return this.data.helpText; }
  setAllowInvalid(allowInvalidData: boolean): SS.DataValidationBuilder {
    if (typeof allowInvalidData !== 'boolean') throw signatureError('SpreadsheetApp.DataValidationBuilder.setAllowInvalid', [allowInvalidData]);
    this.data.allowInvalid = allowInvalidData;
    return this._self();
  }
  setHelpText(helpText: string): SS.DataValidationBuilder {
    if (typeof helpText !== 'string') throw signatureError('SpreadsheetApp.DataValidationBuilder.setHelpText', [helpText]);
    this.data.helpText = helpText;
    return this._self();
  }

  /**
   * Sheets caps a list at 500 items (it fails when the rule is applied; here as soon as the list is given, so the
   * caller hears of it where the list is made). An empty list is refused too: Sheets' own dropdown editor asks for at
   * least one item, and a dropdown with nothing to pick is never what a caller meant.
   */
  requireValueInList(values: string[], showDropdown?: boolean): SS.DataValidationBuilder {
    const method = 'SpreadsheetApp.DataValidationBuilder.requireValueInList';
    const args = showDropdown === undefined ? [values] : [values, showDropdown];
    if (!Array.isArray(values) || (showDropdown !== undefined && typeof showDropdown !== 'boolean')) throw signatureError(method, args);
    if (values.some((v) => typeof v !== 'string')) throw signatureError(method, args);
    if (values.length > MAX_LIST_ITEMS) {
      throw new Error(`The data validation rule has more items than the limit of ${MAX_LIST_ITEMS}. Use the 'List from a range' criteria instead.`);
    }
    if (values.length === 0) throw new Error('A dropdown list needs at least one item.');
    return this._require('VALUE_IN_LIST', [values.slice(), showDropdown ?? true]);
  }
  requireValueInRange(range: SS.Range, showDropdown?: boolean): SS.DataValidationBuilder {
    return this._require('VALUE_IN_RANGE', [storedOf('SpreadsheetApp.DataValidationBuilder.requireValueInRange', range), showDropdown ?? true]);
  }
  requireCheckbox(...values: any[]): SS.DataValidationBuilder { return this._require('CHECKBOX', values.slice(0, 2)); }
  requireFormulaSatisfied(formula: string): SS.DataValidationBuilder { return this._require('CUSTOM_FORMULA', [formula]); }
  requireNumberBetween(a: number, b: number): SS.DataValidationBuilder { return this._require('NUMBER_BETWEEN', [a, b]); }
  requireNumberNotBetween(a: number, b: number): SS.DataValidationBuilder { return this._require('NUMBER_NOT_BETWEEN', [a, b]); }
  requireNumberEqualTo(n: number): SS.DataValidationBuilder { return this._require('NUMBER_EQUAL_TO', [n]); }
  requireNumberNotEqualTo(n: number): SS.DataValidationBuilder { return this._require('NUMBER_NOT_EQUAL_TO', [n]); }
  requireNumberGreaterThan(n: number): SS.DataValidationBuilder { return this._require('NUMBER_GREATER_THAN', [n]); }
  requireNumberGreaterThanOrEqualTo(n: number): SS.DataValidationBuilder { return this._require('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]); }
  requireNumberLessThan(n: number): SS.DataValidationBuilder { return this._require('NUMBER_LESS_THAN', [n]); }
  requireNumberLessThanOrEqualTo(n: number): SS.DataValidationBuilder { return this._require('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]); }
  requireTextContains(text: string): SS.DataValidationBuilder { return this._require('TEXT_CONTAINS', [text]); }
  requireTextDoesNotContain(text: string): SS.DataValidationBuilder { return this._require('TEXT_DOES_NOT_CONTAIN', [text]); }
  requireTextEqualTo(text: string): SS.DataValidationBuilder { return this._require('TEXT_EQUAL_TO', [text]); }
  requireTextIsEmail(): SS.DataValidationBuilder { return this._require('TEXT_IS_VALID_EMAIL', []); }
  requireTextIsUrl(): SS.DataValidationBuilder { return this._require('TEXT_IS_VALID_URL', []); }
  requireDate(): SS.DataValidationBuilder { return this._require('DATE_IS_VALID_DATE', []); }
  withCriteria(criteria: SS.DataValidationCriteria, args: any[]): SS.DataValidationBuilder {
    return this._require(String(criteria), Array.isArray(args) ? args : []);
  }
}

/** Stored form of a rule passed to setDataValidation(s); null clears. */
export function validationData(method: string, rule: unknown): ValidationData | undefined {
  if (rule === null || rule === undefined) return undefined;
  if (rule instanceof MemoryDataValidation) return rule._data();
  throw signatureError(method, [rule]);
}

export function wrapValidation(ctx: WorkbookContext, data: ValidationData | undefined): SS.DataValidation | null {
  return data ? (new MemoryDataValidation(ctx, data) as unknown as SS.DataValidation) : null;
}

export function ruleData(method: string, rule: unknown): CfRuleData {
  if (rule instanceof MemoryConditionalFormatRule) return rule._data();
  throw signatureError(method, [rule]);
}

instrument(MemoryBooleanCondition, 'BooleanCondition', 'builder');
instrument(MemoryConditionalFormatRule, 'ConditionalFormatRule', 'builder');
instrument(MemoryConditionalFormatRuleBuilder, 'ConditionalFormatRuleBuilder', 'builder');
instrument(MemoryDataValidation, 'DataValidation', 'builder');
instrument(MemoryDataValidationBuilder, 'DataValidationBuilder', 'builder');
