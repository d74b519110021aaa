// The transport under openapi-fetch: a `fetch` with a per-attempt timeout, the caller's signal,
// and retries with exponential backoff and full jitter. Platform neutral: fetch, AbortController
// and setTimeout only.
import { AbortError, ConnectionError, TimeoutError, retryAfterMs } from './errors.js';
import { createTimeouts } from './timeouts.js';

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
  timeoutMs?: number;
  /** Overrides the client's `maxRetries` for this call. */
  maxRetries?: number;
  /** Aborts the call, including any retry wait, with an `AbortError`. */
  signal?: AbortSignal;
}

type Fetch = (input: Request | string, init?: RequestInit) => Promise<Response>;

/**
 * What `createClient`'s `GET` has openapi-fetch build in place of a `Request` when no middleware can see it: the URL
 * and the init. `fetch` builds its own Request from its arguments anyway, so a Request built beforehand (its URL
 * parsed, its headers copied, its own AbortSignal made: ~10 µs in Node) is work done twice.
 */
export class PendingRequest {
  declare readonly url: string;
  declare readonly init: RequestInit;
  constructor(url: string, init: RequestInit) {
    this.url = url;
    this.init = init;
  }
}

/**
 * Wraps `baseFetch` with timeouts, abort handling and retries (every operation of the spec is a GET, so all are retried).
 * `startTimeout` registers an attempt for its timeout (default: this client's own windows).
 */
export const createRetryingFetch =
  (baseFetch: Fetch, policy: RetryPolicy, startTimeout = createTimeouts()): ((request: Request) => Promise<Response>) =>
  async (request: (Request | PendingRequest) & RequestControls) => {
    // openapi-fetch copies unknown init keys (our RequestControls) onto the request.
    const maxRetries = request.maxRetries ?? policy.maxRetries;
    const timeoutMs = request.timeoutMs ?? policy.timeoutMs;
    const { init } = request as PendingRequest;
    // A pending request carries the caller's signal as given; a Request's own signal follows the caller's.
    const signal = init ? init.signal : (request as Request).signal;
    // One listener on the caller's signal for the whole call: it aborts the running attempt, or ends the
    // retry wait (the loop then throws the AbortError).
    let controller!: AbortController; // set before anything can abort
    let timer: ReturnType<typeof setTimeout> | undefined;
    let wake: (() => void) | undefined;
    const onAbort = () => {
      controller.abort();
      clearTimeout(timer);
      wake?.();
    };
    signal?.addEventListener('abort', onAbort);
    try {
      for (let attempt = 0; ; attempt++) {
        if (signal?.aborted) throw abortError(signal);
        const last = attempt >= maxRetries;
        let response: Response | undefined;
        let wait: number | undefined;
        // One attempt: the caller's signal and the timeout both abort it; failures become typed errors.
        controller = new AbortController();
        const running = timeoutMs > 0 ? startTimeout(timeoutMs, controller) : undefined;
        try {
          // A pending request: its URL and init; a Request: itself (a body is read once, so a clone unless last).
          response = await baseFetch(
            init ? request.url : last || !(request as Request).body ? (request as Request) : (request as Request).clone(),
            { ...init, signal: controller.signal },
          );
        } catch (cause) {
          if (signal?.aborted) throw abortError(signal);
          if (last) {
            // Our controller fired without the caller's signal: the timeout did.
            const timedOut = controller.signal.aborted;
            throw new (timedOut ? TimeoutError : ConnectionError)({
              code: timedOut ? 'timeout' : 'connection_error',
              message: `${timedOut ? `No response within ${timeoutMs} ms` : `Connection failed: ${(cause as Error)?.cause ?? cause}`} (${request.url.split('?')[0]})`,
              cause,
            });
          }
        } finally {
          running?.delete(controller);
        }
        if (response) {
          if (last || !RETRYABLE_STATUSES.includes(response.status)) return response;
          wait = retryAfterMs(
            response,
            await response
              .clone()
              .json()
              .catch(() => {}),
          );
          if (wait! > policy.maxRetryAfterMs) return response;
          response.body?.cancel().catch(() => {});
        }
        // The retry wait: a timer, ended early by onAbort, or not started when the caller aborted while the
        // response was being read (onAbort found no wait to end then); the loop then throws the AbortError.
        await new Promise<void>((resolve) => {
          wake = resolve;
          timer = setTimeout(
            resolve,
            signal?.aborted ? 0 : (wait ?? Math.random() * Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** attempt)),
          );
        });
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  };

/** The caller's abort as a typed error (`cause` is the signal's reason). */
export const abortError = (signal: AbortSignal): AbortError =>
  new AbortError({ code: 'aborted', message: 'Aborted by the caller', cause: signal.reason });
