// Sizes of an installed node_modules: the bytes of its files, the space they take on disk, and how many
// packages it holds (every folder with a package.json directly under a node_modules, scoped or not).
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface FolderSize {
  /** Sum of the files' sizes. */
  bytes: number;
  /** Blocks allocated on disk (what `du` reports), in bytes. */
  diskBytes: number;
  packages: number;
}

/** Walks `dir` (symlinks not followed) and adds up its files and packages. */
export function measureFolder(dir: string): FolderSize {
  const size: FolderSize = { bytes: 0, diskBytes: 0, packages: 0 };
  const walk = (folder: string, inNodeModules: boolean) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      const stat = lstatSync(path);
      size.bytes += stat.isFile() ? stat.size : 0;
      size.diskBytes += stat.blocks * 512;
      if (!entry.isDirectory()) continue;
      if (inNodeModules && entry.name.startsWith('@')) walk(path, true);
      else {
        if (inNodeModules && !entry.name.startsWith('.') && readdirSync(path).includes('package.json')) size.packages += 1;
        walk(path, entry.name === 'node_modules');
      }
    }
  };
  walk(dir, true);
  return size;
}

/** The median of a non-empty list. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
