// Route matching and parameter parsing on the real spec, with the hostile paths that once crashed the mock.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../src/index.js';
import { allowedMethods, compileOperations, matchRoute, parseParameters, type RouteMatch } from '../src/server/index.js';

const operations = compileOperations(loadSpec());
const summary = (match: RouteMatch) =>
  match.kind === 'operation'
    ? `${match.operation.operationId} ${JSON.stringify(match.pathValues)}`
    : match.kind === 'method_not_allowed'
      ? `405 ${match.allow.join(',')} ${match.dialect}`
      : '404';

describe('matchRoute', () => {
  it.each([
    ['GET', '/session-errors', 'listSessionErrors {}'],
    ['GET', '/session-errors?limit=1#x', 'listSessionErrors {}'],
    ['get', '/sessions/ses_1/errors', 'listSessionErrorsForSession {"session_id":"ses_1"}'],
    ['GET', '/sessions/ses_1/errors/ser_2', 'getSessionError {"session_id":"ses_1","session_error_id":"ser_2"}'],
    ['HEAD', '/session-error-groups/seg_1', 'getSessionErrorGroup {"session_error_group_id":"seg_1"}'],
    ['GET', '/observability.sessions.get', 'getObservabilitySession {}'],
    // Raw values stay percent-encoded: decoding (and its failures) belong to parseParameters.
    ['GET', '/sessions/%FF/errors', 'listSessionErrorsForSession {"session_id":"%FF"}'],
    ['GET', '/sessions/%C3%28/errors', 'listSessionErrorsForSession {"session_id":"%C3%28"}'],
    ['GET', '/sessions/a%00b/errors', 'listSessionErrorsForSession {"session_id":"a%00b"}'],
    ['GET', '/sessions/a\u0000b/errors', 'listSessionErrorsForSession {"session_id":"a\\u0000b"}'],
    ['GET', '/sessions/a%2Fb/errors', 'listSessionErrorsForSession {"session_id":"a%2Fb"}'],
    ['POST', '/session-errors', '405 GET,HEAD session'],
    ['DELETE', '/observability.sessions.get', '405 GET,HEAD observability'],
    ['PROPFIND', '/sessions/ses_1/events', '405 GET,HEAD session'],
    ['GET', '/session-errors/', '404'],
    ['GET', '/sessions//errors', '404'],
    ['GET', '/nope', '404'],
    ['GET', '', '404'],
    ['GET', `/sessions/${'x'.repeat(100_000)}/errors/%%%`, 'getSessionError'],
    ['GET', `/${'%'.repeat(100_000)}`, '404'],
  ])('%s %s → %s', (method, path, expected) => {
    expect(summary(matchRoute(operations, method, path))).toContain(expected);
  });

  it('never throws, whatever the method and path', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12, unit: 'binary' }), fc.string({ maxLength: 300, unit: 'binary' }), (method, path) => {
        const match = matchRoute(operations, method, path);
        if (match.kind === 'operation') parseParameters(match.operation, match.pathValues, new URLSearchParams(path.split('?')[1] ?? ''));
        return true;
      }),
      { numRuns: 3000 },
    );
  });

  it('allows HEAD wherever GET is', () => {
    const get = operations.find((operation) => operation.operationId === 'listSessionErrors')!;
    expect(allowedMethods([get])).toEqual(['GET', 'HEAD']);
    expect(allowedMethods([{ ...get, method: 'post' }, get])).toEqual(['GET', 'POST', 'HEAD']);
  });
});

describe('parseParameters', () => {
  const parse = (method: string, url: string) => {
    const [path, query = ''] = url.split('?');
    const match = matchRoute(operations, method, path!);
    if (match.kind !== 'operation') throw new Error(`no operation for ${url}`);
    return parseParameters(match.operation, match.pathValues, new URLSearchParams(query));
  };

  it('decodes path values and converts query values the way the spec says', () => {
    const parsed = parse(
      'GET',
      '/sessions/ses%5F1/errors?limit=5&type=message_processing_timeout&type[]=provider_discovery_failed&session_id=ses_q',
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.path).toEqual({ session_id: 'ses_1' });
    expect(parsed.query).toMatchObject({
      limit: 5,
      order: 'asc',
      type: ['message_processing_timeout', 'provider_discovery_failed'],
      // An array-only filter: a single value is a list of one.
      session_id: ['ses_q'],
    });
  });

  it.each([
    ['/sessions/%FF/errors', { in: 'path', code: 'invalid_string', path: ['session_id'], received: '%FF' }],
    ['/sessions/%C3%28/errors', { in: 'path', code: 'invalid_string', path: ['session_id'] }],
    ['/sessions/a%00b/errors', { in: 'path', code: 'invalid_string', path: ['session_id'], received: 'a\u0000b' }],
    ['/sessions/a%20b/errors', { in: 'path', code: 'invalid_string', path: ['session_id'], received: 'a b' }],
    ['/sessions/ses_1/errors?limit=0', { in: 'query', code: 'too_small', path: ['limit'], received: '0' }],
    ['/sessions/ses_1/errors?limit=1&limit=2', { in: 'query', code: 'invalid_type', path: ['limit'], expected: 'a single value' }],
    ['/sessions/ses_1/errors?order=sideways', { in: 'query', code: 'invalid_enum_value', path: ['order'], expected: 'asc | desc' }],
    [
      '/observability.sessions.get?platform=ios&session_id=s1',
      { in: 'query', code: 'required', keyword: 'required', path: ['version_key'] },
    ],
  ])('%s is one problem, of the parameter where it was read', (url, expected) => {
    const { problems } = parse('GET', url);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject(expected);
  });

  it('lists every invalid parameter at once', () => {
    const { problems } = parse('GET', '/sessions/%FF/errors?limit=0&order=up&type=nope');
    expect(problems.map((problem) => `${problem.in}:${problem.path[0]}`).sort()).toEqual([
      'path:session_id',
      'query:limit',
      'query:order',
      'query:type',
    ]);
  });
});
