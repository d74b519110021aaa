import { describe, expect, inject, it } from 'vitest';
import { ApiError, createClient, type ApiErrorKind } from '@session-obs/client';
import { createSpecValidator, formatErrors, listOperations, loadSpec, pointerEscape, resolveRef } from '@session-obs/spec';
import { createListWalks, createOperationCalls, operationCalls, prismIds } from '../src/operation-calls.js';

// This test reads the bundled spec's concrete content key by key: a loose view (what it reads is asserted).
const spec: any = loadSpec();
const validator = createSpecValidator(spec);
const targets = inject('targets');
const TOKEN = 'test-token';

/** Items a `paginate` walk of the sandbox takes (three pages of two). */
const WALK_ITEMS = 5;

/** The typed error `unwrap` must throw for a status. */
const KIND_BY_STATUS: Record<number, ApiErrorKind> = {
  400: 'BadRequestError',
  401: 'UnauthorizedError',
  403: 'ForbiddenError',
  404: 'NotFoundError',
  429: 'RateLimitError',
};
const kindOf = (status: number): ApiErrorKind => KIND_BY_STATUS[status] ?? (status >= 500 ? 'ServerError' : 'HttpError');

/** The first `count` items of a walk (fewer if it ends sooner); `break` stops it fetching. */
async function take<T>(walk: AsyncGenerator<T, void, undefined>, count: number): Promise<T[]> {
  const items: T[] = [];
  for await (const item of walk) if (items.push(item) >= count) break;
  return items;
}

it('the call table covers every operation of the spec', () => {
  const inSpec = listOperations(spec)
    .map((o) => o.operationId)
    .sort();
  expect(operationCalls.map((c) => c.operationId).sort()).toEqual(inSpec);
});

it('the walk table covers every list operation of the spec (a 200 body with `items`)', () => {
  const lists = listOperations<any>(spec).filter(
    (o) => 'items' in (resolveRef(spec, o.operation.responses['200'].content['application/json'].schema, '')[1].properties ?? {}),
  );
  expect(
    createListWalks(prismIds)
      .map((w) => w.operationId)
      .sort(),
  ).toEqual(lists.map((o) => o.operationId).sort());
});

describe.each(targets.map((t) => [t.name, t] as const))('every operation through the client against %s', (_, target) => {
  const client = createClient({ baseUrl: target.url, token: TOKEN });
  const calls = createOperationCalls(target.ids);

  it.each(calls.map((c) => [c.operationId, c] as const))('%s answers 200 with a body that matches the spec', async (_, c) => {
    const { response, data, error } = await c.call(client);
    expect(error, JSON.stringify(error)).toBeUndefined();
    expect(response.status).toBe(200);
    expect(response.headers.get('ratelimit-limit')).toMatch(/^\d+$/);
    const result = validator.validateResponse(c.method, c.path, 200, data);
    expect(result.valid, formatErrors(result.errors)).toBe(true);
    // unwrap gives the same body
    expect(await client.unwrap(c.call(client))).toEqual(data);
  });

  it.each(createListWalks(target.ids).map((w) => [w.operationId, w] as const))(
    '%s: paginate follows the pages and yields items that match the spec',
    async (_, w) => {
      const items = await take(w.walk(client), WALK_ITEMS);
      expect(items.length).toBeGreaterThan(0);
      const list = { object: 'list', items, pagination: { has_more_before: false, has_more_after: false } };
      const result = validator.validateAt(validator.responseSchemaPointer('get', w.path, 200)!, list);
      expect(result.valid, formatErrors(result.errors)).toBe(true);
    },
  );
});

// The mock pages its example items with after/before: a walk that is never broken off ends.
describe('walks over the mock end', () => {
  const prism = targets.find((t) => t.name === 'prism')!;
  it.each(createListWalks(prismIds).map((w) => [w.operationId, w] as const))(
    '%s: paginate, never broken off, ends and yields each example item once',
    async (_, w) => {
      const items: Array<{ id: string }> = [];
      for await (const item of w.walk(createClient({ baseUrl: prism.url, token: TOKEN }))) items.push(item);
      expect(items.length).toBeGreaterThan(0);
      expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
    },
  );
});

// Prism only: every declared status, selected with Prism's `Prefer: code=…`, returns a body valid for that status.
describe('declared error responses from Prism', () => {
  const prism = targets.find((t) => t.name === 'prism')!;
  const client = createClient({ baseUrl: prism.url, token: TOKEN });
  const declared = operationCalls.flatMap((c) => {
    const op = spec.paths[c.path][c.method];
    return Object.keys(op.responses)
      .filter((s) => s !== '200')
      .map((status) => [`${c.operationId} ${status}`, c, status] as const);
  });
  it.each(declared)('%s: the declared error body matches the spec', async (_, c, status) => {
    const answer = await c.call(client, { headers: { Prefer: `code=${status}` } });
    const { response, error } = answer;
    expect(response.status).toBe(Number(status));
    const result = validator.validateResponse(c.method, c.path, status, error);
    expect(result.valid, formatErrors(result.errors)).toBe(true);
    // unwrap throws the typed error of the status, with the body's code (either dialect).
    const thrown = await client.unwrap(answer).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(thrown).toBeInstanceOf(ApiError);
    const body = error as { code?: string; type?: string };
    expect(thrown).toMatchObject({ kind: kindOf(Number(status)), status: Number(status), code: body.code ?? body.type });
    const [, declaredResponse] = resolveRef(spec, spec.paths[c.path][c.method].responses[status], `/paths/${pointerEscape(c.path)}`);
    if (status === '429') expect(response.headers.get('retry-after'), 'Retry-After on 429').toMatch(/^\d+$/);
    expect(Object.keys(declaredResponse.headers ?? {})).toContain('RateLimit-Limit');
  });
});

