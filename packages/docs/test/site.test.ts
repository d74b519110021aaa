import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOperations, loadSpec } from '@session-obs/spec';
import { serveDocs, siteDir } from '../src/serve.js';

const html = readFileSync(join(siteDir, 'index.html'), 'utf8');
let server: Awaited<ReturnType<typeof serveDocs>>;
beforeAll(async () => {
  server = await serveDocs({ port: 0 });
});
afterAll(() => server?.close());

describe('built docs site', () => {
  it('embeds every operation of the spec', () => {
    for (const { operationId } of listOperations(loadSpec())) expect(html).toContain(operationId);
  });

  it('is served as HTML', async () => {
    const response = await fetch(server.url + '/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('Session Observability API');
  });

  it('answers 404 for a missing file and refuses to leave its folder', async () => {
    expect((await fetch(server.url + '/nope.js')).status).toBe(404);
    expect((await fetch(server.url + '/..%2f..%2fpackage.json')).status).toBe(403);
    expect((await fetch(server.url + '/', { method: 'POST' })).status).toBe(405);
  });
});
