/**
 * The one line a person reads after opening a file, in the workbook's language: why a file was refused, or what
 * was read (sheet, rows, encoding, delimiter, how numbers are written, and the columns kept as text because the
 * way their numbers are written could not be told).
 */
import { MAX_CELLS, MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS } from './limits';
import type { ImportedRoster } from './index';
import { MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES } from './zip';

export type ImportLanguage = 'en' | 'zh';

export type ImportProblem =
  | { reason: 'empty' | 'file-too-large' | 'binary' | 'pdf' | 'xls' | 'encrypted' | 'damaged' | 'too-large' | 'too-many-entries' | 'no-worksheet' }
  | { reason: 'not-xlsx'; kind: 'ods' | 'xlsb' | 'zip' }
  | { reason: 'empty-sheet'; sheet: string }
  | { reason: 'no-sheet'; sheet: string; sheetNames: string[] }
  | { reason: 'too-many-rows' | 'too-many-columns' | 'too-many-cells' }
  | { reason: 'unclosed-quote'; line: number };

const n = (value: number): string => value.toLocaleString('en-US');
const mb = (bytes: number): string => `${bytes / 1024 / 1024} MB`;

/** A header or value quoted inside the message: one line, and short (a file name is shown whole). */
function shown(text: string, max = 30): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function list(items: string[], language: ImportLanguage): string {
  const head = items.slice(0, 5);
  const more = items.length - head.length;
  if (language === 'zh') return head.join('、') + (more > 0 ? ` 等 ${items.length} 列` : '');
  return head.join(', ') + (more > 0 ? ` and ${more} more` : '');
}

export function problemMessage(problem: ImportProblem, fileName: string, language: ImportLanguage): string {
  const f = shown(fileName, Infinity);
  if (language === 'zh') {
    switch (problem.reason) {
      case 'empty': return `“${f}”是空文件。`;
      case 'empty-sheet': return `“${f}”的工作表“${shown(problem.sheet)}”是空的。`;
      case 'file-too-large': return `“${f}”超过 ${mb(MAX_FILE_BYTES)}，无法在这里打开。`;
      case 'binary': return `“${f}”既不是 CSV 也不是 .xlsx 文件：内容是二进制数据，不是文本。`;
      case 'pdf': return `“${f}”是 PDF 文件，不是名单：请打开 CSV 或 .xlsx 文件。`;
      case 'xls': return `“${f}”是 Excel 97-2003 (.xls) 文件或加密文件：请另存为 .xlsx 或 CSV 后再打开。`;
      case 'encrypted': return `“${f}”有密码保护：请保存一份不加密的副本后再打开。`;
      case 'damaged': return `“${f}”看起来是 .xlsx 工作簿，但已损坏：请在 Excel 中打开并重新保存。`;
      case 'too-large': return `“${f}”解压后超过 ${mb(MAX_UNZIPPED_BYTES)}，无法在这里打开。`;
      case 'too-many-entries': return `“${f}”是包含超过 ${n(MAX_ZIP_ENTRIES)} 个文件的压缩包，不是 .xlsx 工作簿。`;
      case 'no-worksheet': return `“${f}”中没有工作表。`;
      case 'not-xlsx':
        if (problem.kind === 'xlsb') return `“${f}”是 Excel 二进制工作簿 (.xlsb)：请另存为 .xlsx 或 CSV 后再打开。`;
        if (problem.kind === 'ods') return `“${f}”是 OpenDocument 表格：请另存为 .xlsx 或 CSV 后再打开。`;
        return `“${f}”是压缩包，不是 .xlsx 工作簿。`;
      case 'no-sheet': return `“${f}”中没有名为“${shown(problem.sheet)}”的工作表（现有：${list(problem.sheetNames.map((s) => shown(s)), 'zh')}）。`;
      case 'too-many-rows': return `“${f}”超过 ${n(MAX_ROWS)} 行，无法在这里打开。`;
      case 'too-many-columns': return `“${f}”超过 ${n(MAX_COLUMNS)} 列，无法在这里打开。`;
      case 'too-many-cells': return `“${f}”超过 ${n(MAX_CELLS)} 个单元格（行数 × 列数），无法在这里打开。`;
      case 'unclosed-quote': return `“${f}”无法按 CSV 读取：从第 ${problem.line} 行开始的引号没有闭合。`;
    }
  }
  switch (problem.reason) {
    case 'empty': return `"${f}" is empty.`;
    case 'empty-sheet': return `Sheet "${shown(problem.sheet)}" of "${f}" is empty.`;
    case 'file-too-large': return `"${f}" is larger than ${mb(MAX_FILE_BYTES)}, too large to open here.`;
    case 'binary': return `"${f}" is neither a CSV nor an .xlsx file: it holds binary data, not text.`;
    case 'pdf': return `"${f}" is a PDF, not a roster: open a CSV or .xlsx file.`;
    case 'xls': return `"${f}" is an Excel 97-2003 (.xls) or password-protected file: save it as .xlsx or CSV, then open that.`;
    case 'encrypted': return `"${f}" is password-protected: save an unprotected copy, then open that.`;
    case 'damaged': return `"${f}" looks like an .xlsx workbook but is damaged: open it in Excel and save it again.`;
    case 'too-large': return `"${f}" unpacks to more than ${mb(MAX_UNZIPPED_BYTES)}, too large to open here.`;
    case 'too-many-entries': return `"${f}" is a zip archive of more than ${n(MAX_ZIP_ENTRIES)} files, not an .xlsx workbook.`;
    case 'no-worksheet': return `"${f}" has no worksheet.`;
    case 'not-xlsx':
      if (problem.kind === 'xlsb') return `"${f}" is an Excel binary workbook (.xlsb): save it as .xlsx or CSV, then open that.`;
      if (problem.kind === 'ods') return `"${f}" is an OpenDocument spreadsheet: save it as .xlsx or CSV, then open that.`;
      return `"${f}" is a zip archive, not an .xlsx workbook.`;
    case 'no-sheet': return `"${f}" has no sheet named "${shown(problem.sheet)}" (its sheets: ${list(problem.sheetNames.map((s) => shown(s)), 'en')}).`;
    case 'too-many-rows': return `"${f}" has more than ${n(MAX_ROWS)} rows, too many to open here.`;
    case 'too-many-columns': return `"${f}" has more than ${n(MAX_COLUMNS)} columns, too many to open here.`;
    case 'too-many-cells': return `"${f}" has more than ${n(MAX_CELLS)} cells (rows × columns), too many to open here.`;
    case 'unclosed-quote': return `"${f}" cannot be read as CSV: the quoted field starting on line ${problem.line} is never closed.`;
  }
}

