// Ids of a tenant's existing objects, for tests and examples (`GET /_sandbox/fixtures`): the first
// processed error of a session that also has events, an error of another session, an event (and one of
// a server run), an observability session's key. The SQL is shared by both engines (`?` placeholders);
// each engine runs it with its own `get`. Not a hot path.

/** The ids `GET /_sandbox/fixtures` is made of; empty when the store holds no processed error yet. */
export interface FixtureIds {
  session_id: string;
  session_error_id: string;
  session_error_group_id: string;
  provider_run_id: string | null;
  provider_id: string | null;
  other_session_id?: string;
  other_session_error_id?: string;
  session_event_id?: string;
  server_run_id?: string;
  server_session_id?: string;
  observability?: { platform: string; session_id: string; version_key: string };
}

/** A row as the fixtures' queries read it. */
export type Row = Record<string, string | null>;

/** Runs one query and returns its first row. */
export type RowGetter = (sql: string, ...args: unknown[]) => Promise<Row | undefined>;

/** Reads one existing id of each kind in a tenant. */
export async function readFixtureIds(get: RowGetter, tenantId: string): Promise<FixtureIds | undefined> {
  const first = await get(
    `SELECT e.id, e.session_id, e.group_id, e.provider_run_id, e.provider_id FROM session_errors e
    WHERE e.tenant_id = ? AND e.status = 'processed'
    AND EXISTS (SELECT 1 FROM session_events v WHERE v.tenant_id = e.tenant_id AND v.session_id = e.session_id) ORDER BY e.id LIMIT 1`,
    tenantId,
  );
  if (!first?.id || !first.session_id || !first.group_id) return undefined;
  const other = await get(
    "SELECT id, session_id FROM session_errors WHERE tenant_id = ? AND session_id <> ? AND status = 'processed' ORDER BY id LIMIT 1",
    tenantId,
    first.session_id,
  );
  const event = await get(
    'SELECT id FROM session_events WHERE tenant_id = ? AND session_id = ? ORDER BY id LIMIT 1',
    tenantId,
    first.session_id,
  );
  const runEvent = await get(
    'SELECT server_run_id, server_session_id FROM session_events WHERE tenant_id = ? AND session_id = ? AND server_run_id IS NOT NULL ORDER BY id LIMIT 1',
    tenantId,
    first.session_id,
  );
  const observability = (await get(
    'SELECT platform, session_id, version_key FROM observability_sessions WHERE tenant_id = ? ORDER BY platform, version_key, session_id LIMIT 1',
    tenantId,
  )) as FixtureIds['observability'];
  return {
    session_id: first.session_id,
    session_error_id: first.id,
    session_error_group_id: first.group_id,
    provider_run_id: first.provider_run_id ?? null,
    provider_id: first.provider_id ?? null,
    ...(other?.id && other.session_id ? { other_session_id: other.session_id, other_session_error_id: other.id } : {}),
    ...(event?.id ? { session_event_id: event.id } : {}),
    ...(runEvent?.server_run_id && runEvent.server_session_id
      ? { server_run_id: runEvent.server_run_id, server_session_id: runEvent.server_session_id }
      : {}),
    ...(observability ? { observability } : {}),
  };
}
