/**
 * A value read from a cell either parses or carries a short reason a marketer can act on.
 * Reasons are phrased to complete "<argument> <reason>", e.g. `followers` + `"12abc" is not a number`.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = (reason: string): Parsed<never> => ({ ok: false, reason });

/**
 * A date cell as the spreadsheet shows it: its calendar day, "2026-04-30". Sheets hands a custom function a Date for
 * midnight in the spreadsheet's time zone, which this code cannot know, so the caller reads the day in that zone and
 * the core works with the day alone.
 */
export class CalendarDay {
  constructor(readonly day: string) {}

  toString(): string {
    return this.day;
  }
}

/**
 * The day a date value names, or null for any other value. A bare Date comes with no time zone, so its UTC day is
 * the only reading available here; custom functions turn Dates into CalendarDays before the core sees them.
 */
export function dayOf(value: unknown): string | null {
  if (value instanceof CalendarDay) return value.day;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return null;
}

/** Quotes a user value for a message without letting a huge cell flood it. */
export function quote(value: unknown): string {
  const text = dayOf(value) ?? String(value);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text);
}

/** Rounds away binary noise (0.1 x 3 = 0.30000000000000004) so figures compare and display exactly. */
export const tidy = (n: number): number => Number(n.toPrecision(12));
