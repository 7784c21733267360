import type { PerTier } from '../src/core/domain';
import type { Language, ServerApi, SetupInfo, SidebarJob, SidebarPage, SidebarStart } from '../src/shared/api';
import { call, type ServerName, type ServerResult } from './client';
import { append, h, nextId } from './dom';
import { APP, HTML_LANG, LANGUAGE_NAMES, type Message, type Table } from './i18n';

/**
 * The sidebar as a small app: a home listing the jobs, one page per job, and the shell they share (back navigation,
 * the language switch, the busy state, errors and confirmations). Pages are mounted the first time they are opened
 * and kept, so what the user typed in the planner is still there after a visit to the settings.
 */

/** What a page is asked to do once it has been shown: run a job, or go on to a page that needed it first. */
export type Then = SidebarJob | SidebarPage;

/**
 * What a page hands to the page it opens, e.g. the rebalance's proposed mix to the planner: a quarter's budget split
 * by `mix` (shares adding up to 1), proposed for `quarter`.
 */
export interface Handoff {
  mix: PerTier<number>;
  budget: number;
  quarter: string | null;
}

/** A page's wording, re-applied on every language switch. */
export interface Wording<T> {
  now(): T;
  /** Runs now and again on every language switch. */
  bind(fn: (s: T) => void): void;
  text<E extends HTMLElement>(el: E, say: (s: T) => string): E;
}

export interface PageContext {
  readonly setup: SetupInfo;
  language(): Language;
  setLanguage(language: Language): void;
  wording<T>(table: Table<T>): Wording<T>;
  /** One server call with the busy state on; a failure is shown as the server worded it and answers null. */
  run<K extends ServerName>(name: K, ...args: Parameters<ServerApi[K]>): Promise<ServerResult<K> | null>;
  busy(): boolean;
  onBusy(fn: (busy: boolean) => void): void;
  error(message: Message | null): void;
  /** A confirmation in the sidebar (the status line). */
  toast(message: Message | null): void;
  open(page: SidebarPage, then?: Then, handoff?: Handoff): void;
  /** Keeps the shared setup current after a page changed what it describes (the roster confirmed). */
  patchSetup(patch: Partial<SetupInfo>): void;
}

export interface PageInstance {
  root: HTMLElement;
  /** Where the shared error, status and busy lines go on this page; after the page when absent. */
  feedback?: HTMLElement;
  /**
   * Called every time the page is shown, with what to do next when the opener asked for something, and what it
   * handed over (kept through a detour by the roster page).
   */
  shown?(then: Then | null, handoff: Handoff | null): void;
}

export interface PageDef {
  id: SidebarPage;
  title: Table<string>;
  /** One line under the title on the home list. */
  summary?: Table<string>;
  /** Opened through the roster page while the roster is not confirmed. */
  needsRoster?: boolean;
  mount(ctx: PageContext): PageInstance;
}

