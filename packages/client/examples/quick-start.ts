import { createClient } from '@session-obs/client';

// Production: each operation goes to the server its spec entry declares, with the credential of its
// security scheme — the session endpoints to https://api.metorial.com with the Metorial secret key,
// GET /observability.sessions.get to https://api.devrev.ai with the DevRev token.
const client = createClient({
  metorial: { token: process.env.METORIAL_TOKEN ?? 'metorial_sk_test' },
  devrev: { token: process.env.DEVREV_TOKEN ?? 'devrev-pat' },
});

// The local mock or sandbox serves every operation on one origin: one baseUrl, one token.
const local = createClient({ baseUrl: 'http://127.0.0.1:4010', token: 'test-token' });

const { data, error, response } = await local.GET('/sessions/{session_id}/errors', {
  params: { path: { session_id: 'ses_4dEfGhJkLmNpQrSt' }, query: { limit: 50, order: 'desc', type: ['message_processing_timeout'] } },
});
if (error) console.error(response.status, error.code, error.message);
else for (const e of data.items) console.log(e.id, e.code, e.message);

// Or get the data directly and let a non-2xx status throw a typed ApiError:
const session = await client.unwrap(
  client.GET('/observability.sessions.get', { params: { query: { platform: 'web', session_id: '0b5d9f1e', version_key: 'web-app' } } }),
);
console.log(session.session.type);
