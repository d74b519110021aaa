// Prints findings as `operationId / JSON pointer / rule / before → after`.
import type { Finding, Severity } from './rules.js';

const ICON: Record<Severity, string> = { breaking: '✖', warning: '⚠', info: '·' };
const ORDER: Severity[] = ['breaking', 'warning', 'info'];

/** One line per finding: `✖ listSessionErrors  /paths/…/limit  request-limit-tightened  100 → 50`. */
export function formatFinding(f: Finding): string {
  const where = f.source ? `  (defined at #${f.source})` : '';
  return `${ICON[f.severity]} ${f.operationId}  ${f.pointer}  ${f.rule}  ${f.before} → ${f.after}${where}`;
}

/** Findings sorted by severity, then operation, then pointer. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity) ||
      a.operationId.localeCompare(b.operationId) ||
      a.pointer.localeCompare(b.pointer),
  );
}

/** Counts by severity: `{ breaking: 2, warning: 0, info: 5 }`. */
export function countFindings(findings: Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { breaking: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}
