/**
 * The playground workbook as an .xlsx file: every formula as written (custom functions included, so the file
 * computes again in Sheets once the add-on is installed) with the playground's last computed result cached beside
 * it, which Excel and Sheets show until they recalculate.
 */
import { parseA1, type CellSnapshot, type ConditionalFormatSnapshot, type SheetSnapshot, type ValidationSnapshot, type WorkbookSnapshot } from '../src/offline/workbook';
import {
  columnLetters,
  writeXlsx,
  type XlsxCell,
  type XlsxCfCondition,
  type XlsxConditionalFormat,
  type XlsxSheet,
  type XlsxValidation,
  type XlsxValue,
} from '../src/offline/xlsx';
import { serialFromDate } from './dates';
import type { EngineValue, FormulaEngine } from './formulas';

const toXlsx = (value: EngineValue): XlsxValue => (value !== null && typeof value === 'object' ? { error: value.error } : value);

function cellStyle(cell: CellSnapshot | undefined): Omit<XlsxCell, 'row' | 'column'> {
  if (!cell) return {};
  const style: Omit<XlsxCell, 'row' | 'column'> = {};
  if (cell.nf) style.numberFormat = cell.nf;
  if (cell.bold) style.bold = true;
  if (cell.fc) style.color = cell.fc;
  if (cell.bg) style.background = cell.bg;
  if (cell.ha === 'left' || cell.ha === 'center' || cell.ha === 'right') style.align = cell.ha;
  if (cell.wrap) style.wrap = true;
  if (cell.fs) style.fontSize = cell.fs;
  return style;
}

const CELL_IS: Record<string, Extract<XlsxCfCondition, { type: 'cellIs' }>['operator']> = {
  NUMBER_GREATER_THAN: 'greaterThan',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'greaterThanOrEqual',
  NUMBER_LESS_THAN: 'lessThan',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'lessThanOrEqual',
  NUMBER_EQUAL_TO: 'equal',
  NUMBER_NOT_EQUAL_TO: 'notEqual',
  NUMBER_BETWEEN: 'between',
  NUMBER_NOT_BETWEEN: 'notBetween',
};
const TEXT_RULES: Record<string, 'containsText' | 'notContainsText' | 'beginsWith' | 'endsWith'> = {
  TEXT_CONTAINS: 'containsText',
  TEXT_DOES_NOT_CONTAIN: 'notContainsText',
  TEXT_STARTS_WITH: 'beginsWith',
  TEXT_ENDS_WITH: 'endsWith',
};

function conditionOf(rule: ConditionalFormatSnapshot): XlsxCfCondition | null {
  const values = rule.values as unknown[];
  if (rule.criteria === 'CUSTOM_FORMULA' && typeof values[0] === 'string') return { type: 'expression', formula: values[0] };
  if (rule.criteria === 'CELL_EMPTY') return { type: 'containsBlanks' };
  if (rule.criteria === 'CELL_NOT_EMPTY') return { type: 'notContainsBlanks' };
  if (rule.criteria === 'TEXT_EQUAL_TO') return { type: 'cellIs', operator: 'equal', formulas: [`"${String(values[0]).replace(/"/g, '""')}"`] };
  const operator = rule.criteria ? CELL_IS[rule.criteria] : undefined;
  if (operator) return { type: 'cellIs', operator, formulas: values.filter((v) => typeof v === 'number').map(String) };
  const text = rule.criteria ? TEXT_RULES[rule.criteria] : undefined;
  if (text) return { type: text, text: String(values[0] ?? '') };
  return null; // date and gradient rules are not exported
}

function conditionalFormats(sheet: SheetSnapshot): XlsxConditionalFormat[] {
  return sheet.conditionalFormats.flatMap((rule) => {
    const condition = conditionOf(rule);
    if (!condition) return [];
    const f = rule.format;
    return [
      {
        ranges: rule.ranges,
        condition,
        style: {
          ...(f.background ? { background: f.background } : {}),
          ...(f.fontColor ? { color: f.fontColor } : {}),
          ...(f.bold ? { bold: true } : {}),
          ...(f.italic ? { italic: true } : {}),
          ...(f.strikethrough ? { strikethrough: true } : {}),
          ...(f.underline ? { underline: true } : {}),
        },
      },
    ];
  });
}

