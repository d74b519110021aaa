import createFetchClient, { type Client } from 'openapi-fetch';
import type { paths } from '@session-obs/types';
import { systemClock, type Clock } from './clock.js';
import { errorFromResponse } from './errors.js';
import { pages, type GetPage, type ListResult, type LooseInit } from './paginate.js';
import { DEFAULT_POLICY, type RetryPolicy } from './retry-policy.js';
import { createTransport } from './transport.js';
import type { DataOf, FetchResultLike, ListItem, ListPage, ListPath, PaginateArgs } from './types.js';

/** Production base URL of the session endpoints (the first server of the spec). */
export const DEFAULT_BASE_URL = 'https://api.metorial.com';

export interface ClientOptions {
  /** API origin, e.g. `http://127.0.0.1:4010` for the local mock. Default: {@link DEFAULT_BASE_URL}. */
  baseUrl?: string;
  /** Secret API token, sent as `Authorization: Bearer <token>`; never included in errors. */
  token: string;
  /** Per-attempt timeout until the response headers arrive, in ms. Default 30 000; `0` disables it. */
  timeoutMs?: number;
  /** Retries after the first attempt for 429, 500, 502, 503, 504, network errors and timeouts. Default 2. */
  maxRetries?: number;
  /** `fetch` implementation (tests, proxies, runtimes without a global fetch). Default: `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
  /** `User-Agent` header, e.g. `my-app/1.2 session-obs-client`. Default: none (the runtime's own; browsers ignore it). */
  userAgent?: string;
  /** Backoff tuning; defaults in {@link DEFAULT_POLICY} (500 ms initial, 8 s max, server waits honoured up to 10 s). */
  retry?: Partial<Pick<RetryPolicy, 'initialDelayMs' | 'maxDelayMs' | 'maxRetryAfterMs'>>;
}

/** The typed openapi-fetch client for every operation of the spec, plus pagination and `unwrap`. */
export interface SessionObservabilityClient extends Client<paths> {
  /** Every page of a list operation, fetched lazily; throws a typed `ApiError` on failure. */
  pages<P extends ListPath>(path: P, ...init: PaginateArgs<P>): AsyncGenerator<ListPage<P>, void, undefined>;
  /** Every item of a list operation across pages, fetched lazily; throws a typed `ApiError` on failure. */
  paginate<P extends ListPath>(path: P, ...init: PaginateArgs<P>): AsyncGenerator<ListItem<P>, void, undefined>;
  /** Awaits a `client.GET(…)` result and returns its `data`, or throws the typed `ApiError` for its error. */
  unwrap<T extends FetchResultLike>(result: T | Promise<T>): Promise<DataOf<T>>;
}

/**
 * Creates a typed client: `client.GET('/session-errors', { params: { query: { limit: 10 } } })`.
 * `GET` resolves to `{ data, error, response }` for any HTTP status (after retries) and rejects only with
 * transport errors (`ConnectionError`, `TimeoutError`, `AbortError`); `unwrap`, `pages` and `paginate` throw
 * the typed `ApiError` of a non-2xx response too.
 */
export function createClient(options: ClientOptions): SessionObservabilityClient {
  return createClientOn(systemClock, options);
}

/** {@link createClient} with its timeouts and retry waits on `clock` (tests drive time with it). */
export function createClientOn(clock: Clock, options: ClientOptions): SessionObservabilityClient {
  const { token } = options ?? {};
  if (typeof token !== 'string' || !token.trim()) throw new TypeError('createClient: token required');
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  // Checked here, so a typo fails at once rather than on the first call. A relative base URL resolves
  // against the page in a browser, as fetch resolves it.
  if (!URL.canParse(baseUrl, globalThis.location?.href)) throw new TypeError(`createClient: invalid baseUrl ${baseUrl}`);
  const policy: RetryPolicy = {
    ...DEFAULT_POLICY,
    ...options.retry,
    timeoutMs: options.timeoutMs ?? DEFAULT_POLICY.timeoutMs,
    maxRetries: options.maxRetries ?? DEFAULT_POLICY.maxRetries,
  };

  const client = createFetchClient<paths>({
    baseUrl,
    // Only the headers asked for: an undefined one is left out.
    headers: { Authorization: `Bearer ${token}`, 'User-Agent': options.userAgent },
    fetch: createTransport(options.fetch ?? globalThis.fetch, policy, clock),
  });

  const unwrap = async <T extends FetchResultLike>(result: T | Promise<T>): Promise<DataOf<T>> => {
    const { data, error, response } = await result;
    if (!response.ok) throw errorFromResponse(response, error, token);
    return data as DataOf<T>;
  };
  // `pages` walks any list path, so it sees GET untyped: a path, an init, and the list envelope back.
  const getList = client.GET as (path: string, init: LooseInit) => Promise<ListResult>;
  const getPage: GetPage = (path, init) => unwrap(getList(path, init));
  return {
    ...client,
    unwrap,
    pages: ((path: string, init?: LooseInit) => pages(getPage, path, init)) as SessionObservabilityClient['pages'],
    paginate: ((path: string, init?: LooseInit) => pages(getPage, path, init, true)) as SessionObservabilityClient['paginate'],
  };
}
