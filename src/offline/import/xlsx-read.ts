/**
 * Reads one worksheet of an .xlsx file into rows of cells: text (shared or inline strings, a formula's text
 * result, an error such as #N/A) to be read as the roster's text is, and typed values (numbers with the display
 * format worth keeping, booleans, dates told apart by their number format). Formulas are never imported: a cell
 * brings its last computed value, as a CSV export would.
 *
 * Written against ECMA-376 with fflate for the zip layer (see zip.ts for its limits) rather than a spreadsheet
 * library, because the file is untrusted input.
 */
import { MAX_COLUMNS, MAX_ROWS, sizeProblem, type SizeProblem } from './limits';
import { readStyles, dateFromSerial, type CellStyles } from './xlsx-styles';
import { attribute, decodeOfficeEscapes, scanXml, XmlError } from './xml';
import { ZipArchive, ZipError } from './zip';

export type XlsxValue = number | boolean | { date: string };
export type XlsxCell = { text: string } | { value: XlsxValue; format: string | null } | null;

export type XlsxProblem =
  | { reason: 'not-xlsx'; kind: 'ods' | 'xlsb' | 'zip' }
  | { reason: 'damaged' | 'encrypted' | 'too-large' | 'too-many-entries' | 'no-worksheet' }
  | { reason: 'no-sheet'; sheet: string; sheetNames: string[] }
  | SizeProblem;

export type XlsxRead = { ok: true; sheetNames: string[]; sheet: string; rows: XlsxCell[][] } | ({ ok: false } & XlsxProblem);

const RELATION_TYPES = /\/(officeDocument|worksheet|sharedStrings|styles)$/;

export function readXlsx(bytes: Uint8Array, sheetName?: string): XlsxRead {
  try {
    return readArchive(new ZipArchive(bytes), sheetName);
  } catch (e) {
    if (e instanceof ZipError) {
      const reason = e.reason === 'unsupported' ? 'damaged' : e.reason;
      return { ok: false, reason };
    }
    if (e instanceof XmlError || e instanceof ReadError) return { ok: false, reason: 'damaged' };
    if (e instanceof SizeError) return { ok: false, ...e.problem };
    throw e;
  }
}

class ReadError extends Error {}
class SizeError extends Error {
  constructor(readonly problem: SizeProblem) {
    super(problem.reason);
  }
}

