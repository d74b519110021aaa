// Per-attempt timeouts on one timer per time window instead of a `setTimeout` per attempt: in Node a timer
// armed and cleared around every request cost more than everything else this client adds (README,
// Performance). Each attempt keeps its own AbortController, so a timeout aborts only attempts still waiting.

/**
 * Returns `start(timeoutMs, controller)`: registers an attempt that starts now and returns the set to delete
 * it from once its response headers arrive (or it fails). An attempt that starts at `t` is aborted between
 * `t + timeoutMs` and `t + timeoutMs + width` if it is still in the set, where `width` is `timeoutMs / 32`
 * capped at 1 s: the default 30 s fires within 30–31 s. A window's timer fires once and is unref'd in Node,
 * so it never holds the process open (a pending request's socket does). A call with another timeout than the
 * previous one opens a new window.
 */
export const createTimeouts = (): ((timeoutMs: number, controller: AbortController) => Set<AbortController>) => {
  // The current window: the running attempts that started before `end`, all with the timeout `windowMs`.
  let window!: Set<AbortController>; // set on the first call (end = 0)
  let end = 0;
  let windowMs = 0;
  return (ms, controller) => {
    const now = Date.now();
    if (now >= end || ms != windowMs) {
      const width = Math.min(1000, ms / 32);
      const w = (window = new Set());
      end = now + width;
      windowMs = ms;
      (setTimeout(() => w.forEach((c) => c.abort()), ms + width) as { unref?: () => void }).unref?.();
    }
    return window.add(controller);
  };
};
