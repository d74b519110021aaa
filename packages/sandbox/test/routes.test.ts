// The sandbox answers every route in the API's own dialect, from the shared builders of @session-obs/spec:
// 405 with Allow, hostile path ids as problems of the path parameter, and its `/_sandbox/` routes as
// their own document (`@session-obs/spec/sandbox-api.json`) declares them.
import { request } from 'node:http';
import { createSpecValidator, formatErrors, listOperations, loadSpec, sandboxApiPath } from '@session-obs/spec';
import { DIALECT_ERROR_SCHEMA } from '@session-obs/spec/server';
import { encodeCursor } from '@session-obs/spec/server';
import { rawExchange } from '@session-obs/devkit/fuzz';
import { BASE62 } from '../src/ids.js';
import { TENANT_DEFAULTS } from '../src/http/tenant-handlers.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memorySandbox, specProblems, TOKEN } from './helpers.js';

let sandbox: Awaited<ReturnType<typeof memorySandbox>>;
beforeAll(async () => {
  sandbox = await memorySandbox({ seed: 3, sessions: 3, errors: 40 });
});
afterAll(() => sandbox.close());

const auth = { Authorization: `Bearer ${TOKEN}` };
const sandboxApi = createSpecValidator(loadSpec(sandboxApiPath));

/** Sends a request with the path exactly as given (fetch would normalise or refuse some of them). */
function raw(
  method: string,
  path: string,
  headers: Record<string, string> = auth,
): Promise<{ status: number; headers: Record<string, unknown>; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(`${sandbox.url}`, { method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : undefined }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('routes of the API', () => {
  it.each([
    ['POST', '/session-errors', 'GET, HEAD'],
    ['DELETE', '/sessions/ses_1/errors/ser_1', 'GET, HEAD'],
    ['PUT', '/observability.sessions.get', 'GET, HEAD'],
  ])('%s %s is a 405 with Allow: %s, in the path’s dialect', async (method, path, allow) => {
    const response = await raw(method, path);
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe(allow);
    const dialect = path.startsWith('/observability') ? 'ObservabilityBadRequestGenericError' : 'ApiError';
    const result = createSpecValidator().validateComponent(dialect, response.body);
    expect(result.valid, formatErrors(result.errors)).toBe(true);
  });

  it.each(['/sessions/%FF/errors', '/sessions/%C3%28/errors', '/sessions/a%00b/errors', '/sessions/a%20b/events/sev_1'])(
    '%s is a 400 about the path parameter, never a crash',
    async (path) => {
      const response = await raw('GET', path);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'invalid_data', entity: 'path', errors: [{ path: ['session_id'] }] });
      const template = path.includes('/events/') ? '/sessions/{session_id}/events/{session_event_id}' : '/sessions/{session_id}/errors';
      expect(specProblems(template, 400, response.body)).toBe('');
    },
  );

  it('a bad path id and a bad query value together are a problem of the request', async () => {
    const response = await raw('GET', '/sessions/%FF/errors?limit=0');
    expect(response.body).toMatchObject({ code: 'invalid_data', entity: 'request' });
    expect(response.body.errors.map((error: { path: string[] }) => error.path[0]).sort()).toEqual(['limit', 'session_id']);
  });

  it('HEAD is answered like GET, without a body', async () => {
    const response = await raw('HEAD', '/session-errors?limit=1');
    expect(response.status).toBe(200);
    expect(response.body).toBeUndefined();
  });

  it('says which credentials are wrong, in the operation’s dialect', async () => {
    const cases = [
      [{}, 'A bearer token is required.'],
      [{ Authorization: 'Basic dXNlcjpwYXNz' }, 'The Authorization header must use the Bearer scheme.'],
      [{ Authorization: 'Bearer nope' }, 'The bearer token is not valid.'],
    ] as const;
    for (const [headers, message] of cases) {
      const session = await raw('GET', '/session-errors', headers);
      expect(session).toMatchObject({ status: 401, body: { code: 'unauthorized', message } });
      const observability = await raw('GET', '/observability.sessions.get?platform=ios&session_id=s&version_key=k', headers);
      expect(observability).toMatchObject({ status: 401, body: { type: 'unauthenticated', message } });
    }
  });
});

