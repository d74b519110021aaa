// Nothing a client sends can crash or hang the sandbox: hostile requests go, byte for byte, to the real
// CLI (a child process, as users run it), each gets a 4xx, and the server keeps answering normal requests
// and reports no problem of its own. Requests Node's HTTP parser refuses (a header or URL over 16 kB, raw
// NUL or non-UTF-8 bytes in the request line, a method Node does not know) never reach the handler: they
// get the API's 400 body from the server's parser-error answer, and a closed connection.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/start-sandbox.js';
import { TOKEN } from './helpers.js';

let sandbox: RunningSandbox;
const log: string[] = [];
beforeAll(async () => {
  sandbox = await startSandbox({ tokens: [TOKEN], sessions: 3, errors: 60, onLog: (line) => log.push(line) });
});
afterAll(() => sandbox.stop());

interface RawResponse {
  /** The status, or `reset` when the server closed the connection while the request was still being written. */
  status: number | 'reset';
  headers: Record<string, string>;
  body: string;
}

/** Parses a raw HTTP/1.1 response (the connection was closed after it). */
function parse(raw: Buffer): RawResponse {
  const text = raw.toString('utf8');
  const [head = '', ...rest] = text.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(
    lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
  );
  return { status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') };
}

/**
 * Opens a connection and sends `first`; `rest(bytes)` sends more and ends the request side, and
 * `response` resolves with what the server sent once it closes the connection.
 */
function open(first: string | Buffer) {
  const socket = connect(sandbox.port, '127.0.0.1');
  const chunks: Buffer[] = [];
  const response = new Promise<RawResponse>((resolve, reject) => {
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') resolve({ status: 'reset', headers: {}, body: '' });
      else reject(error);
    });
    socket.on('close', () => resolve(parse(Buffer.concat(chunks))));
  });
  socket.write(first);
  return { socket, response, rest: (bytes: string | Buffer) => socket.end(bytes) };
}

/** Sends bytes on a fresh connection and reads the response. */
function send(bytes: string | Buffer): Promise<RawResponse> {
  const connection = open(bytes);
  connection.socket.end();
  return connection.response;
}

/** A request with `Connection: close`, so the server ends the connection after answering. */
const request = (method: string, target: string, extra = '', body = '') =>
  `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKEN}\r\nConnection: close\r\n${extra}${body ? `Content-Length: ${Buffer.byteLength(body)}\r\n` : ''}\r\n${body}`;

