// Inserting live data (ingest requests, NDJSON imports): errors arrive as `processing` for the grouping
// worker; events and observability sessions are stored whole. Rows with an id already stored are
// skipped, so a re-run import is idempotent. Callers run these inside a transaction (see Store).
import type { Database, Statement } from 'better-sqlite3';

/** A new session error, as stored: `data` is its JSON text. */
export interface NewErrorRow {
  id: string;
  session_id: string;
  type: string;
  code: string;
  message: string;
  data: string;
  provider_run_id: string | null;
  provider_id: string | null;
  connection_id: string | null;
  session_provider_id: string | null;
  session_message_id: string | null;
  created_at: string;
}

/** A `session.event`, as stored: the columns it is filtered by and its whole JSON text. */
export interface NewEventRow {
  id: string;
  session_id: string;
  type: string;
  server_run_id: string | null;
  server_session_id: string | null;
  body: string;
  created_at: string;
}

/** An observability session, keyed as `/observability.sessions.get` looks it up; `body` is its JSON text. */
export interface NewObservabilityRow {
  platform: string;
  version_key: string;
  session_id: string;
  body: string;
}

/** One line of an import, ready to store. */
export type ImportRecord =
  { kind: 'error'; row: NewErrorRow } | { kind: 'event'; row: NewEventRow } | { kind: 'observability_session'; row: NewObservabilityRow };

/** The insert statements of live data. */
export class RowWriter {
  private readonly insertSession: Statement;
  private readonly insertError: Statement;
  private readonly insertEvent: Statement;
  private readonly insertObservability: Statement;

  constructor(db: Database) {
    this.insertSession = db.prepare('INSERT OR IGNORE INTO sessions (id, created_at) VALUES (?, ?)');
    this.insertError = db.prepare(`INSERT OR IGNORE INTO session_errors
      (id, session_id, type, code, message, data, status, provider_run_id, provider_id, connection_id, session_provider_id, session_message_id, group_id, created_at)
      VALUES (?, ?, ?, ?, ?, ?, 'processing', ?, ?, ?, ?, ?, NULL, ?)`);
    this.insertEvent = db.prepare(
      'INSERT OR IGNORE INTO session_events (id, session_id, type, server_run_id, server_session_id, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertObservability = db.prepare(
      'INSERT OR REPLACE INTO observability_sessions (platform, version_key, session_id, body) VALUES (?, ?, ?, ?)',
    );
  }

  /** Stores one error as `processing` (and its session, on first sight). */
  error(row: NewErrorRow): void {
    this.insertSession.run(row.session_id, row.created_at);
    this.insertError.run(
      row.id,
      row.session_id,
      row.type,
      row.code,
      row.message,
      row.data,
      row.provider_run_id,
      row.provider_id,
      row.connection_id,
      row.session_provider_id,
      row.session_message_id,
      row.created_at,
    );
  }

  /** Stores one event (and its session, on first sight). */
  event(row: NewEventRow): void {
    this.insertSession.run(row.session_id, row.created_at);
    this.insertEvent.run(row.id, row.session_id, row.type, row.server_run_id, row.server_session_id, row.body, row.created_at);
  }

  /** Stores (or replaces) one observability session. */
  observabilitySession(row: NewObservabilityRow): void {
    this.insertObservability.run(row.platform, row.version_key, row.session_id, row.body);
  }

  /** Stores one import line. */
  record(record: ImportRecord): void {
    if (record.kind === 'error') this.error(record.row);
    else if (record.kind === 'event') this.event(record.row);
    else this.observabilitySession(record.row);
  }
}