describe('the /_sandbox/ routes answer as sandbox-api.json declares', () => {
  const check = (method: string, path: string, status: number, body: unknown) => {
    const result = sandboxApi.validateResponse(method, path, status, body);
    expect(result.valid, `${method} ${path} ${status}: ${formatErrors(result.errors)}`).toBe(true);
  };
  const post = (path: string, body: string | Blob | undefined, headers: Record<string, string> = auth) =>
    fetch(`${sandbox.url}${path}`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body }),
    });

  it.each([
    ['POST', '/_sandbox/health', 'GET, HEAD'],
    ['GET', '/_sandbox/errors', 'POST'],
    ['DELETE', '/_sandbox/fixtures', 'GET, HEAD'],
    ['PUT', '/_sandbox/grouping/run', 'POST'],
    ['PROPFIND', '/_sandbox/errors', 'POST'],
  ])('%s %s is a 405 with Allow: %s, before any credentials are asked for', async (method, path, allow) => {
    for (const headers of [auth, {}]) {
      const response = await raw(method, path, headers);
      expect(response.status).toBe(405);
      expect(response.headers.allow).toBe(allow);
      const result = createSpecValidator().validateComponent(DIALECT_ERROR_SCHEMA.session, response.body);
      expect(result.valid, formatErrors(result.errors)).toBe(true);
    }
  });

  it('an unknown /_sandbox/ path is a 404 endpoint, whatever the method', async () => {
    for (const method of ['GET', 'POST', 'PROPFIND']) {
      const response = await raw(method, '/_sandbox/nothing');
      expect(response).toMatchObject({ status: 404, body: { code: 'not_found', entity: 'endpoint' } });
    }
  });

  it('HEAD on a /_sandbox/ GET route is answered like GET, without a body', async () => {
    const response = await raw('HEAD', '/_sandbox/fixtures');
    expect(response.status).toBe(200);
    expect(response.body).toBeUndefined();
  });

  it('health, fixtures and a grouping run', async () => {
    const health = await fetch(`${sandbox.url}/_sandbox/health`);
    check('get', '/_sandbox/health', 200, await health.json());
    const fixtures = await fetch(`${sandbox.url}/_sandbox/fixtures`, { headers: auth });
    check('get', '/_sandbox/fixtures', 200, await fixtures.json());
    const unauthorized = await fetch(`${sandbox.url}/_sandbox/fixtures`);
    expect(unauthorized.status).toBe(401);
    check('get', '/_sandbox/fixtures', 401, await unauthorized.json());
    const run = await post('/_sandbox/grouping/run', undefined);
    check('post', '/_sandbox/grouping/run', 200, await run.json());
  });

  it('every route answers a Host it does not serve with the documented 400', async () => {
    const operations = listOperations(loadSpec(sandboxApiPath));
    expect(operations.length).toBeGreaterThan(5);
    for (const { method, path } of operations) {
      const response = await raw(method.toUpperCase(), path, { ...auth, Host: 'evil.example' });
      expect(response.status, `${method} ${path}`).toBe(400);
      expect(response.body).toMatchObject({
        code: 'bad_request',
        message: 'This server does not serve the host "evil.example" (Host header).',
      });
      check(method, path, 400, response.body);
    }
  });

  it.each([
    // [request line and headers, status, the message of a 400 (or undefined: served)]
    ['GET /_sandbox/fixtures HTTP/1.1', 400, 'The request has no Host header.'],
    [
      'GET http://evil.example/_sandbox/fixtures HTTP/1.1\r\nHost: 127.0.0.1',
      400,
      'This server does not serve the host "evil.example" (Host header).',
    ],
    [
      'GET http://user@evil.example:80/_sandbox/fixtures HTTP/1.1\r\nHost: localhost',
      400,
      'This server does not serve the host "evil.example:80" (Host header).',
    ],
    ['GET http://localhost/_sandbox/fixtures HTTP/1.1\r\nHost: evil.example', 200, undefined],
    ['GET /_sandbox/fixtures HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: something-else', 200, undefined],
    ['GET /_sandbox/fixtures HTTP/1.0', 400, 'The request has no Host header.'],
  ])('%j → %i in the API’s dialect (no Host, a host in the request line, an unknown Expect)', async (head, status, message) => {
    const request = `${head}\r\nAuthorization: ${auth.Authorization}\r\nConnection: close\r\n\r\n`;
    const port = Number(new URL(sandbox.url).port);
    const answer = await rawExchange(Buffer.from(request), { host: '127.0.0.1', port, method: 'GET', hangAfterMs: 5000 });
    expect(answer.status).toBe(status);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    const body = JSON.parse(answer.body.toString('utf8')) as object;
    if (message === undefined) expect(body).toHaveProperty('session_id');
    else {
      expect(body).toMatchObject({ code: 'bad_request', message });
      check('get', '/_sandbox/fixtures', 400, body);
    }
  });

  it('a request Node cannot parse, or CONNECT, gets its request id and its access-log line too', async () => {
    const logged: Record<string, unknown>[] = [];
    const server = await memorySandbox({ seed: 3, sessions: 1, errors: 5, accessLog: (line) => logged.push(JSON.parse(line)) });
    try {
      const port = Number(new URL(server.url).port);
      for (const [request, status, method] of [
        ['NOT HTTP AT ALL\r\n\r\n', 400, '-'],
        ['CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n', 405, 'CONNECT'],
      ] as const) {
        const answer = await rawExchange(Buffer.from(request), { host: '127.0.0.1', port, method: 'GET', hangAfterMs: 5000 });
        expect(answer.status).toBe(status);
        const id = answer.headers['x-request-id'];
        expect(id).toMatch(/^req_/);
        await expect.poll(() => logged.find((entry) => entry.request_id === id)).toMatchObject({ method, path: '-', status });
      }
    } finally {
      await server.close();
    }
  });

  it('a request with two Host headers is a 400, even when both are served', async () => {
    const request = `GET /_sandbox/fixtures HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: localhost\r\nAuthorization: ${auth.Authorization}\r\n\r\n`;
    const port = Number(new URL(sandbox.url).port);
    const answer = await rawExchange(Buffer.from(request), { host: '127.0.0.1', port, method: 'GET', hangAfterMs: 5000 });
    expect(answer.status).toBe(400);
    const body = JSON.parse(answer.body.toString('utf8')) as object;
    expect(body).toMatchObject({ code: 'bad_request', message: 'The request has more than one Host header.' });
    check('get', '/_sandbox/fixtures', 400, body);
  });

  it("a body over a route's limit is the 413 the document describes: 5 MB for ingest, 16 kB for a tenant", async () => {
    const ingest = await post('/_sandbox/errors', 'x'.repeat(5 * 1024 * 1024 + 1));
    expect(await ingest.json()).toMatchObject({ status: 413, message: 'The request body is larger than 5 MB.' });
    const tenant = await post('/_sandbox/tenants', 'x'.repeat(16 * 1024 + 1), {});
    const body = await tenant.json();
    expect(body).toMatchObject({ status: 413, message: 'The request body is larger than 16 kB.' });
    check('post', '/_sandbox/tenants', 413, body);
  });

  it.each([
    ['/_sandbox/errors', auth, 5 * 1024 * 1024, 'The request body is larger than 5 MB.'],
    ['/_sandbox/tenants', {}, 16 * 1024, 'The request body is larger than 16 kB.'],
  ])(
    '%s: a chunked body (no Content-Length) over the limit is the 413 too, logged, connection closed',
    async (path, headers, limit, message) => {
      const logged: { path: string; status: number }[] = [];
      const server = await memorySandbox({ seed: 3, sessions: 1, errors: 5, accessLog: (line) => logged.push(JSON.parse(line)) });
      try {
        const answer = await new Promise<{ status: number; connection?: string; body: any }>((resolve, reject) => {
          const req = request(
            `${server.url}${path}`,
            { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' } },
            (res) => {
              let text = '';
              res.setEncoding('utf8');
              res.on('data', (chunk: string) => (text += chunk));
              res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body: JSON.parse(text) }));
            },
          );
          req.on('error', reject);
          // Chunks until the server answers (never the whole body): it must stop reading and answer.
          const chunk = Buffer.alloc(64 * 1024, 0x20);
          let sent = 0;
          const pump = () => {
            while (sent <= limit * 2 && req.write(chunk)) sent += chunk.length;
            if (sent <= limit * 2) req.once('drain', pump);
          };
          pump();
        });
        expect(answer).toMatchObject({ status: 413, connection: 'close', body: { status: 413, message } });
        check('post', path, 413, answer.body);
        await expect.poll(() => logged).toContainEqual(expect.objectContaining({ path, status: 413 }));
      } finally {
        await server.close();
      }
    },
  );

  it('the total-tenants 429 carries Retry-After and RateLimit-* of that limit (none left)', async () => {
    const server = await memorySandbox({
      seed: 3,
      sessions: 1,
      errors: 5,
      tenants: { ...TENANT_DEFAULTS, sessions: 1, errors: 5, total: 1 },
    });
    try {
      expect((await fetch(`${server.url}/_sandbox/tenants`, { method: 'POST' })).status).toBe(201);
      const refused = await fetch(`${server.url}/_sandbox/tenants`, { method: 'POST' });
      expect(refused.status).toBe(429);
      const body = await refused.json();
      check('post', '/_sandbox/tenants', 429, body);
      expect(body).toMatchObject({ code: 'rate_limit_exceeded', message: 'The sandbox holds its maximum of 1 tenants.' });
      const retryAfter = refused.headers.get('retry-after');
      expect(Number(retryAfter)).toBeGreaterThan(0);
      expect(['limit', 'remaining', 'reset'].map((h) => refused.headers.get(`ratelimit-${h}`))).toEqual(['1', '0', retryAfter]);
    } finally {
      await server.close();
    }
  });

  it('ingest: 202, and each way of getting it wrong', async () => {
    const error = {
      session_id: 'ses_routes0000001',
      type: 'message_processing_timeout',
      code: 'TIMEOUT',
      message: 'timed out',
      data: { ms: 1 },
    };
    const cases: Array<[string | undefined, Record<string, string>, number]> = [
      [JSON.stringify({ errors: [error] }), auth, 202],
      ['{"errors": [', auth, 400],
      [JSON.stringify({ errors: [{ ...error, type: 'nope' }] }), auth, 400],
      [JSON.stringify({ errors: [error] }), {}, 401],
      ['x'.repeat(5 * 1024 * 1024 + 1), auth, 413],
    ];
    for (const [body, headers, status] of cases) {
      const response = await post('/_sandbox/errors', body, headers);
      expect(response.status).toBe(status);
      check('post', '/_sandbox/errors', status, await response.json());
    }
  });

  it('a body nested deeper than 64 levels is a 400 bad_request, wherever it nests (never a 500 from a stack overflow)', async () => {
    const error = { session_id: 'ses_deep00000001', type: 'message_processing_timeout', code: 'X', message: 'm' };
    const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
    for (const body of [
      `{"errors":[${JSON.stringify({ ...error, data: { x: 1 } }).slice(0, -1)},"data":{"x":${deep(200_000)}}}]}`,
      `{"errors":${deep(200_000)}}`,
      `{"errors":[{"message":${deep(100)}}]}`,
    ]) {
      const response = await post('/_sandbox/errors', body);
      expect(response.status).toBe(400);
      const answer = await response.json();
      expect(answer).toMatchObject({ code: 'bad_request', message: 'The body nests arrays and objects more than 64 levels deep.' });
      check('post', '/_sandbox/errors', 400, answer);
    }
    // As deep as allowed: stored.
    const allowed = JSON.stringify({ errors: [{ ...error, data: { x: JSON.parse(deep(60)) } }] });
    expect((await post('/_sandbox/errors', allowed)).status).toBe(202);
  });

  it('each problem of an invalid ingest shows in `received` the part that failed, at most 256 characters, never the whole body', async () => {
    const valid = { session_id: 'ses_recv00000001', type: 'message_processing_timeout', code: 'X', message: 'm'.repeat(4000) };
    const errors = Array.from({ length: 1000 }, (_, i) => (i % 2 ? { ...valid, type: `nope_${i}` } : { ...valid, code: 42 }));
    const response = await post('/_sandbox/errors', JSON.stringify({ errors: [...errors, { message: 'no other field' }] }));
    expect(response.status).toBe(400);
    const body = await response.json();
    check('post', '/_sandbox/errors', 400, body);
    expect(body.errors).toHaveLength(100);
    expect(body.errors.slice(0, 3)).toMatchObject([
      { code: 'too_big', path: ['body', 'errors'], received: JSON.stringify(errors).slice(0, 256) },
      { code: 'invalid_type', path: ['body', 'errors', '0', 'code'], received: '42' },
      { code: 'invalid_enum_value', path: ['body', 'errors', '1', 'type'], received: 'nope_1' },
    ]);
    for (const problem of body.errors) expect(problem.received.length).toBeLessThanOrEqual(256);
    // Problems of a whole error show that error, not the body.
    const missing = await post('/_sandbox/errors', JSON.stringify({ errors: [valid, { message: 'no other field' }] }));
    const problems = (await missing.json()).errors as { code: string; path: string[]; received: string }[];
    expect(problems.length).toBeGreaterThan(1);
    for (const problem of problems) {
      expect(problem).toMatchObject({ code: 'required', path: ['body', 'errors', '1'], received: '{"message":"no other field"}' });
    }
  });

  it('a body that is not UTF-8 is a 400 bad_request, on ingest and on tenant creation: nothing is stored with U+FFFD', async () => {
    const bytes = (before: string, after: string) => new Blob([before, new Uint8Array([0xff, 0xfe]), after]);
    const error = '{"errors":[{"session_id":"ses_notutf8000001","type":"message_processing_timeout","code":"X","message":"';
    const ingest = await post('/_sandbox/errors', bytes(error, '"}]}'));
    expect(ingest.status).toBe(400);
    const body = await ingest.json();
    expect(body).toMatchObject({ object: 'error', status: 400, code: 'bad_request', message: 'The body is not valid UTF-8.' });
    check('post', '/_sandbox/errors', 400, body);
    expect(sandbox.db.prepare("SELECT count(*) FROM session_errors WHERE session_id = 'ses_notutf8000001'").pluck().get()).toBe(0);
    const tenant = await post('/_sandbox/tenants', bytes('{"seed":1', '}'), {});
    expect(tenant.status).toBe(400);
    expect(await tenant.json()).toMatchObject({ code: 'bad_request', message: 'The body is not valid UTF-8.' });
  });
});

