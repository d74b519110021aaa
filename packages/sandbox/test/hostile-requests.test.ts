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

// Also due (issue 12), and failing today in sandbox code this change does not touch: CONNECT is dropped
// unanswered; requests Node cannot parse get a bare 400/431 without the API's error body; an unsupported
// method on a known path is a 404 where a 405 with Allow is due. The mock's test runs that stricter check
// (`check: errorBodyCheck(spec)`, `unanswered === 0`, 405s).
it.todo('answers every hostile request, each refusal in the API’s error dialect (errorBodyCheck), 405 with Allow');
