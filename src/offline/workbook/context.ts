/**
 * The per-workbook context every service object carries. Factories for views
 * live here (wired up in index.ts) so the class modules do not import each
 * other in a cycle.
 */
import type { GridRange, OpenEdges } from './a1';
import type { CallCounter } from './counter';
import type { SheetState, StoredRange, WorkbookState } from './state';
import { signatureError } from './values';
import type { SS } from './gas';

export interface MenuItemSnapshot {
  kind: 'item' | 'separator' | 'submenu';
  caption?: string;
  functionName?: string;
  menu?: MenuSnapshot;
}

export interface MenuSnapshot {
  /** null for the add-on menu, whose caption Sheets derives from the add-on name. */
  caption: string | null;
  addon: boolean;
  items: MenuItemSnapshot[];
}

export interface UiRecord {
  menus: MenuSnapshot[];
  sidebar: { title: string; content: string } | null;
  dialogs: Array<{ title: string; content: string; modal: boolean }>;
  alerts: string[];
  toasts: Array<{ message: string; title: string }>;
}

/** ScriptApp.AuthMode of the running execution; LIMITED behaves as FULL here, the add-on only uses its own file. */
export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL';

export interface WorkbookContext {
  readonly state: WorkbookState;
  /** Changed by MemoryWorkbook.setAuthMode, as when the user first runs the add-on from its menu. */
  readonly auth: { mode: AuthModeName };
  /** A standalone script or web app: no active spreadsheet, document lock or document properties. */
  readonly outsideDocument: boolean;
  readonly counter: CallCounter;
  /** Date constructor of the realm the add-on runs in, so returned Dates pass its instanceof. */
  readonly DateCtor: DateConstructor;
  readonly userLocale: string;
  readonly htmlFiles: Readonly<Record<string, string>>;
  readonly ui: UiRecord;
  sheet(state: SheetState): SS.Sheet;
  range(sheet: SheetState, grid: GridRange, open?: OpenEdges): SS.Range;
  spreadsheet(): SS.Spreadsheet;
}

/** The OAuth scopes Google names when it refuses a call in AuthMode.NONE. */
export const SHEETS_SCOPE = '(https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)';
export const CONTAINER_UI_SCOPE = 'https://www.googleapis.com/auth/script.container.ui';

export function sheetById(ctx: WorkbookContext, id: number): SheetState {
  const sheet = ctx.state.sheets.find((s) => s.id === id);
  if (!sheet) throw new Error('The sheet this object belongs to has been deleted.');
  return sheet;
}

/** Throws if a sheet object outlived its sheet, like stale handles in Apps Script. */
export function assertLive(ctx: WorkbookContext, sheet: SheetState): SheetState {
  if (!ctx.state.sheets.includes(sheet)) {
    throw new Error(`The sheet "${sheet.name}" has been deleted.`);
  }
  return sheet;
}

export function rangeFromStored(ctx: WorkbookContext, ref: StoredRange): SS.Range {
  return ctx.range(sheetById(ctx, ref.sheetId), ref.grid, ref.open);
}

interface RangeLike {
  _stored(): StoredRange;
}

/** Extracts the stored form of a Range argument, rejecting foreign objects like Apps Script does. */
export function storedOf(method: string, range: unknown): StoredRange {
  if (typeof range === 'object' && range !== null && typeof (range as Partial<RangeLike>)._stored === 'function') {
    return (range as RangeLike)._stored();
  }
  throw signatureError(method, [range]);
}

interface SheetLike {
  _state(): SheetState;
}

export function sheetStateOf(method: string, sheet: unknown): SheetState {
  if (typeof sheet === 'object' && sheet !== null && typeof (sheet as Partial<SheetLike>)._state === 'function') {
    return (sheet as SheetLike)._state();
  }
  throw signatureError(method, [sheet]);
}
