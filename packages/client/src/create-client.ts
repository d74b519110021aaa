import createFetchClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from '@session-obs/types';

/** Production base URL of the session endpoints (the first server of the spec). */
export const DEFAULT_BASE_URL = 'https://api.metorial.com';

export interface ClientOptions {
  /** API origin, e.g. `http://127.0.0.1:4010` for the local mock. Default: {@link DEFAULT_BASE_URL}. */
  baseUrl?: string;
  /** Secret API token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** `fetch` implementation to use (for tests, proxies, or runtimes without a global fetch). */
  fetch?: typeof globalThis.fetch;
}

/** The typed openapi-fetch client for every operation of the spec. */
export type SessionObservabilityClient = Client<paths>;

/** Creates a typed client: `client.GET('/session-errors', { params: { query: { limit: 10 } } })`. */
export function createClient(options: ClientOptions): SessionObservabilityClient {
  if (typeof options?.token !== 'string' || options.token.trim() === '') {
    throw new TypeError('createClient: `token` must be a non-empty string.');
  }
  const client = createFetchClient<paths>({
    baseUrl: (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, ''),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  client.use(bearerAuth(options.token));
  return client;
}

function bearerAuth(token: string): Middleware {
  return {
    onRequest({ request }) {
      request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
  };
}
