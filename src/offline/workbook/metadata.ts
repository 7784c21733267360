/**
 * Developer metadata, protections and named ranges: spreadsheet-level records
 * that point at sheets or grid positions.
 */
import { gridIntersects, type GridRange } from './a1';
import { rangeFromStored, sheetById, SHEETS_SCOPE, sheetStateOf, storedOf, type WorkbookContext } from './context';
import { instrument } from './counter';
import { asEnum, DeveloperMetadataVisibility } from './enums';
import type { StoredRange, MetadataData, MetadataLocation, NamedRangeData, ProtectionData, SheetState } from './state';
import { signatureError } from './values';
import type { SS } from './gas';

export type MetaTarget =
  | { kind: 'spreadsheet' }
  | { kind: 'sheet'; sheet: SheetState }
  | { kind: 'range'; sheet: SheetState; grid: GridRange };

const VISIBILITIES: readonly string[] = Object.keys(DeveloperMetadataVisibility);

function locationFor(target: MetaTarget): MetadataLocation {
  if (target.kind === 'spreadsheet') return { type: 'SPREADSHEET' };
  if (target.kind === 'sheet') return { type: 'SHEET', sheetId: target.sheet.id };
  const { sheet, grid } = target;
  if (grid.column === 1 && grid.numColumns === sheet.maxColumns) {
    return { type: 'ROW', sheetId: sheet.id, start: grid.row, count: grid.numRows };
  }
  if (grid.row === 1 && grid.numRows === sheet.maxRows) {
    return { type: 'COLUMN', sheetId: sheet.id, start: grid.column, count: grid.numColumns };
  }
  throw new Error(
    'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
  );
}

/**
 * Apps Script overloads (key), (key, visibility), (key, value), (key, value,
 * visibility). Enums are strings here, so a lone second argument equal to a
 * visibility name is read as the visibility, as the real overload would.
 */
export function addMetadata(ctx: WorkbookContext, target: MetaTarget, key: unknown, second?: unknown, third?: unknown): void {
  if (typeof key !== 'string' || key === '') throw signatureError('addDeveloperMetadata', [key, second, third]);
  let value: string | null = null;
  let visibility = 'DOCUMENT';
  if (third !== undefined) {
    value = second === null || second === undefined ? null : String(second);
    visibility = String(third);
  } else if (typeof second === 'string' && VISIBILITIES.includes(second)) {
    visibility = second;
  } else if (second !== undefined && second !== null) {
    value = String(second);
  }
  if (!VISIBILITIES.includes(visibility)) throw signatureError('addDeveloperMetadata', [key, second, third]);
  ctx.state.metadata.push({ id: ++ctx.state.seq.metadata, key, value, visibility, location: locationFor(target) });
}

function sameLocation(a: MetadataLocation, b: MetadataLocation): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'SPREADSHEET' || b.type === 'SPREADSHEET') return true;
  if (a.sheetId !== b.sheetId) return false;
  if (a.type === 'SHEET' || b.type === 'SHEET') return true;
  return a.start === b.start && a.count === b.count;
}

export function metadataAt(ctx: WorkbookContext, target: MetaTarget): SS.DeveloperMetadata[] {
  // Ranges that are not whole rows/columns simply have no metadata of their own.
  let location: MetadataLocation;
  try {
    location = locationFor(target);
  } catch {
    return [];
  }
  return ctx.state.metadata.filter((m) => sameLocation(m.location, location)).map((m) => wrapMetadata(ctx, m));
}

export function wrapMetadata(ctx: WorkbookContext, data: MetadataData): SS.DeveloperMetadata {
  return new MemoryDeveloperMetadata(ctx, data) as unknown as SS.DeveloperMetadata;
}

function locationGrid(ctx: WorkbookContext, loc: MetadataLocation): { sheet: SheetState; grid: GridRange } | null {
  if (loc.type === 'SPREADSHEET') return null;
  const sheet = sheetById(ctx, loc.sheetId);
  if (loc.type === 'SHEET') return { sheet, grid: { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns } };
  return loc.type === 'ROW'
    ? { sheet, grid: { row: loc.start, column: 1, numRows: loc.count, numColumns: sheet.maxColumns } }
    : { sheet, grid: { row: 1, column: loc.start, numRows: sheet.maxRows, numColumns: loc.count } };
}

