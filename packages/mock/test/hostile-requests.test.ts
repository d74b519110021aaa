// Nothing a client sends can crash or hang the mock: thousands of generated hostile requests (the shared
// fuzzer of @session-obs/devkit/fuzz), every one answered, none with a 5xx, every refusal an error body of
// the API's dialects; afterwards the mock still answers. FUZZ_SEED repeats a run, FUZZ_RUNS sizes it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeReport, errorBodyCheck, fuzzServer, targetsOf } from '@session-obs/devkit/fuzz';
import { startMock, type RunningMock } from '../src/index.js';
import { spec } from './helpers.js';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock?.stop());

it('answers thousands of hostile requests in the API’s dialect and keeps answering', async () => {
  const report = await fuzzServer({
    ...targetsOf(spec),
    url: mock.url,
    token: 'fuzz',
    check: errorBodyCheck(spec),
    probePath: '/session-errors?limit=1',
  });
  expect(report.failures, describeReport(report)).toEqual([]);
  expect(report.unanswered, describeReport(report)).toBe(0);
  expect(mock.process.exitCode).toBeNull();
  // The run reached the handlers, not only the HTTP parser: successes and each kind of refusal.
  for (const status of [200, 400, 401, 404, 405]) expect(report.statuses[status], describeReport(report)).toBeGreaterThan(0);
});
