// The changelog of a release from the spec diff: Removed / Changed / Deprecated / Added, one entry
// per distinct change (a change to a shared component lists every operation it affects).
import { countFindings } from './report.js';
import type { Category, Finding, RuleId } from './rules/index.js';
import type { Bump } from './version.js';

export const SECTIONS: ReadonlyArray<[Category, string]> = [
  ['removed', 'Removed'],
  ['changed', 'Changed'],
  ['deprecated', 'Deprecated'],
  ['added', 'Added'],
];

/** How a rule reads in a changelog; rules not listed read as their id (`request limit tightened`). */
const SENTENCE: Partial<Record<RuleId, string>> = {
  'operation-removed': 'operation removed',
  'operation-removed-after-sunset': 'operation removed after its sunset date',
  'operation-added': 'new operation',
  'operation-deprecated': 'operation deprecated',
  'operation-id-changed': 'operationId renamed',
  'deprecated-without-sunset': 'deprecated',
  'parameter-removed': 'parameter removed',
  'parameter-removed-after-sunset': 'parameter removed after its sunset date',
  'parameter-added-required': 'new required parameter',
  'parameter-added-optional': 'new optional parameter',
  'parameter-made-required': 'parameter now required',
  'parameter-made-optional': 'parameter now optional',
  'parameter-deprecated': 'parameter deprecated',
  'property-deprecated': 'field deprecated',
  'response-required-property-removed': 'response field removed',
  'response-optional-property-removed': 'optional response field removed',
  'response-property-renamed': 'response field renamed',
  'response-property-added': 'new response field',
  'response-property-made-optional': 'response field now optional',
  'response-nullable-added': 'response value may be null',
  'response-enum-value-added': 'new enum value',
  'response-enum-value-removed': 'enum value no longer sent',
  'response-success-status-removed': 'success response removed',
  'response-error-status-removed': 'error response removed',
  'response-status-added': 'new response status',
  'request-default-changed': 'default changed',
  'component-schema-removed': 'schema removed',
};

/** One line of a changelog section. */
export interface ChangelogItem {
  breaking: boolean;
  /** What changed, for a reader: `SessionError.code`, `query parameter "limit"`, `GET /items`. */
  subject: string;
  /** The kind of change in words: `response field removed`. */
  what: string;
  /** The values: `optional → required`, or the one that matters (`deprecated, sunset 2027-01-31`). */
  change: string;
  /** operationIds affected (empty for document-wide changes). */
  operations: string[];
}

/** Where a change is, for a reader: the component definition when there is one, else the field in words. */
function subject(finding: Finding): string {
  if (finding.field === 'operation') return finding.operation;
  const match = /^\/components\/schemas\/([^/]+)(.*)$/.exec(finding.source ?? '');
  if (!match) return finding.field;
  const rest = (match[2] ?? '')
    .replace(
      /\/(type|format|enum|default|deprecated|x-sunset|description|required|discriminator|pattern|multipleOf|uniqueItems|m(in|ax)\w*|exclusive\w*)$/,
      '',
    )
    .replace(/\/properties\//g, '.')
    .replace(/\/items/g, '[]')
    .replace(/~1/g, '/')
    .replace(/~0/g, '~');
  return `${match[1]}${rest}`;
}

/** The values worth printing: both sides of a change, or the one side of an addition or removal unless the subject already says it. */
function changeText(finding: Finding, where: string): string {
  if (finding.category === 'deprecated') return finding.after.replace(/^deprecated, /, '');
  const one =
    finding.before === '(absent)'
      ? finding.after
      : finding.after === '(removed)' || finding.after === '(absent)'
        ? finding.before
        : undefined;
  if (one === undefined) return `${finding.before} → ${finding.after}`;
  return one.includes(where) || where.includes(one) ? '' : one;
}

/** The changelog items of one section: findings of the same change are merged, their operations listed. */
export function changelogItems(findings: readonly Finding[], category: Category): ChangelogItem[] {
  const groups = new Map<string, ChangelogItem>();
  for (const finding of findings) {
    if (finding.category !== category) continue;
    const where = subject(finding);
    const item: ChangelogItem = {
      breaking: finding.severity === 'breaking',
      subject: where,
      what: SENTENCE[finding.rule] ?? finding.rule.replace(/-/g, ' '),
      change: changeText(finding, where),
      operations: [],
    };
    const key = `${finding.rule}|${item.subject}|${finding.before}|${finding.after}`;
    const group = groups.get(key) ?? item;
    const perOperation = finding.operationId !== '(spec)' && finding.field !== 'operation';
    if (perOperation && !group.operations.includes(finding.operationId)) group.operations.push(finding.operationId);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The changelog entry (Markdown) for a release from `from` to `to`. */
export function changelogEntry(findings: readonly Finding[], from: string, to: string, bump: Bump): string {
  const counts = countFindings(findings);
  const lines = [
    `API ${from} → ${to} (${bump}): ${counts.breaking} breaking, ${findings.length - counts.breaking} other change(s), generated from the spec diff.`,
  ];
  for (const [category, title] of SECTIONS) {
    const items = changelogItems(findings, category).map((item) => {
      const affected = item.operations.length ? ` (${item.operations.map((operation) => `\`${operation}\``).join(', ')})` : '';
      return `- ${item.breaking ? '**BREAKING** ' : ''}\`${item.subject}\`: ${item.what}${item.change ? `, ${item.change}` : ''}${affected}`;
    });
    if (items.length) lines.push('', `**${title}**`, '', ...items);
  }
  const docs = findings.filter((finding) => finding.category === 'docs').length;
  if (docs) lines.push('', `**Documentation**: ${docs} documentation change(s) (descriptions, summaries, tags, servers).`);
  if (!findings.length) lines.push('', 'No change to the API contract.');
  return lines.join('\n');
}

/** The release bump implied by a diff: breaking → major, anything added, deprecated or changed → minor, else patch. */
export function bumpFor(findings: readonly Finding[]): Bump {
  if (findings.some((finding) => finding.severity === 'breaking')) return 'major';
  if (findings.some((finding) => finding.category !== 'docs')) return 'minor';
  return 'patch';
}
