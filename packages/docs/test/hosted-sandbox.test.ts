// DOCS_SANDBOX_URL at build time: which values a build accepts (and how it names a wrong one, in one line,
// before doing any work), and what an accepted URL adds: a marked root server in the rendered spec that
// the console's model offers on every operation, while each operation keeps its production servers.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listOperations, loadSpec } from '@session-obs/spec';
import { buildSettings } from '../src/build-settings.js';
import { hostedSandboxUrl, withHostedSandbox } from '../src/hosted-sandbox.js';
import { llmsTxt } from '../src/markdown/llms-txt.js';
import { operationPage } from '../src/markdown/operation-page.js';
import { prepareSpec } from '../src/page.js';
import { consoleModel } from '../src/try-it-model.js';

const buildScript = fileURLToPath(new URL('../scripts/build.mjs', import.meta.url));

describe('DOCS_SANDBOX_URL', () => {
  it('is optional, and normalised when given', () => {
    expect(hostedSandboxUrl({})).toBeUndefined();
    expect(hostedSandboxUrl({ DOCS_SANDBOX_URL: '  ' })).toBeUndefined();
    expect(hostedSandboxUrl({ DOCS_SANDBOX_URL: 'https://Sandbox.Example.com/' })).toBe('https://sandbox.example.com');
    expect(hostedSandboxUrl({ DOCS_SANDBOX_URL: 'http://127.0.0.1:4020' })).toBe('http://127.0.0.1:4020');
    expect(hostedSandboxUrl({ DOCS_SANDBOX_URL: 'https://example.com/sandbox/' })).toBe('https://example.com/sandbox');
  });

  it.each([
    ['ftp://sandbox.example.com', 'has the scheme ftp'],
    ['javascript:alert(1)', 'has the scheme javascript'],
    ['sandbox.example.com', 'is not a URL'],
    ['https://user:secret@sandbox.example.com', 'carries credentials'],
    ['https://sandbox.example.com/?tenant=1', 'has a query or a fragment'],
    ['https://sandbox.example.com/#x', 'has a query or a fragment'],
  ])('refuses %s: it %s', (value, why) => {
    expect(() => hostedSandboxUrl({ DOCS_SANDBOX_URL: value })).toThrow(
      `DOCS_SANDBOX_URL must be the http(s) URL of a hosted sandbox, such as https://sandbox.example.com: "${value}" ${why}.`,
    );
  });

  it('stops the build with one line and exit code 2 before anything is written', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'docs-bad-url-')), 'site');
    try {
      const result = spawnSync(process.execPath, [buildScript, '--out', out], {
        env: { ...process.env, DOCS_SANDBOX_URL: 'ftp://sandbox.example.com' },
        encoding: 'utf8',
      });
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(
        '✖ DOCS_SANDBOX_URL must be the http(s) URL of a hosted sandbox, such as https://sandbox.example.com: "ftp://sandbox.example.com" has the scheme ftp.\n',
      );
      expect(existsSync(out)).toBe(false);
    } finally {
      rmSync(join(out, '..'), { recursive: true, force: true });
    }
  });

  it('reads --out, and refuses --out without a folder', () => {
    expect(buildSettings(['node', 'build.mjs', '--out', 'x'], {}, '/d').dist).toBe(join(process.cwd(), 'x'));
    expect(buildSettings(['node', 'build.mjs'], { DOCS_SANDBOX_URL: 'https://s.example.com' }, '/d')).toEqual({
      dist: '/d',
      hostedSandbox: 'https://s.example.com',
    });
    expect(() => buildSettings(['node', 'build.mjs', '--out'], {}, '/d')).toThrow('--out needs a folder');
    expect(() => buildSettings(['node', 'build.mjs', '--out', '--samples-only'], {}, '/d')).toThrow('--out needs a folder');
  });

  it("adds the hosted sandbox last to the spec's servers and first-class to the console's model", () => {
    const plain = prepareSpec(loadSpec()).spec;
    const spec = prepareSpec(withHostedSandbox(loadSpec(), 'https://sandbox.example.com')).spec;
    expect(spec.servers).toEqual([
      ...plain.servers,
      { url: 'https://sandbox.example.com', description: 'Sandbox (hosted)', 'x-hosted-sandbox': true },
    ]);
    const model = consoleModel(spec);
    expect(model.hosted).toEqual({ url: 'https://sandbox.example.com', description: 'Sandbox (hosted)' });
    // Each operation keeps exactly its production servers: the console adds the hosted one itself.
    expect(model.operations.map((operation) => operation.servers)).toEqual(
      consoleModel(plain).operations.map((operation) => operation.servers),
    );
    expect(consoleModel(plain).hosted).toBeUndefined();
    expect(withHostedSandbox(plain, undefined)).toBe(plain);
  });

  it('is named in llms.txt, while the operation pages keep naming the production server', () => {
    const hosted = withHostedSandbox(loadSpec(), 'https://sandbox.example.com');
    expect(llmsTxt(hosted)).toContain(
      'use the hosted sandbox at https://sandbox.example.com: `POST https://sandbox.example.com/_sandbox/tenants` (no token) answers `201` with a `token`',
    );
    expect(llmsTxt(loadSpec())).not.toContain('hosted sandbox');
    expect(llmsTxt(loadSpec())).toBe(llmsTxt(withHostedSandbox(loadSpec(), undefined)));
    const plain = loadSpec();
    for (const entry of listOperations(plain)) expect(operationPage(hosted, entry)).toBe(operationPage(plain, entry));
  });
});
