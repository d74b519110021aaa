// Every generated sample, run as a reader would run it, against the real Prism mock: curl with
// bash, fetch with node, TypeScript transpiled and run with node against the built client.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
async function runSample(file: string, command: string, args: string[], baseUrl = mock.url) {
  const env: NodeJS.ProcessEnv = { ...process.env, METORIAL_BASE_URL: baseUrl, DEVREV_BASE_URL: baseUrl };
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

describe('samples behind a gateway', () => {
  // A base URL with a path (an API gateway, a proxy) keeps it: every sample sends `<base URL><path>`.
  let gateway: Server;
  let gatewayUrl: string;
  const paths: string[] = [];
  beforeAll(async () => {
    gateway = createServer((req, res) => {
      paths.push(req.url ?? '');
      const forward = request(`${mock.url}${(req.url ?? '').replace(/^\/gateway/, '')}`, { headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      forward.on('error', () => res.destroy());
      forward.end();
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/gateway`;
  });
  afterAll(() => new Promise((resolve) => gateway?.close(resolve)));

  it.each(['listSessionErrors', 'getObservabilitySession'])(
    '%s: curl, TypeScript and fetch keep the base URL path',
    async (operationId) => {
      const { operation } = operations.find((o) => o.operationId === operationId)!;
      const client = ts.transpileModule(sampleSource(operation, 1), {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      }).outputText;
      const samples = [
        ['.gateway.sh', sampleSource(operation, 0), 'bash'],
        ['.gateway.client.mjs', client, process.execPath],
        ['.gateway.fetch.mjs', sampleSource(operation, 2), process.execPath],
      ] as const;
      for (const [suffix, source, command] of samples) {
        paths.length = 0;
        const file = `${dir}${operationId}${suffix}`;
        writeFileSync(file, source);
        expect(await runSample(file, command, [], gatewayUrl)).not.toBe('');
        expect(paths.length, suffix).toBeGreaterThan(0);
        for (const path of paths) expect(path, suffix).toMatch(/^\/gateway\//);
      }
      // The fetch sample, like the client, also takes the base URL with a trailing slash.
      paths.length = 0;
      const file = `${dir}${operationId}.gateway-slash.fetch.mjs`;
      writeFileSync(file, sampleSource(operation, 2));
      expect(await runSample(file, process.execPath, [], `${gatewayUrl}/`)).not.toBe('');
      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths) expect(path).toMatch(/^\/gateway\/[^/]/);
    },
  );
});
