// The self-service tenant routes over HTTP, on the real CLI, on SQLite and on a real PostgreSQL: a new
// tenant's token sees only its own data (another tenant's id is a 404 like an unknown id), fixtures are
// per tenant, the row limit refuses an ingest as a whole (403), reset and delete, the per-address limit
// (429), and every answer as sandbox-api.json declares it.
import { request } from 'node:http';
import { createSpecValidator, formatErrors, loadSpec, sandboxApiPath } from '@session-obs/spec';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/start-sandbox.js';
import { TOKEN } from './helpers.js';
import { createTestDatabase } from './support/postgres.js';

const sandboxApi = createSpecValidator(loadSpec(sandboxApiPath));

/** Calls the sandbox; checks the answer against sandbox-api.json when the path is one of its routes. */
async function call(url: string, method: string, path: string, token?: string, body?: unknown) {
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url + path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const json = (await response.json()) as any;
  if (path.startsWith('/_sandbox/')) {
    const result = sandboxApi.validateResponse(method.toLowerCase(), path, response.status, json);
    expect(result.valid, formatErrors(result.errors)).toBe(true);
  }
  return { status: response.status, headers: response.headers, body: json };
}

const ingest = (sessionId: string, count: number) => ({
  errors: Array.from({ length: count }, (_, i) => ({
    session_id: sessionId,
    type: 'message_processing_timeout',
    code: 'T',
    message: `m ${i}`,
  })),
});

/**
 * POSTs an ingest body in two parts: the headers and the first bytes now (the sandbox accepts the token
 * and waits for the rest), the rest on `finish()`.
 */
function ingestInTwoParts(url: string, token: string, body: string) {
  const req = request(`${url}/_sandbox/errors`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
  });
  const answered = new Promise<{ status: number; body: any }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
  });
  req.flushHeaders();
  req.write(body.slice(0, 10));
  // Time for the first part to arrive and the token to be looked up (a delete that came first would also be a 401).
  const firstPartSent = new Promise((resolve) => setTimeout(resolve, 300));
  return { firstPartSent, finish: () => (req.end(body.slice(10)), answered) };
}

/** At least the most rows a seed of 3 sessions and 80 errors makes (209), as the CLI requires. */
const ROW_LIMIT = 210;

