// Where each operation goes, with which credential, in the default configuration a production user gets
// (no baseUrl): asserted on the exact Request the injected fetch receives. Also the one-server form.
import { describe, expect, it } from 'vitest';
import { MissingCredentialError, UnauthorizedError, createClient, type ClientOptions } from '../src/index.js';
import { loadSpec, operationUpstreams } from '@session-obs/spec';
import { rejection } from './helpers.js';

const listBody = { object: 'list', items: [], pagination: { has_more_before: false, has_more_after: false } };
const OBS_QUERY = { platform: 'web', session_id: '0b5d9f1e', version_key: 'web-app' } as const;

/** A client whose fetch records every Request and answers `body` (200 unless `status`). */
function recorded(options: ClientOptions, status = 200, body: unknown = listBody) {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL) => {
    requests.push(input as Request);
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  };
  return { requests, client: createClient({ ...options, maxRetries: 0, fetch }) };
}

const sent = (request: Request) => ({ origin: new URL(request.url).origin, authorization: request.headers.get('authorization') });

describe('the default configuration: both credentials, no baseUrl', () => {
  const options = { metorial: { token: 'm' }, devrev: { token: 'd' } };

  it('sends a session operation to api.metorial.com with the Metorial key, the observability one to api.devrev.ai with the DevRev token', async () => {
    const { requests, client } = recorded(options);
    await client.GET('/session-errors', { params: { query: { limit: 2 } } });
    await client.GET('/observability.sessions.get', { params: { query: OBS_QUERY } });
    expect(requests.map(sent)).toEqual([
      { origin: 'https://api.metorial.com', authorization: 'Bearer m' },
      { origin: 'https://api.devrev.ai', authorization: 'Bearer d' },
    ]);
    expect(requests[0]!.url).toBe('https://api.metorial.com/session-errors?limit=2');
    expect(requests[1]!.url).toBe('https://api.devrev.ai/observability.sessions.get?platform=web&session_id=0b5d9f1e&version_key=web-app');
  });

  it('sends every operation of the spec to its server with the token of its scheme, pages included', async () => {
    const { requests, client } = recorded(options);
    const table = operationUpstreams(loadSpec());
    const call = client.request as (method: string, path: string, init: object) => Promise<unknown>;
    for (const { method, path } of table)
      await call(method, path, {
        params: { path: { session_id: 's', session_error_id: 'e', session_error_group_id: 'g', session_event_id: 'v' } },
      });
    expect(requests.map(sent)).toEqual(
      table.map((row) => ({ origin: row.server, authorization: `Bearer ${row.credential === 'devrev' ? 'd' : 'm'}` })),
    );
    expect(new Set(table.map((row) => row.credential))).toEqual(new Set(['metorial', 'devrev']));
    requests.length = 0;
    for await (const _ of client.paginate('/sessions/{session_id}/events', { params: { path: { session_id: 'ses_1' } } })) void _;
    expect(requests.map(sent)).toEqual([{ origin: 'https://api.metorial.com', authorization: 'Bearer m' }]);
  });

  it('sends tokens trimmed (a pasted one often carries spaces or a newline)', async () => {
    const { requests, client } = recorded({ metorial: { token: '  m \n' }, devrev: { token: '\td' } });
    await client.GET('/session-errors');
    await client.GET('/observability.sessions.get', { params: { query: OBS_QUERY } });
    expect(requests.map((r) => r.headers.get('authorization'))).toEqual(['Bearer m', 'Bearer d']);
    const { requests: one, client: oneServer } = recorded({ baseUrl: 'http://127.0.0.1:9', token: ' t ' });
    await oneServer.GET('/session-errors');
    expect(one[0]!.headers.get('authorization')).toBe('Bearer t');
  });

  it('an upstream baseUrl moves only that upstream', async () => {
    const { requests, client } = recorded({ ...options, devrev: { token: 'd', baseUrl: 'https://devrev.example.test/' } });
    await client.GET('/observability.sessions.get', { params: { query: OBS_QUERY } });
    await client.GET('/session-error-groups');
    expect(requests.map((r) => r.url.split('?')[0])).toEqual([
      'https://devrev.example.test/observability.sessions.get',
      'https://api.metorial.com/session-error-groups',
    ]);
  });

  it('redacts either token from error messages', async () => {
    const secrets = { metorial: { token: 'metorial_sk_SECRET1' }, devrev: { token: 'devrev_pat_SECRET2' } };
    const { client } = recorded(secrets, 401, {
      type: 'unauthenticated',
      message: 'tokens devrev_pat_SECRET2 and metorial_sk_SECRET1 rejected',
    });
    const error = await rejection(client.unwrap(client.GET('/observability.sessions.get', { params: { query: OBS_QUERY } })));
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect((error as Error).message).toBe('tokens [redacted] and [redacted] rejected (401 unauthenticated)');
  });
});

