// Bad input gets a 4xx (never a 5xx) from every target, with a body that matches the declared error schema.
import { describe, expect, inject, it } from 'vitest';
import { createSpecValidator, formatErrors, listOperations, loadSpec } from '@session-obs/spec';

const spec = loadSpec();
const validator = createSpecValidator(spec);
const targets = inject('targets');
const AUTH = { Authorization: 'Bearer test-token' };
const OBS = '/observability.sessions.get';
const obsQuery = 'platform=android&session_id=s1&version_key=com.acme.shop';
const withQuery = (path: string) => (path === OBS ? `${path}?${obsQuery}` : path);

async function expectRejected(base: string, path: string, url: string, headers: Record<string, string>, status: number) {
  const response = await fetch(base + url, { headers });
  expect(response.status, `${url} → ${response.status}`).toBe(status);
  const body = await response.json();
  const result = validator.validateResponse('get', path, status, body);
  expect(result.valid, formatErrors(result.errors)).toBe(true);
}

const operations = listOperations(spec);
const lists = operations.filter((o) => o.operationId.startsWith('list'));

describe.each(targets.map((t) => [t.name, t] as const))('bad input gets a typed 4xx from %s', (_, target) => {
  const base = target.url;
  const concrete = (path: string) => path.replace('{session_id}', target.ids.session_id).replace(/\{[a-z_]+\}/g, 'xyz_mfl3k1b2Cd3Ef4Gh');

  it.each(operations.map((o) => [o.operationId, o.path] as const))('%s without a token is 401', async (_, path) => {
    await expectRejected(base, path, withQuery(concrete(path)), {}, 401);
  });

  it.each(operations.map((o) => [o.operationId, o.path] as const))('%s with a non-Bearer scheme is 401', async (_, path) => {
    await expectRejected(base, path, withQuery(concrete(path)), { Authorization: 'Basic dXNlcjpwYXNz' }, 401);
  });

  const paging = lists
    .flatMap((o) =>
      ['limit=0', 'limit=101', 'limit=ten', 'order=sideways', 'type=not_a_type', 'after=bad%20id', 'cursor=garbage'].map(
        (q) => [`${o.operationId} ?${q}`, o.path, q] as const,
      ),
    )
    .filter(([, path, q]) => !(q.startsWith('type=') && path.endsWith('/events')));
  it.each(paging)('%s is 400', async (_, path, q) => {
    await expectRejected(base, path, `${concrete(path)}?${q}`, AUTH, 400);
  });

  it.each([
    ['no query at all', ''],
    ['platform missing', 'session_id=s1&version_key=k'],
    ['session_id missing', 'platform=ios&version_key=k'],
    ['version_key missing', 'platform=ios&session_id=s1'],
    ['session_id empty', 'platform=ios&session_id=&version_key=k'],
    ['version_key empty', 'platform=ios&session_id=s1&version_key='],
    ['platform=windows', 'platform=windows&session_id=s1&version_key=k'],
  ])('observability: %s is 400', async (_, q) => {
    await expectRejected(base, OBS, `${OBS}?${q}`, AUTH, 400);
  });
});
