import { createClient } from '@session-obs/client';

const client = createClient({ baseUrl: 'http://127.0.0.1:4010', token: process.env.API_TOKEN ?? 'test-token' });

const { data, error, response } = await client.GET('/sessions/{session_id}/errors', {
  params: { path: { session_id: 'ses_4dEfGhJkLmNpQrSt' }, query: { limit: 50, order: 'desc' } },
});
if (error) console.error(response.status, error.code, error.message);
else for (const e of data.items) console.log(e.id, e.code, e.message);

// Or get the data directly and let a non-2xx status throw a typed ApiError:
const group = await client.unwrap(
  client.GET('/session-error-groups/{session_error_group_id}', { params: { path: { session_error_group_id: 'seg_7gHjKlMnPqRsTuVw' } } }),
);
console.log(group.occurrence_count);
