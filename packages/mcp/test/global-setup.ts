// One real sandbox for the whole run (a child process on 127.0.0.1, in-memory store, seeded, checking its
// own responses against the spec), and the ids it holds; stopped with its process group after.
import type { TestProject } from 'vitest/node';
import { startSandbox, type RunningSandbox } from '@session-obs/sandbox';
import { SANDBOX_TOKEN, type Fixtures } from './fixtures.js';

let sandbox: RunningSandbox | undefined;

export async function setup(project: TestProject) {
  sandbox = await startSandbox({ tokens: [SANDBOX_TOKEN], seed: 7, sessions: 30, errors: 3000, validateResponses: true });
  const response = await fetch(`${sandbox.url}/_sandbox/fixtures`, { headers: { Authorization: `Bearer ${SANDBOX_TOKEN}` } });
  project.provide('sandboxUrl', sandbox.url);
  project.provide('fixtures', (await response.json()) as Fixtures);
}

export async function teardown() {
  await sandbox?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    sandboxUrl: string;
    fixtures: Fixtures;
  }
}
