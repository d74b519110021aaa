// The fuzzer itself: it generates the hostile kinds it promises, reads answers however they are framed, and
// reports a server that dies or hangs (small servers started as children, so their crash is not ours).
import { once } from 'node:events';
import { createServer } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freePort, startChildServer } from '../src/index.js';
import { fuzzServer, hostileRequests, rawExchange } from '../src/fuzz/index.js';

const targets = {
  paths: ['/things', '/things/{thing_id}'],
  queryNames: ['limit', 'order'],
  token: 'secret',
  ids: ['thg_1'],
};

describe('hostileRequests', () => {
  const sample = fc.sample(hostileRequests(targets), { seed: 42, numRuns: 3000 });
  const lines = sample.map((request) => request.bytes.subarray(0, request.bytes.indexOf('\r\n')));

  it.each([
    ['a malformed percent-escape', (line: Buffer) => /%(?![0-9A-Fa-f]{2})|%FF/.test(line.toString('latin1'))],
    ['a raw NUL byte in the request line', (line: Buffer) => line.includes(0)],
    ['invalid UTF-8 in the request line', (line: Buffer) => line.includes(0xff) || line.includes(0xc3)],
    ['a request line over 16 KB', (line: Buffer) => line.length > 16_384],
    ['a duplicated query parameter', (line: Buffer) => /[?&](limit|order)=[^&]*&(.*&)?\1=/.test(line.toString('latin1'))],
    ['a bracketed query parameter', (line: Buffer) => line.includes('[]=')],
    ['an odd method', (line: Buffer) => /^(PROPFIND|FOO|TRACE|CONNECT|get) /.test(line.toString('latin1'))],
    ['an odd HTTP version', (line: Buffer) => / (HTTP\/9\.9|FOO|HTTP\/2\.0)$/.test(line.toString('latin1'))],
  ])('include %s', (_, test) => {
    expect(lines.some(test)).toBe(true);
  });

  it.each([
    ['a non-Bearer Authorization', /\r\nAuthorization: Basic /],
    ['a Prefer header', /\r\nPrefer: /],
    ['broken chunked framing', /Transfer-Encoding: chunked\r\n[\s\S]*\r\n\r\nzz\r\n/],
    ['thousands of headers', /X-Many-2999: /],
  ])('include %s', (_, pattern) => {
    expect(sample.some((request) => pattern.test(request.bytes.toString('latin1')))).toBe(true);
  });

  it('always ask the server to close after answering', () => {
    for (const request of sample) expect(request.bytes.includes('\r\nConnection: close\r\n\r\n')).toBe(true);
  });
});

/** Starts an inline `node:http` server script as a child; `PORT` in the script is replaced. */
async function childServer(script: string) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const source = `require('node:http').createServer(${script}).listen(${port}, '127.0.0.1', () => console.log('ready'));`;
  const child = await startChildServer({ name: 'a test server', args: ['-e', source], url, readyLine: /ready/, readyTimeoutMs: 30_000 });
  return { url, ...child };
}

describe('fuzzServer', () => {
  it('reports a server that an uncaught decode error takes down, and the probe that fails after it', async () => {
    const server = await childServer(`(req, res) => { decodeURIComponent(req.url); res.end('{}'); }`);
    try {
      const report = await fuzzServer({ ...targets, url: server.url, runs: 500, seed: 1, probePath: '/things' });
      expect(report.failures.join('\n')).toMatch(/the server went away/);
      expect(report.failures.at(-1)).toMatch(/^probe \/things after the run failed/);
    } finally {
      await server.stop();
    }
  });

  it('reports a request the server never answers as a hang', async () => {
    const server = await childServer(`(req, res) => { if (!req.headers.prefer) res.end('{}'); }`);
    try {
      const report = await fuzzServer({ ...targets, url: server.url, runs: 100, seed: 2, hangAfterMs: 1000, probePath: '/things' });
      expect(report.failures.some((line) => /no complete answer and no close within 1000 ms ← .*Prefer: /.test(line))).toBe(true);
    } finally {
      await server.stop();
    }
  });

  it('passes a sturdy server, and hands every answer to the check', async () => {
    const server = await childServer(
      `(req, res) => res.writeHead(req.url.includes('%') ? 400 : 200, { 'content-type': 'application/json' }).end('{}')`,
    );
    try {
      let checked = 0;
      const report = await fuzzServer({
        ...targets,
        url: server.url,
        runs: 300,
        seed: 3,
        probePath: '/things',
        check: () => void checked++,
      });
      expect(report.failures).toEqual([]);
      expect(report.sent).toBe(300);
      expect(checked).toBe(300 - report.unanswered);
    } finally {
      await server.stop();
    }
  });
});

describe('rawExchange', () => {
  /** A TCP server that answers the first request with `reply` (raw bytes) and then does `after`. */
  async function rawServer(reply: string, after: 'close' | 'stay') {
    const server = createServer((socket) => socket.once('data', () => (after === 'close' ? socket.end(reply) : socket.write(reply))));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return { server, port: (server.address() as { port: number }).port };
  }
  const request = Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n');

  it.each([
    ['a Content-Length body', 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok', 200, 'ok'],
    ['a chunked body', 'HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nno\r\n3\r\npe!\r\n0\r\n\r\n', 404, 'nope!'],
    ['an interim 100 Continue first', 'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n', 204, ''],
  ])('reads %s without waiting for the close', async (_, reply, status, body) => {
    const { server, port } = await rawServer(reply, 'stay');
    try {
      const answer = await rawExchange(request, { host: '127.0.0.1', port, method: 'GET', hangAfterMs: 30_000 });
      expect(answer.status).toBe(status);
      expect(answer.body.toString()).toBe(body);
    } finally {
      server.close();
    }
  });

  it('reads a body that ends with the connection, and a close without any answer', async () => {
    const { server, port } = await rawServer('HTTP/1.0 200 OK\r\n\r\nuntil close', 'close');
    const silent = await rawServer('', 'close');
    try {
      expect((await rawExchange(request, { host: '127.0.0.1', port, method: 'GET', hangAfterMs: 30_000 })).body.toString()).toBe(
        'until close',
      );
      expect(
        (await rawExchange(request, { host: '127.0.0.1', port: silent.port, method: 'GET', hangAfterMs: 30_000 })).status,
      ).toBeUndefined();
    } finally {
      server.close();
      silent.server.close();
    }
  });
});
