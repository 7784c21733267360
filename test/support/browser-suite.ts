import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, openSidebar, readSidebarHtml, SIDEBAR_HTML, type OpenSidebar, type ScriptHandler, type SidebarOptions } from './browser';

/**
 * One headless Chromium for a test file: launched before its tests (start-up is slow on small CI machines, hence
 * the generous timeouts) and closed after them. What runs on it (a sidebar page) closes before it; what its pages
 * talk to (a playground server) after it, so no open connection holds the server up.
 */
type Closable = { close(): Promise<unknown> };
export interface BrowserSuite {
  readonly browser: Browser;
  closeBefore<T extends Closable>(item: T): T;
  closeAfter<T extends Closable>(item: T): T;
}

export function browserSuite(): BrowserSuite {
  let browser: Browser | undefined;
  const before: Closable[] = [];
  const after: Closable[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await Promise.all(before.map((item) => item.close()));
    await browser?.close();
    await Promise.all(after.map((item) => item.close()));
  }, 60_000);
  return {
    get browser(): Browser {
      if (!browser) throw new Error('the browser is launched in beforeAll: use it inside a test');
      return browser;
    },
    closeBefore(item) {
      before.push(item);
      return item;
    },
    closeAfter(item) {
      after.push(item);
      return item;
    },
  };
}

/** The built sidebar (read once, before the tests, so a concurrent build cannot race them) on the suite's browser. */
export interface SidebarSuite {
  readonly html: string;
  /** Opens the sidebar on the suite's page unless options.html says otherwise; closed after the file's tests. */
  open(handler: ScriptHandler, options?: SidebarOptions): Promise<OpenSidebar>;
}

export function sidebarSuite(): SidebarSuite {
  let html: string | undefined;
  beforeAll(() => {
    if (!existsSync(SIDEBAR_HTML)) throw new Error(`${SIDEBAR_HTML} is missing: run \`npm run build\` first`);
    html = readSidebarHtml();
  });
  const suite = browserSuite();
  return {
    get html(): string {
      if (html === undefined) throw new Error('the sidebar is read in beforeAll: use it inside a test');
      return html;
    },
    async open(handler, options = {}) {
      return suite.closeBefore(await openSidebar(suite.browser, handler, { html: this.html, ...options }));
    },
  };
}
