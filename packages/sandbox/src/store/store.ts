// The store: the one owner of the sandbox's SQL and transactions. Reads come from StoreReads (the hot
// paths); this class adds the writes (ingest, import), grouping, seeding, fixtures and counts, each
// one method whose transaction is decided here. Nothing outside `store/` sees the connection.
import type { Database, Statement } from 'better-sqlite3';
import type { Rng } from '../ids.js';
import { openDatabase } from './database.js';
import { readFixtureIds, type FixtureIds } from './fixtures.js';
import { createGroupingStep } from './grouping.js';
import { MetaTable } from './meta.js';
import { StoreReads } from './reads.js';
import { createIndexes } from './schema.js';
import { SeedWriter } from './seeding.js';
import { RowWriter, type ImportRecord, type NewErrorRow } from './writes.js';

/** Row counts of the main tables, and how many errors still wait for the grouping worker. */
export interface StoreCounts {
  sessions: number;
  session_errors: number;
  session_error_groups: number;
  session_events: number;
  observability_sessions: number;
  processing: number;
}

/** A store as users hold it (from `prepareStore`): give it to `createSandboxServer`, read its counts, close it when done. */
export interface SandboxStore {
  /** Row counts of the main tables, and how many errors still wait for the grouping worker. */
  counts(): StoreCounts;
  /** Closes the database connection (after the server using it is closed). */
  close(): void;
}

/** Reads, writes, grouping and seeding over one better-sqlite3 connection. */
export class Store extends StoreReads implements SandboxStore {
  private readonly meta: MetaTable;
  private readonly writer: RowWriter;
  private readonly insertErrors: (rows: readonly NewErrorRow[]) => void;
  private readonly insertRecords: (records: readonly ImportRecord[]) => void;
  private readonly count: (sql: string) => number;
  private groupingStep: (() => number) | undefined;

  /** Opens (and creates) the store at a file path or `:memory:`; see {@link openDatabase}. */
  static open(path: string, options: { indexes?: boolean } = {}): Store {
    return new Store(openDatabase(path, options));
  }

  constructor(db: Database) {
    super(db);
    this.meta = new MetaTable(db);
    this.writer = new RowWriter(db);
    const writer = this.writer;
    const errors = db.transaction((rows: readonly NewErrorRow[]) => {
      for (const row of rows) writer.error(row);
    });
    const records = db.transaction((items: readonly ImportRecord[]) => {
      for (const record of items) writer.record(record);
    });
    // IMMEDIATE: take the write lock at BEGIN, so a concurrent writer waits (busy_timeout) instead of failing mid-transaction.
    this.insertErrors = (rows) => errors.immediate(rows);
    this.insertRecords = (items) => records.immediate(items);
    const counters = new Map<string, Statement>();
    this.count = (sql) => {
      let statement = counters.get(sql);
      if (!statement) counters.set(sql, (statement = db.prepare(sql).pluck()));
      return statement.get() as number;
    };
  }

  /** Stores ingested errors as `processing`, all or none (one transaction, committed when this returns). */
  ingestErrors(rows: readonly NewErrorRow[]): void {
    this.insertErrors(rows);
  }

  /** Stores one batch of import lines, all or none; lines whose id is already stored are skipped. */
  importBatch(records: readonly ImportRecord[]): void {
    this.insertRecords(records);
  }

  /** Groups one batch of pending errors (one transaction); returns how many it grouped. */
  groupPending(): number {
    this.groupingStep ??= createGroupingStep(this.db);
    return this.groupingStep();
  }

  /** Groups until nothing is pending; returns how many errors it grouped. */
  groupAllPending(): number {
    let total = 0;
    for (let grouped = this.groupPending(); grouped > 0; grouped = this.groupPending()) total += grouped;
    return total;
  }

  /** Whether the store has never been seeded nor filled (no sessions, no seed recorded). */
  isEmpty(): boolean {
    return this.meta.get('seed') === undefined && this.count('SELECT count(*) FROM sessions') === 0;
  }

  /** Whether a seed started and never ended (the process died): the data is incomplete. */
  seedInterrupted(): boolean {
    return this.meta.get('seeding') !== undefined;
  }

  /** Starts a seed: marks it as running and opens its first transaction. */
  beginSeed(rng: Rng): SeedWriter {
    return new SeedWriter(this.db, this.meta, rng);
  }

  /** One existing id of each kind (`GET /_sandbox/fixtures`). */
  fixtureIds(): FixtureIds | undefined {
    return readFixtureIds(this.db);
  }

  /** Row counts of the main tables, and how many errors still wait for the grouping worker. */
  counts(): StoreCounts {
    return {
      sessions: this.count('SELECT count(*) FROM sessions'),
      session_errors: this.count('SELECT count(*) FROM session_errors'),
      session_error_groups: this.count('SELECT count(*) FROM session_error_groups'),
      session_events: this.count('SELECT count(*) FROM session_events'),
      observability_sessions: this.count('SELECT count(*) FROM observability_sessions'),
      processing: this.count("SELECT count(*) FROM session_errors WHERE status = 'processing'"),
    };
  }

  /** Builds any missing index (a store filled by imports or ingest only) and refreshes the query planner's statistics. */
  optimize(): void {
    createIndexes(this.db);
    this.db.exec('PRAGMA optimize');
  }

  /** Closes the connection. */
  close(): void {
    this.db.close();
  }
}
