/**
 * Everything on the page around the grid: the title, the add-on's menu, the tabs, the sidebar's frame, the busy and
 * saved badges and the toasts, all in the page's own words in the workbook's language (../words.ts).
 */
import type { PageChrome } from '../page-view';
import { wordsFor, type Words } from '../words';
import { escapeHtml } from './html';

const $ = <E extends HTMLElement>(testid: string): E => document.querySelector<E>(`[data-testid="${testid}"]`)!;

export class Chrome {
  words: Words = wordsFor(document.documentElement.lang);
  /** Toasts the add-on had shown when the page last looked; -1 before the first look (none is shown then). */
  seenToasts = -1;
  /** The sidebar the frame shows; the frame reloads only when the add-on shows the sidebar again. */
  sidebarSeq = 0;
  private toastTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly toastBox = $<HTMLDivElement>('toast');
  private readonly busyBadge = $<HTMLSpanElement>('busy');
  private readonly undoButton = $<HTMLButtonElement>('undo');
  readonly menu = $<HTMLSpanElement>('menu');
  readonly tabs = $<HTMLDivElement>('tabs');

  /** After Reset or a file opened: a new workbook, whose toasts and sidebar start afresh. */
  restart(): void {
    this.seenToasts = -1;
    this.sidebarSeq = 0;
  }

  toast(message: string, kind: 'info' | 'error' = 'info'): void {
    this.toastBox.textContent = message;
    this.toastBox.className = `snackbar ${kind}`;
    this.toastBox.hidden = false;
    clearTimeout(this.toastTimer);
    this.toastTimer = setTimeout(() => (this.toastBox.hidden = true), kind === 'error' ? 8000 : 5000);
  }

  /** `size` changes waiting or running: the badge says so, and the cursor shows the page is working. */
  busy(size: number): void {
    this.busyBadge.hidden = size === 0;
    this.busyBadge.textContent = size > 1 ? this.words.queued(size - 1) : this.words.busy;
    document.body.classList.toggle('busy', size > 0);
  }

  /** What moves with every change: the version and whether there is anything to undo. */
  progress(v: PageChrome): void {
    this.undoButton.disabled = v.undoable === 0;
    document.body.dataset.version = String(v.version);
  }

  render(v: PageChrome, activeSheet: string | null): void {
    this.applyWords(v.locale);
    const words = this.words;
    $('workbook-name').textContent = v.name;
    document.title = `${v.name} · ${words.appTitle}`;
    const saved = $('saved-to');
    saved.textContent = v.savedTo ? words.savedIn : words.inMemory;
    saved.title = v.savedTo ? words.savedInTitle(v.savedTo) : words.inMemoryTitle;
    this.progress(v);
    this.menu.innerHTML = v.menu
      .map((item) => `<button type="button" class="menu-item" data-testid="menu-${escapeHtml(item.functionName)}" data-fn="${escapeHtml(item.functionName)}">${escapeHtml(item.caption)}</button>`)
      .join('');
    this.tabs.innerHTML = v.sheets
      .filter((s) => !s.hidden)
      .map((s) => {
        const active = s.name === activeSheet;
        const color = s.tabColor ? ` style="--tab-color:${escapeHtml(s.tabColor)}"` : '';
        return `<button type="button" role="tab" class="tab${active ? ' active' : ''}${s.tabColor ? ' colored' : ''}" aria-selected="${active}" data-testid="tab" data-sheet="${escapeHtml(s.name)}"${color}>${escapeHtml(s.name)}</button>`;
      })
      .join('');
    this.renderSidebar(v);
    if (this.seenToasts >= 0 && v.toastCount > this.seenToasts && v.lastToast) {
      this.toast(v.lastToast.title ? `${v.lastToast.title}: ${v.lastToast.message}` : v.lastToast.message);
    }
    this.seenToasts = v.toastCount;
  }

  private renderSidebar(v: PageChrome): void {
    const sidebar = $<HTMLElement>('sidebar');
    const frame = $<HTMLIFrameElement>('sidebar-frame');
    if (!v.sidebar) {
      sidebar.hidden = true;
      this.sidebarSeq = v.sidebarSeq;
      return;
    }
    sidebar.hidden = false;
    $('sidebar-title').textContent = v.sidebar.title || this.words.sidebarFallback;
    // Reloaded only when the add-on shows the sidebar again, so a refresh never loses what was typed in it.
    if (v.sidebarSeq !== this.sidebarSeq || !frame.getAttribute('src')) {
      this.sidebarSeq = v.sidebarSeq;
      frame.src = `/sidebar?v=${v.sidebarSeq}`;
    }
  }

  /** The page's own words in the workbook's language: every element marked data-word, data-word-title or -aria. */
  private applyWords(locale: string): void {
    this.words = wordsFor(locale);
    document.documentElement.lang = locale.startsWith('zh') ? 'zh-CN' : 'en';
    const text = this.words as unknown as Record<string, unknown>;
    for (const el of document.querySelectorAll<HTMLElement>('[data-word]')) el.textContent = String(text[el.dataset.word!]);
    for (const el of document.querySelectorAll<HTMLElement>('[data-word-title]')) el.title = String(text[el.dataset.wordTitle!]);
    for (const el of document.querySelectorAll<HTMLElement>('[data-word-aria]')) el.setAttribute('aria-label', String(text[el.dataset.wordAria!]));
  }
}
