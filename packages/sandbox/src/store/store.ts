// The SQLite engine of the store contract: the one owner of SQLite's SQL and transactions. Reads come
// from StoreReads (the hot paths); this class adds writes (ingest, import, seed batches), grouping,
// tenants and rate-limit buckets, each one method whose transaction is decided here. Every write takes
// the write lock at BEGIN (IMMEDIATE), so concurrent writers, also in other processes, wait their
// turn instead of failing mid-transaction. No transaction ever spans an `await`.
import type { Database, Statement } from 'better-sqlite3';
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
} from './contract.js';
import { LOCAL_TENANT } from './contract.js';
import { openDatabase } from './database.js';
import { readFixtureIds, type FixtureIds, type Row } from './fixtures.js';
import { createGroupingStep } from './grouping.js';
import { countsSql } from './queries.js';
import { StoreReads } from './reads.js';
import { INDEX_COLUMNS, indexStatements, TENANT_TABLES } from './schema.js';
import type { SeedBatch } from './seeding.js';
import { collectSeed, collectTenantSeed, type LocalSeedClaim } from './seed-runs.js';
import {
  EXPIRED_TENANTS_SQL,
  FORGET_DELETED_SQL,
  PRUNE_RATE_BUCKETS_SQL,
  LIVE,
  hashToken,
  newTenantId,
  newToken,
  refillAndTake,
  TENANT_COUNTS_SQL,
  tenantRefusal,
  TOUCH_EVERY_MS,
} from './tenants.js';
import { RowWriter, type ImportRecord, type NewErrorRow } from './writes.js';

export type { SandboxStore, StoreCounts } from './contract.js';

/** The SQLite store over one better-sqlite3 connection (a file or `:memory:`). */
export class SqliteStore extends StoreReads implements SandboxStore {
  readonly engine = 'sqlite' as const;
  private readonly writer: RowWriter;
  private readonly groupingStep: (tenantId?: string) => number;
  private readonly cached = new Map<string, Statement>();

  /** Opens (and creates, and migrates) the store at a file path or `:memory:`; see {@link openDatabase}. */
  static open(path: string): SqliteStore {
    return new SqliteStore(openDatabase(path));
  }

  constructor(db: Database) {
    super(db);
    this.writer = new RowWriter(db);
    this.groupingStep = createGroupingStep(db);
  }

  private sql(text: string): Statement {
    let statement = this.cached.get(text);
    if (!statement) this.cached.set(text, (statement = this.db.prepare(text)));
    return statement;
  }

  /** Runs `work` in one IMMEDIATE transaction. */
  private write<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  async authenticate(token: string, now = Date.now()): Promise<TenantRef | undefined> {
    const row = this.sql(
      'SELECT t.id, t.kind, t.last_seen_at, t.expires_at FROM tenant_tokens k JOIN tenants t ON t.id = k.tenant_id WHERE k.token_hash = ?',
    ).get(hashToken(token)) as { id: string; kind: 'local' | 'key'; last_seen_at: number; expires_at: number | null } | undefined;
    if (!row || (row.expires_at !== null && row.expires_at <= now)) return undefined;
    // The idle window moves with use: expires_at keeps its distance from last_seen_at.
    if (now - row.last_seen_at > TOUCH_EVERY_MS) {
      this.sql('UPDATE tenants SET expires_at = expires_at + (? - last_seen_at), last_seen_at = ? WHERE id = ?').run(now, now, row.id);
    }
    return { id: row.id, kind: row.kind };
  }

  async setLocalTokens(tokens: readonly string[]): Promise<void> {
    this.write(() => {
      this.insertLocalTenant({ seed: 0, sessions: 0, errors: 0 }, Date.now(), true);
      this.sql('DELETE FROM tenant_tokens WHERE tenant_id = ?').run(LOCAL_TENANT);
      for (const token of tokens)
        this.sql('INSERT OR REPLACE INTO tenant_tokens (token_hash, tenant_id) VALUES (?, ?)').run(hashToken(token), LOCAL_TENANT);
    });
  }

  private insertLocalTenant(seed: SeedSettings, now: number, seeded: boolean): boolean {
    return (
      this.sql(
        `INSERT OR IGNORE INTO tenants (id, kind, created_at, last_seen_at, seed, seed_sessions, seed_errors, seeded_at, heartbeat_at)
         VALUES (?, 'local', ?, ?, ?, ?, ?, ?, ?)`,
      ).run(LOCAL_TENANT, now, now, seed.seed, seed.sessions, seed.errors, seeded ? now : null, now).changes > 0
    );
  }

