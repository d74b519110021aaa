import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDeadlines, MAX_SWEEP_MS } from '../src/deadlines.js';

afterEach(() => vi.useRealTimers());

describe('createDeadlines', () => {
  it('fires a deadline once, no earlier than asked and at most one sweep late', () => {
    vi.useFakeTimers();
    const schedule = createDeadlines(() => Date.now());
    const fire = vi.fn();
    schedule(1_000, fire);
    vi.advanceTimersByTime(999);
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(50);
    expect(fire).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10_000);
    expect(fire).toHaveBeenCalledTimes(1);
  });

  it('never fires a cancelled deadline, and stops its timer once idle', () => {
    vi.useFakeTimers();
    const schedule = createDeadlines(() => Date.now());
    const fire = vi.fn();
    const cancel = schedule(30_000, fire);
    expect(vi.getTimerCount()).toBe(1);
    cancel();
    vi.advanceTimersByTime(MAX_SWEEP_MS);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(fire).not.toHaveBeenCalled();
  });

  it('keeps short deadlines precise beside long ones', () => {
    vi.useFakeTimers();
    const schedule = createDeadlines(() => Date.now());
    const long = vi.fn();
    const short = vi.fn();
    schedule(30_000, long);
    schedule(40, short);
    vi.advanceTimersByTime(42);
    expect(short).toHaveBeenCalledTimes(1);
    expect(long).not.toHaveBeenCalled();
  });
});
