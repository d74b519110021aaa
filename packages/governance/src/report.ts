// Findings as text: severity, rule, operation, the field in words, before → after, and the
// pointer (with the definition to edit) on the line below.
import type { Finding, Severity } from './rules/index.js';

export const ICON: Record<Severity, string> = { breaking: '✖', warning: '⚠', info: '·' };
const ORDER: Severity[] = ['breaking', 'warning', 'info'];

/** Where the finding is: `listItems (GET /items)`, or `(spec)`. */
export function operationLabel(finding: Finding): string {
  return finding.operationId === '(spec)' || finding.operationId === finding.operation
    ? finding.operation
    : `${finding.operationId} (${finding.operation})`;
}

/**
 * Two lines per finding:
 * `✖ parameter-made-required  listItems (GET /items)  query parameter "limit": optional → required`
 * `    /paths/~1items/get/parameters/0/required  (defined at #/components/parameters/Limit/required)`.
 */
export function formatFinding(finding: Finding): string {
  const where = finding.source ? `  (defined at #${finding.source})` : '';
  return (
    `${ICON[finding.severity]} ${finding.rule}  ${operationLabel(finding)}  ${finding.field}: ${finding.before} → ${finding.after}\n` +
    `    ${finding.pointer}${where}`
  );
}

/** Findings sorted by severity, then operation, then pointer. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity) ||
      a.operationId.localeCompare(b.operationId) ||
      a.pointer.localeCompare(b.pointer) ||
      a.rule.localeCompare(b.rule),
  );
}

/** Counts by severity: `{ breaking: 2, warning: 0, info: 5 }`. */
export function countFindings(findings: readonly Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { breaking: 0, warning: 0, info: 0 };
  for (const finding of findings) out[finding.severity]++;
  return out;
}
