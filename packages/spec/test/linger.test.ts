// An answer sent before the request's body was read (an early 401/404/413) reaches a client that is still
// uploading, and the connection still closes: a real API server, fetch, and raw sockets.
import { execFile } from 'node:child_process';
import type { Socket } from 'node:net';
import { connect } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiServer, type ApiServer } from '../src/server/index.js';
import { LINGER_MS } from '../src/server/http/linger.js';

const run = promisify(execFile);
let api: ApiServer;
let url = '';
/** When each server-side connection closed, in order of opening. */
const closedAt: Array<number | undefined> = [];
/** Every request the handler was given: method and path. */
const handled: string[] = [];

beforeAll(async () => {
  api = createApiServer({
    // Answers at once, body unread, as a route does for a declared Content-Length over its limit. (A
    // handler that first waits a few ms lets the upload fill the socket buffers, and the race is rarely lost.)
    handle: ({ method, target }) => {
      handled.push(`${method} ${target.path}`);
      return { status: 413, body: { status: 413, code: 'bad_request', message: 'The request body is larger than 1 kB.' } };
    },
    dialectAt: () => 'session',
    methods: ['GET', 'POST'],
    logError: () => {},
  });
  api.server.on('connection', (socket: Socket) => {
    const index = closedAt.push(undefined) - 1;
    socket.on('close', () => (closedAt[index] = performance.now()));
  });
  url = await api.listen(0, '127.0.0.1');
});
afterAll(() => api.close());

/** Sends the head of a POST with a large Content-Length and a first chunk, and resolves once the whole answer is in. */
function startUpload(port: number): Promise<{ socket: Socket; answer: string; answeredAt: number }> {
  return new Promise((resolve, reject) => {
    // Half-open allowed: the client's side stays open after the server's FIN, as an uploading client's does.
    const socket = connect({ port, host: '127.0.0.1', allowHalfOpen: true }, () =>
      socket.write(`POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000000\r\n\r\n${'x'.repeat(64 * 1024)}`),
    );
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      answer += chunk;
      if (answer.includes('"message"') && answer.endsWith('}')) resolve({ socket, answer, answeredAt: performance.now() });
    });
    socket.on('error', reject);
  });
}

describe('lingering close after an answer that left the body unread', () => {
  it('fetch uploading 40 MB from another process gets the 413 and its body every time, not EPIPE or a reset', async () => {
    // The client in a process of its own, as a user's is: sharing this event loop, it reads the answer
    // before the server's close reaches it, and the race is never seen.
    const script = `
      const body = Buffer.alloc(40 * 1024 * 1024, 0x78);
      for (let i = 0; i < 5; i++) {
        try {
          const response = await fetch(process.argv[1], { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
          console.log(JSON.stringify({ status: response.status, connection: response.headers.get('connection'), body: await response.json() }));
        } catch (error) {
          console.log(JSON.stringify({ error: String(error.cause?.code ?? error) }));
        }
      }`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script, url]);
    const answers = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    expect(answers).toHaveLength(5);
    for (const answer of answers)
      expect(answer).toMatchObject({
        status: 413,
        connection: 'close',
        body: { code: 'bad_request', message: 'The request body is larger than 1 kB.' },
      });
  });

  it('a client that goes on sending after the answer can write for a while: the server half-closes and drops what arrives', async () => {
    const port = Number(new URL(url).port);
    const { socket, answer } = await startUpload(port);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    const ended = new Promise<void>((resolve) => socket.once('end', () => resolve()));
    // The server's FIN comes right after the answer; writes go on being accepted.
    await ended;
    const chunk = Buffer.alloc(256 * 1024, 0x78);
    for (let i = 0; i < 8; i++)
      await new Promise<void>((resolve, reject) => socket.write(chunk, (error) => (error ? reject(error) : resolve())));
    socket.destroy();
  });

  it('a client that stops sending but keeps the connection open is closed after the linger bound', async () => {
    const port = Number(new URL(url).port);
    const index = closedAt.length;
    const { socket, answeredAt } = await startUpload(port);
    socket.on('error', () => {});
    await expect.poll(() => closedAt[index], { timeout: LINGER_MS + 2000, interval: 50 }).toBeDefined();
    expect(closedAt[index]! - answeredAt).toBeGreaterThan(LINGER_MS - 200);
    socket.destroy();
  });

  it('a client that closes its side after the answer is closed at once, not after the bound', async () => {
    const port = Number(new URL(url).port);
    const index = closedAt.length;
    const { socket, answeredAt } = await startUpload(port);
    socket.end();
    await expect.poll(() => closedAt[index], { timeout: LINGER_MS }).toBeDefined();
    expect(closedAt[index]! - answeredAt).toBeLessThan(LINGER_MS / 2);
    socket.destroy();
  });

  it('a graceful close does not wait for a lingering connection', async () => {
    const other = createApiServer({
      handle: () => ({ status: 404, body: { status: 404, code: 'not_found', message: 'Nothing here.' } }),
      dialectAt: () => 'session',
      methods: ['POST'],
      logError: () => {},
    });
    const port = Number(new URL(await other.listen(0, '127.0.0.1')).port);
    const { socket } = await startUpload(port);
    socket.on('error', () => {});
    const started = performance.now();
    await other.close();
    expect(performance.now() - started).toBeLessThan(LINGER_MS / 2);
    socket.destroy();
  });
  it.each([
    ['a request', 'GET /second HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'],
    ['a CONNECT', 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n'],
  ])('%s sent behind the rest of the body, after the answer, is not processed, and the server keeps serving', async (_what, next) => {
    const port = Number(new URL(url).port);
    const index = closedAt.length;
    handled.length = 0;
    const socket = connect({ port, host: '127.0.0.1', allowHalfOpen: true });
    socket.on('error', () => {});
    let answer = '';
    socket.setEncoding('latin1');
    const answered = new Promise<void>((resolve) =>
      socket.on('data', (chunk: string) => {
        answer += chunk;
        if (answer.endsWith('}')) resolve();
      }),
    );
    socket.write(`POST /first HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n${'x'.repeat(50)}`);
    await answered;
    expect(answer).toMatch(/^HTTP\/1\.1 413 [^]*connection: close/i);
    // The answer said `Connection: close`: whatever follows on this connection is dropped (RFC 9112, 9.6).
    socket.end(`${'x'.repeat(50)}${next}`);
    await expect.poll(() => closedAt[index], { timeout: LINGER_MS + 2000, interval: 20 }).toBeDefined();
    expect(handled).toEqual(['POST /first']);
    expect(answer).not.toMatch(/HTTP\/1\.1 [0-9]{3}[^]*HTTP\/1\.1/);
    expect((await fetch(`${url}/after`)).status).toBe(413);
  });

  it('a CONNECT in the same write as a body the answer left unread does not crash the server', async () => {
    const port = Number(new URL(url).port);
    const index = closedAt.length;
    const socket = connect({ port, host: '127.0.0.1' });
    socket.on('error', () => {});
    socket.resume();
    socket.write(
      `POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\n\r\n${'x'.repeat(10)}CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n`,
    );
    await expect.poll(() => closedAt[index], { timeout: LINGER_MS + 2000, interval: 20 }).toBeDefined();
    expect((await fetch(`${url}/after`)).status).toBe(413);
  });
});