  /** Decides who seeds the local tenant (see {@link LocalSeedClaim}); one process at a time, under the write lock. */
  claimLocalSeed(seed: SeedSettings | undefined, staleMs: number, now = Date.now()): LocalSeedClaim {
    return this.write(() => {
      if (this.insertLocalTenant(seed ?? { seed: 0, sessions: 0, errors: 0 }, now, seed === undefined)) return seed ? 'seed' : 'ready';
      const row = this.sql('SELECT seeded_at, heartbeat_at FROM tenants WHERE id = ?').get(LOCAL_TENANT) as {
        seeded_at: number | null;
        heartbeat_at: number;
      };
      if (row.seeded_at !== null) return 'ready';
      if (now - row.heartbeat_at < staleMs) return 'wait';
      // The seeding process stopped beating: it died. Start over.
      this.deleteTenantData(LOCAL_TENANT);
      this.sql('UPDATE tenants SET heartbeat_at = ?, row_count = 0 WHERE id = ?').run(now, LOCAL_TENANT);
      return 'restart';
    });
  }

  /** Writes one seed batch in its own transaction, beating the tenant's seeding heartbeat. */
  async writeSeedBatch(tenantId: string, batch: SeedBatch): Promise<void> {
    this.write(() => this.seedBatchNow(tenantId, batch, Date.now()));
  }

  private seedBatchNow(tenantId: string, batch: SeedBatch, now: number): void {
    this.writer.seedBatch(tenantId, batch);
    const rows = batch.errors.length + batch.events.length + batch.observability.length;
    this.sql('UPDATE tenants SET row_count = row_count + ?, heartbeat_at = ? WHERE id = ?').run(rows, now, tenantId);
  }

  /**
   * Before the local tenant's seed into a store that holds no data yet: drops the secondary indexes,
   * so a large seed writes the tables alone (~20× faster); {@link endBulkSeed} builds them once, at
   * the end. Nobody reads meanwhile: other processes wait for this seed.
   */
  async beginBulkSeed(): Promise<void> {
    const empty = this.sql('SELECT (SELECT 1 FROM sessions LIMIT 1) IS NULL AND (SELECT 1 FROM session_errors LIMIT 1) IS NULL').pluck();
    if (!empty.get()) return;
    this.write(() => {
      for (const [, name] of INDEX_COLUMNS) this.db.exec(`DROP INDEX IF EXISTS ${name}`);
    });
  }

  /** Builds any missing secondary index (after a bulk seed, or one that died half way). */
  async endBulkSeed(): Promise<void> {
    this.write(() => this.db.exec(indexStatements()));
  }

  /** Marks a tenant's seed finished. */
  async finishSeed(tenantId: string, now = Date.now()): Promise<void> {
    this.sql('UPDATE tenants SET seeded_at = ? WHERE id = ?').run(now, tenantId);
  }

