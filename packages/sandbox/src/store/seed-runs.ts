// Running seeds on either engine. A self-service tenant's small seed is generated into memory first and
// written by the engine in the transaction that creates (or resets) the tenant: all or nothing. The
// local tenant's seed can be large: it is written batch by batch, and one process at a time seeds it —
// the others wait until it is done (two processes starting on one new database no longer race).
import type { Rng } from '../ids.js';
import { seedRows, seedStore, type SeedOptions } from '../seed/generate.js';
import { LOCAL_TENANT, type SeedSettings, type SeedSummary, type TenantRefusal } from './contract.js';
import { SeedWriter, type SeedBatch, type SeedBatchWriter } from './seeding.js';

/** Who seeds the local tenant: this process (`seed`, or `restart` after a seeder died), nobody (`ready`), or another process (`wait`). */
export type LocalSeedClaim = 'seed' | 'restart' | 'ready' | 'wait';

/** What an engine offers the local tenant's seed run. */
export interface SeedingEngine {
  /** Decides, under the engine's lock, who seeds the local tenant; `seed` undefined: create it empty. */
  claimLocalSeed(seed: SeedSettings | undefined, staleMs: number): LocalSeedClaim | Promise<LocalSeedClaim>;
  writeSeedBatch: SeedBatchWriter;
  finishSeed(tenantId: string): Promise<void>;
  /** Before a large seed into an empty store: the engine may set bulk loading up (SQLite drops its secondary indexes). */
  beginBulkSeed?(): Promise<void>;
  /** After it (or after it failed): back to normal (SQLite builds the indexes). */
  endBulkSeed?(): Promise<void>;
}

/** A seeding process that has not written a batch for this long is taken for dead. */
export const SEED_STALE_MS = 15_000;

/** Generates a seed into memory: its batches (one per 10,000 errors) and what it made. */
export async function collectSeed(settings: SeedSettings): Promise<{ batches: SeedBatch[]; summary: SeedSummary }> {
  const batches: SeedBatch[] = [];
  const collect: SeedBatchWriter = async (_tenant, batch) => {
    batches.push(batch);
  };
  const summary = await seedStore((rng: Rng) => new SeedWriter(collect, LOCAL_TENANT, rng), settings);
  return { batches, summary };
}

/**
 * A new tenant's seed, or its refusal when the seed makes more rows than a tenant may hold: that tenant
 * would start over its own limit, never able to ingest, and a reset back to the seed no help.
 */
export async function collectTenantSeed(
  settings: SeedSettings,
  rowLimit: number,
): Promise<{ batches: SeedBatch[]; summary: SeedSummary } | Extract<TenantRefusal, { refused: 'row_limit' }>> {
  const seed = await collectSeed(settings);
  const rows = seedRows(seed.summary);
  return rows > rowLimit ? { refused: 'row_limit', seedRows: rows } : seed;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Brings the local tenant to a ready state: seeds it when this process wins the claim, waits while
 * another process seeds it, starts over when that process died. `seed` undefined: never seed.
 * Returns what this process seeded, if anything.
 */
export async function prepareLocalTenant(
  engine: SeedingEngine,
  seed: (SeedSettings & Pick<SeedOptions, 'onProgress' | 'onPhase'>) | undefined,
  onClaim?: (claim: Exclude<LocalSeedClaim, 'ready'>) => void,
): Promise<SeedSummary | undefined> {
  let waited = false;
  for (;;) {
    const claim = await engine.claimLocalSeed(seed && { seed: seed.seed, sessions: seed.sessions, errors: seed.errors }, SEED_STALE_MS);
    if (claim === 'ready') {
      // A seeder that died after dropping its indexes leaves them missing: build any that are.
      await engine.endBulkSeed?.();
      return undefined;
    }
    if (claim === 'wait') {
      if (!waited) onClaim?.('wait');
      waited = true;
      await sleep(200);
      continue;
    }
    onClaim?.(claim);
    const write: SeedBatchWriter = (tenantId, batch) => engine.writeSeedBatch(tenantId, batch);
    await engine.beginBulkSeed?.();
    try {
      const summary = await seedStore((rng) => new SeedWriter(write, LOCAL_TENANT, rng), seed!);
      await engine.finishSeed(LOCAL_TENANT);
      return summary;
    } finally {
      await engine.endBulkSeed?.();
    }
  }
}
