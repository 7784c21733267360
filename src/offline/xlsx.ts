/**
 * Writes a workbook as an Office Open XML spreadsheet (.xlsx) that Excel and Google Sheets open with formulas,
 * cached results, number formats, fills and fonts, frozen panes, merges, conditional formats and data validations.
 * The parts are written here and zipped with fflate: the JavaScript writers on npm either cannot write conditional
 * formatting (SheetJS community edition) or do not install here (exceljs).
 *
 * Element order inside each part follows the ECMA-376 schema sequences, which Excel enforces (it offers to
 * "repair" a file whose elements are out of order).
 */
import { strToU8, zipSync } from 'fflate';

export type XlsxValue = string | number | boolean | null | { error: string };

export interface XlsxCellStyle {
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  /** #rrggbb */
  color?: string;
  background?: string;
  align?: 'left' | 'center' | 'right';
  wrap?: boolean;
  fontSize?: number;
}

export interface XlsxCell extends XlsxCellStyle {
  /** 1-based. */
  row: number;
  column: number;
  /** The literal, or the cached result of the formula. */
  value?: XlsxValue;
  /** With or without the leading "=". */
  formula?: string;
  /** The block a formula's array result fills (e.g. "T2:T301"); the other cells of the block carry only values. */
  arrayRange?: string;
}

export interface XlsxDifferentialStyle {
  background?: string;
  color?: string;
  bold?: boolean;
  italic?: boolean;
  strikethrough?: boolean;
  underline?: boolean;
}

export type XlsxCfCondition =
  | { type: 'expression'; formula: string }
  | {
      type: 'cellIs';
      operator: 'lessThan' | 'lessThanOrEqual' | 'greaterThan' | 'greaterThanOrEqual' | 'equal' | 'notEqual' | 'between' | 'notBetween';
      formulas: string[];
    }
  | { type: 'containsText' | 'notContainsText' | 'beginsWith' | 'endsWith'; text: string }
  | { type: 'containsBlanks' | 'notContainsBlanks' };

export interface XlsxConditionalFormat {
  /** A1 ranges on the sheet; the first range's top-left cell anchors relative references in formulas. */
  ranges: string[];
  condition: XlsxCfCondition;
  style: XlsxDifferentialStyle;
}

export interface XlsxValidation {
  ranges: string[];
  type: 'list' | 'decimal' | 'whole' | 'date' | 'textLength' | 'custom';
  operator?: 'between' | 'notBetween' | 'equal' | 'notEqual' | 'greaterThan' | 'lessThan' | 'greaterThanOrEqual' | 'lessThanOrEqual';
  /** Formulas or constants without "="; a list's items are given in `list` instead. */
  formula1?: string;
  formula2?: string;
  list?: string[];
  /** Whether invalid input is rejected (Sheets' "reject input") rather than only flagged. */
  reject: boolean;
  prompt?: string;
}

export interface XlsxSheet {
  name: string;
  cells: XlsxCell[];
  /** Pixel widths keyed by 1-based column; others get `defaultColumnWidth`. */
  columnWidths?: Record<number, number>;
  defaultColumnWidth?: number;
  frozenRows?: number;
  frozenColumns?: number;
  tabColor?: string | null;
  hidden?: boolean;
  merges?: string[];
  conditionalFormats?: XlsxConditionalFormat[];
  validations?: XlsxValidation[];
}

export interface XlsxWorkbook {
  sheets: XlsxSheet[];
  /** Index of the sheet shown first. */
  activeSheet?: number;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Excel's last row and column: an open-ended range ("A2:A") ends here. */
export const XLSX_MAX_ROWS = 1_048_576;
export const XLSX_MAX_COLUMNS = 16_384;
/** Sheets' default row height, 21 px, in points. */
const ROW_HEIGHT_PT = 15.75;
/** Excel measures column widths in widths of the digit "0" (7 px in the default font) plus 5 px of padding. */
const DIGIT_PX = 7;
const PADDING_PX = 5;
/** Zip entries get a fixed timestamp so the same workbook always produces the same bytes. */
const ZIP_TIME = new Date(Date.UTC(2026, 0, 1));

/** Excel's built-in number formats that have a fixed meaning in every locale. */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '@': 49,
};
const FIRST_CUSTOM_FORMAT = 164;
/** The error values Excel knows; Sheets-only ones (#ERROR!) become #VALUE! so Excel does not reject the cell. */
const EXCEL_ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A']);

