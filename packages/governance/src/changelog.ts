// Writes the changelog entry of a release from the spec diff: added, changed, deprecated, removed.
import type { Category, Finding } from './rules.js';
import { countFindings } from './report.js';
import type { Bump } from './version.js';

const SECTIONS: Array<[Category, string]> = [
  ['removed', 'Removed'],
  ['changed', 'Changed'],
  ['deprecated', 'Deprecated'],
  ['added', 'Added'],
];

const SENTENCE: Record<string, string> = {
  'path-removed': 'path removed',
  'operation-removed': 'operation removed',
  'operation-added': 'new operation',
  'operation-deprecated': 'operation deprecated',
  'operation-id-changed': 'operationId renamed',
  'parameter-removed': 'parameter removed',
  'parameter-added-required': 'new required parameter',
  'parameter-added-optional': 'new optional parameter',
  'parameter-made-required': 'parameter now required',
  'parameter-made-optional': 'parameter now optional',
  'parameter-deprecated': 'parameter deprecated',
  'property-deprecated': 'field deprecated',
  'response-property-removed': 'response field removed',
  'response-property-renamed': 'response field renamed',
  'response-property-added': 'new response field',
  'response-property-made-optional': 'response field now optional',
  'response-made-nullable': 'response value may be null',
  'response-enum-value-added': 'new enum value',
  'response-enum-value-removed': 'enum value removed',
  'response-status-removed': 'response status removed',
  'response-status-added': 'new response status',
};

/** Where a change is, for a reader: the component definition when there is one, else the pointer. */
function place(f: Finding): string {
  const at = f.source ?? f.pointer;
  const m = /^\/components\/schemas\/([^/]+)(.*)$/.exec(at);
  if (m)
    return `${m[1]}${m[2]!
      .replace(/\/properties\//g, '.')
      .replace(/\/items/g, '[]')
      .replace(/~1/g, '/')
      .replace(/~0/g, '~')}`;
  return at.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** One bullet per distinct change; changes to a shared component list every operation they affect. */
function bullets(findings: Finding[]): string[] {
  const groups = new Map<string, { f: Finding; ops: Set<string> }>();
  for (const f of findings) {
    const key = `${f.rule}|${f.source ?? f.pointer}|${f.before}|${f.after}`;
    const g = groups.get(key) ?? { f, ops: new Set<string>() };
    g.ops.add(f.operationId);
    groups.set(key, g);
  }
  return [...groups.values()].map(({ f, ops }) => {
    const what = SENTENCE[f.rule] ?? f.rule.replace(/-/g, ' ');
    const mark = f.severity === 'breaking' ? '**BREAKING** ' : '';
    const change =
      f.before === '(absent)' ? f.after : f.after === '(removed)' || f.after === '(absent)' ? f.before : `${f.before} → ${f.after}`;
    const opList = [...ops].filter((o) => o !== '(spec)');
    const affected = f.operation === '(spec)' || !opList.length ? '' : ` (${opList.map((o) => `\`${o}\``).join(', ')})`;
    const where = f.rule.startsWith('operation-') || f.rule === 'path-removed' ? `\`${f.operation}\`` : `\`${place(f)}\``;
    return `- ${mark}${where}: ${what}, ${change}${affected}`;
  });
}

/** The changelog entry (Markdown) for a release from `from` to `to`. */
export function changelogEntry(findings: Finding[], from: string, to: string, bump: Bump): string {
  const counts = countFindings(findings);
  const lines = [
    `API ${from} → ${to} (${bump}): ${counts.breaking} breaking, ${findings.length - counts.breaking} other change(s), generated from the spec diff.`,
  ];
  for (const [category, title] of SECTIONS) {
    const items = bullets(findings.filter((f) => f.category === category));
    if (items.length) lines.push('', `**${title}**`, '', ...items);
  }
  const docs = findings.filter((f) => f.category === 'docs').length;
  if (docs) lines.push('', `**Documentation**: ${docs} documentation change(s) (descriptions, summaries, tags, servers).`);
  if (!findings.length) lines.push('', 'No change to the API contract.');
  return lines.join('\n');
}

/** The release bump implied by a diff: breaking → major, anything added, deprecated or changed → minor, else patch. */
export function bumpFor(findings: Finding[]): Bump {
  if (findings.some((f) => f.severity === 'breaking')) return 'major';
  if (findings.some((f) => f.category !== 'docs')) return 'minor';
  return 'patch';
}
