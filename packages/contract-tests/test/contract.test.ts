import { describe, expect, inject, it } from 'vitest';
import { createClient } from '@session-obs/client';
import { createSpecValidator, formatErrors, listOperations, loadSpec, pointerEscape, resolveRef } from '@session-obs/spec';
import { operationCalls } from '../src/operation-calls.js';

const spec = loadSpec();
const validator = createSpecValidator(spec);
const client = createClient({ baseUrl: inject('mockUrl'), token: 'test-token' });

describe('every operation through the client against Prism', () => {
  it('the call table covers every operation of the spec', () => {
    const inSpec = listOperations(spec).map((o) => o.operationId).sort();
    expect(operationCalls.map((c) => c.operationId).sort()).toEqual(inSpec);
  });

  it.each(operationCalls.map((c) => [c.operationId, c] as const))('%s answers 200 with a body that matches the spec', async (_, c) => {
    const { response, data, error } = await c.call(client);
    expect(error, JSON.stringify(error)).toBeUndefined();
    expect(response.status).toBe(200);
    expect(response.headers.get('ratelimit-limit')).toMatch(/^\d+$/);
    const result = validator.validateResponse(c.method, c.path, 200, data);
    expect(result.valid, formatErrors(result.errors)).toBe(true);
  });

  // Every declared status, selected with Prism's `Prefer: code=…`, returns a body valid for that status.
  const declared = operationCalls.flatMap((c) => {
    const op = spec.paths[c.path][c.method];
    return Object.keys(op.responses).filter((s) => s !== '200').map((status) => [`${c.operationId} ${status}`, c, status] as const);
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
