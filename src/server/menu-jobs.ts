import type { Language } from '../core/settings';
import { activeSpreadsheet_, withDocumentLock_ } from '../sheets/services';
import type { SidebarJob } from '../shared/api';
import { TOAST_TITLE, TOASTS, type Toasts } from './messages';
import { openSidebar_ } from './sidebar';
import { currentRoster_, languageOf_, workbookSettings_, type RosterOnSheet } from './state';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** How a job that needs the roster words its toasts. */
export interface RosterJobWords {
  /** The roster is not confirmed yet: the roster page opens and runs the job once the columns are saved. */
  confirmFirst(say: Toasts): string;
  /** Mapped headers are gone from the roster: the page asks for their new columns first. */
  headersGone(say: Toasts, headers: readonly string[]): string;
}

/**
 * A menu item whose job needs a confirmed roster (Apply alerts, Refresh dashboard): runs it under the document lock
 * and confirms with a toast, or opens the roster page with the job to run once the columns are saved.
 */
export function runOnConfirmedRoster_(
  job: SidebarJob,
  words: RosterJobWords,
  run: (spreadsheet: Spreadsheet, roster: RosterOnSheet, language: Language, say: Toasts) => string,
): void {
  const spreadsheet = activeSpreadsheet_();
  const language = languageOf_(workbookSettings_().settings, spreadsheet.getSpreadsheetLocale());
  const say = TOASTS[language];
  const { roster } = currentRoster_(spreadsheet);
  const gone = roster?.fields.filter((f) => f.status === 'missing').map((f) => f.header ?? '') ?? [];
  if (!roster?.confirmed || gone.length > 0) {
    openSidebar_({ page: 'roster', then: job });
    spreadsheet.toast(gone.length ? words.headersGone(say, gone) : words.confirmFirst(say), TOAST_TITLE[language]);
    return;
  }
  const message = withDocumentLock_(() => run(spreadsheet, roster, language, say));
  spreadsheet.toast(message, TOAST_TITLE[language]);
}
