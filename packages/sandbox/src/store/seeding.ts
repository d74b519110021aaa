// The seed's writes: plain inserts in large transactions (one per `checkpoint()`), errors grouped as
// they are stored by the bulk group assigner, the indexes built once at the end. A `seeding` marker in
// the meta table is written before the first row and removed with the last commit, so an interrupted
// seed is recognised on the next start.
import type { Database, Statement } from 'better-sqlite3';
import type { Rng } from '../ids.js';
import { BulkGroupAssigner, type GroupableError } from './grouping.js';
import { MetaTable } from './meta.js';
import { createIndexes } from './schema.js';
import { insertErrorSql, RowWriter, type NewEventRow, type NewObservabilityRow } from './writes.js';

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
  private readonly rows: RowWriter;
  private readonly insertError: Statement;
  private readonly countGroups: Statement;

  constructor(
    private readonly db: Database,
    private readonly meta: MetaTable,
    rng: Rng,
  ) {
    this.assigner = new BulkGroupAssigner(db, rng);
    // Sessions, events and observability sessions are stored as live data is; errors arrive grouped.
    this.rows = new RowWriter(db);
    this.insertError = db.prepare(insertErrorSql('INSERT', 'processed'));
    this.countGroups = db.prepare('SELECT count(*) FROM session_error_groups').pluck();
    meta.set('seeding', new Date().toISOString());
    db.exec('BEGIN');
  }

  /** Stores a session. */
  session(id: string, createdAt: string): void {
    this.rows.session(id, createdAt);
  }

  /** Stores an event. */
  event(row: NewEventRow): void {
    this.rows.event(row);
  }

  /** Stores an observability session. */
  observabilitySession(row: NewObservabilityRow): void {
    this.rows.observabilitySession(row);
  }

  /** The group of an error about to be stored (counted now, written at the next checkpoint). */
  groupOf(error: GroupableError): string {
    return this.assigner.assign(error);
  }

  /** Stores an error in its group. */
  error(row: SeededErrorRow): void {
    this.insertError.run(row);
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
