// The Changelog page of the docs site, generated from the released snapshots' diffs: each release
// against the one before it (newest first), plus what changed since the last release.
import { fileURLToPath } from 'node:url';
import { changelogItems, SECTIONS, type ChangelogItem } from './changelog.js';
import { diffSpecs } from './diff/index.js';
import type { Document } from './openapi.js';
import type { Finding } from './rules/index.js';
import { readSnapshots, type Snapshot } from './snapshots.js';
import { listOperations } from '@session-obs/spec/pointer';

export interface ChangelogPageOptions {
  /** Where the released snapshots are (default: this package's `baseline/`). */
  baselineDir?: string;
  /** The current bundle: its changes since the last release are listed as "Unreleased". */
  current?: Document;
  /** The moment sunset dates are judged against (default: now). */
  now?: Date;
  /** Link back to the API reference (default `index.html`). */
  referenceHref?: string;
}

/** One entry of the page: a release (or the unreleased changes) and its changes. */
export interface ChangelogRelease {
  version: string;
  date?: string;
  /** The version this one is compared with; absent for the first release. */
  previous?: string;
  findings: Finding[];
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The releases of the page, newest first: each snapshot diffed with the one before it. */
export function changelogReleases(
  snapshots: readonly Snapshot[],
  options: Pick<ChangelogPageOptions, 'current' | 'now'> = {},
): ChangelogRelease[] {
  const now = options.now ?? new Date();
  const releases: ChangelogRelease[] = snapshots.map((snapshot, index) => {
    const previous = snapshots[index - 1];
    return {
      version: snapshot.version,
      ...(snapshot.date ? { date: snapshot.date } : {}),
      ...(previous ? { previous: previous.version } : {}),
      findings: previous ? diffSpecs(previous.spec, snapshot.spec, { now }) : [],
    };
  });
  const last = snapshots[snapshots.length - 1];
  if (options.current && last) {
    const findings = diffSpecs(last.spec, options.current, { now });
    if (findings.length) releases.push({ version: 'Unreleased', previous: last.version, findings });
  }
  return releases.reverse();
}

function itemHtml(item: ChangelogItem): string {
  const mark = item.breaking ? '<strong class="breaking">BREAKING</strong> ' : '';
  const change = item.change ? `, ${escapeHtml(item.change)}` : '';
  const affected = item.operations.length
    ? ` <span class="ops">(${item.operations.map((operation) => `<code>${escapeHtml(operation)}</code>`).join(', ')})</span>`
    : '';
  return `<li>${mark}<code>${escapeHtml(item.subject)}</code>: ${escapeHtml(item.what)}${change}${affected}</li>`;
}

function releaseHtml(release: ChangelogRelease, snapshots: readonly Snapshot[]): string {
  const id = release.version === 'Unreleased' ? 'unreleased' : `v${release.version}`;
  const title = release.version === 'Unreleased' ? `Unreleased (since ${release.previous ?? ''})` : release.version;
  const date = release.date ? ` <time datetime="${release.date}">${release.date}</time>` : '';
  const parts = [`<section id="${id}"><h2>${escapeHtml(title)}${date}</h2>`];
  if (!release.previous) {
    const spec = snapshots.find((snapshot) => snapshot.version === release.version)?.spec;
    const count = spec ? listOperations(spec).length : 0;
    parts.push(`<p>First release: ${count} operation(s).</p>`);
  }
  for (const [category, heading] of SECTIONS) {
    const items = changelogItems(release.findings, category);
    if (items.length) parts.push(`<h3>${heading}</h3>`, `<ul>${items.map(itemHtml).join('')}</ul>`);
  }
  const docs = release.findings.filter((finding) => finding.category === 'docs').length;
  if (docs) parts.push(`<p class="docs">${docs} documentation change(s) (descriptions, summaries, tags, servers).</p>`);
  if (release.previous && !release.findings.length) parts.push('<p>No change to the API contract.</p>');
  parts.push('</section>');
  return parts.join('\n');
}

const STYLE = `body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:52rem;margin:0 auto;padding:2rem 1rem;color:#1f2933}
h1{font-size:1.8rem}h2{border-bottom:1px solid #d9e2ec;padding-bottom:.3rem;margin-top:2.5rem}time{font-size:.9rem;color:#52606d;font-weight:normal;margin-left:.5rem}
code{background:#f0f4f8;padding:0 .25rem;border-radius:3px;font-size:.9em}.breaking{color:#b42318}.ops{color:#52606d}li{margin:.25rem 0}`;

/** The Changelog page (self-contained HTML: no script, no external resource). */
export function changelogPage(options: ChangelogPageOptions = {}): string {
  const baselineDir = options.baselineDir ?? fileURLToPath(new URL('../baseline/', import.meta.url));
  const snapshots = readSnapshots(baselineDir);
  const releases = changelogReleases(snapshots, options);
  const title = snapshots[snapshots.length - 1]?.spec.info?.title ?? 'API';
  const reference = escapeHtml(options.referenceHref ?? 'index.html');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Changelog · ${escapeHtml(title)}</title>
<link rel="icon" type="image/svg+xml" href="favicon.svg">
<style>${STYLE}</style>
</head>
<body>
<!-- Generated by @session-obs/governance (changelogPage) from the released spec snapshots. Do not edit. -->
<p><a href="${reference}">← API reference</a></p>
<h1>Changelog · ${escapeHtml(title)}</h1>
<p>Every release of the API, generated from the difference between its published OpenAPI document and the previous one. Changes marked <strong class="breaking">BREAKING</strong> came with a major version.</p>
${releases.map((release) => releaseHtml(release, snapshots)).join('\n')}
</body>
</html>
`;
}
