// Timeouts for every in-flight attempt of a client on one shared, short-lived sweep timer.
// Creating and clearing a timer per request cost more than the rest of the client's per-request
// work (bench/client.bench.ts); a Set insert/delete is nearly free.

/** Cancels a scheduled deadline. */
export type CancelDeadline = () => void;
/** Calls `fire` once `ms` have passed, unless cancelled first. */
export type ScheduleDeadline = (ms: number, fire: () => void) => CancelDeadline;

/** Longest gap between sweeps: bounds how late a deadline fires and how long an idle timer lingers. */
export const MAX_SWEEP_MS = 100;

/**
 * Creates a deadline scheduler. Deadlines fire at most `min(ms / 20, MAX_SWEEP_MS)` late; the sweep
 * timer stops on the first sweep that finds nothing pending, so an idle client holds no timer.
 */
export function createDeadlines(now: () => number = Date.now): ScheduleDeadline {
  const pending = new Set<{ at: number; fire: () => void }>();
  let timer: ReturnType<typeof setInterval> | undefined;
  let every = Infinity;

  const sweep = () => {
    if (pending.size === 0) {
      clearInterval(timer);
      timer = undefined;
      every = Infinity;
      return;
    }
    const t = now();
    for (const entry of pending) {
      if (entry.at <= t) {
        pending.delete(entry);
        entry.fire();
      }
    }
  };

  return (ms, fire) => {
    const entry = { at: now() + ms, fire };
    pending.add(entry);
    const step = Math.max(1, Math.min(MAX_SWEEP_MS, Math.ceil(ms / 20)));
    if (step < every) {
      clearInterval(timer);
      every = step;
      timer = setInterval(sweep, step);
    }
    return () => {
      pending.delete(entry);
    };
  };
}
