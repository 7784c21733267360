import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Settings } from '../src/shared/api';
import { sidebarSuite } from './support/browser-suite';
import { createPagesFake, HOSTILE_SHEET, HOSTILE_VALUE, movedView, startingOn, type PagesFakeOptions } from './support/fake-roster-server';

/**
 * The sidebar as an app, in headless Chromium against a hand-written fake server: the home page, the roster
 * mapping with its alerts legend, and the settings, in English and in Simplified Chinese.
 */

const TEST_TIMEOUT = 60_000;
const WAIT = { timeout: 20_000 };

const suite = sidebarSuite();

async function start(page: string, options: PagesFakeOptions = {}, then?: string) {
  const fake = createPagesFake(options);
  const sidebar = await suite.open(fake.handler, { html: startingOn(suite.html, page, then) });
  await sidebar.page.getByTestId(`page-${page}`).waitFor(WAIT);
  return { ...sidebar, fake };
}

const byId = (page: Page, id: string) => page.getByTestId(id);
const textOf = async (page: Page, id: string): Promise<string> => ((await byId(page, id).textContent(WAIT)) ?? '').trim();

async function waitForText(page: Page, id: string, expected: string): Promise<void> {
  await page.waitForFunction(
    ([testid, piece]) => document.querySelector(`[data-testid="${testid}"]`)?.textContent?.includes(piece) ?? false,
    [id, expected] as const,
    WAIT,
  );
}

async function noMarkupRan(page: Page): Promise<void> {
  expect(await page.locator('img').count()).toBe(0);
  expect(await page.evaluate(() => (globalThis as { __xss?: unknown }).__xss)).toBeUndefined();
}

describe('home', () => {
  it(
    'lists the jobs and opens each page, with Back leading home',
    async () => {
      const { page, calls } = await start('home');
      expect(await textOf(page, 'page-title')).toBe('Influencer Matrix');
      const jobs = await page.locator('[data-testid="jobs"] button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-testid')));
      expect(jobs).toEqual(['job-planner', 'job-roster', 'job-rebalance', 'job-dashboard', 'job-settings']);
      expect(await textOf(page, 'job-roster')).toContain('Roster & alerts');
      expect(await byId(page, 'nav-back').isHidden()).toBe(true);

      await byId(page, 'job-settings').click();
      await byId(page, 'set-roasLow').waitFor(WAIT);
      expect(await textOf(page, 'page-title')).toBe('Settings');
      expect(await textOf(page, 'nav-back')).toBe('‹ Influencer Matrix');
      await byId(page, 'nav-back').click();
      expect(await textOf(page, 'page-title')).toBe('Influencer Matrix');
      await byId(page, 'job-planner').click();
      await waitForText(page, 'step-title', 'Budget');
      expect(calls.map((c) => c.name)).toEqual(['getSetup', 'getSettings']);
    },
    TEST_TIMEOUT,
  );
});

