import { defaultSettings } from '../core/allocation';
import { CURRENCY_CODES, STAGE_MIX } from '../core/domain';
import { activeSpreadsheet_ } from '../sheets/services';
import type { SetupInfo } from '../shared/api';
import { allocationEdits_, plannerCurrency_, savedAllocation_ } from './allocation';
import { teamMix_ } from './roster-results';
import { currentRoster_, gridTabs_, languageOf_, workbookSettings_ } from './state';

/**
 * What the sidebar needs to start. Reads only the header row of the confirmed roster, or the top rows of each tab
 * while none is confirmed, however long the roster is. Chart sheets and data-source sheets are neither read nor
 * offered (see gridTabs_). While nothing was planned yet, the roster's rows are read once more, for the team's own
 * mix the planner starts from.
 */
export function getSetup(): SetupInfo {
  const spreadsheet = activeSpreadsheet_();
  const locale = spreadsheet.getSpreadsheetLocale();
  const tabs = gridTabs_(spreadsheet);
  const { roster } = currentRoster_(spreadsheet, tabs);
  const { settings } = workbookSettings_();
  const defaults = defaultSettings(0);
  const savedAllocation = savedAllocation_();
  return {
    locale,
    language: languageOf_(settings, locale),
    currency: plannerCurrency_(settings, locale, roster),
    currencies: CURRENCY_CODES.slice(),
    timeZone: spreadsheet.getSpreadsheetTimeZone(),
    savedAllocation,
    allocationEdits: allocationEdits_(spreadsheet),
    sheets: tabs.map(({ name, generated }) => ({ name, generated })),
    teamMix: savedAllocation ? null : teamMix_(spreadsheet, settings, roster),
    roster: roster?.detection ?? null,
    rosterConfirmed: roster?.confirmed ?? false,
    defaults: {
      stageMix: STAGE_MIX,
      costPerPost: defaults.costPerPost,
      partnershipMix: defaults.partnershipMix,
      geoMix: defaults.geoMix,
      aov: defaults.aov,
      targetRoas: defaults.targetRoas,
    },
  };
}