function readArchive(zip: ZipArchive, wanted: string | undefined): XlsxRead {
  const root = relationships(zip, '_rels/.rels', '');
  const workbookPath = root.find((r) => r.type === 'officeDocument')?.target ?? 'xl/workbook.xml';
  const workbookXml = zip.text(workbookPath);
  if (workbookXml === null) {
    if (zip.has('xl/workbook.bin')) return { ok: false, reason: 'not-xlsx', kind: 'xlsb' };
    if (zip.has('content.xml') && zip.has('mimetype')) return { ok: false, reason: 'not-xlsx', kind: 'ods' };
    return { ok: false, reason: 'not-xlsx', kind: 'zip' };
  }
  const folder = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
  const rels = relationships(zip, `${folder}_rels/${workbookPath.slice(folder.length)}.rels`, folder);
  const { sheets, date1904 } = readWorkbook(workbookXml);
  const worksheets = sheets
    .map((s) => ({ ...s, path: rels.find((r) => r.id === s.id && r.type === 'worksheet')?.target }))
    .filter((s): s is typeof s & { path: string } => s.path !== undefined);
  const sheetNames = worksheets.map((s) => s.name);
  const chosen =
    wanted === undefined
      ? (worksheets.find((s) => !s.hidden) ?? worksheets[0])
      : (worksheets.find((s) => s.name === wanted) ?? worksheets.find((s) => s.name.toLowerCase() === wanted.toLowerCase()));
  if (!chosen) return wanted === undefined ? { ok: false, reason: 'no-worksheet' } : { ok: false, reason: 'no-sheet', sheet: wanted, sheetNames };

  const partOf = (type: string, fallback: string): string => rels.find((r) => r.type === type)?.target ?? `${folder}${fallback}`;
  const strings = readSharedStrings(zip.text(partOf('sharedStrings', 'sharedStrings.xml')));
  const styles = readStyles(zip.text(partOf('styles', 'styles.xml')));
  const sheetXml = zip.text(chosen.path);
  if (sheetXml === null) throw new ReadError(`missing ${chosen.path}`);
  return { ok: true, sheetNames, sheet: chosen.name, rows: readSheet(sheetXml, strings, styles, date1904) };
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

/** A part's relationships, with targets resolved against `folder` (the folder of the part that owns them). */
function relationships(zip: ZipArchive, path: string, folder: string): Relationship[] {
  const out: Relationship[] = [];
  const xml = zip.text(path);
  if (xml === null) return out;
  scanXml(xml, {
    open(name, attrs) {
      if (name !== 'Relationship' || attribute(attrs, 'TargetMode') === 'External') return;
      const type = RELATION_TYPES.exec(attribute(attrs, 'Type') ?? '')?.[1];
      const target = attribute(attrs, 'Target');
      if (type && target) out.push({ id: attribute(attrs, 'Id') ?? '', type, target: resolvePath(folder, target) });
    },
  });
  return out;
}

function resolvePath(folder: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : folder + target).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

function readWorkbook(xml: string): { sheets: Array<{ name: string; id: string; hidden: boolean }>; date1904: boolean } {
  const sheets: Array<{ name: string; id: string; hidden: boolean }> = [];
  let date1904 = false;
  scanXml(xml, {
    open(name, attrs) {
      if (name === 'workbookPr') date1904 = /^(1|true)$/.test(attribute(attrs, 'date1904') ?? '');
      if (name === 'sheet') {
        const state = attribute(attrs, 'state');
        sheets.push({ name: attribute(attrs, 'name') ?? '', id: attribute(attrs, 'id') ?? '', hidden: state === 'hidden' || state === 'veryHidden' });
      }
    },
  });
  return { sheets, date1904 };
}

/** Shared strings: each <si> is plain (<t>) or rich text (runs of <r><t>); phonetic guides (<rPh>) are not text. */
function readSharedStrings(xml: string | null): string[] {
  const strings: string[] = [];
  if (xml === null) return strings;
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  scanXml(xml, {
    open(name, _attrs, selfClosing) {
      if (name === 'si') current = selfClosing ? (strings.push(''), null) : '';
      else if (name === 'rPh' && !selfClosing) phonetic++;
      else if (name === 't' && !selfClosing) inText = phonetic === 0;
    },
    close(name) {
      if (name === 'si' && current !== null) {
        strings.push(decodeOfficeEscapes(current));
        current = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (inText && current !== null) current += text;
    },
  });
  return strings;
}

const columnNumber = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

function readSheet(xml: string, strings: string[], { styles }: CellStyles, date1904: boolean): XlsxCell[][] {
  const rows: XlsxCell[][] = [];
  let row = 0;
  let column = 0;
  let width = 0;
  let type = 'n';
  let style = 0;
  let raw: string | null = null;
  let capture: 'v' | 'is' | null = null;
  let inInlineText = false;
  let phonetic = false;
  let inCell = false;

  const finish = (): void => {
    const cell = cellFrom(type, raw, styles[style], strings, date1904);
    if (cell === null) return;
    if (row > MAX_ROWS) throw new SizeError({ reason: 'too-many-rows', count: row, limit: MAX_ROWS });
    if (column > MAX_COLUMNS) throw new SizeError({ reason: 'too-many-columns', count: column, limit: MAX_COLUMNS });
    (rows[row - 1] ??= [])[column - 1] = cell;
    width = Math.max(width, column);
  };

  scanXml(xml, {
    open(name, attrs, selfClosing) {
      if (name === 'row') {
        row = Number(attribute(attrs, 'r') ?? row + 1);
        if (!Number.isInteger(row) || row < 1) throw new ReadError('bad row number');
        column = 0;
      } else if (name === 'c') {
        const ref = /^([A-Z]{1,3})(\d+)$/.exec(attribute(attrs, 'r') ?? '');
        column = ref ? columnNumber(ref[1]!) : column + 1;
        if (ref) row = Number(ref[2]);
        type = attribute(attrs, 't') ?? 'n';
        style = Number(attribute(attrs, 's') ?? 0);
        raw = null;
        inCell = !selfClosing;
      } else if (inCell && name === 'v' && !selfClosing) {
        capture = 'v';
        raw = '';
      } else if (inCell && name === 'is') {
        capture = 'is';
        raw ??= '';
      } else if (capture === 'is' && name === 't' && !selfClosing) inInlineText = !phonetic;
      else if (capture === 'is' && name === 'rPh') phonetic = !selfClosing;
    },
    close(name) {
      if (name === 'v' || name === 'is') capture = null;
      else if (name === 't') inInlineText = false;
      else if (name === 'rPh') phonetic = false;
      else if (name === 'c' && inCell) {
        inCell = false;
        finish();
      }
    },
    text(text) {
      if (capture === 'v' || (capture === 'is' && inInlineText)) raw += text;
    },
  });
  const problem = sizeProblem(rows.length, width);
  if (problem) throw new SizeError(problem);
  return Array.from(rows, (r) => Array.from({ length: width }, (_, c) => r?.[c] ?? null));
}

function cellFrom(type: string, raw: string | null, style: { date: boolean; format: string | null } | undefined, strings: string[], date1904: boolean): XlsxCell {
  if (raw === null) return null;
  switch (type) {
    case 's': {
      const text = strings[Number(raw)];
      if (text === undefined) throw new ReadError(`no shared string ${raw}`);
      return text === '' ? null : { text };
    }
    case 'inlineStr':
    case 'str':
    case 'e': {
      const text = decodeOfficeEscapes(raw);
      return text === '' ? null : { text };
    }
    case 'b':
      return { value: raw.trim() === '1' || raw.trim().toLowerCase() === 'true', format: null };
    case 'd': {
      const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}:\d{2}))?/.exec(raw.trim());
      if (!m) return { text: raw };
      return m[2] && m[2] !== '00:00:00' ? { value: { date: `${m[1]} ${m[2]}` }, format: 'yyyy-mm-dd hh:mm:ss' } : { value: { date: m[1]! }, format: 'yyyy-mm-dd' };
    }
    default: {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) return raw.trim() === '' ? null : { text: raw };
      if (style?.date) {
        const date = dateFromSerial(n, date1904);
        if (date) return { value: date, format: date.date.length > 10 ? 'yyyy-mm-dd hh:mm:ss' : 'yyyy-mm-dd' };
      }
      return { value: n, format: style?.format ?? null };
    }
  }
}
