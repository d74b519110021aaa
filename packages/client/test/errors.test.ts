// Mapping of both error dialects to the typed errors.
import { describe, expect, it } from 'vitest';
import {
  ApiError,
  BadRequestError,
  ForbiddenError,
  HttpError,
  NotFoundError,
  RateLimitError,
  ServerError,
  UnauthorizedError,
  errorFromResponse,
} from '../src/index.js';

const res = (status: number, headers: Record<string, string> = {}) => new Response(null, { status, headers });

describe('errorFromResponse', () => {
  it.each([
    [400, BadRequestError],
    [401, UnauthorizedError],
    [403, ForbiddenError],
    [404, NotFoundError],
    [429, RateLimitError],
    [500, ServerError],
    [503, ServerError],
    [413, HttpError],
    [409, HttpError],
  ] as const)('%i is a %o', (status, Class) => {
    const error = errorFromResponse(res(status), undefined);
    expect(error).toBeInstanceOf(Class);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(Error);
    expect(error.kind).toBe(Class.name);
    expect(error.name).toBe(Class.name);
    expect(error.status).toBe(status);
    expect(error.code).toBe(`http_${status}`);
    expect(String(error)).toBe(`${Class.name}: HTTP error (${status} http_${status})`);
  });

  it('reads the session dialect: code, message, request id', () => {
    const body = {
      object: 'error',
      status: 404,
      code: 'not_found',
      message: 'Session error not found',
      entity: 'session.error',
      id: 'ser_1',
    };
    const error = errorFromResponse(res(404, { 'X-Request-Id': 'req_1' }), body);
    expect(error).toMatchObject({ code: 'not_found', requestId: 'req_1', body });
    expect(error.message).toBe('Session error not found (404 not_found req_1)');
  });

  it('reads the observability dialect: type, detail, retry_after', () => {
    const error = errorFromResponse(res(429, { 'metorial-req-id': 'req_2' }), {
      type: 'too_many_requests',
      detail: 'Slow down',
      retry_after: 7,
    });
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ code: 'too_many_requests', requestId: 'req_2', retryAfterMs: 7000 });
    expect(error.message).toBe('Slow down (429 too_many_requests req_2)');
  });

  it('prefers the Retry-After header (seconds or HTTP date) over the body', () => {
    expect(errorFromResponse(res(429, { 'Retry-After': '3' }), { retry_after: 7 }).retryAfterMs).toBe(3000);
    const date = new Date(Date.now() + 60_000).toUTCString();
    const ms = errorFromResponse(res(429, { 'Retry-After': date }), {}).retryAfterMs!;
    expect(ms).toBeGreaterThan(58_000);
    expect(ms).toBeLessThanOrEqual(60_000);
    expect(errorFromResponse(res(429, { 'Retry-After': 'soon' }), {}).retryAfterMs).toBeUndefined();
  });

  it('keeps a non-JSON body as text', () => {
    const error = errorFromResponse(res(502), '<html>bad gateway</html>');
    expect(error).toMatchObject({ code: 'http_502', body: '<html>bad gateway</html>' });
  });

  it('redacts a secret from the message', () => {
    const error = errorFromResponse(res(401), { code: 'unauthorized', message: 'token sk_1 is bad' }, 'sk_1');
    expect(error.message).toBe('token [redacted] is bad (401 unauthorized)');
    expect(error.stack).not.toContain('sk_1');
  });

  it.each([
    // [token, server message, code, request id, expected message]
    ['t', 'x', 'not_found', 'mri_1', 'x (404 not_found mri_1)'],
    ['t', 'slow down', 'rate_limited', undefined, 'slow down (404 rate_limited)'],
    ['t', 'Bearer t rejected', 'unauthorized', undefined, 'Bearer [redacted] rejected (404 unauthorized)'],
    ['test', 'token=test, (test): test', 'bad', undefined, 'token=[redacted], ([redacted]): [redacted] (404 bad)'],
    ['abc', 'abcd xabc abc.d abc', 'x', undefined, 'abcd xabc abc.d [redacted] (404 x)'],
    ['sk_1', 'sk_1sk_1', 'sk_1', 'sk_1', 'sk_1sk_1 (404 [redacted] [redacted])'],
    // 8 characters or more: a real secret, replaced wherever it appears.
    ['sk_live_8f3Jq9', 'Unknown token: sk_live_8f3Jq9.', 'x', undefined, 'Unknown token: [redacted]. (404 x)'],
    ['sk_live_8f3Jq9', 'see /v1/keys/sk_live_8f3Jq9_old', 'x', undefined, 'see /v1/keys/[redacted]_old (404 x)'],
  ])('redacts token %j where it is an echo: %j', (token, detail, code, requestId, expected) => {
    const response = new Response('{}', { status: 404, headers: requestId ? { 'x-request-id': requestId } : {} });
    expect(errorFromResponse(response, { code, message: detail }, token).message).toBe(expected);
  });
});
