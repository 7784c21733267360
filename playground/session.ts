/**
 * One playground workbook: the built add-on (dist/Code.js) in a bare vm context whose globals are the in-memory
 * workbook's Apps Script services, the roster it starts from, and every change made since, kept as a journal so
 * the session can be saved and rebuilt on the next start.
 */
import vm from 'node:vm';
import { createMemoryWorkbook, type MemoryWorkbook, type MenuItemSnapshot, type WorkbookSnapshot } from '../src/offline/workbook';
import type { SampleLanguage } from '../src/offline/sample';
import { encodeScriptRunArgs, encodeScriptRunResult } from '../src/offline/script-run';
import { dayOn, setContextClock, workbookClock, type Clock } from './clock';
import type { SpillMap } from './engine-sync';
import type { CustomFunctions, FormulaEngine } from './formulas';
import { PageEdits } from './page-edits';
import { seedRoster } from './roster-seed';
import type { ImportedSource } from './roster-import';
import { RuleResults } from './rule-formulas';
import { wordsFor, type Words } from './words';
import { WorkbookEngine } from './workbook-engine';

export type RosterSource =
  /** `today`: the day the sample's dates fall around (it is generated on the session's first day and kept with it). */
  | { kind: 'sample'; language: SampleLanguage; seed: number; count: number; today?: string }
  | { kind: 'csv'; fileName: string; rows: string[][] }
  /** A CSV or .xlsx file opened with --roster or from the page (roster-import.ts). */
  | ImportedSource;

/** A change to the workbook, replayed in order to rebuild a saved session. */
export type SessionOp =
  | { kind: 'call'; name: string; args: unknown[] }
  | { kind: 'menu'; functionName: string }
  | { kind: 'edit'; sheet: string; cell: string; input: string }
  /** Rows added at the bottom and columns at the right of a sheet. */
  | { kind: 'grow'; sheet: string; rows: number; columns: number }
  /** Undoes the last edit typed into the grid (the journal's earlier edits rebuild what it undoes). */
  | { kind: 'undo' };

export interface SessionOptions {
  /** dist/Code.js */
  code: string;
  /** dist/Sidebar.html, served to HtmlService.createHtmlOutputFromFile('Sidebar'). */
  sidebarHtml: string;
  source: RosterSource;
  locale?: string;
  timeZone?: string;
  /**
   * The day the workbook lives on ("2026-11-30"), in its time zone: the add-on's clock and TODAY() read it, and a
   * sample without a day of its own is generated around it. Without it, the real clock.
   */
  today?: string;
}

export type Outcome<T = unknown> = { ok: true; value: T } | { ok: false; message: string };

/** Rosters in China keep China's clock; a sample's dates are calendar days there. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
const FUNCTION_NAME = /^[A-Za-z_$][\w$]*$/;

const errorMessage = (e: unknown): string =>
  typeof e === 'object' && e !== null && 'message' in e ? String((e as { message: unknown }).message) : String(e);

export function workbookName(source: RosterSource): string {
  if (source.kind !== 'sample') return source.fileName.replace(/\.(csv|tsv|txt|xlsx)$/i, '') || 'Roster';
  return source.language === 'zh' ? '达人矩阵示例' : 'Influencer Matrix sample';
}

/** The locale a roster suggests: Chinese headers mean a Chinese workbook (and the sidebar in Chinese, ¥ budgets). */
export function localeFor(source: RosterSource): string {
  if (source.kind === 'sample') return source.language === 'zh' ? 'zh_CN' : 'en_US';
  const headers: unknown[] = source.rows[0] ?? [];
  return /[\u4e00-\u9fff]/.test(headers.filter((h) => typeof h === 'string').join('')) ? 'zh_CN' : 'en_US';
}

