// Deterministic randomness for the seed. Ours, on purpose tiny: mulberry32 (Tommy Ettinger's 32-bit generator,
// public domain) for the stream and an FNV-1a/murmur3-finaliser mix to derive one independent stream per entity
// ("person #123", "unit #7"). Per-entity streams keep the data stable when --persons changes: person #123 is the
// same person in a 400-person and in a 100 000-person seed. Never Math.random() in the seed.

/** A 32-bit hash of the parts (FNV-1a over the text, then murmur3's finaliser for avalanche). */
export function hash32(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  const text = parts.join('\u0001');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** mulberry32: returns a function giving floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** A stream for one entity: new Rng for (seed, 'person', 123). */
  static for(seed: number, ...parts: (string | number)[]): Rng {
    return new Rng(hash32(seed, ...parts));
  }

  /** Float in [0, 1). */
  float(): number {
    return this.next();
  }

  /** Integer in [min, max] (both included). */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`Rng.int: empty range ${min}..${max}`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** true with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new RangeError('Rng.pick: empty list');
    return list[Math.floor(this.next() * list.length)] as T;
  }

  /** Pick by weight: [[value, weight], …]. */
  weighted<T>(list: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of list) total += w;
    let x = this.next() * total;
    for (const [v, w] of list) {
      x -= w;
      if (x < 0) return v;
    }
    return (list[list.length - 1] as readonly [T, number])[0];
  }

  /** A string of `n` decimal digits (leading zeros allowed). */
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(Math.floor(this.next() * 10));
    return s;
  }

  /** Approximately normal (Irwin–Hall of 6 uniforms), mean 0, sd 1. */
  normal(): number {
    let s = 0;
    for (let i = 0; i < 6; i++) s += this.next();
    return (s - 3) * Math.SQRT2;
  }
}

/** Cumulative-weight sampler for repeated weighted picks over a fixed list (units by size). */
export class WeightedPicker<T> {
  private readonly items: T[];
  private readonly cumulative: number[];
  constructor(entries: readonly (readonly [T, number])[]) {
    this.items = [];
    this.cumulative = [];
    let total = 0;
    for (const [v, w] of entries) {
      if (w <= 0) continue;
      total += w;
      this.items.push(v);
      this.cumulative.push(total);
    }
  }
  get size(): number {
    return this.items.length;
  }
  pick(rng: Rng): T {
    if (this.items.length === 0) throw new RangeError('WeightedPicker: empty');
    const x = rng.float() * (this.cumulative[this.cumulative.length - 1] as number);
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }
}
