// What is retried and how long to wait: plain decisions, no I/O.

/** Statuses that are retried (never any other 4xx). */
export const RETRYABLE_STATUSES: readonly number[] = [429, 500, 502, 503, 504];

/** Retry and timeout settings of one client (every field has a documented default). */
export interface RetryPolicy {
  /** Retries after the first attempt. Default 2. */
  maxRetries: number;
  /** Per-attempt timeout until the response headers arrive, in ms. Default 30 000. `0` disables it. */
  timeoutMs: number;
  /** Backoff base in ms: retry n (from 0) waits random(0, min(maxDelayMs, initialDelayMs·2ⁿ)). Default 500. */
  initialDelayMs: number;
  /** Largest backoff ceiling in ms. Default 8 000. */
  maxDelayMs: number;
  /**
   * Largest server-requested wait (`Retry-After`, else the body's `retry_after`) the client sits through, in ms.
   * Default 10 000. A longer request is not retried: the 429/503 is returned at once (unwrapped, a
   * `RateLimitError` whose `retryAfterMs` is the server's value) so the caller can reschedule instead of blocking.
   */
  maxRetryAfterMs: number;
}

/** The defaults of {@link RetryPolicy}. */
export const DEFAULT_POLICY: Readonly<RetryPolicy> = {
  maxRetries: 2,
  timeoutMs: 30_000,
  initialDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 10_000,
};

/** Per-request overrides, passed in a call's init: `client.GET(path, { params, timeoutMs: 5_000, maxRetries: 0 })`. */
export interface RequestControls {
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number | undefined;
  /** Overrides the client's `maxRetries` for this call. */
  maxRetries?: number | undefined;
  /** Aborts the call, including any retry wait, with an `AbortError`. */
  signal?: AbortSignal | undefined;
}

/** True when a response's status is worth another attempt (429 and the transient 5xx). */
export function shouldRetry(response: Response): boolean {
  return RETRYABLE_STATUSES.includes(response.status);
}

/**
 * The wait before retry `retry` (from 0) when the server named none: exponential backoff with full jitter,
 * random(0, min(maxDelayMs, initialDelayMs·2ⁿ)). Full jitter spreads clients that failed together.
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  return random() * Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** retry);
}

/** What each setting may be, as the error message says it: `NaN` (an unset environment variable) is none of these. */
type Rule = [check: (value: number) => boolean, rule: string];
// A timer's delay: a larger one (Infinity too) overflows and fires at once.
const TIMER_DELAY: Rule = [(value) => value >= 0 && value < 2 ** 31, 'from 0 to 2147483647'];
const ALLOWED: Record<keyof RetryPolicy, Rule> = {
  maxRetries: [(value) => value >= 0 && (Number.isInteger(value) || value === Infinity), 'a whole number of 0 or more'],
  timeoutMs: TIMER_DELAY,
  initialDelayMs: TIMER_DELAY,
  maxDelayMs: TIMER_DELAY,
  maxRetryAfterMs: [(value) => value >= 0, '0 or more'],
};

/**
 * `base` with each defined value of `overrides` in its place. Throws a `TypeError` naming the first one out of
 * its range: `NaN` from an unset environment variable would otherwise retry without end, and a timeout of
 * `Infinity` fire at once.
 */
export function withOverrides(
  base: RetryPolicy,
  overrides: { [Key in keyof RetryPolicy]?: number | undefined },
  where: string,
): RetryPolicy {
  const policy = { ...base };
  for (const [key, value] of Object.entries(overrides) as Array<[keyof RetryPolicy, number | undefined]>) {
    if (value === undefined) continue;
    const [check, rule] = ALLOWED[key];
    if (!check(value)) throw new TypeError(`${where}: ${key} must be ${rule}, not ${String(value)}`);
    policy[key] = value;
  }
  return policy;
}