describe('roster and alerts', () => {
  it(
    'follows a moved column, names a gone one, saves a corrected mapping, applies alerts and shows the legend',
    async () => {
      const { page, calls, fake } = await start('roster', { roster: movedView() });
      await byId(page, 'map-followers').waitFor(WAIT);
      expect(await textOf(page, 'page-title')).toBe('Roster & alerts');
      expect(await byId(page, 'roster-sheet').inputValue()).toBe(HOSTILE_SHEET);
      expect(await byId(page, 'roster-header-row').inputValue()).toBe('1');
      expect(await byId(page, 'map-followers').inputValue()).toBe('3');
      expect(await textOf(page, 'samples-followers')).toBe('e.g. 12,000 · 3.4万');
      expect(await textOf(page, 'samples-name')).toBe(`e.g. 小美 · ${HOSTILE_VALUE}`);
      expect(await textOf(page, 'field-status-revenue')).toBe('Moved from column F to G; the mapping follows it.');
      expect(await textOf(page, 'field-status-contractEnd')).toBe('The column “合同到期” is gone. Choose its new column or “none”.');
      expect(await byId(page, 'map-contractEnd').inputValue()).toBe('');

      // Correct two fields from the sheet's headers.
      await byId(page, 'map-engagementRate').selectOption({ label: 'H · ER (30d)' });
      expect(await textOf(page, 'samples-engagementRate')).toBe('e.g. 7.5% · 9.1%');
      expect(await textOf(page, 'field-status-engagementRate')).toBe('Changed: confirm to save');
      await byId(page, 'map-contractEnd').selectOption('9');
      expect(await textOf(page, 'samples-contractEnd')).toBe('e.g. 2026年11月30日 · 2026-12-01');
      // Two fields on one column cannot be saved.
      await byId(page, 'map-platform').selectOption('3');
      await waitForText(page, 'roster-error', 'Platform and Followers use the same column C.');
      expect(await byId(page, 'roster-confirm').isDisabled()).toBe(true);
      await byId(page, 'map-platform').selectOption('');
      expect(await textOf(page, 'roster-error')).toBe('');

      await byId(page, 'roster-confirm').click();
      await waitForText(page, 'status', 'Roster columns saved for sheet');
      expect(fake.saved.roster).toEqual({
        sheet: HOSTILE_SHEET,
        headerRow: 1,
        columns: { name: 1, followers: 3, engagementRate: 8, cost: 5, revenue: 7, contractEnd: 9 },
      });
      expect(await textOf(page, 'field-status-contractEnd')).toBe('Saved');

      await byId(page, 'alerts-apply').click();
      await byId(page, 'alerts-legend').waitFor(WAIT);
      expect(calls.find((c) => c.name === 'applyAlerts')?.args).toEqual([{ language: 'en' }]);
      expect(await textOf(page, 'legend-roas-low')).toContain('ROAS low');
      expect(await textOf(page, 'count-roas-low')).toBe('3 rows');
      expect(await textOf(page, 'count-roas-star')).toBe('0 rows');
      expect(await textOf(page, 'count-contract-expiring')).toBe('2 rows');
      const swatches = await page.locator('[data-testid="alerts-legend"] [data-testid="swatch"]').evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundColor));
      expect(swatches).toEqual(['rgb(234, 153, 153)', 'rgb(182, 215, 168)', 'rgb(249, 203, 156)']);
      expect(await textOf(page, 'skipped-payment-overdue')).toBe('Payment overdue: needs Payment due and Payment status, or Payment due and Status');
      expect(await textOf(page, 'unchecked-contract-expiring')).toBe(
        `Contract expiring, column I “${HOSTILE_VALUE}”: rows 5, 9, 12, 20, 31 and 40 more (dates written as text)`,
      );
      expect(await textOf(page, 'status')).toBe(`Alerts applied to “${HOSTILE_SHEET}”: 3 of 4 alerts.`);
      await noMarkupRan(page);

      await byId(page, 'alerts-remove').click();
      await waitForText(page, 'status', `Removed 15 alert rules from “${HOSTILE_SHEET}”.`);
      expect(await byId(page, 'alerts-legend').count()).toBe(0);
    },
    TEST_TIMEOUT,
  );

  it(
    'picks another sheet and header row, and keeps alerts off until the roster is confirmed',
    async () => {
      const { page, calls } = await start('roster');
      await byId(page, 'map-name').waitFor(WAIT);
      expect(await textOf(page, 'roster-state')).toBe('Not confirmed yet: check the columns, then confirm.');
      expect(await byId(page, 'alerts-apply').isDisabled()).toBe(true);
      expect(await textOf(page, 'alerts-hint')).toBe('Confirm the roster columns to apply alerts.');
      // The add-on's own tabs are not offered as the roster.
      const sheets = await byId(page, 'roster-sheet').locator('option').allTextContents();
      expect(sheets).toEqual([HOSTILE_SHEET, 'Notes']);

      await byId(page, 'roster-sheet').selectOption('Notes');
      await page.waitForFunction(() => (document.querySelector('[data-testid="map-name"]') as HTMLSelectElement | null)?.value === '', undefined, WAIT);
      expect(await byId(page, 'map-name').locator('option').allTextContents()).toEqual(['— none —', 'A · Idea']);
      await byId(page, 'roster-header-row').selectOption('2');
      await page.waitForFunction(() => document.querySelector('main')?.getAttribute('aria-busy') === 'false', undefined, WAIT);
      expect(calls.filter((c) => c.name === 'getRoster').map((c) => c.args)).toEqual([[], [{ sheet: 'Notes' }], [{ sheet: 'Notes', headerRow: 2 }]]);
    },
    TEST_TIMEOUT,
  );

  it(
    'in Simplified Chinese: opened to apply alerts, confirms the mapping and applies them at once',
    async () => {
      const { page, calls, fake } = await start('roster', { setup: { locale: 'zh_CN', language: 'zh' } }, 'apply-alerts');
      await byId(page, 'map-followers').waitFor(WAIT);
      expect(await textOf(page, 'page-title')).toBe('达人名单与预警');
      expect(await textOf(page, 'nav-back')).toBe('‹ 达人矩阵');
      expect(await page.locator(`label[for="${await byId(page, 'map-followers').getAttribute('id')}"]`).textContent()).toBe('粉丝数');
      expect(await textOf(page, 'field-status-followers')).toBe('按表头识别');
      expect(await textOf(page, 'samples-cost')).toBe('示例：¥2,000 · ¥5,000');
      expect(await textOf(page, 'roster-confirm')).toBe('确认列对应');
      expect(await textOf(page, 'roster-summary')).toBe('已对应 6/8 个字段 · 48 行数据');

      await byId(page, 'map-contractEnd').selectOption('9');
      expect(await textOf(page, 'field-status-contractEnd')).toBe('已修改：确认后保存');
      await byId(page, 'roster-confirm').click();
      await byId(page, 'alerts-legend').waitFor(WAIT);
      expect(calls.map((c) => c.name)).toEqual(['getSetup', 'getRoster', 'saveRoster', 'applyAlerts']);
      expect(calls[3]!.args).toEqual([{ language: 'zh' }]);
      expect(fake.saved.roster?.columns).toEqual({ name: 1, platform: 2, followers: 3, engagementRate: 4, cost: 5, revenue: 7, contractEnd: 9 });
      expect(await textOf(page, 'legend-roas-low')).toContain('ROAS 偏低');
      expect(await textOf(page, 'count-roas-low')).toBe('3 行');
      expect(await textOf(page, 'skipped-payment-overdue')).toBe('付款逾期：需要付款日期和付款状态，或付款日期和合作状态');
      expect(await textOf(page, 'unchecked-contract-expiring')).toBe(`合同即将到期，I 列“${HOSTILE_VALUE}”：第 5、9、12、20、31 行等共 45 行（以文本形式填写的日期）`);
      expect(await textOf(page, 'status')).toBe(`已在“${HOSTILE_SHEET}”应用预警：4 项中的 3 项。`);

      // A switch to English rewords the legend without asking the server again.
      await byId(page, 'lang').selectOption('en');
      await waitForText(page, 'count-roas-low', '3 rows');
      expect(await textOf(page, 'legend-roas-low')).toContain('ROAS low');
      expect(calls).toHaveLength(4);
      await noMarkupRan(page);
    },
    TEST_TIMEOUT,
  );
});

