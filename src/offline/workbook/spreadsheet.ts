import { parseA1, resolveA1 } from './a1';
import { MemoryConditionalFormatRuleBuilder, MemoryDataValidationBuilder } from './builders';
import { rangeFromStored, SHEETS_SCOPE, sheetStateOf, storedOf, type WorkbookContext } from './context';
import { instrument } from './counter';
import * as E from './enums';
import { addMetadata, assertNamedRangeName, MemoryDeveloperMetadataFinder, MemoryNamedRange, MemoryProtection, metadataAt } from './metadata';
import { checkedGrid } from './range';
import { assertGrid, assertSheetName, findSheetByName } from './sheet';
import { newSheetState, type SheetState } from './state';
import { signatureError } from './values';
import type { B, SS } from './gas';

type SpreadsheetApi = Pick<SS.Spreadsheet,
  | 'getId' | 'getName' | 'rename' | 'getUrl' | 'getSpreadsheetLocale' | 'setSpreadsheetLocale'
  | 'getSpreadsheetTimeZone' | 'setSpreadsheetTimeZone' | 'getSheets' | 'getNumSheets' | 'getSheetByName' | 'getSheetById'
  | 'getActiveSheet' | 'setActiveSheet' | 'insertSheet' | 'deleteSheet'
  | 'getNamedRanges' | 'setNamedRange' | 'getRangeByName' | 'removeNamedRange'
  | 'addDeveloperMetadata' | 'getDeveloperMetadata' | 'createDeveloperMetadataFinder' | 'getRange' | 'getProtections' | 'toast'>;

export class MemorySpreadsheet implements SpreadsheetApi {
  constructor(readonly ctx: WorkbookContext) {}

  private _self(): SS.Spreadsheet { return this as unknown as SS.Spreadsheet; }
  private _active(): SheetState {
    const { sheets, activeSheetId } = this.ctx.state;
    const active = sheets.find((s) => s.id === activeSheetId) ?? sheets[0];
    if (!active) throw new Error('The spreadsheet has no sheets.');
    return active;
  }

  getId(): string { return this.ctx.state.id; }
  getName(): string { return this.ctx.state.name; }
  rename(newName: string): void { this.ctx.state.name = String(newName); }
  getUrl(): string { return `https://docs.google.com/spreadsheets/d/${this.ctx.state.id}/edit`; }
  getSpreadsheetLocale(): string { return this.ctx.state.locale; }
  setSpreadsheetLocale(locale: string): void {
    if (typeof locale !== 'string' || locale === '') throw signatureError('SpreadsheetApp.Spreadsheet.setSpreadsheetLocale', [locale]);
    this.ctx.state.locale = locale;
  }
  getSpreadsheetTimeZone(): string { return this.ctx.state.timeZone; }
  setSpreadsheetTimeZone(timezone: string): void { this.ctx.state.timeZone = String(timezone); }

  getSheets(): SS.Sheet[] { return this.ctx.state.sheets.map((s) => this.ctx.sheet(s)); }
  getNumSheets(): number { return this.ctx.state.sheets.length; }
  getSheetByName(name: string): SS.Sheet | null {
    const sheet = typeof name === 'string' ? findSheetByName(this.ctx, name) : undefined;
    return sheet ? this.ctx.sheet(sheet) : null;
  }
  getSheetById(id: number): SS.Sheet | null {
    const sheet = this.ctx.state.sheets.find((s) => s.id === id);
    return sheet ? this.ctx.sheet(sheet) : null;
  }
  getActiveSheet(): SS.Sheet { return this.ctx.sheet(this._active()); }
  setActiveSheet(sheet: SS.Sheet): SS.Sheet {
    const state = sheetStateOf('SpreadsheetApp.Spreadsheet.setActiveSheet', sheet);
    this.ctx.state.activeSheetId = state.id;
    return this.ctx.sheet(state);
  }

