// The `session-obs-mock` CLI as a user runs it (the bin shim, a child process): ready line, Ctrl-C, and the
// one line and exit code it gives for each start-up mistake — never a stack trace.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '@session-obs/devkit';

const cli = join(import.meta.dirname, '..', 'bin', 'session-obs-mock.js');

/** Runs the CLI to its exit; resolves with its exit code and output. */
async function runToExit(env: Record<string, string>, args: string[] = []) {
  const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

describe('session-obs-mock CLI', () => {
  it('prints its URL when ready, answers, and stops cleanly on SIGINT', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [cli], { env: { ...process.env, MOCK_PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
      child.stdout.on('data', (chunk) => {
        out += chunk;
        if (out.includes('Mock server ready')) resolve();
      });
    });
    child.removeAllListeners('exit');
    expect(out).toContain(`✔ Mock server ready: http://127.0.0.1:${port}`);
    const response = await fetch(`http://127.0.0.1:${port}/session-errors`, { headers: { Authorization: 'Bearer t' } });
    expect(response.status).toBe(200);
    const exited = once(child, 'exit');
    child.kill('SIGINT');
    expect((await exited)[0]).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });

  it('MOCK_PORT=0 on MOCK_HOST=0.0.0.0: picks a free port and prints a URL this machine can use (the loopback one)', async () => {
    const child = spawn(process.execPath, [cli], {
      env: { ...process.env, MOCK_PORT: '0', MOCK_HOST: '0.0.0.0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
        child.stdout.on('data', (chunk) => {
          out += chunk;
          const ready = /✔ Mock server ready: (http:\/\/127\.0\.0\.1:[1-9]\d*) /.exec(out);
          if (ready) resolve(ready[1]!);
        });
      });
      child.removeAllListeners('exit');
      expect(out).toContain('Starting the mock on a free port…');
      expect((await fetch(`${url}/session-errors`, { headers: { Authorization: 'Bearer t' } })).status).toBe(200);
    } finally {
      child.kill('SIGINT');
      await once(child, 'exit');
    }
  });

  it('says in one line that MOCK_PORT is taken, and exits 1', async () => {
    const port = await freePort();
    const blocker = createServer().listen(port, '127.0.0.1');
    await once(blocker, 'listening');
    try {
      const { code, stderr } = await runToExit({ MOCK_PORT: String(port) });
      expect(code).toBe(1);
      expect(stderr).toBe(`✖ port ${port} on 127.0.0.1 is in use: stop what listens there or set MOCK_PORT to another port.\n`);
    } finally {
      blocker.close();
    }
  });

  it.each([
    [
      'a MOCK_PORT that is not a port',
      { MOCK_PORT: 'abc' },
      [],
      '✖ MOCK_PORT must be a port number from 0 (any free port) to 65535, got "abc".\n',
    ],
    [
      'a MOCK_PORT out of range',
      { MOCK_PORT: '70000' },
      [],
      '✖ MOCK_PORT must be a port number from 0 (any free port) to 65535, got "70000".\n',
    ],
    ['an unknown option', {}, ['--fast'], '✖ Unknown option "--fast" (see --help).\n'],
    [
      'a bad log level',
      {},
      ['--log-level', 'loud'],
      '✖ --log-level must be one of trace, debug, info, warn, error, fatal, silent, got "loud".\n',
    ],
    ['an option without its value', {}, ['--spec'], '✖ --spec needs a value (see --help).\n'],
  ])('refuses %s with one line and exit code 2', async (_, env, args, line) => {
    const { code, stderr } = await runToExit(env, args);
    expect(code).toBe(2);
    expect(stderr).toBe(line);
  });

  it('takes an empty MOCK_PORT as not set (the default port), as the sandbox does SANDBOX_PORT', async () => {
    // On an address this machine lacks, nothing listens: the one line names the port it would have used.
    const { code, stderr } = await runToExit({ MOCK_PORT: '', MOCK_HOST: '10.255.255.1' });
    expect(code).toBe(1);
    expect(stderr).toBe('✖ cannot listen on 10.255.255.1: it is not an address of this machine (MOCK_HOST).\n');
  });

  it('says in one line that MOCK_HOST is not an address of this machine, and exits 1', async () => {
    const { code, stderr } = await runToExit({ MOCK_PORT: String(await freePort()), MOCK_HOST: '10.255.255.1' });
    expect(code).toBe(1);
    expect(stderr).toBe('✖ cannot listen on 10.255.255.1: it is not an address of this machine (MOCK_HOST).\n');
  });

  it('says in one line that the spec cannot be read, and exits 1', async () => {
    const { code, stderr } = await runToExit({ MOCK_PORT: String(await freePort()) }, ['--spec', '/nonexistent/openapi.json']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^✖ Could not start the mock: cannot read the spec \/nonexistent\/openapi\.json: ENOENT[^\n]*\n$/);
  });

  it('says in one line that a JSON file is no OpenAPI document, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mock-spec-'));
    const file = join(dir, 'not-openapi.json');
    writeFileSync(file, JSON.stringify({ paths: {} }));
    try {
      const { code, stderr } = await runToExit({ MOCK_PORT: String(await freePort()) }, ['--spec', file]);
      expect(code).toBe(1);
      expect(stderr).toBe(
        `✖ Could not start the mock: cannot read the spec ${file}: not an OpenAPI 3.x document (no "openapi" version or no "info")\n`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says in one line that a spec cannot be resolved (a $ref to nothing), not that it cannot listen, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mock-spec-'));
    const file = join(dir, 'bad-ref.json');
    const parameter = { $ref: '#/components/parameters/Missing' };
    const spec = {
      openapi: '3.1.0',
      info: { title: 'bad ref', version: '1' },
      paths: { '/a': { get: { parameters: [parameter], responses: { '200': { description: 'ok' } } } } },
    };
    writeFileSync(file, JSON.stringify(spec));
    try {
      const { code, stderr } = await runToExit({ MOCK_PORT: String(await freePort()) }, ['--spec', file]);
      expect(code).toBe(1);
      expect(stderr).toMatch(new RegExp(`^✖ Could not start the mock: cannot read the spec ${file}: .*Missing.*\n$`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints its usage with --help', async () => {
    const { code, stdout } = await runToExit({}, ['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: session-obs-mock');
  });
});
