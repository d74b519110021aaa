// The breaking-change gate: the current bundle against the last released snapshot.
import { ACCEPTED_FILE, acceptanceKey, type AcceptedBreaking } from './accepted.js';
import { diffSpecs, type DiffOptions } from './diff/index.js';
import { countFindings, formatFinding, sortFindings } from './report.js';
import type { Finding, Severity } from './rules/index.js';
import type { Spec } from './spec.js';
import { compareVersions, parseVersion } from './version.js';

export interface GateResult {
  ok: boolean;
  findings: Finding[];
  /** Breaking findings a raised major allows but nobody has accepted yet (`check --accept`). */
  unaccepted: Finding[];
  counts: Record<Severity, number>;
  baseVersion: string;
  version: string;
  /** Why the gate passed or failed, one line. */
  verdict: string;
}

/**
 * Runs the gate: fails on a breaking finding unless info.version's major was raised and the finding was
 * accepted for that version (`accepted`, from `check --accept`).
 */
export function runGate(base: Spec, current: Spec, options: DiffOptions = {}, accepted?: AcceptedBreaking): GateResult {
  const baseVersion = String(base.info?.version ?? '0.0.0');
  const version = String(current.info?.version ?? '0.0.0');
  const findings = sortFindings(diffSpecs(base, current, options));
  const counts = countFindings(findings);
  const majorRaised = parseVersion(version)[0] > parseVersion(baseVersion)[0];
  const acceptedKeys = new Set(accepted?.version === version ? accepted.changes : []);
  const unaccepted = majorRaised ? findings.filter((f) => f.severity === 'breaking' && !acceptedKeys.has(acceptanceKey(f))) : [];
  const result = (ok: boolean, verdict: string): GateResult => ({ ok, findings, unaccepted, counts, baseVersion, version, verdict });
  if (compareVersions(version, baseVersion) < 0) return result(false, `info.version ${version} is lower than the released ${baseVersion}`);
  if (counts.breaking && !majorRaised)
    return result(
      false,
      `${counts.breaking} breaking change(s) since ${baseVersion}: fix them, or raise info.version to ${parseVersion(baseVersion)[0] + 1}.0.0 in openapi/openapi.yaml for a major release`,
    );
  if (unaccepted.length)
    return result(
      false,
      `${unaccepted.length} breaking change(s) not yet accepted for ${version} (listed under "not yet accepted"): ` +
        `the raised major allows them, but each must be accepted once — review them, then run \`pnpm check:breaking --accept\` and commit ${ACCEPTED_FILE}`,
    );
  return result(
    true,
    counts.breaking
      ? `${counts.breaking} breaking change(s) allowed: info.version major raised ${baseVersion} → ${version}, each accepted`
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
  if (result.unaccepted.length)
    lines.push(
      `not yet accepted for ${result.version}:`,
      ...result.unaccepted.map((finding) => `  ${formatFinding(finding).replace(/\n/g, '\n  ')}`),
    );
  if (!verbose && result.counts.info) lines.push(`  (${result.counts.info} non-breaking change(s) not listed: --verbose lists them)`);
  lines.push(`${result.ok ? '✔' : '✖'} ${result.verdict}`);
  return lines;
}
