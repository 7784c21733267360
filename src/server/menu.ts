import { languageForLocale } from '../plan/labels';

/**
 * The add-on menu. onOpen runs in AuthMode.NONE for a workbook where the add-on is installed but not yet used:
 * it may only build the menu, so nothing here reads the spreadsheet.
 */
const MENU = {
  en: [
    ['Open planner', 'showSidebar'],
    ['Build allocation', 'menuBuildAllocation'],
    ['Apply alerts', 'menuApplyAlerts'],
    ['Quarterly rebalance', 'menuRebalance'],
    ['Refresh dashboard', 'menuRefreshDashboard'],
    ['Settings', 'menuSettings'],
  ],
  zh: [
    ['打开预算规划', 'showSidebar'],
    ['生成预算分配表', 'menuBuildAllocation'],
    ['应用预警', 'menuApplyAlerts'],
    ['季度调配', 'menuRebalance'],
    ['刷新看板', 'menuRefreshDashboard'],
    ['设置', 'menuSettings'],
  ],
} as const;

function userLocale_(): string {
  try {
    return Session.getActiveUserLocale();
  } catch {
    return 'en'; // not every authorisation mode lets a trigger read the user's locale; English is the safe default
  }
}

export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const ui = SpreadsheetApp.getUi();
  const menu = ui.createAddonMenu();
  for (const [caption, functionName] of MENU[languageForLocale(userLocale_())]) {
    menu.addItem(caption, functionName);
  }
  menu.addToUi();
}

export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}