const VALIDATION_OPERATORS: Record<string, NonNullable<XlsxValidation['operator']>> = {
  NUMBER_BETWEEN: 'between',
  NUMBER_NOT_BETWEEN: 'notBetween',
  NUMBER_EQUAL_TO: 'equal',
  NUMBER_NOT_EQUAL_TO: 'notEqual',
  NUMBER_GREATER_THAN: 'greaterThan',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'greaterThanOrEqual',
  NUMBER_LESS_THAN: 'lessThan',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'lessThanOrEqual',
};

function validation(v: ValidationSnapshot): XlsxValidation | null {
  const base = { ranges: v.ranges, reject: !v.allowInvalid, ...(v.helpText ? { prompt: v.helpText } : {}) };
  const values = v.values as unknown[];
  if (v.criteria === 'VALUE_IN_LIST' && Array.isArray(values[0])) return { ...base, type: 'list', list: (values[0] as unknown[]).map(String) };
  if (v.criteria === 'VALUE_IN_RANGE' && values[0] && typeof values[0] === 'object' && 'range' in values[0]) {
    return { ...base, type: 'list', formula1: String((values[0] as { range: string }).range) };
  }
  if (v.criteria === 'CUSTOM_FORMULA' && typeof values[0] === 'string') return { ...base, type: 'custom', formula1: values[0] };
  const operator = VALIDATION_OPERATORS[v.criteria];
  if (!operator) return null;
  const [a, b] = values.map(String);
  return { ...base, type: 'decimal', operator, formula1: a!, ...(b !== undefined ? { formula2: b } : {}) };
}

function sheetCells(sheet: SheetSnapshot, engine: FormulaEngine, timeZone: string): XlsxCell[] {
  const cells = new Map<string, XlsxCell>();
  for (const [ref, cell] of Object.entries(sheet.cells)) {
    const { row, column } = parseA1(ref)!;
    const out: XlsxCell = { row, column, ...cellStyle(cell) };
    if (cell.f !== undefined) {
      out.formula = cell.f;
      out.value = toXlsx(engine.value(sheet.name, row, column));
      const block = engine.arrayBlock(sheet.name, row, column);
      if (block) out.arrayRange = `${ref}:${columnLetters(block.column + block.numColumns - 1)}${block.row + block.numRows - 1}`;
    } else if (cell.v !== undefined) {
      const v = cell.v;
      if (typeof v === 'object') {
        out.value = 'date' in v ? serialFromDate(new Date(v.date), timeZone) : { error: '#NUM!' };
        // A date needs a date format to read as one; Sheets shows an unformatted date as a date anyway.
        if ('date' in v && !out.numberFormat) out.numberFormat = 'yyyy-mm-dd';
      } else out.value = v;
    }
    cells.set(ref, out);
  }
  // The cached results of array formulas, in the cells they spill over.
  engine.values(sheet.name).forEach((line, i) =>
    line.forEach((value, j) => {
      if (value === null) return;
      const ref = `${columnLetters(j + 1)}${i + 1}`;
      const existing = cells.get(ref);
      if (existing && (existing.formula !== undefined || existing.value !== undefined)) return;
      cells.set(ref, { ...(existing ?? { row: i + 1, column: j + 1 }), value: toXlsx(value) });
    }),
  );
  return [...cells.values()];
}

export function exportWorkbook(snapshot: WorkbookSnapshot, engine: FormulaEngine): Uint8Array {
  const sheets: XlsxSheet[] = snapshot.sheets.map((sheet) => ({
    name: sheet.name,
    cells: sheetCells(sheet, engine, snapshot.timeZone),
    columnWidths: Object.fromEntries(Object.entries(sheet.columnWidths).map(([c, w]) => [Number(c), w])),
    defaultColumnWidth: sheet.defaultColumnWidth,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    tabColor: sheet.tabColor,
    hidden: sheet.hidden,
    merges: sheet.merges,
    conditionalFormats: conditionalFormats(sheet),
    validations: sheet.validations.map(validation).filter((v): v is XlsxValidation => v !== null),
  }));
  const active = Math.max(0, snapshot.sheets.findIndex((s) => s.name === snapshot.activeSheet));
  return writeXlsx({ sheets, activeSheet: active });
}
