// The seed's writes: plain inserts in large transactions (one per `checkpoint()`), errors grouped as
// they are stored by the bulk group assigner, the indexes built once at the end. A `seeding` marker in
// the meta table is written before the first row and removed with the last commit, so an interrupted
// seed is recognised on the next start.
import type { Database, Statement } from 'better-sqlite3';
import type { Rng } from '../ids.js';
import { BulkGroupAssigner, type GroupableError } from './grouping.js';
import { MetaTable } from './meta.js';
import { createIndexes } from './schema.js';
import type { NewEventRow, NewObservabilityRow } from './writes.js';

/** A seeded session error: stored `processed`, in the group {@link SeedWriter.groupOf} gave it. */
export interface SeededErrorRow extends GroupableError {
  connection_id: string | null;
  session_provider_id: string | null;
  session_message_id: string | null;
  group_id: string;
}

/** Writes one seed run. Made by `Store.beginSeed()`; ends with {@link SeedWriter.end} or {@link SeedWriter.abort}. */
export class SeedWriter {
  private readonly assigner: BulkGroupAssigner;
  private readonly insertSession: Statement;
  private readonly insertError: Statement;
  private readonly insertEvent: Statement;
  private readonly insertObservability: Statement;
  private readonly countGroups: Statement;

  constructor(
    private readonly db: Database,
    private readonly meta: MetaTable,
    rng: Rng,
  ) {
    this.assigner = new BulkGroupAssigner(db, rng);
    this.insertSession = db.prepare('INSERT INTO sessions (id, created_at) VALUES (?, ?)');
    this.insertError = db.prepare(`INSERT INTO session_errors
      (id, session_id, type, code, message, data, status, provider_run_id, provider_id, connection_id, session_provider_id, session_message_id, group_id, created_at)
      VALUES (?, ?, ?, ?, ?, ?, 'processed', ?, ?, ?, ?, ?, ?, ?)`);
    this.insertEvent = db.prepare(
      'INSERT INTO session_events (id, session_id, type, server_run_id, server_session_id, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertObservability = db.prepare(
      'INSERT OR REPLACE INTO observability_sessions (platform, version_key, session_id, body) VALUES (?, ?, ?, ?)',
    );
    this.countGroups = db.prepare('SELECT count(*) FROM session_error_groups').pluck();
    meta.set('seeding', new Date().toISOString());
    db.exec('BEGIN');
  }

  /** Stores a session. */
  session(id: string, createdAt: string): void {
    this.insertSession.run(id, createdAt);
  }

  /** Stores an event. */
  event(row: NewEventRow): void {
    this.insertEvent.run(row.id, row.session_id, row.type, row.server_run_id, row.server_session_id, row.body, row.created_at);
  }

  /** Stores an observability session. */
  observabilitySession(row: NewObservabilityRow): void {
    this.insertObservability.run(row.platform, row.version_key, row.session_id, row.body);
  }

  /** The group of an error about to be stored (counted now, written at the next checkpoint). */
  groupOf(error: GroupableError): string {
    return this.assigner.assign(error);
  }

  /** Stores an error in its group. */
  error(row: SeededErrorRow): void {
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
      row.group_id,
      row.created_at,
    );
  }

  /** Commits what is written so far (with the groups' counts) and opens the next transaction. */
  checkpoint(): void {
    this.assigner.flush();
    this.db.exec('COMMIT');
    this.db.exec('BEGIN');
  }

  /** Commits the rest, builds the indexes and records the seed's settings; returns the number of groups. */
  end(settings: Record<string, unknown>, onPhase?: (phase: string) => void): number {
    this.assigner.flush();
    this.db.exec('COMMIT');
    onPhase?.('building indexes');
    createIndexes(this.db);
    this.db.transaction(() => {
      this.meta.set('seed', JSON.stringify(settings));
      this.meta.delete('seeding');
    })();
    return this.countGroups.get() as number;
  }

  /** Rolls back the open transaction (the `seeding` marker stays: the next start seeds again). */
  abort(): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
  }
}
