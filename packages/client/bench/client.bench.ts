// Per-request overhead: our client vs openapi-fetch alone vs raw fetch, on the same in-memory fetch
// (so only client-side work is measured). The in-memory guard is ours >= 0.85x openapi-fetch's ops/s.
// Ours and openapi-fetch run in alternating rounds, so drift of a shared machine (heap state, CPU steal)
// lands on both; `bench/summary.mjs` prints the per-round ratios and their median.
import createFetchClient from 'openapi-fetch';
import { bench, describe } from 'vitest';
import type { paths } from '@session-obs/types';
import { createClient } from '../src/index.js';
import { BASE, TOKEN, mockFetch, params } from './fixture.mjs';

const ours = createClient({ baseUrl: BASE, token: TOKEN, fetch: mockFetch });
const plain = createFetchClient<paths>({ baseUrl: BASE, fetch: mockFetch, headers: { Authorization: `Bearer ${TOKEN}` } });
const opts = { time: 400, warmupTime: 100, warmupIterations: 5 };
const ROUNDS = 12;
/** Requests per measured iteration: amortizes the harness's own per-iteration timing and bookkeeping. */
const BATCH = 50;

describe('GET /sessions/{session_id}/errors on a mocked fetch', () => {
  for (let round = 1; round <= ROUNDS; round++) {
    bench(
      `@session-obs/client #${round}`,
      async () => {
        for (let i = 0; i < BATCH; i++) {
          const { data } = await ours.GET('/sessions/{session_id}/errors', { params });
          if (!data) throw new Error('no data');
        }
      },
      opts,
    );
    bench(
      `openapi-fetch alone #${round}`,
      async () => {
        for (let i = 0; i < BATCH; i++) {
          const { data } = await plain.GET('/sessions/{session_id}/errors', { params });
          if (!data) throw new Error('no data');
        }
      },
      opts,
    );
  }
  bench(
    'raw fetch',
    async () => {
      for (let i = 0; i < BATCH; i++) {
        const response = await mockFetch(`${BASE}/sessions/${encodeURIComponent(params.path.session_id)}/errors?limit=10&order=desc`, {
          headers: { Authorization: `Bearer ${TOKEN}` },
        });
        if (!response.ok || !(await response.json())) throw new Error('no data');
      }
    },
    opts,
  );
});
