// The docs server beside local servers: the console's local settings in every page, and the dev loop's
// live reload (an EventSource channel that tells open pages to reload).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveDocs } from '../src/serve.js';
import type { LocalConfig } from '../src/try-it/model.js';

const dir = mkdtempSync(join(tmpdir(), 'docs-serve-'));
writeFileSync(join(dir, 'index.html'), '<html><body><p>page</p></body></html>');
writeFileSync(join(dir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
const config: LocalConfig = {
  servers: [{ url: 'http://127.0.0.1:5002', description: 'Local sandbox </script>' }],
  selected: 'http://127.0.0.1:5002',
  tokens: { 'http://127.0.0.1:5002': 'metorial_sk_sandbox_dev' },
  values: {},
};
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('serveDocs beside local servers', () => {
  it('adds the console settings to HTML pages only, with a matching length', async () => {
    const server = await serveDocs({ dir, port: 0, consoleConfig: config });
    try {
      const response = await fetch(server.url + '/');
      const html = await response.text();
      expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(html));
      const json = html.match(/<script type="application\/json" id="try-it-config">(.*?)<\/script>\n<\/body>/s)?.[1];
      expect(JSON.parse(json!)).toEqual(config);
      expect(await (await fetch(server.url + '/logo.svg')).text()).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>');
    } finally {
      await server.close();
    }
  });

  it('serves the page as built when there are no settings (a static host)', async () => {
    const server = await serveDocs({ dir, port: 0 });
    try {
      expect(await (await fetch(server.url + '/')).text()).toBe('<html><body><p>page</p></body></html>');
      expect((await fetch(server.url + '/__dev/reload')).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('tells open pages to reload, and closes with pages still connected', async () => {
    const server = await serveDocs({ dir, port: 0, liveReload: true });
    const html = await (await fetch(server.url + '/')).text();
    expect(html).toContain("new EventSource('__dev/reload')");
    const channel = await fetch(server.url + '/__dev/reload');
    expect(channel.headers.get('content-type')).toBe('text/event-stream');
    const reader = channel.body!.getReader();
    const decoder = new TextDecoder();
    let received = decoder.decode((await reader.read()).value);
    server.reload();
    while (!received.includes('event: reload')) received += decoder.decode((await reader.read()).value);
    expect(received).toContain('event: reload\ndata: now\n\n');
    await server.close();
    expect((await reader.read()).done).toBe(true);
  });

  it('closes while a browser holds a socket that never sent a request (a preconnect)', async () => {
    const server = await serveDocs({ dir, port: 0 });
    const socket = connect(server.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const ended = new Promise((resolve) => socket.once('close', resolve));
    await server.close();
    await ended;
  });
});
