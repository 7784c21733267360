/**
 * Top 5 and bottom 5 influencers by ROAS, as live formulas and as the core's lists, from one ranking (the per-row
 * ROAS and the rows it ranks, dashboard-figures.ts).
 *
 * The order: ROAS from high to low, and among equal ROAS the roster's order (the row higher up first). The top list
 * is the head of that order; the bottom list is its tail read backwards, and only beyond the top list, so no
 * influencer appears in both (with 7 ranked rows, the bottom list has 2).
 *
 * The formulas use only LARGE / SMALL, INDEX, SEQUENCE and sums over arrays, which Sheets and the offline engine
 * both evaluate. Ties are resolved without any numeric trick: the k-th entry's ROAS is LARGE(V, k); among the rows
 * with that ROAS it is the (k - rows with a higher ROAS)-th in roster order, found with SMALL over row positions.
 * Fewer ranked rows than places leave the remaining places blank, never an error.
 */
import { evaluate, evaluateNum, type RowReader } from './alerts-expr';
import { formulaNumber, rowArray, type RangeOf } from './dashboard-expr';
import type { RankingDef, TierRange } from './dashboard-figures';
import type { RosterField } from './roster';

export const LIST_SIZE = 5;

export interface RankedRow {
  /** The roster sheet's row. */
  row: number;
  roas: number;
  /** Index of the row in the rows read (0 for the first data row). */
  index: number;
}

export interface Ranked {
  /** How many rows have a ROAS to rank. */
  count: number;
  top: RankedRow[];
  bottom: RankedRow[];
}

/** The core's lists over the rows read; `firstRow` is the sheet row of the first of them. */
export function rankRows(def: RankingDef, rows: readonly RowReader[], firstRow: number, size = LIST_SIZE): Ranked {
  const ranked: RankedRow[] = [];
  rows.forEach((row, index) => {
    if (def.where.has?.some((f) => row.number(f, 'number').state !== 'value')) return;
    if (def.where.cond && evaluate(def.where.cond, row).v !== 'true') return;
    const v = evaluateNum(def.key, row);
    if (v.v === 'value') ranked.push({ row: firstRow + index, roas: v.n, index });
  });
  ranked.sort((a, b) => b.roas - a.roas || a.row - b.row);
  return { count: ranked.length, top: ranked.slice(0, size), bottom: ranked.slice(size).reverse().slice(0, size) };
}

/** The per-row ROAS array: a number for a ranked row, "" for any other. */
const values = (def: RankingDef, range: RangeOf): string => rowArray(def.where, def.key, range, '""');

/** Cells of the tab the list formulas refer to. */
export interface ListCells {
  /** The cell that counts the ranked rows. */
  count: string;
}

/** A field whose range anchors row positions: any column the key reads. */
const anchorField = (def: RankingDef): RosterField => {
  const find = (e: RankingDef['key']): RosterField | null => (e.k === 'cell' ? e.field : e.k === 'ratio' || e.k === 'minus' ? find(e.a) ?? find(e.b) : null);
  const field = find(def.key);
  if (!field) throw new Error('The ranking key reads no roster column');
  return field;
};

export interface RankingFormulas {
  count(): string;
  /** The ROAS of place k (1-based) of a list, or blank. */
  roas(side: 'top' | 'bottom', k: number, cells: ListCells): string;
  /** The roster row of the place whose ROAS is in `roasCell`, or blank. */
  row(side: 'top' | 'bottom', k: number, roasCell: string): string;
  /** A field of the roster row in `rowCell` (text as text), or blank. */
  pick(field: RosterField, rowCell: string, asText: boolean): string;
  /** The tier name of the roster row in `rowCell`, from its followers, or blank. */
  tier(rowCell: string, tiers: readonly TierRange[], names: readonly string[]): string;
}

/** Formulas without the leading "=". */
export function rankingFormulas(def: RankingDef, range: RangeOf): RankingFormulas {
  const v = values(def, range);
  const anchor = anchorField(def);
  const positions = `SEQUENCE(ROWS(${range(anchor)}))`;
  // The first row of the range, not of its first cell: a reference to that one cell turns #REF! when its row is
  // deleted, while the range just shrinks. MIN keeps it one number in array and plain formulas alike.
  const top = `MIN(ROW(${range(anchor)}))`;
  const offset = `${top}-1`;
  const index = (rowCell: string): string => `${rowCell}-${top}+1`;
  return {
    count: () => `ARRAYFORMULA(SUM(IF(ISNUMBER(${v}),1,0)))`,
    roas: (side, k, cells) =>
      side === 'top'
        ? `IFERROR(ARRAYFORMULA(LARGE(${v},${k})),"")`
        : `IF(${k}<=${cells.count}-${LIST_SIZE},IFERROR(ARRAYFORMULA(SMALL(${v},${k})),""),"")`,
    row: (side, k, roasCell) => {
      const beyond = side === 'top' ? '>' : '<';
      const pick = side === 'top' ? 'SMALL' : 'LARGE';
      const before = `SUM(IF(ISNUMBER(${v}),IF(${v}${beyond}${roasCell},1,0),0))`;
      return `IF(ISNUMBER(${roasCell}),ARRAYFORMULA(${pick}(IF(${v}=${roasCell},${positions},""),${k}-${before}))+${offset},"")`;
    },
    pick: (field, rowCell, asText) => `IF(ISNUMBER(${rowCell}),INDEX(${range(field)},${index(rowCell)})${asText ? '&""' : ''},"")`,
    tier: (rowCell, tiers, names) => {
      const x = `INDEX(${range('followers')},${index(rowCell)})`;
      let chain = '""';
      for (let i = tiers.length - 1; i >= 0; i--) chain = `IF(${x}>=${formulaNumber(tiers[i]!.min)},"${names[i]!.replace(/"/g, '""')}",${chain})`;
      return `IF(ISNUMBER(${rowCell}),IF(ISNUMBER(${x}),${chain},""),"")`;
    },
  };
}
