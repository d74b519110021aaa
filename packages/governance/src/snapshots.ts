// The released snapshots: `baseline/` holds the last release (the bundle and version.json);
// `baseline/releases/<version>/` keeps each earlier one, moved there when a release supersedes it.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dropAccepted } from './accepted.js';
import { GovernanceError } from './errors.js';
import type { Document } from './openapi.js';
import { readSpec } from './spec.js';
import { compareVersions } from './version.js';

/** What version.json records of a release. */
export interface ReleaseRecord {
  version: string;
  /** Release day (`YYYY-MM-DD`); absent for releases made before dates were recorded. */
  date?: string;
  packages: Record<string, string>;
}

/** A released snapshot: the bundle as released, and its record. */
export interface Snapshot extends ReleaseRecord {
  spec: Document;
}

function readRecord(dir: string): ReleaseRecord {
  const path = join(dir, 'version.json');
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new GovernanceError('baseline_invalid', `cannot read ${path}: ${(error as Error).message}`);
  }
  const record = parsed as Partial<ReleaseRecord>;
  if (typeof record.version !== 'string') throw new GovernanceError('baseline_invalid', `${path} has no "version"`);
  return { version: record.version, ...(record.date ? { date: record.date } : {}), packages: record.packages ?? {} };
}

/** Reads one snapshot directory (`openapi.json` + `version.json`). */
export function readSnapshot(dir: string): Snapshot {
  return { ...readRecord(dir), spec: readSpec(join(dir, 'openapi.json')) };
}

/** Every released snapshot, oldest first: the archived ones, then the last release. */
export function readSnapshots(baselineDir: string): Snapshot[] {
  const archive = join(baselineDir, 'releases');
  const archived = existsSync(archive)
    ? readdirSync(archive, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => readSnapshot(join(archive, entry.name)))
    : [];
  return [...archived, readSnapshot(baselineDir)].sort((a, b) => compareVersions(a.version, b.version));
}

/**
 * Writes the snapshot of a release: the bundle with its info.version, and version.json beside it.
 * The snapshot it replaces (an earlier version) is first archived under `releases/<version>/`.
 */
export function writeSnapshot(dir: string, spec: Document, record: ReleaseRecord): void {
  mkdirSync(dir, { recursive: true });
  if (existsSync(join(dir, 'version.json'))) {
    const previous = readRecord(dir);
    if (previous.version !== record.version) {
      const archive = join(dir, 'releases', previous.version);
      mkdirSync(archive, { recursive: true });
      for (const file of ['openapi.json', 'version.json']) cpSync(join(dir, file), join(archive, file));
      // The breaking changes accepted against the replaced snapshot are released now.
      dropAccepted(dir);
    }
  }
  writeFileSync(join(dir, 'openapi.json'), JSON.stringify({ ...spec, info: { ...spec.info, version: record.version } }, null, 2) + '\n');
  writeFileSync(join(dir, 'version.json'), JSON.stringify(record, null, 2) + '\n');
}
