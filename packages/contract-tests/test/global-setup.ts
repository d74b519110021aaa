// Starts the two targets for the whole run and stops them (their whole process groups) after:
// a real Prism process over the spec, and the stateful sandbox (in-memory store, seeded,
// validating every response it sends against the spec).
import type { TestProject } from 'vitest/node';
import { startMock, type RunningMock } from '@session-obs/mock';
import { startSandbox, type RunningSandbox } from '@session-obs/sandbox';
import { prismIds, type TargetIds } from '../src/operation-calls.js';

/** The bearer token every target accepts in these tests (Prism takes any; the sandbox is started with it). */
export const TEST_TOKEN = 'test-token';

export interface Target {
  name: 'prism' | 'sandbox';
  url: string;
  ids: TargetIds;
  /** Ids of another session (sandbox only: an object that exists, but not in `ids.session_id`). */
  other?: { session_id: string; session_error_id: string };
}

let mock: RunningMock | undefined;
let sandbox: RunningSandbox | undefined;

export async function setup(project: TestProject) {
  [mock, sandbox] = await Promise.all([
    startMock({ logLevel: 'warn' }),
    startSandbox({ tokens: [TEST_TOKEN], seed: 7, sessions: 30, errors: 3000, validateResponses: true }),
  ]);
  const response = await fetch(`${sandbox.url}/_sandbox/fixtures`, { headers: { Authorization: `Bearer ${TEST_TOKEN}` } });
  const fixtures = (await response.json()) as TargetIds & { other_session_id: string; other_session_error_id: string };
  project.provide('mockUrl', mock.url);
  project.provide('targets', [
    { name: 'prism', url: mock.url, ids: prismIds },
    {
      name: 'sandbox',
      url: sandbox.url,
      ids: fixtures,
      other: { session_id: fixtures.other_session_id, session_error_id: fixtures.other_session_error_id },
    },
  ]);
}

export async function teardown() {
  await Promise.allSettled([mock?.stop(), sandbox?.stop()]);
}

declare module 'vitest' {
  export interface ProvidedContext {
    mockUrl: string;
    targets: Target[];
  }
}
