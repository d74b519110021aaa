// The idle-tenant sweeper: every `intervalMs`, removes the self-service tenants whose idle expiry has
// passed (with all their data). Every replica may run it; deleting an expired tenant twice is harmless.
import type { SandboxStore } from './store/contract.js';

export interface TenantSweeper {
  /** Stops sweeping; resolves when a sweep in progress has ended. */
  stop(): Promise<void>;
}

/** Sweeps expired tenants every `intervalMs` (default 60 s). Its timer never keeps the process alive. */
export function startTenantSweeper(
  store: SandboxStore,
  options: { intervalMs?: number; onError?: (error: unknown) => void } = {},
): TenantSweeper {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = store
        .sweepExpiredTenants()
        .catch((error: unknown) => options.onError?.(error))
        .finally(schedule);
    }, options.intervalMs ?? 60_000);
    timer.unref();
  };
  schedule();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
