// Timeouts for every in-flight attempt of a client on one shared sweep timer. Creating and clearing
// a timer per request cost more than the rest of the client's per-request work
// (bench/client.bench.ts); a Set insert/delete is nearly free.

/** Calls `fire` once `ms` have passed unless the returned function cancels it first. */
export type ScheduleDeadline = (ms: number, fire: () => void) => () => void;

/**
 * Creates a deadline scheduler that checks pending deadlines every `stepMs` (so each fires at most
 * `stepMs` late). The timer starts with the first deadline and stops on the first sweep that finds
 * none pending, so an idle client holds no timer.
 */
export function createDeadlines(stepMs: number): ScheduleDeadline {
  const pending = new Set<[at: number, fire: () => void]>();
  let timer: ReturnType<typeof setInterval> | undefined;
  const sweep = () => {
    for (const entry of pending) if (entry[0] <= Date.now()) pending.delete(entry), entry[1]();
    if (!pending.size) timer = void clearInterval(timer);
  };
  return (ms, fire) => {
    const entry: [number, () => void] = [Date.now() + ms, fire];
    pending.add(entry);
    timer ??= setInterval(sweep, stepMs);
    return () => pending.delete(entry);
  };
}
