// The PostgreSQL engine of the store contract: reads from PgReads, and every write one transaction on
// one pooled client. What must hold across replicas is decided in the database: tenant limits under a
// transaction-scoped advisory lock, the row limit by a conditional UPDATE in the ingest transaction,
// grouping by `FOR UPDATE SKIP LOCKED`, rate-limit buckets by one atomic upsert per take.
import type pg from 'pg';
import type {
  BucketTake,
  CreatedTenant,
  IngestResult,
  SandboxStore,
  SeedSettings,
  StoreCounts,
  TenantLimits,
  TenantRef,
  TenantRefusal,
} from '../contract.js';
import { LOCAL_TENANT } from '../contract.js';
import { readFixtureIds, type FixtureIds, type Row } from '../fixtures.js';
import { countsSql } from '../queries.js';
import { errorJson } from '../rows.js';
import { TENANT_TABLES } from '../schema.js';
import { collectSeed, collectTenantSeed, type LocalSeedClaim } from '../seed-runs.js';
import type { SeedBatch } from '../seeding.js';
import {
  EXPIRED_TENANTS_SQL,
  FORGET_DELETED_SQL,
  LIVE,
  PRUNE_RATE_BUCKETS_SQL,
  hashToken,
  newTenantId,
  newToken,
  TENANT_COUNTS_SQL,
  tenantRefusal,
  TOUCH_EVERY_MS,
} from '../tenants.js';
import type { ImportRecord, NewErrorRow } from '../writes.js';
import { TokenCache, type Found } from '../token-cache.js';
import { clientConfig, openPool } from './connect.js';
import { groupingStep } from './grouping.js';
import { numbered, PgReads } from './reads.js';
import { ReadLane } from './read-lane.js';
import { insertErrors, insertImport, insertSeedBatch, withJsonParts } from './writes.js';

const TENANTS_LOCK = 0x5e551012;
const TOKEN_CACHE_MS = 1000;
/**
 * Pipelined connections for the API's reads, beside the pool; 0 sends them through the pool. Two by
 * default: measured side by side at 50 connections (the README's benchmark), the lane gave more list
 * throughput with two replicas in every run, faster gets, and no more CPU per request; its list
 * latency tail was mostly no wider than the pool's on a quiet host, and wider under a loaded one.
 */
export const DEFAULT_READ_CONNECTIONS = 2;
const RETRYABLE = new Set(['40001', '40P01']);

// One atomic statement per take: refill by the elapsed time, take one token when there is one.
const TAKE_SQL = `INSERT INTO rate_limit_buckets AS b (key, tokens, updated_ms, last_allowed) VALUES ($1, $2::double precision - 1, $4, true)
  ON CONFLICT (key) DO UPDATE SET
    tokens = CASE WHEN LEAST($2, b.tokens + GREATEST(0, $4 - b.updated_ms) / 1000.0 * $3) >= 1
      THEN LEAST($2, b.tokens + GREATEST(0, $4 - b.updated_ms) / 1000.0 * $3) - 1
      ELSE LEAST($2, b.tokens + GREATEST(0, $4 - b.updated_ms) / 1000.0 * $3) END,
    last_allowed = LEAST($2, b.tokens + GREATEST(0, $4 - b.updated_ms) / 1000.0 * $3) >= 1,
    updated_ms = GREATEST(b.updated_ms, $4)
  RETURNING tokens, last_allowed`;

/** The PostgreSQL store over a pool; several processes may share one database. */
export class PgStore extends PgReads implements SandboxStore {
  readonly engine = 'postgres' as const;
  // Accepted tokens for TOKEN_CACHE_MS: one query less per request. This process forgets a tenant's
  // tokens when it deletes the tenant; another replica may accept them for at most that long.
  private readonly tokens = new TokenCache<TenantRef>((token, now) => this.findTenant(token, now), TOKEN_CACHE_MS);

  /**
   * Connects to `url`, migrating the schema (one-line StoreOpenError when it cannot). The API's reads
   * go over `readConnections` pipelined connections (default {@link DEFAULT_READ_CONNECTIONS}); with 0
   * they go through the pool with everything else.
   */
  static async open(url: string, options: { poolSize?: number; readConnections?: number } = {}): Promise<PgStore> {
    // The lane first: its size is checked before any connection is opened (it connects on first use).
    const readConnections = options.readConnections ?? DEFAULT_READ_CONNECTIONS;
    const lane = readConnections > 0 ? new ReadLane(clientConfig(url), readConnections) : undefined;
    return new PgStore(await openPool(url, { max: options.poolSize }), lane);
  }

