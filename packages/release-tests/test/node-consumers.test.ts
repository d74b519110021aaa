// Node consumers in the scratch projects, each installed by name from the registry with npm and with pnpm:
// ESM (`import`), CommonJS (`require`), and TypeScript --strict compiled with node16 (ESM and CommonJS),
// nodenext and bundler resolution. Every one makes real calls against the project's installed sandbox.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { execCommand } from '../src/installed-servers.js';
import { runChecked } from '../src/run-command.js';
import { startConsumerSandbox, type ConsumerSandbox } from './consumer-sandbox.js';

/** Runs `node <file>` in the project with the sandbox's settings and parses the one JSON line it prints. */
async function runConsumer(dir: string, env: NodeJS.ProcessEnv, file: string): Promise<Record<string, unknown>> {
  const { stdout } = await runChecked('node', [file], { cwd: dir, env });
  return JSON.parse(stdout) as Record<string, unknown>;
}

/** Each TypeScript setup: its tsconfig and the file tsc writes. */
const TYPESCRIPT_SETUPS = [
  { name: 'node16, ESM', tsconfig: 'tsconfig.node16.json', output: 'out/node16/typed.js' },
  { name: 'node16, CommonJS', tsconfig: 'tsconfig.node16-cjs.json', output: 'out/node16-cjs/typed.cjs' },
  { name: 'nodenext', tsconfig: 'tsconfig.nodenext.json', output: 'out/nodenext/typed.js' },
  { name: 'bundler', tsconfig: 'tsconfig.bundler.json', output: 'out/bundler/typed.js' },
];

describe.each(inject('projects'))('installed with $manager', (project) => {
  let sandbox: ConsumerSandbox;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    sandbox = await startConsumerSandbox(project);
    env = { ...project.env, ...sandbox.settings };
    // The same consumer as a .cts file: node16 compiles it as CommonJS.
    copyFileSync(join(project.dir, 'typed.ts'), join(project.dir, 'typed.cts'));
  });
  afterAll(() => sandbox?.server.stop());

  it.each([
    { name: 'Node ESM (import)', file: 'esm.mjs', entry: 'index.js' },
    { name: 'CommonJS (require)', file: 'cjs.cjs', entry: 'index.cjs' },
  ])('$name: the client resolves inside the project, every call answers as the sandbox holds', async ({ file, entry }) => {
    const { resolved, ...result } = await runConsumer(project.dir, env, file);
    // npm puts the package in node_modules/@session-obs/client, pnpm links it from node_modules/.pnpm/…
    expect(String(resolved).startsWith(`${project.dir}/node_modules/`), String(resolved)).toBe(true);
    expect(String(resolved).endsWith(`/node_modules/@session-obs/client/dist/${entry}`), String(resolved)).toBe(true);
    expect(result).toEqual(sandbox.expected);
  });

  it.each(TYPESCRIPT_SETUPS)(
    'TypeScript --strict, $name: compiles against the installed types, then runs',
    async ({ tsconfig, output }) => {
      const tsc = execCommand(project.manager, 'tsc', ['-p', tsconfig]);
      await runChecked(tsc.command, tsc.args, { cwd: project.dir, env: project.env });
      const result = await runConsumer(project.dir, env, output);
      // The seeded timeouts carry a numeric `data.timeout_ms`, which the typed consumer narrowed from `unknown`.
      expect(result).toEqual({ ...sandbox.expected, withNumericTimeout: expect.toSatisfy((count: number) => count > 0) });
    },
  );
});
