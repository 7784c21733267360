import { defaultSettings } from '../core/allocation';
import { CURRENCY_CODES, currencyForLocale, STAGE_MIX } from '../core/domain';
import { detectRoster, HEADER_SEARCH_ROWS, type RosterDetection } from '../core/roster';
import { languageForLocale } from '../plan/labels';
import { ownedSheetNames_ } from '../sheets/render';
import { activeSpreadsheet_ } from '../sheets/services';
import type { SetupInfo } from '../shared/api';
import { savedAllocation_ } from './allocation';

/**
 * What the sidebar needs to start. Reads only the top rows of each tab, however long the roster is. Chart sheets and
 * data-source sheets have no cells to read (Sheets refuses every range call on them), so they are neither read nor
 * offered.
 */
export function getSetup(): SetupInfo {
  const spreadsheet = activeSpreadsheet_();
  const locale = spreadsheet.getSpreadsheetLocale();
  const generated = ownedSheetNames_(spreadsheet);
  const sheets = spreadsheet
    .getSheets()
    .filter((sheet) => sheet.getType() === SpreadsheetApp.SheetType.GRID)
    .map((sheet) => ({ sheet, name: sheet.getName() }));
  let roster: RosterDetection | null = null;
  for (const { sheet, name } of sheets) {
    if (generated.has(name)) continue;
    const rows = Math.min(sheet.getLastRow(), HEADER_SEARCH_ROWS);
    const columns = sheet.getLastColumn();
    if (rows === 0 || columns === 0) continue;
    const found = detectRoster(name, sheet.getRange(1, 1, rows, columns).getValues());
    if (found && (!roster || Object.keys(found.columns).length > Object.keys(roster.columns).length)) roster = found;
  }
  const defaults = defaultSettings(0);
  return {
    locale,
    language: languageForLocale(locale),
    currency: currencyForLocale(locale),
    currencies: CURRENCY_CODES.slice(),
    timeZone: spreadsheet.getSpreadsheetTimeZone(),
    savedAllocation: savedAllocation_(),
    sheets: sheets.map(({ name }) => ({ name, generated: generated.has(name) })),
    roster,
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
