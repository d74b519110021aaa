// The headers the shared server layer owns on every answer: a handler passing on headers from elsewhere (the
// mock passes on Prism's, which carry the spec's example `X-Request-Id`) cannot replace the request id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiServer, type ApiServer } from '../src/server/index.js';

let api: ApiServer;
let base: string;
const seen: string[] = [];

beforeAll(async () => {
  api = createApiServer({
    handle: ({ requestId }) => {
      seen.push(requestId);
      return {
        status: 200,
        headers: { 'X-Request-Id': 'req_fixedExample', 'x-request-id': 'req_lower', 'RateLimit-Limit': '5' },
        body: {},
      };
    },
    dialectAt: () => 'session',
    methods: ['GET'],
    logError: () => {},
  });
  base = await api.listen(0, '127.0.0.1');
});
afterAll(() => api?.close());

describe('createApiServer headers', () => {
  it('answers every request with its own request id, whatever the handler’s headers say', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${base}/x`);
      await response.text();
      ids.push(response.headers.get('x-request-id')!);
      // Any other header of the reply is still the reply's.
      expect(response.headers.get('ratelimit-limit')).toBe('5');
    }
    expect(ids).toEqual(seen);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^req_[0-9a-f]{6}[0-9a-z]{6}$/);
  });
});
