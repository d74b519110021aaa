import { TimeoutError, createClient } from '@session-obs/client';

// Each attempt must receive response headers within `timeoutMs` (default 30 000 ms; 0 disables).
const client = createClient({ token: process.env.METORIAL_TOKEN ?? 'metorial_sk_test', timeoutMs: 5_000 });

const controller = new AbortController();
setTimeout(() => controller.abort(), 20_000); // the caller's own deadline, across retries and waits

try {
  await client.GET('/sessions/{session_id}/events', {
    params: { path: { session_id: 'ses_4dEfGhJkLmNpQrSt' } },
    timeoutMs: 2_000, // this call only
    signal: controller.signal, // aborting throws AbortError (err.name === 'AbortError')
  });
} catch (err) {
  if (err instanceof TimeoutError) console.warn(err.message);
  else throw err;
}
