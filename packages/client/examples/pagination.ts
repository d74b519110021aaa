import { createClient } from '@session-obs/client';

const client = createClient({ token: process.env.METORIAL_TOKEN ?? 'metorial_sk_test' });

// Every item of every page, fetched lazily (typed: `error` is a SessionError).
for await (const error of client.paginate('/sessions/{session_id}/errors', {
  params: { path: { session_id: 'ses_4dEfGhJkLmNpQrSt' }, query: { order: 'desc', limit: 100 } },
  signal: AbortSignal.timeout(60_000), // stops the whole walk, even mid-request
})) {
  if (error.status === 'processing') continue;
  console.log(error.id, error.group_id);
  if (error.created_at < '2025-01-01') break; // no further page is fetched
}

// A page at a time: the list envelope as the API sent it.
for await (const page of client.pages('/session-error-groups', { params: { query: { limit: 100 } } })) {
  console.log(page.items.length, page.pagination.has_more_after);
}
