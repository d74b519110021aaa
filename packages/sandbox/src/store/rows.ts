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

const q = JSON.stringify;

// PostgreSQL stores each error's JSON text around the three fields that change after insert (`status`,
// `group_id`, `similar_error_count`), written once with the row, and a page's query joins them with
// those fields: one short concatenation per row instead of quoting eleven columns (README, "Storage
// engines side by side"). Rows that came in without them get them from the database (postgres/schema.ts).

/** The fixed parts of a `session.error`'s JSON text, as PostgreSQL stores them (`json_head`, `json_mid`, `json_tail`). */
export interface ErrorJsonParts {
  /** `{"object":"session.error","id":…,"code":…,"message":…,"data":…,"status":` */
  json_head: string;
  /** `,"session_id":…,"provider_run_id":…,"connection_id":…,"group_id":` */
  json_mid: string;
  /** `,"created_at":…}` */
  json_tail: string;
}

/** The fixed parts of an error's JSON, from its columns (the same bytes as {@link SESSION_ERROR_JSON} builds in SQLite). */
export function errorJsonParts(
  r: Pick<SessionErrorRow, 'id' | 'code' | 'message' | 'data' | 'session_id' | 'provider_run_id' | 'connection_id' | 'created_at'>,
): ErrorJsonParts {
  return {
    json_head: `{"object":"session.error","id":${q(r.id)},"code":${q(r.code)},"message":${q(r.message)},"data":${r.data},"status":`,
    json_mid: `,"session_id":${q(r.session_id)},"provider_run_id":${q(r.provider_run_id)},"connection_id":${q(r.connection_id)},"group_id":`,
    json_tail: `,"created_at":${q(r.created_at)}}`,
  };
}

/**
 * `session.error` JSON as PostgreSQL builds it in the query (`e` joined with its group `g`): the stored
 * parts around the changing fields, quoted by `to_json` (which escapes as `JSON.stringify` does).
 * One text column per row: the driver turns far fewer values into strings and objects than it did
 * with the parts and fields as six columns joined in JS.
 */
export const SESSION_ERROR_JSON_PG =
  `e.json_head || to_json(e.status) || e.json_mid || coalesce(to_json(e.group_id)::text, 'null')` +
  ` || ',"similar_error_count":' || coalesce(g.occurrence_count, 0) || e.json_tail`;

/** A `session.error`'s stored parts and its changing fields. */
export type ErrorJsonFields = ErrorJsonParts & Pick<SessionErrorRow, 'status' | 'group_id'> & { occurrence_count: number | null };

/** `session.error` JSON from its parts and changing fields (an ingest's answer): the same bytes as the queries build. */
export function errorJson(r: ErrorJsonFields): string {
  return `${r.json_head}${q(r.status)}${r.json_mid}${q(r.group_id)},"similar_error_count":${r.occurrence_count ?? 0}${r.json_tail}`;
}

/**
 * `session.error_group` JSON as PostgreSQL builds it in the query (`g`): the same bytes as
 * {@link SESSION_ERROR_GROUP_JSON}. `to_json` of NULL is NULL, hence the `coalesce` for `provider_id`.
 */
export const SESSION_ERROR_GROUP_JSON_PG =
  `'{"object":"session.error_group","id":' || to_json(g.id) || ',"code":' || to_json(g.code)` +
  ` || ',"message":' || to_json(g.message) || ',"data":' || g.data || ',"provider_id":' || coalesce(to_json(g.provider_id)::text, 'null')` +
  ` || ',"occurrence_count":' || g.occurrence_count || ',"created_at":' || to_json(g.created_at) || '}'`;
