// The breaking-change gate: the current bundle against the last released snapshot.
import { diffSpecs, type DiffOptions } from './diff/index.js';
import { countFindings, formatFinding, sortFindings } from './report.js';
import type { Finding, Severity } from './rules/index.js';
import type { Spec } from './spec.js';
import { compareVersions, parseVersion } from './version.js';

export interface GateResult {
  ok: boolean;
  findings: Finding[];
  counts: Record<Severity, number>;
  baseVersion: string;
  version: string;
  /** Why the gate passed or failed, one line. */
  verdict: string;
}

/** Runs the gate: fails on a breaking finding unless info.version's major was raised. */
export function runGate(base: Spec, current: Spec, options: DiffOptions = {}): GateResult {
  const baseVersion = String(base.info?.version ?? '0.0.0');
  const version = String(current.info?.version ?? '0.0.0');
  const findings = sortFindings(diffSpecs(base, current, options));
  const counts = countFindings(findings);
  const result = (ok: boolean, verdict: string): GateResult => ({ ok, findings, counts, baseVersion, version, verdict });
  const majorRaised = parseVersion(version)[0] > parseVersion(baseVersion)[0];
  if (compareVersions(version, baseVersion) < 0) return result(false, `info.version ${version} is lower than the released ${baseVersion}`);
  if (counts.breaking && !majorRaised)
    return result(
      false,
      `${counts.breaking} breaking change(s) since ${baseVersion}: fix them, or raise info.version to ${parseVersion(baseVersion)[0] + 1}.0.0 in openapi/openapi.yaml for a major release`,
    );
  return result(
    true,
    counts.breaking
      ? `${counts.breaking} breaking change(s) allowed: info.version major raised ${baseVersion} → ${version}`
      : `no breaking changes since ${baseVersion}`,
  );
}

/** The summary line of a gate run. */
export function gateSummary(result: GateResult): string {
  const { breaking, warning, info } = result.counts;
  return `check:breaking: ${result.baseVersion} (released) → ${result.version} (current): ${breaking} breaking, ${warning} warning, ${info} other change(s)`;
}

/** The gate's report as printable text lines. */
export function gateReport(result: GateResult, verbose = false): string[] {
  const shown = verbose ? result.findings : result.findings.filter((finding) => finding.severity !== 'info');
  const lines = [gateSummary(result), ...shown.map((finding) => `  ${formatFinding(finding).replace(/\n/g, '\n  ')}`)];
  if (!verbose && result.counts.info) lines.push(`  (${result.counts.info} non-breaking change(s) not listed: --verbose lists them)`);
  lines.push(`${result.ok ? '✔' : '✖'} ${result.verdict}`);
  return lines;
}
