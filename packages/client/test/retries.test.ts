// Which responses are retried, how long the client waits, and what it hands back: against a real local
// HTTP server, with the waits on a TestClock (so they are exact, and cost no wall-clock time).
import { describe, expect, it } from 'vitest';
import { BadRequestError, RateLimitError, ServerError } from '../src/index.js';
import { DEFAULT_POLICY, backoffDelay, shouldRetry } from '../src/retry-policy.js';
import { sessionError } from './fault-server.js';
import { PATH, clockedClient, group, params, realClient, rejection, useFaultServer } from './helpers.js';
import { TEST_CLOCK_START } from './test-clock.js';

const fault = useFaultServer();

describe('the policy', () => {
  it.each([
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [504, true],
    [200, false],
    [400, false],
    [401, false],
    [404, false],
    [409, false],
    [413, false],
    [501, false],
  ])('shouldRetry(%i) is %s', (status, retried) => {
    expect(shouldRetry(new Response(null, { status }))).toBe(retried);
  });

  it.each([
    // retry, random(), expected wait: random × min(maxDelayMs 8 000, initialDelayMs 500 × 2^retry)
    [0, 0, 0],
    [0, 0.5, 250],
    [0, 0.999, 499.5],
    [1, 0.5, 500],
    [3, 0.5, 2000],
    [4, 0.5, 4000],
    [5, 0.5, 4000],
    [12, 0.999, 7992],
  ])('backoff before retry %i with random() = %f waits %f ms (full jitter)', (retry, random, wait) => {
    expect(backoffDelay(retry, DEFAULT_POLICY, () => random)).toBeCloseTo(wait, 6);
  });
});

describe('server-requested waits', () => {
  it.each([
    ['Retry-After in seconds', { status: 429, headers: { 'retry-after': '1' }, body: sessionError(429, 'rate_limit_exceeded') }, 1000],
    [
      'Retry-After as an HTTP date, measured from the clock',
      { status: 503, headers: { 'retry-after': new Date(TEST_CLOCK_START + 3000).toUTCString() }, body: sessionError(503, 'unavailable') },
      3000,
    ],
    [
      "the body's retry_after (observability dialect) when there is no header",
      { status: 429, body: { type: 'too_many_requests', retry_after: 0.4 } },
      400,
    ],
  ] as const)('waits %s, then returns the 200', async (_, reply, wait) => {
    const { server } = fault;
    const { client, clock } = clockedClient(server, { timeoutMs: 0 });
    server.script(reply, { body: group });
    const call = client.GET(PATH, { params });
    expect(await clock.nextTimer()).toBe(wait);
    clock.advance(wait - 1);
    expect(clock.pending).toBe(1);
    expect(server.received).toHaveLength(1);
    clock.advance(1);
    const { data, response } = await call;
    expect(response.status).toBe(200);
    expect(data).toEqual(group);
    expect(server.received).toHaveLength(2);
  });

  it('a 429 whose Retry-After exceeds maxRetryAfterMs is not waited for: RateLimitError carries the wait', async () => {
    const { server } = fault;
    const { client, clock } = clockedClient(server, { timeoutMs: 0 });
    server.script({ status: 429, headers: { 'retry-after': '30' }, body: sessionError(429, 'rate_limit_exceeded') });
    const error = await rejection(client.unwrap(client.GET(PATH, { params })));
    expect(clock.timersSet).toBe(0);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(30_000);
    expect(server.received).toHaveLength(1);
  });
});

describe('backoff', () => {
  it('retries 503 twice with full-jitter backoff, then succeeds (maxRetries default 2)', async () => {
    const { server } = fault;
    const { client, clock } = clockedClient(server, { timeoutMs: 0, retry: { initialDelayMs: 100, maxDelayMs: 8000 } });
    server.script({ status: 503 }, { status: 503 }, { body: group });
    const call = client.GET(PATH, { params });
    const first = await clock.nextTimer();
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThan(100);
    clock.advance(first);
    const second = await clock.nextTimer();
    expect(second).toBeGreaterThanOrEqual(0);
    expect(second).toBeLessThan(200);
    clock.advance(second);
    expect((await call).data).toEqual(group);
    expect(server.received).toHaveLength(3);
  });

  it.each([500, 502, 504])('retries %i', async (status) => {
    const { server } = fault;
    server.script({ status, body: sessionError(status, 'internal_server_error') }, { body: group });
    expect((await realClient(server).GET(PATH, { params })).data).toEqual(group);
    expect(server.received).toHaveLength(2);
  });

  it.each([400, 401, 403, 404, 409, 413, 422])('never retries %i', async (status) => {
    const { server } = fault;
    server.script({ status, body: sessionError(status, 'nope') });
    const { error, response } = await realClient(server).GET(PATH, { params });
    expect(response.status).toBe(status);
    expect(error).toMatchObject({ code: 'nope' });
    expect(server.received).toHaveLength(1);
  });

  it('a 400 through unwrap is a BadRequestError with the request id and body, not retried', async () => {
    const { server } = fault;
    const body = sessionError(400, 'invalid_data', 'limit must be <= 100', {
      entity: 'query',
      errors: [{ code: 'too_big', message: 'too big', path: ['limit'] }],
    });
    server.script({ status: 400, headers: { 'x-request-id': 'req_abc' }, body });
    const client = realClient(server);
    const error = await rejection(client.unwrap(client.GET(PATH, { params })));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ kind: 'BadRequestError', status: 400, code: 'invalid_data', requestId: 'req_abc', body });
    expect(server.received).toHaveLength(1);
  });

  it('exhausted retries give the last status: returned by GET, thrown typed by unwrap', async () => {
    const { server } = fault;
    server.script(
      { status: 503 },
      { status: 503 },
      { status: 502, headers: { 'metorial-req-id': 'req_last' }, body: sessionError(502, 'bad_gateway') },
    );
    const client = realClient(server);
    const error = await rejection(client.unwrap(client.GET(PATH, { params })));
    expect(server.received).toHaveLength(3);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 502, code: 'bad_gateway', requestId: 'req_last' });

    server.script({ status: 500 }, { status: 500 });
    const { response } = await client.GET(PATH, { params, maxRetries: 1 });
    expect(response.status).toBe(500);
  });

  it('maxRetries: 0 (client or per request) disables retries', async () => {
    const { server } = fault;
    server.script({ status: 503 });
    expect((await realClient(server, { maxRetries: 0 }).GET(PATH, { params })).response.status).toBe(503);
    server.script({ status: 503 });
    expect((await realClient(server).GET(PATH, { params, maxRetries: 0 })).response.status).toBe(503);
    expect(server.received).toHaveLength(2);
  });

  it('a non-JSON error body is kept as text, with a generic message', async () => {
    const { server } = fault;
    server.script({ status: 502, body: '<html>Bad Gateway</html>' }, { status: 502, body: '<html>Bad Gateway</html>' });
    const client = realClient(server, { maxRetries: 1 });
    const error = await rejection(client.unwrap(client.GET(PATH, { params })));
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 502, code: 'http_502', body: '<html>Bad Gateway</html>' });
  });
});
