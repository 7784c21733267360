/**
 * The roster mapping a team confirmed, read again against the sheet as it is now. A field is saved with its column
 * and the header text it had there, so when columns are inserted, deleted or moved the field follows its header to
 * its new column, and when no column carries that header any more the field is reported missing rather than
 * silently read from whatever column now sits at the old position.
 */
import { mapHeaders, ROSTER_FIELDS, type RosterDetection, type RosterField } from './roster';

export interface SavedColumn {
  /** 1-based column the header was in when the mapping was confirmed. */
  column: number;
  header: string;
}

/** The mapping as saved per workbook. */
export interface SavedMapping {
  sheet: string;
  /** 1-based row of the headers. */
  headerRow: number;
  columns: Partial<Record<RosterField, SavedColumn>>;
}

/**
 * - 'matched': found by its header synonyms (nothing confirmed for this sheet and header row).
 * - 'saved': the saved header is still in the saved column.
 * - 'moved': the saved header was found in another column, which the field now follows.
 * - 'missing': no column carries the saved header any more.
 * - 'none': not mapped.
 */
export type FieldStatus = 'matched' | 'saved' | 'moved' | 'missing' | 'none';

export interface ResolvedField {
  field: RosterField;
  /** 1-based column, or null when unmapped or missing. */
  column: number | null;
  /** The header in that column; for a missing field, the header that was saved. */
  header: string | null;
  /** For a moved field, the column it was saved at. */
  savedColumn?: number;
  status: FieldStatus;
}

export interface ResolvedRoster {
  /** Every field the add-on knows, in ROSTER_FIELDS order. */
  fields: ResolvedField[];
  /** The fields that have a column now, as the builders read a roster. */
  detection: RosterDetection;
  /** True when the mapping is the one the team confirmed for this sheet and header row. */
  confirmed: boolean;
}

export const FIELD_ORDER = Object.keys(ROSTER_FIELDS) as RosterField[];

/** A header cell as text, the way detection reads it. */
export const headerText = (raw: unknown): string => String(raw ?? '').trim();

/** Headers compared as a person would: width, case and runs of spaces do not matter. */
const sameHeader = (a: string, b: string): boolean => comparable(a) === comparable(b);
const comparable = (text: string): string => text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The saved mapping against the header row as it is now. A header still in its column keeps it; otherwise the
 * field takes the nearest unclaimed column with the same header (two columns may share a header, e.g. two "Date"
 * columns); otherwise it is missing.
 */
export function followMapping(saved: SavedMapping, headers: readonly unknown[]): ResolvedField[] {
  const texts = headers.map(headerText);
  const claimed = new Set<number>();
  const found = new Map<RosterField, ResolvedField>();
  const entries = FIELD_ORDER.flatMap((field) => {
    const entry = saved.columns[field];
    return entry ? [{ field, ...entry }] : [];
  });
  for (const e of entries) {
    const now = texts[e.column - 1];
    if (now !== undefined && sameHeader(now, e.header)) {
      claimed.add(e.column);
      found.set(e.field, { field: e.field, column: e.column, header: now, status: 'saved' });
    }
  }
  for (const e of entries) {
    if (found.has(e.field)) continue;
    let best: number | null = null;
    for (let column = 1; column <= texts.length; column++) {
      if (claimed.has(column) || !sameHeader(texts[column - 1]!, e.header)) continue;
      if (best === null || Math.abs(column - e.column) < Math.abs(best - e.column)) best = column;
    }
    if (best === null) {
      found.set(e.field, { field: e.field, column: null, header: e.header, status: 'missing' });
    } else {
      claimed.add(best);
      found.set(e.field, { field: e.field, column: best, header: texts[best - 1]!, savedColumn: e.column, status: 'moved' });
    }
  }
  return FIELD_ORDER.map((field) => found.get(field) ?? { field, column: null, header: null, status: 'none' });
}

/**
 * The roster on `sheet` with its headers on `headerRow`: the confirmed mapping followed when `saved` is for this
 * sheet and header row, else the headers matched by their synonyms.
 */
export function resolveRoster(saved: SavedMapping | null, sheet: string, headerRow: number, headers: readonly unknown[]): ResolvedRoster {
  const confirmed = saved !== null && saved.sheet === sheet && saved.headerRow === headerRow;
  let fields: ResolvedField[];
  if (confirmed) {
    fields = followMapping(saved, headers);
  } else {
    const matched = mapHeaders(headers);
    fields = FIELD_ORDER.map((field) => {
      const m = matched[field];
      return m ? { field, column: m.column, header: m.header, status: 'matched' } : { field, column: null, header: null, status: 'none' };
    });
  }
  const columns: RosterDetection['columns'] = {};
  for (const f of fields) if (f.column !== null && f.header !== null) columns[f.field] = { column: f.column, header: f.header };
  return { fields, detection: { sheet, headerRow, columns }, confirmed };
}
