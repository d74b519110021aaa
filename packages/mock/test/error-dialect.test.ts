// Every refusal is the API's own error body for that operation, computed from the actual mistake: the
// session endpoints' `{ object: "error", … }` with `invalid_data` naming each bad parameter, the
// observability endpoint's `{ type, … }`; 404 for an unknown route, 405 with `Allow`, 401 without a bearer
// token. Each body validates against the spec's schema for its status (a 405, which no operation declares,
// against the operation's 400 schema: its dialect).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../src/index.js';
import { AUTH, get, specProblems } from './helpers.js';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock?.stop());

const OBS = '/observability.sessions.get';
const obs = (query: string) => `${OBS}?${query}`;

/** `cur_` + base62 of the JSON `[direction, id]`: a cursor as upstream encodes it. */
function cursor(direction: 'after' | 'before', id: string): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  let n = BigInt(`0x${Buffer.from(JSON.stringify([direction, id])).toString('hex')}`);
  let out = '';
  for (; n > 0n; n /= 62n) out = alphabet[Number(n % 62n)] + out;
  return `cur_${out}`;
}

// [what, request path, spec path, the parameters `errors` must name (in order), their codes]
const invalidData: Array<[string, string, string, string[], string[]]> = [
  ['a malformed escape in the path id', '/sessions/%FF/errors', '/sessions/{session_id}/errors', ['session_id'], ['invalid_string']],
  [
    'a NUL byte in the path id',
    '/sessions/ses_a/errors/%00',
    '/sessions/{session_id}/errors/{session_error_id}',
    ['session_error_id'],
    ['invalid_string'],
  ],
  ['limit=0', '/session-errors?limit=0', '/session-errors', ['limit'], ['too_small']],
  ['limit=101', '/session-errors?limit=101', '/session-errors', ['limit'], ['too_big']],
  ['limit=ten', '/session-errors?limit=ten', '/session-errors', ['limit'], ['invalid_type']],
  ['limit given twice', '/session-errors?limit=1&limit=2', '/session-errors', ['limit'], ['invalid_type']],
  ['order=sideways', '/session-error-groups?order=sideways', '/session-error-groups', ['order'], ['invalid_enum_value']],
  ['type=bogus', '/session-errors?type=bogus', '/session-errors', ['type'], ['invalid_enum_value']],
  ['a cursor of the wrong shape', '/session-errors?cursor=garbage', '/session-errors', ['cursor'], ['invalid_cursor']],
  ['a cursor that does not decode', '/session-errors?cursor=cur_abc', '/session-errors', ['cursor'], ['invalid_cursor']],
  [
    'after and before together',
    '/sessions/ses_a/events?after=sev_a&before=sev_b',
    '/sessions/{session_id}/events',
    ['before'],
    ['conflicting_cursors'],
  ],
  [
    'a cursor with after',
    `/session-errors?after=ser_a&cursor=${cursor('before', 'ser_b')}`,
    '/session-errors',
    ['cursor'],
    ['conflicting_cursors'],
  ],
  ['an empty filter value', '/session-errors?session_id=', '/session-errors', ['session_id'], ['invalid_string']],
  ['invalid UTF-8 in a filter', '/session-errors?provider_id=%C3', '/session-errors', ['provider_id'], ['invalid_string']],
  [
    'five mistakes at once',
    '/session-errors?limit=0&order=up&type=nope&after=a%20b&cursor=junk',
    '/session-errors',
    ['limit', 'after', 'cursor', 'order', 'type'],
    ['too_small', 'invalid_string', 'invalid_cursor', 'invalid_enum_value', 'invalid_enum_value'],
  ],
];

describe('parameter mistakes are 400 invalid_data naming each one', () => {
  it.each(invalidData)('%s', async (_, path, specPath, names, codes) => {
    const { status, body } = await get(mock.url, path);
    expect(status, JSON.stringify(body)).toBe(400);
    // Where the mistakes are: the path's ids, or the query.
    expect(body).toMatchObject({
      object: 'error',
      status: 400,
      code: 'invalid_data',
      entity: specPath.includes(`{${names[0]}}`) ? 'path' : 'query',
    });
    const errors = body.errors as Array<{ path: string[]; code: string; message: string }>;
    expect(errors.map((e) => e.path[0])).toEqual(names);
    expect(errors.map((e) => e.code)).toEqual(codes);
    for (const error of errors) expect(error.message).toMatch(/\S/);
    expect(specProblems(specPath, 400, body)).toBe('');
  });

  it('valid paging answers 200: a decodable cursor, repeated and bracketed filters, every limit and order', async () => {
    for (const path of [
      `/session-errors?cursor=${cursor('after', 'ser_mfl3k2a0Xq7ZpR2v')}`,
      '/session-errors?type=message_processing_timeout&type=provider_discovery_failed&order=desc&limit=100',
      '/session-errors?session_id[]=ses_a&session_id[]=ses_b&limit=1',
      '/sessions/ses_a/events?before=sev_b',
    ]) {
      expect((await get(mock.url, path)).status, path).toBe(200);
    }
  });
});

