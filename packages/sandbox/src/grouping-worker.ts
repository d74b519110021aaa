// The grouping worker: every `intervalMs`, groups whatever errors wait in `processing` (see
// store/grouping.ts for what a step does). Its timer never keeps the process alive.
import type { Store } from './store/store.js';

export interface GroupingWorker {
  /** Groups until nothing is pending (at start-up, and in tests); returns how many errors it grouped. */
  drain(): number;
  stop(): void;
}

/** Polls the store for pending errors every `intervalMs` (default 100) and groups them. */
export function startGroupingWorker(
  store: Store,
  options: { intervalMs?: number; onError?: (error: unknown) => void } = {},
): GroupingWorker {
  const timer = setInterval(() => {
    try {
      store.groupAllPending();
    } catch (error) {
      options.onError?.(error);
    }
  }, options.intervalMs ?? 100);
  timer.unref();
  return { drain: () => store.groupAllPending(), stop: () => clearInterval(timer) };
}
