// A task run again and again, `intervalMs` after each run ends (never two at once), whose timer never keeps
// the process alive; what the grouping worker and the tenant sweeper share. While the task keeps failing
// (the database is down), the wait doubles with each failure up to MAX_BACKOFF_MS, and only the first failure of the streak
// is reported, then the recovery: a 100 ms poll would otherwise write ten identical lines a second.

export interface Periodic {
  /** Stops scheduling; resolves when a run in progress has ended. */
  stop(): Promise<void>;
}

export interface PeriodicReports {
  /** The first failure of a streak of failed runs. */
  onError?: (error: unknown) => void;
  /** The first run that worked after `failedRuns` failed ones. */
  onRecovered?: (failedRuns: number) => void;
}

/** The longest wait between two runs while the task keeps failing. */
export const MAX_BACKOFF_MS = 5_000;

/** Runs `task` every `intervalMs` after the previous run ended (longer while it fails; see above). */
export function runPeriodically(task: () => Promise<unknown>, intervalMs: number, reports: PeriodicReports = {}): Periodic {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let failures = 0;
  const schedule = () => {
    if (stopped) return;
    // Never shorter than the interval (the sweeper's is 60 s), never longer than the cap unless the interval is.
    const wait = Math.max(intervalMs, Math.min(intervalMs * 2 ** failures, MAX_BACKOFF_MS));
    timer = setTimeout(() => {
      running = task()
        .then(
          () => {
            if (failures > 0) reports.onRecovered?.(failures);
            failures = 0;
          },
          (error: unknown) => {
            if (++failures === 1) reports.onError?.(error);
          },
        )
        .finally(schedule);
    }, wait);
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