/** Escapes text for XML; quotes only need escaping inside attribute values (element text keeps them, as Excel writes). */
export function escapeXml(text: string, attribute = false): string {
  const escaped = text
    // Characters XML 1.0 cannot carry at all; spreadsheets drop them too.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  return attribute ? escaped.replace(/"/g, '&quot;') : escaped;
}

export function columnLetters(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

const cellRef = (row: number, column: number): string => `${columnLetters(column)}${row}`;

/** #rrggbb (or #rgb) as the ARGB hex Excel wants. */
function argb(color: string): string {
  let hex = color.trim().replace(/^#/, '');
  if (hex.length === 3) hex = [...hex].map((c) => c + c).join('');
  return `FF${hex.toUpperCase()}`;
}

/** Pixels to Excel's character-based column width. */
export function columnWidthChars(px: number): number {
  return Math.max(0, Math.round(((px - PADDING_PX) / DIGIT_PX) * 100) / 100);
}

/** Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ]. */
export function safeSheetName(name: string, taken: Set<string>): string {
  let base = name.replace(/[:\\/?*[\]]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    base = base.slice(0, 31 - suffix.length);
    candidate = base + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

const stripEquals = (formula: string): string => (formula.startsWith('=') ? formula.slice(1) : formula);

/** Shared strings: each distinct text stored once, cells refer to it by index. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  count = 0;

  add(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.index.set(text, i);
      this.list.push(text);
    }
    return i;
  }

  xml(): string {
    const items = this.list.map((t) => `<si>${textElement(t)}</si>`).join('');
    return `${XML_HEAD}<sst xmlns="${NS}" count="${this.count}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

function textElement(text: string): string {
  const preserve = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
  return `<t${preserve}>${escapeXml(text)}</t>`;
}

/** Cell formats (cellXfs) and conditional-format styles (dxfs), deduplicated. */
class Styles {
  private readonly formats = new Map<string, number>();
  private readonly fonts: string[] = [font({})];
  private readonly fontIndex = new Map<string, number>([[this.fonts[0]!, 0]]);
  private readonly fills: string[] = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private readonly fillIndex = new Map<string, number>();
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly xfIndex = new Map<string, number>([[this.xfs[0]!, 0]]);
  private readonly dxfs: string[] = [];
  private readonly dxfIndex = new Map<string, number>();

  private numFmtId(code: string | undefined): number {
    if (!code || code === 'General') return 0;
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    let id = this.formats.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT + this.formats.size;
      this.formats.set(code, id);
    }
    return id;
  }

  private intern(list: string[], index: Map<string, number>, xml: string): number {
    let i = index.get(xml);
    if (i === undefined) {
      i = list.length;
      list.push(xml);
      index.set(xml, i);
    }
    return i;
  }

  cell(style: XlsxCellStyle): number {
    const numFmtId = this.numFmtId(style.numberFormat);
    const fontId = this.intern(this.fonts, this.fontIndex, font(style));
    const fillId = style.background
      ? this.intern(this.fills, this.fillIndex, `<fill><patternFill patternType="solid"><fgColor rgb="${argb(style.background)}"/><bgColor indexed="64"/></patternFill></fill>`)
      : 0;
    const alignment =
      style.align || style.wrap
        ? `<alignment${style.align ? ` horizontal="${style.align}"` : ''}${style.wrap ? ' wrapText="1"' : ''}/>`
        : '';
    const applies = [
      numFmtId ? ' applyNumberFormat="1"' : '',
      fontId ? ' applyFont="1"' : '',
      fillId ? ' applyFill="1"' : '',
      alignment ? ' applyAlignment="1"' : '',
    ].join('');
    const xf = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${applies}${alignment ? `>${alignment}</xf>` : '/>'}`;
    return this.intern(this.xfs, this.xfIndex, xf);
  }

  differential(style: XlsxDifferentialStyle): number {
    const fontParts = [
      style.bold ? '<b/>' : '',
      style.italic ? '<i/>' : '',
      style.strikethrough ? '<strike/>' : '',
      style.underline ? '<u/>' : '',
      style.color ? `<color rgb="${argb(style.color)}"/>` : '',
    ].join('');
    // In a differential fill the colour of a solid fill is its bgColor.
    const fill = style.background ? `<fill><patternFill><bgColor rgb="${argb(style.background)}"/></patternFill></fill>` : '';
    const xml = `<dxf>${fontParts ? `<font>${fontParts}</font>` : ''}${fill}</dxf>`;
    return this.intern(this.dxfs, this.dxfIndex, xml);
  }

  xml(): string {
    const numFmts = [...this.formats]
      .map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code, true)}"/>`)
      .join('');
    return [
      XML_HEAD,
      `<styleSheet xmlns="${NS}">`,
      this.formats.size ? `<numFmts count="${this.formats.size}">${numFmts}</numFmts>` : '',
      `<fonts count="${this.fonts.length}">${this.fonts.join('')}</fonts>`,
      `<fills count="${this.fills.length}">${this.fills.join('')}</fills>`,
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>',
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>`,
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
      `<dxfs count="${this.dxfs.length}">${this.dxfs.join('')}</dxfs>`,
      '</styleSheet>',
    ].join('');
  }
}

/** Sheets' default font is Arial 10; child elements in the schema's order (b, i, sz, color, name, family). */
function font(style: XlsxCellStyle): string {
  return [
    '<font>',
    style.bold ? '<b/>' : '',
    style.italic ? '<i/>' : '',
    `<sz val="${style.fontSize ?? 10}"/>`,
    style.color ? `<color rgb="${argb(style.color)}"/>` : '',
    '<name val="Arial"/><family val="2"/>',
    '</font>',
  ].join('');
}

/** `inArray`: the cell lies in another cell's array result, so its text is a cached formula result. */
function cellXml(cell: XlsxCell, inArray: boolean, styles: Styles, strings: SharedStrings): string {
  const ref = cellRef(cell.row, cell.column);
  const s = styles.cell(cell);
  const style = s ? ` s="${s}"` : '';
  const value = cell.value ?? null;
  if (cell.formula !== undefined) {
    const f = escapeXml(stripEquals(cell.formula));
    const formula = cell.arrayRange ? `<f t="array" ref="${cell.arrayRange}">${f}</f>` : `<f>${f}</f>`;
    return `<c r="${ref}"${style}${cachedType(value)}>${formula}${cachedValue(value)}</c>`;
  }
  if (value === null || value === '') return s ? `<c r="${ref}"${style}/>` : '';
  if (typeof value === 'string') {
    if (!inArray) return `<c r="${ref}"${style} t="s"><v>${strings.add(value)}</v></c>`;
    return `<c r="${ref}"${style} t="str"><v>${escapeXml(value)}</v></c>`;
  }
  return `<c r="${ref}"${style}${cachedType(value)}>${cachedValue(value)}</c>`;
}

function cachedType(value: XlsxValue): string {
  if (typeof value === 'string') return ' t="str"';
  if (typeof value === 'boolean') return ' t="b"';
  if (value !== null && typeof value === 'object') return ' t="e"';
  return '';
}

function cachedValue(value: XlsxValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return `<v>${value ? 1 : 0}</v>`;
  if (typeof value === 'number') return Number.isFinite(value) ? `<v>${value}</v>` : '<v>#NUM!</v>';
  if (typeof value === 'object') return `<v>${escapeXml(EXCEL_ERRORS.has(value.error) ? value.error : '#VALUE!')}</v>`;
  return `<v>${escapeXml(value)}</v>`;
}

/** "A2:A" (open to the sheet's end, as Sheets writes it) closed at Excel's last row or column. */
export function closeRange(range: string): string {
  const m = /^\$?([A-Z]*)\$?(\d*)(?::\$?([A-Z]*)\$?(\d*))?$/i.exec(range.trim());
  if (!m || m[3] === undefined) return range.trim();
  const [, c1, r1, c2, r2] = m;
  const startCol = c1 || 'A';
  const startRow = r1 || '1';
  const endCol = c2 || (c1 ? c1 : columnLetters(XLSX_MAX_COLUMNS));
  const endRow = r2 || String(XLSX_MAX_ROWS);
  const start = `${startCol}${startRow}`.toUpperCase();
  const end = `${endCol}${endRow}`.toUpperCase();
  return start === end ? start : `${start}:${end}`;
}

function paneXml(rows: number, columns: number): string {
  if (!rows && !columns) return '';
  const pane = rows && columns ? 'bottomRight' : rows ? 'bottomLeft' : 'topRight';
  const attrs = [
    columns ? ` xSplit="${columns}"` : '',
    rows ? ` ySplit="${rows}"` : '',
    ` topLeftCell="${cellRef(rows + 1, columns + 1)}"`,
    ` activePane="${pane}"`,
    ' state="frozen"',
  ].join('');
  return `<pane${attrs}/><selection pane="${pane}"/>`;
}

function colsXml(sheet: XlsxSheet): string {
  const widths = Object.entries(sheet.columnWidths ?? {})
    .map(([c, px]) => [Number(c), px] as const)
    .filter(([c, px]) => Number.isInteger(c) && c >= 1 && px > 0)
    .sort((a, b) => a[0] - b[0]);
  if (widths.length === 0) return '';
  return `<cols>${widths.map(([c, px]) => `<col min="${c}" max="${c}" width="${columnWidthChars(px)}" customWidth="1"/>`).join('')}</cols>`;
}

function conditionXml(cf: XlsxConditionalFormat, dxfId: number, priority: number): string {
  const c = cf.condition;
  const anchor = closeRange(cf.ranges[0] ?? 'A1').split(':')[0]!;
  // Sheets applies only the first rule that matches a cell; stopIfTrue gives Excel the same precedence.
  const head = `dxfId="${dxfId}" priority="${priority}" stopIfTrue="1"`;
  const formula = (f: string): string => `<formula>${escapeXml(stripEquals(f))}</formula>`;
  switch (c.type) {
    case 'expression':
      return `<cfRule type="expression" ${head}>${formula(c.formula)}</cfRule>`;
    case 'cellIs':
      return `<cfRule type="cellIs" ${head} operator="${c.operator}">${c.formulas.map(formula).join('')}</cfRule>`;
    case 'containsBlanks':
      return `<cfRule type="containsBlanks" ${head}>${formula(`LEN(TRIM(${anchor}))=0`)}</cfRule>`;
    case 'notContainsBlanks':
      return `<cfRule type="notContainsBlanks" ${head}>${formula(`LEN(TRIM(${anchor}))>0`)}</cfRule>`;
    default: {
      const text = `"${c.text.replace(/"/g, '""')}"`;
      const test = {
        containsText: `NOT(ISERROR(SEARCH(${text},${anchor})))`,
        notContainsText: `ISERROR(SEARCH(${text},${anchor}))`,
        beginsWith: `LEFT(${anchor},LEN(${text}))=${text}`,
        endsWith: `RIGHT(${anchor},LEN(${text}))=${text}`,
      }[c.type];
      const operator = c.type === 'notContainsText' ? 'notContains' : c.type;
      return `<cfRule type="${c.type}" ${head} operator="${operator}" text="${escapeXml(c.text, true)}">${formula(test)}</cfRule>`;
    }
  }
}

