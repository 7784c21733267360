import { describe, expect, it } from 'vitest';
import { loadAddon } from './support/addon';
import { fieldOf, rosterAddon, ROWS } from './support/dashboard-addon';
import { HEADER } from './support/dashboard-roster';

/**
 * The Refresh dashboard menu item through the built bundle: the roster page first (which refreshes once the mapping
 * is saved, see sidebar-dashboard.browser.test.ts), then a toast of the tiles.
 */

describe('the Refresh dashboard menu item', () => {
  it('opens the roster page first while the roster is not confirmed, then refreshes and says how the tiles stand', () => {
    const addon = rosterAddon();
    addon.run('menuRefreshDashboard');
    // The roster page goes on to the dashboard page and refreshes it once the mapping is saved.
    expect(addon.workbook.ui.sidebar!.content).toContain('data-page="roster" data-then="refresh-dashboard"');
    expect(addon.workbook.ui.toasts.at(-1)).toEqual({
      title: 'Influencer Matrix',
      message: 'Confirm the roster columns in the sidebar: the dashboard is refreshed as soon as they are saved.',
    });
    expect(addon.workbook.snapshot().sheets.map((s) => s.name)).not.toContain('Dashboard');

    addon.run('saveRoster', { sheet: 'Roster', headerRow: 1, columns: Object.fromEntries(HEADER.map((h, i) => [fieldOf(h), i + 1])) });
    addon.run('menuRefreshDashboard');
    // Tiles by hand (see the first test): active red; ROAS, CPA, overdue yellow; expiring, follow-ups green; spend and
    // revenue have no plan to be judged against.
    expect(addon.workbook.ui.toasts.at(-1)!.message).toBe('"Dashboard" created: 2 on track, 3 to watch, 1 to act on now.');
    addon.run('menuRefreshDashboard');
    expect(addon.workbook.ui.toasts.at(-1)!.message).toBe('"Dashboard" refreshed: 2 on track, 3 to watch, 1 to act on now.');
  });

  it('speaks Chinese in a Chinese workbook and names a mapped column that is gone', () => {
    const addon = rosterAddon(ROWS, { locale: 'zh_CN' });
    addon.run('saveRoster', { sheet: 'Roster', headerRow: 1, columns: { name: 1, spend: 3, revenue: 4 } });
    addon.workbook.spreadsheet.getSheetByName('Roster')!.getRange('D1').setValue('Notes');
    addon.run('menuRefreshDashboard');
    expect(addon.workbook.ui.toasts.at(-1)).toEqual({
      title: '达人矩阵',
      message: '达人名单中已找不到列 “Revenue”：请在侧边栏为其选择新列或“无”，随后刷新看板。',
    });
    expect(addon.workbook.ui.sidebar!.content).toContain('data-page="roster" data-then="refresh-dashboard"');
  });

  it('needs the spreadsheet', () => {
    const addon = loadAddon({ outsideDocument: true });
    for (const name of ['buildDashboard', 'menuRefreshDashboard']) {
      expect(() => addon.run(name), name).toThrow('Influencer Matrix needs to run inside a spreadsheet: open it from Extensions → Influencer Matrix.');
    }
  });
});