export class PlaygroundSession {
  readonly workbook: MemoryWorkbook;
  /** The roster the session started from; a sample carries the day it was generated around. */
  readonly source: RosterSource;
  /** What the add-on's `new Date()` and the formulas' TODAY() read. */
  readonly clock: Clock;
  /** Conditional-format answers remembered between pictures of the workbook (see rule-formulas.ts). */
  readonly ruleResults = new RuleResults();
  /** Every change that succeeded, in order. */
  readonly ops: SessionOp[] = [];
  /** Bumped on every change, so a client can tell its picture is stale. */
  version = 0;
  private readonly context: vm.Context;
  /** The formula engine, kept up to date with every change. */
  private readonly kept: WorkbookEngine;
  private readonly edits: PageEdits;

  constructor(options: SessionOptions) {
    this.context = vm.createContext({});
    const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
    this.clock = workbookClock(options.today, timeZone);
    if (options.today !== undefined) setContextClock(this.context, this.clock);
    const source = options.source;
    // Generated on the day the workbook opens, so its contracts, payments and contacts fall due around today.
    this.source = source.kind === 'sample' && source.today === undefined ? { ...source, today: dayOn(this.clock, timeZone) } : source;
    const locale = options.locale ?? localeFor(options.source);
    this.workbook = createMemoryWorkbook({
      name: workbookName(options.source),
      locale,
      timeZone,
      userLocale: locale.slice(0, 2),
      htmlFiles: { Sidebar: options.sidebarHtml },
      dateConstructor: vm.runInContext('Date', this.context) as DateConstructor,
    });
    Object.assign(this.context, this.workbook.globals);
    vm.runInContext(options.code, this.context, { filename: 'Code.js' });

    const addon = (this.context as Record<string, unknown>).InfluencerMatrix as {
      customFunctionHelp: CustomFunctions['help'];
      callCustomFunction(name: string, args: unknown[]): unknown;
    };
    this.kept = new WorkbookEngine(this.workbook, { help: addon.customFunctionHelp, call: (name, args) => addon.callCustomFunction(name, args) }, this.clock);
    this.edits = new PageEdits(this.workbook, this.kept, () => this.words, (op) => {
      this.ops.push(op);
      this.version++;
    });

    seedRoster(this.workbook, this.source, timeZone);
    // What Sheets does when the workbook opens with the add-on installed, then the user opening the planner.
    this.invoke('onOpen', [{}]);
    this.invoke('showSidebar', []);
    this.recalculate();
  }

  /** The current evaluation of every formula, kept up to date by every change. */
  get engine(): FormulaEngine {
    return this.kept.engine;
  }

  /** Where array results spill, to tell which run past the edge of their sheet. */
  get spills(): SpillMap {
    return this.kept.spills;
  }

  snapshot(): WorkbookSnapshot {
    return this.workbook.snapshot();
  }

  /** The workbook without its cells (each sheet's `cells` is empty, and `lastRow` may lag behind edits). */
  structure(): WorkbookSnapshot {
    return this.kept.structure();
  }

  /** The page's words follow the workbook's locale. */
  get words(): Words {
    return wordsFor(this.workbook.spreadsheet.getSpreadsheetLocale());
  }

  /** How many typed edits can be undone now. */
  get undoable(): number {
    return this.edits.undoable;
  }

  /** Calls a top-level function of the bundle; errors come back as their message, as Apps Script reports them. */
  private invoke(name: string, args: unknown[]): Outcome {
    const fn = Object.prototype.hasOwnProperty.call(this.context, name) ? (this.context as Record<string, unknown>)[name] : undefined;
    if (!FUNCTION_NAME.test(name) || typeof fn !== 'function' || name.endsWith('_')) {
      return { ok: false, message: `Script function not found: ${name}` };
    }
    try {
      return { ok: true, value: (fn as (...a: unknown[]) => unknown)(...args) };
    } catch (e) {
      return { ok: false, message: errorMessage(e) };
    }
  }

  /** Runs add-on code; when it changed the workbook, journals `op` and bumps the version. */
  private addonChange<T>(op: SessionOp, work: () => Outcome<T>): Outcome<T> {
    const { value, changed } = this.kept.addonCall(work);
    if (changed) {
      this.ops.push(op);
      this.version++;
    }
    return value;
  }

