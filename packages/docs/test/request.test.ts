// How the console turns form values into the request it sends and the curl it shows.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '@session-obs/spec';
import { parameterHint } from '../src/try-it/form.js';
import { curlCommand, MASK, prepareRequest } from '../src/try-it/request.js';
import { consoleModel } from '../src/try-it-model.js';

const model = consoleModel(loadSpec());
const operation = (id: string) => model.operations.find((candidate) => candidate.id === id)!;
const SERVER = 'http://127.0.0.1:4020';

describe('prepareRequest', () => {
  it.each([
    ['no values', 'listSessionErrors', {}, `${SERVER}/session-errors`],
    [
      'a scalar query value',
      'listSessionErrors',
      { 'query.limit': ['5'], 'query.order': ['desc'] },
      `${SERVER}/session-errors?limit=5&order=desc`,
    ],
    [
      'one-or-many as repeated keys',
      'listSessionErrors',
      { 'query.session_id': ['ses_a', 'ses_b'] },
      `${SERVER}/session-errors?session_id=ses_a&session_id=ses_b`,
    ],
    ['only the first value of a scalar', 'listSessionErrors', { 'query.limit': ['5', '6'] }, `${SERVER}/session-errors?limit=5`],
    [
      'path parameters encoded',
      'getSessionError',
      { 'path.session_id': ['ses a/b'], 'path.session_error_id': ['ser_1'] },
      `${SERVER}/sessions/ses%20a%2Fb/errors/ser_1`,
    ],
    [
      'a path and a query parameter of the same name',
      'listSessionErrorsForSession',
      { 'path.session_id': ['ses_p'], 'query.session_id': ['ses_q'] },
      `${SERVER}/sessions/ses_p/errors?session_id=ses_q`,
    ],
    [
      'query values encoded',
      'getObservabilitySession',
      { 'query.platform': ['web'], 'query.session_id': ['a&b=c'], 'query.version_key': ['x y'] },
      `${SERVER}/observability.sessions.get?platform=web&session_id=a%26b%3Dc&version_key=x+y`,
    ],
  ])('builds the URL from %s', (_label, id, values, url) => {
    expect(prepareRequest(operation(id), SERVER, values, 'tok')).toEqual({
      method: 'GET',
      url,
      headers: { Accept: 'application/json', Authorization: 'Bearer tok' },
    });
  });

  it('joins a server URL with a path and a trailing slash', () => {
    expect(prepareRequest(operation('listSessionErrors'), 'https://api.example.com/v1/', {}, '')).toMatchObject({
      url: 'https://api.example.com/v1/session-errors',
      headers: { Accept: 'application/json' },
    });
  });

  it('refuses a missing path parameter and a server that is not a URL, saying why', () => {
    expect(prepareRequest(operation('getSessionError'), SERVER, { 'path.session_id': ['ses_1'] }, 'tok')).toEqual({
      problem: 'Path parameter session_error_id is required: fill it in to build the URL.',
    });
    expect(prepareRequest(operation('listSessionErrors'), 'localhost:4020', {}, 'tok')).toEqual({
      problem: '"localhost:4020" is not a server URL (it must start with http:// or https://).',
    });
  });
});

describe('curlCommand', () => {
  const request = prepareRequest(
    operation('listSessionErrors'),
    SERVER,
    { 'query.session_id': ["it's"], 'query.limit': ['2'] },
    'metorial_sk_secret',
  );
  if ('problem' in request) throw new Error(request.problem);

  it('masks the token unless it is revealed', () => {
    expect(curlCommand(request, false)).toBe(
      [
        `curl -sS '${SERVER}/session-errors?limit=2&session_id=it%27s' \\`,
        `  -H 'Accept: application/json' \\`,
        `  -H 'Authorization: Bearer ${MASK}'`,
      ].join('\n'),
    );
    expect(curlCommand(request, true)).toContain(`-H 'Authorization: Bearer metorial_sk_secret'`);
    expect(curlCommand(request, false)).not.toContain('metorial_sk_secret');
  });

  it('is one shell command whose words are exactly the URL and headers sent', () => {
    const words = execFileSync('bash', ['-c', `set -- ${curlCommand(request, true).replace(/^curl /, '')}; printf '%s\\n' "$@"`], {
      encoding: 'utf8',
    });
    expect(words.trim().split('\n')).toEqual([
      '-sS',
      request.url,
      '-H',
      'Accept: application/json',
      '-H',
      'Authorization: Bearer metorial_sk_secret',
    ]);
  });
});

describe('parameterHint', () => {
  const param = (id: string, name: string) => operation(id).params.find((candidate) => candidate.name === name)!;
  it.each([
    ['listSessionErrors', 'limit', 'integer · 1 to 100 · default 20'],
    ['listSessionErrors', 'order', 'string · default asc'],
    ['listSessionErrors', 'session_id', 'string · 1 to 64 characters · matches ^[A-Za-z0-9_-]+$ · one or many'],
    ['getObservabilitySession', 'platform', 'string'],
  ])('%s %s: %s', (id, name, hint) => {
    expect(parameterHint(param(id, name))).toBe(hint);
  });
});
