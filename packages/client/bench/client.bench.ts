// Per-request overhead: our client vs openapi-fetch alone vs raw fetch, on the same in-memory fetch
// (so only client-side work is measured). Goal: our client >= 0.9x openapi-fetch's ops/s.
// Ours and openapi-fetch run in alternating rounds, so drift of a shared machine (heap state, CPU steal)
// lands on both; `bench/summary.mjs` prints the per-round ratios and their median.
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
const opts = { time: 400, warmupTime: 100, warmupIterations: 5 };
const params = { path: { session_id: 'ses_4dEfGhJkLmNpQrSt' }, query: { limit: 10, order: 'desc' as const } };
const ROUNDS = 12;
/** Requests per measured iteration: amortizes the harness's own per-iteration timing and bookkeeping. */
const BATCH = 50;

describe('GET /sessions/{session_id}/errors on a mocked fetch', () => {
  for (let round = 1; round <= ROUNDS; round++) {
    bench(`@session-obs/client #${round}`, async () => {
      for (let i = 0; i < BATCH; i++) {
        const { data } = await ours.GET('/sessions/{session_id}/errors', { params });
        if (!data) throw new Error('no data');
      }
    }, opts);
    bench(`openapi-fetch alone #${round}`, async () => {
      for (let i = 0; i < BATCH; i++) {
        const { data } = await plain.GET('/sessions/{session_id}/errors', { params });
        if (!data) throw new Error('no data');
      }
    }, opts);
  }
  bench('raw fetch', async () => {
    for (let i = 0; i < BATCH; i++) {
      const response = await mockFetch(`${BASE}/sessions/${encodeURIComponent(params.path.session_id)}/errors?limit=10&order=desc`, {
        headers: { Authorization: `Bearer ${TOKEN}` },
      });
      if (!response.ok || !(await response.json())) throw new Error('no data');
    }
  }, opts);
});
