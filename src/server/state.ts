/**
 * The one saved state of a workbook, and the only way jobs read it: the settings (saved over the defaults), the
 * roster mapping the team confirmed (followed to where its headers are now, or detected while nothing is
 * confirmed) and where the alerts were last put. No job detects a roster or parses a saved value on its own.
 */
import * as z from 'zod/mini';
import { detectRoster, HEADER_SEARCH_ROWS } from '../core/roster';
import { resolveRoster, type ResolvedRoster, type SavedMapping } from '../core/roster-mapping';
import { mergeSettings, type Language, type Settings } from '../core/settings';
import { languageForLocale } from '../plan/labels';
import { ownedSheetNames_ } from '../sheets/render';
import { readSetting_, writeSetting_ } from '../sheets/services';
import { SavedMappingSchema } from './schemas';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const SETTINGS_KEY = 'settings';
const ROSTER_KEY = 'roster';
const ALERTS_KEY = 'alerts';

// ---- Settings ----

export interface WorkbookSettings {
  /** The saved settings over the defaults. */
  settings: Settings;
  /** False when nothing is saved: every value is its default. */
  saved: boolean;
}

export function workbookSettings_(): WorkbookSettings {
  const raw = readSetting_<unknown>(SETTINGS_KEY);
  return { settings: mergeSettings(raw), saved: raw !== null };
}

export function saveSettings_(settings: Settings): void {
  writeSetting_(SETTINGS_KEY, settings);
}

/** A saved null reads back as nothing saved, so the defaults apply again. */
export function forgetSettings_(): void {
  writeSetting_(SETTINGS_KEY, null);
}

/** The Language setting, or the workbook locale's language when it is "auto". */
export const languageOf_ = (settings: Settings, locale: string): Language => (settings.language === 'auto' ? languageForLocale(locale) : settings.language);

// ---- Tabs ----

export interface Tab {
  sheet: Sheet;
  name: string;
  /** One of the add-on's own tabs, never a roster. */
  generated: boolean;
}

/**
 * The workbook's grid tabs. Chart sheets and data-source sheets have no cells (Sheets refuses every range call on
 * them), so they are neither read nor offered.
 */
export function gridTabs_(spreadsheet: Spreadsheet): Tab[] {
  const generated = ownedSheetNames_(spreadsheet);
  return spreadsheet
    .getSheets()
    .filter((sheet) => sheet.getType() === SpreadsheetApp.SheetType.GRID)
    .map((sheet) => {
      const name = sheet.getName();
      return { sheet, name, generated: generated.has(name) };
    });
}

// ---- Roster ----

/** The mapping the team confirmed, or null when none is saved (or it was saved in a shape this version cannot read). */
export function savedMapping_(): SavedMapping | null {
  const parsed = z.safeParse(SavedMappingSchema, readSetting_<unknown>(ROSTER_KEY));
  return parsed.success ? (parsed.data as SavedMapping) : null;
}

export function saveMapping_(mapping: SavedMapping): void {
  writeSetting_(ROSTER_KEY, mapping);
}

/** A roster as found on its sheet now. */
export interface RosterOnSheet extends ResolvedRoster {
  tab: Tab;
  headerRow: number;
  /** The sheet's last row and column with content; data rows run from headerRow + 1 to lastRow. */
  lastRow: number;
  lastColumn: number;
}

export interface CurrentRoster {
  /** The confirmed roster followed to its columns now, else the best detection; null when no sheet looks like one. */
  roster: RosterOnSheet | null;
  /** The sheet of the confirmed mapping, when no tab has that name any more. */
  goneSheet: string | null;
}

/** The roster on one tab with its headers on `headerRow`: one read of that row. */
export function readRoster_(tab: Tab, headerRow: number, saved: SavedMapping | null): RosterOnSheet {
  const lastRow = tab.sheet.getLastRow();
  const lastColumn = tab.sheet.getLastColumn();
  const header = headerRow <= lastRow && lastColumn > 0 ? tab.sheet.getRange(headerRow, 1, 1, lastColumn).getValues()[0]! : [];
  return { ...resolveRoster(saved, tab.name, headerRow, header), tab, headerRow, lastRow, lastColumn };
}

/**
 * The roster every job works on: the confirmed mapping, followed to where its headers are now; or, while none is
 * confirmed (or its sheet is gone), the tab whose top rows look most like a roster.
 */
export function currentRoster_(spreadsheet: Spreadsheet, tabs: Tab[] = gridTabs_(spreadsheet), saved: SavedMapping | null = savedMapping_()): CurrentRoster {
  if (saved) {
    const tab = tabs.find((t) => t.name === saved.sheet && !t.generated);
    if (tab) return { roster: readRoster_(tab, saved.headerRow, saved), goneSheet: null };
  }
  const found = detectRosterIn_(tabs);
  if (!found) return { roster: null, goneSheet: saved ? saved.sheet : null };
  const { tab, headerRow, top, lastRow, lastColumn } = found;
  return { roster: { ...resolveRoster(null, tab.name, headerRow, top[headerRow - 1]!), tab, headerRow, lastRow, lastColumn }, goneSheet: saved ? saved.sheet : null };
}

export interface DetectedTab {
  tab: Tab;
  headerRow: number;
  /** The rows read to find it (up to HEADER_SEARCH_ROWS), header row included. */
  top: unknown[][];
  lastRow: number;
  lastColumn: number;
}

/** The tab whose header row names the most fields, reading only the top rows of each tab. */
export function detectRosterIn_(tabs: readonly Tab[]): DetectedTab | null {
  let best: DetectedTab | null = null;
  let bestCount = 0;
  for (const tab of tabs) {
    if (tab.generated) continue;
    const lastRow = tab.sheet.getLastRow();
    const lastColumn = tab.sheet.getLastColumn();
    if (lastRow === 0 || lastColumn === 0) continue;
    const top = tab.sheet.getRange(1, 1, Math.min(lastRow, HEADER_SEARCH_ROWS), lastColumn).getValues();
    const found = detectRoster(tab.name, top);
    const count = found ? Object.keys(found.columns).length : 0;
    if (found && count > bestCount) {
      best = { tab, headerRow: found.headerRow, top, lastRow, lastColumn };
      bestCount = count;
    }
  }
  return best;
}

/** The data rows below the header, as getValues gives them, in one read. */
export function rosterRows_(roster: RosterOnSheet): unknown[][] {
  const count = roster.lastRow - roster.headerRow;
  if (count <= 0 || roster.lastColumn === 0) return [];
  return roster.tab.sheet.getRange(roster.headerRow + 1, 1, count, roster.lastColumn).getValues();
}

// ---- Where the alerts are ----

/** The sheet the alert rules were last applied to, and the status column that got the dropdown (A1 range). */
export interface AlertsRecord {
  sheet: string;
  dropdown: string | null;
}

export function alertsRecord_(): AlertsRecord | null {
  const raw = readSetting_<Partial<AlertsRecord>>(ALERTS_KEY);
  if (!raw || typeof raw.sheet !== 'string') return null;
  return { sheet: raw.sheet, dropdown: typeof raw.dropdown === 'string' ? raw.dropdown : null };
}

export function saveAlertsRecord_(record: AlertsRecord | null): void {
  writeSetting_(ALERTS_KEY, record);
}
