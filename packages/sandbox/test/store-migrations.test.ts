// PostgreSQL's migration 2 stores each error's JSON around the fields that change after insert
// (`json_head`, `json_mid`, `json_tail`), and a page reads those. Rows written before it (by an earlier
// build) get their parts from the migration, and rows an earlier build's replica inserts after it (a
// rolling upgrade) from a trigger. Whichever way a row came in, it reads as `JSON.stringify` of the
// object, byte for byte, with quotes, backslashes, control and non-ASCII characters in its strings.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { POSTGRES_MIGRATIONS } from '../src/store/postgres/schema.js';
import { PgStore } from '../src/store/postgres/store.js';
import { ERROR_COLUMNS, type NewErrorRow } from '../src/store/writes.js';
import { createTestDatabase } from './support/postgres.js';

const TENANT = 'ten_migrated';
const TRICKY = ['a quote " and a backslash \\ ', 'controls \u0001\u001f\b\f\n\r\t', 'DEL \u007f, U+2028 \u2028, é, 😀, </script>'];

/** Error `n`, its strings tricky. */
function errorRow(n: number): NewErrorRow {
  const tricky = TRICKY[n % TRICKY.length]!;
  return {
    id: `ser_m${n}`,
    session_id: `ses_m${n % 2}`,
    type: 'message_processing_timeout',
    code: `CODE_${n} ${tricky}`,
    message: `message ${n}: ${tricky}`,
    data: JSON.stringify({ n, text: tricky }),
    provider_run_id: n % 2 ? `spr_${n}` : null,
    provider_id: null,
    connection_id: n % 2 ? null : `con_${n} ${tricky}`,
    session_provider_id: null,
    session_message_id: null,
    created_at: `2026-01-0${1 + (n % 9)}T00:00:00.000Z`,
  };
}

/** The API's `session.error` for a row, as `JSON.stringify` writes it. */
function expected(r: NewErrorRow, status: string, groupId: string | null, count: number): string {
  return JSON.stringify({
    object: 'session.error',
    id: r.id,
    code: r.code,
    message: r.message,
    data: JSON.parse(r.data),
    status,
    session_id: r.session_id,
    provider_run_id: r.provider_run_id,
    connection_id: r.connection_id,
    group_id: groupId,
    similar_error_count: count,
    created_at: r.created_at,
  });
}

/** Inserts rows as a build before migration 2 does: its columns only. */
async function insertAsEarlierBuild(client: pg.Client, rows: NewErrorRow[]): Promise<void> {
  const placeholders = ERROR_COLUMNS.map((_, i) => `$${i + 2}`).join(', ');
  for (const row of rows) {
    const values = ERROR_COLUMNS.map((c) => (c === 'status' ? 'processing' : c === 'group_id' ? null : row[c]));
    await client.query(`INSERT INTO session_errors (tenant_id, ${ERROR_COLUMNS.join(', ')}) VALUES ($1, ${placeholders})`, [
      TENANT,
      ...values,
    ]);
  }
}

describe('PostgreSQL migration 2: errors keep their JSON parts', () => {
  const before = [0, 1, 2].map(errorRow);
  const rolling = [3, 4, 5].map(errorRow);
  const ingested = [6, 7, 8].map(errorRow);
  const all = [...before, ...rolling, ...ingested];
  let client: pg.Client;
  let store: PgStore;
  let answered: string[];

  beforeAll(async () => {
    const url = await createTestDatabase(inject('postgresUrl'), 'migrations');
    client = new pg.Client({ connectionString: url });
    await client.connect();
    // The database as a build with migration 1 only left it, with errors in it.
    await client.query(
      'CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    await client.query(POSTGRES_MIGRATIONS[0]!.sql);
    await client.query('INSERT INTO schema_migrations (version, name) VALUES (1, $1)', [POSTGRES_MIGRATIONS[0]!.name]);
    await client.query(
      "INSERT INTO tenants (id, kind, created_at, last_seen_at, seed, seed_sessions, seed_errors) VALUES ($1, 'key', 0, 0, 1, 0, 0)",
      [TENANT],
    );
    await insertAsEarlierBuild(client, before);
    store = await PgStore.open(url, { readConnections: 1 });
    await insertAsEarlierBuild(client, rolling);
    const result = await store.ingestErrors(TENANT, ingested);
    answered = 'stored' in result ? result.stored : [];
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await client?.end();
  });

  it('is applied once, after the first', async () => {
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(POSTGRES_MIGRATIONS.map((m) => m.version));
  });

  it('rows from before it, from an earlier replica after it, and ingested all read as the same bytes', async () => {
    expect(answered).toEqual(ingested.map((r) => expected(r, 'processing', null, 0)));
    const page = await store.listErrors(TENANT, {}, { limit: 100, order: 'asc' });
    expect(page.rows).toEqual(all.map((r) => expected(r, 'processing', null, 0)));
    for (const r of all) expect((await store.getError(TENANT, r.id))?.json).toBe(expected(r, 'processing', null, 0));
  });

  it('grouping changes only status, group and count', async () => {
    expect(await store.groupAllPending(TENANT)).toBe(all.length);
    const page = await store.listErrors(TENANT, {}, { limit: 100, order: 'asc' });
    expect(page.rows).toHaveLength(all.length);
    page.rows.forEach((text, i) => {
      const object = JSON.parse(text) as { group_id: string | null; similar_error_count: number };
      expect(object.group_id).toMatch(/^\S+$/);
      expect(object.similar_error_count).toBeGreaterThanOrEqual(1);
      expect(text).toBe(expected(all[i]!, 'processed', object.group_id, object.similar_error_count));
    });
  });

  it('groups, built in the query, read as JSON.stringify writes them (a null provider_id included)', async () => {
    const groups = await store.listGroups(TENANT, {}, { limit: 100, order: 'asc' });
    expect(groups.rows.length).toBeGreaterThan(1);
    for (const text of groups.rows) {
      const group = JSON.parse(text) as { id: string; provider_id: string | null; message: string };
      expect(group.provider_id).toBeNull();
      expect(TRICKY.some((tricky) => group.message.includes(tricky))).toBe(true);
      // Re-serialised, the same bytes: every string escaped exactly as JSON.stringify escapes it.
      expect(text).toBe(JSON.stringify(group));
      expect((await store.getGroup(TENANT, group.id))?.json).toBe(text);
    }
  });
});