describe.each(['sqlite', 'postgres'] as const)('tenants over HTTP on %s', (engine) => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    const args = ['--tenants-per-hour', '3', '--tenant-rows', String(ROW_LIMIT), '--tenant-errors', '80', '--tenant-sessions', '3'];
    if (engine === 'postgres') args.push('--database', await createTestDatabase(inject('postgresUrl'), 'routes'));
    sandbox = await startSandbox({ tokens: [TOKEN], sessions: 4, errors: 100, groupingIntervalMs: 20, args });
  });
  afterAll(() => sandbox?.stop());

  it("gives a new tenant its own seeded data; other tenants' ids are unknown to it", async () => {
    const created = await call(sandbox.url, 'POST', '/_sandbox/tenants', undefined, { seed: 77 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ seed: 77, row_limit: ROW_LIMIT, seeded: { sessions: 3, session_errors: 80 } });
    const token: string = created.body.token;
    const mine = (await call(sandbox.url, 'GET', '/session-errors?limit=100', token)).body.items as any[];
    const local = (await call(sandbox.url, 'GET', '/session-errors?limit=100', TOKEN)).body.items as any[];
    expect(mine).toHaveLength(80);
    expect(local).toHaveLength(100);
    const localIds = new Set(local.map((item) => item.id));
    expect(mine.some((item) => localIds.has(item.id))).toBe(false);
    // The local tenant's error, asked for by the new tenant: exactly the 404 of an id nobody has.
    const foreign = local[0];
    const asked = await call(sandbox.url, 'GET', `/sessions/${foreign.session_id}/errors/${foreign.id}`, token);
    const unknown = await call(sandbox.url, 'GET', `/sessions/ses_nobody00000000/errors/${foreign.id}`, token);
    expect(asked.status).toBe(404);
    expect({ ...asked.body, id: 'x' }).toEqual({ ...unknown.body, id: 'x' });
    expect((await call(sandbox.url, 'GET', `/session-error-groups/${foreign.group_id}`, token)).status).toBe(404);
    const fixtures = await call(sandbox.url, 'GET', '/_sandbox/fixtures', token);
    expect(mine.map((item) => item.id)).toContain(fixtures.body.session_error_id);
    // Health counts the caller's tenant, the local one without a token: never a sum over tenants.
    const counted = async (token?: string) => (await call(sandbox.url, 'GET', '/_sandbox/health', token)).body.counts;
    expect(await counted(token)).toMatchObject({ sessions: 3, session_errors: 80 });
    expect(await counted()).toMatchObject({ sessions: 4, session_errors: 100 });
    expect(await counted(TOKEN)).toEqual(await counted());
  });

  it('refuses (403) a tenant whose requested seed would start over the row limit, and creates nothing', async () => {
    const before = (await call(sandbox.url, 'GET', '/_sandbox/health')).body.counts;
    const refused = await call(sandbox.url, 'POST', '/_sandbox/tenants', undefined, { seed: 5, sessions: 3, errors: 300 });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ object: 'error', status: 403, code: 'forbidden' });
    const [, rows] =
      /^This seed makes (\d+) rows \(errors, events, observability sessions\); a tenant may hold 210,/.exec(refused.body.message) ?? [];
    // The exact count of that seed: its errors, its observability sessions and its events (two to seven per server run).
    expect(Number(rows)).toBeGreaterThanOrEqual(300 + 3 + 3 * 2);
    expect(Number(rows)).toBeLessThanOrEqual(300 + 3 + 3 * 42);
    expect((await call(sandbox.url, 'GET', '/_sandbox/health')).body.counts).toEqual(before);
  });

  it('stores a lone surrogate as U+FFFD, and answers it so at once and on every read', async () => {
    // JSON.stringify writes each lone surrogate as an escape (`\ud800`): the server parses it back into one.
    const error = {
      session_id: 'ses_surrogate0001',
      type: 'message_processing_timeout',
      code: 'C\udfff',
      message: 'lone \ud800 and \udc00 here',
    };
    const ingested = await call(sandbox.url, 'POST', '/_sandbox/errors', TOKEN, { errors: [error] });
    expect(ingested.status).toBe(202);
    const expected = { code: 'C\ufffd', message: 'lone \ufffd and \ufffd here' };
    expect(ingested.body.items[0]).toMatchObject(expected);
    const listed = (await call(sandbox.url, 'GET', '/sessions/ses_surrogate0001/errors', TOKEN)).body.items as any[];
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ ...expected, id: ingested.body.items[0].id });
    const got = await call(sandbox.url, 'GET', `/sessions/ses_surrogate0001/errors/${listed[0].id}`, TOKEN);
    expect(got.body).toMatchObject(expected);
  });

  it('refuses an ingest past the row limit as a whole (403), resets, deletes', async () => {
    const { token, seeded } = (await call(sandbox.url, 'POST', '/_sandbox/tenants', undefined, {})).body;
    const used = seeded.session_errors + seeded.session_events + seeded.observability_sessions;
    const over = await call(sandbox.url, 'POST', '/_sandbox/errors', token, ingest('ses_limit00000001', ROW_LIMIT - used + 1));
    expect(over.status).toBe(403);
    expect(over.body).toMatchObject({ code: 'forbidden' });
    expect((await call(sandbox.url, 'GET', '/sessions/ses_limit00000001/errors', token)).status).toBe(404);
    expect((await call(sandbox.url, 'POST', '/_sandbox/errors', token, ingest('ses_limit00000001', ROW_LIMIT - used))).status).toBe(202);
    const reset = await call(sandbox.url, 'POST', '/_sandbox/reset', token);
    expect(reset.body.seeded).toEqual(seeded);
    expect((await call(sandbox.url, 'GET', '/sessions/ses_limit00000001/errors', token)).status).toBe(404);
    // An ingest whose body is still arriving when the tenant is deleted stores nothing: a 401, as for its token.
    const late = ingestInTwoParts(sandbox.url, token, JSON.stringify(ingest('ses_late000000001', 2)));
    await late.firstPartSent;
    expect((await call(sandbox.url, 'DELETE', '/_sandbox/tenant', token)).body).toEqual({ deleted: true });
    const answer = await late.finish();
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ code: 'unauthorized' });
    expect((await call(sandbox.url, 'GET', '/session-errors', token)).status).toBe(401);
    expect((await call(sandbox.url, 'DELETE', '/_sandbox/tenant', TOKEN)).status).toBe(403);
  });

  it('limits tenants per client address (429 with Retry-After) and checks the body', async () => {
    const invalid = await call(sandbox.url, 'POST', '/_sandbox/tenants', undefined, { errors: -1, extra: true });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ code: 'invalid_data', entity: 'body' });
    // Two were created above; the third is the last this hour.
    expect((await call(sandbox.url, 'POST', '/_sandbox/tenants')).status).toBe(201);
    const refused = await call(sandbox.url, 'POST', '/_sandbox/tenants');
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(3000);
    // The RateLimit-* headers describe the limit that refused, not a full request bucket.
    expect(Object.fromEntries(['limit', 'remaining', 'reset'].map((h) => [h, refused.headers.get(`ratelimit-${h}`)]))).toEqual({
      limit: '3',
      remaining: '0',
      reset: String(retryAfter),
    });
  });
});
