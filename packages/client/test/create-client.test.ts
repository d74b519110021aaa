import { describe, expect, it } from 'vitest';
import { createClient, DEFAULT_BASE_URL } from '../src/index.js';

function recordingFetch(body: unknown = { object: 'list', items: [], pagination: { has_more_before: false, has_more_after: false } }) {
  const requests: Request[] = [];
  const fetch = async (input: Request) => {
    requests.push(input);
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  return { requests, fetch: fetch as unknown as typeof globalThis.fetch };
}

describe('createClient', () => {
  it('sends the bearer token and serialises one-or-many filters as repeated keys', async () => {
    const { requests, fetch } = recordingFetch();
    const client = createClient({ baseUrl: 'http://127.0.0.1:1/', token: 'sk_test', fetch });
    const { data } = await client.GET('/session-errors', { params: { query: { session_id: ['ses_a', 'ses_b'], limit: 5 } } });
    expect(data?.object).toBe('list');
    const request = requests[0]!;
    expect(request.headers.get('authorization')).toBe('Bearer sk_test');
    const url = new URL(request.url);
    expect(url.origin + url.pathname).toBe('http://127.0.0.1:1/session-errors');
    expect(url.searchParams.getAll('session_id')).toEqual(['ses_a', 'ses_b']);
    expect(url.searchParams.get('limit')).toBe('5');
  });

  it('defaults to the production base URL', async () => {
    const { requests, fetch } = recordingFetch({});
    await createClient({ token: 't', fetch }).GET('/session-error-groups/{session_error_group_id}', { params: { path: { session_error_group_id: 'seg_1' } } });
    expect(requests[0]!.url).toBe(`${DEFAULT_BASE_URL}/session-error-groups/seg_1`);
  });

  it.each([[''], ['   '], [undefined]])('rejects a missing or blank token (%j)', (token) => {
    expect(() => createClient({ token: token as string })).toThrow(/token/);
  });
});
