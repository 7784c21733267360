/** Document lock and document properties: the other Apps Script services the add-on touches, kept beside the renderer. */

const LOCK_WAIT_MS = 20_000;

/** Serialises builders: two people pressing Build at once must not interleave their writes to the same tab. */
export function withDocumentLock_<T>(work: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(LOCK_WAIT_MS)) {
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

export function readSetting_<T>(key: string): T | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(PREFIX + key);
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export function writeSetting_(key: string, value: unknown): void {
  PropertiesService.getDocumentProperties().setProperty(PREFIX + key, JSON.stringify(value));
}