describe('settings', () => {
  const DEFAULT_ALERTS: Settings['alerts'] = {
    roasLow: 2,
    roasStar: 5,
    expiringDays: 30,
    engagementDrop: 0.3,
    boughtEngagementMultiple: 2,
    engagementTop: { mega: 0.03, macro: 0.05, mid: 0.1, micro: 0.2, nano: 0.2 },
    followUpDays: { followUp: 3, email: 7, unresponsive: 14 },
    totalScore: { green: 70, yellow: 50 },
    rating: { green: 8, yellow: 7 },
  };

  it(
    'checks each threshold, saves a custom tier table and resets to the defaults',
    async () => {
      const { page, calls, fake } = await start('settings');
      await page.waitForFunction(() => (document.querySelector('[data-testid="set-roasLow"]') as HTMLInputElement | null)?.value === '2', undefined, WAIT);
      expect(await byId(page, 'set-engagementDrop').inputValue()).toBe('30');
      expect(await byId(page, 'set-followUpDays-unresponsive').inputValue()).toBe('14');
      expect(await byId(page, 'scheme-matrix').isChecked()).toBe(true);
      expect(await textOf(page, 'settings-note')).toBe('All settings are at their defaults.');

      await byId(page, 'set-roasStar').fill('1.5');
      await waitForText(page, 'set-roasStar-error', 'Must be above “ROAS low: below” (2).');
      await byId(page, 'set-expiringDays').fill('7.5');
      await waitForText(page, 'set-expiringDays-error', 'Enter a whole number of days.');
      await byId(page, 'set-engagementDrop').fill('100');
      await waitForText(page, 'set-engagementDrop-error', 'Enter a value above 0 and below 100.');
      await byId(page, 'settings-save').click();
      await waitForText(page, 'error', 'Check the values marked in red before saving.');
      expect(calls.map((c) => c.name)).not.toContain('saveSettings');

      await byId(page, 'set-roasStar').fill('6');
      await byId(page, 'set-expiringDays').fill('14');
      await byId(page, 'set-engagementDrop').fill('25');
      await byId(page, 'scheme-custom').check();
      expect(await byId(page, 'tier-name-0').inputValue()).toBe('Mega');
      await byId(page, 'tier-remove-4').click();
      await byId(page, 'tier-min-3').fill('5k');
      await byId(page, 'tier-add').click();
      await byId(page, 'tier-name-4').fill('Starter');
      await waitForText(page, 'tiers-error', 'Row 5: the minimum must be a whole number of followers');
      await byId(page, 'tier-min-4').fill('0');
      await byId(page, 'tier-top-4').fill('25');
      await byId(page, 'set-currency').selectOption('USD');
      await byId(page, 'settings-save').click();
      await waitForText(page, 'status', 'Settings saved.');
      expect(fake.saved.settings).toEqual({
        alerts: { ...DEFAULT_ALERTS, roasStar: 6, expiringDays: 14, engagementDrop: 0.25 },
        // The page does not edit the dashboard bands: they go back as they came (the defaults).
        dashboard: { bands: expect.objectContaining({ roas: { green: 3, yellow: 2 }, churn: { green: 0.1, yellow: 0.15 } }) },
        tierScheme: {
          custom: [
            { tier: 'Mega', minFollowers: 500_000 },
            { tier: 'Macro', minFollowers: 100_000 },
            { tier: 'Mid', minFollowers: 10_000 },
            { tier: 'Micro', minFollowers: 5_000 },
            { tier: 'Starter', minFollowers: 0, engagementTop: 0.25 },
          ],
        },
        currency: 'USD',
        language: 'auto',
      });

      await byId(page, 'settings-reset').click();
      await waitForText(page, 'status', 'Settings reset to defaults.');
      expect(await byId(page, 'set-roasStar').inputValue()).toBe('5');
      expect(await byId(page, 'scheme-matrix').isChecked()).toBe(true);
      expect(await byId(page, 'set-currency').inputValue()).toBe('auto');
      expect(calls.map((c) => c.name)).toEqual(['getSetup', 'getSettings', 'saveSettings', 'resetSettings']);
    },
    TEST_TIMEOUT,
  );

  it(
    'shows the server’s message when it refuses, and speaks the language saved',
    async () => {
      const message = 'Invalid settings: the low ROAS threshold must be below the star ROAS threshold.';
      const fake = createPagesFake();
      const sidebar = await suite.open((name, args) => {
        if (name === 'saveSettings' && (args[0] as Settings).language === 'en') throw new Error(message);
        return fake.handler(name, args);
      }, { html: startingOn(suite.html, 'settings') });
      const { page } = sidebar;
      await page.waitForFunction(() => (document.querySelector('[data-testid="set-roasLow"]') as HTMLInputElement | null)?.value === '2', undefined, WAIT);
      await byId(page, 'set-language').selectOption('en');
      await byId(page, 'settings-save').click();
      await waitForText(page, 'error', message);

      await byId(page, 'set-language').selectOption('zh');
      await byId(page, 'settings-save').click();
      await waitForText(page, 'status', '设置已保存');
      expect(await textOf(page, 'page-title')).toBe('设置');
      expect(await textOf(page, 'settings-reset')).toBe('恢复默认');
      expect(await page.locator(`label[for="${await byId(page, 'set-roasLow').getAttribute('id')}"]`).textContent()).toBe('ROAS 偏低：低于');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    },
    TEST_TIMEOUT,
  );
});
