/// <reference types="google-apps-script" />
/**
 * In-memory stand-in for the Apps Script services the add-on uses. Hand
 * `globals` to a vm context (or a test) in place of the real services; read
 * results back through `snapshot()`, `calls` and `ui`.
 */
import type { GridRange, OpenEdges } from './a1';
import { writeEntered } from './cells';
import type { AuthModeName, UiRecord, WorkbookContext } from './context';
import { CallCounter } from './counter';
import type { B, SS } from './gas';
import { MemoryRange } from './range';
import { Charts, MemoryLockService, MemoryPropertiesService, MemorySession, MemoryUtilities, ScriptApp } from './services';
import { assertGrid, assertSheetName, findSheetByName, MemorySheet } from './sheet';
import { buildSnapshot, rowsSnapshot, type CellSnapshot, type WorkbookSnapshot } from './snapshot';
import { MemorySpreadsheet, MemorySpreadsheetApp } from './spreadsheet';
import { cellAt, newSheetState, type SheetState, type WorkbookState } from './state';
import { MemoryHtmlService, MemoryUi } from './ui';
import { isDate } from './values';

export { cellToA1, columnToLetters, gridToA1, lettersToColumn, parseA1, qualifiedA1, quoteSheetName, resolveA1 } from './a1';
export type { A1Reference, GridRange, OpenEdges } from './a1';
export type { AuthModeName, MenuItemSnapshot, MenuSnapshot, UiRecord } from './context';
export { shiftFormula } from './formula';
export { formatDate } from './format-date';
export type {
  CellSnapshot, ChartSnapshot, ConditionalFormatSnapshot, DeveloperMetadataSnapshot, JsonValue, MetadataLocationSnapshot,
  ProtectionSnapshot, SheetSnapshot, SnapshotValue, ValidationSnapshot, WorkbookSnapshot,
} from './snapshot';

export interface MemoryWorkbookOptions {
  /** Spreadsheet id, also used in getUrl(). */
  id?: string;
  name?: string;
  /** Spreadsheet locale, Sheets-style ("en_US"). */
  locale?: string;
  /** Spreadsheet and script time zone (IANA or "GMT+hh:mm"). */
  timeZone?: string;
  userLocale?: string;
  /** Project HTML files by name ("Sidebar" or "Sidebar.html") for createHtmlOutputFromFile. */
  htmlFiles?: Record<string, string>;
  /**
   * Date constructor of the realm the add-on code runs in (e.g. a vm
   * context's `Date`), so Dates read from cells pass `instanceof Date` there.
   */
  dateConstructor?: DateConstructor;
  /**
   * ScriptApp.AuthMode the script runs in (default FULL). NONE is an add-on's onOpen in a document where it was
   * never used: only menus may be built, every service that touches the document refuses with Google's message.
   */
  authMode?: AuthModeName;
  /**
   * Run as a standalone script or web app rather than inside the spreadsheet: getActiveSpreadsheet,
   * getDocumentLock and getDocumentProperties return null, and getUi refuses, as in Apps Script.
   */
  outsideDocument?: boolean;
}

export interface MemoryWorkbook {
  /** SpreadsheetApp, PropertiesService, LockService, HtmlService, ScriptApp, Session, Utilities, Charts. */
  globals: Record<string, unknown>;
  /** The same object SpreadsheetApp.getActive() returns. */
  spreadsheet: SS.Spreadsheet;
  calls: { total: number; builder: number; byMethod: Record<string, number>; reset(): void };
  /**
   * JSON-safe picture of the whole workbook. Not counted. With `{ cells: false }`, every sheet's `cells` is left
   * empty: the rest of a large workbook without projecting each cell.
   */
  snapshot(options?: { cells?: boolean }): WorkbookSnapshot;
  /** The cells of rows `from`..`to` of one sheet, as snapshot() has them (without `dv`). Not counted. */
  snapshotRows(sheetName: string, from: number, to: number): Record<string, CellSnapshot>;
  /** Replaces a sheet's contents (created at the end if missing) from plain rows, starting at A1. Not counted. */
  seedSheet(name: string, rows: unknown[][]): void;
  /** Sets the cached result of a formula cell, for a formula engine. Not counted. */
  setComputedValue(sheetName: string, row: number, col: number, value: unknown): void;
  /** Simulates another execution holding (true) or releasing (false) the document lock. */
  holdDocumentLockElsewhere(held: boolean): void;
  /** Switches the authorisation mode, as when the user first runs the add-on from its menu. */
  setAuthMode(mode: AuthModeName): void;
  /**
   * Adds a sheet that is not a grid at the end, as a user moving a chart to its own sheet (OBJECT) or connecting
   * BigQuery (DATASOURCE) does. getSheets() lists it; every cell, rule and chart method on it refuses. Not counted.
   */
  addSheetOfType(name: string, type: 'OBJECT' | 'DATASOURCE'): void;
  /** Live record of menus, the last sidebar, dialogs, alerts and toasts. */
  ui: UiRecord;
}

