// The seed pages as a table: every operation, query parameter and attribute they name must be in the spec.
import { describe, expect, it } from 'vitest';
import { listOperations, loadSpec, resolveRef } from '../src/index.js';

// The seed table reads the spec's content key by key, deep into named schemas: a loose view (what it
// reads is asserted at run time).
const spec: any = loadSpec();
const PAGING = ['limit', 'after', 'before', 'cursor', 'order'];
const ERROR_FILTERS = [
  'type',
  'id',
  'session_id',
  'session_provider_id',
  'session_connection_id',
  'session_error_group_id',
  'provider_run_id',
  'provider_id',
  'session_message_id',
];
const GROUP_FILTERS = ['type', 'id', 'session_id', 'provider_id'];

const SEED_OPERATIONS: Array<[string, string, string[]]> = [
  ['listSessionErrors', '/session-errors', [...PAGING, ...ERROR_FILTERS]],
  ['listSessionErrorsForSession', '/sessions/{session_id}/errors', [...PAGING, ...ERROR_FILTERS]],
  ['getSessionError', '/sessions/{session_id}/errors/{session_error_id}', []],
  ['listSessionErrorGroups', '/session-error-groups', [...PAGING, ...GROUP_FILTERS]],
  ['getSessionErrorGroup', '/session-error-groups/{session_error_group_id}', []],
  ['listSessionErrorGroupsForSession', '/sessions/{session_id}/error-groups', [...PAGING, ...GROUP_FILTERS]],
  ['getSessionErrorGroupForSession', '/sessions/{session_id}/error-groups/{session_error_group_id}', []],
  ['listSessionEvents', '/sessions/{session_id}/events', [...PAGING, 'server_run_id', 'server_session_id']],
  ['getSessionEvent', '/sessions/{session_id}/events/{session_event_id}', []],
  ['getObservabilitySession', '/observability.sessions.get', ['platform', 'session_id', 'version_key']],
];

const SEED_ATTRIBUTES: Record<string, string[]> = {
  SessionError: [
    'object',
    'id',
    'code',
    'message',
    'data',
    'status',
    'session_id',
    'provider_run_id',
    'connection_id',
    'group_id',
    'similar_error_count',
    'created_at',
  ],
  SessionErrorGroup: ['object', 'id', 'code', 'message', 'data', 'provider_id', 'occurrence_count', 'created_at'],
  SessionEvent: ['object', 'id', 'type', 'session_id', 'server_run', 'server_run_error', 'log_lines', 'created_at'],
  MobileObservabilitySession: [
    'type',
    'platform',
    'session_id',
    'created_at',
    'device_metadata',
    'has_exception_occurred',
    'is_anr',
    'is_crash',
    'rage_tap',
    'recording_ids',
    'rev_org_id',
    'rev_user_id',
    'session_duration_ms',
  ],
  MobileDeviceMetadata: [
    'app_version',
    'manufacturer',
    'model',
    'network_type',
    'os_version',
    'plug_sdk_version',
    'screen_height',
    'screen_width',
    'sdk_version',
  ],
  WebObservabilitySession: [
    'type',
    'session_id',
    'created_at',
    'dead_click_count',
    'rage_click_count',
    'device_metadata',
    'session_duration_ms',
  ],
};

const parameters = (operation: any, pathItem: any) =>
  [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map((p: any) => resolveRef(spec, p, '')[1]);

describe('the spec covers the seed pages', () => {
  const operations = listOperations(spec);

  it('has exactly the ten seed operations, all GET', () => {
    expect(operations.map((o) => `${o.method} ${o.path} ${o.operationId}`).sort()).toEqual(
      SEED_OPERATIONS.map(([id, path]) => `get ${path} ${id}`).sort(),
    );
  });

  it.each(SEED_OPERATIONS)('%s takes exactly the seed query parameters', (operationId, path, query) => {
    const op = operations.find((o) => o.operationId === operationId)!;
    const names = parameters(op.operation, spec.paths[path])
      .filter((p) => p.in === 'query')
      .map((p) => p.name);
    expect(names.sort()).toEqual([...query].sort());
  });

  it.each(Object.entries(SEED_ATTRIBUTES))('%s has every seed attribute', (schema, attributes) => {
    const properties = Object.keys(spec.components.schemas[schema].properties);
    for (const a of attributes) expect(properties, `${schema}.${a}`).toContain(a);
  });

  it('requires the credential of its upstream API on every operation, each on its own HTTPS server', () => {
    const schemes = spec.components.securitySchemes;
    expect(schemes.MetorialSecretKey).toMatchObject({ type: 'http', scheme: 'bearer', 'x-client-option': 'metorial' });
    expect(schemes.DevRevToken).toMatchObject({ type: 'http', scheme: 'bearer', 'x-client-option': 'devrev' });
    for (const { operation, operationId, path } of operations) {
      const security = operation.security ?? spec.security;
      const servers = (operation.servers ?? spec.paths[path].servers ?? spec.servers).map((s: { url: string }) => s.url);
      if (path === '/observability.sessions.get') {
        expect(security, operationId).toEqual([{ DevRevToken: [] }]);
        expect(servers, operationId).toEqual(['https://api.devrev.ai']);
      } else {
        expect(security, operationId).toEqual([{ MetorialSecretKey: [] }]);
        expect(servers, operationId).toEqual(['https://api.metorial.com']);
      }
    }
  });

  it('declares the one-or-many filters as exploded form arrays (what generators serialise as repeated keys)', () => {
    const filters = operations.flatMap((o) => o.parameters).filter(({ parameter }) => parameter.explode === true);
    expect(filters.length).toBeGreaterThan(10);
    for (const { parameter } of filters) {
      const [, schema] = resolveRef(spec, parameter.schema, '');
      expect(parameter.style, parameter.name).toBe('form');
      expect(schema, parameter.name).toMatchObject({ type: 'array', items: expect.any(Object) });
      expect(schema?.oneOf, parameter.name).toBeUndefined();
    }
  });

  it('documents the paging contract on every list operation', () => {
    const limit = resolveRef(spec, spec.components.parameters.Limit, '')[1];
    expect(limit.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 100, default: 20 });
    expect(spec.components.parameters.Order.schema).toMatchObject({ enum: ['asc', 'desc'], default: 'asc' });
    for (const { operationId, operation } of operations.filter((o) => o.operationId.startsWith('list'))) {
      expect(operation.description, operationId).toMatch(/keyset/);
      expect(operation.description, operationId).toMatch(/not both: 400/);
    }
  });

  it('uses the seed enums', () => {
    const s = spec.components.schemas;
    expect(s.SessionError.properties.status.enum).toEqual(['processing', 'processed']);
    expect(s.SessionEvent.properties.type.enum).toEqual(['server_logs', 'server_run_error']);
    expect(s.LogLine.properties.type.enum).toEqual(['stdout', 'stderr']);
    expect(s.ServerRun.properties.type.enum).toEqual(['hosted', 'external']);
    expect(s.ServerRun.properties.status.enum).toEqual(['active', 'failed', 'completed']);
    expect(s.ServerPreview.properties.type.enum).toEqual(['public', 'custom']);
    expect(s.McpConnection.properties.connection_type.enum).toEqual(['sse', 'streamable_http', 'websocket']);
    expect(s.ErrorType.enum).toEqual([
      'message_processing_timeout',
      'message_processing_provider_error',
      'message_processing_system_error',
      'provider_discovery_failed',
    ]);
    expect(s.ObservabilityPlatform.enum).toEqual(['android', 'ios', 'web']);
  });
});
