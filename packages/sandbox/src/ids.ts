// Ids in the upstream format: `<prefix>_` + base36 millisecond timestamp (8 chars, so ids sort by
// creation time as plain strings) + random base62 characters.
export const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A source of uniform numbers in [0, 1). Deterministic when made by {@link createRng}. */
export type Rng = () => number;

/** A small, fast, seedable PRNG (mulberry32): the same seed always gives the same sequence. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` random base62 characters. */
export function randomChars(rng: Rng, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += BASE62[Math.floor(rng() * 62)];
  return out;
}

/** An id created at `ms` (Unix milliseconds): `ser_mfl3k2a0Xq7ZpR2v`. */
export function makeId(prefix: string, ms: number, rng: Rng, randomLength = 8): string {
  return `${prefix}_${Math.max(0, Math.floor(ms)).toString(36).padStart(8, '0')}${randomChars(rng, randomLength)}`;
}

/**
 * Ids for live data (ingest): strictly increasing even within one millisecond, so an id made later
 * always sorts after every id made before by this generator.
 */
export function createMonotonicIds(now: () => number = Date.now, rng: Rng = Math.random): (prefix: string) => string {
  let lastMs = 0;
  let counter = 0;
  return (prefix) => {
    let ms = now();
    if (ms <= lastMs) {
      ms = lastMs;
      counter++;
    } else {
      lastMs = ms;
      counter = 0;
    }
    const seq = counter.toString(36).padStart(3, '0');
    return `${prefix}_${ms.toString(36).padStart(8, '0')}${seq}${randomChars(rng, 5)}`;
  };
}

/** The creation time encoded in an id, or undefined when it does not carry one. */
export function idTimestamp(id: string): number | undefined {
  const match = /^[a-z]+_([0-9a-z]{8})/.exec(id);
  return match?.[1] ? parseInt(match[1], 36) : undefined;
}