  /**
   * Follows Sheets: the new sheet goes right after the active sheet unless an
   * index (0-based) is given, and becomes the active sheet.
   */
  insertSheet(...args: any[]): SS.Sheet {
    const state = this.ctx.state;
    let name: string | undefined;
    let index: number | undefined;
    for (const arg of args) {
      if (typeof arg === 'string' && name === undefined && index === undefined) name = arg;
      else if (typeof arg === 'number' && index === undefined) index = arg;
      else if (arg !== null && typeof arg === 'object' && !Array.isArray(arg)) {
        if ((arg as { template?: unknown }).template !== undefined) {
          throw new Error('insertSheet templates are not modelled by the in-memory workbook.');
        }
      } else if (arg !== undefined) throw signatureError('SpreadsheetApp.Spreadsheet.insertSheet', args);
    }
    const finalName = name === undefined ? this._defaultName() : assertSheetName(this.ctx, name);
    const at = index ?? state.sheets.indexOf(this._active()) + 1;
    if (!Number.isInteger(at) || at < 0 || at > state.sheets.length) {
      throw new Error(`The sheet index ${at} is out of range.`);
    }
    const sheet = newSheetState(++state.seq.sheet, finalName);
    state.sheets.splice(at, 0, sheet);
    state.activeSheetId = sheet.id;
    return this.ctx.sheet(sheet);
  }

  private _defaultName(): string {
    for (let n = this.ctx.state.sheets.length + 1; ; n++) {
      if (!findSheetByName(this.ctx, `Sheet${n}`)) return `Sheet${n}`;
    }
  }

  deleteSheet(sheet: SS.Sheet): void {
    const state = this.ctx.state;
    const target = sheetStateOf('SpreadsheetApp.Spreadsheet.deleteSheet', sheet);
    if (!state.sheets.some((s) => s !== target && !s.hidden)) {
      throw new Error("You can't remove all the sheets in a document.");
    }
    const i = state.sheets.indexOf(target);
    state.sheets.splice(i, 1);
    state.namedRanges = state.namedRanges.filter((n) => n.ref.sheetId !== target.id);
    state.protections = state.protections.filter((p) => p.sheetId !== target.id);
    state.metadata = state.metadata.filter((m) => m.location.type === 'SPREADSHEET' || m.location.sheetId !== target.id);
    if (state.activeSheetId === target.id) {
      const visible = state.sheets.filter((s) => !s.hidden);
      const next = visible.find((s) => state.sheets.indexOf(s) >= i) ?? visible[visible.length - 1];
      if (next) state.activeSheetId = next.id;
    }
  }

  getNamedRanges(): SS.NamedRange[] {
    return this.ctx.state.namedRanges.map((n) => new MemoryNamedRange(this.ctx, n) as unknown as SS.NamedRange);
  }
  /** Re-using a name re-points it, which is what Sheets does. */
  setNamedRange(name: string, range: SS.Range): void {
    assertNamedRangeName(name);
    const ref = storedOf('SpreadsheetApp.Spreadsheet.setNamedRange', range);
    const existing = this.ctx.state.namedRanges.find((n) => n.name === name);
    if (existing) existing.ref = ref;
    else this.ctx.state.namedRanges.push({ name, ref });
  }
  getRangeByName(name: string): SS.Range | null {
    const found = this.ctx.state.namedRanges.find((n) => n.name === name);
    return found ? rangeFromStored(this.ctx, found.ref) : null;
  }
  removeNamedRange(name: string): void {
    this.ctx.state.namedRanges = this.ctx.state.namedRanges.filter((n) => n.name !== name);
  }

  addDeveloperMetadata(key: string, valueOrVisibility?: any, visibility?: SS.DeveloperMetadataVisibility): SS.Spreadsheet {
    addMetadata(this.ctx, { kind: 'spreadsheet' }, key, valueOrVisibility, visibility);
    return this._self();
  }
  getDeveloperMetadata(): SS.DeveloperMetadata[] { return metadataAt(this.ctx, { kind: 'spreadsheet' }); }
  createDeveloperMetadataFinder(): SS.DeveloperMetadataFinder {
    return new MemoryDeveloperMetadataFinder(this.ctx, { kind: 'spreadsheet' }) as unknown as SS.DeveloperMetadataFinder;
  }

