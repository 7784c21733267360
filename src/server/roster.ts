import { columnLetters } from '../core/alerts-expr';
import { detectRoster, HEADER_SEARCH_ROWS } from '../core/roster';
import { FIELD_ORDER, headerText, resolveRoster, type SavedMapping } from '../core/roster-mapping';
import { ALERT_LABELS } from '../plan/labels';
import { activeSpreadsheet_, withDocumentLock_ } from '../sheets/services';
import type { RosterView, RosterWarning } from '../shared/api';
import { parseInput_, RosterMappingSchema, RosterRequestSchema } from './schemas';
import { detectRosterIn_, gridTabs_, saveMapping_, savedMapping_, type Tab } from './state';

/**
 * The roster mapping page's server side: the sheet, its header row and the column of every field, with sample
 * values, for the user to correct and confirm. Reads the top rows of a sheet only, however long the roster is.
 */

/** Rows below the header searched for each column's sample values. */
const SAMPLE_ROWS = 20;
const SAMPLES = 2;

/** The roster as the mapping page shows it: the sheet and header row asked for, else the saved mapping, else a detection. */
export function getRoster(request?: unknown): RosterView {
  const asked = parseInput_(RosterRequestSchema, request ?? {}, 'roster request');
  const tabs = gridTabs_(activeSpreadsheet_());
  const saved = savedMapping_();
  if (asked.sheet !== undefined) {
    const tab = rosterTab_(tabs, asked.sheet);
    return rosterView_(tabs, tab, asked.headerRow ?? (saved?.sheet === tab.name ? saved.headerRow : undefined), saved, []);
  }
  const savedTab = saved && tabs.find((t) => t.name === saved.sheet && !t.generated);
  if (saved && savedTab) return rosterView_(tabs, savedTab, asked.headerRow ?? saved.headerRow, saved, []);
  const warnings: RosterWarning[] = saved ? [{ code: 'sheet-gone', sheet: saved.sheet }] : [];
  const found = detectRosterIn_(tabs);
  if (!found) return emptyView_(tabs, [...warnings, { code: 'no-roster' }]);
  return rosterView_(tabs, found.tab, asked.headerRow ?? found.headerRow, saved, warnings);
}

/** Saves the mapping with the header now in each mapped column, so later reads follow a column by its header. */
export function saveRoster(mapping: unknown): RosterView {
  const asked = parseInput_(RosterMappingSchema, mapping, 'roster mapping');
  return withDocumentLock_(() => {
    const tabs = gridTabs_(activeSpreadsheet_());
    const tab = rosterTab_(tabs, asked.sheet);
    const lastRow = tab.sheet.getLastRow();
    const lastColumn = tab.sheet.getLastColumn();
    const header = asked.headerRow <= lastRow && lastColumn > 0 ? tab.sheet.getRange(asked.headerRow, 1, 1, lastColumn).getValues()[0]! : [];
    const columns: SavedMapping['columns'] = {};
    const problems: string[] = [];
    for (const field of FIELD_ORDER) {
      const column = asked.columns[field];
      if (column === undefined) continue;
      const text = headerText(header[column - 1]);
      if (text) columns[field] = { column, header: text };
      else problems.push(`${ALERT_LABELS.en.fields[field]}: column ${columnLetters(column)} has no header in row ${asked.headerRow}`);
    }
    if (problems.length) throw new Error(`Invalid roster mapping: ${problems.join('; ')}.`);
    const saved: SavedMapping = { sheet: tab.name, headerRow: asked.headerRow, columns };
    saveMapping_(saved);
    return rosterView_(tabs, tab, asked.headerRow, saved, []);
  });
}

/** A grid tab by its exact name, refusing the add-on's own tabs. */
function rosterTab_(tabs: readonly Tab[], name: string): Tab {
  const tab = tabs.find((t) => t.name === name);
  if (!tab) throw new Error(`There is no sheet named "${name}" in this workbook.`);
  if (tab.generated) throw new Error(`"${name}" is a tab Influencer Matrix writes, not a roster: pick the sheet that lists your influencers.`);
  return tab;
}

const sheetList_ = (tabs: readonly Tab[]): RosterView['sheets'] => tabs.map((t) => ({ name: t.name, generated: t.generated }));

function emptyView_(tabs: readonly Tab[], warnings: RosterWarning[]): RosterView {
  return {
    sheet: null,
    headerRow: 1,
    headerRows: HEADER_SEARCH_ROWS,
    sheets: sheetList_(tabs),
    headers: [],
    fields: FIELD_ORDER.map((field) => ({ field, column: null, header: null, status: 'none' })),
    dataRows: 0,
    confirmed: false,
    warnings,
  };
}

/**
 * One tab as the page shows it, from one read of its top rows (values for the headers, display values for the
 * samples). Without a header row, the row detection finds there, else row 1.
 */
function rosterView_(tabs: readonly Tab[], tab: Tab, headerRow: number | undefined, saved: SavedMapping | null, warnings: RosterWarning[]): RosterView {
  const lastRow = tab.sheet.getLastRow();
  const lastColumn = tab.sheet.getLastColumn();
  const depth = Math.min(lastRow, Math.max(HEADER_SEARCH_ROWS, headerRow ?? 0) + SAMPLE_ROWS);
  const range = depth > 0 && lastColumn > 0 ? tab.sheet.getRange(1, 1, depth, lastColumn) : null;
  const values: unknown[][] = range ? range.getValues() : [];
  const shown: string[][] = range ? range.getDisplayValues() : [];
  const row = headerRow ?? detectRoster(tab.name, values)?.headerRow ?? 1;
  const header = values[row - 1] ?? [];
  const resolved = resolveRoster(saved, tab.name, row, header);
  const headers = header
    .map((raw, i) => ({ column: i + 1, header: headerText(raw), samples: samples_(shown, row, i) }))
    .filter((h) => h.header !== '');
  const dataRows = Math.max(0, lastRow - row);
  const problems: RosterWarning[] = [];
  if (headers.length === 0) problems.push({ code: 'empty-header-row', row });
  if (dataRows === 0) problems.push({ code: 'no-data' });
  return {
    sheet: tab.name,
    headerRow: row,
    headerRows: HEADER_SEARCH_ROWS,
    sheets: sheetList_(tabs),
    headers,
    fields: resolved.fields,
    dataRows,
    confirmed: resolved.confirmed,
    warnings: [...warnings, ...problems],
  };
}

/** The first non-blank values of a column below the header row, as the sheet displays them. */
function samples_(shown: readonly string[][], headerRow: number, index: number): string[] {
  const found: string[] = [];
  for (let r = headerRow; r < shown.length && found.length < SAMPLES; r++) {
    const text = (shown[r]![index] ?? '').trim();
    if (text) found.push(text);
  }
  return found;
}
