/**
 * One playground workbook: the built add-on (dist/Code.js) in a bare vm context whose globals are the in-memory
 * workbook's Apps Script services, the roster it starts from, and every change made since, kept as a journal so
 * the session can be saved and rebuilt on the next start.
 */
import vm from 'node:vm';
import {
  createMemoryWorkbook,
  parseA1 as parseCellRef,
  type MemoryWorkbook,
  type MenuItemSnapshot,
  type WorkbookSnapshot,
} from '../src/offline/workbook';
import type { SampleLanguage } from '../src/offline/sample';
import { encodeScriptRunArgs, encodeScriptRunResult } from '../src/offline/script-run';
import { parseUserEntry } from '../src/offline/user-entry';
import { dayOn, setContextClock, workbookClock, type Clock } from './clock';
import { FormulaEngine, type CustomFunctions } from './formulas';
import { cellValue, literal, seedRoster } from './roster-seed';
import { RuleResults } from './rule-formulas';
import { checkValidation } from './validation';

export type RosterSource =
  /** `today`: the day the sample's dates fall around (it is generated on the session's first day and kept with it). */
  | { kind: 'sample'; language: SampleLanguage; seed: number; count: number; today?: string }
  | { kind: 'csv'; fileName: string; rows: string[][] };

/** A change to the workbook, replayed in order to rebuild a saved session. */
export type SessionOp =
  | { kind: 'call'; name: string; args: unknown[] }
  | { kind: 'menu'; functionName: string }
  | { kind: 'edit'; sheet: string; cell: string; input: string };

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
  if (source.kind === 'csv') return source.fileName.replace(/\.(csv|tsv|txt)$/i, '') || 'Roster';
  return source.language === 'zh' ? '达人矩阵示例' : 'Influencer Matrix sample';
}

/** The locale a roster suggests: Chinese headers mean a Chinese workbook (and the sidebar in Chinese, ¥ budgets). */
export function localeFor(source: RosterSource): string {
  if (source.kind === 'sample') return source.language === 'zh' ? 'zh_CN' : 'en_US';
  return /[\u4e00-\u9fff]/.test((source.rows[0] ?? []).join('')) ? 'zh_CN' : 'en_US';
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
  private readonly functions: CustomFunctions;
  private engineCache: FormulaEngine | null = null;

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
    this.functions = { help: addon.customFunctionHelp, call: (name, args) => addon.callCustomFunction(name, args) };

    seedRoster(this.workbook, this.source, timeZone);
    // What Sheets does when the workbook opens with the add-on installed, then the user opening the planner.
    this.invoke('onOpen', [{}]);
    this.invoke('showSidebar', []);
    this.recalculate();
  }

  /** The current evaluation of every formula; rebuilt lazily after a change. */
  get engine(): FormulaEngine {
    this.engineCache ??= new FormulaEngine(this.functions, this.workbook.snapshot(), this.clock);
    return this.engineCache;
  }

  snapshot(): WorkbookSnapshot {
    return this.workbook.snapshot();
  }

  private get timeZone(): string {
    return this.workbook.spreadsheet.getSpreadsheetTimeZone();
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

  /** Runs `work`, and when the workbook changed, recalculates, journals `op` and bumps the version. */
  private change<T>(op: SessionOp, work: () => Outcome<T>): Outcome<T> {
    const before = JSON.stringify(this.snapshot());
    const outcome = work();
    if (JSON.stringify(this.snapshot()) !== before) {
      this.recalculate();
      this.ops.push(op);
      this.version++;
    }
    return outcome;
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
    return this.change({ kind: 'call', name, args: input }, () => {
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
    return this.change({ kind: 'menu', functionName }, () => this.invoke(functionName, []));
  }

  /** What typing into a cell does: numbers, percentages, dates and formulas are recognised as Sheets does. */
  edit(sheetName: string, cell: string, input: string): Outcome<null> {
    const sheet = this.workbook.spreadsheet.getSheetByName(String(sheetName));
    if (!sheet) return { ok: false, message: `No sheet named "${sheetName}".` };
    const ref = parseCellRef(String(cell));
    if (!ref || ref.sheetName !== null || ref.endRow !== ref.row || ref.endColumn !== ref.column) {
      return { ok: false, message: `"${cell}" is not a single cell.` };
    }
    if (typeof input !== 'string') return { ok: false, message: 'The cell content must be text.' };
    const entry = parseUserEntry(input);
    const rejected = checkValidation(this.snapshot(), sheet.getName(), ref.row, ref.column, entry);
    if (rejected) return { ok: false, message: rejected };
    return this.change({ kind: 'edit', sheet: sheet.getName(), cell: String(cell).toUpperCase(), input }, () => {
      const range = sheet.getRange(ref.row, ref.column);
      if (entry.kind === 'empty') range.clearContent();
      else if (entry.kind === 'formula') range.setFormula(entry.formula);
      else {
        range.setValue(literal(cellValue(entry.value, this.timeZone)));
        if (entry.numberFormat) range.setNumberFormat(entry.numberFormat);
      }
      return { ok: true, value: null };
    });
  }

  /** Switching tabs; not a change to the workbook's content, so it is not journaled. */
  activate(sheetName: string): Outcome<null> {
    const sheet = this.workbook.spreadsheet.getSheetByName(String(sheetName));
    if (!sheet) return { ok: false, message: `No sheet named "${sheetName}".` };
    sheet.activate();
    return { ok: true, value: null };
  }

  /** Re-applies a saved change; a change that fails now (the add-on changed since) is reported and skipped. */
  replay(op: SessionOp): Outcome {
    if (op.kind === 'call') return this.scriptRun(op.name, op.args);
    if (op.kind === 'menu') return this.menu(op.functionName);
    return this.edit(op.sheet, op.cell, op.input);
  }

  /**
   * Evaluates every formula and stores each result in its cell, so the add-on reads computed values back through
   * getValues() as it would in Sheets.
   */
  recalculate(): void {
    this.engineCache?.destroy();
    this.engineCache = null;
    const engine = this.engine;
    for (const sheet of this.snapshot().sheets) {
      for (const [ref, cell] of Object.entries(sheet.cells)) {
        if (cell.f === undefined) continue;
        const { row, column } = parseCellRef(ref)!;
        const value = engine.value(sheet.name, row, column);
        const stored = value !== null && typeof value === 'object' ? value.error : value;
        this.workbook.setComputedValue(sheet.name, row, column, stored);
      }
    }
  }

  close(): void {
    this.engineCache?.destroy();
    this.engineCache = null;
  }
}
