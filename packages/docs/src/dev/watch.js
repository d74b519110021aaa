// @ts-check
// Watches a folder tree and reports a burst of changes once, after `quietMs` without a new one (an
// editor's save is often several events: temp file, rename).
//
// Why not `fs.watch(dir, { recursive: true })`: on Linux, Node 20 emulates it with one inotify watch per
// *file*, bound to the file's inode. A save that replaces the file (an editor's temp file + rename,
// `git checkout`, `cp` after `rm`) leaves that watch on the old, deleted inode, and every later save of
// the file goes unseen: the dev loop then serves a stale page for good. A directory's watch reports every
// entry by name whatever its inode, so this module watches each directory of the tree (and the ones
// created later) and never a file.
import { readdirSync, statSync, watch } from 'node:fs';
import { join, relative } from 'node:path';

/** Files an editor writes beside the real ones (swap, backup, temp): never a reason to rebuild. */
const IGNORED = /(^|\/)(\.#|#)|(\.swp|\.swx|~|\.tmp)$/;

/** True when `path` is a directory now (false when it is a file or gone). */
function isDirectory(/** @type {string} */ path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Calls `onChange(files)` with the paths (relative to `dir`) changed under `dir`, once per burst;
 * returns `{ close() }`.
 * @param {string} dir
 * @param {(files: string[]) => void} onChange
 * @param {{ quietMs?: number }} [options]
 */
export function watchTree(dir, onChange, { quietMs = 60 } = {}) {
  /** @type {Map<string, import('node:fs').FSWatcher>} */
  const watchers = new Map();
  const changed = new Set();
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  let closed = false;

  /** Reports `path` (absolute) as changed, after the burst it belongs to. */
  function note(/** @type {string} */ path) {
    const name = relative(dir, path);
    if (IGNORED.test(name)) return;
    changed.add(name);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...changed];
      changed.clear();
      onChange(files);
    }, quietMs);
  }

  /** Watches `folder` and every folder under it that is not watched yet. */
  function watchFolder(/** @type {string} */ folder) {
    if (closed || watchers.has(folder)) return;
    let watcher;
    try {
      watcher = watch(folder, (_event, name) => {
        const path = name ? join(folder, String(name)) : folder;
        // A new (or renamed-in) folder: watch it and what it holds, which may already be there.
        if (path !== folder && isDirectory(path)) watchFolder(path);
        note(path);
      });
    } catch {
      return; // gone before it could be watched: its parent's watch reports it
    }
    // A watched folder that is removed ends its watch with an error: forget it.
    watcher.on('error', () => {
      watcher.close();
      watchers.delete(folder);
    });
    watchers.set(folder, watcher);
    /** @type {import('node:fs').Dirent[]} */
    let entries = [];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      // removed meanwhile: its watch ends with an error
    }
    for (const entry of entries) if (entry.isDirectory()) watchFolder(join(folder, entry.name));
  }

  watchFolder(dir);
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
