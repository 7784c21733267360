import { asWrittenInputs, editedFields, readTab, startingRequest, type TabReading, type WrittenInputs } from '../plan/allocation-edits';
import { INPUT_BLOCK } from '../plan/allocation-inputs';
import { ALLOCATION_KIND } from '../plan/allocation-sheet';
import { findOwnedSheet_ } from '../sheets/render';
import { readSetting_ } from '../sheets/services';
import type { AllocationInput, AllocationTabEdits } from '../shared/api';

/** Document property holding what the last build wrote into the tab's input cells (plan/allocation-edits.ts). */
export const WRITTEN_KEY = 'allocation.tab';

export interface AllocationTabState {
  sheetName: string;
  written: WrittenInputs;
  reading: TabReading;
}

/**
 * The add-on's Allocation tab compared with what the last build wrote there: one read of the input block (values and
 * number formats), whatever the tab holds elsewhere. Null when there is no tab or no record of the build.
 */
export function readAllocationTab_(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): AllocationTabState | null {
  const written = asWrittenInputs(readSetting_<unknown>(WRITTEN_KEY));
  if (!written) return null;
  const sheet = findOwnedSheet_(spreadsheet, ALLOCATION_KIND);
  if (!sheet) return null;
  const sheetName = sheet.getName();
  let block: { values: unknown[][]; formats: string[][] };
  try {
    const range = sheet.getRange(INPUT_BLOCK.top, INPUT_BLOCK.left, INPUT_BLOCK.bottom - INPUT_BLOCK.top + 1, INPUT_BLOCK.right - INPUT_BLOCK.left + 1);
    block = { values: range.getValues(), formats: range.getNumberFormats() };
  } catch {
    // The tab lost rows or columns to the user: its inputs are not where they were written.
    block = { values: [], formats: [] };
  }
  return { sheetName, written, reading: readTab(written, block) };
}

/** The edits as getSetup reports them: null when every input cell still holds what the build wrote. */
export function tabEdits_(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, saved: AllocationInput): AllocationTabEdits | null {
  const tab = readAllocationTab_(spreadsheet);
  if (!tab) return null;
  const fields = editedFields(tab.reading);
  const { problems } = tab.reading;
  if (fields.length === 0 && problems.length === 0) return null;
  return { sheetName: tab.sheetName, fields, input: startingRequest(saved, tab.written, tab.reading), ...(problems.length ? { problems } : {}) };
}
