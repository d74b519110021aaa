// The docs site's Changelog page, generated from released snapshots: each release against the one
// before it, newest first, plus what changed since the last release.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { changelogPage } from '../src/changelog-page.js';
import type { Document } from '../src/openapi.js';
import { readSnapshots, writeSnapshot } from '../src/snapshots.js';
import { base } from './fixtures/base-spec.js';
import { TODAY } from './fixtures/case.js';
import { repoRoot, runCli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'governance-changelog-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const packages = { '@session-obs/types': '0.1.0' };

function releases(name: string) {
  const baseline = join(dir, name);
  writeSnapshot(baseline, base() as Document, { version: '1.0.0', packages });
  const second = base();
  Object.assign(second.paths['/items'].post, { deprecated: true, 'x-sunset': '2027-06-30' });
  second.components.schemas.Item.properties.color = { type: 'string' };
  writeSnapshot(baseline, second as Document, { version: '1.1.0', date: '2027-01-10', packages });
  const third = base();
  delete third.paths['/items'].post;
  third.components.schemas.Item.properties.color = { type: 'string' };
  writeSnapshot(baseline, third as Document, { version: '2.0.0', date: '2027-07-01', packages });
  return { baseline, third };
}

describe('released snapshots', () => {
  it('a release archives the snapshot it replaces; all are read back oldest first', () => {
    const { baseline } = releases('archive');
    expect(existsSync(join(baseline, 'releases', '1.0.0', 'openapi.json'))).toBe(true);
    expect(existsSync(join(baseline, 'releases', '1.1.0', 'version.json'))).toBe(true);
    const snapshots = readSnapshots(baseline);
    expect(snapshots.map((s) => [s.version, s.date, s.spec.info?.version])).toEqual([
      ['1.0.0', undefined, '1.0.0'],
      ['1.1.0', '2027-01-10', '1.1.0'],
      ['2.0.0', '2027-07-01', '2.0.0'],
    ]);
  });
});

describe('the Changelog page', () => {
  const { baseline, third } = releases('page');
  const current = structuredClone(third);
  current.paths['/items'].get.parameters.push({ name: 'region', in: 'query', schema: { type: 'string' } });
  const html = changelogPage({ baselineDir: baseline, current: current as Document, now: TODAY });
  const section = (id: string) => html.split(`<section id="${id}">`)[1]!.split('</section>')[0]!;

  it('lists the releases newest first, unreleased changes on top', () => {
    const order = [...html.matchAll(/<section id="([^"]+)">/g)].map((m) => m[1]);
    expect(order).toEqual(['unreleased', 'v2.0.0', 'v1.1.0', 'v1.0.0']);
    expect(section('v1.1.0')).toContain('<time datetime="2027-01-10">2027-01-10</time>');
  });

  it('says what each release changed, from the diff of its snapshot with the one before', () => {
    expect(section('unreleased')).toContain('<code>query parameter &quot;region&quot;</code>: new optional parameter');
    expect(section('v2.0.0')).toContain(
      '<strong class="breaking">BREAKING</strong> <code>POST /items</code>: operation removed before sunset',
    );
    expect(section('v1.1.0')).toMatch(
      /<h3>Deprecated<\/h3>\n<ul><li><code>POST \/items<\/code>: operation deprecated, sunset 2027-06-30<\/li>/,
    );
    expect(section('v1.1.0')).toContain('<code>Item.color</code>: new response field, string');
    expect(section('v1.0.0')).toContain('First release: 3 operation(s).');
  });

  it('is self-contained: no script and nothing fetched from another origin', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)="https?:/i);
    expect(html).toContain('<a href="index.html">← API reference</a>');
  });
});

describe('changelog-page (CLI)', () => {
  it('writes the page of the committed snapshots and the current bundle', () => {
    const out = join(dir, 'changelog.html');
    const result = runCli('changelog-page', '--out', out, '--spec', join(repoRoot, 'packages/spec/dist/openapi.json'));
    expect(result.code, result.out).toBe(0);
    const page = readFileSync(out, 'utf8');
    expect(page).toContain('<section id="v1.0.0">');
    expect(page).toMatch(/First release: \d+ operation\(s\)\./);
  });
});
