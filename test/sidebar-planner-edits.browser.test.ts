import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AllocationTabEdits } from '../src/shared/api';
import { sidebarSuite } from './support/browser-suite';
import { createPagesFake, type PagesFakeOptions } from './support/fake-roster-server';

/**
 * The planner's side of issue 8: a currency typed with the budget chooses the currency, values edited in the
 * Allocation tab are where the next plan starts, and a build that would replace them asks first.
 */

const TEST_TIMEOUT = 60_000;
const WAIT = { timeout: 20_000 };

const suite = sidebarSuite();

async function start(options: PagesFakeOptions = {}) {
  const fake = createPagesFake(options);
  const sidebar = await suite.open(fake.handler);
  await sidebar.page.getByTestId('step-title').filter({ hasText: /\S/ }).waitFor(WAIT);
  return sidebar;
}

const byId = (page: Page, id: string) => page.getByTestId(id);
const textOf = async (page: Page, id: string): Promise<string> => ((await byId(page, id).textContent(WAIT)) ?? '').trim();

/** The user changed the budget to ¥40,000 and the Mid share to 45% / Micro 35% in the tab. */
const EDITS: AllocationTabEdits = {
  sheetName: 'Allocation',
  fields: ['budget', 'mix'],
  input: {
    budget: 40_000,
    currency: 'CNY',
    period: 'month',
    stage: 'custom',
    mix: { mega: 0.05, macro: 0.15, mid: 0.45, micro: 0.35, nano: 0 },
    aov: 150,
    targetRoas: 3,
  },
};

describe('planner: currency typed with the budget', () => {
  it(
    'a sign or code in the budget chooses the currency, once per sign typed',
    async () => {
      const { page } = await start({ setup: { currency: 'CNY' } });
      expect(await byId(page, 'currency').inputValue()).toBe('CNY');
      await byId(page, 'budget').fill('$50,000');
      expect(await byId(page, 'currency').inputValue()).toBe('USD');
      expect(await textOf(page, 'currency-note')).toBe('Currency set to USD from “$”.');
      expect(await textOf(page, 'budget-parsed')).toBe('= $50,000 a month');

      await byId(page, 'budget').fill('3万元');
      expect(await byId(page, 'currency').inputValue()).toBe('CNY');
      expect(await textOf(page, 'currency-note')).toBe('Currency set to CNY from “元”.');
      await byId(page, 'budget').fill('€2.5k');
      expect(await byId(page, 'currency').inputValue()).toBe('EUR');
      await byId(page, 'budget').fill('RMB 8000');
      expect(await byId(page, 'currency').inputValue()).toBe('CNY');

      // A currency chosen by hand stays while the same sign is edited.
      await byId(page, 'budget').fill('¥8000');
      await byId(page, 'currency').selectOption('JPY');
      await byId(page, 'budget').fill('¥80000');
      expect(await byId(page, 'currency').inputValue()).toBe('JPY');
      expect(await textOf(page, 'currency-note')).toBe('');
      // A plain number names no currency.
      await byId(page, 'budget').fill('30000');
      expect(await byId(page, 'currency').inputValue()).toBe('JPY');
      // A sign the chosen currency contradicts is named before anything is sent.
      await byId(page, 'budget').fill('5000美元');
      expect(await byId(page, 'currency').inputValue()).toBe('USD');
      await byId(page, 'currency').selectOption('EUR');
      expect(await textOf(page, 'budget-error')).toBe('“美元” is USD but the currency is EUR: change one of them.');
      expect(await byId(page, 'next').isDisabled()).toBe(true);
    },
    TEST_TIMEOUT,
  );
});

describe('planner: values edited in the Allocation tab', () => {
  it(
    'starts from the edited values and says so',
    async () => {
      const { page } = await start({ setup: { allocationEdits: EDITS } });
      expect(await byId(page, 'budget').inputValue()).toBe('40000');
      expect(await textOf(page, 'edits-note')).toBe('Started from the values edited in the “Allocation” tab: budget, tier mix.');
      await byId(page, 'next').click();
      expect(await byId(page, 'stage-custom').isChecked()).toBe(true);
      expect(await byId(page, 'mix-mid').inputValue()).toBe('45');
      expect(await byId(page, 'mix-micro').inputValue()).toBe('35');
    },
    TEST_TIMEOUT,
  );

  it(
    'asks before a build replaces edited inputs, and builds only once the user agrees',
    async () => {
      const { page, calls } = await start({ conflict: EDITS });
      await byId(page, 'budget').fill('30000');
      for (let i = 0; i < 4; i++) await byId(page, 'next').click();
      await byId(page, 'preview-table').waitFor(WAIT);
      await byId(page, 'build').click();
      await byId(page, 'overwrite-confirm').waitFor(WAIT);
      expect(await textOf(page, 'overwrite-confirm')).toContain(
        'The “Allocation” tab has values edited in the sheet (budget, tier mix). Building replaces them with this plan.',
      );
      expect(await textOf(page, 'status')).toBe('');
      const builds = () => calls.filter((c) => c.name === 'buildAllocation');
      expect(builds()).toHaveLength(1);
      expect(builds()[0]!.args).toHaveLength(1);

      await byId(page, 'overwrite').click();
      await page.waitForFunction(() => document.querySelector('[data-testid="status"]')?.textContent?.includes('updated') ?? false, undefined, WAIT);
      expect(builds()).toHaveLength(2);
      expect(builds()[1]!.args[1]).toEqual({ overwriteEdits: true });
      expect((builds()[1]!.args[0] as { budget: number }).budget).toBe(30_000);
      expect(await byId(page, 'overwrite-confirm').isHidden()).toBe(true);
    },
    TEST_TIMEOUT,
  );

  it(
    'takes the tab’s values instead when the user prefers them',
    async () => {
      const { page, calls } = await start({ conflict: EDITS });
      await byId(page, 'budget').fill('30000');
      for (let i = 0; i < 4; i++) await byId(page, 'next').click();
      await byId(page, 'preview-table').waitFor(WAIT);
      await byId(page, 'build').click();
      await byId(page, 'use-edits').click();
      await page.waitForFunction(() => document.querySelector('main')?.getAttribute('aria-busy') === 'false', undefined, WAIT);
      expect(await byId(page, 'overwrite-confirm').isHidden()).toBe(true);
      const previews = calls.filter((c) => c.name === 'previewAllocation');
      expect(previews[previews.length - 1]!.args[0]).toMatchObject({ budget: 40_000, stage: 'custom', mix: { mid: 0.45, micro: 0.35 } });
      expect(calls.filter((c) => c.name === 'buildAllocation')).toHaveLength(1);
      await byId(page, 'back').click();
      await byId(page, 'back').click();
      await byId(page, 'back').click();
      await byId(page, 'back').click();
      expect(await byId(page, 'budget').inputValue()).toBe('40000');
    },
    TEST_TIMEOUT,
  );
});
