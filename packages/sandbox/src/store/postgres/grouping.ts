// Grouping in PostgreSQL, safe with any number of replicas running it at once: a step claims a batch
// of pending errors with `FOR UPDATE SKIP LOCKED` (each error is claimed by exactly one transaction;
// the others skip it), upserts each touched group once with the batch's count (in a fixed order, so
// two steps never wait on each other in a cycle), records memberships and marks the errors processed,
// all in one transaction: a replica killed mid-step leaves its errors pending for the next one.
import type pg from 'pg';
import { fingerprint } from '../../fingerprint.js';
import { makeId } from '../../ids.js';
import type { PendingError } from '../grouping.js';

const PENDING_COLUMNS = 'tenant_id, id, session_id, type, code, message, data, provider_run_id, provider_id, created_at';

interface GroupDraft {
  key: string;
  error: PendingError;
  fp: string;
  count: number;
  members: Set<string>;
  errors: string[];
}

/** The batch's groups, keyed by (tenant, type, fingerprint) and sorted by that key; each keeps its first error. */
function draftGroups(rows: readonly PendingError[]): GroupDraft[] {
  const drafts = new Map<string, GroupDraft>();
  for (const row of rows) {
    const fp = fingerprint(row);
    const key = JSON.stringify([row.tenant_id, row.type, fp]);
    let draft = drafts.get(key);
    if (!draft) drafts.set(key, (draft = { key, error: row, fp, count: 0, members: new Set(), errors: [] }));
    draft.count++;
    draft.members.add(row.session_id);
    draft.errors.push(row.id);
  }
  return [...drafts.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Upserts the groups (one statement, in key order) and returns each draft's group id. */
async function upsertGroups(client: pg.PoolClient, drafts: GroupDraft[]): Promise<string[]> {
  const column = (pick: (d: GroupDraft) => unknown) => drafts.map(pick);
  const { rows } = await client.query<{ id: string; ord: number }>(
    `WITH input AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::integer[], $10::text[])
         WITH ORDINALITY AS t(tenant_id, id, type, fingerprint, code, message, data, provider_id, occurrence_count, created_at, ord)
     ), upserted AS (
       INSERT INTO session_error_groups (tenant_id, id, type, fingerprint, code, message, data, provider_id, occurrence_count, created_at)
       SELECT tenant_id, id, type, fingerprint, code, message, data, provider_id, occurrence_count, created_at FROM input ORDER BY ord
       ON CONFLICT (tenant_id, type, fingerprint) DO UPDATE SET occurrence_count = session_error_groups.occurrence_count + excluded.occurrence_count
       RETURNING tenant_id, type, fingerprint, id
     )
     SELECT u.id, i.ord::integer AS ord FROM upserted u JOIN input i ON i.tenant_id = u.tenant_id AND i.type = u.type AND i.fingerprint = u.fingerprint`,
    [
      column((d) => d.error.tenant_id),
      column((d) => makeId('seg', Date.parse(d.error.created_at) || Date.now(), Math.random)),
      column((d) => d.error.type),
      column((d) => d.fp),
      column((d) => d.error.code),
      column((d) => d.error.message),
      column((d) => d.error.data),
      column((d) => d.error.provider_id),
      column((d) => d.count),
      column((d) => d.error.created_at),
    ],
  );
  const ids: string[] = [];
  for (const row of rows) ids[row.ord - 1] = row.id;
  return ids;
}

/** Records memberships and marks the errors processed, each in one statement. */
async function markGrouped(client: pg.PoolClient, drafts: GroupDraft[], ids: string[]): Promise<void> {
  const members: [string, string, string][] = [];
  const marks: [string, string, string][] = [];
  drafts.forEach((draft, i) => {
    for (const session of draft.members) members.push([draft.error.tenant_id, session, ids[i]!]);
    for (const error of draft.errors) marks.push([draft.error.tenant_id, error, ids[i]!]);
  });
  members.sort((a, b) => (a.join('\u0000') < b.join('\u0000') ? -1 : 1));
  await client.query(
    `INSERT INTO session_error_group_sessions (tenant_id, session_id, group_id)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`,
    [members.map((m) => m[0]), members.map((m) => m[1]), members.map((m) => m[2])],
  );
  await client.query(
    `UPDATE session_errors e SET status = 'processed', group_id = x.group_id
     FROM unnest($1::text[], $2::text[], $3::text[]) AS x(tenant_id, id, group_id)
     WHERE e.tenant_id = x.tenant_id AND e.id = x.id`,
    [marks.map((m) => m[0]), marks.map((m) => m[1]), marks.map((m) => m[2])],
  );
}

/** Groups up to `batchSize` pending errors (of one tenant, or of any) in one transaction; returns how many. */
export async function groupingStep(client: pg.PoolClient, tenantId: string | undefined, batchSize = 500): Promise<number> {
  const where = tenantId === undefined ? '' : 'tenant_id = $2 AND ';
  const { rows } = await client.query<PendingError>(
    `SELECT ${PENDING_COLUMNS} FROM session_errors WHERE ${where}status = 'processing' ORDER BY tenant_id, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
    tenantId === undefined ? [batchSize] : [batchSize, tenantId],
  );
  if (rows.length === 0) return 0;
  const drafts = draftGroups(rows);
  const ids = await upsertGroups(client, drafts);
  await markGrouped(client, drafts, ids);
  return rows.length;
}