  /**
   * google.script.run, with its wire rules (src/offline/script-run.ts): arguments that cannot cross fail the call,
   * a result that cannot cross arrives as null, a failure reaches the caller as its message, and names ending in "_"
   * are private.
   */
  scriptRun(name: string, args: unknown[]): Outcome {
    if (!Array.isArray(args)) return { ok: false, message: 'Arguments must be an array.' };
    let input: unknown[];
    try {
      input = encodeScriptRunArgs(args);
    } catch (e) {
      return { ok: false, message: errorMessage(e) };
    }
    return this.addonChange({ kind: 'call', name, args: input }, () => {
      const outcome = this.invoke(name, input);
      return outcome.ok ? { ok: true, value: encodeScriptRunResult(outcome.value) } : outcome;
    });
  }

  /** The menu items the add-on put in the Extensions menu. */
  menuItems(): Array<{ caption: string; functionName: string }> {
    const items: Array<{ caption: string; functionName: string }> = [];
    const walk = (list: MenuItemSnapshot[]): void => {
      for (const item of list) {
        if (item.kind === 'item' && item.caption && item.functionName) items.push({ caption: item.caption, functionName: item.functionName });
        if (item.kind === 'submenu' && item.menu) walk(item.menu.items);
      }
    };
    for (const menu of this.workbook.ui.menus) walk(menu.items);
    return items;
  }

  /** Runs a menu item, as clicking it in Sheets does; only functions the menu names can be run this way. */
  menu(functionName: string): Outcome {
    if (!this.menuItems().some((item) => item.functionName === functionName)) {
      return { ok: false, message: `No menu item runs ${functionName}.` };
    }
    return this.addonChange({ kind: 'menu', functionName }, () => this.invoke(functionName, []));
  }

  private sheetNamed(sheetName: string): GoogleAppsScript.Spreadsheet.Sheet | null {
    return this.workbook.spreadsheet.getSheetByName(String(sheetName));
  }

  /** What typing into a cell does: numbers, percentages, dates and formulas are recognised as Sheets does. */
  edit(sheetName: string, cell: string, input: string): Outcome<null> {
    return this.edits.edit(sheetName, cell, input);
  }

  /** Undoes the last edit typed into the grid (see page-edits.ts); the value is the cell undone, "Sheet!A1". */
  undo(): Outcome<string> {
    return this.edits.undo();
  }

  /** Adds rows at the bottom and columns at the right of a sheet. */
  grow(sheetName: string, rows: number, columns: number): Outcome<null> {
    return this.edits.grow(sheetName, rows, columns);
  }

  /** Switching tabs; not a change to the workbook's content, so it is not journaled. */
  activate(sheetName: string): Outcome<null> {
    const sheet = this.sheetNamed(sheetName);
    if (!sheet) return { ok: false, message: this.words.noSheet(sheetName) };
    sheet.activate();
    this.kept.activated(sheet.getName());
    return { ok: true, value: null };
  }

  /** The name of the tab in front. */
  activeSheetName(): string | null {
    return this.workbook.spreadsheet.getActiveSheet()?.getName() ?? null;
  }

  /** Re-applies a saved change; a change that fails now (the add-on changed since) is reported and skipped. */
  replay(op: SessionOp): Outcome {
    switch (op.kind) {
      case 'call':
        return this.scriptRun(op.name, op.args);
      case 'menu':
        return this.menu(op.functionName);
      case 'grow':
        return this.grow(op.sheet, op.rows, op.columns);
      case 'undo':
        return this.undo();
      default:
        return this.edit(op.sheet, op.cell, op.input);
    }
  }

  /**
   * Evaluates every formula from scratch and stores each result in its cell, so the add-on reads computed values
   * back through getValues() as it would in Sheets. Changes made through the session keep the engine current by
   * themselves; this is for a workbook changed behind its back.
   */
  recalculate(): void {
    this.kept.recalculate();
  }

  close(): void {
    this.kept.close();
  }
}

