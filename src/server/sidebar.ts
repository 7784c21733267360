import type { SidebarStart } from '../shared/api';
import { allocationStart_, buildAllocation } from './allocation';

export const SIDEBAR_FILE = 'Sidebar';

/** The sidebar's root element as built: it opens the planner unless the server names another page. */
const START = /(<div id="app"[^>]*?)data-page="planner"/;

/** Menu: the sidebar on the planner. */
export function showSidebar(): void {
  openSidebar_({ page: 'planner' });
}

/** Menu: the sidebar on the rebalance page (through the roster page while the roster is not confirmed). */
export function menuRebalance(): void {
  openSidebar_({ page: 'rebalance' });
}

/** Menu: the sidebar on the settings page. */
export function menuSettings(): void {
  openSidebar_({ page: 'settings' });
}

/** The sidebar on a page, and what the page should do once the user is done there (see SidebarStart). */
export function openSidebar_(start: SidebarStart): void {
  const html = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle('Influencer Matrix');
  if (start.page !== 'planner' || start.then) {
    const attributes = `data-page="${start.page}"${start.then ? ` data-then="${start.then}"` : ''}`;
    html.setContent(html.getContent().replace(START, (_, before: string) => before + attributes));
  }
  SpreadsheetApp.getUi().showSidebar(html);
}

/**
 * Menu: rebuild the Allocation tab from the last plan with the tab's own edits in place, or open the planner when
 * there is no plan yet or the tab holds edits it cannot read (the planner shows them and asks).
 */
export function menuBuildAllocation(): void {
  const start = allocationStart_();
  const result = start ? buildAllocation(start) : null;
  if (!result || 'conflict' in result) {
    showSidebar();
    return;
  }
  SpreadsheetApp.getActive().toast(`"${result.sheetName}" ${result.created ? 'created' : 'refreshed'}.`, 'Influencer Matrix');
}
