/**
 * HtmlService and the spreadsheet Ui. Everything the add-on shows is recorded
 * as data on the workbook (menus, sidebar, dialogs, alerts) for assertions and
 * for the playground to render.
 */
import { CONTAINER_UI_SCOPE, type MenuSnapshot, type WorkbookContext } from './context';
import { instrument } from './counter';
import * as E from './enums';
import { signatureError } from './values';
import type { B, H } from './gas';

export class MemoryHtmlOutput implements Pick<H.HtmlOutput,
  'setTitle' | 'getTitle' | 'getContent' | 'setContent' | 'append' | 'clear' | 'setWidth' | 'getWidth' | 'setHeight' | 'getHeight'
  | 'setSandboxMode' | 'setXFrameOptionsMode'> {
  private title = '';
  private width = 0;
  private height = 0;

  constructor(readonly ctx: WorkbookContext, private content: string) {}

  _record(): { title: string; content: string } { return { title: this.title, content: this.content }; }
  private _self(): H.HtmlOutput { return this as unknown as H.HtmlOutput; }
  setTitle(title: string): H.HtmlOutput { this.title = String(title); return this._self(); }
  getTitle(): string { return this.title; }
  getContent(): string { return this.content; }
  setContent(content: string): H.HtmlOutput { this.content = String(content); return this._self(); }
  append(addedContent: string): H.HtmlOutput { this.content += String(addedContent); return this._self(); }
  clear(): H.HtmlOutput { this.content = ''; return this._self(); }
  setWidth(width: number): H.HtmlOutput { this.width = width; return this._self(); }
  getWidth(): number { return this.width; }
  setHeight(height: number): H.HtmlOutput { this.height = height; return this._self(); }
  getHeight(): number { return this.height; }
  /** Only IFRAME exists nowadays; the call is accepted and ignored as in Apps Script. */
  setSandboxMode(mode: H.SandboxMode): H.HtmlOutput { void mode; return this._self(); }
  setXFrameOptionsMode(mode: H.XFrameOptionsMode): H.HtmlOutput { void mode; return this._self(); }
}

export class MemoryHtmlService implements Pick<H.HtmlService, 'createHtmlOutput' | 'createHtmlOutputFromFile' | 'SandboxMode' | 'XFrameOptionsMode'> {
  readonly SandboxMode = E.SandboxMode;
  readonly XFrameOptionsMode = E.XFrameOptionsMode;

  constructor(readonly ctx: WorkbookContext) {}

  createHtmlOutput(html?: any): H.HtmlOutput {
    if (html !== undefined && typeof html !== 'string') throw signatureError('HtmlService.createHtmlOutput', [html]);
    return new MemoryHtmlOutput(this.ctx, html ?? '') as unknown as H.HtmlOutput;
  }

  /** Apps Script resolves "Sidebar" to Sidebar.html; both spellings are accepted. */
  createHtmlOutputFromFile(filename: string): H.HtmlOutput {
    const files = this.ctx.htmlFiles;
    const base = String(filename).replace(/\.html$/, '');
    const content = files[base] ?? files[`${base}.html`];
    if (content === undefined) throw new Error(`No HTML file named ${filename} was found.`);
    return new MemoryHtmlOutput(this.ctx, content) as unknown as H.HtmlOutput;
  }
}

function htmlRecord(method: string, output: unknown): { title: string; content: string } {
  if (output instanceof MemoryHtmlOutput) return output._record();
  throw signatureError(method, [output]);
}

export class MemoryMenu implements Pick<B.Menu, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'> {
  constructor(readonly ctx: WorkbookContext, private readonly menu: MenuSnapshot) {}

  _snapshot(): MenuSnapshot { return this.menu; }
  private _self(): B.Menu { return this as unknown as B.Menu; }
  addItem(caption: string, functionName: string): B.Menu {
    if (typeof caption !== 'string' || typeof functionName !== 'string') throw signatureError('Menu.addItem', [caption, functionName]);
    this.menu.items.push({ kind: 'item', caption, functionName });
    return this._self();
  }
  addSeparator(): B.Menu { this.menu.items.push({ kind: 'separator' }); return this._self(); }
  addSubMenu(menu: B.Menu): B.Menu {
    if (!(menu instanceof MemoryMenu)) throw signatureError('Menu.addSubMenu', [menu]);
    this.menu.items.push({ kind: 'submenu', menu: menu._snapshot() });
    return this._self();
  }
  /** Re-adding a menu with the same caption replaces it, as onOpen reruns do in Sheets. */
  addToUi(): void {
    const menus = this.ctx.ui.menus;
    const i = menus.findIndex((m) => m.addon === this.menu.addon && m.caption === this.menu.caption);
    const copy = JSON.parse(JSON.stringify(this.menu)) as MenuSnapshot;
    if (i >= 0) menus[i] = copy;
    else menus.push(copy);
  }
}

export class MemoryUi implements Pick<B.Ui,
  'Button' | 'ButtonSet' | 'alert' | 'createAddonMenu' | 'createMenu' | 'showSidebar' | 'showModalDialog' | 'showModelessDialog'> {
  readonly Button = E.Button;
  readonly ButtonSet = E.ButtonSet;

  constructor(readonly ctx: WorkbookContext) {}

  /**
   * Records the prompt and answers as a user accepting the dialog would:
   * OK for OK/OK_CANCEL, YES for the YES_NO sets.
   */
  alert(...args: any[]): B.Button {
    const [a, b, c] = args as unknown[];
    const prompt = c !== undefined ? b : a;
    const buttons = c !== undefined ? c : b;
    if (typeof prompt !== 'string') throw signatureError('Ui.alert', args);
    this.ctx.ui.alerts.push(prompt);
    const yes = buttons === E.ButtonSet.YES_NO || buttons === E.ButtonSet.YES_NO_CANCEL;
    return yes ? E.Button.YES : E.Button.OK;
  }
  createAddonMenu(): B.Menu {
    return new MemoryMenu(this.ctx, { caption: null, addon: true, items: [] }) as unknown as B.Menu;
  }
  createMenu(caption: string): B.Menu {
    if (typeof caption !== 'string') throw signatureError('Ui.createMenu', [caption]);
    return new MemoryMenu(this.ctx, { caption, addon: false, items: [] }) as unknown as B.Menu;
  }
  showSidebar(userInterface: H.HtmlOutput): void {
    this.ctx.ui.sidebar = htmlRecord('Ui.showSidebar', userInterface);
  }
  showModalDialog(userInterface: H.HtmlOutput, title: string): void {
    const { content } = htmlRecord('Ui.showModalDialog', userInterface);
    this.ctx.ui.dialogs.push({ title: String(title), content, modal: true });
  }
  showModelessDialog(userInterface: H.HtmlOutput, title: string): void {
    const { content } = htmlRecord('Ui.showModelessDialog', userInterface);
    this.ctx.ui.dialogs.push({ title: String(title), content, modal: false });
  }
}

instrument(MemoryHtmlOutput, 'HtmlOutput', 'service', { withoutAuth: 'all' });
instrument(MemoryHtmlService, 'HtmlService', 'service', { withoutAuth: 'all' });
instrument(MemoryMenu, 'Menu', 'service', { withoutAuth: 'all' });
// onOpen may build menus before authorisation, but not show a sidebar, dialog or alert.
instrument(MemoryUi, 'Ui', 'service', { withoutAuth: ['createAddonMenu', 'createMenu'], scope: CONTAINER_UI_SCOPE });
