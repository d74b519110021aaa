// Inserting rows into PostgreSQL in batches: one `INSERT … SELECT FROM unnest(arrays)` per table, so
// a batch of any size is one round trip per table. Callers run these inside a transaction.
import type pg from 'pg';
import type { SeedBatch } from '../seeding.js';
import { errorJsonParts, type ErrorJsonParts, type SessionErrorRow } from '../rows.js';
import { ERROR_COLUMNS, type ImportRecord, type NewErrorRow, type NewEventRow } from '../writes.js';

/** A transaction's client (or anything with `query`). */
export type Queryable = Pick<pg.PoolClient, 'query'>;

/** Inserts `rows` of one tenant: the columns are unnested from one array parameter each. */
export async function insertRows(
  client: Queryable,
  table: string,
  tenantId: string,
  columns: readonly string[],
  rows: readonly object[],
  conflict = 'ON CONFLICT DO NOTHING',
  types: Record<string, string> = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  const arrays = columns.map((column) => rows.map((row) => (row as Record<string, unknown>)[column] ?? null));
  const unnest = columns.map((column, i) => `$${i + 2}::${types[column] ?? 'text'}[]`).join(', ');
  const sql = `INSERT INTO ${table} (tenant_id, ${columns.join(', ')}) SELECT $1::text, * FROM unnest(${unnest}) ${conflict}`;
  return (await client.query(sql, [tenantId, ...arrays])).rowCount ?? 0;
}

// Each error is stored with its fixed JSON parts, which a page reads instead of the columns they hold.
const ERROR_ROW_COLUMNS = [...ERROR_COLUMNS, 'json_head', 'json_mid', 'json_tail'];

/** Errors with their fixed JSON parts, as they are stored. */
export function withJsonParts<Row extends NewErrorRow>(rows: readonly Row[]): (Row & ErrorJsonParts)[] {
  return rows.map((row) => ({ ...row, ...errorJsonParts(row) }));
}

/** Inserts errors of one tenant with their JSON parts (a row without `group_id` is in no group); returns how many were new. */
function insertErrorRows(
  client: Queryable,
  tenantId: string,
  rows: readonly (NewErrorRow & ErrorJsonParts & { group_id?: string | null })[],
  status: SessionErrorRow['status'],
): Promise<number> {
  const stored = rows.map((row) => ({ ...row, status }));
  return insertRows(client, 'session_errors', tenantId, ERROR_ROW_COLUMNS, stored);
}

const EVENT_COLUMNS = ['id', 'session_id', 'type', 'server_run_id', 'server_session_id', 'body', 'created_at'];
const OBSERVABILITY_COLUMNS = ['platform', 'version_key', 'session_id', 'body'];
const OBSERVABILITY_UPSERT = 'ON CONFLICT (tenant_id, platform, version_key, session_id) DO UPDATE SET body = excluded.body';
const GROUP_COLUMNS = ['id', 'type', 'fingerprint', 'code', 'message', 'data', 'provider_id', 'added', 'created_at'];

/** The sessions of these rows, once each (first sight wins). */
function sessionsOf(rows: readonly { session_id: string; created_at: string }[]) {
  const seen = new Map<string, { id: string; created_at: string }>();
  for (const row of rows) if (!seen.has(row.session_id)) seen.set(row.session_id, { id: row.session_id, created_at: row.created_at });
  return [...seen.values()];
}

/** Stores new errors (with their parts, see {@link withJsonParts}) as `processing`, and their sessions; returns how many were new. */
export async function insertErrors(client: Queryable, tenantId: string, rows: readonly (NewErrorRow & ErrorJsonParts)[]): Promise<number> {
  await insertRows(client, 'sessions', tenantId, ['id', 'created_at'], sessionsOf(rows));
  return insertErrorRows(client, tenantId, rows, 'processing');
}

/** Stores one seed batch: sessions, events, observability sessions, group counts, memberships, grouped errors. */
export async function insertSeedBatch(client: Queryable, tenantId: string, batch: SeedBatch): Promise<void> {
  await insertRows(client, 'sessions', tenantId, ['id', 'created_at'], batch.sessions);
  await insertRows(client, 'session_events', tenantId, EVENT_COLUMNS, batch.events);
  await insertRows(client, 'observability_sessions', tenantId, OBSERVABILITY_COLUMNS, batch.observability, OBSERVABILITY_UPSERT);
  // `added` lands in occurrence_count: the unnest's columns are matched by position.
  await client.query(
    `INSERT INTO session_error_groups (tenant_id, id, type, fingerprint, code, message, data, provider_id, occurrence_count, created_at)
     SELECT $1::text, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::integer[], $10::text[])
     ON CONFLICT (tenant_id, type, fingerprint) DO UPDATE SET occurrence_count = session_error_groups.occurrence_count + excluded.occurrence_count`,
    [tenantId, ...GROUP_COLUMNS.map((column) => batch.groups.map((g) => (g as unknown as Record<string, unknown>)[column] ?? null))],
  );
  await insertRows(client, 'session_error_group_sessions', tenantId, ['session_id', 'group_id'], batch.members);
  await insertErrorRows(client, tenantId, withJsonParts(batch.errors), 'processed');
}

/** Stores one import batch; returns how many rows were new. */
export async function insertImport(client: Queryable, tenantId: string, records: readonly ImportRecord[]): Promise<number> {
  const errors: NewErrorRow[] = [];
  const events: NewEventRow[] = [];
  // Keyed, so a key given twice in one batch is one upsert (the last line wins, as one by one).
  const observabilityByKey = new Map<string, Record<string, unknown>>();
  for (const record of records) {
    if (record.kind === 'error') errors.push(record.row);
    else if (record.kind === 'event') events.push(record.row);
    else observabilityByKey.set(JSON.stringify([record.row.platform, record.row.version_key, record.row.session_id]), { ...record.row });
  }
  const observability = [...observabilityByKey.values()];
  let added = await insertErrors(client, tenantId, withJsonParts(errors));
  await insertRows(client, 'sessions', tenantId, ['id', 'created_at'], sessionsOf(events));
  added += await insertRows(client, 'session_events', tenantId, EVENT_COLUMNS, events);
  added += await insertRows(client, 'observability_sessions', tenantId, OBSERVABILITY_COLUMNS, observability, OBSERVABILITY_UPSERT);
  return added;
}
