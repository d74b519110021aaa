// Starts one real Prism process for the whole run and stops it (its whole process group) after.
import type { TestProject } from 'vitest/node';
import { startMock, type RunningMock } from '@session-obs/mock';

let mock: RunningMock | undefined;

export async function setup(project: TestProject) {
  mock = await startMock({ logLevel: 'warn' });
  project.provide('mockUrl', mock.url);
}

export async function teardown() {
  await mock?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    mockUrl: string;
  }
}
