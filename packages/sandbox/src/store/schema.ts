// The SQLite schema, as versioned migrations. Every data table leads its primary key and every index
// with `tenant_id`, so a tenant's rows are one range of each B-tree and a filtered page is a keyset
// range scan. Tables are WITHOUT ROWID: the table itself is the (tenant, id)-ordered B-tree.

/** One versioned schema step. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const TABLES = `
CREATE TABLE tenants (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('local', 'key')),
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  expires_at INTEGER,
  seed INTEGER NOT NULL,
  seed_sessions INTEGER NOT NULL,
  seed_errors INTEGER NOT NULL,
  created_by TEXT,
  row_count INTEGER NOT NULL DEFAULT 0,
  row_limit INTEGER,
  seeded_at INTEGER,
  heartbeat_at INTEGER,
  deleted_at INTEGER
) WITHOUT ROWID;
CREATE INDEX tenants_created_by ON tenants (created_by, created_at);
CREATE INDEX tenants_expires ON tenants (expires_at) WHERE expires_at IS NOT NULL;
CREATE TABLE tenant_tokens (token_hash TEXT PRIMARY KEY, tenant_id TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX tenant_tokens_tenant ON tenant_tokens (tenant_id);
CREATE TABLE rate_limit_buckets (key TEXT PRIMARY KEY, tokens REAL NOT NULL, updated_ms INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE sessions (tenant_id TEXT NOT NULL, id TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (tenant_id, id)) WITHOUT ROWID;
CREATE TABLE session_errors (
  tenant_id TEXT NOT NULL,
  id TEXT NOT NULL,
  session_id TEXT NOT NULL,
  type TEXT NOT NULL,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  data TEXT NOT NULL DEFAULT '{}',
  status TEXT NOT NULL CHECK (status IN ('processing', 'processed')),
  provider_run_id TEXT,
  provider_id TEXT,
  connection_id TEXT,
  session_provider_id TEXT,
  session_message_id TEXT,
  group_id TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, id)
) WITHOUT ROWID;
CREATE TABLE session_error_groups (
  tenant_id TEXT NOT NULL,
  id TEXT NOT NULL,
  type TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  data TEXT NOT NULL DEFAULT '{}',
  provider_id TEXT,
  occurrence_count INTEGER NOT NULL CHECK (occurrence_count >= 1),
  created_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, type, fingerprint)
) WITHOUT ROWID;
CREATE TABLE session_error_group_sessions (
  tenant_id TEXT NOT NULL,
  session_id TEXT NOT NULL,
  group_id TEXT NOT NULL,
  PRIMARY KEY (tenant_id, session_id, group_id)
) WITHOUT ROWID;
CREATE TABLE session_events (
  tenant_id TEXT NOT NULL,
  id TEXT NOT NULL,
  session_id TEXT NOT NULL,
  type TEXT NOT NULL,
  server_run_id TEXT,
  server_session_id TEXT,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, id)
) WITHOUT ROWID;
CREATE TABLE observability_sessions (
  tenant_id TEXT NOT NULL,
  platform TEXT NOT NULL,
  version_key TEXT NOT NULL,
  session_id TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (tenant_id, platform, version_key, session_id)
) WITHOUT ROWID;
`;

/** Secondary indexes, one `(tenant, filter column, id)` per filter. */
export const INDEX_COLUMNS: [table: string, name: string, columns: string, where?: string][] = [
  ['session_errors', 'session_errors_session', 'tenant_id, session_id, id'],
  ['session_errors', 'session_errors_type', 'tenant_id, type, id'],
  ['session_errors', 'session_errors_group', 'tenant_id, group_id, id'],
  ['session_errors', 'session_errors_provider_run', 'tenant_id, provider_run_id, id'],
  ['session_errors', 'session_errors_provider', 'tenant_id, provider_id, id'],
  ['session_errors', 'session_errors_connection', 'tenant_id, connection_id, id'],
  ['session_errors', 'session_errors_session_provider', 'tenant_id, session_provider_id, id'],
  ['session_errors', 'session_errors_session_message', 'tenant_id, session_message_id, id'],
  ['session_errors', 'session_errors_pending', 'tenant_id, id', "status = 'processing'"],
  ['session_error_groups', 'session_error_groups_type', 'tenant_id, type, id'],
  ['session_error_groups', 'session_error_groups_provider', 'tenant_id, provider_id, id'],
  ['session_error_group_sessions', 'session_error_group_sessions_group', 'tenant_id, group_id, session_id'],
  ['session_events', 'session_events_session', 'tenant_id, session_id, id'],
  ['session_events', 'session_events_server_run', 'tenant_id, server_run_id, id'],
  ['session_events', 'session_events_server_session', 'tenant_id, server_session_id, id'],
];

/** `CREATE INDEX` statements of {@link INDEX_COLUMNS}. */
export function indexStatements(): string {
  return INDEX_COLUMNS.map(
    ([table, name, columns, where]) => `CREATE INDEX IF NOT EXISTS ${name} ON ${table} (${columns})${where ? ` WHERE ${where}` : ''};`,
  ).join('\n');
}

/** The SQLite migrations, in order. Never edit a released step: add the next one. */
export const SQLITE_MIGRATIONS: Migration[] = [{ version: 1, name: 'tenants and tenant-scoped tables', sql: TABLES + indexStatements() }];

/** The tables of tenant data, in the order a tenant's rows are deleted. */
export const TENANT_TABLES = [
  'session_error_group_sessions',
  'session_errors',
  'session_error_groups',
  'session_events',
  'observability_sessions',
  'sessions',
] as const;
