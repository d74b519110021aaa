// Runs a repair of Redoc's markup now and after each re-render (batched to one per frame) and resize.

/** Calls `repair()` now, after every change under `root` (once per animation frame) and on resize. */
export function afterRender(root: HTMLElement, repair: () => void): void {
  let queued = false;
  const run = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      repair();
    });
  };
  new MutationObserver(run).observe(root, { childList: true, subtree: true });
  window.addEventListener('resize', run);
  run();
}
