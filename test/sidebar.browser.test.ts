import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SetupInfo } from '../src/shared/api';
import { ADDON_STYLESHEET, type OpenSidebar, type ScriptHandler } from './support/browser';
import { sidebarSuite } from './support/browser-suite';
import { createFakeServer, fakeHandler, fakeSetup, HOSTILE_SHEET } from './support/fake-server';

/**
 * The planner sidebar in a real headless Chromium, against a fake server built from the real core and validation.
 * Browser start-up is slow on small CI machines, hence the generous timeouts.
 */

const TEST_TIMEOUT = 60_000;
const WAIT = { timeout: 20_000 };

const suite = sidebarSuite();

/** Opens the sidebar and, unless told otherwise, waits for getSetup to have filled in the first step. */
async function start(handler: ScriptHandler = fakeHandler(), ready = true): Promise<OpenSidebar> {
  const sidebar = await suite.open(handler);
  if (ready) await sidebar.page.getByTestId('step-title').filter({ hasText: /\S/ }).waitFor(WAIT);
  return sidebar;
}

const byId = (page: Page, id: string) => page.getByTestId(id);
const textOf = async (page: Page, id: string): Promise<string> => ((await byId(page, id).textContent(WAIT)) ?? '').trim();

/** Waits until an element's text contains the expected piece (the sidebar updates asynchronously). */
async function waitForText(page: Page, id: string, expected: string): Promise<void> {
  await page.waitForFunction(
    ([testid, piece]) => document.querySelector(`[data-testid="${testid}"]`)?.textContent?.includes(piece) ?? false,
    [id, expected] as const,
    WAIT,
  );
}

/** Budget "3万" at the maturity stage, then Next through the optional steps to the preview. */
async function fillToPreview(page: Page, budget = '3万'): Promise<void> {
  await byId(page, 'budget').fill(budget);
  await waitForText(page, 'budget-parsed', '¥30,000');
  await byId(page, 'next').click();
  await byId(page, 'stage-maturity').check();
  await byId(page, 'next').click();
  await byId(page, 'next').click();
  await byId(page, 'next').click();
}

