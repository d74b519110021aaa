// Inserting live data (ingest requests, NDJSON imports): errors arrive as `processing` for the grouping
// worker; events and observability sessions are stored whole. Rows with an id already stored are
// skipped, so a re-run import is idempotent. Callers run these inside a transaction (see Store).
import type { Database, Statement } from 'better-sqlite3';
import type { SessionErrorRow, SessionEventRow } from './rows.js';

/** A new session error, as stored (`data` is its JSON text); it has no status or group yet. */
export type NewErrorRow = Omit<SessionErrorRow, 'status' | 'group_id'>;

/** A `session.event`, as stored: the columns it is filtered by and its whole JSON text. */
export type NewEventRow = SessionEventRow;

/** The columns of a stored error; the values are named parameters, so a row object binds as it is. */
export const ERROR_INSERT_COLUMNS =
  '(id, session_id, type, code, message, data, status, provider_run_id, provider_id, connection_id, session_provider_id, session_message_id, group_id, created_at)';
const ERROR_VALUES = (status: string, groupId: string) =>
  `(@id, @session_id, @type, @code, @message, @data, '${status}', @provider_run_id, @provider_id, @connection_id, @session_provider_id, @session_message_id, ${groupId}, @created_at)`;

/** `INSERT … INTO session_errors` of a row in `status` (`processing` rows have no group; `processed` ones bind `@group_id`). */
export function insertErrorSql(verb: 'INSERT' | 'INSERT OR IGNORE', status: 'processing' | 'processed'): string {
  return `${verb} INTO session_errors ${ERROR_INSERT_COLUMNS} VALUES ${ERROR_VALUES(status, status === 'processed' ? '@group_id' : 'NULL')}`;
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
    this.insertError = db.prepare(insertErrorSql('INSERT OR IGNORE', 'processing'));
    this.insertEvent = db.prepare(
      'INSERT OR IGNORE INTO session_events (id, session_id, type, server_run_id, server_session_id, body, created_at) VALUES (@id, @session_id, @type, @server_run_id, @server_session_id, @body, @created_at)',
    );
    this.insertObservability = db.prepare(
      'INSERT OR REPLACE INTO observability_sessions (platform, version_key, session_id, body) VALUES (@platform, @version_key, @session_id, @body)',
    );
  }

  /** Stores a session, unless it is stored already. */
  session(id: string, createdAt: string): void {
    this.insertSession.run(id, createdAt);
  }

  /** Stores one error as `processing` (and its session, on first sight). */
  error(row: NewErrorRow): void {
    this.insertSession.run(row.session_id, row.created_at);
    this.insertError.run(row);
  }

  /** Stores one event (and its session, on first sight). */
  event(row: NewEventRow): void {
    this.insertSession.run(row.session_id, row.created_at);
    this.insertEvent.run(row);
  }

  /** Stores (or replaces) one observability session. */
  observabilitySession(row: NewObservabilityRow): void {
    this.insertObservability.run(row);
  }

  /** Stores one import line. */
  record(record: ImportRecord): void {
    if (record.kind === 'error') this.error(record.row);
    else if (record.kind === 'event') this.event(record.row);
    else this.observabilitySession(record.row);
  }
}
