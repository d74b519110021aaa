// Nothing a client sends can crash or hang the sandbox: the same hostile-request fuzzer as the mock's
// (@session-obs/devkit/fuzz), against the built CLI in its own process: every request answered, none with a
// 5xx, every refusal an error body of the API's dialects; afterwards it still answers.
// FUZZ_SEED repeats a run, FUZZ_RUNS sizes it.
import { connect } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeReport, errorBodyCheck, fuzzServer, targetsOf } from '@session-obs/devkit/fuzz';
import { startSandbox, type RunningSandbox } from '../src/start-sandbox.js';
import { spec } from './helpers.js';

const TOKEN = 'fuzz-token';
let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ db: ':memory:', seed: 3, sessions: 4, errors: 200, tokens: [TOKEN] });
});
afterAll(() => sandbox?.stop());

it('answers thousands of hostile requests in the API’s dialect and keeps answering', async () => {
  const report = await fuzzServer({
    ...targetsOf(spec),
    url: sandbox.url,
    token: TOKEN,
    check: errorBodyCheck(spec),
    probePath: '/session-errors?limit=1',
  });
  expect(report.failures, describeReport(report)).toEqual([]);
  expect(report.unanswered, describeReport(report)).toBe(0);
  expect(sandbox.process.exitCode).toBeNull();
  // The run reached the handlers, not only the HTTP parser: successes and each kind of refusal.
  for (const status of [200, 400, 401, 404, 405]) expect(report.statuses[status], describeReport(report)).toBeGreaterThan(0);
});

it.each([
  ['with its token: the 413', { Authorization: `Bearer ${TOKEN}` }, 413, 'The request body is larger than 5 MB.'],
  ['without a token: the 401', {}, 401, undefined],
])('an upload of 40 MB to the ingest route, %s, every time, never a broken pipe', async (_case, headers, status, message) => {
  // The sandbox answers before reading such a body; its close lingers, so the client, still sending, reads the answer.
  const body = Buffer.alloc(40 * 1024 * 1024, 0x20);
  for (let i = 0; i < 4; i++) {
    const response = await fetch(`${sandbox.url}/_sandbox/errors`, {
      method: 'POST',
      body,
      headers: { ...headers, 'Content-Type': 'application/json' },
    });
    expect(response.status).toBe(status);
    const answer = (await response.json()) as { status: number; message: string };
    expect(answer.status).toBe(status);
    if (message) expect(answer.message).toBe(message);
  }
});

it('an ingest sent on a connection after its 401 (behind the rest of the unread body) is not stored, and a CONNECT there crashes nothing', async () => {
  const count = async () =>
    (
      (await (await fetch(`${sandbox.url}/_sandbox/health`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json()) as {
        counts: { session_errors: number };
      }
    ).counts.session_errors;
  const before = await count();
  const ingest = JSON.stringify({
    errors: [{ session_id: 'ses_after_close01', type: 'message_processing_timeout', code: 'TIMEOUT', message: 'after close', data: {} }],
  });
  const { port } = new URL(sandbox.url);
  for (const next of [
    `POST /_sandbox/errors HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(ingest)}\r\n\r\n${ingest}`,
    'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n',
  ]) {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect({ port: Number(port), host: '127.0.0.1', allowHalfOpen: true });
      let text = '';
      let sent = false;
      socket.setEncoding('latin1');
      socket.on('data', (chunk: string) => {
        text += chunk;
        // The 401 is in: send the rest of the body and the next request on the same connection.
        if (!sent && text.endsWith('}')) {
          sent = true;
          socket.end(`${' '.repeat(50)}${next}`);
        }
      });
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
      socket.write('POST /_sandbox/errors HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n');
      socket.write(' '.repeat(50));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 401 /);
    expect(answer.match(/HTTP\/1\.1 \d{3}/g)).toHaveLength(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(sandbox.process.exitCode).toBeNull();
  expect(await count()).toBe(before);
});