function validationXml(v: XlsxValidation): string {
  const attrs = [
    ` type="${v.type}"`,
    v.operator && v.type !== 'list' && v.type !== 'custom' ? ` operator="${v.operator}"` : '',
    ' allowBlank="1"',
    v.prompt ? ` showInputMessage="1" prompt="${escapeXml(v.prompt.slice(0, 255), true)}"` : '',
    // Excel always checks; "reject" decides whether it stops the entry or only warns.
    ` showErrorMessage="1" errorStyle="${v.reject ? 'stop' : 'warning'}"`,
    ` sqref="${v.ranges.map(closeRange).join(' ')}"`,
  ].join('');
  const formula1 = v.list ? `"${v.list.map((item) => item.replace(/"/g, '""')).join(',')}"` : v.formula1;
  return `<dataValidation${attrs}>${formula1 !== undefined ? `<formula1>${escapeXml(stripEquals(formula1))}</formula1>` : ''}${
    v.formula2 !== undefined ? `<formula2>${escapeXml(stripEquals(v.formula2))}</formula2>` : ''
  }</dataValidation>`;
}

function sheetXml(sheet: XlsxSheet, selected: boolean, styles: Styles, strings: SharedStrings, priority: { next: number }): string {
  const arrayBlocks = sheet.cells.filter((c) => c.arrayRange).map((c) => rangeBounds(c.arrayRange!));
  const inArray = (c: XlsxCell): boolean =>
    arrayBlocks.some((b) => c.row >= b.top && c.row <= b.bottom && c.column >= b.left && c.column <= b.right);
  const byRow = new Map<number, XlsxCell[]>();
  let maxRow = 1;
  let maxColumn = 1;
  for (const cell of sheet.cells) {
    if (!(cell.row >= 1 && cell.column >= 1)) continue;
    const list = byRow.get(cell.row) ?? [];
    list.push(cell);
    byRow.set(cell.row, list);
    maxRow = Math.max(maxRow, cell.row);
    maxColumn = Math.max(maxColumn, cell.column);
  }
  const rows = [...byRow.keys()]
    .sort((a, b) => a - b)
    .map((r) => {
      const cells = byRow
        .get(r)!
        .sort((a, b) => a.column - b.column)
        .map((c) => cellXml(c, c.formula === undefined && inArray(c), styles, strings))
        .join('');
      return cells ? `<row r="${r}">${cells}</row>` : '';
    })
    .join('');

  const tabColor = sheet.tabColor ? `<sheetPr><tabColor rgb="${argb(sheet.tabColor)}"/></sheetPr>` : '';
  const view = `<sheetViews><sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ''}>${paneXml(sheet.frozenRows ?? 0, sheet.frozenColumns ?? 0)}</sheetView></sheetViews>`;
  const defaultWidth = sheet.defaultColumnWidth ? ` defaultColWidth="${columnWidthChars(sheet.defaultColumnWidth)}"` : '';
  const merges = sheet.merges?.length
    ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${closeRange(m)}"/>`).join('')}</mergeCells>`
    : '';
  const cfs = (sheet.conditionalFormats ?? [])
    .map((cf) => {
      const dxf = styles.differential(cf.style);
      return `<conditionalFormatting sqref="${cf.ranges.map(closeRange).join(' ')}">${conditionXml(cf, dxf, priority.next++)}</conditionalFormatting>`;
    })
    .join('');
  const validations = sheet.validations?.length
    ? `<dataValidations count="${sheet.validations.length}">${sheet.validations.map(validationXml).join('')}</dataValidations>`
    : '';
  return [
    XML_HEAD,
    `<worksheet xmlns="${NS}" xmlns:r="${NS_R}">`,
    tabColor,
    `<dimension ref="A1${maxRow > 1 || maxColumn > 1 ? `:${cellRef(maxRow, maxColumn)}` : ''}"/>`,
    view,
    `<sheetFormatPr${defaultWidth} defaultRowHeight="${ROW_HEIGHT_PT}"/>`,
    colsXml(sheet),
    `<sheetData>${rows}</sheetData>`,
    merges,
    cfs,
    validations,
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    '</worksheet>',
  ].join('');
}

