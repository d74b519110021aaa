// A clock the test moves by hand: timers fire only inside `advance`, so a retry wait or a timeout
// happens exactly when the test says, however slow the machine is.
import type { Clock } from '../src/clock.js';

/** Where a TestClock's time starts (a whole second, so `Retry-After` dates are exact). */
export const TEST_CLOCK_START = Date.parse('2025-06-02T10:00:00Z');

interface Timer {
  at: number;
  callback: () => void;
}

export class TestClock implements Clock {
  #now: number;
  #timersSet = 0;
  #nextId = 1;
  readonly #timers = new Map<number, Timer>();
  /** Delays of timers set and not yet handed out by `nextTimer`, oldest first. */
  readonly #unreported: number[] = [];
  readonly #waiting: Array<(ms: number) => void> = [];

  constructor(start = TEST_CLOCK_START) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(callback: () => void, ms: number): number {
    const id = this.#nextId++;
    this.#timersSet++;
    this.#timers.set(id, { at: this.#now + ms, callback });
    const waiter = this.#waiting.shift();
    if (waiter) waiter(ms);
    else this.#unreported.push(ms);
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.#timers.delete(handle as number);
  }

  /** The delay of the next timer set: one set earlier and not handed out yet, else the next one to come. */
  nextTimer(): Promise<number> {
    const ms = this.#unreported.shift();
    return ms === undefined ? new Promise((resolve) => this.#waiting.push(resolve)) : Promise.resolve(ms);
  }

  /** Moves time forward by `ms`, firing the timers that fall due, earliest first. */
  advance(ms: number): void {
    const until = this.#now + ms;
    for (;;) {
      const due = [...this.#timers].filter(([, timer]) => timer.at <= until).sort(([, a], [, b]) => a.at - b.at)[0];
      if (!due) break;
      const [id, timer] = due;
      this.#timers.delete(id);
      this.#now = timer.at;
      timer.callback();
    }
    this.#now = until;
  }

  /** How many timers were ever set. */
  get timersSet(): number {
    return this.#timersSet;
  }

  /** How many timers are set and not yet fired or cleared. */
  get pending(): number {
    return this.#timers.size;
  }
}
