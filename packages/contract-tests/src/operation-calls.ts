// One call per operation of the spec, made through the typed client. Adding an operation to the
// spec without adding it here fails `contract.test.ts`.
import type { SessionObservabilityClient } from '@session-obs/client';

export interface OperationCall {
  operationId: string;
  method: 'get';
  path: string;
  call: (
    client: SessionObservabilityClient,
    init?: { headers?: Record<string, string> },
  ) => Promise<{ response: Response; data?: unknown; error?: unknown }>;
}

/** The ids a target's calls use: Prism accepts any well-formed id, the sandbox needs seeded ones. */
export interface TargetIds {
  session_id: string;
  session_error_id: string;
  session_error_group_id: string;
  session_event_id: string;
  provider_id: string;
  provider_run_id: string;
  server_run_id: string;
  cursor: string;
  observability: { platform: 'android' | 'ios' | 'web'; session_id: string; version_key: string };
}

/** The spec's example ids (what the Prism calls use). */
export const prismIds: TargetIds = {
  session_id: 'ses_4dEfGhJkLmNpQrSt',
  session_error_id: 'ser_6fGhJkLmNpQrStUv',
  session_error_group_id: 'seg_7gHjKlMnPqRsTuVw',
  session_event_id: 'sev_mfl3k1b2Cd3Ef4Gh',
  provider_id: 'pro_5gHjKlMnPqRsTuVw',
  provider_run_id: 'prn_1',
  server_run_id: 'srr_mfl3jz5fG6hJ7kL8',
  cursor: 'cur_LbricGmnqMJ558dQ48FRXFZPR8mBmOHB4ePWXyYuph7',
  observability: { platform: 'android', session_id: '0b5d9f1e', version_key: 'com.acme.shop' },
};

/** The calls of the session error operations. */
function errorCalls(ids: TargetIds): OperationCall[] {
  const SES = ids.session_id;
  const SER = ids.session_error_id;
  return [
    {
      operationId: 'listSessionErrors',
      method: 'get',
      path: '/session-errors',
      call: (c, init) =>
        c.GET('/session-errors', {
          params: {
            query: { limit: 10, order: 'desc', type: ['message_processing_timeout', 'provider_discovery_failed'], session_id: SES },
          },
          ...init,
        }),
    },
    {
      operationId: 'listSessionErrorsForSession',
      method: 'get',
      path: '/sessions/{session_id}/errors',
      call: (c, init) =>
        c.GET('/sessions/{session_id}/errors', {
          params: { path: { session_id: SES }, query: { after: SER, provider_run_id: [ids.provider_run_id, 'prn_2'] } },
          ...init,
        }),
    },
    {
      operationId: 'getSessionError',
      method: 'get',
      path: '/sessions/{session_id}/errors/{session_error_id}',
      call: (c, init) =>
        c.GET('/sessions/{session_id}/errors/{session_error_id}', {
          params: { path: { session_id: SES, session_error_id: SER } },
          ...init,
        }),
    },
  ];
}

/** The calls of the session error group operations. */
function groupCalls(ids: TargetIds): OperationCall[] {
  const SES = ids.session_id;
  const SEG = ids.session_error_group_id;
  return [
    {
      operationId: 'listSessionErrorGroups',
      method: 'get',
      path: '/session-error-groups',
      call: (c, init) => c.GET('/session-error-groups', { params: { query: { limit: 100, provider_id: ids.provider_id } }, ...init }),
    },
    {
      operationId: 'getSessionErrorGroup',
      method: 'get',
      path: '/session-error-groups/{session_error_group_id}',
      call: (c, init) =>
        c.GET('/session-error-groups/{session_error_group_id}', { params: { path: { session_error_group_id: SEG } }, ...init }),
    },
    {
      operationId: 'listSessionErrorGroupsForSession',
      method: 'get',
      path: '/sessions/{session_id}/error-groups',
      call: (c, init) =>
        c.GET('/sessions/{session_id}/error-groups', { params: { path: { session_id: SES }, query: { cursor: ids.cursor } }, ...init }),
    },
    {
      operationId: 'getSessionErrorGroupForSession',
      method: 'get',
      path: '/sessions/{session_id}/error-groups/{session_error_group_id}',
      call: (c, init) =>
        c.GET('/sessions/{session_id}/error-groups/{session_error_group_id}', {
          params: { path: { session_id: SES, session_error_group_id: SEG } },
          ...init,
        }),
    },
  ];
}

/** The calls of the session event operations and the observability one. */
function eventAndObservabilityCalls(ids: TargetIds): OperationCall[] {
  const SES = ids.session_id;
  const SEV = ids.session_event_id;
  return [
    {
      operationId: 'listSessionEvents',
      method: 'get',
      path: '/sessions/{session_id}/events',
      call: (c, init) =>
        c.GET('/sessions/{session_id}/events', {
          params: { path: { session_id: SES }, query: { server_run_id: ids.server_run_id, before: SEV } },
          ...init,
        }),
    },
    {
      operationId: 'getSessionEvent',
      method: 'get',
      path: '/sessions/{session_id}/events/{session_event_id}',
      call: (c, init) =>
        c.GET('/sessions/{session_id}/events/{session_event_id}', {
          params: { path: { session_id: SES, session_event_id: SEV } },
          ...init,
        }),
    },
    {
      operationId: 'getObservabilitySession',
      method: 'get',
      path: '/observability.sessions.get',
      call: (c, init) => c.GET('/observability.sessions.get', { params: { query: { ...ids.observability } }, ...init }),
    },
  ];
}

/** One call per operation, using the given target's ids. */
export function createOperationCalls(ids: TargetIds): OperationCall[] {
  return [...errorCalls(ids), ...groupCalls(ids), ...eventAndObservabilityCalls(ids)];
}

/** The Prism calls (spec example ids). */
export const operationCalls: OperationCall[] = createOperationCalls(prismIds);

/** A walk through a list operation with `paginate`, two items a page. */
export interface ListWalk {
  operationId: string;
  path: string;
  walk: (client: SessionObservabilityClient) => AsyncGenerator<{ id: string }, void, undefined>;
}

/** One `paginate` walk per list operation, using the given target's ids. */
export function createListWalks(ids: TargetIds): ListWalk[] {
  const session = { session_id: ids.session_id };
  return [
    {
      operationId: 'listSessionErrors',
      path: '/session-errors',
      walk: (c) => c.paginate('/session-errors', { params: { query: { limit: 2 } } }),
    },
    {
      operationId: 'listSessionErrorsForSession',
      path: '/sessions/{session_id}/errors',
      walk: (c) => c.paginate('/sessions/{session_id}/errors', { params: { path: session, query: { limit: 2 } } }),
    },
    {
      operationId: 'listSessionErrorGroups',
      path: '/session-error-groups',
      walk: (c) => c.paginate('/session-error-groups', { params: { query: { limit: 2 } } }),
    },
    {
      operationId: 'listSessionErrorGroupsForSession',
      path: '/sessions/{session_id}/error-groups',
      walk: (c) => c.paginate('/sessions/{session_id}/error-groups', { params: { path: session, query: { limit: 2 } } }),
    },
    {
      operationId: 'listSessionEvents',
      path: '/sessions/{session_id}/events',
      walk: (c) => c.paginate('/sessions/{session_id}/events', { params: { path: session, query: { limit: 2 } } }),
    },
  ];
}
