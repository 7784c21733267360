/** Document lock and document properties: the other Apps Script services the add-on touches, kept beside the renderer. */

const LOCK_WAIT_MS = 20_000;

/**
 * Apps Script hands out no active spreadsheet, document lock or document properties (null) when the code runs
 * outside a spreadsheet, e.g. called from the script editor or as a web app.
 */
const OUTSIDE_SPREADSHEET = 'Influencer Matrix needs to run inside a spreadsheet: open it from Extensions → Influencer Matrix.';

export function activeSpreadsheet_(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const spreadsheet = SpreadsheetApp.getActive();
  if (!spreadsheet) throw new Error(OUTSIDE_SPREADSHEET);
  return spreadsheet;
}

/** Serialises builders: two people pressing Build at once must not interleave their writes to the same tab. */
export function withDocumentLock_<T>(work: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock) throw new Error(OUTSIDE_SPREADSHEET);
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    throw new Error('Another Influencer Matrix build is running in this workbook. Try again in a moment.');
  }
  try {
    const result = work();
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}

const PREFIX = 'influencer-matrix.';

function documentProperties_(): GoogleAppsScript.Properties.Properties {
  const properties = PropertiesService.getDocumentProperties();
  if (!properties) throw new Error(OUTSIDE_SPREADSHEET);
  return properties;
}

export function readSetting_<T>(key: string): T | null {
  const raw = documentProperties_().getProperty(PREFIX + key);
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export function writeSetting_(key: string, value: unknown): void {
  documentProperties_().setProperty(PREFIX + key, JSON.stringify(value));
}
