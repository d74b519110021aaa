// One call per operation of the spec, made through the typed client. Adding an operation to the
// spec without adding it here fails `contract.test.ts`.
import type { SessionObservabilityClient } from '@session-obs/client';

export interface OperationCall {
  operationId: string;
  method: 'get';
  path: string;
  call: (client: SessionObservabilityClient, init?: { headers?: Record<string, string> }) => Promise<{ response: Response; data?: unknown; error?: unknown }>;
}

const SES = 'ses_4dEfGhJkLmNpQrSt';
const SER = 'ser_6fGhJkLmNpQrStUv';
const SEG = 'seg_7gHjKlMnPqRsTuVw';
const SEV = 'sev_mfl3k1b2Cd3Ef4Gh';

export const operationCalls: OperationCall[] = [
  {
    operationId: 'listSessionErrors', method: 'get', path: '/session-errors',
    call: (c, init) => c.GET('/session-errors', { params: { query: { limit: 10, order: 'desc', type: ['message_processing_timeout', 'provider_discovery_failed'], session_id: SES } }, ...init }),
  },
  {
    operationId: 'listSessionErrorsForSession', method: 'get', path: '/sessions/{session_id}/errors',
    call: (c, init) => c.GET('/sessions/{session_id}/errors', { params: { path: { session_id: SES }, query: { after: SER, provider_run_id: ['prn_1', 'prn_2'] } }, ...init }),
  },
  {
    operationId: 'getSessionError', method: 'get', path: '/sessions/{session_id}/errors/{session_error_id}',
    call: (c, init) => c.GET('/sessions/{session_id}/errors/{session_error_id}', { params: { path: { session_id: SES, session_error_id: SER } }, ...init }),
  },
  {
    operationId: 'listSessionErrorGroups', method: 'get', path: '/session-error-groups',
    call: (c, init) => c.GET('/session-error-groups', { params: { query: { limit: 100, provider_id: 'pro_5gHjKlMnPqRsTuVw' } }, ...init }),
  },
  {
    operationId: 'getSessionErrorGroup', method: 'get', path: '/session-error-groups/{session_error_group_id}',
    call: (c, init) => c.GET('/session-error-groups/{session_error_group_id}', { params: { path: { session_error_group_id: SEG } }, ...init }),
  },
  {
    operationId: 'listSessionErrorGroupsForSession', method: 'get', path: '/sessions/{session_id}/error-groups',
    call: (c, init) => c.GET('/sessions/{session_id}/error-groups', { params: { path: { session_id: SES }, query: { cursor: 'cur_2Zb3kQ9xPfL7TmW4' } }, ...init }),
  },
  {
    operationId: 'getSessionErrorGroupForSession', method: 'get', path: '/sessions/{session_id}/error-groups/{session_error_group_id}',
    call: (c, init) => c.GET('/sessions/{session_id}/error-groups/{session_error_group_id}', { params: { path: { session_id: SES, session_error_group_id: SEG } }, ...init }),
  },
  {
    operationId: 'listSessionEvents', method: 'get', path: '/sessions/{session_id}/events',
    call: (c, init) => c.GET('/sessions/{session_id}/events', { params: { path: { session_id: SES }, query: { server_run_id: 'srr_mfl3jz5fG6hJ7kL8', before: SEV } }, ...init }),
  },
  {
    operationId: 'getSessionEvent', method: 'get', path: '/sessions/{session_id}/events/{session_event_id}',
    call: (c, init) => c.GET('/sessions/{session_id}/events/{session_event_id}', { params: { path: { session_id: SES, session_event_id: SEV } }, ...init }),
  },
  {
    operationId: 'getObservabilitySession', method: 'get', path: '/observability.sessions.get',
    call: (c, init) => c.GET('/observability.sessions.get', { params: { query: { platform: 'android', session_id: '0b5d9f1e', version_key: 'com.acme.shop' } }, ...init }),
  },
];
