// The SQLite schema. Tables are WITHOUT ROWID and keyed by id, so the table itself is the id-ordered
// B-tree; every filter column has a `(column, id)` index, so a filtered page is a keyset range scan.
import type { Database } from 'better-sqlite3';

export const TABLES = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, created_at TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS session_errors (
  id TEXT PRIMARY KEY,
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
  created_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS session_error_groups (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  data TEXT NOT NULL DEFAULT '{}',
  provider_id TEXT,
  occurrence_count INTEGER NOT NULL CHECK (occurrence_count >= 1),
  created_at TEXT NOT NULL,
  UNIQUE (type, fingerprint)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS session_error_group_sessions (
  session_id TEXT NOT NULL,
  group_id TEXT NOT NULL,
  PRIMARY KEY (session_id, group_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS session_events (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL,
  type TEXT NOT NULL,
  server_run_id TEXT,
  server_session_id TEXT,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS observability_sessions (
  platform TEXT NOT NULL,
  version_key TEXT NOT NULL,
  session_id TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (platform, version_key, session_id)
) WITHOUT ROWID;
`;

/** Secondary indexes, one `(filter column, id)` per filter. Created after a bulk seed (faster). */
export const INDEXES = `
CREATE INDEX IF NOT EXISTS session_errors_session ON session_errors (session_id, id);
CREATE INDEX IF NOT EXISTS session_errors_type ON session_errors (type, id);
CREATE INDEX IF NOT EXISTS session_errors_group ON session_errors (group_id, id);
CREATE INDEX IF NOT EXISTS session_errors_provider_run ON session_errors (provider_run_id, id);
CREATE INDEX IF NOT EXISTS session_errors_provider ON session_errors (provider_id, id);
CREATE INDEX IF NOT EXISTS session_errors_connection ON session_errors (connection_id, id);
CREATE INDEX IF NOT EXISTS session_errors_session_provider ON session_errors (session_provider_id, id);
CREATE INDEX IF NOT EXISTS session_errors_session_message ON session_errors (session_message_id, id);
CREATE INDEX IF NOT EXISTS session_errors_pending ON session_errors (id) WHERE status = 'processing';
CREATE INDEX IF NOT EXISTS session_error_groups_type ON session_error_groups (type, id);
CREATE INDEX IF NOT EXISTS session_error_groups_provider ON session_error_groups (provider_id, id);
CREATE INDEX IF NOT EXISTS session_error_group_sessions_group ON session_error_group_sessions (group_id, session_id);
CREATE INDEX IF NOT EXISTS session_events_session ON session_events (session_id, id);
CREATE INDEX IF NOT EXISTS session_events_server_run ON session_events (server_run_id, id);
CREATE INDEX IF NOT EXISTS session_events_server_session ON session_events (server_session_id, id);
`;

/** Creates the tables (idempotent). */
export function createTables(db: Database): void {
  db.exec(TABLES);
}

/** Creates the secondary indexes (idempotent). */
export function createIndexes(db: Database): void {
  db.exec(INDEXES);
}
