// Hosted mode, on the real CLI over a real PostgreSQL (the engine for hosting): no well-known token, keys
// only from POST /_sandbox/tenants; the Host allow-list (DNS rebinding) and the CORS allow-list (never a
// reflected origin, never credentials); security headers; the client address from X-Forwarded-For only with
// --trust-proxy; liveness and readiness (503 once the database is gone); one JSON access-log line per
// request without the token; and a graceful SIGTERM that lets a request in flight finish.
import { request as httpRequest } from 'node:http';
import pg from 'pg';
import { createSpecValidator, formatErrors, loadSpec, sandboxApiPath } from '@session-obs/spec';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_TOKEN } from '../src/http/server.js';
import { startSandbox, type RunningSandbox } from '../src/start-sandbox.js';
import { createTestDatabase } from './support/postgres.js';

const DOCS = 'https://docs.example.com';
const sandboxApi = createSpecValidator(loadSpec(sandboxApiPath));

/** A GET with any headers (fetch refuses to send `Host`), answered as status, headers and JSON. */
function rawGet(base: string, path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: any }>((resolve, reject) => {
    const url = new URL(base + path);
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'GET', headers }, (response) => {
      let text = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text ? JSON.parse(text) : undefined }),
      );
    });
    req.on('error', reject).end();
  });
}

