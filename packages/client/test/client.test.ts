// What createClient puts on the wire and how a request reaches fetch, against a real local HTTP server.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ApiError, InvalidResponseError, createClient } from '../src/index.js';
import { sessionError, startFaultServer } from './fault-server.js';
import { PATH, TOKEN, clockedClient, group, params, realClient, rejection, useFaultServer } from './helpers.js';

const fault = useFaultServer();

describe('the token', () => {
  it('is sent as a bearer token; userAgent sets User-Agent', async () => {
    const { server } = fault;
    await realClient(server).GET(PATH, { params });
    expect(server.received[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(server.received[0]!.headers['user-agent']).not.toMatch(/session-obs/);
    await realClient(server, { userAgent: 'my-app/1.0' }).GET(PATH, { params });
    expect(server.received[1]!.headers['user-agent']).toBe('my-app/1.0');
  });

  it('never appears in any error we build: message, toString, stack, inspect or JSON', async () => {
    const { server } = fault;
    const errors: unknown[] = [];
    // A server that echoes the Authorization header in its error message.
    server.script({ status: 401, body: sessionError(401, 'unauthorized', `bad token Bearer ${TOKEN}`) });
    const { client, clock } = clockedClient(server, { maxRetries: 0, timeoutMs: 50 });
    errors.push(await rejection(client.unwrap(client.GET(PATH, { params }))));
    server.script({ hang: true });
    const timedOut = rejection(client.GET(PATH, { params }));
    await server.arrival(2);
    clock.advance(50);
    errors.push(await timedOut);
    errors.push(await rejection(client.GET(PATH, { params, signal: AbortSignal.abort() })));
    const closed = await startFaultServer();
    await closed.close();
    errors.push(await rejection(createClient({ baseUrl: closed.url, token: TOKEN, maxRetries: 0 }).GET(PATH, { params })));
    expect(errors.map((e) => (e as ApiError).kind)).toEqual(['UnauthorizedError', 'TimeoutError', 'AbortError', 'ConnectionError']);
    for (const e of errors) {
      const err = e as Error;
      // The echoing server's body too: a logger that prints the whole error must not print the token.
      const texts = [err.message, String(err), err.stack ?? '', inspect(err, { depth: 10, showHidden: true }), JSON.stringify(err)];
      for (const text of texts) expect(text).not.toContain(TOKEN);
    }
    expect((errors[0] as Error).message).toContain('[redacted]');
    expect(inspect(errors[0])).toMatch(/^UnauthorizedError: bad token Bearer \[redacted\]/);
    expect((errors[0] as ApiError).body).toEqual(sessionError(401, 'unauthorized', 'bad token Bearer [redacted]'));
  });

  it('is required', () => {
    for (const token of ['', '   ', undefined]) expect(() => createClient({ token: token as string })).toThrow(/token/);
  });
});

describe('how a request reaches fetch', () => {
  it("fetch gets openapi-fetch's Request, with the headers, and an init with the attempt's own signal", async () => {
    const { server } = fault;
    const calls: Array<[unknown, RequestInit | undefined]> = [];
    server.script({ body: group });
    const client = realClient(server, { fetch: (input, init) => (calls.push([input, init]), fetch(input, init)) });
    expect((await client.GET(PATH, { params })).data).toEqual(group);
    const [input, init] = calls[0]!;
    expect(input).toBeInstanceOf(Request);
    expect((input as Request).url).toBe(`${server.url}/session-error-groups/seg_1`);
    expect((input as Request).headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(init!.signal).toBeInstanceOf(AbortSignal);
    expect(init!.signal).not.toBe((input as Request).signal);
  });

  it('middleware (registered or per request) see a real Request they may replace, and GET keeps every feature', async () => {
    const { server } = fault;
    const seen: unknown[] = [];
    const tag = (name: string) => ({
      onRequest: ({ request }: { request: Request }) => (
        seen.push(request instanceof Request),
        new Request(request, { headers: { 'x-mw': name } })
      ),
    });
    const client = realClient(server);
    server.script({ status: 503, headers: { 'retry-after': '0' } }, { body: group }, { body: group });
    expect((await client.GET(PATH, { params, middleware: [tag('per-request')] })).data).toEqual(group);
    client.use(tag('registered'));
    expect((await client.GET(PATH, { params })).data).toEqual(group);
    expect(seen).toEqual([true, true]);
    expect(server.received.map((r) => r.headers['x-mw'])).toEqual(['per-request', 'per-request', 'registered']);
  });

  it('a per-call fetch (which replaces the transport) gets a real Request', async () => {
    const { server } = fault;
    server.script({ body: group });
    const inputs: unknown[] = [];
    const { data } = await realClient(server).GET(PATH, { params, fetch: (input: Request) => (inputs.push(input), fetch(input)) });
    expect(data).toEqual(group);
    expect(inputs[0]).toBeInstanceOf(Request);
  });

  it('a base URL that is not http(s) is a TypeError from createClient, not a network error later', () => {
    // `localhost:4010` (the scheme forgotten) parses as a URL whose scheme is `localhost:`.
    for (const baseUrl of ['/relative', 'not a url', 'http://', 'localhost:4010', 'ftp://example.com', 'mailto:a@example.com']) {
      expect(() => createClient({ token: 't', baseUrl })).toThrow(
        new TypeError(`createClient: invalid baseUrl ${baseUrl} (an http: or https: URL)`),
      );
    }
    expect(() => createClient({ token: 't', baseUrl: 'http://127.0.0.1:1' })).not.toThrow();
  });

  it('a per-call baseUrl fetch could not use rejects with a TypeError at once: no request, no retry', async () => {
    const { server } = fault;
    const calls: unknown[] = [];
    const client = realClient(server, { fetch: (input, init) => (calls.push(input), fetch(input, init)) });
    const error = await rejection(client.GET(PATH, { params, baseUrl: 'not a url' }));
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toContain('not a url');
    expect(calls).toEqual([]);
    // A good per-call baseUrl still works.
    server.script({ body: group });
    expect((await client.GET(PATH, { params, baseUrl: server.url })).data).toEqual(group);
    expect(calls).toHaveLength(1);
  });
});

describe('a success body that is not what the operation returns', () => {
  it('is an InvalidResponseError naming the call, not a SyntaxError, and is not retried', async () => {
    const { server } = fault;
    server.script({ headers: { 'content-type': 'text/html' }, body: '<html><body>Bad gateway</body></html>' });
    const error = await rejection(realClient(server).GET(PATH, { params }));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ kind: 'InvalidResponseError', code: 'invalid_response', status: undefined });
    expect((error as Error).message).toMatch(/^The response is not JSON: .+ \(GET \/session-error-groups\/\{session_error_group_id\}\)$/);
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
    expect(server.received).toHaveLength(1);
  });

  it('is typed also when a middleware replaced the Request', async () => {
    const { server } = fault;
    server.script({ headers: { 'content-type': 'text/html' }, body: '<html></html>' });
    const client = realClient(server);
    client.use({ onRequest: ({ request }) => new Request(request, { headers: { 'x-extra': '1' } }) });
    expect(await rejection(client.GET(PATH, { params }))).toBeInstanceOf(InvalidResponseError);
  });

  it("leaves a middleware's own error and a bad parseAs as they are (they are not the body's failures)", async () => {
    const { server } = fault;
    server.script({ body: group }, { body: group });
    const client = realClient(server);
    const mistake = new TypeError('a bug in my middleware');
    const middleware = {
      onResponse: () => {
        throw mistake;
      },
    };
    client.use(middleware);
    expect(await rejection(client.GET(PATH, { params }))).toBe(mistake);
    client.eject(middleware);
    const badParse = await rejection(client.GET(PATH, { params, parseAs: 'jsn' as 'json' }));
    expect(badParse).toBeInstanceOf(TypeError);
    expect(badParse).not.toBeInstanceOf(ApiError);
  });
});

describe('numeric options', () => {
  it.each([
    ['maxRetries NaN', { maxRetries: Number.NaN }, 'maxRetries must be a whole number of 0 or more, not NaN'],
    ['maxRetries -1', { maxRetries: -1 }, 'maxRetries must be a whole number of 0 or more, not -1'],
    ['maxRetries 1.5', { maxRetries: 1.5 }, 'maxRetries must be a whole number of 0 or more, not 1.5'],
    ['timeoutMs Infinity', { timeoutMs: Number.POSITIVE_INFINITY }, 'timeoutMs must be from 0 to 2147483647, not Infinity'],
    ['timeoutMs 2^31', { timeoutMs: 2 ** 31 }, 'timeoutMs must be from 0 to 2147483647, not 2147483648'],
    ['retry.initialDelayMs -0.5', { retry: { initialDelayMs: -0.5 } }, 'initialDelayMs must be from 0 to 2147483647, not -0.5'],
    ['retry.maxRetryAfterMs NaN', { retry: { maxRetryAfterMs: Number.NaN } }, 'maxRetryAfterMs must be 0 or more, not NaN'],
  ])('%s is a TypeError from createClient naming the option (NaN would retry without end)', (_, options, message) => {
    expect(() => createClient({ token: 't', ...options })).toThrow(new TypeError(`createClient: ${message}`));
  });

  it('takes what worked before: retrying without end, any server wait, fractional ms', () => {
    expect(() =>
      createClient({
        token: 't',
        maxRetries: Number.POSITIVE_INFINITY,
        timeoutMs: 1500.5,
        retry: { maxRetryAfterMs: Number.POSITIVE_INFINITY },
      }),
    ).not.toThrow();
  });

  it('a per-call value that is not a whole number rejects with a TypeError before any request', async () => {
    const { server } = fault;
    const error = await rejection(realClient(server).GET(PATH, { params, maxRetries: Number('x') }));
    expect(error).toEqual(new TypeError('the call: maxRetries must be a whole number of 0 or more, not NaN'));
    expect(server.received).toHaveLength(0);
  });

  it('an undefined value keeps the default', async () => {
    const { server } = fault;
    server.script({ status: 503 }, { body: group });
    const { client, clock } = clockedClient(server, {
      timeoutMs: 0, // no attempt timer: the first timer is the backoff
      maxRetries: undefined,
      retry: { initialDelayMs: undefined, maxDelayMs: undefined },
    });
    const call = client.GET(PATH, { params });
    const wait = await clock.nextTimer(); // the first backoff: random(0, 500), the default initialDelayMs
    expect(wait).toBeGreaterThanOrEqual(0);
    expect(wait).toBeLessThan(500);
    clock.advance(wait);
    expect((await call).data).toEqual(group);
  });
});
