// Row shapes of the store and their conversion to the API's objects.

export interface SessionErrorRow {
  id: string;
  session_id: string;
  type: string;
  code: string;
  message: string;
  data: string;
  status: 'processing' | 'processed';
  provider_run_id: string | null;
  provider_id: string | null;
  connection_id: string | null;
  session_provider_id: string | null;
  session_message_id: string | null;
  group_id: string | null;
  created_at: string;
}

export interface SessionErrorGroupRow {
  id: string;
  type: string;
  fingerprint: string;
  code: string;
  message: string;
  data: string;
  provider_id: string | null;
  occurrence_count: number;
  created_at: string;
}

export interface SessionEventRow {
  id: string;
  session_id: string;
  type: string;
  server_run_id: string | null;
  server_session_id: string | null;
  body: string;
  created_at: string;
}

/** `session.error` as the API returns it; `similar_error_count` is the group's live count. */
export function toSessionError(row: SessionErrorRow & { similar_error_count: number }) {
  return {
    object: 'session.error' as const,
    id: row.id,
    code: row.code,
    message: row.message,
    data: JSON.parse(row.data) as Record<string, unknown>,
    status: row.status,
    session_id: row.session_id,
    provider_run_id: row.provider_run_id,
    connection_id: row.connection_id,
    group_id: row.group_id,
    similar_error_count: row.similar_error_count,
    created_at: row.created_at,
  };
}

/** `session.error_group` as the API returns it. */
export function toSessionErrorGroup(row: SessionErrorGroupRow) {
  return {
    object: 'session.error_group' as const,
    id: row.id,
    code: row.code,
    message: row.message,
    data: JSON.parse(row.data) as Record<string, unknown>,
    provider_id: row.provider_id,
    occurrence_count: row.occurrence_count,
    created_at: row.created_at,
  };
}

/** `session.event`: stored whole as JSON (its nested server run is a snapshot). */
export function toSessionEvent(row: Pick<SessionEventRow, 'body'>) {
  return JSON.parse(row.body) as Record<string, unknown>;
}
