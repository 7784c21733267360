/**
 * Relative-reference adjustment for a formula written to several cells at once
 * (Range.setFormula on a block): Sheets rewrites "=B2*2" as "=B3*2" one row
 * down. Only cell references are shifted; string literals and quoted sheet
 * names are left alone, and absolute ($) parts stay fixed.
 */
import { columnToLetters, lettersToColumn } from './a1';

const CELL_REF = /(^|[^A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)([0-9]+)(?![A-Za-z0-9_(])/g;

function shiftSegment(text: string, rows: number, columns: number): string {
  return text.replace(CELL_REF, (_whole, lead: string, colAbs: string, letters: string, rowAbs: string, digits: string) => {
    const column = colAbs ? lettersToColumn(letters) : lettersToColumn(letters) + columns;
    const row = rowAbs ? Number(digits) : Number(digits) + rows;
    // A reference pushed off the sheet becomes #REF! in Sheets.
    if (column < 1 || row < 1) return `${lead}#REF!`;
    const outLetters = colAbs ? letters : columnToLetters(column);
    return `${lead}${colAbs}${outLetters}${rowAbs}${row}`;
  });
}

export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  let out = '';
  let plain = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i] ?? '';
    if (ch === '"' || ch === "'") {
      out += shiftSegment(plain, rows, columns);
      plain = '';
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    plain += ch;
    i++;
  }
  return out + shiftSegment(plain, rows, columns);
}

/**
 * Names of the sheets a formula refers to by name ("Roster!B2", "'My tab'!A:A"), outside string literals, so a
 * sheet named inside INDIRECT("...") is not counted: that is how Sheets lets rules reach another sheet.
 */
export function sheetsReferenced(formula: string): string[] {
  const names: string[] = [];
  let i = 0;
  let bare = '';
  const flushBare = (): void => {
    const found = /([A-Za-z0-9_.\u00c0-\uffff]+)!$/.exec(bare);
    if (found) names.push(found[1]!);
    bare = '';
  };
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      let text = '';
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) {
            text += ch;
            j += 2;
            continue;
          }
          break;
        }
        text += formula[j];
        j++;
      }
      if (ch === "'" && formula[j + 1] === '!') names.push(text);
      bare = '';
      i = j + 1;
      continue;
    }
    bare += ch;
    if (ch === '!') flushBare();
    i++;
  }
  return names;
}
