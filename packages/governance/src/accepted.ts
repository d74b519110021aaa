// Breaking changes accepted for an unreleased major. Raising info.version's major allows breaking changes,
// but without a record every later one would slip through among those already allowed: each must be
// accepted once (`check --accept`), so the gate fails on the first one nobody has looked at yet.
// The record lives beside the snapshot it is measured against and is dropped when a release replaces it.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GovernanceError } from './errors.js';
import type { GateResult } from './gate.js';
import type { Finding } from './rules/index.js';
import { parseVersion } from './version.js';

/** The record's file name, in the baseline folder. */
export const ACCEPTED_FILE = 'accepted-breaking.json';

/** The breaking changes accepted for one version (the major being prepared). */
export interface AcceptedBreaking {
  version: string;
  /** One line per change: its rule, operation and field ({@link acceptanceKey}). */
  changes: string[];
}

/** How a finding is named in the record: stable across runs, readable in a diff. */
export const acceptanceKey = (finding: Finding): string => `${finding.rule} ${finding.operation}: ${finding.field}`;

/** The record in `baselineDir`, or none. */
export function readAccepted(baselineDir: string): AcceptedBreaking | undefined {
  const path = join(baselineDir, ACCEPTED_FILE);
  if (!existsSync(path)) return undefined;
  let parsed: Partial<AcceptedBreaking>;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<AcceptedBreaking>;
  } catch (error) {
    throw new GovernanceError('baseline_invalid', `cannot read ${path}: ${(error as Error).message}`);
  }
  if (typeof parsed.version !== 'string' || !Array.isArray(parsed.changes) || !parsed.changes.every((c) => typeof c === 'string'))
    throw new GovernanceError('baseline_invalid', `${path} needs "version" (a string) and "changes" (a list of strings)`);
  return { version: parsed.version, changes: parsed.changes };
}

/** Records every breaking finding as accepted for `version`; returns how many. */
export function writeAccepted(baselineDir: string, version: string, findings: readonly Finding[]): number {
  const changes = [...new Set(findings.filter((f) => f.severity === 'breaking').map(acceptanceKey))].sort();
  writeFileSync(join(baselineDir, ACCEPTED_FILE), JSON.stringify({ version, changes } satisfies AcceptedBreaking, null, 2) + '\n');
  return changes.length;
}

/** Drops the record (a release replaced the snapshot it was measured against). */
export function dropAccepted(baselineDir: string): void {
  rmSync(join(baselineDir, ACCEPTED_FILE), { force: true });
}

/** `check --accept`: records the gate's breaking findings as accepted for its version; returns the line to print. */
export function acceptBreaking(baselineDir: string, result: GateResult): string {
  if (!result.counts.breaking) return `✔ nothing to accept: no breaking changes since ${result.baseVersion}`;
  const baseMajor = parseVersion(result.baseVersion)[0];
  if (parseVersion(result.version)[0] <= baseMajor)
    throw new GovernanceError(
      'usage',
      `--accept records breaking changes for a major release: raise info.version to ${baseMajor + 1}.0.0 in openapi/openapi.yaml first`,
    );
  const count = writeAccepted(baselineDir, result.version, result.findings);
  return `✔ accepted ${count} breaking change(s) for ${result.version} in ${join(baselineDir, ACCEPTED_FILE)}: commit it`;
}
