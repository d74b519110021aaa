// Grouping's SQL: an error joins the group of its fingerprint (created on first occurrence,
// `occurrence_count` incremented after). A grouping step moves a batch of errors from `processing` to
// `processed` in one IMMEDIATE transaction, so counts stay exact however many writers (ingest
// requests, imports, the worker) run at once. The seed uses the bulk variant.
import type { Database, Statement } from 'better-sqlite3';
import { fingerprint } from '../fingerprint.js';
import { makeId, type Rng } from '../ids.js';
import type { SessionErrorRow } from './rows.js';

/** The columns of a stored error that grouping reads. */
export type GroupableError = Pick<
  SessionErrorRow,
  'id' | 'session_id' | 'type' | 'code' | 'message' | 'data' | 'provider_run_id' | 'provider_id' | 'created_at'
>;

// A group's row, first seen with `occurrence_count` errors; seen again, its count grows by as many.
const UPSERT_GROUP = `INSERT INTO session_error_groups (id, type, fingerprint, code, message, data, provider_id, occurrence_count, created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (type, fingerprint) DO UPDATE SET occurrence_count = occurrence_count + excluded.occurrence_count`;
const ADD_MEMBER = 'INSERT OR IGNORE INTO session_error_group_sessions (session_id, group_id) VALUES (?, ?)';

/** Assigns errors to groups, one statement each (the grouping step). */
export class GroupAssigner {
  private readonly upsert: Statement;
  private readonly member: Statement;

  constructor(
    db: Database,
    private readonly rng: Rng = Math.random,
  ) {
    this.upsert = db.prepare(`${UPSERT_GROUP} RETURNING id`);
    this.member = db.prepare(ADD_MEMBER);
  }

  /** Counts one more occurrence of the error's group (creating it) and returns the group id. Call inside a transaction. */
  assign(error: GroupableError): string {
    const fp = fingerprint(error);
    const newId = makeId('seg', Date.parse(error.created_at) || Date.now(), this.rng);
    const { id } = this.upsert.get(
      newId,
      error.type,
      fp,
      error.code,
      error.message,
      error.data,
      error.provider_id,
      1,
      error.created_at,
    ) as {
      id: string;
    };
    this.member.run(error.session_id, id);
    return id;
  }
}

/**
 * The seed's variant of {@link GroupAssigner}: the same fingerprint and group semantics, but counts
 * accumulate in memory and are written once per transaction by {@link BulkGroupAssigner.flush}
 * (one statement per touched group instead of two per error). Call `flush()` before each COMMIT.
 */
export class BulkGroupAssigner {
  private readonly groups = new Map<string, { id: string; added: number; row: GroupableError; fp: string }>();
  private readonly members = new Set<string>();
  private readonly upsert: Statement;
  private readonly member: Statement;

  constructor(
    db: Database,
    private readonly rng: Rng = Math.random,
  ) {
    this.upsert = db.prepare(UPSERT_GROUP);
    this.member = db.prepare(ADD_MEMBER);
  }

  /** The group id for the error (first occurrence: a new group keeping this error's message and data). */
  assign(error: GroupableError): string {
    const fp = fingerprint(error);
    const key = `${error.type}\u0000${fp}`;
    let group = this.groups.get(key);
    if (!group) {
      group = { id: makeId('seg', Date.parse(error.created_at) || Date.now(), this.rng), added: 0, row: error, fp };
      this.groups.set(key, group);
    }
    group.added++;
    const member = `${error.session_id}\u0000${group.id}`;
    if (!this.members.has(member)) {
      this.members.add(member);
      this.member.run(error.session_id, group.id);
    }
    return group.id;
  }

  /** Writes the accumulated counts (inside the transaction that stored the errors). */
  flush(): void {
    for (const g of this.groups.values()) {
      if (g.added === 0) continue;
      const r = g.row;
      this.upsert.run(g.id, r.type, g.fp, r.code, r.message, r.data, r.provider_id, g.added, r.created_at);
      g.added = 0;
    }
  }
}

/** Groups up to `batchSize` pending errors in one transaction; returns how many were processed. */
export function createGroupingStep(db: Database, batchSize = 500): () => number {
  const assigner = new GroupAssigner(db);
  const pending = db.prepare(
    "SELECT id, session_id, type, code, message, data, provider_run_id, provider_id, created_at FROM session_errors WHERE status = 'processing' ORDER BY id LIMIT ?",
  );
  const mark = db.prepare("UPDATE session_errors SET status = 'processed', group_id = ? WHERE id = ? AND status = 'processing'");
  const step = db.transaction(() => {
    const rows = pending.all(batchSize) as GroupableError[];
    for (const row of rows) {
      const groupId = assigner.assign(row);
      mark.run(groupId, row.id);
    }
    return rows.length;
  });
  // A plain read first (served by the partial `status = 'processing'` index): an idle worker never
  // takes the write lock, so polling costs the readers nothing.
  const anyPending = db.prepare("SELECT 1 FROM session_errors WHERE status = 'processing' LIMIT 1");
  return () => (anyPending.get() === undefined ? 0 : step.immediate());
}