describe('a credential that was not given', () => {
  it('rejects before any request, naming the option to set', async () => {
    const { requests, client } = recorded({ metorial: { token: 'm' } });
    const error = await rejection(client.GET('/observability.sessions.get', { params: { query: OBS_QUERY } }));
    expect(error).toBeInstanceOf(MissingCredentialError);
    expect(error).toMatchObject({ kind: 'MissingCredentialError', code: 'missing_credential', status: undefined });
    expect((error as Error).message).toBe("GET /observability.sessions.get needs devrev.token: set it in createClient's options");
    const only = recorded({ devrev: { token: 'd' } });
    const session = await rejection(only.client.unwrap(only.client.GET('/session-errors')));
    expect((session as Error).message).toContain('needs metorial.token');
    expect([...requests, ...only.requests]).toEqual([]);
  });

  it('a bare token is the Metorial key: never sent to DevRev', async () => {
    const { requests, client } = recorded({ token: 'm' });
    await client.GET('/session-errors');
    expect(await rejection(client.GET('/observability.sessions.get', { params: { query: OBS_QUERY } }))).toBeInstanceOf(
      MissingCredentialError,
    );
    expect(requests.map(sent)).toEqual([{ origin: 'https://api.metorial.com', authorization: 'Bearer m' }]);
  });

  it('no token at all, or a baseUrl fetch cannot use, is a TypeError from createClient', () => {
    expect(() => createClient({})).toThrow(new TypeError('createClient: token required'));
    expect(() => createClient({ metorial: { token: '  ' } })).toThrow(TypeError);
    expect(() => createClient({ metorial: { token: 'm' }, devrev: { token: 'd', baseUrl: 'not a url' } })).toThrow(
      new TypeError('createClient: invalid devrev.baseUrl not a url (an http: or https: URL)'),
    );
  });

  it.each([
    // [options, the message: the option named, the character shown by its code point, never the token]
    [{ token: 'metorial_sk_…' }, 'createClient: token has U+2026 at position 13'],
    [{ metorial: { token: 'line1\nsecret2' } }, 'createClient: metorial.token has U+000A at position 6'],
    [{ metorial: { token: 'm' }, devrev: { token: 'pat with space' } }, 'createClient: devrev.token has U+0020 at position 4'],
    [{ baseUrl: 'http://127.0.0.1:4010', token: 'tok\u0000en' }, 'createClient: token has U+0000 at position 4'],
  ])('a token that is not visible ASCII is a TypeError from createClient, without the token: %j', (options, message) => {
    const call = () => createClient(options);
    expect(call).toThrow(TypeError);
    expect(call).toThrow(`${message} (a bearer token is visible ASCII)`);
    try {
      call();
    } catch (error) {
      expect((error as Error).message).not.toMatch(/secret2|metorial_sk_|pat with|tok.en/);
    }
  });
});

describe('the one-server form: createClient({ baseUrl, token })', () => {
  it('sends every operation to that server with that token, as before', async () => {
    const { requests, client } = recorded({ baseUrl: 'http://127.0.0.1:4010', token: 'test' });
    await client.GET('/session-errors');
    await client.GET('/observability.sessions.get', { params: { query: OBS_QUERY } });
    expect(requests.map(sent)).toEqual(Array(2).fill({ origin: 'http://127.0.0.1:4010', authorization: 'Bearer test' }));
  });

  it('an upstream part still wins over the shared settings', async () => {
    const { requests, client } = recorded({ baseUrl: 'http://127.0.0.1:4020', token: 'shared', devrev: { token: 'd' } });
    await client.GET('/observability.sessions.get', { params: { query: OBS_QUERY } });
    expect(requests.map(sent)).toEqual([{ origin: 'http://127.0.0.1:4020', authorization: 'Bearer d' }]);
  });

  it('a per-call Authorization header wins over the configured credential', async () => {
    const { requests, client } = recorded({ token: 'm' });
    await client.GET('/observability.sessions.get', { params: { query: OBS_QUERY }, headers: { Authorization: 'Bearer per-call' } });
    expect(requests.map(sent)).toEqual([{ origin: 'https://api.devrev.ai', authorization: 'Bearer per-call' }]);
  });
});
