// @ts-check
// The one in-memory setup both client benchmarks use (client.bench.ts and paired.mjs), so the two
// instruments measure the same calls: a fetch that answers every request with a fresh 200 JSON list,
// the base URL and token, and the parameters of the benchmarked GET.
/** The base URL the benchmarked clients are made with (never called: `mockFetch` answers). */
export const BASE = 'http://127.0.0.1:4010';
/** The bearer token the benchmarked clients send. */
export const TOKEN = 'sk_bench';
/** The 200 body every call gets: a list of five session errors. */
export const LIST_BODY = JSON.stringify({
  object: 'list',
  items: Array.from({ length: 5 }, (_, i) => ({ object: 'session.error', id: `ser_${i}`, code: 'timeout', message: 'Timed out' })),
  pagination: { has_more_before: false, has_more_after: false },
});
const headers = { 'content-type': 'application/json', 'x-request-id': 'req_1' };
/** A fetch that answers every request with a fresh 200 `LIST_BODY`. @type {typeof fetch} */
export const mockFetch = async () => new Response(LIST_BODY, { status: 200, headers });
/**
 * The parameters of the benchmarked GET.
 * @type {{ path: { session_id: string }, query: { limit: number, order: 'desc' } }}
 */
export const params = { path: { session_id: 'ses_4dEfGhJkLmNpQrSt' }, query: { limit: 10, order: 'desc' } };

/**
 * What `timeCalls` needs of a client: the benchmarked GET (ours and openapi-fetch's both have it).
 * @typedef {{ GET(path: '/sessions/{session_id}/errors', init: { params: typeof params }): Promise<{ data?: unknown }> }} BenchedClient
 */

/**
 * Mean µs per call over `calls` sequential calls of the benchmarked GET on `client` (ours or openapi-fetch alone).
 * @param {BenchedClient} client
 * @param {number} calls
 * @returns {Promise<number>}
 */
export async function timeCalls(client, calls) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) {
    const { data } = await client.GET('/sessions/{session_id}/errors', { params });
    if (!data) throw new Error('no data');
  }
  return Number(process.hrtime.bigint() - start) / 1e3 / calls;
}

/**
 * The median of `xs` (the upper one for an even count); undefined for no values.
 * @param {number[]} xs
 * @returns {number | undefined}
 */
export const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
