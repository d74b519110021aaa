// The one in-memory setup both client benchmarks use (client.bench.ts and paired.mjs), so the two
// instruments measure the same calls: a fetch that answers every request with a fresh 200 JSON list,
// the base URL and token, and the parameters of the benchmarked GET.
export const BASE = 'http://127.0.0.1:4010';
export const TOKEN = 'sk_bench';
export const LIST_BODY = JSON.stringify({
  object: 'list',
  items: Array.from({ length: 5 }, (_, i) => ({ object: 'session.error', id: `ser_${i}`, code: 'timeout', message: 'Timed out' })),
  pagination: { has_more_before: false, has_more_after: false },
});
const headers = { 'content-type': 'application/json', 'x-request-id': 'req_1' };
export const mockFetch = async () => new Response(LIST_BODY, { status: 200, headers });
export const params = { path: { session_id: 'ses_4dEfGhJkLmNpQrSt' }, query: { limit: 10, order: 'desc' } };
