import { strToU8, zipSync } from 'fflate';
import * as XLSX from 'xlsx';
import type { ImportedRoster, ImportResult } from '../../src/offline/import';

/** Files for the roster import tests, built in the test: SheetJS workbooks, hand-written .xlsx parts, junk bytes. */

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export function opened(result: ImportResult): ImportedRoster {
  if (!result.ok) throw new Error(`expected the file to open, got: ${result.message}`);
  return result;
}

export function refused(result: ImportResult): string {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.rows.slice(0, 2))}`);
  return result.message;
}

/** Deterministic bytes that are no file format at all. */
export function junk(length: number, seed = 7): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** A workbook built with SheetJS, the way Excel writes it (shared strings). */
export function sheetJs(sheets: Array<[string, unknown[][]]>, options: { hidden?: number[]; sst?: boolean } = {}): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const [name, rows] of sheets) XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), name);
  if (options.hidden) book.Workbook = { Sheets: sheets.map((_, i) => ({ Hidden: options.hidden!.includes(i) ? 1 : 0 })) };
  return new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx', bookSST: options.sst ?? false }) as Buffer);
}

/** A minimal .xlsx written part by part, for the shapes of SpreadsheetML that other writers produce. */
export function handMade(sheetXml: string, extra: Record<string, string> = {}): Uint8Array {
  const parts: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      extra['xl/workbook.xml'] ??
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Roster" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(sheetXml),
  };
  for (const [path, xml] of Object.entries(extra)) if (path !== 'xl/workbook.xml') parts[path] = strToU8(xml);
  return zipSync(parts);
}

export const sheetData = (rows: string): string => `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
