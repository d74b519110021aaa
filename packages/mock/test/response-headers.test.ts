// The headers of the mock's successful answers: Prism passes on the spec's example headers, but the request
// id is the server layer's own (unique per request, as on error answers; the docs' Try it console shows it),
// and the RateLimit-* headers report the mock's real state (no limiter: a full bucket), not the example's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../src/index.js';
import { AUTH } from './helpers.js';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock?.stop());

async function headersOf(path: string, headers: Record<string, string>) {
  const response = await fetch(mock.url + path, { headers });
  await response.text();
  return { status: response.status, headers: response.headers };
}

const FULL_BUCKET = { 'ratelimit-limit': '1000', 'ratelimit-remaining': '1000', 'ratelimit-reset': '0' };

describe('mock answer headers', () => {
  it('gives every answer (examples, Prefer-chosen, dynamic, errors) its own request id', async () => {
    const asked: [string, Record<string, string>, number][] = [
      ['/session-errors', AUTH, 200],
      ['/session-errors', AUTH, 200],
      ['/session-errors', { ...AUTH, Prefer: 'code=500' }, 500],
      ['/session-errors', { ...AUTH, Prefer: 'code=429' }, 429],
      ['/session-errors', { ...AUTH, Prefer: 'dynamic=true' }, 200],
      ['/session-errors', {}, 401],
    ];
    const ids: string[] = [];
    for (const [path, headers, status] of asked) {
      const answer = await headersOf(path, headers);
      expect(answer.status).toBe(status);
      const id = answer.headers.get('x-request-id');
      expect(id).toMatch(/^req_[0-9a-f]{6}[0-9a-z]{6}$/);
      ids.push(id!);
    }
    expect(new Set(ids).size).toBe(asked.length);
  });

  it('reports a full bucket on example answers, as on error answers', async () => {
    for (const headers of [AUTH, { ...AUTH, Prefer: 'code=500' }, {}]) {
      const answer = await headersOf('/session-errors', headers);
      for (const [name, value] of Object.entries(FULL_BUCKET)) expect(answer.headers.get(name), name).toBe(value);
    }
  });

  it('reports an empty bucket on a Prefer: code=429, full again after its Retry-After', async () => {
    const answer = await headersOf('/session-errors', { ...AUTH, Prefer: 'code=429' });
    expect(answer.headers.get('ratelimit-remaining')).toBe('0');
    expect(answer.headers.get('ratelimit-limit')).toBe('1000');
    expect(answer.headers.get('ratelimit-reset')).toBe(answer.headers.get('retry-after'));
  });
});
