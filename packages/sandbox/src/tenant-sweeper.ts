// The tenant sweeper: every `intervalMs`, removes the self-service tenants whose idle expiry has passed
// (with all their data), then forgets the rate-limit buckets nobody needs: those full again by now and
// those of tokens no tenant holds (on PostgreSQL they are rows, one per token and client address ever seen).
// Every replica may run it; deleting an expired tenant or a bucket twice is harmless.
import { runPeriodically, type PeriodicReports } from './periodic.js';
import type { RateLimitOptions } from './http/rate-limit.js';
import type { SandboxStore } from './store/contract.js';

/**
 * Beyond the time an empty bucket takes to refill: the buckets' clocks are the replicas' own, so a bucket is
 * forgotten only well after any replica would find it full.
 */
export const BUCKET_MARGIN_MS = 60_000;

export interface TenantSweeper {
  /** Stops sweeping; resolves when a sweep in progress has ended. */
  stop(): Promise<void>;
}

export interface TenantSweeperOptions extends PeriodicReports {
  /** Default 60 s. */
  intervalMs?: number;
  /** The server's rate limit: buckets untouched for longer than their refill (plus a margin) go. Off: none go by age. */
  rateLimit?: RateLimitOptions;
  /** The rate limiter's clock (ms since the epoch). */
  now?: () => number;
}

/** The time after which an untouched bucket is full again, plus {@link BUCKET_MARGIN_MS}. */
export function bucketFullAfterMs(rateLimit: RateLimitOptions): number {
  return Math.ceil((rateLimit.capacity / rateLimit.refillPerSecond) * 1000) + BUCKET_MARGIN_MS;
}

/** Sweeps expired tenants and idle rate-limit buckets every `intervalMs` (default 60 s). Its timer never keeps the process alive. */
export function startTenantSweeper(store: SandboxStore, options: TenantSweeperOptions = {}): TenantSweeper {
  const now = options.now ?? (() => Date.now());
  const { rateLimit } = options;
  return runPeriodically(
    async () => {
      await store.sweepExpiredTenants();
      await store.pruneRateBuckets(rateLimit ? now() - bucketFullAfterMs(rateLimit) : undefined);
    },
    options.intervalMs ?? 60_000,
    options,
  );
}
