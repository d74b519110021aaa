// startMock(): the mock as a child process for tests and scripts.
import { once } from 'node:events';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePort } from '@session-obs/devkit';
import { MockStartError, startMock } from '../src/index.js';
import { AUTH } from './helpers.js';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('startMock', () => {
  it('starts on a free port, serves the bundled spec, and stops its whole process group', async () => {
    const mock = await startMock();
    try {
      expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${mock.url}/session-errors`, { headers: AUTH });
      expect(response.status).toBe(200);
      expect((await response.json()).object).toBe('list');
    } finally {
      await mock.stop();
    }
    expect(alive(mock.process.pid!)).toBe(false);
    await expect(fetch(mock.url)).rejects.toThrow();
  });

  it('runs two mocks side by side', async () => {
    const [first, second] = await Promise.all([startMock(), startMock()]);
    try {
      expect(first.port).not.toBe(second.port);
      for (const mock of [first, second]) expect((await fetch(`${mock.url}/session-error-groups`, { headers: AUTH })).status).toBe(200);
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
  });

  it('rejects with the CLI’s one-line reason when the port is taken', async () => {
    const port = await freePort();
    const blocker = createServer().listen(port, '127.0.0.1');
    await once(blocker, 'listening');
    try {
      const failure = await startMock({ port }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(MockStartError);
      expect((failure as Error).message).toBe(
        `port ${port} on 127.0.0.1 is in use: stop what listens there or set MOCK_PORT to another port.`,
      );
    } finally {
      blocker.close();
    }
  });

  it('rejects when the spec file does not exist', async () => {
    await expect(startMock({ specPath: '/nonexistent/openapi.json' })).rejects.toThrow(
      /^Could not start the mock: cannot read the spec \/nonexistent\/openapi\.json: ENOENT/,
    );
  });

  it('passes every output line on, and logs each request at info', async () => {
    const lines: string[] = [];
    const mock = await startMock({ logLevel: 'info', onLog: (line) => lines.push(line) });
    try {
      await fetch(`${mock.url}/session-errors?limit=1`, { headers: AUTH });
      await expect.poll(() => lines.some((line) => line.includes('GET /session-errors → 200')), { timeout: 30_000 }).toBe(true);
    } finally {
      await mock.stop();
    }
  });
});