  /** Runs `work` in one transaction on one client, retried on a deadlock or serialization failure. */
  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      // A checked-out client whose connection drops between two queries emits `error`: without a listener
      // that would crash the process (the pool's own listener covers idle clients only). The query in
      // flight fails anyway, and the broken client is discarded below.
      let lost: unknown;
      const onLost = (error: unknown) => (lost = error);
      client.on('error', onLost);
      try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        if (attempt < 5 && RETRYABLE.has(String((error as { code?: string }).code))) continue;
        throw error;
      } finally {
        client.off('error', onLost);
        client.release(lost instanceof Error ? lost : undefined);
      }
    }
  }

  authenticate(token: string, now = Date.now()): Promise<TenantRef | undefined> {
    return this.tokens.get(token, now);
  }

  /** The tenant of a token (undefined: unknown), moving its idle expiry when it was last seen a while ago. */
  private async findTenant(token: string, now: number): Promise<Found<TenantRef> | undefined> {
    const [row] = await this.rows<{ id: string; kind: 'local' | 'key'; last_seen_at: number; expires_at: number | null }>(
      'SELECT t.id, t.kind, t.last_seen_at, t.expires_at FROM tenant_tokens k JOIN tenants t ON t.id = k.tenant_id WHERE k.token_hash = $1',
      [hashToken(token)],
    );
    if (!row || (row.expires_at !== null && row.expires_at <= now)) return undefined;
    if (now - row.last_seen_at > TOUCH_EVERY_MS) {
      await this.pool.query(
        'UPDATE tenants SET expires_at = expires_at + ($1 - last_seen_at), last_seen_at = $1 WHERE id = $2 AND last_seen_at < $1',
        [now, row.id],
      );
    }
    return { value: { id: row.id, kind: row.kind }, expiresAt: row.expires_at };
  }

  private async insertLocalTenant(client: pg.PoolClient, seed: SeedSettings, now: number, seeded: boolean): Promise<boolean> {
    const result = await client.query(
      `INSERT INTO tenants (id, kind, created_at, last_seen_at, seed, seed_sessions, seed_errors, seeded_at, heartbeat_at)
       VALUES ($1, 'local', $2, $2, $3, $4, $5, $6, $2) ON CONFLICT (id) DO NOTHING`,
      [LOCAL_TENANT, now, seed.seed, seed.sessions, seed.errors, seeded ? now : null],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async setLocalTokens(tokens: readonly string[]): Promise<void> {
    this.tokens.clear();
    await this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [TENANTS_LOCK]);
      await this.insertLocalTenant(client, { seed: 0, sessions: 0, errors: 0 }, Date.now(), true);
      await client.query('DELETE FROM tenant_tokens WHERE tenant_id = $1', [LOCAL_TENANT]);
      await client.query(
        'INSERT INTO tenant_tokens (token_hash, tenant_id) SELECT h, $1 FROM unnest($2::text[]) AS h ON CONFLICT (token_hash) DO UPDATE SET tenant_id = excluded.tenant_id',
        [LOCAL_TENANT, tokens.map(hashToken)],
      );
    });
    this.tokens.clear();
  }

  /** Decides who seeds the local tenant, under the tenants' advisory lock (see LocalSeedClaim). */
  async claimLocalSeed(seed: SeedSettings | undefined, staleMs: number, now = Date.now()): Promise<LocalSeedClaim> {
    return this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [TENANTS_LOCK]);
      if (await this.insertLocalTenant(client, seed ?? { seed: 0, sessions: 0, errors: 0 }, now, seed === undefined))
        return seed ? 'seed' : 'ready';
      const { rows } = await client.query('SELECT seeded_at, heartbeat_at FROM tenants WHERE id = $1', [LOCAL_TENANT]);
      if (rows[0].seeded_at !== null) return 'ready';
      if (now - rows[0].heartbeat_at < staleMs) return 'wait';
      await this.deleteData(client, LOCAL_TENANT);
      await client.query('UPDATE tenants SET heartbeat_at = $1, row_count = 0 WHERE id = $2', [now, LOCAL_TENANT]);
      return 'restart';
    });
  }

  private async seedBatch(client: pg.PoolClient, tenantId: string, batch: SeedBatch, now: number): Promise<void> {
    await insertSeedBatch(client, tenantId, batch);
    const rows = batch.errors.length + batch.events.length + batch.observability.length;
    await client.query('UPDATE tenants SET row_count = row_count + $1, heartbeat_at = $2 WHERE id = $3', [rows, now, tenantId]);
  }

  /** Writes one seed batch in its own transaction, beating the tenant's seeding heartbeat. */
  async writeSeedBatch(tenantId: string, batch: SeedBatch): Promise<void> {
    await this.transaction((client) => this.seedBatch(client, tenantId, batch, Date.now()));
  }

  /** Marks a tenant's seed finished. */
  async finishSeed(tenantId: string, now = Date.now()): Promise<void> {
    await this.pool.query('UPDATE tenants SET seeded_at = $1 WHERE id = $2', [now, tenantId]);
  }

  private async refusal(client: Pick<pg.PoolClient, 'query'>, createdBy: string, limits: TenantLimits, now: number) {
    const hourAgo = now - 3_600_000;
    const { rows } = await client.query(numbered(TENANT_COUNTS_SQL), [createdBy, hourAgo, createdBy, hourAgo]);
    return tenantRefusal(rows[0], limits, now);
  }

  async createTenant(input: {
    createdBy: string;
    seed: SeedSettings;
    limits: TenantLimits;
    now?: number;
  }): Promise<CreatedTenant | TenantRefusal> {
    const now = input.now ?? Date.now();
    const early = await this.refusal(this.pool, input.createdBy, input.limits, now);
    if (early) return early;
    const seed = await collectTenantSeed(input.seed, input.limits.rowsPerTenant);
    if ('refused' in seed) return seed;
    const { batches, summary } = seed;
    const id = newTenantId();
    const token = newToken();
    const expiresAt = now + input.limits.idleSeconds * 1000;
    const refused = await this.transaction(async (client) => {
      // One creator at a time across replicas: the counts checked here are the counts the insert sees.
      await client.query('SELECT pg_advisory_xact_lock($1)', [TENANTS_LOCK]);
      const refusal = await this.refusal(client, input.createdBy, input.limits, now);
      if (refusal) return refusal;
      await client.query(
        `INSERT INTO tenants (id, kind, created_at, last_seen_at, expires_at, seed, seed_sessions, seed_errors, created_by, row_limit, seeded_at, heartbeat_at)
         VALUES ($1, 'key', $2, $2, $3, $4, $5, $6, $7, $8, $2, $2)`,
        [id, now, expiresAt, input.seed.seed, input.seed.sessions, input.seed.errors, input.createdBy, input.limits.rowsPerTenant],
      );
      await client.query('INSERT INTO tenant_tokens (token_hash, tenant_id) VALUES ($1, $2)', [hashToken(token), id]);
      for (const batch of batches) await this.seedBatch(client, id, batch, now);
      return undefined;
    });
    return refused ?? { id, token, expiresAt, rowLimit: input.limits.rowsPerTenant, seeded: summary };
  }

  private async deleteData(client: pg.PoolClient, tenantId: string): Promise<void> {
    for (const table of TENANT_TABLES) await client.query(`DELETE FROM ${table} WHERE tenant_id = $1`, [tenantId]);
  }

  async resetTenant(tenantId: string) {
    const [row] = await this.rows<{ seed: number; seed_sessions: number; seed_errors: number }>(
      `SELECT seed, seed_sessions, seed_errors FROM tenants WHERE id = $1 AND ${LIVE}`,
      [tenantId],
    );
    if (!row) return undefined;
    const { batches, summary } = await collectSeed({ seed: row.seed, sessions: row.seed_sessions, errors: row.seed_errors });
    const done = await this.transaction(async (client) => {
      // The tenant's row first: concurrent ingest of this tenant waits for the reset to end, and a delete
      // that committed since the seed was read leaves no row to claim (then nothing is written).
      const claimed = await client.query(`UPDATE tenants SET row_count = 0 WHERE id = $1 AND ${LIVE}`, [tenantId]);
      if (claimed.rowCount === 0) return false;
      await this.deleteData(client, tenantId);
      for (const batch of batches) await this.seedBatch(client, tenantId, batch, Date.now());
      return true;
    });
    return done ? summary : undefined;
  }

  async deleteTenant(tenantId: string, now = Date.now()): Promise<void> {
    this.tokens.forget((tenant) => tenant.id === tenantId);
    await this.transaction(async (client) => {
      await client.query('DELETE FROM tenant_tokens WHERE tenant_id = $1', [tenantId]);
      // A self-service tenant's row stays (marked) for the per-address limit; the local tenant's goes.
      await client.query("UPDATE tenants SET deleted_at = $1, expires_at = NULL WHERE id = $2 AND kind = 'key'", [now, tenantId]);
      await client.query("DELETE FROM tenants WHERE id = $1 AND kind = 'local'", [tenantId]);
      await this.deleteData(client, tenantId);
    });
    // Again after the commit: a lookup that read the tokens before it must not keep them.
    this.tokens.forget((tenant) => tenant.id === tenantId);
  }

  async sweepExpiredTenants(now = Date.now()): Promise<number> {
    const expired = await this.poolRows<{ id: string }>(numbered(EXPIRED_TENANTS_SQL), [now]);
    for (const { id } of expired) await this.deleteTenant(id, now);
    await this.pool.query(numbered(FORGET_DELETED_SQL), [now - 3_600_000]);
    return expired.length;
  }

  async tenantExpiry(tenantId: string): Promise<number | undefined> {
    const [row] = await this.rows<{ expires_at: number | null }>('SELECT expires_at FROM tenants WHERE id = $1', [tenantId]);
    return row?.expires_at ?? undefined;
  }

  async ingestErrors(tenantId: string, rows: readonly NewErrorRow[]): Promise<IngestResult> {
    return this.transaction(async (client): Promise<IngestResult> => {
      const counted = await client.query(
        `UPDATE tenants SET row_count = row_count + $1 WHERE id = $2 AND ${LIVE} AND (row_limit IS NULL OR row_count + $1 <= row_limit) RETURNING row_count`,
        [rows.length, tenantId],
      );
      if (counted.rowCount === 0) {
        const { rows: limit } = await client.query(`SELECT row_limit FROM tenants WHERE id = $1 AND ${LIVE}`, [tenantId]);
        return limit[0] ? { rowLimit: Number(limit[0].row_limit ?? 0) } : { gone: true };
      }
      const stored = withJsonParts(rows);
      await insertErrors(client, tenantId, stored);
      // As stored: new errors are `processing`, in no group yet.
      return { stored: stored.map((row) => errorJson({ ...row, status: 'processing', group_id: null, occurrence_count: 0 })) };
    });
  }

  async importBatch(tenantId: string, records: readonly ImportRecord[]): Promise<void> {
    await this.transaction(async (client) => {
      const added = await insertImport(client, tenantId, records);
      await client.query('UPDATE tenants SET row_count = row_count + $1 WHERE id = $2', [added, tenantId]);
    });
  }

  async groupPending(tenantId?: string): Promise<number> {
    return this.transaction((client) => groupingStep(client, tenantId));
  }

  async groupAllPending(tenantId?: string): Promise<number> {
    let total = 0;
    for (let grouped = await this.groupPending(tenantId); grouped > 0; grouped = await this.groupPending(tenantId)) total += grouped;
    return total;
  }

  async fixtureIds(tenantId: string): Promise<FixtureIds | undefined> {
    return readFixtureIds(async (sql, ...args) => (await this.poolRows<Row>(numbered(sql), args))[0], tenantId);
  }

  async counts(tenantId?: string): Promise<StoreCounts> {
    const [row] = await this.poolRows<StoreCounts>(
      countsSql(tenantId === undefined ? '' : 'WHERE tenant_id = $1'),
      tenantId === undefined ? [] : [tenantId],
    );
    return row!;
  }

  async takeRateToken(key: string, capacity: number, refillPerSecond: number, now = Date.now()): Promise<BucketTake> {
    const [row] = await this.poolRows<{ tokens: number; last_allowed: boolean }>(TAKE_SQL, [key, capacity, refillPerSecond, now]);
    return { allowed: row!.last_allowed, tokens: row!.tokens };
  }

  async pruneRateBuckets(untouchedBefore = Number.MIN_SAFE_INTEGER): Promise<number> {
    return (await this.pool.query(numbered(PRUNE_RATE_BUCKETS_SQL), [untouchedBefore])).rowCount ?? 0;
  }

  /** Refreshes the planner's statistics (after a large seed or import). */
  async optimize(): Promise<void> {
    await this.pool.query('ANALYZE');
  }

  /** The pool answers, and so does every connection of the read lane (the API's reads need both). */
  async ping(): Promise<void> {
    await Promise.all([this.pool.query('SELECT 1'), this.lane?.ping()]);
  }

  async close(): Promise<void> {
    await Promise.all([this.lane?.close(), this.pool.end()]);
  }
}
