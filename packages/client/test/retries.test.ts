// Retries, timeouts, aborts and transport errors against a real local HTTP server.
import { getEventListeners } from 'node:events';
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AbortError,
  ApiError,
  BadRequestError,
  ConnectionError,
  RateLimitError,
  ServerError,
  TimeoutError,
  createClient,
  type ClientOptions,
} from '../src/index.js';
import { sessionError, startFaultServer, type FaultServer } from './fault-server.js';

const TOKEN = 'sk_live_SECRET_tok_9f8e7d';
const PATH = '/session-error-groups/{session_error_group_id}' as const;
const params = { path: { session_error_group_id: 'seg_1' } };
const group = { object: 'session.error_group', id: 'seg_1' };

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.received.length = 0;
});

const client = (options: Partial<ClientOptions> = {}) =>
  createClient({ baseUrl: server.url, token: TOKEN, retry: { initialDelayMs: 5, maxDelayMs: 20 }, ...options });

/** Awaits a promise expected to reject and returns the reason. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('retries', () => {
  it('waits Retry-After (seconds) on a 429, then returns the 200', async () => {
    server.script({ status: 429, headers: { 'retry-after': '1' }, body: sessionError(429, 'rate_limit_exceeded') }, { body: group });
    const { data, response } = await client().GET(PATH, { params });
    expect(response.status).toBe(200);
    expect(data).toEqual(group);
    expect(server.received).toHaveLength(2);
    expect(server.received[1]!.at - server.received[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('waits Retry-After given as an HTTP date', async () => {
    const date = new Date(Date.now() + 1500).toUTCString(); // second precision: waits ~0.5-1.5 s
    server.script({ status: 503, headers: { 'retry-after': date }, body: sessionError(503, 'unavailable') }, { body: group });
    const { data } = await client().GET(PATH, { params });
    expect(data).toEqual(group);
    expect(server.received[1]!.at - server.received[0]!.at).toBeGreaterThanOrEqual(300);
  });

  it("falls back to the body's retry_after (observability dialect) when there is no header", async () => {
    server.script({ status: 429, body: { type: 'too_many_requests', retry_after: 0.4 } }, { body: group });
    const { data } = await client().GET(PATH, { params });
    expect(data).toEqual(group);
    expect(server.received[1]!.at - server.received[0]!.at).toBeGreaterThanOrEqual(380);
  });

  it('retries 503 twice, then succeeds (maxRetries default 2)', async () => {
    server.script({ status: 503 }, { status: 503 }, { body: group });
    const { data } = await client().GET(PATH, { params });
    expect(data).toEqual(group);
    expect(server.received).toHaveLength(3);
  });

  it.each([500, 502, 504])('retries %i', async (status) => {
    server.script({ status, body: sessionError(status, 'internal_server_error') }, { body: group });
    expect((await client().GET(PATH, { params })).data).toEqual(group);
    expect(server.received).toHaveLength(2);
  });

  it.each([400, 401, 403, 404, 409, 413, 422])('never retries %i', async (status) => {
    server.script({ status, body: sessionError(status, 'nope') });
    const { error, response } = await client().GET(PATH, { params });
    expect(response.status).toBe(status);
    expect(error).toMatchObject({ code: 'nope' });
    expect(server.received).toHaveLength(1);
  });

  it('a 400 through unwrap is a BadRequestError with the request id and body, not retried', async () => {
    const body = sessionError(400, 'invalid_data', 'limit must be <= 100', {
      entity: 'query',
      errors: [{ code: 'too_big', message: 'too big', path: ['limit'] }],
    });
    server.script({ status: 400, headers: { 'x-request-id': 'req_abc' }, body });
    const c = client();
    const error = await rejection(c.unwrap(c.GET(PATH, { params })));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ kind: 'BadRequestError', status: 400, code: 'invalid_data', requestId: 'req_abc', body });
    expect(server.received).toHaveLength(1);
  });

  it('exhausted retries give the last status: returned by GET, thrown typed by unwrap', async () => {
    server.script(
      { status: 503 },
      { status: 503 },
      { status: 502, headers: { 'metorial-req-id': 'req_last' }, body: sessionError(502, 'bad_gateway') },
    );
    const c = client();
    const error = await rejection(c.unwrap(c.GET(PATH, { params })));
    expect(server.received).toHaveLength(3);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 502, code: 'bad_gateway', requestId: 'req_last' });

    server.script({ status: 500 }, { status: 500 });
    const { response } = await c.GET(PATH, { params, maxRetries: 1 });
    expect(response.status).toBe(500);
  });

  it('a 429 whose Retry-After exceeds maxRetryAfterMs is not waited for: RateLimitError carries the wait', async () => {
    server.script({ status: 429, headers: { 'retry-after': '30' }, body: sessionError(429, 'rate_limit_exceeded') });
    const c = client();
    const started = Date.now();
    const error = await rejection(c.unwrap(c.GET(PATH, { params })));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(30_000);
    expect(server.received).toHaveLength(1);
  });

  it('maxRetries: 0 (client or per request) disables retries', async () => {
    server.script({ status: 503 });
    expect((await client({ maxRetries: 0 }).GET(PATH, { params })).response.status).toBe(503);
    server.script({ status: 503 });
    expect((await client().GET(PATH, { params, maxRetries: 0 })).response.status).toBe(503);
    expect(server.received).toHaveLength(2);
  });

  it('a non-JSON error body is kept as text, with a generic message', async () => {
    server.script({ status: 502, body: '<html>Bad Gateway</html>' }, { status: 502, body: '<html>Bad Gateway</html>' });
    const c = client({ maxRetries: 1 });
    const error = await rejection(c.unwrap(c.GET(PATH, { params })));
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 502, code: 'http_502', body: '<html>Bad Gateway</html>' });
  });
});

describe('timeouts, aborts and connection errors', () => {
  it('times out each attempt, retries, then throws TimeoutError', async () => {
    server.script({ delayMs: 1000, body: group }, { delayMs: 1000, body: group });
    const error = await rejection(client({ timeoutMs: 100, maxRetries: 1 }).GET(PATH, { params }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ kind: 'TimeoutError', code: 'timeout' });
    expect((error as TimeoutError).status).toBeUndefined();
    expect(server.received).toHaveLength(2);
  });

  it('a per-request timeoutMs overrides the client default', async () => {
    server.script({ delayMs: 1000, body: group });
    const error = await rejection(client().GET(PATH, { params, timeoutMs: 50, maxRetries: 0 }));
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it('fires between timeoutMs and timeoutMs + timeoutMs/32 (timers are shared per window of attempts)', async () => {
    server.script({ delayMs: 2000, body: group });
    const started = Date.now();
    const error = await rejection(client({ timeoutMs: 320, maxRetries: 0 }).GET(PATH, { params }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(320);
    expect(Date.now() - started).toBeLessThan(320 + 10 + 600); // + width + scheduling slack on a loaded CI machine (the reply would take 2 s)
  });

  it('times out only the attempts still waiting: a sibling of the same window reading a slow body is left alone', async () => {
    server.script({ bodyDelayMs: 600, body: group }, { delayMs: 2000, body: group });
    const c = client({ timeoutMs: 200, maxRetries: 0 });
    const slowBody = c.GET(PATH, { params });
    const hung = rejection(c.GET(PATH, { params }));
    expect(await hung).toBeInstanceOf(TimeoutError);
    expect((await slowBody).data).toEqual(group);
  });

  it('a caller signal still aborts a request that a middleware replaced', async () => {
    server.script({ delayMs: 5000, body: group });
    const c = client({ maxRetries: 0 });
    c.use({ onRequest: ({ request }) => new Request(request, { headers: { 'x-extra': '1' } }) });
    // Abort once the replaced request is in flight (a fixed delay can fire before it arrives on a loaded machine).
    const controller = new AbortController();
    void server.nextRequest().then(() => controller.abort());
    const started = Date.now();
    const error = await rejection(c.GET(PATH, { params, signal: controller.signal }));
    expect(error).toBeInstanceOf(AbortError);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(server.received[0]!.headers['x-extra']).toBe('1');
  });

  it('an idle client holds no timer that keeps Node running', async () => {
    // A child process makes one request and then has nothing left to do: it must exit at once, not when
    // the 30 s timeout window's timer would fire.
    const { execFile } = await import('node:child_process');
    const script = `
      const { createClient } = await import(${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)});
      const c = createClient({ baseUrl: ${JSON.stringify(server.url)}, token: 't' });
      const { response } = await c.GET('/session-error-groups/{session_error_group_id}', { params: { path: { session_error_group_id: 'seg_1' } } });
      console.log(response.status);`;
    const started = Date.now();
    const out = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ['--input-type=module', '-e', script], { timeout: 8_000 }, (err, stdout) =>
        err ? reject(err) : resolve(stdout),
      ),
    );
    expect(out.trim()).toBe('200');
    expect(Date.now() - started).toBeLessThan(8_000);
  });

  it('a timed-out attempt followed by a good one succeeds', async () => {
    server.script({ delayMs: 1000, body: group }, { body: group });
    expect((await client({ timeoutMs: 100 }).GET(PATH, { params })).data).toEqual(group);
  });

  it('aborting during a request throws AbortError', async () => {
    server.script({ delayMs: 1000, body: group });
    const controller = new AbortController();
    void server.nextRequest().then(() => controller.abort());
    const error = await rejection(client().GET(PATH, { params, signal: controller.signal }));
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).name).toBe('AbortError');
    expect(server.received).toHaveLength(1);
  });

  it('aborting during a retry wait throws AbortError at once', async () => {
    server.script({ status: 503, headers: { 'retry-after': '5' } });
    const controller = new AbortController();
    const started = Date.now();
    // The 503 is answered at once and asks for a 5 s wait: abort shortly after it arrives, i.e. during that wait.
    void server.nextRequest().then(() => setTimeout(() => controller.abort(new Error('user left')), 50));
    const error = await rejection(client().GET(PATH, { params, signal: controller.signal }));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).cause).toEqual(new Error('user left'));
    expect(server.received).toHaveLength(1);
  });

  it('an abort between a retryable response and its retry wait throws AbortError at once, not after the wait', async () => {
    server.script({ status: 503, headers: { 'retry-after': '5' } });
    const controller = new AbortController();
    // Aborts as the 503 arrives, before the transport has read its body and started the 5 s wait.
    const abortOn503: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (response.status == 503) controller.abort(new Error('user left'));
      return response;
    };
    const started = Date.now();
    const error = await rejection(client({ fetch: abortOn503 }).GET(PATH, { params, signal: controller.signal }));
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).cause).toEqual(new Error('user left'));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(server.received).toHaveLength(1);
  });

  it("leaves no listener on the caller's signal once its calls end (success, after a retry wait, failure)", async () => {
    const controller = new AbortController();
    server.script(
      { body: group },
      { status: 503, headers: { 'retry-after': '0' } },
      { body: group },
      { status: 400, body: sessionError(400, 'invalid_data') },
    );
    const c = client();
    for (let i = 0; i < 3; i++) await c.GET(PATH, { params, signal: controller.signal });
    expect(server.received).toHaveLength(4);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it("leaves no listener on a request's signal once the call ends (success, after a retry wait, failure)", async () => {
    // openapi-fetch's Request follows the caller's signal; the transport listens on the Request's own signal.
    const requests: Request[] = [];
    const c = client();
    c.use({ onRequest: ({ request }) => void requests.push(request) });
    server.script(
      { body: group },
      { status: 503, headers: { 'retry-after': '0' } },
      { body: group },
      { status: 400, body: sessionError(400, 'invalid_data') },
    );
    for (let i = 0; i < 3; i++) await c.GET(PATH, { params, signal: new AbortController().signal });
    expect(server.received).toHaveLength(4);
    expect(requests.map((r) => getEventListeners(r.signal, 'abort').length)).toEqual([0, 0, 0]);
  });

  it('an already-aborted signal sends nothing', async () => {
    const error = await rejection(client().GET(PATH, { params, signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(AbortError);
    expect(server.received).toHaveLength(0);
  });

  it('a refused connection is retried, then a ConnectionError', async () => {
    const closed = await startFaultServer();
    await closed.close();
    const c = createClient({ baseUrl: closed.url, token: TOKEN, maxRetries: 2, retry: { initialDelayMs: 5 } });
    const error = await rejection(c.GET(PATH, { params }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ kind: 'ConnectionError', code: 'connection_error' });
    expect((error as ConnectionError).status).toBeUndefined();
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
  });

  it('a dropped socket is retried like any network error', async () => {
    server.script({ drop: true }, { body: group });
    expect((await client().GET(PATH, { params })).data).toEqual(group);
    expect(server.received).toHaveLength(2);
  });
});

describe('the token', () => {
  it('is sent as a bearer token; userAgent sets User-Agent', async () => {
    await client().GET(PATH, { params });
    expect(server.received[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(server.received[0]!.headers['user-agent']).not.toMatch(/session-obs/);
    await client({ userAgent: 'my-app/1.0' }).GET(PATH, { params });
    expect(server.received[1]!.headers['user-agent']).toBe('my-app/1.0');
  });

  it('never appears in any error we build: message, toString, stack, inspect or JSON', async () => {
    const errors: unknown[] = [];
    // A server that echoes the Authorization header in its error message.
    server.script({ status: 401, body: sessionError(401, 'unauthorized', `bad token Bearer ${TOKEN}`) });
    const c = client({ maxRetries: 0, timeoutMs: 50 });
    errors.push(await rejection(c.unwrap(c.GET(PATH, { params }))));
    server.script({ delayMs: 500 });
    errors.push(await rejection(c.GET(PATH, { params })));
    errors.push(await rejection(c.GET(PATH, { params, signal: AbortSignal.abort() })));
    const closed = await startFaultServer();
    await closed.close();
    errors.push(await rejection(createClient({ baseUrl: closed.url, token: TOKEN, maxRetries: 0 }).GET(PATH, { params })));
    expect(errors.map((e) => (e as ApiError).kind)).toEqual(['UnauthorizedError', 'TimeoutError', 'AbortError', 'ConnectionError']);
    for (const [i, e] of errors.entries()) {
      const err = e as Error;
      const texts = [err.message, String(err), err.stack ?? ''];
      // The echoing server's body is kept as the server sent it (documented); our own text is clean.
      if (i > 0) texts.push(inspect(err, { depth: 10, showHidden: true }), JSON.stringify(err));
      for (const text of texts) expect(text).not.toContain(TOKEN);
    }
    expect((errors[0] as Error).message).toContain('[redacted]');
    expect(inspect(errors[0])).toMatch(/^UnauthorizedError: bad token Bearer \[redacted\]/);
  });

  it('is required', () => {
    for (const token of ['', '   ', undefined]) expect(() => createClient({ token: token as string })).toThrow(/token/);
  });
});

describe('how a request reaches fetch', () => {
  it('without middleware, fetch gets the URL and an init (no Request is built twice) with the headers and a signal', async () => {
    const calls: Array<[unknown, RequestInit | undefined]> = [];
    server.script({ body: group });
    const c = client({ fetch: (input, init) => (calls.push([input, init]), fetch(input, init)) });
    expect((await c.GET(PATH, { params })).data).toEqual(group);
    const [input, init] = calls[0]!;
    expect(input).toBe(`${server.url}/session-error-groups/seg_1`);
    expect(new Headers(init!.headers).get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(init!.signal).toBeInstanceOf(AbortSignal);
  });

  it('middleware (registered or per request) see a real Request they may replace, and GET keeps every feature', async () => {
    const seen: unknown[] = [];
    const tag = (name: string) => ({
      onRequest: ({ request }: { request: Request }) => (
        seen.push(request instanceof Request),
        new Request(request, { headers: { 'x-mw': name } })
      ),
    });
    const c = client();
    server.script({ status: 503, headers: { 'retry-after': '0' } }, { body: group }, { body: group });
    expect((await c.GET(PATH, { params, middleware: [tag('per-request')] })).data).toEqual(group);
    c.use(tag('registered'));
    expect((await c.GET(PATH, { params })).data).toEqual(group);
    expect(seen).toEqual([true, true]);
    expect(server.received.map((r) => r.headers['x-mw'])).toEqual(['per-request', 'per-request', 'registered']);
  });

  it('a per-call fetch (which replaces the transport) gets a real Request', async () => {
    server.script({ body: group });
    const inputs: unknown[] = [];
    const { data } = await client().GET(PATH, { params, fetch: (input: Request) => (inputs.push(input), fetch(input)) });
    expect(data).toEqual(group);
    expect(inputs[0]).toBeInstanceOf(Request);
  });

  it('a base URL fetch could not use is a TypeError from createClient, not a network error later', () => {
    for (const baseUrl of ['/relative', 'not a url', 'http://']) {
      expect(() => createClient({ token: 't', baseUrl })).toThrow(new TypeError(`createClient: invalid baseUrl ${baseUrl}`));
    }
    expect(() => createClient({ token: 't', baseUrl: 'http://127.0.0.1:1' })).not.toThrow();
  });

  it('a per-call baseUrl fetch could not use rejects with a TypeError at once: no request, no retry', async () => {
    const calls: unknown[] = [];
    const c = client({ fetch: (input) => (calls.push(input), fetch(input)) });
    const error = await rejection(c.GET(PATH, { params, baseUrl: 'not a url' }));
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toContain('not a url');
    expect(calls).toEqual([]);
    // A good per-call baseUrl still works.
    server.script({ body: group });
    expect((await c.GET(PATH, { params, baseUrl: server.url })).data).toEqual(group);
    expect(calls).toHaveLength(1);
  });
});
