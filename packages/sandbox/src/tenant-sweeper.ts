// The idle-tenant sweeper: every `intervalMs`, removes the self-service tenants whose idle expiry has
// passed (with all their data). Every replica may run it; deleting an expired tenant twice is harmless.
import { runPeriodically, type PeriodicReports } from './periodic.js';
import type { SandboxStore } from './store/contract.js';

export interface TenantSweeper {
  /** Stops sweeping; resolves when a sweep in progress has ended. */
  stop(): Promise<void>;
}

/** Sweeps expired tenants every `intervalMs` (default 60 s). Its timer never keeps the process alive. */
export function startTenantSweeper(store: SandboxStore, options: { intervalMs?: number } & PeriodicReports = {}): TenantSweeper {
  return runPeriodically(() => store.sweepExpiredTenants(), options.intervalMs ?? 60_000, options);
}