export function createMemoryWorkbook(options: MemoryWorkbookOptions = {}): MemoryWorkbook {
  const timeZone = options.timeZone ?? 'Etc/GMT';
  const state: WorkbookState = {
    id: options.id ?? 'memory-spreadsheet',
    name: options.name ?? 'Untitled spreadsheet',
    locale: options.locale ?? 'en_US',
    timeZone,
    // The first sheet of a new spreadsheet always has gid 0.
    sheets: [newSheetState(0, 'Sheet1')],
    activeSheetId: 0,
    seq: { sheet: 0, chart: 0, metadata: 0, protection: 0 },
    metadata: [],
    protections: [],
    namedRanges: [],
    properties: { document: new Map(), user: new Map(), script: new Map() },
    locks: { document: null, script: null, user: null },
  };
  const ui: UiRecord = { menus: [], sidebar: null, dialogs: [], alerts: [], toasts: [] };
  const sheetViews = new WeakMap<SheetState, SS.Sheet>();
  let spreadsheet: SS.Spreadsheet | undefined;

  const ctx: WorkbookContext = {
    state,
    auth: { mode: options.authMode ?? 'FULL' },
    outsideDocument: options.outsideDocument ?? false,
    counter: new CallCounter(),
    DateCtor: options.dateConstructor ?? Date,
    userLocale: options.userLocale ?? 'en',
    htmlFiles: { ...(options.htmlFiles ?? {}) },
    ui,
    sheet(s) {
      let view = sheetViews.get(s);
      if (!view) {
        view = new MemorySheet(ctx, s) as unknown as SS.Sheet;
        sheetViews.set(s, view);
      }
      return view;
    },
    range(s: SheetState, grid: GridRange, open?: OpenEdges) {
      return new MemoryRange(ctx, s, { ...grid }, open) as unknown as SS.Range;
    },
    spreadsheet() {
      spreadsheet ??= new MemorySpreadsheet(ctx) as unknown as SS.Spreadsheet;
      return spreadsheet;
    },
  };

  const sheetNamed = (name: string): SheetState => {
    const sheet = findSheetByName(ctx, name);
    if (!sheet) throw new Error(`No sheet named "${name}".`);
    return sheet;
  };

  const globals: Record<string, unknown> = {
    SpreadsheetApp: new MemorySpreadsheetApp(ctx, new MemoryUi(ctx) as unknown as B.Ui),
    PropertiesService: new MemoryPropertiesService(ctx),
    LockService: new MemoryLockService(ctx),
    HtmlService: new MemoryHtmlService(ctx),
    ScriptApp,
    Session: new MemorySession(ctx, timeZone),
    Utilities: new MemoryUtilities(ctx),
    Charts,
  };

  return {
    globals,
    spreadsheet: ctx.spreadsheet(),
    calls: ctx.counter,
    ui,
    snapshot: (options) => buildSnapshot(state, ui, options?.cells ?? true),
    snapshotRows: (sheetName, from, to) => rowsSnapshot(sheetNamed(sheetName), from, to),

    seedSheet(name, rows) {
      if (!Array.isArray(rows) || !rows.every(Array.isArray)) throw new TypeError('seedSheet expects an array of rows.');
      let sheet = findSheetByName(ctx, name);
      if (!sheet) {
        sheet = newSheetState(++state.seq.sheet, assertSheetName(ctx, name));
        state.sheets.push(sheet);
      }
      assertGrid(sheet);
      const width = Math.max(0, ...rows.map((r) => r.length));
      // Growing at the end never moves anything, so the grid can simply be enlarged.
      sheet.maxRows = Math.max(sheet.maxRows, rows.length);
      sheet.maxColumns = Math.max(sheet.maxColumns, width);
      for (const line of sheet.rows) {
        line?.forEach((cell) => {
          if (cell) {
            delete cell.v;
            delete cell.f;
          }
        });
      }
      const target = sheet;
      rows.forEach((row, i) => row.forEach((value, j) => writeEntered(target, i + 1, j + 1, value)));
    },

    setComputedValue(sheetName, row, col, value) {
      const cell = cellAt(sheetNamed(sheetName), row, col);
      if (!cell || cell.f === undefined) {
        throw new Error(`Cell ${sheetName}!R${row}C${col} holds no formula; only formula results can be set.`);
      }
      if (value === null || value === undefined || value === '') delete cell.v;
      else if (isDate(value)) cell.v = new Date(value.getTime());
      else if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') cell.v = value;
      else cell.v = String(value);
    },

    setAuthMode(mode) {
      if (!['NONE', 'LIMITED', 'FULL'].includes(mode)) throw new Error(`Unknown authorisation mode "${String(mode)}".`);
      ctx.auth.mode = mode;
    },

    addSheetOfType(name, type) {
      if (type !== 'OBJECT' && type !== 'DATASOURCE') throw new Error(`Unknown sheet type "${String(type)}".`);
      state.sheets.push(newSheetState(++state.seq.sheet, assertSheetName(ctx, name), type));
    },

    holdDocumentLockElsewhere(held) {
      if (held && state.locks.document === 'self') {
        throw new Error('This execution holds the document lock; release it before simulating another holder.');
      }
      if (held) state.locks.document = 'other';
      else if (state.locks.document === 'other') state.locks.document = null;
    },
  };
}
