// The periodic runner under the grouping worker and the tenant sweeper: while its task keeps failing (the
// database is down) it backs off and reports the streak once, then the recovery, instead of a line per poll.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_BACKOFF_MS, runPeriodically } from '../src/periodic.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A task that fails its first `failing` runs, recording when each run started. */
function flakyTask(failing: number) {
  const started: number[] = [];
  const task = async () => {
    started.push(Date.now());
    if (started.length <= failing) throw new Error(`ECONNREFUSED (run ${started.length})`);
  };
  return { started, task };
}

describe('runPeriodically', () => {
  it('backs off while the task fails (doubling, capped), reports the first failure and the recovery once each', async () => {
    const { started, task } = flakyTask(8);
    const errors: string[] = [];
    const recovered: number[] = [];
    const periodic = runPeriodically(task, 100, {
      onError: (error) => errors.push((error as Error).message),
      onRecovered: (failedRuns) => recovered.push(failedRuns),
    });
    const t0 = Date.now();
    await vi.advanceTimersByTimeAsync(30_000);
    await periodic.stop();
    const gaps = started.map((at, i) => at - (i === 0 ? t0 : started[i - 1]!));
    // Runs 1–8 fail: waits of 100, then 200, 400, … capped at 5 s; run 9 works; then back to 100 ms.
    expect(gaps.slice(0, 10)).toEqual([100, 200, 400, 800, 1600, 3200, MAX_BACKOFF_MS, MAX_BACKOFF_MS, MAX_BACKOFF_MS, 100]);
    expect(errors).toEqual(['ECONNREFUSED (run 1)']);
    expect(recovered).toEqual([8]);
  });

  it('never runs more often than its interval, even while failing (the sweeper polls every 60 s)', async () => {
    const { started, task } = flakyTask(3);
    const periodic = runPeriodically(task, 60_000);
    const t0 = Date.now();
    await vi.advanceTimersByTimeAsync(240_000);
    await periodic.stop();
    expect(started.map((at) => at - t0)).toEqual([60_000, 120_000, 180_000, 240_000]);
  });
});
