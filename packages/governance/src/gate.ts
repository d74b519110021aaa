// The breaking-change gate: the current bundle against the last released snapshot.
import { diffSpecs } from './diff.js';
import { countFindings, formatFinding, sortFindings } from './report.js';
import type { Finding } from './rules.js';
import type { Spec } from './spec.js';
import { compareVersions, parseVersion } from './version.js';

export interface GateResult {
  ok: boolean;
  findings: Finding[];
  baseVersion: string;
  version: string;
  /** Why the gate passed or failed, one line. */
  verdict: string;
}

/** Runs the gate: fails on a breaking finding unless info.version's major was raised. */
export function runGate(base: Spec, current: Spec): GateResult {
  const baseVersion = String(base.info?.version ?? '0.0.0');
  const version = String(current.info?.version ?? '0.0.0');
  const findings = sortFindings(diffSpecs(base, current));
  const { breaking } = countFindings(findings);
  const majorRaised = parseVersion(version)[0] > parseVersion(baseVersion)[0];
  if (compareVersions(version, baseVersion) < 0) {
    return { ok: false, findings, baseVersion, version, verdict: `info.version ${version} is lower than the released ${baseVersion}` };
  }
  if (breaking && !majorRaised) {
    return {
      ok: false,
      findings,
      baseVersion,
      version,
      verdict: `${breaking} breaking change(s) since ${baseVersion}: fix them, or raise info.version to ${parseVersion(baseVersion)[0] + 1}.0.0 in openapi/openapi.yaml for a major release`,
    };
  }
  const verdict = breaking
    ? `${breaking} breaking change(s) allowed: info.version major raised ${baseVersion} → ${version}`
    : `no breaking changes since ${baseVersion}`;
  return { ok: true, findings, baseVersion, version, verdict };
}

/** The gate's report as printable lines. */
export function gateReport(result: GateResult, verbose = false): string[] {
  const counts = countFindings(result.findings);
  const shown = verbose ? result.findings : result.findings.filter((f) => f.severity !== 'info');
  const lines = [
    `check:breaking: ${result.baseVersion} (released) → ${result.version} (current): ${counts.breaking} breaking, ${counts.warning} warning, ${counts.info} other change(s)`,
  ];
  if (shown.length) lines.push('  operationId  JSON pointer  rule  before → after', ...shown.map((f) => `  ${formatFinding(f)}`));
  if (!verbose && counts.info) lines.push(`  (${counts.info} non-breaking change(s) not listed: --verbose lists them)`);
  lines.push(`${result.ok ? '✔' : '✖'} ${result.verdict}`);
  return lines;
}
