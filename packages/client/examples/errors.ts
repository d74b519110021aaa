import { ApiError, RateLimitError, createClient, isApiError } from '@session-obs/client';

const client = createClient({
  metorial: { token: process.env.METORIAL_TOKEN ?? 'metorial_sk_test' },
  devrev: { token: process.env.DEVREV_TOKEN ?? 'devrev-pat' },
});

try {
  const session = await client.unwrap(
    client.GET('/observability.sessions.get', { params: { query: { platform: 'web', session_id: '0b5d9f1e', version_key: 'web-app' } } }),
  );
  console.log(session.session.type);
} catch (err) {
  if (err instanceof RateLimitError) console.warn(`slow down: retry in ${err.retryAfterMs ?? 1000} ms`);
  else if (isApiError(err)) {
    switch (err.kind) {
      case 'NotFoundError':
        console.warn('no such session', err.requestId);
        break;
      case 'MissingCredentialError': // this operation's credential (devrev.token) was not given: nothing was sent
        console.error(err.message);
        break;
      case 'TimeoutError':
      case 'ConnectionError':
        console.warn('network trouble:', err.message);
        break;
      default:
        console.error(err.status, err.code, err.message, err.body);
    }
  } else throw err;
}

// GET itself never throws for an HTTP status: it returns `error` (the parsed body) and `response`.
const { error, response } = await client.GET('/session-errors', { params: { query: { limit: 10 } } });
if (error) console.error(response.status, error.code, response.headers.get('x-request-id'));
export type { ApiError };