// Sandbox only: real state, so real lists, real 404s and real cross-parameter 400s.
describe('stateful behaviour of the sandbox', () => {
  const sandbox = targets.find((t) => t.name === 'sandbox')!;
  const ids = sandbox.ids;
  const get = async (path: string, specPath: string, status: number) => {
    const response = await fetch(sandbox.url + path, { headers: { Authorization: `Bearer ${TOKEN}` } });
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(status);
    for (const h of ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'x-request-id'])
      expect(response.headers.get(h), h).toBeTruthy();
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const result = validator.validateResponse('get', specPath, status, body);
    expect(result.valid, formatErrors(result.errors)).toBe(true);
    return body;
  };

  it.each([
    ['/session-errors', '/session-errors'],
    [`/sessions/${ids.session_id}/errors`, '/sessions/{session_id}/errors'],
    ['/session-error-groups', '/session-error-groups'],
    [`/sessions/${ids.session_id}/error-groups`, '/sessions/{session_id}/error-groups'],
    [`/sessions/${ids.session_id}/events`, '/sessions/{session_id}/events'],
  ])('%s returns a full first page of valid items', async (path, specPath) => {
    const body = await get(`${path}?limit=3`, specPath, 200);
    expect(body.items).toHaveLength(3);
    expect(body.pagination).toEqual({ has_more_before: false, has_more_after: true });
  });

  it.each(createListWalks(ids).map((w) => [w.operationId, w] as const))(
    '%s: paginate walks real pages (two items a page) and yields each item once',
    async (_, w) => {
      const items = await take(w.walk(createClient({ baseUrl: sandbox.url, token: TOKEN })), WALK_ITEMS);
      expect(new Set(items.map((item) => item.id)).size).toBe(WALK_ITEMS);
    },
  );

  it('a two-value filter through the client is sent as repeated keys: 200 with only matching items', async () => {
    const sent: string[] = [];
    const client = createClient({
      baseUrl: sandbox.url,
      token: TOKEN,
      fetch: (input, init) => (sent.push((input as Request).url), fetch(input, init)),
    });
    const [first, second] = ['message_processing_timeout', 'provider_discovery_failed'] as const;
    const ids = async (type: typeof first | Array<typeof first | typeof second>) =>
      (await client.unwrap(client.GET('/session-errors', { params: { query: { type, limit: 100 } } }))).items.map((item) => item.id);
    const both = await ids([first, second]);
    expect(new URL(sent[0]!).searchParams.getAll('type')).toEqual([first, second]);
    // Items carry no type: each one of the two-value page is among the first page of one of the types.
    const [onlyFirst, onlySecond] = [await ids(first), await ids([second])];
    expect(new URL(sent[1]!).searchParams.getAll('type')).toEqual([first]);
    const either = new Set([...onlyFirst, ...onlySecond]);
    expect(both.length).toBeGreaterThan(0);
    expect(both.filter((id) => !either.has(id))).toEqual([]);
    expect(both.some((id) => onlySecond.includes(id))).toBe(true);
    expect(both.some((id) => onlyFirst.includes(id))).toBe(true);
  });

  it('session-scoped lists only return that session', async () => {
    const body = await get(`/sessions/${ids.session_id}/errors?limit=100`, '/sessions/{session_id}/errors', 200);
    expect(body.items.every((e: { session_id: string }) => e.session_id === ids.session_id)).toBe(true);
  });

  it('an error of another session is a 404 naming it', async () => {
    const body = await get(
      `/sessions/${ids.session_id}/errors/${sandbox.other!.session_error_id}`,
      '/sessions/{session_id}/errors/{session_error_id}',
      404,
    );
    expect(body).toMatchObject({ code: 'not_found', entity: 'session.error', id: sandbox.other!.session_error_id });
  });

  it.each([
    ['/sessions/ses_unknown/errors', '/sessions/{session_id}/errors', 'session'],
    [`/sessions/${ids.session_id}/events/sev_unknown`, '/sessions/{session_id}/events/{session_event_id}', 'session.event'],
    ['/session-error-groups/seg_unknown', '/session-error-groups/{session_error_group_id}', 'session.error_group'],
  ])('%s is a 404 with entity %s', async (path, specPath, entity) => {
    const body = await get(path, specPath, 404);
    expect(body.entity).toBe(entity);
  });

  it('after and before together is a 400 invalid_data', async () => {
    const body = await get(`/session-errors?after=${ids.session_error_id}&before=${ids.session_error_id}`, '/session-errors', 400);
    expect(body.errors.map((e: { message: string }) => e.message)).toContain('Cannot use both after and before cursors');
  });

  it('an unknown observability session is a 404 in the observability dialect', async () => {
    const body = await get(
      '/observability.sessions.get?platform=ios&session_id=nope&version_key=com.acme.shop',
      '/observability.sessions.get',
      404,
    );
    expect(body.type).toBe('not_found');
  });
});
