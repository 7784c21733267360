/**
 * A roster opened from a file, by `--roster FILE` or from the page (its Open file button, or a file dropped on it):
 * the bytes are read by src/offline/import, and a file that reads becomes the roster a new workbook starts from.
 *
 * Opening a file replaces the whole workbook, as Reset does with the starting roster: the add-on's tabs
 * (Allocation, Dashboard, Rebalance, History), its saved column mapping and settings, and the change journal all
 * describe the previous roster, so keeping any of them would leave figures that no longer match. A file that does
 * not read changes nothing.
 */
import type { IncomingMessage } from 'node:http';
import { importNotice, importRoster, type ImportedRoster, type ImportLanguage } from '../src/offline/import';
import { MAX_FILE_BYTES } from '../src/offline/import/limits';
import { problemMessage } from '../src/offline/import/messages';

export type { ImportLanguage };

/** The roster as read from the file, with the report of how it was read (kept with a session saved by --out). */
export type ImportedSource = { kind: 'import'; fileName: string } & Omit<ImportedRoster, 'ok'>;

export type OpenedRoster = { ok: true; source: ImportedSource } | { ok: false; message: string };

/** Chinese workbooks get Chinese messages; every other locale gets English ones, as the add-on does. */
export const languageOf = (locale: string): ImportLanguage => (locale.startsWith('zh') ? 'zh' : 'en');

/**
 * `name` is how the file is shown in messages (the path as typed, for --roster); the workbook is named after its
 * last segment.
 */
export function openRoster(bytes: Uint8Array, name: string, options: { sheet?: string; language?: ImportLanguage } = {}): OpenedRoster {
  const result = importRoster(bytes, name, options);
  if (!result.ok) return result;
  const { ok: _ok, ...read } = result;
  return { ok: true, source: { kind: 'import', fileName: name.split(/[\\/]/).pop() || name, ...read } };
}

/** The one line the page shows (and `npm start` prints) after a file is opened. */
export function openedNotice(source: ImportedSource, language: ImportLanguage): string {
  const { kind: _kind, fileName, ...read } = source;
  return importNotice({ ok: true, ...read }, fileName, language);
}

export type Upload = { ok: true; bytes: Uint8Array; fileName: string; sheet?: string } | { ok: false; status: number; message: string };

/**
 * POST /api/import?name=FILE[&sheet=NAME] with the file's bytes as application/octet-stream: a content type a page
 * on another site cannot send without a CORS preflight, which this server never answers.
 */
export async function readUpload(req: IncomingMessage, query: URLSearchParams, language: ImportLanguage): Promise<Upload> {
  if (!/^application\/octet-stream\b/i.test(req.headers['content-type'] ?? '')) return { ok: false, status: 415, message: 'Send the file as application/octet-stream.' };
  const fileName = query.get('name')?.trim() || 'file';
  const sheet = query.get('sheet') ?? undefined;
  const tooLarge: Upload = { ok: false, status: 413, message: problemMessage({ reason: 'file-too-large' }, fileName, language) };
  if (Number(req.headers['content-length'] ?? 0) > MAX_FILE_BYTES) {
    req.resume();
    return tooLarge;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    // Read to the end (and drop) so the browser gets the answer rather than a broken connection.
    if (size <= MAX_FILE_BYTES) chunks.push(chunk as Buffer);
  }
  if (size > MAX_FILE_BYTES) return tooLarge;
  return { ok: true, bytes: new Uint8Array(Buffer.concat(chunks)), fileName, ...(sheet ? { sheet } : {}) };
}
