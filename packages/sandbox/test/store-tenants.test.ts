// The store contract, the same table-driven suite on both engines (SQLite and a real PostgreSQL):
// tenants never see each other's data, tokens are stored only as hashes, the limits hold, expiry and
// reset and delete do what they say, and both engines give byte-identical answers for the same seed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineStore } from '../src/prepare-store.js';
import { LOCAL_TENANT, type CreatedTenant, type TenantLimits } from '../src/store/contract.js';
import { prepareLocalTenant } from '../src/store/seed-runs.js';
import { tokenBucketKey } from '../src/store/tenants.js';
import { BUCKET_MARGIN_MS, bucketFullAfterMs, startTenantSweeper } from '../src/tenant-sweeper.js';
import type { NewErrorRow } from '../src/store/writes.js';
import { freshStore, STORE_ENGINES } from './support/engines.js';

const LIMITS: TenantLimits = { perAddressPerHour: 100, total: 100, rowsPerTenant: 1000, idleSeconds: 600 };
const page = { limit: 100, order: 'asc' as const };

function errorRow(id: string, sessionId: string, message: string): NewErrorRow {
  return {
    id,
    session_id: sessionId,
    type: 'message_processing_timeout',
    code: 'TEST',
    message,
    data: '{}',
    provider_run_id: null,
    provider_id: null,
    connection_id: null,
    session_provider_id: null,
    session_message_id: null,
    created_at: '2026-01-01T00:00:00.000Z',
  };
}

async function created(store: EngineStore, input: Partial<Parameters<EngineStore['createTenant']>[0]> = {}): Promise<CreatedTenant> {
  const result = await store.createTenant({ createdBy: '10.0.0.1', seed: { seed: 1, sessions: 3, errors: 60 }, limits: LIMITS, ...input });
  if ('refused' in result) throw new Error(`refused: ${result.refused}`);
  return result;
}

/** Every item of a list, walked page by page with `after`. */
async function allErrors(store: EngineStore, tenant: string): Promise<string[]> {
  const items: string[] = [];
  let after: string | undefined;
  for (;;) {
    const result = await store.listErrors(tenant, {}, { limit: 7, order: 'asc', ...(after ? { after } : {}) });
    items.push(...result.rows);
    if (!result.hasMoreAfter) return items;
    after = JSON.parse(result.rows.at(-1)!).id;
  }
}

