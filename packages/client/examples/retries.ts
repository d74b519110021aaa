import { createClient } from '@session-obs/client';

// 429, 500, 502, 503, 504, network errors and timeouts are retried up to `maxRetries` times (default 2),
// waiting Retry-After (or the body's retry_after) when the server says, else exponential backoff with
// full jitter: retry n waits random(0, min(8 s, 500 ms × 2ⁿ)). A server wait above 10 s is not retried.
const client = createClient({
  token: process.env.METORIAL_TOKEN ?? 'metorial_sk_test',
  maxRetries: 4,
  retry: { initialDelayMs: 250, maxDelayMs: 4_000, maxRetryAfterMs: 30_000 },
});

// Per request: turn retries off for a call that must fail fast.
const { response } = await client.GET('/session-errors', { params: { query: {} }, maxRetries: 0 });
console.log(response.status);
