// Sends a prepared request with fetch and keeps what the console shows: status, duration, the headers
// that matter and the body text. Nothing else is ever fetched by the console.
import type { PreparedRequest } from './request.js';

/** Headers worth showing, in this order, when the response carries them (and CORS exposes them). */
export const SHOWN_HEADERS = ['X-Request-Id', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'Retry-After', 'Content-Type'];
/** How long Send waits for an answer. */
export const TIMEOUT_MS = 30_000;

/** A response as received. */
export interface Received {
  status: number;
  statusText: string;
  durationMs: number;
  headers: Array<[string, string]>;
  bodyText: string;
}
/** A request that got no HTTP answer (server down, CORS refused, timeout). */
export interface NotReceived {
  failure: string;
  durationMs: number;
}

/** Sends `request`; `fetchImpl` and `now` are injectable for tests. */
export async function send(
  request: PreparedRequest,
  fetchImpl: typeof fetch = fetch,
  now = () => performance.now(),
): Promise<Received | NotReceived> {
  const started = now();
  try {
    const response = await fetchImpl(request.url, {
      method: request.method,
      headers: request.headers,
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const bodyText = await response.text();
    const headers = SHOWN_HEADERS.flatMap((name): Array<[string, string]> => {
      const value = response.headers.get(name);
      return value === null ? [] : [[name, value]];
    });
    return { status: response.status, statusText: response.statusText, durationMs: now() - started, headers, bodyText };
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS / 1000} s` : String((error as Error).message);
    return {
      failure: `No answer from ${new URL(request.url).origin} (${reason}). Is the server running and does it allow requests from this page (CORS)?`,
      durationMs: now() - started,
    };
  }
}
