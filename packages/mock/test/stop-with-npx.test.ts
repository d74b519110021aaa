// `npx session-obs-mock` (the README's command) as a process supervisor stops it: SIGTERM to npx ends npm and
// its `sh` without passing the signal on. The fake npx here does the same (it starts the real CLI with npm's
// environment and exits on SIGTERM), and the mock must notice and stop rather than keep its port forever.
// Started any other way (directly, or in the background by a package script), a server whose parent ends
// keeps running: daemonising is allowed.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '@session-obs/devkit';

const cli = join(import.meta.dirname, '..', 'bin', 'session-obs-mock.js');
const dir = mkdtempSync(join(tmpdir(), 'mock-npx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A parent that starts the mock (its output into `log`), prints the mock's pid, and exits on SIGTERM without forwarding it. */
const FAKE_NPX = `
const { spawn } = require('node:child_process');
const { openSync } = require('node:fs');
const [cli, log] = process.argv.slice(1);
const out = openSync(log, 'a');
const child = spawn(process.execPath, [cli], { stdio: ['ignore', out, out] });
console.log(child.pid);
process.on('SIGTERM', () => process.exit(143));
setInterval(() => {}, 1000);
`;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !condition(); await new Promise((resolve) => setTimeout(resolve, 100)))
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
}

/** Starts the fake npx with `env`, waits for the mock to be ready; returns both pids and the mock's log file. */
async function startUnderFakeNpx(name: string, env: NodeJS.ProcessEnv) {
  const log = join(dir, `${name}.log`);
  const port = await freePort();
  const parent = spawn(process.execPath, ['-e', FAKE_NPX, cli, log], {
    env: { ...env, MOCK_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  let out = '';
  parent.stdout.on('data', (chunk) => (out += chunk));
  await until(() => /^\d+\n/.test(out), 'the mock pid');
  const mockPid = Number(out.trim());
  const read = () => {
    try {
      return readFileSync(log, 'utf8');
    } catch {
      return '';
    }
  };
  await until(() => read().includes('Mock server ready'), 'the ready line');
  return { parent, mockPid, port, read };
}

const { npm_lifecycle_event: _event, npm_execpath: _execpath, SESSION_OBS_STOP_WITH_PARENT: _watch, ...plainEnv } = process.env;

describe('the mock under a package manager', () => {
  it('stops (printing Stopping) when the npx that started it is sent SIGTERM and does not forward it', async () => {
    const npxEnv = { ...plainEnv, npm_lifecycle_event: 'npx', npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js' };
    const { parent, mockPid, port, read } = await startUnderFakeNpx('npx', npxEnv);
    try {
      process.kill(parent.pid!, 'SIGTERM');
      await until(() => !alive(mockPid), 'the mock to exit');
      expect(read()).toContain('Stopping the mock… (the npx that started it ended)');
      await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
    } finally {
      if (alive(mockPid)) process.kill(mockPid, 'SIGKILL');
    }
  });

  it.each([
    ['directly (no package manager)', plainEnv],
    [
      'in the background by a package script (`nohup … &`)',
      { ...plainEnv, npm_lifecycle_event: 'mock:bg', npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js' },
    ],
  ])('keeps running when started %s and its parent ends: daemonised on purpose', async (how, env) => {
    const { parent, mockPid, port } = await startUnderFakeNpx(how.replace(/\W+/g, '-'), env);
    try {
      process.kill(parent.pid!, 'SIGTERM');
      await until(() => !alive(parent.pid!), 'the parent to exit');
      // Four times the poll interval: a watching server would have stopped by now.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(alive(mockPid)).toBe(true);
      expect((await fetch(`http://127.0.0.1:${port}/session-errors`, { headers: { Authorization: 'Bearer t' } })).status).toBe(200);
    } finally {
      if (alive(mockPid)) process.kill(mockPid, 'SIGTERM');
      await until(() => !alive(mockPid), 'the mock to exit');
    }
  });
});
