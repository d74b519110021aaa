// The root README's install commands for today (before a release is on the registry), run as printed: pack
// the five packages from this repository, install the client's tarball into a scratch project with npm,
// and make a call with it. The servers' line is checked for what it names (each glob matches one tarball
// whose manifest has exact ranges only); installing it is what the registry consumers above already do.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '@session-obs/sandbox';
import { consumerEnv } from '../src/consumer-env.js';
import { repoRoot } from '../src/paths.js';
import { runChecked } from '../src/run-command.js';
import { assertIsolated } from '../src/scratch-project.js';

const README_FOLDER = '/tmp/session-obs-tarballs';
const PACK =
  'pnpm --filter @session-obs/spec --filter @session-obs/client --filter @session-obs/mock --filter @session-obs/sandbox --filter @session-obs/mcp pack --pack-destination /tmp/session-obs-tarballs';
const INSTALL_CLIENT = 'npm install /tmp/session-obs-tarballs/session-obs-client-*.tgz';
const INSTALL_SERVERS =
  'npm install --save-dev /tmp/session-obs-tarballs/session-obs-spec-*.tgz /tmp/session-obs-tarballs/session-obs-sandbox-*.tgz /tmp/session-obs-tarballs/session-obs-mock-*.tgz';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const tarballs = mkdtempSync(join(tmpdir(), 'session-obs-tarballs-'));
const project = mkdtempSync(join(tmpdir(), 'session-obs-tarball-consumer-'));
/** A README line, run in bash with the README's folder swapped for this run's own. */
const runLine = (line: string, cwd: string) =>
  runChecked('bash', ['-c', line.replaceAll(README_FOLDER, tarballs)], { cwd, env: consumerEnv() });

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ tokens: ['tarball-token'], sessions: 2, errors: 30 });
});
afterAll(async () => {
  await sandbox?.stop();
  for (const dir of [tarballs, project]) rmSync(dir, { recursive: true, force: true });
});

describe('the README’s tarball install', () => {
  it('prints the commands this test runs', () => {
    for (const line of [PACK, INSTALL_CLIENT, INSTALL_SERVERS]) expect(readme).toContain(`\n${line}\n`);
  });

  it('packs the five packages, with exact ranges only', async () => {
    await runLine(PACK, repoRoot);
    const files = readdirSync(tarballs).sort();
    expect(files.map((file) => file.replace(/-\d+\.\d+\.\d+\.tgz$/, ''))).toEqual([
      'session-obs-client',
      'session-obs-mcp',
      'session-obs-mock',
      'session-obs-sandbox',
      'session-obs-spec',
    ]);
    for (const file of files) {
      const { stdout } = await runChecked('tar', ['-xzOf', join(tarballs, file), 'package/package.json'], {
        cwd: tarballs,
        env: consumerEnv(),
      });
      expect(stdout, file).not.toMatch(/"(workspace|catalog):/);
    }
    // Each glob of the servers' line names exactly one of them.
    for (const glob of INSTALL_SERVERS.match(/session-obs-[a-z]+-\*\.tgz/g) ?? [])
      expect(
        files.filter((file) => new RegExp(`^${glob.replace('*', '\\d+\\.\\d+\\.\\d+')}$`).test(file)),
        glob,
      ).toHaveLength(1);
  });

  it('installs the client tarball with npm, and it calls the sandbox', async () => {
    assertIsolated(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'your-project', version: '1.0.0', private: true, type: 'module' }));
    await runLine(INSTALL_CLIENT, project);
    const script = `import { createClient } from '@session-obs/client';
      const client = createClient({ baseUrl: ${JSON.stringify(sandbox.url)}, token: 'tarball-token' });
      const page = await client.unwrap(client.GET('/session-errors', { params: { query: { limit: 100 } } }));
      console.log(page.items.length);`;
    const { stdout } = await runChecked('node', ['--input-type=module', '-e', script], { cwd: project, env: consumerEnv() });
    expect(stdout.trim()).toBe('30');
  });
});
