// Property: random (mostly invalid) input always gets a typed 4xx that matches the spec, never a 5xx.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listOperations } from '@session-obs/spec';
import { memorySandbox, spec, specProblems, TOKEN } from './helpers.js';

let sandbox: Awaited<ReturnType<typeof memorySandbox>>;
beforeAll(async () => {
  sandbox = await memorySandbox({ seed: 5, sessions: 4, errors: 100 });
});
afterAll(() => sandbox.close());

const operations = listOperations(spec);
const names = [
  'limit',
  'order',
  'after',
  'before',
  'cursor',
  'type',
  'id',
  'session_id',
  'provider_id',
  'provider_run_id',
  'server_run_id',
  'platform',
  'version_key',
  'session_id[]',
  'type[]',
  'limit[]',
];
const junk = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    '',
    '0',
    '-1',
    '101',
    '1e3',
    '20.5',
    'asc',
    'desc',
    'cur_',
    'cur_abc',
    'cur_LbricGmnqMJ558dQ2Yw',
    'ses_ok',
    'a b',
    '%',
    '../x',
    'ios',
    'x'.repeat(300),
    'message_processing_timeout',
  ),
);

it('random query parameters and path ids never give a 5xx', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...operations),
      fc.array(fc.tuple(fc.constantFrom(...names), junk), { maxLength: 6 }),
      fc.array(junk, { minLength: 2, maxLength: 2 }),
      fc.constantFrom(`Bearer ${TOKEN}`, `Bearer ${TOKEN}`, `Bearer ${TOKEN}`, 'Bearer nope', '', 'Basic abc'),
      async (op, query, ids, auth) => {
        let i = 0;
        const path = op.path.replace(/\{[a-z_]+\}/g, () => encodeURIComponent(ids[i++ % 2] || 'x'));
        const qs = new URLSearchParams(query).toString();
        const response = await fetch(`${sandbox.url}${path}?${qs}`, { headers: auth ? { Authorization: auth } : {} });
        const body = await response.json();
        expect(response.status, `${path}?${qs} → ${JSON.stringify(body)}`).toBeLessThan(500);
        expect(specProblems(op.path, response.status, body), `${path}?${qs} (${response.status})`).toBe('');
        if (response.status === 400 && op.operationId !== 'getObservabilitySession') {
          expect(body.code).toBe('invalid_data');
          expect(body.errors.length).toBeGreaterThan(0);
        }
      },
    ),
    { numRuns: 300 },
  );
  expect(sandbox.problems).toEqual([]);
});

it('lists every invalid parameter at once', async () => {
  const { status, body } = await sandbox.get('/session-errors?limit=0&order=up&type=nope&after=a%20b&cursor=junk');
  expect(status).toBe(400);
  expect(body.errors.map((e: { path: string[] }) => e.path[0]).sort()).toEqual(['after', 'cursor', 'limit', 'order', 'type']);
});

it('the observability endpoint answers in its own dialect', async () => {
  const missing = await sandbox.get('/observability.sessions.get?platform=ios&session_id=s1');
  expect(missing.status).toBe(400);
  expect(missing.body).toMatchObject({ type: 'missing_required_field', field_name: 'version_key' });
  const badEnum = await sandbox.get('/observability.sessions.get?platform=windows&session_id=s1&version_key=k');
  expect(badEnum.body).toMatchObject({ type: 'invalid_enum_value', field_name: 'platform' });
  const unauth = await fetch(`${sandbox.url}/observability.sessions.get?platform=ios&session_id=s1&version_key=k`);
  expect(unauth.status).toBe(401);
  expect(await unauth.json()).toMatchObject({ type: 'unauthenticated' });
});

it('an unknown route is a 404 with entity endpoint', async () => {
  const { status, body } = await sandbox.get('/nope');
  expect(status).toBe(404);
  expect(body).toMatchObject({ object: 'error', code: 'not_found', entity: 'endpoint' });
});
