/**
 * Saving a playground session under the folder given with --out. The session is saved as the roster it started
 * from plus the journal of changes; each save replaces the file atomically (write a temporary file, flush it, rename
 * it over the old one), so a crash or a closed terminal mid-save leaves the previous state, never half a file.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { dayFromIso } from '../src/core/dates';
import { SAMPLE_REFERENCE_DATE } from '../src/offline/sample';
import type { RosterSource, SessionOp } from './session';

export const STATE_FILE = 'playground-state.json';
const FORMAT = 'influencer-matrix-playground';

export interface SavedSession {
  format: typeof FORMAT;
  version: 1;
  source: RosterSource;
  ops: SessionOp[];
  activeSheet: string | null;
}

export class StateError extends Error {}

export function savedSession(source: RosterSource, ops: SessionOp[], activeSheet: string | null): SavedSession {
  return { format: FORMAT, version: 1, source, ops, activeSheet };
}

/** Writes `data` to dir/name so that readers only ever see the old or the new content. */
export function writeAtomically(dir: string, name: string, data: string | Uint8Array): string {
  mkdirSync(dir, { recursive: true });
  const target = join(dir, name);
  const temp = join(dir, `.${name}.${process.pid}.tmp`);
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw e;
  }
  closeSync(fd);
  renameSync(temp, target);
  return target;
}

export function saveSession(dir: string, session: SavedSession): void {
  writeAtomically(dir, STATE_FILE, `${JSON.stringify(session, null, 1)}\n`);
}

/** The session saved in `dir`, or null when there is none yet. */
export function loadSession(dir: string): SavedSession | null {
  const file = join(dir, STATE_FILE);
  if (!existsSync(file)) return null;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new StateError(`${file} is not readable (${(e as Error).message}); remove it or start with --fresh.`);
  }
  const saved = data as Partial<SavedSession>;
  if (saved?.format !== FORMAT || saved.version !== 1 || !saved.source || !Array.isArray(saved.ops)) {
    throw new StateError(`${file} is not a playground session this version can read; remove it or start with --fresh.`);
  }
  const source = saved.source;
  if (source.kind === 'sample') {
    // Sessions saved before samples followed the calendar were generated around the fixed reference day.
    source.today ??= SAMPLE_REFERENCE_DATE;
    if (typeof source.today !== 'string' || !dayFromIso(source.today)) {
      throw new StateError(`${file} names a sample day that is not a date (${JSON.stringify(source.today)}); remove it or start with --fresh.`);
    }
  }
  return saved as SavedSession;
}
