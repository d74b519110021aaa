// The built package as Node loads it: `require()` and `import` of `@session-obs/client` by name (the
// package's own exports map, resolved by Node in a child process), each making real calls to a local
// HTTP server. Runs after `build` (turbo's test depends on it).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionError, startFaultServer, type FaultServer } from './fault-server.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const dist = (file: string) => readFileSync(new URL(`../dist/${file}`, import.meta.url), 'utf8');

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer((request) =>
    request.url.pathname.endsWith('/seg_missing')
      ? { status: 404, body: sessionError(404, 'not_found', 'Session error group not found') }
      : { body: { object: 'session.error_group', id: request.url.pathname.split('/').at(-1) } },
  );
});
afterAll(() => server.close());

/** The same calls in either module system: a GET, and a 404 through unwrap; prints what came back. */
const calls = (load: string) => `
  ${load}
  const client = createClient({ baseUrl: ${JSON.stringify(server.url)}, token: 'sk_dist' });
  const path = '/session-error-groups/{session_error_group_id}';
  const { data } = await client.GET(path, { params: { path: { session_error_group_id: 'seg_1' } } });
  const error = await client.unwrap(client.GET(path, { params: { path: { session_error_group_id: 'seg_missing' } } })).catch((e) => e);
  console.log(JSON.stringify({ id: data.id, notFound: error instanceof NotFoundError, kind: error.kind, status: error.status }));`;

/** Runs a script with Node in the package's folder (so `@session-obs/client` resolves to this package) and parses its output. */
const runNode = (args: string[]) =>
  new Promise<unknown>((resolve, reject) =>
    execFile(process.execPath, args, { cwd: packageDir }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout)),
    ),
  );

const expected = { id: 'seg_1', notFound: true, kind: 'NotFoundError', status: 404 };

describe('the built package', () => {
  it('works through require() (CommonJS)', async () => {
    const script = `(async () => { ${calls("const { createClient, NotFoundError } = require('@session-obs/client');")} })();`;
    expect(await runNode(['-e', script])).toEqual(expected);
  });

  it('works through import (ESM)', async () => {
    expect(
      await runNode(['--input-type=module', '-e', calls("import { createClient, NotFoundError } from '@session-obs/client';")]),
    ).toEqual(expected);
  });

  it.each(['index.js', 'index.cjs'])('%s imports nothing: openapi-fetch is bundled, no node: built-ins', (file) => {
    const code = dist(file);
    expect([...code.matchAll(/(?:\bfrom\s*|\brequire\()\s*["']([^"']+)["']/g)].map((m) => m[1])).toEqual([]);
    // openapi-fetch looks at `process` only behind `typeof process === "object"`; the browser test runs the build.
    expect(code).not.toMatch(/\bBuffer\b|node:/);
  });

  it("the .d.ts inlines the generated types and imports only the package's dependencies", () => {
    const { dependencies } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    for (const file of ['index.d.ts', 'index.d.cts']) {
      const imported = [...dist(file).matchAll(/\bfrom ['"]([^'"]+)['"]/g)].map((m) => m[1]!);
      expect(imported.filter((name) => !(name in dependencies))).toEqual([]);
      expect(dist(file)).toMatch(/interface paths\b/);
    }
  });
});