export class MemoryDeveloperMetadata implements Pick<SS.DeveloperMetadata,
  'getId' | 'getKey' | 'getValue' | 'getVisibility' | 'setKey' | 'setValue' | 'setVisibility' | 'getLocation' | 'remove' | 'moveToSheet' | 'moveToSpreadsheet'> {
  constructor(readonly ctx: WorkbookContext, private readonly data: MetadataData) {}

  private _self(): SS.DeveloperMetadata { return this as unknown as SS.DeveloperMetadata; }
  getId(): number { return this.data.id; }
  getKey(): string { return this.data.key; }
  getValue(): string | null { return this.data.value; }
  getVisibility(): SS.DeveloperMetadataVisibility { return asEnum(this.data.visibility); }
  setKey(key: string): SS.DeveloperMetadata { this.data.key = String(key); return this._self(); }
  setValue(value: string): SS.DeveloperMetadata { this.data.value = String(value); return this._self(); }
  setVisibility(visibility: SS.DeveloperMetadataVisibility): SS.DeveloperMetadata {
    this.data.visibility = String(visibility);
    return this._self();
  }
  getLocation(): SS.DeveloperMetadataLocation {
    return new MemoryDeveloperMetadataLocation(this.ctx, this.data.location) as unknown as SS.DeveloperMetadataLocation;
  }
  moveToSheet(sheet: SS.Sheet): SS.DeveloperMetadata {
    this.data.location = { type: 'SHEET', sheetId: sheetStateOf('DeveloperMetadata.moveToSheet', sheet).id };
    return this._self();
  }
  moveToSpreadsheet(): SS.DeveloperMetadata { this.data.location = { type: 'SPREADSHEET' }; return this._self(); }
  remove(): void {
    const list = this.ctx.state.metadata;
    const i = list.indexOf(this.data);
    if (i >= 0) list.splice(i, 1);
  }
}

export class MemoryDeveloperMetadataLocation implements Pick<SS.DeveloperMetadataLocation,
  'getLocationType' | 'getSheet' | 'getSpreadsheet' | 'getRow' | 'getColumn'> {
  constructor(readonly ctx: WorkbookContext, private readonly loc: MetadataLocation) {}

  getLocationType(): SS.DeveloperMetadataLocationType { return asEnum(this.loc.type); }
  getSpreadsheet(): SS.Spreadsheet | null { return this.loc.type === 'SPREADSHEET' ? this.ctx.spreadsheet() : null; }
  getSheet(): SS.Sheet | null { return this.loc.type === 'SHEET' ? this.ctx.sheet(sheetById(this.ctx, this.loc.sheetId)) : null; }
  getRow(): SS.Range | null { return this.loc.type === 'ROW' ? this._range() : null; }
  getColumn(): SS.Range | null { return this.loc.type === 'COLUMN' ? this._range() : null; }

  private _range(): SS.Range {
    const at = locationGrid(this.ctx, this.loc);
    if (!at) throw new Error('Location has no range.');
    const rows = this.loc.type === 'ROW';
    return this.ctx.range(at.sheet, at.grid, { startRow: !rows, endRow: !rows, startColumn: rows, endColumn: rows });
  }
}

export class MemoryDeveloperMetadataFinder implements Pick<SS.DeveloperMetadataFinder,
  'find' | 'withId' | 'withKey' | 'withValue' | 'withLocationType' | 'withVisibility' | 'onIntersectingLocations'> {
  private readonly filters: Array<(m: MetadataData) => boolean> = [];
  private intersecting = false;

  constructor(readonly ctx: WorkbookContext, private readonly scope: MetaTarget) {}

  private _with(filter: (m: MetadataData) => boolean): SS.DeveloperMetadataFinder {
    this.filters.push(filter);
    return this as unknown as SS.DeveloperMetadataFinder;
  }
  withId(id: number): SS.DeveloperMetadataFinder { return this._with((m) => m.id === id); }
  withKey(key: string): SS.DeveloperMetadataFinder { return this._with((m) => m.key === key); }
  withValue(value: string): SS.DeveloperMetadataFinder { return this._with((m) => m.value === value); }
  withLocationType(type: SS.DeveloperMetadataLocationType): SS.DeveloperMetadataFinder {
    return this._with((m) => m.location.type === String(type));
  }
  withVisibility(visibility: SS.DeveloperMetadataVisibility): SS.DeveloperMetadataFinder {
    return this._with((m) => m.visibility === String(visibility));
  }
  onIntersectingLocations(): SS.DeveloperMetadataFinder {
    this.intersecting = true;
    return this as unknown as SS.DeveloperMetadataFinder;
  }

  private _inScope(m: MetadataData): boolean {
    const scope = this.scope;
    if (scope.kind === 'spreadsheet') return true;
    const loc = m.location;
    if (loc.type === 'SPREADSHEET' || loc.sheetId !== scope.sheet.id) return false;
    if (scope.kind === 'sheet') return true;
    if (loc.type === 'SHEET') return false;
    const at = locationGrid(this.ctx, loc);
    if (!at) return false;
    if (this.intersecting) return gridIntersects(at.grid, scope.grid);
    try {
      return sameLocation(loc, locationFor(scope));
    } catch {
      return false;
    }
  }

  find(): SS.DeveloperMetadata[] {
    return this.ctx.state.metadata
      .filter((m) => this._inScope(m) && this.filters.every((f) => f(m)))
      .map((m) => wrapMetadata(this.ctx, m));
  }
}

