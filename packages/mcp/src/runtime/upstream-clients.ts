// One @session-obs/client per upstream API: the client brings the servers' URLs, the bearer credential,
// retries with backoff, timeouts and typed errors. In single mode every upstream shares one client.
import { createClient, type SessionObservabilityClient } from '@session-obs/client';
import { upstreamOptionNames, type Target } from './config.js';

/** The client of an upstream, or why there is none. */
export type UpstreamClient = { client: SessionObservabilityClient } | { missing: string };

/**
 * Each attempt's default timeout: with the client's two retries, three attempts fit in a tool call's
 * deadline (CALL_DEADLINE_MS, 50 s). The client's own default (30 s) would leave time for fewer than two.
 */
export const ATTEMPT_TIMEOUT_MS = 15_000;

/** Client settings every upstream shares. */
export interface ClientTuning {
  timeoutMs?: number;
  maxRetries?: number;
  /** `fetch` for the clients (tests, proxies); default the global one. */
  fetch?: typeof globalThis.fetch;
}

/** The clients of a target, by upstream name, and every secret they hold (to keep out of answers). */
export function createUpstreamClients(
  target: Target,
  upstreams: Record<string, string>,
  tuning: ClientTuning = {},
): { clientFor(upstream: string): UpstreamClient; secrets: string[] } {
  const options = {
    userAgent: 'session-obs-mcp',
    timeoutMs: tuning.timeoutMs ?? ATTEMPT_TIMEOUT_MS,
    ...(tuning.maxRetries !== undefined ? { maxRetries: tuning.maxRetries } : {}),
    ...(tuning.fetch ? { fetch: tuning.fetch } : {}),
  };
  if (target.mode === 'single') {
    const client = createClient({ ...options, baseUrl: target.baseUrl, token: target.token });
    return { clientFor: () => ({ client }), secrets: [target.token] };
  }
  const clients = new Map<string, UpstreamClient>();
  for (const [upstream, { token, baseUrl }] of Object.entries(target.upstreams)) {
    const names = upstreamOptionNames(upstream);
    clients.set(
      upstream,
      token
        ? { client: createClient({ ...options, baseUrl, token }) }
        : { missing: `${upstream}.token is not set: pass --${names.token} or set ${names.tokenVariable} to call the ${upstream} API.` },
    );
  }
  const secrets = Object.values(target.upstreams).flatMap(({ token }) => (token ? [token] : []));
  return {
    clientFor: (upstream) =>
      clients.get(upstream) ?? { missing: `${upstream}.token is not set: this server has no ${upstream} upstream configured.` },
    secrets,
  };
}
