// npm installing our packages on a Node older than their `engines`, as the root README says it goes: a
// warning by default, a refusal with engine-strict. A preloaded module makes npm's own process see Node
// v18.20.4 (npm then also warns that it does not support that Node, and carries on).
import { existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { consumerEnv } from '../src/consumer-env.js';
import { runCommand } from '../src/run-command.js';
import { assertIsolated } from '../src/scratch-project.js';

const work = mkdtempSync(join(tmpdir(), 'session-obs-old-node-'));
const shim = join(work, 'pretend-node-18.mjs');
writeFileSync(
  shim,
  "Object.defineProperty(process, 'version', { value: 'v18.20.4' });\nObject.defineProperty(process.versions, 'node', { value: '18.20.4' });\n",
);
/** npm's own script, next to this Node (`npm` on PATH is a link to it). */
const npmCli = realpathSync(join(dirname(process.execPath), 'npm'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `npm install @session-obs/client <flags>` in a new project, with npm believing it runs on Node 18.20.4. */
async function installOnOldNode(flags: string[]) {
  const project = mkdtempSync(join(work, 'project-'));
  assertIsolated(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'old-node', version: '1.0.0', private: true }));
  writeFileSync(join(project, '.npmrc'), `@session-obs:registry=${inject('registryUrl')}\n`);
  const result = await runCommand('node', ['--import', pathToFileURL(shim).href, npmCli, 'install', '@session-obs/client', ...flags], {
    cwd: project,
    env: consumerEnv(),
    timeoutMs: 120_000,
  });
  return { ...result, installed: existsSync(join(project, 'node_modules', '@session-obs', 'client', 'package.json')) };
}

describe('npm install on a Node older than engines', () => {
  it('warns EBADENGINE, naming the package and the Node it needs, and installs', async () => {
    const result = await installOnOldNode([]);
    expect(result.stderr).toMatch(/^npm warn EBADENGINE Unsupported engine \{$/m);
    expect(result.stderr).toContain("package: '@session-obs/client@");
    expect(result.stderr).toContain("required: { node: '>=20.19.0' }");
    expect(result.code).toBe(0);
    expect(result.installed).toBe(true);
  });

  it('refuses with EBADENGINE under engine-strict', async () => {
    const result = await installOnOldNode(['--engine-strict']);
    expect(result.stderr).toMatch(/^npm error code EBADENGINE$/m);
    expect(result.stderr).toContain('npm error notsup Required: {"node":">=20.19.0"}');
    expect(result.code).not.toBe(0);
    expect(result.installed).toBe(false);
  });
});