/** The sandbox still answers a normal request. */
async function stillAnswers() {
  const response = await fetch(`${sandbox.url}/session-errors?limit=1`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  expect(response.status).toBe(200);
}

const json = (response: RawResponse) => JSON.parse(response.body) as Record<string, unknown>;

describe('hostile requests get a 4xx and never take the sandbox down', () => {
  it.each([
    ['a 100 kB header', 400, request('GET', '/session-errors', `X-Big: ${'a'.repeat(100_000)}\r\n`)],
    ['a 100 kB URL', 400, request('GET', `/session-errors?type=${'a'.repeat(100_000)}`)],
    ['a raw NUL in the path', 400, request('GET', '/sessions/a\u0000b/errors')],
    [
      'raw bytes that are not UTF-8 in the path',
      400,
      Buffer.concat([
        Buffer.from('GET /sessions/'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('/errors HTTP/1.1\r\nConnection: close\r\n\r\n'),
      ]),
    ],
    ['a method Node does not know', 400, request('FROB', '/session-errors')],
    ['not HTTP at all', 400, '\u0016\u0003\u0001\u0000 hello\r\n\r\n'],
  ])('%s: %i in the API dialect before any handler sees it', async (_name, status, bytes) => {
    const response = await send(bytes);
    // A server that refuses a request mid-upload may reset the connection before the client reads its answer.
    expect([status, 'reset']).toContain(response.status);
    if (response.status !== 'reset') expect(json(response)).toMatchObject({ object: 'error', status, code: 'bad_request' });
    await stillAnswers();
  });

  it.each([
    ['%FF in the path', 400, request('GET', '/sessions/%FF/errors'), { code: 'invalid_data', entity: 'path' }],
    ['%FF in the query', 400, request('GET', '/session-errors?type=%FF'), { code: 'invalid_data', entity: 'query' }],
    ['a malformed escape in the query', 400, request('GET', '/session-errors?limit=%G1'), { code: 'invalid_data', entity: 'query' }],
    ['an escaped NUL in the path', 400, request('GET', '/sessions/a%00b/errors'), { code: 'invalid_data', entity: 'path' }],
    ['a duplicated parameter', 400, request('GET', '/session-errors?limit=1&limit=2'), { code: 'invalid_data' }],
    ['PROPFIND on an API route', 405, request('PROPFIND', '/session-errors'), { code: 'bad_request' }],
    ['PROPFIND on no route', 404, request('PROPFIND', '/nowhere'), { code: 'not_found', entity: 'endpoint' }],
    [
      'invalid JSON on ingest',
      400,
      request('POST', '/_sandbox/errors', 'Content-Type: application/json\r\n', '{"errors": ['),
      { code: 'bad_request' },
    ],
    [
      'a body that is not UTF-8 on ingest',
      400,
      Buffer.concat([Buffer.from(request('POST', '/_sandbox/errors', 'Content-Length: 2\r\n')), Buffer.from([0xff, 0xfe])]),
      { code: 'bad_request' },
    ],
    [
      'a JSON body of the wrong shape on ingest',
      400,
      request('POST', '/_sandbox/errors', '', '{"errors": "no"}'),
      { code: 'invalid_data', entity: 'body' },
    ],
  ])('%s: %i in the API dialect', async (_name, status, bytes, body) => {
    const response = await send(bytes);
    expect(response.status).toBe(status);
    expect(json(response)).toMatchObject({ object: 'error', status, ...body });
    await stillAnswers();
  });

  it('a slow body holds only its own request: others are answered meanwhile, and it is answered when complete', async () => {
    const body = JSON.stringify({
      errors: [{ session_id: 'ses_slow00000001', type: 'message_processing_timeout', code: 'SLOW', message: 'slow' }],
    });
    const half = Math.floor(body.length / 2);
    const slow = open(request('POST', '/_sandbox/errors', '', body).slice(0, half - body.length));
    // The ingest request is waiting for the rest of its body: the server must answer this one now.
    await stillAnswers();
    slow.rest(body.slice(half));
    const response = await slow.response;
    expect(response.status).toBe(202);
    expect(json(response)).toMatchObject({ object: 'list', items: [{ status: 'processing', message: 'slow' }] });
  });

  it('a client that disconnects mid-body is no problem of the server', async () => {
    const gone = open(request('POST', '/_sandbox/errors', 'Content-Length: 1000\r\n') + '{"errors":');
    await stillAnswers();
    gone.socket.destroy();
    await gone.response;
    await stillAnswers();
  });

  // Self-contained (it sends its own hostile requests), so it proves something even when run alone.
  it('after hostile requests of its own, the server has logged no problem and still answers', async () => {
    const hostile = [
      request('GET', '/sessions/%FF/errors'),
      request('GET', '/session-errors?limit=%%'),
      request('PROPFIND', '/session-errors'),
      request('POST', '/_sandbox/errors', 'Content-Type: application/json\r\n', '{"errors":[{"type":42}]}'),
      Buffer.from('GET /session-errors\x00 HTTP/1.1\r\n\r\n', 'latin1'),
    ];
    for (const bytes of hostile) expect((await send(bytes)).status).toBeGreaterThanOrEqual(400);
    await stillAnswers();
    // The log is really captured (the ready line is in it), and nothing in it is a problem of the server's.
    expect(log.some((line) => line.includes('Sandbox ready'))).toBe(true);
    expect(log.filter((line) => line.includes('✖'))).toEqual([]);
    expect(sandbox.process.exitCode).toBeNull();
  });
});
