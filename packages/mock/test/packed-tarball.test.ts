// The package as a consumer gets it, outside the workspace: `pnpm pack` of the mock and of the spec package
// it depends on (the shared server layer), `npm install <tarballs>` into a scratch project under the OS temp
// dir (other dependencies from the npm registry), then `npx session-obs-mock` and `startMock()` from the
// installed copy, each answering a real request.
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, killGroup } from '@session-obs/devkit';

const run = promisify(execFile);
const packageDir = join(import.meta.dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'mock-consumer-'));
const installed = join(scratch, 'node_modules', '@session-obs', 'mock');

beforeAll(async () => {
  const pack = async (dir: string) =>
    (await run('pnpm', ['pack', '--pack-destination', scratch], { cwd: dir })).stdout.trim().split('\n').at(-1)!;
  const tarballs = [await pack(join(packageDir, '..', 'spec')), await pack(packageDir)];
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }));
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs], { cwd: scratch });
}, 300_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the packed @session-obs/mock, installed with npm', () => {
  it('has a manifest with exact run-time dependencies and the spec inside', () => {
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    for (const range of Object.values(manifest.dependencies as Record<string, string>)) expect(range).toMatch(/^\d+\.\d+\.\d+$/);
    // The shared server layer is a dependency at its exact version, as in the sandbox.
    expect(manifest.dependencies['@session-obs/spec']).toBe(manifest.version);
    expect(JSON.parse(readFileSync(join(installed, 'dist', 'openapi.json'), 'utf8')).openapi).toBe('3.1.0');
  });

  it('serves with npx session-obs-mock on MOCK_PORT', async () => {
    const port = await freePort();
    const child = spawn('npx', ['--no-install', 'session-obs-mock'], {
      cwd: scratch,
      env: { ...process.env, MOCK_PORT: String(port) },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      await new Promise<void>((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`npx exited with ${code}: ${out}`)));
        child.stderr.on('data', (chunk) => (out += chunk));
        child.stdout.on('data', (chunk) => {
          out += chunk;
          if (out.includes('Mock server ready')) resolve();
        });
      });
      const ok = await fetch(`http://127.0.0.1:${port}/session-errors?limit=1`, { headers: { Authorization: 'Bearer t' } });
      expect(ok.status).toBe(200);
      const invalid = await fetch(`http://127.0.0.1:${port}/sessions/%FF/errors`, { headers: { Authorization: 'Bearer t' } });
      expect(invalid.status).toBe(400);
      expect((await invalid.json()).code).toBe('invalid_data');
    } finally {
      const exited = once(child, 'exit');
      killGroup(child);
      await exited;
    }
  });

  it('starts and stops with startMock() imported by name', async () => {
    const script = `import { startMock } from '@session-obs/mock';
      const mock = await startMock();
      const response = await fetch(mock.url + '/session-error-groups', { headers: { Authorization: 'Bearer t' } });
      console.log(response.status, (await response.json()).object);
      await mock.stop();`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: scratch });
    expect(stdout.trim()).toBe('200 list');
  });
});