function deferred(): { promise: Promise<void>; release: () => void } {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

describe('planner sidebar', () => {
  it(
    'plans ¥30,000 at maturity, previews the seed example with its warnings, and builds the tab',
    async () => {
      const { page, calls, externalRequests } = await start();
      expect(await byId(page, 'currency').inputValue()).toBe('CNY');

      await fillToPreview(page);
      await byId(page, 'row-micro').waitFor(WAIT);
      expect(await textOf(page, 'row-mega')).toContain('¥1,500');
      expect(await textOf(page, 'row-macro')).toContain('¥4,500');
      expect(await textOf(page, 'row-mid')).toContain('¥15,000');
      expect(await textOf(page, 'row-micro')).toContain('¥9,000');
      expect(await textOf(page, 'row-mega')).toMatch(/^Mega/);
      const warnings = await byId(page, 'warning').allTextContents();
      expect(warnings).toEqual([
        'Mega: ¥1,500 buys less than one post (cheapest ¥10,000)',
        'Macro: ¥4,500 buys less than one post (cheapest ¥5,000)',
      ]);

      // The request is exactly the server's AllocationInput: fractions, not percents.
      const request = calls.find((c) => c.name === 'previewAllocation')?.args[0] as Record<string, unknown>;
      expect(request).toMatchObject({
        budget: 30000,
        currency: 'CNY',
        period: 'month',
        stage: 'maturity',
        mix: { mega: 0.05, macro: 0.15, mid: 0.5, micro: 0.3, nano: 0 },
        partnershipMix: { sponsored: 0.4, affiliate: 0.3, seeding: 0.2, ambassador: 0.1 },
        geoMix: { national: 0.7, local: 0.2, global: 0.1 },
        aov: 150,
        targetRoas: 3,
      });

      await byId(page, 'build').click();
      await waitForText(page, 'status', 'Allocation tab "Allocation" created');
      expect(calls.map((c) => c.name)).toEqual(['getSetup', 'previewAllocation', 'buildAllocation']);
      await byId(page, 'build').click();
      await waitForText(page, 'status', 'Allocation tab "Allocation" updated');

      // Only the optional Google stylesheet may be requested, and it was refused without breaking anything.
      expect(externalRequests).toEqual([ADDON_STYLESHEET]);
    },
    TEST_TIMEOUT,
  );

  it(
    'blocks a mix of 120% and an unreadable budget before calling the server',
    async () => {
      const { page, calls } = await start();
      await byId(page, 'budget').fill('thirty');
      await waitForText(page, 'budget-error', '“thirty” is not a number');
      expect(await byId(page, 'next').isDisabled()).toBe(true);
      await byId(page, 'budget').fill('-500');
      await waitForText(page, 'budget-error', 'positive');

      await byId(page, 'budget').fill('30,000');
      await byId(page, 'next').click();
      await byId(page, 'mix-mega').fill('25');
      await waitForText(page, 'mix-total', '120%');
      expect(await byId(page, 'mix-total').getAttribute('class')).toContain('invalid');
      expect(await textOf(page, 'mix-error')).toContain('The shares add up to 120%; they must add up to 100%.');
      expect(await byId(page, 'mix-error').isVisible()).toBe(true);
      expect(await byId(page, 'next').isDisabled()).toBe(true);
      await byId(page, 'mix-edited').waitFor(WAIT);

      // Enter submits the form; it must not get past the step either.
      await byId(page, 'mix-mega').press('Enter');
      expect(await byId(page, 'step-2').isVisible()).toBe(true);
      expect(calls.map((c) => c.name)).toEqual(['getSetup']);

      await byId(page, 'mix-mega').fill('5');
      await waitForText(page, 'mix-total', '100%');
      expect(await byId(page, 'next').isEnabled()).toBe(true);
    },
    TEST_TIMEOUT,
  );

  it(
    "shows the server's error message and clears the busy state",
    async () => {
      const message = 'Invalid allocation request: budget: the budget must be more than 0.';
      const fake = fakeHandler();
      const { page } = await start((name, args) => {
        if (name === 'previewAllocation') throw new Error(message);
        return fake(name, args);
      });
      await fillToPreview(page);
      await waitForText(page, 'error', message);
      expect(await byId(page, 'error').getAttribute('role')).toBe('alert');
      expect(await textOf(page, 'error')).toBe(message);
      expect(await byId(page, 'wizard').getAttribute('aria-busy')).toBe('false');
      expect(await byId(page, 'busy').isHidden()).toBe(true);
      expect(await byId(page, 'preview').isEnabled()).toBe(true);
      expect(await byId(page, 'build').isEnabled()).toBe(true);
    },
    TEST_TIMEOUT,
  );

  it(
    'shows a hostile sheet name as literal text',
    async () => {
      const { page } = await start();
      await waitForText(page, 'roster', 'Roster found on sheet');
      const roster = await textOf(page, 'roster');
      expect(roster).toContain(HOSTILE_SHEET);
      expect(roster).toContain('<img');
      expect(roster).toContain('6 columns');
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.evaluate(() => (globalThis as { __xss?: unknown }).__xss)).toBeUndefined();
    },
    TEST_TIMEOUT,
  );

  it(
    'says when no roster was found',
    async () => {
      const { page } = await start(fakeHandler(createFakeServer(fakeSetup({ roster: null }))));
      await waitForText(page, 'roster', 'No roster detected');
    },
    TEST_TIMEOUT,
  );

  it(
    'switches to Simplified Chinese, including the preview warnings',
    async () => {
      const { page } = await start();
      expect(await textOf(page, 'next')).toBe('Next');
      await fillToPreview(page);
      await byId(page, 'warning').first().waitFor(WAIT);

      await byId(page, 'lang').selectOption('zh');
      await waitForText(page, 'back', '上一步');
      expect(await textOf(page, 'step-title')).toBe('预览并生成');
      expect(await textOf(page, 'preview')).toBe('预览');
      expect(await textOf(page, 'roster')).toContain('找到达人名单');
      expect(await byId(page, 'warning').first().textContent()).toBe('头部：¥1,500 不足一条内容（最低报价 ¥10,000）');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');

      await byId(page, 'back').click();
      await byId(page, 'back').click();
      await byId(page, 'back').click();
      await byId(page, 'back').click();
      expect(await textOf(page, 'step-title')).toBe('预算');
      expect(await textOf(page, 'next')).toBe('下一步');
    },
    TEST_TIMEOUT,
  );

  it(
    "starts in the workbook's language and prefills the saved request",
    async () => {
      const setup: SetupInfo = fakeSetup({
        language: 'zh',
        savedAllocation: {
          budget: 50000,
          currency: 'USD',
          period: 'quarter',
          stage: 'growth',
          mix: { mega: 0.1, macro: 0.2, mid: 0.4, micro: 0.3, nano: 0 },
          aov: 200,
        },
      });
      const { page } = await start(fakeHandler(createFakeServer(setup)));
      expect(await textOf(page, 'step-title')).toBe('预算');
      expect(await byId(page, 'lang').inputValue()).toBe('zh');
      expect(await byId(page, 'budget').inputValue()).toBe('50000');
      expect(await byId(page, 'currency').inputValue()).toBe('USD');
      expect(await byId(page, 'period').inputValue()).toBe('quarter');
      await waitForText(page, 'budget-parsed', '$50,000');
      expect(await byId(page, 'stage-growth').isChecked()).toBe(true);
      expect(await byId(page, 'mix-mega').inputValue()).toBe('10');
      expect(await byId(page, 'aov').inputValue()).toBe('200');
    },
    TEST_TIMEOUT,
  );

  it(
    'works from the keyboard',
    async () => {
      const { page } = await start();
      await byId(page, 'budget').focus();
      await page.keyboard.type('30000');
      await page.keyboard.press('Enter');
      await waitForText(page, 'step-title', 'Tier mix');
      // Focus moves to the step's heading; Tab then lands on the chosen stage and arrows change it.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('step-title');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('stage-maturity');
      await page.keyboard.press('ArrowDown');
      expect(await byId(page, 'stage-roi-first').isChecked()).toBe(true);
      expect(await byId(page, 'mix-micro').inputValue()).toBe('60');
      expect(await byId(page, 'mix-edited').isHidden()).toBe(true);
    },
    TEST_TIMEOUT,
  );

  it(
    'names the cost box that is wrong',
    async () => {
      const { page, calls } = await start();
      await byId(page, 'budget').fill('30000');
      for (let i = 0; i < 3; i++) await byId(page, 'next').click();
      await byId(page, 'cost-macro-max').fill('abc');
      await waitForText(page, 'cost-error', 'Macro dearest: “abc” is not a number');
      expect(await byId(page, 'cost-macro-max').getAttribute('aria-invalid')).toBe('true');
      expect(await byId(page, 'cost-macro-min').getAttribute('aria-invalid')).toBeNull();
      await byId(page, 'cost-macro-max').fill('4000');
      await waitForText(page, 'cost-error', 'Macro: the cheapest cost is above the dearest.');
      expect(await byId(page, 'next').isDisabled()).toBe(true);
      await byId(page, 'aov').fill('-5');
      await waitForText(page, 'aov-error', 'Enter a positive number.');
      expect(calls.map((c) => c.name)).toEqual(['getSetup']);
    },
    TEST_TIMEOUT,
  );

  it(
    'offers a retry when the setup cannot be read',
    async () => {
      const fake = fakeHandler();
      let failures = 1;
      const { page } = await start((name, args) => {
        if (name === 'getSetup' && failures-- > 0) throw new Error('Exception: Service Spreadsheets timed out');
        return fake(name, args);
      }, false);
      await waitForText(page, 'error', 'Service Spreadsheets timed out');
      expect(await byId(page, 'next').isHidden()).toBe(true);
      await byId(page, 'retry').click();
      await waitForText(page, 'step-title', 'Budget');
      expect(await textOf(page, 'error')).toBe('');
      expect(await byId(page, 'retry').isHidden()).toBe(true);
    },
    TEST_TIMEOUT,
  );

  it(
    'shows the busy state while a call is pending',
    async () => {
      const fake = fakeHandler();
      const hold = deferred();
      const { page } = await start(async (name, args) => {
        if (name === 'previewAllocation') await hold.promise;
        return fake(name, args);
      });
      await fillToPreview(page);
      await page.waitForSelector('[data-testid="wizard"][aria-busy="true"]', WAIT);
      expect(await byId(page, 'busy').isVisible()).toBe(true);
      expect(await textOf(page, 'busy')).toBe('Working…');
      for (const id of ['back', 'preview', 'build']) expect(await byId(page, id).isDisabled()).toBe(true);

      hold.release();
      await byId(page, 'row-mega').waitFor(WAIT);
      expect(await byId(page, 'wizard').getAttribute('aria-busy')).toBe('false');
      expect(await byId(page, 'busy').isHidden()).toBe(true);
      expect(await byId(page, 'build').isEnabled()).toBe(true);
    },
    TEST_TIMEOUT,
  );
});