export function mountApp(root: HTMLElement, pages: readonly PageDef[], start: SidebarStart): void {
  const defs = new Map(pages.map((p) => [p.id, p] as const));
  // Until getSetup answers, the browser's language is the best guess for the loading text.
  let language: Language = /^zh/i.test(navigator.language) ? 'zh' : 'en';
  let setup: SetupInfo | null = null;
  let busy = false;
  let error: Message | null = null;
  let status: Message | null = null;
  let current: SidebarPage | null = null;
  const history: SidebarPage[] = [];
  const mounted = new Map<SidebarPage, PageInstance>();
  const handoffs = new Map<SidebarPage, Handoff>();
  const binds: Array<(l: Language) => void> = [];
  const busyWatchers: Array<(on: boolean) => void> = [];
  const bind = (fn: (l: Language) => void): void => {
    binds.push(fn);
    fn(language);
  };

  // ---- Shell ----
  const back = h('button', { class: 'nav-back', testid: 'nav-back', attrs: { type: 'button' }, hidden: true });
  const langSelect = h(
    'select',
    { testid: 'lang', id: nextId('lang') },
    ...(['en', 'zh'] as const).map((l) => h('option', { attrs: { value: l, lang: HTML_LANG[l] }, text: LANGUAGE_NAMES[l] })),
  );
  const langLabel = h('label', { class: 'visually-hidden', attrs: { for: langSelect.id } });
  bind((l) => (langLabel.textContent = APP[l].languageLabel));
  // Focus moves here on every page change, so screen readers announce the new page.
  const title = h('h1', { class: 'page-title', testid: 'page-title', id: nextId('title'), attrs: { tabindex: '-1' } });
  const main = h('main', { class: 'pages', attrs: { 'aria-busy': 'false', 'aria-labelledby': title.id } });

  const errorBox = h('div', { class: 'error block', testid: 'error', attrs: { role: 'alert' } });
  const statusBox = h('div', { class: 'status block', testid: 'status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const busyText = h('span', {});
  const busyBox = h('div', { class: 'busy', testid: 'busy', hidden: true }, h('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }), busyText);
  const retry = h('button', { class: 'action', testid: 'retry', attrs: { type: 'button' }, hidden: true });
  const feedback = h('div', { class: 'feedback' }, errorBox, statusBox, busyBox, retry);

  append(root, h('header', { class: 'topbar' }, back, h('span', { class: 'lang' }, langLabel, langSelect)), title, main, feedback);

  function pageTitle(id: SidebarPage, l: Language): string {
    return id === 'home' ? APP[l].appName : (defs.get(id)?.title[l] ?? id);
  }

  /** The page title and the Back button, which name the current and the previous page. */
  function renderShell(): void {
    const s = APP[language];
    title.textContent = current ? pageTitle(current, language) : s.appName;
    const previous = history[history.length - 1];
    back.hidden = !previous;
    back.textContent = previous ? `‹ ${pageTitle(previous, language)}` : '';
    if (previous) back.setAttribute('aria-label', s.backTo(pageTitle(previous, language)));
  }

  bind((l) => {
    const s = APP[l];
    busyText.textContent = setup ? s.working : s.loading;
    retry.textContent = s.retry;
    errorBox.textContent = error ? error(l) : '';
    statusBox.textContent = status ? status(l) : '';
    renderShell();
  });

  function setLanguage(l: Language): void {
    language = l;
    langSelect.value = l;
    document.documentElement.lang = HTML_LANG[l];
    for (const fn of binds) fn(l);
  }

  function showError(message: Message | null): void {
    error = message;
    errorBox.textContent = message ? message(language) : '';
  }

  function showStatus(message: Message | null): void {
    status = message;
    statusBox.textContent = message ? message(language) : '';
  }

  function setBusy(on: boolean): void {
    busy = on;
    main.setAttribute('aria-busy', String(on));
    busyBox.hidden = !on;
    back.disabled = on;
    for (const fn of busyWatchers) fn(on);
  }

  async function run<K extends ServerName>(name: K, ...args: Parameters<ServerApi[K]>): Promise<ServerResult<K> | null> {
    if (busy) return null;
    // Disabling the pressed button drops keyboard focus to the page; it goes back once the call is over.
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    showError(null);
    setBusy(true);
    try {
      return await call(name, ...args);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      showError(() => message);
      return null;
    } finally {
      setBusy(false);
      const lost = document.activeElement === document.body || document.activeElement === focused;
      if (focused?.isConnected && !focused.hidden && lost) focused.focus();
    }
  }

  const context = (info: SetupInfo): PageContext => ({
    setup: info,
    language: () => language,
    setLanguage,
    wording: <T>(table: Table<T>): Wording<T> => ({
      now: () => table[language],
      bind: (fn) => bind((l) => fn(table[l])),
      text: (el, say) => {
        bind((l) => (el.textContent = say(table[l])));
        return el;
      },
    }),
    run,
    busy: () => busy,
    onBusy: (fn) => {
      busyWatchers.push(fn);
      fn(busy);
    },
    error: showError,
    toast: showStatus,
    open: (page, then, handoff) => open(page, then, handoff),
    patchSetup: (patch) => Object.assign(info, patch),
  });

  // ---- Navigation ----
  function show(id: SidebarPage, then: Then | null, focus: boolean): void {
    if (!setup) return;
    const def = defs.get(id);
    if (!def) return;
    let page = mounted.get(id);
    if (!page) {
      page = def.mount(context(setup));
      mounted.set(id, page);
      main.appendChild(page.root);
    }
    current = id;
    for (const [other, instance] of mounted) instance.root.hidden = other !== id;
    if (page.feedback) page.feedback.appendChild(feedback);
    else main.after(feedback);
    showError(null);
    showStatus(null);
    renderShell();
    const handoff = handoffs.get(id) ?? null;
    handoffs.delete(id);
    page.shown?.(then, handoff);
    if (focus) title.focus();
  }

  function open(id: SidebarPage, then?: Then, handoff?: Handoff): void {
    if (!setup || busy) return;
    if (handoff) handoffs.set(id, handoff);
    // A job that needs a confirmed roster goes through the roster page, which comes back here once it is saved.
    if (defs.get(id)?.needsRoster && !setup.rosterConfirmed && id !== 'roster') {
      open('roster', id);
      showStatus((l) => APP[l].rosterNeeded);
      return;
    }
    if (current && current !== id) history.push(current);
    show(id, then ?? null, true);
  }

  function goBack(): void {
    const previous = history.pop();
    if (!previous || busy) return;
    show(previous, null, true);
  }

  async function load(): Promise<void> {
    retry.hidden = true;
    const info = await run('getSetup');
    if (!info) {
      retry.hidden = false;
      return;
    }
    setup = info;
    setLanguage(info.language === 'zh' ? 'zh' : 'en');
    // Whatever page the sidebar opens on, Back leads home.
    if (start.page !== 'home') history.push('home');
    const first = defs.has(start.page) ? start.page : 'home';
    // A job that needs a confirmed roster (the Quarterly rebalance menu item) opens on the roster page first.
    if (defs.get(first)?.needsRoster && !info.rosterConfirmed) {
      show('roster', first, false);
      showStatus((l) => APP[l].rosterNeeded);
      return;
    }
    show(first, start.then ?? null, false);
  }

  langSelect.addEventListener('change', () => setLanguage(langSelect.value === 'zh' ? 'zh' : 'en'));
  back.addEventListener('click', goBack);
  retry.addEventListener('click', () => void load());

  setLanguage(language);
  void load();
}
