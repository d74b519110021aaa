// Every generated sample, run as a reader would run it, against the real Prism mock: curl with
// bash, fetch with node, TypeScript transpiled and run with node against the built client.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSpecValidator, formatErrors, listOperations, loadSpec, type OperationObject } from '@session-obs/spec';
import { startMock, type RunningMock } from '@session-obs/mock';
import { decorateSpec } from '../src/samples.js';

const run = promisify(execFile);
// Inside the package, so `@session-obs/client` resolves from its node_modules.
const dir = fileURLToPath(new URL('../build/run/', import.meta.url));
const spec = decorateSpec(loadSpec()).spec;
const operations = listOperations(spec);
/** The source of an operation's n-th code sample (`x-codeSamples`, which `decorateSpec` writes: curl, TypeScript, fetch). */
const sampleSource = (operation: OperationObject, index: number) =>
  (operation['x-codeSamples'] as Array<{ source: string }>)[index]!.source;
const validator = createSpecValidator(loadSpec());
let mock: RunningMock;

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  mock = await startMock({ port: 0 });
});
afterAll(() => mock?.stop());

/** Runs one sample with both upstreams' base URL variables pointed at the mock (credential variables unset: the samples fall back to a test token). */
async function runSample(file: string, command: string, args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, METORIAL_BASE_URL: mock.url, DEVREV_BASE_URL: mock.url };
  delete env.METORIAL_TOKEN;
  delete env.DEVREV_TOKEN;
  const { stdout } = await run(command, [...args, file], { env, timeout: 20_000, maxBuffer: 10_000_000 });
  return stdout;
}

describe('samples run against the mock', () => {
  it.each(operations.map((o) => [o.operationId, o] as const))(
    'curl: %s answers the documented 200',
    async (operationId, { path, method, operation }) => {
      const file = `${dir}${operationId}.sh`;
      writeFileSync(file, sampleSource(operation, 0));
      const body = JSON.parse(await runSample(file, 'bash', []));
      const result = validator.validateResponse(method, path, 200, body);
      expect(result.valid, formatErrors(result.errors)).toBe(true);
    },
  );

  it.each(operations.map((o) => [o.operationId, o] as const))('fetch: %s runs to completion', async (operationId, { operation }) => {
    const file = `${dir}${operationId}.fetch.mjs`;
    writeFileSync(file, sampleSource(operation, 2));
    expect(await runSample(file, process.execPath, [])).not.toBe('');
  });

  it.each(operations.map((o) => [o.operationId, o] as const))(
    'TypeScript: %s runs to completion with the client',
    async (operationId, { operation }) => {
      const file = `${dir}${operationId}.client.mjs`;
      const { outputText } = ts.transpileModule(sampleSource(operation, 1), {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      });
      writeFileSync(file, outputText);
      expect(await runSample(file, process.execPath, [])).not.toBe('');
    },
  );
});
