/**
 * A value read from a cell either parses or carries a short reason a marketer can act on.
 * Reasons are phrased to complete "<argument> <reason>", e.g. `followers` + `"12abc" is not a number`.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = (reason: string): Parsed<never> => ({ ok: false, reason });

/** Quotes a user value for a message without letting a huge cell flood it. */
export function quote(value: unknown): string {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text);
}

/** Rounds away binary noise (0.1 x 3 = 0.30000000000000004) so figures compare and display exactly. */
export const tidy = (n: number): number => Number(n.toPrecision(12));
