// Nothing a client sends can crash or hang the sandbox: the same hostile-request fuzzer as the mock's
// (@session-obs/devkit/fuzz), against the built CLI in its own process: every request answered, none with a
// 5xx, every refusal an error body of the API's dialects; afterwards it still answers.
// FUZZ_SEED repeats a run, FUZZ_RUNS sizes it.
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
