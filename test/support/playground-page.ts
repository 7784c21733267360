import type { Browser, Page } from 'playwright-core';

/**
 * The playground page in Chromium, as the browser tests and `npm run bench` drive it: every request it makes is
 * recorded (none may leave the machine), and the bytes the server sends can be counted over a stretch of work.
 */

export const WAIT = { timeout: 30_000 };

export interface PlaygroundPage {
  page: Page;
  /** Every URL the page or its sidebar asked for. */
  requests: string[];
  /** Bytes the server sent (bodies and headers) while `work` ran, counted when each response has finished. */
  bytesDuring(work: () => Promise<void>): Promise<number>;
  close(): Promise<void>;
}

export async function openPlaygroundPage(browser: Browser, url: string, viewport = { width: 1600, height: 1000 }): Promise<PlaygroundPage> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const requests: string[] = [];
  let counting: Array<Promise<number>> | null = null;
  context.on('request', (req) => requests.push(req.url()));
  context.on('requestfinished', (req) => {
    counting?.push(req.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
  });
  await page.goto(url);
  await page.locator('body[data-ready]').waitFor(WAIT);
  return {
    page,
    requests,
    async bytesDuring(work) {
      const sizes: Array<Promise<number>> = [];
      counting = sizes;
      try {
        await work();
        // A response may finish a moment after the page has drawn it.
        await page.waitForTimeout(50);
      } finally {
        counting = null;
      }
      return (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
    },
    close: () => context.close(),
  };
}

export const cellLocator = (page: Page, a1: string) => page.locator(`[data-testid="grid"] td[data-cell="${a1}"]`);

/**
 * Scrolls the grid until the cell's row is drawn, leaving the selection alone: the grid draws only the rows around
 * the view, as a person sees them.
 */
export async function reveal(page: Page, a1: string): Promise<void> {
  const row = Number(/\d+$/.exec(a1)![0]);
  const drawn = async (): Promise<boolean> => (await cellLocator(page, a1).count()) > 0;
  if (await drawn()) return;
  await page.getByTestId('grid').evaluate((grid, r) => {
    const zoom = Number(getComputedStyle(grid.querySelector('.zoom-box')!).zoom) || 1;
    grid.scrollTop = Math.max(0, (24 + (r - 1) * 21) * zoom - grid.clientHeight / 2);
  }, row);
  await cellLocator(page, a1).waitFor(WAIT);
  await page.getByTestId('busy').waitFor({ state: 'hidden', ...WAIT });
}

/**
 * The cells of a column whose drawn style matches, over every row of the sheet: the grid is scrolled from top to
 * bottom, a screen at a time, as a person would look down it.
 */
export async function cellsDrawn(page: Page, column: string, style: string): Promise<Set<string>> {
  const grid = page.getByTestId('grid');
  const found = new Set<string>();
  await grid.evaluate((el) => el.scrollTo(0, 0));
  for (;;) {
    await page.getByTestId('busy').waitFor({ state: 'hidden', ...WAIT });
    const cells = await page
      .locator(`[data-testid="grid"] td[data-cell^="${column}"]`)
      .evaluateAll((tds, [col, want]) => tds.filter((td) => /^[A-Z]+/.exec(td.getAttribute('data-cell') ?? '')?.[0] === col && (td.getAttribute('style') ?? '').includes(want)).map((td) => td.getAttribute('data-cell')!), [column, style] as const);
    cells.forEach((c) => found.add(c));
    const moved = await grid.evaluate((el) => {
      const before = el.scrollTop;
      el.scrollTop = before + el.clientHeight * 0.8;
      return el.scrollTop > before;
    });
    if (!moved) return found;
    // The scroll redraws the rows on the next frame, and asks the server for them.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }
}

/** Selects a cell through the name box, as a person jumps to a row far down: the grid scrolls to it. */
export async function goTo(page: Page, a1: string): Promise<void> {
  await page.getByTestId('cell-ref').click();
  await page.getByTestId('cell-ref').fill(a1);
  await page.getByTestId('cell-ref').press('Enter');
  await cellLocator(page, a1).and(page.locator('.selected')).waitFor(WAIT);
  // The rows around it are fetched once the grid has scrolled there.
  await page.getByTestId('busy').waitFor({ state: 'hidden', ...WAIT });
}

/** Text a cell shows once the server has answered for it (not what is still on its way). */
export async function shownText(page: Page, a1: string): Promise<string> {
  const td = cellLocator(page, a1);
  if ((await td.count()) === 0 || (await td.getAttribute('class'))?.includes('pending')) return '\u0000pending';
  return ((await td.textContent()) ?? '').trim();
}

/** Goes to a cell and types `input` into it, not yet committed. */
export async function typeInto(page: Page, a1: string, input: string): Promise<void> {
  await goTo(page, a1);
  await page.keyboard.type(input);
}

/**
 * Commits what was typed into the cell editor at `a1`, and measures inside the page from the Enter to the first frame
 * drawn after the grid shows `expected` in that cell as the server answered it.
 */
export async function timedCommit(page: Page, a1: string, expected: string): Promise<number> {
  return page.evaluate(
    ({ a1, expected }) =>
      new Promise<number>((resolve) => {
        const editor = document.querySelector<HTMLInputElement>('[data-testid="cell-editor"]')!;
        const grid = document.querySelector('[data-testid="grid"]')!;
        const start = performance.now();
        const done = (): boolean => {
          const td = grid.querySelector(`td[data-cell="${a1}"]`);
          return !!td && !td.classList.contains('pending') && (td.textContent ?? '').trim() === expected;
        };
        const observer = new MutationObserver(() => {
          if (!done()) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - start));
        });
        observer.observe(grid, { childList: true, subtree: true, characterData: true, attributes: true });
        editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      }),
    { a1, expected },
  );
}
