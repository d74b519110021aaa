// The gate's report as GitHub-flavoured Markdown, for a job summary or a pull-request comment: a
// summary line, then one table row per finding (non-breaking ones folded away).
import type { GateResult } from './gate.js';
import { ICON } from './report.js';
import type { Finding } from './rules/index.js';

/** A table cell: pipes escaped, newlines flattened. */
export function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Inline code for a table cell (a backtick inside needs a double fence; pipes stay escaped). */
export function code(text: string): string {
  const inner = cell(text);
  return inner.includes('`') ? `\`\` ${inner} \`\`` : `\`${inner}\``;
}

const HEADER = ['| | rule | operation | field | before → after |', '| --- | --- | --- | --- | --- |'];

function row(finding: Finding): string {
  const operation = finding.operationId === '(spec)' ? 'whole API' : `${code(finding.operationId)}<br>${cell(finding.operation)}`;
  const defined = finding.source ? ` (defined at ${code(`#${finding.source}`)})` : '';
  const field = `${cell(finding.field)}<br><sub>${code(finding.pointer)}${defined}</sub>`;
  return `| ${ICON[finding.severity]} ${finding.severity} | ${code(finding.rule)} | ${operation} | ${field} | ${cell(`${finding.before} → ${finding.after}`)} |`;
}

/** The report: a heading with the verdict, the counts, and the findings as tables. */
export function gateMarkdown(result: GateResult): string {
  const { breaking, warning, info } = result.counts;
  const loud = result.findings.filter((finding) => finding.severity !== 'info');
  const quiet = result.findings.filter((finding) => finding.severity === 'info');
  const lines = [
    `### ${result.ok ? '✔' : '✖'} API contract check: ${cell(result.verdict)}`,
    '',
    `**${breaking} breaking, ${warning} warning, ${info} other change(s)** between the released API ${code(result.baseVersion)} and this ${code(result.version)}.`,
  ];
  if (result.unaccepted.length)
    lines.push('', `**Not yet accepted for ${code(result.version)}:**`, '', ...HEADER, ...result.unaccepted.map(row));
  if (loud.length) lines.push('', ...HEADER, ...loud.map(row));
  if (quiet.length)
    lines.push(
      '',
      `<details><summary>${quiet.length} non-breaking change(s)</summary>`,
      '',
      ...HEADER,
      ...quiet.map(row),
      '',
      '</details>',
    );
  lines.push(
    '',
    '<sub>Rules and levels: `packages/governance/RULES.md`. A breaking change passes only with a major `info.version` bump, once accepted (`pnpm check:breaking --accept`).</sub>',
  );
  return lines.join('\n');
}
