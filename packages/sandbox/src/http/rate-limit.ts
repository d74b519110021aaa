// Token-bucket rate limiting per bearer token. Off by default: then every response still carries
// the RateLimit-* headers the spec declares, with a full bucket, and nothing is ever refused.
import type { SandboxStore } from '../store/contract.js';

export interface RateLimitOptions {
  /** Bucket size: requests allowed in a burst. */
  capacity: number;
  /** Tokens added per second. */
  refillPerSecond: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the bucket is full again. */
  resetSeconds: number;
  /** Seconds until one request is allowed again (only when refused). */
  retryAfterSeconds: number;
}

/** Parses `<capacity>:<per-second>` (e.g. `20:10`) or `<capacity>` (refills `capacity` per second). */
export function parseRateLimit(text: string): RateLimitOptions {
  const match = /^(\d+)(?::(\d+(?:\.\d+)?))?$/.exec(text.trim());
  if (!match) throw new Error(`rate limit must look like <capacity>[:<per-second>] (e.g. 20:10), got "${text}"`);
  const capacity = Number(match[1]);
  const refillPerSecond = match[2] !== undefined ? Number(match[2]) : capacity;
  if (capacity < 1 || capacity > 1_000_000 || refillPerSecond <= 0) throw new Error(`rate limit out of range: "${text}"`);
  return { capacity, refillPerSecond };
}

/** The decision when rate limiting is off: a full bucket of 1000, never refused (shared, never mutated). */
export const UNLIMITED: Readonly<RateLimitDecision> = Object.freeze({
  allowed: true,
  limit: 1000,
  remaining: 1000,
  resetSeconds: 0,
  retryAfterSeconds: 0,
});

/** Buckets kept in memory before room is made for new ones. */
const MAX_BUCKETS = 10_000;

/** One bucket per key (the bearer token); `now` is injectable for tests. */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly options: RateLimitOptions | undefined,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes one token for `key` if there is one. */
  take(key: string): RateLimitDecision {
    const options = this.options;
    if (!options) return UNLIMITED;
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= MAX_BUCKETS) this.makeRoom(options, now);
      bucket = { tokens: options.capacity, at: now };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(options.capacity, bucket.tokens + ((now - bucket.at) / 1000) * options.refillPerSecond);
    bucket.at = now;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    return {
      allowed,
      limit: options.capacity,
      remaining: Math.floor(bucket.tokens),
      resetSeconds: Math.ceil((options.capacity - bucket.tokens) / options.refillPerSecond),
      retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((1 - bucket.tokens) / options.refillPerSecond)),
    };
  }

  /**
   * Drops the buckets full again by now (a new one would be the same), then, if that is not enough, the
   * oldest of callers without a token: a flood from many addresses must never reset a token's bucket.
   */
  private makeRoom(options: RateLimitOptions, now: number): void {
    for (const [key, bucket] of this.buckets)
      if (bucket.tokens + ((now - bucket.at) / 1000) * options.refillPerSecond >= options.capacity) this.buckets.delete(key);
    for (const key of this.buckets.keys()) {
      if (this.buckets.size < MAX_BUCKETS / 2) break;
      if (key.startsWith('anonymous:')) this.buckets.delete(key);
    }
  }
}

/**
 * The sandbox's rate limiter. On PostgreSQL the buckets live in the database (one atomic update per take),
 * so the limit holds across replicas behind a load balancer; SQLite is one process, so its buckets stay
 * in memory (no write per request).
 */
export class RateLimiter {
  private readonly local: TokenBuckets;

  constructor(
    private readonly store: Pick<SandboxStore, 'engine' | 'takeRateToken'>,
    private readonly options: RateLimitOptions | undefined,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.local = new TokenBuckets(options, now);
  }

  /** Takes one token for `key` if there is one. */
  async take(key: string): Promise<RateLimitDecision> {
    const options = this.options;
    if (!options) return UNLIMITED;
    if (this.store.engine !== 'postgres') return this.local.take(key);
    const { allowed, tokens } = await this.store.takeRateToken(key, options.capacity, options.refillPerSecond, this.now());
    return {
      allowed,
      limit: options.capacity,
      remaining: Math.floor(tokens),
      resetSeconds: Math.ceil((options.capacity - tokens) / options.refillPerSecond),
      retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((1 - tokens) / options.refillPerSecond)),
    };
  }
}
