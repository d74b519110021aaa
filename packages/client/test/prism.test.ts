// Every operation of the spec through the client against the real Prism mock, responses validated
// against the spec; every list operation through `paginate`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '@session-obs/mock';
import { createSpecValidator, formatErrors, listOperations, loadSpec, resolveRef } from '@session-obs/spec';
import { NotFoundError, createClient, type ListPath, type SessionObservabilityClient } from '../src/index.js';

const spec = loadSpec();
const validator = createSpecValidator(spec);
const operations = listOperations(spec);

/** Path params and required query params for an operation, from the spec's own examples. */
function paramsFor(path: string, operation: Record<string, any>) {
  const params = [...(spec.paths[path].parameters ?? []), ...(operation.parameters ?? [])].map((p) => resolveRef(spec, p, '')[1]);
  const pick = (where: string, all: boolean) =>
    Object.fromEntries(
      params
        .filter((p) => p.in === where && (all || p.required))
        .map((p) => [p.name, p.example ?? p.schema?.example ?? p.schema?.enum?.[0]]),
    );
  return { path: pick('path', true), query: pick('query', false) };
}

let mock: RunningMock;
let client: SessionObservabilityClient;
beforeAll(async () => {
  mock = await startMock({ logLevel: 'warn' });
  client = createClient({ baseUrl: mock.url, token: 'test-token', maxRetries: 0 });
}, 90_000);
afterAll(() => mock?.stop());

describe('every operation through the client against Prism', () => {
  it('the spec has operations', () => expect(operations.length).toBeGreaterThan(5));

  it.each(operations.map((o) => [o.operationId, o] as const))('%s: GET answers 200 with a body valid for the spec', async (_, o) => {
    const get = client.GET as (path: string, init: object) => ReturnType<SessionObservabilityClient['GET']>;
    const { data, error, response } = await get(o.path, { params: paramsFor(o.path, o.operation) });
    expect(error, JSON.stringify(error)).toBeUndefined();
    expect(response.status).toBe(200);
    const result = validator.validateResponse(o.method, o.path, 200, data);
    expect(result.valid, formatErrors(result.errors)).toBe(true);
    // unwrap gives the same body
    expect(await client.unwrap(get(o.path, { params: paramsFor(o.path, o.operation) }))).toEqual(data);
  });

  const lists = operations.filter(
    (o) => 'items' in (resolveRef(spec, o.operation.responses['200'].content['application/json'].schema, '')[1].properties ?? {}),
  );
  it('finds the list operations', () => expect(lists.length).toBe(5));

  it.each(lists.map((o) => [o.operationId, o] as const))('%s: paginate yields items valid for the spec', async (_, o) => {
    // Prism answers every page with the same example, so take a bounded number of items.
    const paginate = client.paginate as (path: ListPath, init: object) => AsyncGenerator<{ id: string }>;
    const seen: unknown[] = [];
    for await (const item of paginate(o.path as ListPath, { params: paramsFor(o.path, o.operation) })) {
      seen.push(item);
      if (seen.length >= 5) break;
    }
    expect(seen.length).toBeGreaterThan(0);
    const pointer = validator.responseSchemaPointer('get', o.path, 200)!;
    const list = { object: 'list', items: seen.slice(0, 1), pagination: { has_more_before: false, has_more_after: false } };
    const result = validator.validateAt(pointer, list);
    expect(result.valid, formatErrors(result.errors)).toBe(true);
  });

  it('a declared error status becomes the typed error', async () => {
    const get = client.GET('/sessions/{session_id}/errors', {
      params: { path: { session_id: 'ses_4dEfGhJkLmNpQrSt' } },
      headers: { Prefer: 'code=404' },
    });
    await expect(client.unwrap(get)).rejects.toBeInstanceOf(NotFoundError);
  });
});