function rangeBounds(range: string): { top: number; bottom: number; left: number; right: number } {
  const [a, b = a] = closeRange(range).split(':') as [string, string?];
  const parse = (ref: string): [number, number] => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    const column = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return [Number(m[2]), column];
  };
  const [r1, c1] = parse(a);
  const [r2, c2] = parse(b!);
  return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
}

/** The .xlsx file's bytes. */
export function writeXlsx(book: XlsxWorkbook): Uint8Array {
  if (book.sheets.length === 0) throw new Error('A workbook needs at least one sheet.');
  const styles = new Styles();
  const strings = new SharedStrings();
  const taken = new Set<string>();
  const names = book.sheets.map((s) => safeSheetName(s.name, taken));
  const active = Math.min(Math.max(0, book.activeSheet ?? 0), book.sheets.length - 1);
  const priority = { next: 1 };
  const sheetParts = book.sheets.map((sheet, i) => sheetXml(sheet, i === active, styles, strings, priority));

  const files: Record<string, Uint8Array> = {};
  const put = (path: string, xml: string): void => {
    files[path] = strToU8(xml);
  };
  put(
    '[Content_Types].xml',
    [
      XML_HEAD,
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
      '<Default Extension="xml" ContentType="application/xml"/>',
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
      ...sheetParts.map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      ),
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>',
      '</Types>',
    ].join(''),
  );
  put(
    '_rels/.rels',
    `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const sheetEntries = names
    .map((name, i) => `<sheet name="${escapeXml(name, true)}" sheetId="${i + 1}"${book.sheets[i]!.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`)
    .join('');
  // calcId of current Excel: an older id makes Excel recalculate everything on open, which would replace the cached
  // results of the add-on's custom functions (unknown to Excel) with #NAME?.
  put(
    'xl/workbook.xml',
    `${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${NS_R}"><bookViews><workbookView activeTab="${active}"/></bookViews><sheets>${sheetEntries}</sheets><calcPr calcId="191029"/></workbook>`,
  );
  const rels = sheetParts
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .concat(
      `<Relationship Id="rId${sheetParts.length + 1}" Type="${NS_R}/styles" Target="styles.xml"/>`,
      `<Relationship Id="rId${sheetParts.length + 2}" Type="${NS_R}/sharedStrings" Target="sharedStrings.xml"/>`,
    )
    .join('');
  put('xl/_rels/workbook.xml.rels', `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${rels}</Relationships>`);
  sheetParts.forEach((xml, i) => put(`xl/worksheets/sheet${i + 1}.xml`, xml));
  // Written last: the sheets above register the styles and strings they use.
  put('xl/styles.xml', styles.xml());
  put('xl/sharedStrings.xml', strings.xml());
  return zipSync(files, { level: 6, mtime: ZIP_TIME });
}