describe('the sandbox in hosted mode (on PostgreSQL)', () => {
  let sandbox: RunningSandbox;
  let databaseUrl: string;
  const log: string[] = [];
  beforeAll(async () => {
    databaseUrl = await createTestDatabase(inject('postgresUrl'), 'hosted');
    sandbox = await startSandbox({
      args: ['--hosted', '--database', databaseUrl, '--allowed-hosts', 'sandbox.example.com', '--cors-origins', DOCS, '--trust-proxy'],
      onLog: (line) => log.push(line),
    });
  });
  afterAll(() => sandbox?.stop());

  const host = () => `127.0.0.1:${sandbox.port}`;

  it('accepts no well-known token: the dev token is a 401; a key from POST /_sandbox/tenants works', async () => {
    const dev = await rawGet(sandbox.url, '/session-errors?limit=1', { Host: host(), Authorization: `Bearer ${DEFAULT_TOKEN}` });
    expect(dev.status).toBe(401);
    const created = await fetch(`${sandbox.url}/_sandbox/tenants`, { method: 'POST', headers: { 'X-Forwarded-For': '203.0.113.7' } });
    expect(created.status).toBe(201);
    const { token } = (await created.json()) as { token: string };
    const mine = await rawGet(sandbox.url, '/session-errors?limit=1', { Host: host(), Authorization: `Bearer ${token}` });
    expect(mine.status).toBe(200);
    // The token never reaches the access log.
    await expect.poll(() => log.some((line) => line.includes('"path":"/session-errors"'))).toBe(true);
    expect(log.join('\n')).not.toContain(token);
  });

  it('names its CORS origins at start-up', () => {
    expect(log).toContain(`  cors: ${DOCS}`);
  });

  it('writes one JSON access-log line per request: id, method, path (no query), status, duration, client', async () => {
    await rawGet(sandbox.url, '/_sandbox/health?probe=secret-ish', { Host: host(), 'X-Forwarded-For': '198.51.100.23' });
    await expect.poll(() => log.find((line) => line.includes('"client":"198.51.100.23"'))).toBeDefined();
    const entry = JSON.parse(log.find((line) => line.includes('"client":"198.51.100.23"'))!) as Record<string, unknown>;
    expect(entry).toMatchObject({ method: 'GET', path: '/_sandbox/health', status: 200, client: '198.51.100.23' });
    expect(entry.request_id).toMatch(/^req_/);
    expect(typeof entry.duration_ms).toBe('number');
    expect(JSON.stringify(entry)).not.toContain('secret-ish');
  });

  it('serves only its allowed host names and loopback; any other Host is a 400 in the API dialect', async () => {
    expect((await rawGet(sandbox.url, '/_sandbox/health', { Host: 'sandbox.example.com' })).status).toBe(200);
    const evil = await rawGet(sandbox.url, '/_sandbox/health', { Host: 'evil.example' });
    expect(evil.status).toBe(400);
    expect(evil.body).toMatchObject({ object: 'error', code: 'bad_request' });
  });

  it('allows its listed origin by name, gives others nothing, never sends credentials; preflight is fixed', async () => {
    const listed = await rawGet(sandbox.url, '/_sandbox/health', { Host: host(), Origin: DOCS });
    expect(listed.headers['access-control-allow-origin']).toBe(DOCS);
    expect(listed.headers['access-control-allow-credentials']).toBeUndefined();
    const other = await rawGet(sandbox.url, '/_sandbox/health', { Host: host(), Origin: 'https://evil.example' });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await fetch(`${sandbox.url}/_sandbox/tenants`, {
      method: 'OPTIONS',
      headers: { Origin: DOCS, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'x-anything' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, HEAD, POST, DELETE, OPTIONS');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type, Prefer');
  });

  it('refuses a write from a page on an origin not on the list (403, nothing created); the listed origin may write', async () => {
    const tenants = async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        return (await client.query<{ n: number }>("SELECT count(*)::int AS n FROM tenants WHERE kind = 'key'")).rows[0]!.n;
      } finally {
        await client.end();
      }
    };
    const before = await tenants();
    // A form post or a fetch without custom headers: a "simple" request no preflight would have stopped.
    const refused = await fetch(`${sandbox.url}/_sandbox/tenants`, { method: 'POST', headers: { Origin: 'https://evil.example' } });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ object: 'error', code: 'forbidden' });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(await tenants()).toBe(before);
    const allowed = await fetch(`${sandbox.url}/_sandbox/tenants`, { method: 'POST', headers: { Origin: DOCS } });
    expect(allowed.status).toBe(201);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(DOCS);
    expect(await tenants()).toBe(before + 1);
  });

  it('sends nosniff and no-store on API answers', async () => {
    const answer = await rawGet(sandbox.url, '/session-errors', { Host: host() });
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['cache-control']).toBe('no-store');
  });

  it('is live and ready; once its database is gone it is still live but answers readiness with a 503', async () => {
    expect((await rawGet(sandbox.url, '/_sandbox/ready', { Host: host() })).body).toEqual({ status: 'ready' });
    const admin = new pg.Client({ connectionString: inject('postgresUrl') });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE "${new URL(databaseUrl).pathname.slice(1)}" WITH (FORCE)`);
    } finally {
      await admin.end();
    }
    // Give the dropped connections time to fail inside the sandbox: losing them must not take it down.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(sandbox.process.exitCode).toBeNull();
    // Every answer names the driver's code only, never the database's address or name (hosted on the internet).
    const { host: databaseHost, pathname } = new URL(databaseUrl);
    const revealsNothing = (body: unknown) => {
      expect(JSON.stringify(body)).not.toContain(databaseHost);
      expect(JSON.stringify(body)).not.toContain(pathname.slice(1));
    };
    const ready = await rawGet(sandbox.url, '/_sandbox/ready', { Host: host() });
    revealsNothing(ready.body);
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ object: 'error', status: 503, code: 'internal_server_error' });
    // A token on the request changes nothing: readiness never looks the caller up in the database.
    const withToken = await rawGet(sandbox.url, '/_sandbox/ready', { Host: host(), Authorization: 'Bearer sk_whatever' });
    expect(withToken.status).toBe(503);
    expect(withToken.body).toMatchObject({ object: 'error', status: 503, code: 'internal_server_error' });
    // Liveness: still 200, the counts marked unavailable (with or without a token to look up).
    for (const headers of [{ Host: host() }, { Host: host(), Authorization: 'Bearer sk_whatever' }] as Record<string, string>[]) {
      const health = await rawGet(sandbox.url, '/_sandbox/health', headers);
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ status: 'ok', counts_unavailable: expect.stringMatching(/^The database does not answer/) });
      expect(health.body).not.toHaveProperty('counts');
      revealsNothing(health.body);
    }
    // Any other route that needs the database: 503 in its dialect, not a 500.
    for (const [path, code] of [
      ['/session-errors', 'internal_server_error'],
      ['/_sandbox/fixtures', 'internal_server_error'],
    ] as const) {
      const down = await rawGet(sandbox.url, path, { Host: host(), Authorization: 'Bearer sk_whatever' });
      revealsNothing(down.body);
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({
        object: 'error',
        status: 503,
        code,
        message: expect.stringMatching(/^The database does not answer/),
      });
      if (path.startsWith('/_sandbox/')) {
        const result = sandboxApi.validateResponse('get', path, 503, down.body);
        expect(result.valid, formatErrors(result.errors)).toBe(true);
      }
    }
    const health = await rawGet(sandbox.url, '/_sandbox/health', { Host: host() });
    const documented = sandboxApi.validateResponse('get', '/_sandbox/health', 200, health.body);
    expect(documented.valid, formatErrors(documented.errors)).toBe(true);
    expect(sandbox.process.exitCode).toBeNull();
  });
});

describe('the per-address tenant limit behind a proxy', () => {
  it('counts an IPv6 client by its /64, so rotating addresses inside it does not get more tenants', async () => {
    const sandbox = await startSandbox({ args: ['--hosted', '--trust-proxy', '--tenants-per-hour', '2'] });
    try {
      const create = async (client: string) =>
        (await fetch(`${sandbox.url}/_sandbox/tenants`, { method: 'POST', headers: { 'X-Forwarded-For': client } })).status;
      expect(await create('2001:db8:1:2::a')).toBe(201);
      expect(await create('2001:db8:1:2::b')).toBe(201);
      expect(await create('2001:db8:1:2:ffff:ffff:ffff:1')).toBe(429);
      // Another /64 is another client; IPv4 clients count one by one.
      expect(await create('2001:db8:1:3::1')).toBe(201);
      expect(await create('203.0.113.7')).toBe(201);
      // Hosted without --cors-origins: no page on another origin may read, nor create a tenant.
      const page = { Origin: 'https://elsewhere.example', 'X-Forwarded-For': '198.51.100.1' };
      const write = await fetch(`${sandbox.url}/_sandbox/tenants`, { method: 'POST', headers: page });
      expect(write.status).toBe(403);
      const read = await fetch(`${sandbox.url}/_sandbox/health`, { headers: page });
      expect(read.status).toBe(200);
      expect(read.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await sandbox.stop();
    }
  });
});

describe('graceful shutdown', () => {
  it('on SIGTERM stops accepting, lets the request in flight finish, says so, and exits 0 within 10 s', async () => {
    const log: string[] = [];
    const sandbox = await startSandbox({ sessions: 3, errors: 50, onLog: (line) => log.push(line) });
    // A request in flight: an ingest whose body is still being sent when the signal arrives.
    const body = JSON.stringify({
      errors: [{ session_id: 'ses_graceful', type: 'message_processing_timeout', code: 'T', message: 'late' }],
    });
    const url = new URL(`${sandbox.url}/_sandbox/errors`);
    const answered = new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: {
            Authorization: `Bearer ${DEFAULT_TOKEN}`,
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(body),
          },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        sandbox.process.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(10)), 300);
      }, 200);
    });
    const exited = new Promise<number | null>((resolve) => sandbox.process.once('exit', (code) => resolve(code)));
    // The 202 proves the request finished inside the 9 s grace (past it the connection is cut, no answer);
    // exit code 0 proves the store was closed cleanly. No wall-clock bound: a loaded machine is slow, not wrong.
    expect(await answered).toBe(202);
    expect(await exited).toBe(0);
    expect(log.some((line) => line.startsWith('Stopping the sandbox'))).toBe(true);
  });

  it('on SIGTERM with a request stuck mid-body, cuts it off after the grace and exits within 10 s', async () => {
    const sandbox = await startSandbox({ sessions: 3, errors: 50 });
    const url = new URL(`${sandbox.url}/_sandbox/errors`);
    const headers = { Authorization: `Bearer ${DEFAULT_TOKEN}`, 'Content-Type': 'application/json', 'Content-Length': 1000 };
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers });
    const cut = new Promise<string>((resolve) => {
      req.on('error', (error) => resolve((error as NodeJS.ErrnoException).code ?? error.message));
      req.on('response', (response) => resolve(`answered ${response.statusCode}`));
    });
    req.write('{"errors": [');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const exited = new Promise<number | null>((resolve) => sandbox.process.once('exit', (code) => resolve(code)));
    const signalled = performance.now();
    sandbox.process.kill('SIGTERM');
    expect(await exited).not.toBeNull();
    // The grace is 8 s and the cut-off 9.5 s (timers in the sandbox); the slack is for this side's clock.
    expect(performance.now() - signalled).toBeLessThan(10_000);
    expect(await cut).toMatch(/ECONNRESET|socket hang up/);
  }, 20_000);
});
