// Per-request overhead: our client vs openapi-fetch alone vs raw fetch, on the same in-memory fetch
// (so only client-side work is measured). Goal: our client >= 0.9x openapi-fetch's ops/s.
import createFetchClient from 'openapi-fetch';
import { bench, describe } from 'vitest';
import type { paths } from '@session-obs/types';
import { createClient } from '../src/index.js';

const BASE = 'http://127.0.0.1:4010';
const TOKEN = 'sk_bench';
const body = JSON.stringify({
  object: 'list',
  items: Array.from({ length: 5 }, (_, i) => ({ object: 'session.error', id: `ser_${i}`, code: 'timeout', message: 'Timed out' })),
  pagination: { has_more_before: false, has_more_after: false },
});
const headers = { 'content-type': 'application/json', 'x-request-id': 'req_1' };
/** The shared mocked fetch: a fresh 200 JSON response per call. */
const mockFetch = (async () => new Response(body, { status: 200, headers })) as typeof fetch;

const ours = createClient({ baseUrl: BASE, token: TOKEN, fetch: mockFetch });
const plain = createFetchClient<paths>({ baseUrl: BASE, fetch: mockFetch, headers: { Authorization: `Bearer ${TOKEN}` } });
/** Long enough runs that a busy 2-core machine's noise averages out. */
const opts = { time: 3_000, warmupTime: 1_000, warmupIterations: 2_000 };
const params = { path: { session_id: 'ses_4dEfGhJkLmNpQrSt' }, query: { limit: 10, order: 'desc' as const } };

describe('GET /sessions/{session_id}/errors on a mocked fetch', () => {
  bench('@session-obs/client', async () => {
    const { data } = await ours.GET('/sessions/{session_id}/errors', { params });
    if (!data) throw new Error('no data');
  }, opts);
  bench('openapi-fetch alone', async () => {
    const { data } = await plain.GET('/sessions/{session_id}/errors', { params });
    if (!data) throw new Error('no data');
  }, opts);
  bench('raw fetch', async () => {
    const response = await mockFetch(`${BASE}/sessions/${encodeURIComponent(params.path.session_id)}/errors?limit=10&order=desc`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    if (!response.ok || !(await response.json())) throw new Error('no data');
  }, opts);
});
