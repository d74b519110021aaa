// The bins of the installed packages, run as a consumer runs them from the project (`npx <package>` with npm,
// `pnpm exec <bin>` with pnpm): they start and answer, and a start that cannot work is one line on stderr
// and a non-zero exit, never a stack trace: a port in use, a database path that cannot be written, and a
// Node older than `engines` (a preloaded module makes `process.versions.node` say 18.20.4).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '@session-obs/devkit';
import { execCommand, SANDBOX_TOKEN, startInstalledMock, startInstalledSandbox } from '../src/installed-servers.js';
import { runCommand, type CommandResult } from '../src/run-command.js';
import type { ScratchProject } from '../src/scratch-project.js';

/** Asserts a failed start: a non-zero exit and exactly one line on stderr, matching `line`. */
function expectOneLineFailure(result: CommandResult, line: RegExp): void {
  const errorLines = result.stderr.trim().split('\n');
  expect(errorLines, result.stderr).toHaveLength(1);
  expect(errorLines[0]).toMatch(line);
  expect(`${result.stdout}${result.stderr}`).not.toMatch(/^\s+at /m);
  expect(result.code).not.toBe(0);
  expect(result.code).not.toBeNull();
}

/** Runs an installed bin of the project to its end (at most a minute), with `env` added. */
function runBin(project: ScratchProject, bin: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<CommandResult> {
  const { command, args: all } = execCommand(project.manager, bin, args);
  return runCommand(command, all, { cwd: project.dir, env: { ...project.env, ...env }, timeoutMs: 60_000 });
}

/** The bin's file as the package declares it, to run it under `node` with a preloaded module. */
function binFile(project: ScratchProject, name: string): string {
  const dir = join(project.dir, 'node_modules', name);
  const bin = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin;
  return join(dir, Object.values(bin)[0]!);
}

describe.each(inject('projects'))('installed with $manager', (project) => {
  // npx runs a package by its name when its bin is installed; pnpm exec runs bins by their own names.
  const mockBin = project.manager === 'npm' ? '@session-obs/mock' : 'session-obs-mock';
  const sandboxBin = project.manager === 'npm' ? '@session-obs/sandbox' : 'session-obs-sandbox';
  let taken: Server;
  let takenPort: number;
  beforeAll(async () => {
    takenPort = await freePort();
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(takenPort, '127.0.0.1', resolve));
  });
  afterAll(() => taken?.close());

  it(`the mock starts with its bin and answers from the bundled spec`, async () => {
    const mock = await startInstalledMock(project, mockBin);
    try {
      const auth = { headers: { Authorization: 'Bearer any-token' } };
      const list = await fetch(`${mock.url}/session-errors?limit=1`, auth);
      expect(list.status).toBe(200);
      expect(((await list.json()) as { object: string }).object).toBe('list');
      const invalid = await fetch(`${mock.url}/session-errors?limit=0`, auth);
      expect(invalid.status).toBe(400);
      expect(((await invalid.json()) as { code: string }).code).toBe('invalid_data');
    } finally {
      await mock.stop();
    }
  });

  it('the sandbox starts with its bin, seeds .sandbox/sandbox.db in the project and answers with its token', async () => {
    const sandbox = await startInstalledSandbox(project, ['--sessions', '3', '--errors', '40'], sandboxBin);
    try {
      expect(existsSync(join(project.dir, '.sandbox', 'sandbox.db'))).toBe(true);
      const list = await fetch(`${sandbox.url}/session-errors?limit=100`, { headers: { Authorization: `Bearer ${SANDBOX_TOKEN}` } });
      expect(list.status).toBe(200);
      expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(40);
      const anonymous = await fetch(`${sandbox.url}/session-errors`);
      expect(anonymous.status).toBe(401);
    } finally {
      await sandbox.stop();
    }
  });

  it('a port in use: one line from each bin', async () => {
    expectOneLineFailure(
      await runBin(project, mockBin, [], { MOCK_PORT: String(takenPort) }),
      new RegExp(`^✖ port ${takenPort} on 127\\.0\\.0\\.1 is in use: stop what listens there or set MOCK_PORT to another port`),
    );
    expectOneLineFailure(
      await runBin(project, sandboxBin, ['--port', String(takenPort), '--db', ':memory:']),
      new RegExp(`^✖ port ${takenPort} on 127\\.0\\.0\\.1 is in use`),
    );
  });

  it.each([
    { path: '/proc/sandbox.db', why: 'a file that cannot be created' },
    { path: '/sys/sandbox-release-test/sandbox.db', why: 'a folder that cannot be created' },
    { path: '/proc/sandbox-release-test/sandbox.db', why: 'a folder Node 20 would spin on' },
  ])('a database path that cannot be written ($why): one line from the sandbox', async ({ path }) => {
    const result = await runBin(project, sandboxBin, ['--port', String(await freePort()), '--db', path]);
    expectOneLineFailure(result, new RegExp(`^✖ cannot open the database ${path.replace(/[./]/g, '\\$&')}: `));
  });

  it.each(['@session-obs/mock', '@session-obs/sandbox'])(
    '%s on a Node older than engines: one line, before loading anything',
    async (name) => {
      const shim = join(project.dir, 'pretend-node-18.mjs');
      writeFileSync(shim, "Object.defineProperty(process.versions, 'node', { value: '18.20.4' });\n");
      const result = await runCommand('node', ['--import', pathToFileURL(shim).href, binFile(project, name)], {
        cwd: project.dir,
        env: { ...project.env, MOCK_PORT: String(takenPort), SANDBOX_PORT: String(takenPort) },
        timeoutMs: 60_000,
      });
      expectOneLineFailure(result, new RegExp(`^✖ ${name.replace('/', '\\/')} needs Node >=20\\.19\\.0; this is Node 18\\.20\\.4\\.$`));
    },
  );
});
