// `npm start` ends with every server it started, whatever signal ends it: the test starts the start script
// (what `npm start` runs after building) in its own process group, as a terminal runs it, waits until it
// is ready, sends SIGINT, SIGTERM or SIGHUP (a closed terminal) to the whole group, and asserts that the
// docs, mock and sandbox ports are all free again within a few seconds. A second case kills the script
// outright (SIGKILL): its servers still stop, because each watches the pipe to its parent.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, killGroup, trackChild } from '@session-obs/devkit';

const startScript = fileURLToPath(new URL('../start.mjs', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'start-signals-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Whether something accepts connections on 127.0.0.1:port. */
const listening = (port) =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/** Starts the start script in its own process group on free ports; resolves once it prints that it is ready. */
async function startAll() {
  const ports = { DOCS_PORT: await freePort(), MOCK_PORT: await freePort(), SANDBOX_PORT: await freePort() };
  const env = { ...process.env, ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])) };
  // A small store, kept across the cases (the first one seeds it).
  Object.assign(env, { SANDBOX_DB: join(work, 'sandbox.db'), SANDBOX_ERRORS: '200', SANDBOX_SESSIONS: '10' });
  const child = spawn(process.execPath, [startScript], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  trackChild(child);
  let output = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready within 120 s:\n${output}`)), 120_000);
    for (const stream of [child.stdout, child.stderr])
      stream.setEncoding('utf8').on('data', (chunk) => {
        output += chunk;
        if (output.includes('✔ Ready')) {
          clearTimeout(timer);
          resolve();
        }
      });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code}) before it was ready:\n${output}`));
    });
  });
  return { child, ports: Object.values(ports) };
}

/** Polls until no port is listening, or `ms` have passed; resolves with the ports still taken. */
async function portsStillTaken(ports, ms) {
  const deadline = Date.now() + ms;
  for (;;) {
    const taken = [];
    for (const port of ports) if (await listening(port)) taken.push(port);
    if (taken.length === 0 || Date.now() > deadline) return taken;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('npm start stops every server it started', () => {
  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'])(
    '%s to its process group frees the docs, mock and sandbox ports',
    async (signal) => {
      const { child, ports } = await startAll();
      for (const port of ports) expect(await listening(port)).toBe(true);
      process.kill(-child.pid, signal);
      expect(await portsStillTaken(ports, 8_000)).toEqual([]);
      killGroup(child, 'SIGKILL');
    },
    180_000,
  );

  it('SIGKILL of the start script alone still frees every port (the servers follow their parent)', async () => {
    const { child, ports } = await startAll();
    process.kill(child.pid, 'SIGKILL');
    expect(await portsStillTaken(ports, 8_000)).toEqual([]);
  }, 180_000);
});