describe('the observability endpoint answers in its own dialect', () => {
  it.each([
    ['nothing sent', '', 'missing_required_field', 'platform'],
    ['version_key missing', 'platform=ios&session_id=s1', 'missing_required_field', 'version_key'],
    ['session_id empty', 'platform=ios&session_id=&version_key=k', 'invalid_field', 'session_id'],
    ['platform=windows', 'platform=windows&session_id=s1&version_key=k', 'invalid_enum_value', 'platform'],
  ])('%s is a 400 %s about %s', async (_, query, type, field) => {
    const { status, body } = await get(mock.url, obs(query));
    expect(status).toBe(400);
    expect(body).toMatchObject({ type, field_name: field });
    expect(specProblems(OBS, 400, body)).toBe('');
  });
});

describe('auth, routes and methods', () => {
  it.each([
    ['no Authorization header', {}],
    ['a Basic scheme', { Authorization: 'Basic dXNlcjpwYXNz' }],
    ['Bearer without a token', { Authorization: 'Bearer' }],
  ])('%s is a 401 in each dialect', async (_, headers) => {
    const session = await get(mock.url, '/session-errors?limit=0', headers);
    expect(session.status).toBe(401);
    expect(session.body).toMatchObject({ object: 'error', status: 401, code: 'unauthorized' });
    expect(specProblems('/session-errors', 401, session.body)).toBe('');
    const observability = await get(mock.url, obs('platform=ios&session_id=s&version_key=k'), headers);
    expect(observability.status).toBe(401);
    expect(observability.body).toMatchObject({ type: 'unauthenticated' });
    expect(specProblems(OBS, 401, observability.body)).toBe('');
  });

  it.each(['/nope', '/session-errors/', '/sessions/ses_a', '/sessions//errors'])(
    '%s is a 404 not_found of entity endpoint',
    async (path) => {
      const { status, body } = await get(mock.url, path);
      expect(status).toBe(404);
      expect(body).toMatchObject({ object: 'error', status: 404, code: 'not_found', entity: 'endpoint' });
      expect(specProblems('/session-error-groups/{session_error_group_id}', 404, body)).toBe('');
    },
  );

  it.each([
    ['POST', '/session-errors', '/session-errors'],
    ['DELETE', '/sessions/ses_a/errors/ser_b', '/sessions/{session_id}/errors/{session_error_id}'],
    ['PUT', OBS, OBS],
    // A plain OPTIONS (not a CORS preflight) as well, as in the sandbox: the spec declares no OPTIONS.
    ['OPTIONS', '/session-errors', '/session-errors'],
  ])('%s %s is a 405 with Allow, in the operation’s dialect', async (method, path, specPath) => {
    const response = await fetch(mock.url + path, { method, headers: AUTH });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(specProblems(specPath, 400, await response.json())).toBe('');
  });

  it('HEAD answers like GET, without a body', async () => {
    const response = await fetch(`${mock.url}/session-errors`, { method: 'HEAD', headers: AUTH });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});

describe('a Prefer header it cannot honour is a 400 bad_request', () => {
  it.each([
    ['a status the operation lacks', '/session-errors', 'code=404', /declares 200, 400, 401, 429, 500/],
    ['a status that is not a number', '/session-errors', 'code=abc', /code must be an HTTP status/],
    ['an example that does not exist', '/session-errors', 'example=Nope', /not an example of the 200 of listSessionErrors/],
    ['dynamic=maybe', OBS, 'dynamic=maybe', /dynamic must be true or false/],
  ])('%s', async (_, path, prefer, message) => {
    const url = path === OBS ? obs('platform=ios&session_id=s&version_key=k') : path;
    const { status, body } = await get(mock.url, url, { ...AUTH, Prefer: prefer });
    expect(status).toBe(400);
    expect(body.code ?? body.type).toBe('bad_request');
    expect(body.message).toMatch(message);
    expect(specProblems(path, 400, body)).toBe('');
  });
});
