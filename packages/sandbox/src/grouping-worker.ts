// The grouping worker: every `intervalMs`, groups whatever errors wait in `processing`, of every tenant
// (see store/grouping.ts and store/postgres/grouping.ts for what a step does; several processes may run
// it on one database). One run at a time; its timer never keeps the process alive.
import { runPeriodically, type PeriodicReports } from './periodic.js';
import type { SandboxStore } from './store/contract.js';

export interface GroupingWorker {
  /** Groups until nothing is pending (at start-up, and in tests); returns how many errors it grouped. */
  drain(): Promise<number>;
  /** Stops polling; resolves when a run in progress has ended. */
  stop(): Promise<void>;
}

/** Polls the store for pending errors every `intervalMs` (default 100) and groups them. */
export function startGroupingWorker(store: SandboxStore, options: { intervalMs?: number } & PeriodicReports = {}): GroupingWorker {
  const periodic = runPeriodically(() => store.groupAllPending(), options.intervalMs ?? 100, options);
  return { drain: () => store.groupAllPending(), stop: () => periodic.stop() };
}
