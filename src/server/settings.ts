import { DEFAULT_SETTINGS, type Settings } from '../core/settings';
import { withDocumentLock_ } from '../sheets/services';
import type { SettingsView } from '../shared/api';
import { parseInput_ } from './schemas';
import { settingsAfter_, SettingsPatchSchema } from './settings-schema';
import { forgetSettings_, saveSettings_, workbookSettings_ } from './state';

/** The settings page's server side: the alert thresholds, tier scheme, currency and language of this workbook. */

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function view_(settings: Settings, saved: boolean): SettingsView {
  return { settings, defaults: copy(DEFAULT_SETTINGS), saved };
}

export function getSettings(): SettingsView {
  const { settings, saved } = workbookSettings_();
  return view_(settings, saved);
}

/**
 * Saves a change: the whole settings or any part of them, laid over what is saved. Nothing is saved unless the
 * result is consistent; the error names every problem.
 */
export function saveSettings(patch: unknown): SettingsView {
  parseInput_(SettingsPatchSchema, patch, 'settings'); // a malformed request is refused before waiting for the lock
  return withDocumentLock_(() => {
    const next = settingsAfter_(patch, workbookSettings_().settings);
    saveSettings_(next);
    return view_(next, true);
  });
}

export function resetSettings(): SettingsView {
  return withDocumentLock_(() => {
    forgetSettings_();
    return view_(copy(DEFAULT_SETTINGS), false);
  });
}
