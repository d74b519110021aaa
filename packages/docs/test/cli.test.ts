// `session-obs-docs` (src/cli.js) as a reader starts it: a port that is taken is one line and exit 1,
// not a stack trace. Needs the built site (the test task runs after the build).
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../src/cli.js', import.meta.url));
let taken: Server;
let port: number;
beforeAll(async () => {
  taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  port = (taken.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

describe('the docs CLI', () => {
  it('names a port that is already in use in one line and exits 1', () => {
    const run = spawnSync(process.execPath, [cli], { env: { ...process.env, DOCS_PORT: String(port) }, encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`✖ Port ${port} is already in use: set DOCS_PORT to another port.`);
  });

  it('refuses a DOCS_PORT that is not a port with exit 2', () => {
    const run = spawnSync(process.execPath, [cli], { env: { ...process.env, DOCS_PORT: 'eighty' }, encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('✖ DOCS_PORT must be a port number from 1 to 65535, got "eighty".');
  });
});
