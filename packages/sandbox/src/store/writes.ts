// Inserting live data into SQLite (ingest requests, NDJSON imports, seed batches), always for one
// tenant: errors arrive as `processing` for the grouping worker (seeded ones `processed`, grouped);
// events and observability sessions are stored whole. Rows with an id already stored are skipped, so
// a re-run import is idempotent. Callers run these inside a transaction (see SqliteStore).
import type { Database, Statement } from 'better-sqlite3';
import type { SessionErrorRow, SessionEventRow } from './rows.js';
import type { SeedBatch } from './seeding.js';

/** A new session error, as stored (`data` is its JSON text); it has no status or group yet. */
export type NewErrorRow = Omit<SessionErrorRow, 'status' | 'group_id'>;

/** A `session.event`, as stored: the columns it is filtered by and its whole JSON text. */
export type NewEventRow = SessionEventRow;

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

/** The columns of a stored error, in insert order (shared with the PostgreSQL engine). */
export const ERROR_COLUMNS = [
  'id',
  'session_id',
  'type',
  'code',
  'message',
  'data',
  'status',
  'provider_run_id',
  'provider_id',
  'connection_id',
  'session_provider_id',
  'session_message_id',
  'group_id',
  'created_at',
] as const;

const named = (columns: readonly string[]) => columns.map((c) => `@${c}`).join(', ');

/** The insert statements of one SQLite connection; every row is bound with its tenant. */
export class RowWriter {
  private readonly insertSession: Statement;
  private readonly insertError: Statement;
  private readonly insertEvent: Statement;
  private readonly insertObservability: Statement;
  private readonly upsertGroup: Statement;
  private readonly insertMember: Statement;

  constructor(db: Database) {
    this.insertSession = db.prepare('INSERT OR IGNORE INTO sessions (tenant_id, id, created_at) VALUES (?, ?, ?)');
    this.insertError = db.prepare(
      `INSERT OR IGNORE INTO session_errors (tenant_id, ${ERROR_COLUMNS.join(', ')}) VALUES (@tenant_id, ${named(ERROR_COLUMNS)})`,
    );
    this.insertEvent = db.prepare(
      'INSERT OR IGNORE INTO session_events (tenant_id, id, session_id, type, server_run_id, server_session_id, body, created_at) VALUES (@tenant_id, @id, @session_id, @type, @server_run_id, @server_session_id, @body, @created_at)',
    );
    this.insertObservability = db.prepare(
      'INSERT OR REPLACE INTO observability_sessions (tenant_id, platform, version_key, session_id, body) VALUES (@tenant_id, @platform, @version_key, @session_id, @body)',
    );
    this.upsertGroup =
      db.prepare(`INSERT INTO session_error_groups (tenant_id, id, type, fingerprint, code, message, data, provider_id, occurrence_count, created_at)
      VALUES (@tenant_id, @id, @type, @fingerprint, @code, @message, @data, @provider_id, @added, @created_at)
      ON CONFLICT (tenant_id, type, fingerprint) DO UPDATE SET occurrence_count = occurrence_count + excluded.occurrence_count`);
    this.insertMember = db.prepare('INSERT OR IGNORE INTO session_error_group_sessions (tenant_id, session_id, group_id) VALUES (?, ?, ?)');
  }

  /** Stores one error as `processing` (and its session, on first sight); returns whether it was new. */
  error(tenantId: string, row: NewErrorRow): boolean {
    this.insertSession.run(tenantId, row.session_id, row.created_at);
    return this.insertError.run({ ...row, tenant_id: tenantId, status: 'processing', group_id: null }).changes > 0;
  }

  /** Stores one event (and its session, on first sight); returns whether it was new. */
  event(tenantId: string, row: NewEventRow): boolean {
    this.insertSession.run(tenantId, row.session_id, row.created_at);
    return this.insertEvent.run({ ...row, tenant_id: tenantId }).changes > 0;
  }

  /** Stores (or replaces) one observability session. */
  observabilitySession(tenantId: string, row: NewObservabilityRow): void {
    this.insertObservability.run({ ...row, tenant_id: tenantId });
  }

  /** Stores one import line; returns how many rows it added (0 when its id was stored already). */
  record(tenantId: string, record: ImportRecord): number {
    if (record.kind === 'error') return this.error(tenantId, record.row) ? 1 : 0;
    if (record.kind === 'event') return this.event(tenantId, record.row) ? 1 : 0;
    this.observabilitySession(tenantId, record.row);
    return 1;
  }

  /** Stores one seed batch: sessions, events, observability sessions, grouped errors, group counts, memberships. */
  seedBatch(tenantId: string, batch: SeedBatch): void {
    for (const s of batch.sessions) this.insertSession.run(tenantId, s.id, s.created_at);
    for (const row of batch.events) this.insertEvent.run({ ...row, tenant_id: tenantId });
    for (const row of batch.observability) this.insertObservability.run({ ...row, tenant_id: tenantId });
    for (const g of batch.groups) this.upsertGroup.run({ ...g, tenant_id: tenantId });
    for (const m of batch.members) this.insertMember.run(tenantId, m.session_id, m.group_id);
    for (const row of batch.errors) this.insertError.run({ ...row, tenant_id: tenantId, status: 'processed' });
  }
}