  getRange(a1Notation: string): SS.Range {
    const ref = typeof a1Notation === 'string' ? parseA1(a1Notation) : null;
    if (!ref) throw new Error('Range not found');
    const sheet = ref.sheetName === null ? this._active() : findSheetByName(this.ctx, ref.sheetName);
    if (!sheet) throw new Error('Range not found');
    assertGrid(sheet);
    const grid = resolveA1(ref, sheet.maxRows, sheet.maxColumns);
    checkedGrid(sheet, grid.row, grid.column, grid.numRows, grid.numColumns);
    return this.ctx.range(sheet, grid, ref.open);
  }

  getProtections(type: SS.ProtectionType): SS.Protection[] {
    return this.ctx.state.protections
      .filter((p) => p.type === String(type))
      .map((p) => new MemoryProtection(this.ctx, p) as unknown as SS.Protection);
  }

  /** Apps Script takes (String, String, Number): anything else, a missing message included, is refused. */
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    const args = [msg, title, timeoutSeconds].slice(0, arguments.length);
    const badTimeout = timeoutSeconds !== undefined && timeoutSeconds !== null && (typeof timeoutSeconds !== 'number' || Number.isNaN(timeoutSeconds));
    if (typeof msg !== 'string' || (title !== undefined && typeof title !== 'string') || badTimeout) {
      throw signatureError('SpreadsheetApp.Spreadsheet.toast', args);
    }
    this.ctx.ui.toasts.push({ message: msg, title: title ?? '' });
  }
}

type AppApi = Pick<SS.SpreadsheetApp,
  | 'getActive' | 'getActiveSpreadsheet' | 'getActiveSheet' | 'setActiveSheet' | 'getUi' | 'flush'
  | 'newConditionalFormatRule' | 'newDataValidation'
  | 'BooleanCriteria' | 'DataValidationCriteria' | 'DeveloperMetadataVisibility' | 'DeveloperMetadataLocationType'
  | 'ProtectionType' | 'RelativeDate' | 'Dimension' | 'SheetType'>;

export class MemorySpreadsheetApp implements AppApi {
  readonly BooleanCriteria = E.BooleanCriteria;
  readonly DataValidationCriteria = E.DataValidationCriteria;
  readonly DeveloperMetadataVisibility = E.DeveloperMetadataVisibility;
  readonly DeveloperMetadataLocationType = E.DeveloperMetadataLocationType;
  readonly ProtectionType = E.ProtectionType;
  readonly RelativeDate = E.RelativeDate;
  readonly Dimension = E.Dimension;
  readonly SheetType = E.SheetType;

  constructor(readonly ctx: WorkbookContext, private readonly ui: B.Ui) {}

  // A standalone script or web app has no active spreadsheet: these return null there, as in Apps Script.
  getActive(): SS.Spreadsheet { return this._active() as SS.Spreadsheet; }
  getActiveSpreadsheet(): SS.Spreadsheet { return this._active() as SS.Spreadsheet; }
  getActiveSheet(): SS.Sheet { return this._active()?.getActiveSheet() as SS.Sheet; }
  setActiveSheet(sheet: SS.Sheet): SS.Sheet { return this._container('setActiveSheet').setActiveSheet(sheet); }
  getUi(): B.Ui { this._container('getUi'); return this.ui; }

  private _active(): SS.Spreadsheet | null { return this.ctx.outsideDocument ? null : this.ctx.spreadsheet(); }
  private _container(method: string): SS.Spreadsheet {
    const active = this._active();
    if (!active) throw new Error(`Cannot call SpreadsheetApp.${method}() from this context.`);
    return active;
  }
  flush(): void {}
  newConditionalFormatRule(): SS.ConditionalFormatRuleBuilder {
    return new MemoryConditionalFormatRuleBuilder(this.ctx) as unknown as SS.ConditionalFormatRuleBuilder;
  }
  newDataValidation(): SS.DataValidationBuilder {
    return new MemoryDataValidationBuilder(this.ctx) as unknown as SS.DataValidationBuilder;
  }
}

instrument(MemorySpreadsheet, 'Spreadsheet', 'service', { scope: SHEETS_SCOPE });
// Only the Ui (for onOpen's menu) is reachable before the add-on is authorised in a document.
instrument(MemorySpreadsheetApp, 'SpreadsheetApp', 'service', { withoutAuth: ['getUi'], scope: SHEETS_SCOPE });
