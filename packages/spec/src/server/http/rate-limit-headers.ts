// The RateLimit-* headers the spec declares on every answer (IETF draft names).

/** A rate limiter's view of one request: the bucket's size, what is left, seconds until it is full. */
export interface RateLimitState {
  limit: number;
  remaining: number;
  resetSeconds: number;
}

/** What a server without rate limiting reports: a full bucket of 1000. */
export const UNLIMITED_RATE: Readonly<RateLimitState> = Object.freeze({ limit: 1000, remaining: 1000, resetSeconds: 0 });

/** The `RateLimit-Limit`, `-Remaining` and `-Reset` headers of a state. */
export function rateLimitHeaders(state: RateLimitState = UNLIMITED_RATE): Record<string, string> {
  return {
    'RateLimit-Limit': String(state.limit),
    'RateLimit-Remaining': String(state.remaining),
    'RateLimit-Reset': String(state.resetSeconds),
  };
}
