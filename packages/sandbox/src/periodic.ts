// A task run again and again, `intervalMs` after each run ends (never two at once), whose timer never keeps
// the process alive; what the grouping worker and the tenant sweeper share.

export interface Periodic {
  /** Stops scheduling; resolves when a run in progress has ended. */
  stop(): Promise<void>;
}

/** Runs `task` every `intervalMs` after the previous run ended; a failure goes to `onError` and the runs go on. */
export function runPeriodically(task: () => Promise<unknown>, intervalMs: number, onError?: (error: unknown) => void): Periodic {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = task()
        .catch((error: unknown) => onError?.(error))
        .finally(schedule);
    }, intervalMs);
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
