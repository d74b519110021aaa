// Where things are: this package and the repository it belongs to, found from this file whether it runs
// as source (the tests) or compiled into .bench/ (the benchmark).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder above this file whose package.json is this package's. */
function packageDir(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dirname(dir) !== dir; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === '@session-obs/release-tests')
      return dir;
  }
  throw new Error('@session-obs/release-tests: cannot find its own package.json');
}

/** This package's folder (packages/release-tests). */
export const releaseTestsDir = packageDir();

/** The repository root. */
export const repoRoot = join(releaseTestsDir, '..', '..');

/** The consumer files copied into every scratch project. */
export const consumersDir = join(releaseTestsDir, 'consumers');
