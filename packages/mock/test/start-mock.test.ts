import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '@session-obs/devkit';
import { startMock } from '../src/index.js';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('startMock', () => {
  it('starts Prism on a free port, serves the spec, and stops its whole process group', async () => {
    const mock = await startMock();
    try {
      expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const ok = await fetch(`${mock.url}/session-errors`, { headers: { Authorization: 'Bearer t' } });
      expect(ok.status).toBe(200);
      expect((await ok.json()).object).toBe('list');
      const invalid = await fetch(`${mock.url}/session-errors?limit=0`, { headers: { Authorization: 'Bearer t' } });
      expect(invalid.status).toBe(400);
    } finally {
      await mock.stop();
    }
    expect(alive(mock.process.pid!)).toBe(false);
    await expect(fetch(mock.url)).rejects.toThrow();
  });

  it('runs two mocks side by side', async () => {
    const [a, b] = await Promise.all([startMock(), startMock()]);
    try {
      expect(a.port).not.toBe(b.port);
      for (const m of [a, b])
        expect((await fetch(`${m.url}/session-error-groups`, { headers: { Authorization: 'Bearer t' } })).status).toBe(200);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it('rejects with Prism output when the port is taken', async () => {
    const port = await freePort();
    const blocker = createServer().listen(port, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    try {
      await expect(startMock({ port, readyTimeoutMs: 30_000 })).rejects.toThrow(
        /Prism exited before it was ready|EADDRINUSE|Prism was not ready/,
      );
    } finally {
      blocker.close();
    }
  });

  it('rejects when the spec file does not exist', async () => {
    await expect(startMock({ specPath: '/nonexistent/openapi.json' })).rejects.toThrow(/Prism exited before it was ready/);
  });
});

describe('session-obs-mock CLI', () => {
  const cli = join(import.meta.dirname, '..', 'bin', 'session-obs-mock.js');

  it('prints its URL when ready and stops cleanly on SIGINT', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [cli], { env: { ...process.env, MOCK_PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not ready: ${out}`)), 60_000);
      child.stdout.on('data', () => {
        if (out.includes('Mock server ready')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    expect(out).toContain(`Mock server ready: http://127.0.0.1:${port}`);
    expect((await fetch(`http://127.0.0.1:${port}/session-errors`, { headers: { Authorization: 'Bearer t' } })).status).toBe(200);
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });

  it('refuses a MOCK_PORT that is not a port', async () => {
    const child = spawn(process.execPath, [cli], { env: { ...process.env, MOCK_PORT: 'abc' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    expect(code).toBe(2);
    expect(err).toContain('MOCK_PORT must be a port number');
  });
});
