/** The sample's randomness: seeded, so the same seed always draws the same roster, on every engine. */

/** mulberry32: a tiny, well-distributed 32-bit generator; plenty for sample data and identical on every engine. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Draw {
  (): number;
  between(min: number, max: number): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  weighted<K extends string>(weights: Record<K, number>): K;
  chance(p: number): boolean;
}

export function draw(seed: number): Draw {
  const next = createRandom(seed);
  const d = (() => next()) as Draw;
  d.between = (min, max) => min + (max - min) * next();
  d.int = (min, max) => Math.floor(d.between(min, max + 1));
  d.pick = (items) => items[Math.floor(next() * items.length)]!;
  d.weighted = <K extends string>(weights: Record<K, number>): K => {
    const keys = Object.keys(weights) as K[];
    const total = keys.reduce((sum, k) => sum + weights[k], 0);
    let x = next() * total;
    for (const k of keys) {
      x -= weights[k];
      if (x < 0) return k;
    }
    return keys[keys.length - 1]!;
  };
  d.chance = (p) => next() < p;
  return d;
}

export function shuffle<T>(items: T[], d: Draw): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(d() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
