// startMock(): the mock as a child process for tests and scripts.
import { once } from 'node:events';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** Whether this machine has the IPv6 loopback (a container may not). */
const hasIpv6Loopback = Object.values(networkInterfaces()).some((list) => list?.some((entry) => entry.address === '::1'));

describe('startMock', () => {
  it.each([
    ['::1', /^http:\/\/\[::1\]:\d+$/],
    ['0.0.0.0', /^http:\/\/127\.0\.0\.1:\d+$/],
  ])('on host %s resolves with a URL that works from this machine (IPv6 in brackets, a wildcard as loopback)', async (host, shape) => {
    if (host === '::1' && !hasIpv6Loopback) return;
    const mock = await startMock({ host });
    try {
      expect(mock.url).toMatch(shape);
      expect((await fetch(`${mock.url}/session-errors`, { headers: AUTH })).status).toBe(200);
    } finally {
      await mock.stop();
    }
  });

  it('asks for a token only where the spec declares security (a document given with specPath)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mock-security-'));
    const ok = { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' }, example: { ok: true } } } } };
    const spec = {
      openapi: '3.1.0',
      info: { title: 'security', version: '1' },
      components: { securitySchemes: { key: { type: 'http', scheme: 'bearer' } } },
      security: [{ key: [] }],
      paths: {
        '/secured': { get: { operationId: 'secured', responses: ok } },
        '/public': { get: { operationId: 'public', security: [], responses: ok } },
        '/optional': { get: { operationId: 'optional', security: [{}, { key: [] }], responses: ok } },
      },
    };
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(spec));
    const mock = await startMock({ specPath: file });
    try {
      const statuses = await Promise.all(['/secured', '/public', '/optional'].map(async (path) => (await fetch(mock.url + path)).status));
      expect(statuses).toEqual([401, 200, 200]);
      expect((await fetch(`${mock.url}/secured`, { headers: AUTH })).status).toBe(200);
    } finally {
      await mock.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('on an address this machine does not have, rejects with MockStartError naming it', async () => {
    const failure = await startMock({ host: '192.0.2.123' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MockStartError);
    expect((failure as Error).message).toMatch(/^cannot listen on 192\.0\.2\.123: .*EADDRNOTAVAIL/);
  });

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