export function newProtection(ctx: WorkbookContext, type: 'RANGE' | 'SHEET', sheet: SheetState, range: StoredRange | null): ProtectionData {
  // A sheet carries at most one sheet protection; protecting again hands back the existing one.
  if (type === 'SHEET') {
    const existing = ctx.state.protections.find((p) => p.type === 'SHEET' && p.sheetId === sheet.id);
    if (existing) return existing;
  }
  const data: ProtectionData = { id: ++ctx.state.seq.protection, type, sheetId: sheet.id, range, description: '', warningOnly: false };
  ctx.state.protections.push(data);
  return data;
}

export class MemoryProtection implements Pick<SS.Protection,
  'setDescription' | 'getDescription' | 'setWarningOnly' | 'isWarningOnly' | 'remove' | 'getRange' | 'getProtectionType' | 'canEdit' | 'canDomainEdit' | 'getRangeName'> {
  constructor(readonly ctx: WorkbookContext, private readonly data: ProtectionData) {}

  private _self(): SS.Protection { return this as unknown as SS.Protection; }
  setDescription(description: string): SS.Protection {
    if (description === null || description === undefined || typeof description === 'object') {
      throw signatureError('SpreadsheetApp.Protection.setDescription', [description]);
    }
    this.data.description = String(description);
    return this._self();
  }
  getDescription(): string { return this.data.description; }
  setWarningOnly(warningOnly: boolean): SS.Protection {
    if (typeof warningOnly !== 'boolean') throw signatureError('SpreadsheetApp.Protection.setWarningOnly', [warningOnly]);
    this.data.warningOnly = warningOnly;
    return this._self();
  }
  isWarningOnly(): boolean { return this.data.warningOnly; }
  getProtectionType(): SS.ProtectionType { return asEnum(this.data.type); }
  canEdit(): boolean { return true; }
  canDomainEdit(): boolean { return true; }
  getRangeName(): string | null { return null; }
  getRange(): SS.Range {
    if (this.data.range) return rangeFromStored(this.ctx, this.data.range);
    const sheet = sheetById(this.ctx, this.data.sheetId);
    return this.ctx.range(sheet, { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns });
  }
  remove(): void {
    const list = this.ctx.state.protections;
    const i = list.indexOf(this.data);
    if (i >= 0) list.splice(i, 1);
  }
}

export class MemoryNamedRange implements Pick<SS.NamedRange, 'getName' | 'setName' | 'getRange' | 'setRange' | 'remove'> {
  constructor(readonly ctx: WorkbookContext, private readonly data: NamedRangeData) {}

  private _self(): SS.NamedRange { return this as unknown as SS.NamedRange; }
  getName(): string { return this.data.name; }
  setName(name: string): SS.NamedRange {
    assertNamedRangeName(name);
    if (this.ctx.state.namedRanges.some((n) => n !== this.data && n.name === name)) {
      throw new Error(`A named range with the name "${name}" already exists.`);
    }
    this.data.name = name;
    return this._self();
  }
  getRange(): SS.Range { return rangeFromStored(this.ctx, this.data.ref); }
  setRange(range: SS.Range): SS.NamedRange { this.data.ref = storedOf('NamedRange.setRange', range); return this._self(); }
  remove(): void {
    const list = this.ctx.state.namedRanges;
    const i = list.indexOf(this.data);
    if (i >= 0) list.splice(i, 1);
  }
}

/** Sheets' rule: letters, digits and underscores, not starting with a digit, not a cell reference. */
export function assertNamedRangeName(name: unknown): asserts name is string {
  const ok =
    typeof name === 'string' &&
    name.length > 0 &&
    name.length <= 250 &&
    /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) &&
    !/^[A-Za-z]{1,3}[0-9]+$/.test(name) &&
    !/^[Rr][0-9]*[Cc][0-9]*$/.test(name) &&
    !/^(true|false)$/i.test(name);
  if (!ok) throw new Error(`The named range name "${String(name)}" is not valid.`);
}

instrument(MemoryDeveloperMetadata, 'DeveloperMetadata', 'service', { scope: SHEETS_SCOPE });
instrument(MemoryDeveloperMetadataLocation, 'DeveloperMetadataLocation', 'service', { scope: SHEETS_SCOPE });
instrument(MemoryDeveloperMetadataFinder, 'DeveloperMetadataFinder', 'service', { scope: SHEETS_SCOPE });
instrument(MemoryProtection, 'Protection', 'service', { scope: SHEETS_SCOPE });
instrument(MemoryNamedRange, 'NamedRange', 'service', { scope: SHEETS_SCOPE });

