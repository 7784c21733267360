/**
 * Cell value semantics and conversions shared by ranges, builders and the
 * snapshot. Values may come from another JS realm (the add-on runs inside a
 * vm context), so nothing here relies on `instanceof` for built-ins.
 */

export type CellValue = string | number | boolean | Date;

export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'Object[]';
  if (isDate(value)) return 'Date';
  const t = typeof value;
  if (t === 'string') return 'String';
  if (t === 'number') return 'number';
  if (t === 'boolean') return 'Boolean';
  if (t === 'undefined') return 'undefined';
  return 'Object';
}

export function signatureError(method: string, args: unknown[]): Error {
  return new Error(
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`,
  );
}

/** What a cell holds after a user-entered write: a literal, a formula, or nothing. */
export type Entry = { kind: 'empty' } | { kind: 'value'; value: CellValue } | { kind: 'formula'; formula: string };

/**
 * A value as stored, the way seedSheet lays out a user's existing sheet: "=..."
 * is a formula, a leading apostrophe marks literal text, null/undefined/""
 * leave the cell empty, and any other text stays exactly that text (a roster
 * imported as text keeps "8%" as text). Text written through setValue(s) is
 * read as typed input instead: see writeTyped in cells.ts.
 */
export function parseEntered(input: unknown): Entry {
  if (input === null || input === undefined || input === '') return { kind: 'empty' };
  if (typeof input === 'string') {
    if (input.length > 1 && input.startsWith('=')) return { kind: 'formula', formula: input };
    if (input.startsWith("'")) {
      const text = input.slice(1);
      return text === '' ? { kind: 'empty' } : { kind: 'value', value: text };
    }
    return { kind: 'value', value: input };
  }
  if (typeof input === 'number' || typeof input === 'boolean') return { kind: 'value', value: input };
  if (isDate(input)) return { kind: 'value', value: new Date(input.getTime()) };
  return { kind: 'value', value: String(input) };
}

/** Copies a stored value out, re-homing Dates in the caller's realm. */
export function exportValue(value: CellValue | undefined, DateCtor: DateConstructor): string | number | boolean | Date {
  if (value === undefined) return '';
  if (isDate(value)) return new DateCtor(value.getTime());
  return value;
}

export function displayValue(value: CellValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  lime: '#00ff00',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  purple: '#800080',
  gray: '#808080',
  grey: '#808080',
  silver: '#c0c0c0',
  cyan: '#00ffff',
  magenta: '#ff00ff',
  navy: '#000080',
  teal: '#008080',
  maroon: '#800000',
  olive: '#808000',
};

/** Sheets reports colours as lower-case #rrggbb whatever CSS form was written. */
export function normalizeColor(color: string): string {
  const c = color.trim().toLowerCase();
  const named = NAMED_COLORS[c];
  if (named) return named;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  return c;
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * Converts arbitrary option/criteria payloads to JSON-safe data. Dates and
 * non-finite numbers are tagged so a consumer can restore them; `describe`
 * lets callers render service objects (ranges) as references.
 */
export function toJson(value: unknown, describe?: (v: object) => JsonValue | undefined): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { number: String(value) };
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (isDate(value)) return { date: value.toISOString() };
  if (Array.isArray(value)) return value.map((v) => toJson(v, describe));
  if (typeof value === 'object') {
    const described = describe?.(value);
    if (described !== undefined) return described;
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined && typeof v !== 'function') out[k] = toJson(v, describe);
    }
    return out;
  }
  return String(value);
}

export function requireInteger(method: string, value: unknown, ...rest: unknown[]): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw signatureError(method, [value, ...rest]);
  return Math.trunc(value);
}
