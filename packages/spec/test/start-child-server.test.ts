// startChildServer with small inline children: ready on a line, a child that dies or stays silent, and a
// stop that takes the child's own children with it.
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, startChildServer } from '../src/server/index.js';

/** Running (not gone, and not a zombie left for an init that reaps slowly: Linux's /proc tells which). */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
};
const node = (script: string) => ['-e', script];
/** Live processes whose command line contains `marker`. */
const processesWith = (marker: string) =>
  readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker) && alive(Number(pid));
      } catch {
        return false; // gone while we looked
      }
    });

describe('startChildServer', () => {
  it('resolves on the ready line, passes every line on, and stops the child with the children it started', async () => {
    const port = await freePort();
    const lines: string[] = [];
    const server = await startChildServer({
      name: 'the test server',
      // The server starts a grandchild that would outlive it if only the server were killed.
      args: node(`
        const { spawn } = require('node:child_process');
        const grandchild = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
        console.log('grandchild ' + grandchild.pid);
        require('node:http').createServer((_, res) => res.end('ok')).listen(${port}, '127.0.0.1', () => console.log('ready on ${port}'));`),
      url: `http://127.0.0.1:${port}`,
      readyLine: /^ready on/,
      onLog: (line) => lines.push(line),
      readyTimeoutMs: 10_000,
    });
    const grandchild = Number(lines.find((l) => l.startsWith('grandchild '))!.split(' ')[1]);
    expect(await (await fetch(`http://127.0.0.1:${port}`)).text()).toBe('ok');
    expect(lines).toContain(`ready on ${port}`);
    await server.stop();
    expect(alive(server.process.pid!)).toBe(false);
    await expect.poll(() => alive(grandchild)).toBe(false);
  });

  it('a child that exits first rejects with its name, exit code and last output', async () => {
    await expect(
      startChildServer({
        name: 'the failing server',
        args: node(`console.error('port taken'); process.exit(3)`),
        url: 'http://127.0.0.1:1',
        readyLine: /ready/,
        readyTimeoutMs: 10_000,
      }),
    ).rejects.toThrow(/^the failing server exited before it was ready \(code 3, signal null\)\.\nport taken$/);
  });

  it('a child that is not ready in time is stopped, and the error says where it was expected', async () => {
    // The child is found by a marker in its command line, not by a line it prints: on a loaded machine Node
    // may not have started (or printed anything) within the deadline, and the child must be stopped anyway.
    const marker = `silent-${process.pid}-${Date.now()}`;
    const error = await startChildServer({
      name: 'the silent server',
      args: node(`/* ${marker} */ console.log('pid ' + process.pid); setInterval(() => {}, 1000)`),
      url: 'http://127.0.0.1:9',
      readyLine: /ready/,
      readyTimeoutMs: 500,
    }).catch((e: unknown) => e);
    expect(String(error)).toMatch(/^Error: the silent server was not ready on http:\/\/127\.0\.0\.1:9 within 500 ms\.\n(pid \d+)?$/);
    expect(processesWith(marker)).toEqual([]);
  });

  it('alsoReady can settle readiness without a line', async () => {
    const server = await startChildServer({
      name: 'the quiet server',
      args: node('setInterval(() => {}, 1000)'),
      url: 'http://127.0.0.1:9',
      readyLine: /never printed/,
      alsoReady: async () => {},
      readyTimeoutMs: 10_000,
    });
    expect(alive(server.process.pid!)).toBe(true);
    await server.stop();
    expect(alive(server.process.pid!)).toBe(false);
  });

  it('runs another command in the given working directory', async () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'devkit-cwd-')));
    const lines: string[] = [];
    const server = await startChildServer({
      name: 'the shell server',
      command: 'sh',
      args: ['-c', 'echo "in $(pwd)"; exec sleep 60'],
      cwd: dir,
      url: 'http://127.0.0.1:9',
      readyLine: /^in /,
      onLog: (line) => lines.push(line),
      readyTimeoutMs: 10_000,
    });
    try {
      expect(lines).toEqual([`in ${dir}`]);
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(alive(server.process.pid!)).toBe(false);
  });
});
