import createFetchClient, {
  type Client,
  type ClientPathsWithMethod,
  type FetchResponse,
  type HeadersOptions,
  type MaybeOptionalInit,
} from 'openapi-fetch';
import { systemClock, type Clock } from './clock.js';
import { errorFromResponse, InvalidResponseError } from './errors.js';
import { pages, type GetPage, type ListResult, type LooseInit } from './paginate.js';
import { DEFAULT_POLICY, withOverrides, type RequestControls } from './retry-policy.js';
import { createTransport } from './transport.js';
import type { ClientPaths, DataOf, FetchResultLike, ListItem, ListPage, ListPath, PaginateArgs } from './types.js';
import { ROOT_CREDENTIAL, SERVERS } from './generated/upstreams.js';
import { resolveUpstreams, routeCall, type UpstreamOptions } from './upstreams.js';

/** Production server of the session endpoints (the spec's root server); other operations declare their own. */
export const DEFAULT_BASE_URL: string = SERVERS[ROOT_CREDENTIAL];

export interface ClientOptions {
  /** The session endpoints' upstream (`https://api.metorial.com`): its secret key (`metorial_sk_…`) and optional origin. */
  metorial?: UpstreamOptions | undefined;
  /** The observability endpoint's upstream (`https://api.devrev.ai`): a DevRev token and optional origin. */
  devrev?: UpstreamOptions | undefined;
  /**
   * One origin for every operation, e.g. `http://127.0.0.1:4010` for the local mock or sandbox (which serve
   * both upstreams). An upstream's own `baseUrl` wins. Default: each operation's server in the spec.
   */
  baseUrl?: string | undefined;
  /**
   * The credential of the session endpoints (same as `metorial.token`) and, with `baseUrl`, of every
   * operation sent there. Never sent to another upstream's production server.
   */
  token?: string | undefined;
  /** Per-attempt timeout until the response headers arrive, in ms. Default 30 000; `0` disables it. */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt for 429, 500, 502, 503, 504, network errors and timeouts. Default 2. */
  maxRetries?: number | undefined;
  /** `fetch` implementation (tests, proxies, runtimes without a global fetch). Default: `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch | undefined;
  /** `User-Agent` header, e.g. `my-app/1.2 session-obs-client`. Default: none (the runtime's own; browsers ignore it). */
  userAgent?: string | undefined;
  /** Backoff tuning; defaults in {@link DEFAULT_POLICY} (500 ms initial, 8 s max, server waits honoured up to 10 s). */
  retry?: { [Key in 'initialDelayMs' | 'maxDelayMs' | 'maxRetryAfterMs']?: number | undefined } | undefined;
}

/** openapi-fetch's `GET`, with the per-call {@link RequestControls} in its init typed (a `timeoutMs: '5s'` is an error). */
export type GetMethod = <
  Path extends ClientPathsWithMethod<Client<ClientPaths>, 'get'>,
  Init extends MaybeOptionalInit<ClientPaths[Path], 'get'> & RequestControls,
>(
  url: Path,
  // As openapi-fetch's own: optional when no key is required, and open to keys a middleware reads.
  ...init: Record<never, never> extends Init ? [(Init & { [key: string]: unknown })?] : [Init & { [key: string]: unknown }]
) => Promise<FetchResponse<ClientPaths[Path]['get'], Init, `${string}/${string}`>>;

/** The typed openapi-fetch client for every operation of the spec, plus pagination and `unwrap`. */
export interface SessionObservabilityClient extends Omit<Client<ClientPaths>, 'GET'> {
  /** Calls a GET operation: `{ data, error, response }` for any status; see {@link createClient}. */
  GET: GetMethod;
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
 * transport errors (`ConnectionError`, `TimeoutError`, `AbortError`), `InvalidResponseError` (a 2xx body
 * that is not JSON) and, before any request, `MissingCredentialError` or a `TypeError` for a bad argument;
 * `unwrap`, `pages` and `paginate` throw the typed `ApiError` of a non-2xx response too.
 * Each operation goes to the server its spec entry declares, with the credential of its security scheme:
 * `createClient({ metorial: { token }, devrev: { token } })`; `createClient({ baseUrl, token })` sends
 * every operation to one server (a mock or sandbox) with one token.
 */
export function createClient(options: ClientOptions): SessionObservabilityClient {
  return createClientOn(systemClock, options);
}

/** {@link createClient} with its timeouts and retry waits on `clock` (tests drive time with it). */
export function createClientOn(clock: Clock, options: ClientOptions): SessionObservabilityClient {
  // Checked here, so a typo or a missing token fails at once rather than on the first call.
  const upstreams = resolveUpstreams(options ?? {});
  const tokens = Object.values(upstreams).map((upstream) => upstream.token ?? '');
  const policy = withOverrides(
    DEFAULT_POLICY,
    { ...options.retry, timeoutMs: options.timeoutMs, maxRetries: options.maxRetries },
    'createClient',
  );

  const client = createFetchClient<ClientPaths>({
    // Only the headers asked for: an undefined one is left out. The credential is set per call.
    headers: { 'User-Agent': options.userAgent },
    fetch: createTransport(options.fetch ?? globalThis.fetch, policy, clock),
  });
  // Every call goes to its operation's server with its credential; without one it rejects before any request.
  const request = client.request as (method: string, path: string, init: object) => Promise<unknown>;
  // A 2xx body that is not JSON makes openapi-fetch's parse throw a SyntaxError: typed here, naming the call.
  const send = async (method: string, path: string, init: LooseInit & { baseUrl?: string; headers?: HeadersOptions } = {}) =>
    request(method, path, routeCall(upstreams, method, path, init)).catch((cause: unknown) => {
      throw cause instanceof SyntaxError
        ? new InvalidResponseError({
            code: 'invalid_response',
            message: `The response is not JSON: ${cause.message} (${method} ${path})`,
            cause,
          })
        : cause;
    });

  const unwrap = async <T extends FetchResultLike>(result: T | Promise<T>): Promise<DataOf<T>> => {
    const { data, error, response } = await result;
    if (!response.ok) throw errorFromResponse(response, error, tokens);
    return data as DataOf<T>;
  };
  // `pages` walks any list path, so it sees GET untyped: a path, an init, and the list envelope back.
  const getPage: GetPage = (path, init) => unwrap(send('GET', path, init) as Promise<ListResult>);
  // The spec has GET operations only: the other methods of openapi-fetch's client have no path to call.
  return {
    ...client,
    request: send,
    GET: (path: string, init?: LooseInit) => send('GET', path, init),
    unwrap,
    pages: (path: string, init?: LooseInit) => pages(getPage, path, init),
    paginate: (path: string, init?: LooseInit) => pages(getPage, path, init, true),
  } as unknown as SessionObservabilityClient;
}
