// Watches a folder tree (fs.watch, recursive: inotify on Linux) and reports a burst of changes once,
// after `quietMs` without a new one (an editor's save is often several events: temp file, rename).
import { watch } from 'node:fs';

/** Files an editor writes beside the real ones (swap, backup, temp): never a reason to rebuild. */
const IGNORED = /(^|\/)(\.#|#)|(\.swp|\.swx|~|\.tmp)$/;

/** Calls `onChange(files)` with the relative paths changed under `dir`; returns `{ close() }`. */
export function watchTree(dir, onChange, { quietMs = 60 } = {}) {
  const changed = new Set();
  let timer;
  const watcher = watch(dir, { recursive: true }, (_event, file) => {
    const name = String(file ?? '');
    if (IGNORED.test(name)) return;
    changed.add(name);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...changed];
      changed.clear();
      onChange(files);
    }, quietMs);
  });
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
