// Type tests, run by vitest's typecheck mode (tsc, never executed): a wrong type here fails its test, and
// every `@ts-expect-error` must stay an error.
import { describe, expectTypeOf, it } from 'vitest';
import type { components } from '@session-obs/types';
import {
  ApiError,
  RateLimitError,
  TimeoutError,
  createClient,
  isApiError,
  type AnyApiError,
  type ListItem,
  type ListPath,
  type SessionObservabilityClient,
} from '../src/index.js';

type S = components['schemas'];
const client: SessionObservabilityClient = createClient({ token: 't', fetch: async () => new Response('{}') });

describe('types per path', () => {
  it('GET: params, data and error are typed by path', async () => {
    const list = await client.GET('/sessions/{session_id}/errors', {
      params: { path: { session_id: 's' }, query: { limit: 5, order: 'desc' } },
    });
    if (list.data) expectTypeOf(list.data.items[0]!.id).toEqualTypeOf<string>();
    if (list.data) expectTypeOf(list.data.pagination).toEqualTypeOf<S['Pagination']>();
    if (list.error) expectTypeOf(list.error).toEqualTypeOf<S['ApiError']>();

    const obs = await client.GET('/observability.sessions.get', {
      params: { query: { platform: 'ios', session_id: 's', version_key: 'k' } },
    });
    if (obs.data) expectTypeOf(obs.data.session.type).toEqualTypeOf<'mobile' | 'web'>();
    if (obs.error) expectTypeOf(obs.error.type).toExtend<string>();
    if (obs.error) expectTypeOf<'too_many_requests'>().toExtend<typeof obs.error.type>();

    // @ts-expect-error a path param is required
    await client.GET('/sessions/{session_id}/errors', { params: { query: { limit: 5 } } });
    // @ts-expect-error order is 'asc' | 'desc'
    await client.GET('/session-errors', { params: { query: { order: 'sideways' } } });
    // @ts-expect-error unknown path
    await client.GET('/nope');
    // @ts-expect-error platform is an enum
    await client.GET('/observability.sessions.get', { params: { query: { platform: 'windows', session_id: 's', version_key: 'k' } } });
    // Per-request controls are accepted alongside params.
    await client.GET('/session-errors', { params: { query: {} }, timeoutMs: 1_000, maxRetries: 0, signal: AbortSignal.timeout(1) });
  });

  it('unwrap returns the success body', async () => {
    const group = await client.unwrap(
      client.GET('/session-error-groups/{session_error_group_id}', { params: { path: { session_error_group_id: 'g' } } }),
    );
    expectTypeOf(group.object).toEqualTypeOf<'session.error_group'>();
    expectTypeOf(group.provider_id).toEqualTypeOf<string | null>();
    // @ts-expect-error unwrap returns data only: no error branch
    void group.error;
  });

  it('paginate yields the item type of the path; pages the envelope', async () => {
    for await (const e of client.paginate('/sessions/{session_id}/errors', { params: { path: { session_id: 's' } } }))
      expectTypeOf(e).toEqualTypeOf<S['SessionError']>();
    for await (const g of client.paginate('/session-error-groups')) expectTypeOf(g).toEqualTypeOf<S['SessionErrorGroup']>();
    for await (const ev of client.paginate('/sessions/{session_id}/events', {
      params: { path: { session_id: 's' }, query: { limit: 100 } },
    }))
      expectTypeOf(ev).toEqualTypeOf<S['SessionEvent']>();
    for await (const p of client.pages('/session-errors', { params: { query: { order: 'desc' } }, signal: AbortSignal.timeout(1) }))
      expectTypeOf(p).toEqualTypeOf<S['SessionErrorList']>();

    // @ts-expect-error only list paths paginate
    client.paginate('/session-error-groups/{session_error_group_id}', { params: { path: { session_error_group_id: 'g' } } });
    // @ts-expect-error the observability endpoint is not a list
    client.paginate('/observability.sessions.get');
    // @ts-expect-error init (with the path param) is required here
    client.paginate('/sessions/{session_id}/errors');
    // @ts-expect-error query params are checked
    client.paginate('/session-errors', { params: { query: { limit: 'ten' } } });
    expectTypeOf<ListPath>().toEqualTypeOf<
      | '/session-errors'
      | '/sessions/{session_id}/errors'
      | '/session-error-groups'
      | '/sessions/{session_id}/error-groups'
      | '/sessions/{session_id}/events'
    >();
    expectTypeOf<ListItem<'/session-errors'>>().toEqualTypeOf<S['SessionError']>();
  });

  it('errors narrow by instanceof and by kind', () => {
    const e = JSON.parse('null') as unknown;
    if (e instanceof RateLimitError) {
      expectTypeOf(e.status).toEqualTypeOf<number>();
      expectTypeOf(e.retryAfterMs).toEqualTypeOf<number | undefined>();
    }
    if (e instanceof TimeoutError) expectTypeOf(e.status).toEqualTypeOf<undefined>();
    if (e instanceof ApiError) expectTypeOf(e.code).toEqualTypeOf<string>();
    if (isApiError(e)) {
      expectTypeOf(e).toEqualTypeOf<AnyApiError>();
      switch (e.kind) {
        case 'RateLimitError':
          expectTypeOf(e).toEqualTypeOf<RateLimitError>();
          break;
        case 'ConnectionError':
        case 'TimeoutError':
        case 'AbortError':
        case 'MissingCredentialError':
        case 'PaginationError':
        case 'InvalidResponseError':
          expectTypeOf(e.status).toEqualTypeOf<undefined>();
          break;
        default:
          expectTypeOf(e.status).toEqualTypeOf<number>();
      }
    }
  });
});
