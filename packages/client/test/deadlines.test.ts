import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDeadlines } from '../src/deadlines.js';

afterEach(() => vi.useRealTimers());

describe('createDeadlines', () => {
  it('fires a deadline once, no earlier than asked and at most one step late', () => {
    vi.useFakeTimers();
    const schedule = createDeadlines(50);
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
    const schedule = createDeadlines(100);
    const fire = vi.fn();
    const cancel = schedule(30_000, fire);
    expect(vi.getTimerCount()).toBe(1);
    cancel();
    vi.advanceTimersByTime(100);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(fire).not.toHaveBeenCalled();
  });

  it('fires each of several pending deadlines at its own time, on one timer', () => {
    vi.useFakeTimers();
    const schedule = createDeadlines(10);
    const early = vi.fn();
    const late = vi.fn();
    schedule(30, early);
    schedule(300, late);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(40);
    expect(early).toHaveBeenCalledTimes(1);
    expect(late).not.toHaveBeenCalled();
    vi.advanceTimersByTime(270);
    expect(late).toHaveBeenCalledTimes(1);
  });
});
