import { buildAllocation, savedAllocation_ } from './allocation';

export const SIDEBAR_FILE = 'Sidebar';

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle('Influencer Matrix');
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Menu: rebuild the Allocation tab from the last plan, or open the planner when there is none yet. */
export function menuBuildAllocation(): void {
  const saved = savedAllocation_();
  if (!saved) {
    showSidebar();
    return;
  }
  const result = buildAllocation(saved);
  SpreadsheetApp.getActive().toast(`"${result.sheetName}" ${result.created ? 'created' : 'refreshed'}.`, 'Influencer Matrix');
}
