// Grouping in SQLite: an error joins its tenant's group of its fingerprint (created on first
// occurrence, `occurrence_count` incremented after). A step moves a batch of errors from `processing`
// to `processed` in one IMMEDIATE transaction, so counts stay exact however many writers (ingest
// requests, imports, workers in other processes) run at once: SQLite serialises them.
import type { Database, Statement } from 'better-sqlite3';
import { fingerprint } from '../fingerprint.js';
import { makeId } from '../ids.js';
import type { GroupableError } from './seeding.js';

/** A pending error as the grouping step reads it. */
export type PendingError = GroupableError & { tenant_id: string };

const PENDING_COLUMNS = 'tenant_id, id, session_id, type, code, message, data, provider_run_id, provider_id, created_at';

/** The group upsert of one error: its new id when first seen, else the stored group's (SQL for both engines, `?` placeholders). */
export const UPSERT_GROUP_SQL = `INSERT INTO session_error_groups (tenant_id, id, type, fingerprint, code, message, data, provider_id, occurrence_count, created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (tenant_id, type, fingerprint) DO UPDATE SET occurrence_count = session_error_groups.occurrence_count + excluded.occurrence_count
  RETURNING id`;

/** The upsert's parameters for `count` more errors like `error` (its group id when the group is new). */
export function upsertGroupParams(error: PendingError, count: number): unknown[] {
  const newId = makeId('seg', Date.parse(error.created_at) || Date.now(), Math.random);
  return [
    error.tenant_id,
    newId,
    error.type,
    fingerprint(error),
    error.code,
    error.message,
    error.data,
    error.provider_id,
    count,
    error.created_at,
  ];
}

/** Groups up to `batchSize` pending errors (of one tenant, or of any) in one transaction; returns how many. */
export function createGroupingStep(db: Database, batchSize = 500): (tenantId?: string) => number {
  const upsert: Statement = db.prepare(UPSERT_GROUP_SQL).pluck();
  const member = db.prepare('INSERT OR IGNORE INTO session_error_group_sessions (tenant_id, session_id, group_id) VALUES (?, ?, ?)');
  const pendingAll = db.prepare(`SELECT ${PENDING_COLUMNS} FROM session_errors WHERE status = 'processing' ORDER BY tenant_id, id LIMIT ?`);
  const pendingOf = db.prepare(
    `SELECT ${PENDING_COLUMNS} FROM session_errors WHERE tenant_id = ? AND status = 'processing' ORDER BY tenant_id, id LIMIT ?`,
  );
  const mark = db.prepare(
    "UPDATE session_errors SET status = 'processed', group_id = ? WHERE tenant_id = ? AND id = ? AND status = 'processing'",
  );
  const step = db.transaction((tenantId: string | undefined) => {
    const rows = (tenantId === undefined ? pendingAll.all(batchSize) : pendingOf.all(tenantId, batchSize)) as PendingError[];
    for (const row of rows) {
      const groupId = upsert.get(...upsertGroupParams(row, 1)) as string;
      member.run(row.tenant_id, row.session_id, groupId);
      mark.run(groupId, row.tenant_id, row.id);
    }
    return rows.length;
  });
  // A plain read first (served by the partial `status = 'processing'` index): an idle worker never
  // takes the write lock, so polling costs the readers nothing.
  const anyAll = db.prepare("SELECT 1 FROM session_errors WHERE status = 'processing' LIMIT 1");
  const anyOf = db.prepare("SELECT 1 FROM session_errors WHERE tenant_id = ? AND status = 'processing' LIMIT 1");
  return (tenantId) => {
    const found = tenantId === undefined ? anyAll.get() : anyOf.get(tenantId);
    return found === undefined ? 0 : step.immediate(tenantId);
  };
}
