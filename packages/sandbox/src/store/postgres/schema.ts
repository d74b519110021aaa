// The PostgreSQL schema, as versioned migrations: the same tables, keys and indexes as SQLite's, and
// since migration 2 each error's stored JSON parts. Ids and filter columns use the "C" collation: pages
// are ordered by bytes, as in SQLite, whatever the database's default collation is (keyset paging
// depends on that order).
import { INDEX_COLUMNS, type Migration } from '../schema.js';

const T = 'text COLLATE "C"';

const TABLES = `
CREATE TABLE tenants (
  id ${T} PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('local', 'key')),
  created_at bigint NOT NULL,
  last_seen_at bigint NOT NULL,
  expires_at bigint,
  seed bigint NOT NULL,
  seed_sessions integer NOT NULL,
  seed_errors integer NOT NULL,
  created_by text,
  row_count bigint NOT NULL DEFAULT 0,
  row_limit bigint,
  seeded_at bigint,
  heartbeat_at bigint,
  deleted_at bigint
);
CREATE INDEX tenants_created_by ON tenants (created_by, created_at);
CREATE INDEX tenants_expires ON tenants (expires_at) WHERE expires_at IS NOT NULL;
CREATE TABLE tenant_tokens (token_hash text PRIMARY KEY, tenant_id ${T} NOT NULL);
CREATE INDEX tenant_tokens_tenant ON tenant_tokens (tenant_id);
CREATE TABLE rate_limit_buckets (key text PRIMARY KEY, tokens double precision NOT NULL, updated_ms bigint NOT NULL, last_allowed boolean NOT NULL);
CREATE TABLE sessions (tenant_id ${T} NOT NULL, id ${T} NOT NULL, created_at text NOT NULL, PRIMARY KEY (tenant_id, id));
CREATE TABLE session_errors (
  tenant_id ${T} NOT NULL,
  id ${T} NOT NULL,
  session_id ${T} NOT NULL,
  type ${T} NOT NULL,
  code text NOT NULL,
  message text NOT NULL,
  data text NOT NULL DEFAULT '{}',
  status text NOT NULL CHECK (status IN ('processing', 'processed')),
  provider_run_id ${T},
  provider_id ${T},
  connection_id ${T},
  session_provider_id ${T},
  session_message_id ${T},
  group_id ${T},
  created_at text NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE TABLE session_error_groups (
  tenant_id ${T} NOT NULL,
  id ${T} NOT NULL,
  type ${T} NOT NULL,
  fingerprint text NOT NULL,
  code text NOT NULL,
  message text NOT NULL,
  data text NOT NULL DEFAULT '{}',
  provider_id ${T},
  occurrence_count integer NOT NULL CHECK (occurrence_count >= 1),
  created_at text NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, type, fingerprint)
);
CREATE TABLE session_error_group_sessions (
  tenant_id ${T} NOT NULL,
  session_id ${T} NOT NULL,
  group_id ${T} NOT NULL,
  PRIMARY KEY (tenant_id, session_id, group_id)
);
CREATE TABLE session_events (
  tenant_id ${T} NOT NULL,
  id ${T} NOT NULL,
  session_id ${T} NOT NULL,
  type text NOT NULL,
  server_run_id ${T},
  server_session_id ${T},
  body text NOT NULL,
  created_at text NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE TABLE observability_sessions (
  tenant_id ${T} NOT NULL,
  platform text NOT NULL,
  version_key text NOT NULL,
  session_id text NOT NULL,
  body text NOT NULL,
  PRIMARY KEY (tenant_id, platform, version_key, session_id)
);
`;

const INDEXES = INDEX_COLUMNS.map(
  ([table, name, columns, where]) => `CREATE INDEX ${name} ON ${table} (${columns})${where ? ` WHERE ${where}` : ''};`,
).join('\n');

/**
 * An error's fixed JSON parts (see `errorJsonParts` in ../rows.ts) as SQL over the row `r`: `to_json` of a
 * text escapes exactly as `JSON.stringify` does (both escape only `"`, the backslash and U+0000–U+001F,
 * with the same short forms and lowercase `\u00xx`), so these are the bytes the sandbox writes.
 */
const errorJsonPartsSql = (r: string) => ({
  json_head: `'{"object":"session.error","id":' || to_json(${r}.id) || ',"code":' || to_json(${r}.code) || ',"message":' || to_json(${r}.message) || ',"data":' || ${r}.data || ',"status":'`,
  json_mid:
    `',"session_id":' || to_json(${r}.session_id) || ',"provider_run_id":' || COALESCE(to_json(${r}.provider_run_id)::text, 'null')` +
    ` || ',"connection_id":' || COALESCE(to_json(${r}.connection_id)::text, 'null') || ',"group_id":'`,
  json_tail: `',"created_at":' || to_json(${r}.created_at) || '}'`,
});
const assignments = (r: string, to: (column: string) => string, separator: string) =>
  Object.entries(errorJsonPartsSql(r))
    .map(([column, sql]) => `${to(column)} ${sql}`)
    .join(separator);

// Migration 2: each error stores its JSON around the fields that change after insert, so a page's query
// only puts status, group and count between the stored parts. Existing rows are filled here. A replica of an earlier build
// (a rolling upgrade) inserts without the parts: the trigger fills them, so every row has them.
const ERROR_JSON_PARTS = `
ALTER TABLE session_errors ADD COLUMN json_head text, ADD COLUMN json_mid text, ADD COLUMN json_tail text;
UPDATE session_errors SET ${assignments('session_errors', (c) => `${c} =`, ', ')};
ALTER TABLE session_errors ALTER COLUMN json_head SET NOT NULL, ALTER COLUMN json_mid SET NOT NULL, ALTER COLUMN json_tail SET NOT NULL;
CREATE FUNCTION session_errors_json_parts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${assignments('NEW', (c) => `NEW.${c} :=`, ';\n  ')};
  RETURN NEW;
END $$;
CREATE TRIGGER session_errors_json_parts BEFORE INSERT ON session_errors
  FOR EACH ROW WHEN (NEW.json_head IS NULL OR NEW.json_mid IS NULL OR NEW.json_tail IS NULL) EXECUTE FUNCTION session_errors_json_parts();
`;

/** The PostgreSQL migrations, in order. Never edit a released step: add the next one. */
export const POSTGRES_MIGRATIONS: Migration[] = [
  { version: 1, name: 'tenants and tenant-scoped tables', sql: TABLES + INDEXES },
  { version: 2, name: "each error's fixed JSON parts", sql: ERROR_JSON_PARTS },
];
