// What never reaches a handler still gets the API's error body: a real server, raw sockets.
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSpecValidator } from '../src/index.js';
import { answerRawRequests } from '../src/server/index.js';

let server: Server;
let port = 0;
beforeAll(async () => {
  server = createServer((_request, response) => response.end('handled'));
  answerRawRequests(server, ['GET', 'HEAD', 'OPTIONS'], { 'Access-Control-Allow-Origin': '*' });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Sends raw bytes and reads until the server closes the connection. */
function exchange(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

const validator = createSpecValidator();
const parts = (answer: string) => {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  return { statusLine: head.split('\r\n')[0], head, body: JSON.parse(body) as Record<string, unknown> };
};

describe('answerRawRequests', () => {
  it.each([
    ['broken framing', 'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n'],
    ['headers over 16 kB', `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`],
    ['not HTTP at all', '\u0000\u0001\u0002 hello\r\n\r\n'],
  ])('%s: a 400 with the session dialect body', async (_what, bytes) => {
    const { statusLine, head, body } = parts(await exchange(bytes));
    expect(statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(head).toContain('Access-Control-Allow-Origin: *');
    expect(body).toMatchObject({ object: 'error', status: 400, code: 'bad_request' });
    expect(validator.validateComponent('ApiError', body).valid).toBe(true);
  });

  it('CONNECT: a 405 naming the methods served', async () => {
    const { statusLine, head, body } = parts(await exchange('CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n'));
    expect(statusLine).toBe('HTTP/1.1 405 Method Not Allowed');
    expect(head).toContain('Allow: GET, HEAD, OPTIONS');
    expect(body).toMatchObject({ object: 'error', status: 405 });
    expect(validator.validateComponent('ApiError', body).valid).toBe(true);
  });

  it('leaves good requests to the handler', async () => {
    expect(await exchange('GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toContain('handled');
  });
});
