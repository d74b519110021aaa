// Nothing a client sends can crash or hang the sandbox: the same hostile-request fuzzer as the mock's
// (@session-obs/devkit/fuzz), against the built CLI in its own process; afterwards it still answers.
// FUZZ_SEED repeats a run, FUZZ_RUNS sizes it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeReport, fuzzServer, targetsOf } from '@session-obs/devkit/fuzz';
import { startSandbox, type RunningSandbox } from '../src/start-sandbox.js';
import { spec } from './helpers.js';

const TOKEN = 'fuzz-token';
let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ db: ':memory:', seed: 3, sessions: 4, errors: 200, tokens: [TOKEN] });
});
afterAll(() => sandbox?.stop());

it('survives thousands of hostile requests without a 5xx or a hang, and keeps answering', async () => {
  const report = await fuzzServer({ ...targetsOf(spec), url: sandbox.url, token: TOKEN, probePath: '/session-errors?limit=1' });
  expect(report.failures, describeReport(report)).toEqual([]);
  expect(sandbox.process.exitCode).toBeNull();
  for (const status of [200, 400, 401, 404]) expect(report.statuses[status], describeReport(report)).toBeGreaterThan(0);
});

// Also due (issue 12), and failing today in sandbox code this change does not touch: a CONNECT is dropped
// unanswered (Node's 'connect' event has no listener), and a request Node cannot parse (broken framing,
// headers over 16 kB, an invalid method or version) gets Node's bare 400/431 without the API's error body
// (no 'clientError' listener). The mock's test runs that stricter check: `check: errorBodyCheck(spec)` and
// `unanswered === 0`.
it.todo('answers every hostile request, each refusal in the API’s error dialect (errorBodyCheck, no request unanswered)');