  async createTenant(input: {
    createdBy: string;
    seed: SeedSettings;
    limits: TenantLimits;
    now?: number;
  }): Promise<CreatedTenant | TenantRefusal> {
    const now = input.now ?? Date.now();
    const check = () => {
      const hourAgo = now - 3_600_000;
      const counts = this.sql(TENANT_COUNTS_SQL).get(input.createdBy, hourAgo, input.createdBy, hourAgo) as Parameters<
        typeof tenantRefusal
      >[0];
      return tenantRefusal(counts, input.limits, now);
    };
    // Checked before the seed is generated (cheap refusals), and again under the lock (exact).
    const early = check();
    if (early) return early;
    const seed = await collectTenantSeed(input.seed, input.limits.rowsPerTenant);
    if ('refused' in seed) return seed;
    const { batches, summary } = seed;
    const id = newTenantId();
    const token = newToken();
    const expiresAt = now + input.limits.idleSeconds * 1000;
    const refused = this.write(() => {
      const refusal = check();
      if (refusal) return refusal;
      this.sql(
        `INSERT INTO tenants (id, kind, created_at, last_seen_at, expires_at, seed, seed_sessions, seed_errors, created_by, row_limit, seeded_at, heartbeat_at)
         VALUES (?, 'key', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        now,
        now,
        expiresAt,
        input.seed.seed,
        input.seed.sessions,
        input.seed.errors,
        input.createdBy,
        input.limits.rowsPerTenant,
        now,
        now,
      );
      this.sql('INSERT INTO tenant_tokens (token_hash, tenant_id) VALUES (?, ?)').run(hashToken(token), id);
      for (const batch of batches) this.seedBatchNow(id, batch, now);
      return undefined;
    });
    return refused ?? { id, token, expiresAt, rowLimit: input.limits.rowsPerTenant, seeded: summary };
  }

  async resetTenant(tenantId: string) {
    const row = this.sql(`SELECT seed, seed_sessions, seed_errors FROM tenants WHERE id = ? AND ${LIVE}`).get(tenantId) as
      { seed: number; seed_sessions: number; seed_errors: number } | undefined;
    if (!row) return undefined;
    const { batches, summary } = await collectSeed({ seed: row.seed, sessions: row.seed_sessions, errors: row.seed_errors });
    // The seed was generated outside the write: a delete may have committed meanwhile, and then nothing is written.
    const done = this.write(() => {
      if (this.sql(`UPDATE tenants SET row_count = 0 WHERE id = ? AND ${LIVE}`).run(tenantId).changes === 0) return false;
      this.deleteTenantData(tenantId);
      for (const batch of batches) this.seedBatchNow(tenantId, batch, Date.now());
      return true;
    });
    return done ? summary : undefined;
  }

  private deleteTenantData(tenantId: string): void {
    for (const table of TENANT_TABLES) this.sql(`DELETE FROM ${table} WHERE tenant_id = ?`).run(tenantId);
  }

  async deleteTenant(tenantId: string, now = Date.now()): Promise<void> {
    this.write(() => {
      this.deleteTenantData(tenantId);
      this.sql('DELETE FROM tenant_tokens WHERE tenant_id = ?').run(tenantId);
      // A self-service tenant's row stays (marked) for the per-address limit; the local tenant's goes.
      this.sql("UPDATE tenants SET deleted_at = ?, expires_at = NULL WHERE id = ? AND kind = 'key'").run(now, tenantId);
      this.sql("DELETE FROM tenants WHERE id = ? AND kind = 'local'").run(tenantId);
    });
  }

  async sweepExpiredTenants(now = Date.now()): Promise<number> {
    const expired = this.sql(EXPIRED_TENANTS_SQL).pluck().all(now) as string[];
    for (const id of expired) await this.deleteTenant(id, now);
    this.sql(FORGET_DELETED_SQL).run(now - 3_600_000);
    return expired.length;
  }

  async tenantExpiry(tenantId: string): Promise<number | undefined> {
    return (this.sql('SELECT expires_at FROM tenants WHERE id = ?').pluck().get(tenantId) as number | null | undefined) ?? undefined;
  }

  async ingestErrors(tenantId: string, rows: readonly NewErrorRow[]): Promise<IngestResult> {
    return this.write((): IngestResult => {
      const counted = this.sql(
        `UPDATE tenants SET row_count = row_count + ? WHERE id = ? AND ${LIVE} AND (row_limit IS NULL OR row_count + ? <= row_limit)`,
      ).run(rows.length, tenantId, rows.length);
      if (counted.changes === 0) {
        const tenant = this.sql(`SELECT row_limit FROM tenants WHERE id = ? AND ${LIVE}`).get(tenantId) as
          { row_limit: number | null } | undefined;
        return tenant ? { rowLimit: tenant.row_limit ?? 0 } : { gone: true };
      }
      for (const row of rows) this.writer.error(tenantId, row);
      const stored: string[] = [];
      for (const row of rows) stored.push(this.errorRow(tenantId, row.id)!.json);
      return { stored };
    });
  }

  async importBatch(tenantId: string, records: readonly ImportRecord[]): Promise<void> {
    this.write(() => {
      let added = 0;
      for (const record of records) added += this.writer.record(tenantId, record);
      this.sql('UPDATE tenants SET row_count = row_count + ? WHERE id = ?').run(added, tenantId);
    });
  }

  async groupPending(tenantId?: string): Promise<number> {
    return this.groupingStep(tenantId);
  }

  async groupAllPending(tenantId?: string): Promise<number> {
    let total = 0;
    for (let grouped = this.groupingStep(tenantId); grouped > 0; grouped = this.groupingStep(tenantId)) total += grouped;
    return total;
  }

  async fixtureIds(tenantId: string): Promise<FixtureIds | undefined> {
    return readFixtureIds(async (sql, ...args) => this.sql(sql).get(...args) as Row | undefined, tenantId);
  }

  async counts(tenantId?: string): Promise<StoreCounts> {
    if (tenantId === undefined) return this.sql(countsSql('')).get() as StoreCounts;
    return this.sql(countsSql('WHERE tenant_id = @tenant')).get({ tenant: tenantId }) as StoreCounts;
  }

  async takeRateToken(key: string, capacity: number, refillPerSecond: number, now = Date.now()): Promise<BucketTake> {
    return this.write(() => {
      const row = this.sql('SELECT tokens, updated_ms FROM rate_limit_buckets WHERE key = ?').get(key) as
        { tokens: number; updated_ms: number } | undefined;
      const taken = refillAndTake(row?.tokens ?? capacity, row ? now - row.updated_ms : 0, capacity, refillPerSecond);
      this.sql('INSERT OR REPLACE INTO rate_limit_buckets (key, tokens, updated_ms) VALUES (?, ?, ?)').run(key, taken.tokens, now);
      return taken;
    });
  }

  async pruneRateBuckets(untouchedBefore = Number.MIN_SAFE_INTEGER): Promise<number> {
    return this.write(() => this.sql(PRUNE_RATE_BUCKETS_SQL).run(untouchedBefore).changes);
  }

  /** Refreshes the query planner's statistics (after a large seed or import). */
  async optimize(): Promise<void> {
    this.db.exec('PRAGMA optimize');
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
