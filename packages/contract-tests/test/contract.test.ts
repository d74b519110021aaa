import { describe, expect, inject, it } from 'vitest';
import { createClient } from '@session-obs/client';
import { createSpecValidator, formatErrors, listOperations, loadSpec, pointerEscape, resolveRef } from '@session-obs/spec';
import { createOperationCalls, operationCalls } from '../src/operation-calls.js';

const spec = loadSpec();
const validator = createSpecValidator(spec);
const targets = inject('targets');
const TOKEN = 'test-token';

it('the call table covers every operation of the spec', () => {
  const inSpec = listOperations(spec)
    .map((o) => o.operationId)
    .sort();
  expect(operationCalls.map((c) => c.operationId).sort()).toEqual(inSpec);
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
  });
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
    const { response, error } = await c.call(client, { headers: { Prefer: `code=${status}` } });
    expect(response.status).toBe(Number(status));
    const result = validator.validateResponse(c.method, c.path, status, error);
    expect(result.valid, formatErrors(result.errors)).toBe(true);
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
