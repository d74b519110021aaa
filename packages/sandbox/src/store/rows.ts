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

// The API objects are serialised by SQLite, in the query that reads them: one JSON text per row,
// the same bytes `JSON.stringify` gives for the object (same keys in the same order; `json_quote`
// escapes strings exactly as `JSON.stringify` does — checked on 200,000 seeded rows and on control,
// non-ASCII and U+2028 characters). The stored `data` / `body` JSON, which the store only ever
// writes with `JSON.stringify`, is spliced in as is, never parsed and re-serialised. Handing
// better-sqlite3 one string per row instead of eleven columns (and then an object per row) is what
// makes a page cheap (in-process, on the shared 2-core machine: ~70–120 µs for 21 errors instead of
// ~180–290 µs for the columns as objects plus JSON.parse / JSON.stringify).

/** `session.error` from `e` (session_errors) and `g` (its group, LEFT JOINed): `similar_error_count` is the group's live count. */
export const SESSION_ERROR_JSON =
  `'{"object":"session.error","id":' || json_quote(e.id) || ',"code":' || json_quote(e.code)` +
  ` || ',"message":' || json_quote(e.message) || ',"data":' || e.data || ',"status":' || json_quote(e.status)` +
  ` || ',"session_id":' || json_quote(e.session_id) || ',"provider_run_id":' || json_quote(e.provider_run_id)` +
  ` || ',"connection_id":' || json_quote(e.connection_id) || ',"group_id":' || json_quote(e.group_id)` +
  ` || ',"similar_error_count":' || COALESCE(g.occurrence_count, 0) || ',"created_at":' || json_quote(e.created_at) || '}'`;

/** `session.error_group` from `g` (session_error_groups). */
export const SESSION_ERROR_GROUP_JSON =
  `'{"object":"session.error_group","id":' || json_quote(g.id) || ',"code":' || json_quote(g.code)` +
  ` || ',"message":' || json_quote(g.message) || ',"data":' || g.data || ',"provider_id":' || json_quote(g.provider_id)` +
  ` || ',"occurrence_count":' || g.occurrence_count || ',"created_at":' || json_quote(g.created_at) || '}'`;

/** `session.event` from `v` (session_events): stored whole as JSON (its nested server run is a snapshot). */
export const SESSION_EVENT_JSON = 'v.body';

/** A row of a list or get query: the object's JSON text. */
export interface JsonRow {
  json: string;
}