describe.each(STORE_ENGINES)('the store on $label', (engine) => {
  let store: EngineStore;
  let location: string;
  beforeAll(async () => {
    ({ store, location } = await freshStore(engine));
  });
  afterAll(async () => store?.close());

  it('keeps tenants apart: ids of another tenant are unknown, lists and counts never mix', async () => {
    const a = await created(store, { seed: { seed: 1, sessions: 3, errors: 60 } });
    const b = await created(store, { seed: { seed: 2, sessions: 3, errors: 60 } });
    const aErrors = (await allErrors(store, a.id)).map((json) => JSON.parse(json));
    const bErrors = (await allErrors(store, b.id)).map((json) => JSON.parse(json));
    expect(aErrors).toHaveLength(60);
    expect(bErrors).toHaveLength(60);
    const first = aErrors[0];
    expect(await store.getError(b.id, first.id)).toBeUndefined();
    expect(await store.getGroup(b.id, first.group_id)).toBeUndefined();
    expect(await store.hasSession(b.id, first.session_id)).toBe(false);
    expect(await store.groupInSession(b.id, first.session_id, first.group_id)).toBe(false);
    expect((await store.listErrors(b.id, { id: [first.id] }, page)).rows).toEqual([]);
    expect(await store.counts(a.id)).toMatchObject({ sessions: 3, session_errors: 60 });
    expect((await store.counts()).session_errors).toBe(120);
    // The same message in both tenants: a group each, each counting only its own error.
    const message = `shared message ${engine.name}`;
    await store.ingestErrors(a.id, [errorRow('ser_zzshared00000001', 'ses_shared0000001', message)]);
    await store.ingestErrors(b.id, [errorRow('ser_zzshared00000001', 'ses_shared0000001', message)]);
    await store.groupAllPending();
    const inA = JSON.parse((await store.getError(a.id, 'ser_zzshared00000001'))!.json);
    const inB = JSON.parse((await store.getError(b.id, 'ser_zzshared00000001'))!.json);
    expect(inA.group_id).not.toBe(inB.group_id);
    expect([inA.similar_error_count, inB.similar_error_count]).toEqual([1, 1]);
    expect(await store.getGroup(b.id, inA.group_id)).toBeUndefined();
  });

  it('stores tokens only as hashes: a dump of the tenant tables holds no token', async () => {
    const tenant = await created(store);
    expect(await store.authenticate(tenant.token)).toEqual({ id: tenant.id, kind: 'key' });
    expect(await store.authenticate(`${tenant.token}x`)).toBeUndefined();
    const dump = JSON.stringify([
      await engine.query(location, 'SELECT * FROM tenants'),
      await engine.query(location, 'SELECT * FROM tenant_tokens'),
    ]);
    expect(dump).toContain(tenant.id);
    expect(dump).not.toContain(tenant.token);
    expect(dump).not.toContain(tenant.token.slice(4));
  });

  it('refuses an ingest past the row limit as a whole, and counts stay as they were', async () => {
    const tenant = await created(store, { limits: { ...LIMITS, rowsPerTenant: 110 } });
    const before = await store.counts(tenant.id);
    const rows = (n: number, from: number) =>
      Array.from({ length: n }, (_, i) => errorRow(`ser_zzlimit${String(from + i).padStart(8, '0')}`, 'ses_limit00000001', `m ${i}`));
    const used = before.session_errors + before.session_events + before.observability_sessions;
    expect(await store.ingestErrors(tenant.id, rows(110 - used + 1, 0))).toEqual({ rowLimit: 110 });
    expect(await store.counts(tenant.id)).toEqual(before);
    expect(await store.ingestErrors(tenant.id, rows(110 - used, 0))).toHaveProperty('stored');
    expect(await store.ingestErrors(tenant.id, rows(1, 500))).toEqual({ rowLimit: 110 });
  });

  it('limits tenants per address per hour and in total', async () => {
    const limits = { ...LIMITS, perAddressPerHour: 2, total: 1000 };
    const now = Date.now();
    for (let i = 0; i < 2; i++) await created(store, { createdBy: '192.0.2.7', limits, now });
    const refused = await store.createTenant({ createdBy: '192.0.2.7', seed: { seed: 1, sessions: 1, errors: 1 }, limits, now });
    expect(refused).toMatchObject({ refused: 'address_limit' });
    expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(3500);
    // An hour later the address may create again.
    await created(store, { createdBy: '192.0.2.7', limits, now: now + 3_600_001 });
    const total = Number(
      (await engine.query(location, "SELECT count(*) AS n FROM tenants WHERE kind = 'key' AND deleted_at IS NULL"))[0]!.n,
    );
    const full = await store.createTenant({
      createdBy: '192.0.2.8',
      seed: { seed: 1, sessions: 1, errors: 1 },
      limits: { ...limits, total },
    });
    expect(full).toMatchObject({ refused: 'total_limit' });
  });

  it('expires idle tenants (use moves the expiry) and the sweeper removes them with their data', async () => {
    const t0 = Date.now();
    const tenant = await created(store, { now: t0, limits: { ...LIMITS, idleSeconds: 60 } });
    expect(await store.tenantExpiry(tenant.id)).toBe(t0 + 60_000);
    expect(await store.authenticate(tenant.token, t0 + 40_000)).toBeDefined();
    expect(await store.tenantExpiry(tenant.id)).toBe(t0 + 100_000);
    expect(await store.sweepExpiredTenants(t0 + 90_000)).toBe(0);
    expect(await store.authenticate(tenant.token, t0 + 100_001)).toBeUndefined();
    expect(await store.sweepExpiredTenants(t0 + 100_001)).toBeGreaterThanOrEqual(1);
    expect(await store.counts(tenant.id)).toMatchObject({ sessions: 0, session_errors: 0, session_error_groups: 0, session_events: 0 });
  });

  it('resets a tenant to its seed, and deletes it with its data', async () => {
    const tenant = await created(store);
    const seeded = await allErrors(store, tenant.id);
    await store.ingestErrors(tenant.id, [errorRow('ser_zzreset0000001', 'ses_reset00000001', 'gone after reset')]);
    const summary = await store.resetTenant(tenant.id);
    expect(summary).toMatchObject({ sessions: 3, errors: 60 });
    expect(await allErrors(store, tenant.id)).toEqual(seeded);
    await store.deleteTenant(tenant.id);
    expect(await store.authenticate(tenant.token)).toBeUndefined();
    expect(await store.counts(tenant.id)).toMatchObject({ sessions: 0, session_errors: 0, observability_sessions: 0 });
  });

  it('writes nothing for a tenant deleted after its token was accepted (ingest, reset), and a reset racing a delete leaves nothing', async () => {
    const tenant = await created(store);
    expect(await store.authenticate(tenant.token)).toBeDefined();
    await store.deleteTenant(tenant.id);
    expect(await store.ingestErrors(tenant.id, [errorRow('ser_zzlate00000001', 'ses_late000000001', 'after the delete')])).toEqual({
      gone: true,
    });
    expect(await store.resetTenant(tenant.id)).toBeUndefined();
    const empty = { sessions: 0, session_errors: 0, session_error_groups: 0, session_events: 0, observability_sessions: 0 };
    expect(await store.counts(tenant.id)).toMatchObject(empty);
    // The reset reads the seed, generates it, then writes: a delete that commits in between wins.
    const raced = await created(store);
    const [reset] = await Promise.all([store.resetTenant(raced.id), store.deleteTenant(raced.id)]);
    expect(reset === undefined || reset.errors === 60).toBe(true);
    expect(await store.counts(raced.id)).toMatchObject(empty);
  });

  it('takes rate-limit tokens atomically, refilled by elapsed time', async () => {
    const now = 1_000_000;
    const take = (at: number) => store.takeRateToken(`bucket-${engine.name}`, 2, 1, at);
    expect((await take(now)).allowed).toBe(true);
    expect((await take(now)).allowed).toBe(true);
    expect(await take(now)).toEqual({ allowed: false, tokens: 0 });
    expect((await take(now + 1000)).allowed).toBe(true);
  });

  it('prunes the rate-limit buckets untouched since a time, and those of tokens no tenant holds (deleted tenants included)', async () => {
    const t = 5_000_000;
    const tenant = await created(store);
    const mine = `SELECT key FROM rate_limit_buckets WHERE key LIKE 'anonymous:192.0.2.%' OR key IN (${engine.name === 'sqlite' ? '?, ?' : '$1, $2'}) ORDER BY key`;
    const keys = async () =>
      (await engine.query(location, mine, [tokenBucketKey(tenant.token), tokenBucketKey('no-tenant-holds-this')])).map((row) => row.key);
    await store.takeRateToken(tokenBucketKey(tenant.token), 5, 1, t + 60_000);
    await store.takeRateToken('anonymous:192.0.2.1', 5, 1, t);
    await store.takeRateToken('anonymous:192.0.2.2', 5, 1, t + 60_000);
    await store.takeRateToken(tokenBucketKey('no-tenant-holds-this'), 5, 1, t + 60_000);
    // Untouched since before the cutoff: the first address's bucket goes; of the recent ones, the token no tenant holds goes.
    await store.pruneRateBuckets(t + 1);
    expect(await keys()).toEqual(['anonymous:192.0.2.2', tokenBucketKey(tenant.token)].sort());
    await store.deleteTenant(tenant.id);
    await store.pruneRateBuckets();
    expect(await keys()).toEqual(['anonymous:192.0.2.2']);
  });

  it('the sweeper forgets buckets full again by now (refill time plus a margin) and keeps the others', async () => {
    const now = 9_000_000;
    const limit = { capacity: 4, refillPerSecond: 2 };
    expect(bucketFullAfterMs(limit)).toBe(2000 + BUCKET_MARGIN_MS);
    await store.takeRateToken('anonymous:198.51.100.1', 4, 2, now - bucketFullAfterMs(limit) - 1);
    await store.takeRateToken('anonymous:198.51.100.2', 4, 2, now - bucketFullAfterMs(limit) + 1000);
    const sweeper = startTenantSweeper(store, { intervalMs: 10, rateLimit: limit, now: () => now });
    try {
      const keys = async () =>
        (await engine.query(location, "SELECT key FROM rate_limit_buckets WHERE key LIKE 'anonymous:198.51.100.%' ORDER BY key")).map(
          (row) => row.key,
        );
      await expect.poll(keys).toEqual(['anonymous:198.51.100.2']);
    } finally {
      await sweeper.stop();
    }
  });

  it('seeds the local tenant once; its tokens are the configured ones', async () => {
    const seed = { seed: 9, sessions: 4, errors: 150 };
    expect(await prepareLocalTenant(store, seed)).toMatchObject({ errors: 150 });
    expect(await prepareLocalTenant(store, seed)).toBeUndefined();
    await store.setLocalTokens(['local-a', 'local-b']);
    expect(await store.authenticate('local-b')).toEqual({ id: LOCAL_TENANT, kind: 'local' });
    await store.setLocalTokens(['local-c']);
    expect(await store.authenticate('local-a')).toBeUndefined();
    expect(await store.counts(LOCAL_TENANT)).toMatchObject({ sessions: 4, session_errors: 150 });
  });
});

describe('both engines', () => {
  it('answer byte-identical pages and objects for the same seed (PostgreSQL with reads pooled and pipelined)', async () => {
    const answers: string[] = [];
    for (const engine of STORE_ENGINES) {
      const { store } = await freshStore(engine);
      try {
        await prepareLocalTenant(store, { seed: 5, sessions: 6, errors: 300 });
        const errors = await allErrors(store, LOCAL_TENANT);
        const first = JSON.parse(errors[0]!);
        const groups = await store.listGroups(LOCAL_TENANT, { session_id: [first.session_id] }, { limit: 50, order: 'desc' });
        const events = await store.listEvents(LOCAL_TENANT, first.session_id, {}, { limit: 5, order: 'asc' });
        const fixtures = await store.fixtureIds(LOCAL_TENANT);
        answers.push(JSON.stringify({ errors, groups, events, fixtures, group: await store.getGroup(LOCAL_TENANT, first.group_id) }));
      } finally {
        await store.close();
      }
    }
    expect(answers[1]).toBe(answers[0]);
  });
});
