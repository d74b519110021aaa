// The `fetch` openapi-fetch calls (its `fetch` option): every attempt has a timeout, the caller's signal
// aborts an attempt or a retry wait at any point, and 429/5xx responses, network errors and timeouts are
// retried. openapi-fetch builds the Request with the caller's `signal`, so `request.signal` follows it.
import { type Clock, sleep } from './clock.js';
import { AbortError, ConnectionError, TimeoutError, abortError, retryAfterMs, type ApiError } from './errors.js';
import { backoffDelay, shouldRetry, withOverrides, type RequestControls, type RetryPolicy } from './retry-policy.js';

/** A WHATWG `fetch`. */
export type Fetch = (input: Request, init?: RequestInit) => Promise<Response>;

/** Wraps `baseFetch` with timeouts, abort handling and retries (every operation of the spec is a GET, so all are retried). */
export function createTransport(baseFetch: Fetch, policy: RetryPolicy, clock: Clock): (request: Request) => Promise<Response> {
  return async (request) => typedBody(await sendWithRetries(baseFetch, policy, clock, request), request);
}

/** The attempts of one request, until a response to hand on or a typed error. */
async function sendWithRetries(baseFetch: Fetch, policy: RetryPolicy, clock: Clock, request: Request): Promise<Response> {
  // openapi-fetch copies the init's keys that a Request lacks (our RequestControls) onto the Request.
  const controls = request as Request & RequestControls;
  const { maxRetries, timeoutMs } = withOverrides(policy, { maxRetries: controls.maxRetries, timeoutMs: controls.timeoutMs }, 'the call');
  for (let retry = 0; ; retry++) {
    const last = retry >= maxRetries;
    let wait: number;
    try {
      // A body can be sent once: every attempt but the last sends a copy.
      const response = await sendAttempt(baseFetch, last || !request.body ? request : request.clone(), timeoutMs, clock);
      if (last || !shouldRetry(response)) return response;
      const requested = await requestedWait(response, clock);
      // A longer wait than we sit through is handed back: the caller gets the response and can reschedule.
      if (requested !== undefined && requested > policy.maxRetryAfterMs) return response;
      void response.body?.cancel().catch(() => {});
      wait = requested ?? backoffDelay(retry, policy);
    } catch (error) {
      if (last || error instanceof AbortError) throw error;
      wait = backoffDelay(retry, policy);
    }
    await sleep(wait, request.signal, clock);
  }
}

/**
 * `response` with its body readers (`json`, `text`: what openapi-fetch calls once the transport returned) failing
 * with the typed error: the caller's abort, or a connection lost mid-body. (A body that is not JSON fails in
 * openapi-fetch's own `JSON.parse` too, so `createClient` types that one.)
 */
function typedBody(response: Response, request: Request): Response {
  for (const read of ['json', 'text'] as const) {
    const original = response[read].bind(response);
    response[read] = () =>
      original().catch((cause: unknown) => {
        throw bodyError(cause, request);
      });
  }
  return response;
}

/** The typed error for a body that could not be read (a parse error is left as it is). */
function bodyError(cause: unknown, request: Request): unknown {
  if (request.signal.aborted) return abortError(request.signal);
  if (cause instanceof SyntaxError) return cause;
  return connectionError('Connection lost while reading the response', cause, pathOf(request.url));
}

/** A URL without its query, for messages: the query may hold ids the caller would not want in logs. */
const pathOf = (url: string): string => url.split('?')[0]!;

/** A `ConnectionError` saying `what` happened: fetch's TypeError names the system error (ECONNREFUSED, ENOTFOUND, …) in its `cause`. */
function connectionError(what: string, cause: unknown, path: string): ConnectionError {
  const reason = cause instanceof Error && cause.cause !== undefined ? cause.cause : cause;
  return new ConnectionError({ code: 'connection_error', message: `${what}: ${String(reason)} (${path})`, cause });
}

/**
 * One attempt: `fetch` with an AbortController of its own, aborted by the caller's signal (also while the body
 * is read, after the attempt returned), or by the timer when no response headers arrived within `timeoutMs`
 * (the body is then read without a timer: a large page coming slowly is still coming). A failure rejects with
 * the typed error.
 */
async function sendAttempt(baseFetch: Fetch, request: Request, timeoutMs: number, clock: Clock): Promise<Response> {
  const callerSignal = request.signal;
  if (callerSignal.aborted) throw abortError(callerSignal);
  const attempt = new AbortController();
  const abort = () => attempt.abort();
  // Left on the Request's own signal, which lives as long as the Request: never on a caller's long-lived one.
  callerSignal.addEventListener('abort', abort, { once: true });
  const timer = timeoutMs > 0 ? clock.setTimeout(abort, timeoutMs) : undefined;
  try {
    return await baseFetch(request, { signal: attempt.signal });
  } catch (cause) {
    callerSignal.removeEventListener('abort', abort);
    throw toTransportError(cause, { callerSignal, attemptAborted: attempt.signal.aborted, timeoutMs, url: request.url });
  } finally {
    clock.clearTimeout(timer);
  }
}

/** How an attempt without a response ended. */
interface FailedAttempt {
  callerSignal: AbortSignal;
  /** The attempt's own signal fired: through the caller's signal, or else by the timer. */
  attemptAborted: boolean;
  timeoutMs: number;
  url: string;
}

/** The typed error for an attempt that got no response: the caller's abort, our timeout, or a failed connection. */
function toTransportError(cause: unknown, { callerSignal, attemptAborted, timeoutMs, url }: FailedAttempt): ApiError {
  if (callerSignal.aborted) return abortError(callerSignal);
  const path = pathOf(url);
  if (attemptAborted) return new TimeoutError({ code: 'timeout', message: `No response within ${timeoutMs} ms (${path})`, cause });
  return connectionError('Connection failed', cause, path);
}

/** The wait a retryable response asks for (`Retry-After`, else its JSON body's `retry_after`), read from a copy of its body. */
async function requestedWait(response: Response, clock: Clock): Promise<number | undefined> {
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => undefined);
  return retryAfterMs(response, body, clock.now());
}