/** A `cur_` token of any JSON value (encodeCursor only makes valid ones). */
function tokenOf(value: unknown): string {
  let number = BigInt(`0x${Buffer.from(JSON.stringify(value), 'utf8').toString('hex')}`);
  let digits = '';
  for (; number > 0n; number /= 62n) digits = BASE62[Number(number % 62n)] + digits;
  return `cur_${digits}`;
}

describe('the cursor parameter: an opaque token equivalent to after/before', () => {
  const list = '/session-error-groups?limit=2';

  it('a valid cur_ token pages like the after or before it encodes', async () => {
    const all = await sandbox.get('/session-error-groups?limit=5');
    const third = all.body.items[2].id as string;
    for (const direction of ['after', 'before'] as const) {
      const byCursor = await sandbox.get(`${list}&cursor=${encodeCursor(direction, third)}`);
      const byParameter = await sandbox.get(`${list}&${direction}=${third}`);
      expect(byCursor.status).toBe(200);
      expect(byCursor.body).toEqual(byParameter.body);
    }
  });

  it.each([
    ['not cur_ at all', 'junk'],
    ['cur_ and nothing', 'cur_'],
    ['cur_ with characters outside base62', 'cur_a-b'],
    ['base62 that is not the JSON pair', 'cur_abc'],
    ['another direction', tokenOf(['sideways', 'ser_x'])],
    ['no id', tokenOf(['after'])],
    ['an id that is not a string', tokenOf(['after', 5])],
    ['an id no object can have', tokenOf(['after', 'a b'])],
    ['twice', `${encodeCursor('after', 'ser_x')}&cursor=${encodeCursor('after', 'ser_y')}`],
  ])('%s is a 400 "Invalid cursor format"', async (_name, cursor) => {
    const response = await sandbox.get(`${list}&cursor=${cursor}`);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 'invalid_data',
      entity: 'query',
      errors: [{ code: 'invalid_cursor', message: 'Invalid cursor format', path: ['cursor'] }],
    });
    expect(specProblems('/session-error-groups', 400, response.body)).toBe('');
  });

  it.each(['after', 'before'])('a valid cursor with %s is a 400', async (parameter) => {
    const response = await sandbox.get(`${list}&cursor=${encodeCursor('after', 'seg_x')}&${parameter}=seg_y`);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ code: 'conflicting_cursors', path: ['cursor'] })]);
  });

  it('list responses carry no cursor, as upstream', async () => {
    const response = await sandbox.get(list);
    expect(Object.keys(response.body).sort()).toEqual(['items', 'object', 'pagination']);
    expect(Object.keys(response.body.pagination).sort()).toEqual(['has_more_after', 'has_more_before']);
  });
});