const DELIMITERS = { ',': ['comma-separated', '逗号分隔'], ';': ['semicolon-separated', '分号分隔'], '\t': ['tab-separated', '制表符分隔'] } as const;

/** What an import read, e.g. `Opened "kol.csv": 3 rows; GB18030, semicolon-separated; numbers written 1.234,5.` */
export function importNotice(imported: ImportedRoster, fileName: string, language: ImportLanguage): string {
  const { report, sheet, sheetNames } = imported;
  const rows = Math.max(0, imported.rows.length - 1);
  const zh = language === 'zh';
  const f = shown(fileName, Infinity);
  const parts: string[] = [];
  if (sheet !== null && sheetNames.length > 1) {
    const at = sheetNames.indexOf(sheet) + 1;
    parts.push(zh ? `工作表“${shown(sheet)}”（第 ${at} 个，共 ${sheetNames.length} 个）` : `sheet "${shown(sheet)}" (${at} of ${sheetNames.length})`);
  }
  parts.push(zh ? `表头下 ${n(rows)} 行` : `${n(rows)} ${rows === 1 ? 'row' : 'rows'} below the header`);
  if (report.encoding && report.delimiter) parts.push(`${report.encoding}${zh ? '，' : ', '}${DELIMITERS[report.delimiter][zh ? 1 : 0]}`);

  const european = report.columns.filter((c) => c.convention === 'european').map((c) => shown(c.header));
  const us = report.columns.filter((c) => c.convention === 'us').map((c) => shown(c.header));
  if (european.length > 0 && us.length === 0) parts.push(zh ? '数字写法 1.234,5' : 'numbers written 1.234,5');
  else if (european.length > 0) parts.push(zh ? `数字写法 1.234,5：${list(european, 'zh')}；其余为 1,234.5` : `numbers written 1.234,5 in ${list(european, 'en')}, 1,234.5 elsewhere`);
  else if (us.length > 0) parts.push(zh ? '数字写法 1,234.5' : 'numbers written 1,234.5');
  if (report.ambiguous.length > 0) {
    const which = report.ambiguous.map((a) => (zh ? `${shown(a.header)}（${shown(a.example)}）` : `${shown(a.header)} (${shown(a.example)})`));
    parts.push(zh ? `无法判断是 1,234.5 还是 1.234,5，保留为文本：${list(which, 'zh')}` : `kept as text, unclear whether 1,234.5 or 1.234,5: ${list(which, 'en')}`);
  }
  return zh ? `已打开“${f}”：${parts.join('；')}。` : `Opened "${f}": ${parts.join('; ')}.`;
}
